"""View models: what each screen shows, built from a :class:`~game.visit.Visit` in a language.

Screens draw these and nothing else: they never read the engine's state or its level
index. The builders here are plain functions (no pygame), so tests can check what a
visitor would read without drawing it.
"""
