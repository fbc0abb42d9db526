"""The rules sandbox: change a level's rules and see, on the same months, whom they favour.

Pure (no pygame), deterministic, built on the engine's own replay:

    from game.sandbox import Month, Rules, replay_months

    rules = Rules.shipped(level, "standard").with_weight("connections", 40)
    figures = replay_months(level, months, rules)   # before/after per month and per persona

:mod:`~game.sandbox.rules` (what can change, and the presets), :mod:`~game.sandbox.level`
(the modified level), :mod:`~game.sandbox.replay` (months before and after),
:mod:`~game.sandbox.classroom` (a class's months from the statistics, k ≥ 5),
:mod:`~game.sandbox.favour` (who do these rules favour?), :mod:`~game.sandbox.save` (a new
rule set in a level file), :mod:`~game.sandbox.bench` (how fast a slider move is answered).
"""

from game.sandbox.level import SANDBOX, ModifiedLevels, modified_level
from game.sandbox.replay import Change, Figures, Month, PersonaFigures, Result, Sandbox, replay_months
from game.sandbox.rules import Preset, Rules, presets

__all__ = [
    "SANDBOX",
    "Change",
    "Figures",
    "ModifiedLevels",
    "Month",
    "PersonaFigures",
    "Preset",
    "Result",
    "Rules",
    "Sandbox",
    "modified_level",
    "presets",
    "replay_months",
]
