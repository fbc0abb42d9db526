"""The debrief's computations: plain view data from a level and a finished month.

Nothing here imports pygame, so every figure the debrief shows can be tested directly
and quickly. The screens in :mod:`game.screens.debrief` only lay these views out.
"""
