"""Effects and conditions as registered kinds (the "type object" pattern).

Each kind is one module: its YAML schema (a pydantic model), how it applies to a month
(through :class:`~game.kinds.base.EffectContext`, which the engine implements), how the
linter checks it, and what the debrief can say of it. The level loader dispatches by
kind through the registries built here; a new module under ``effects/`` or
``conditions/`` is found at import, so adding a kind is adding one file.
See ``docs/extending.md``.
"""
