"""The guided reveal: four steps between the end of the month and the full debrief."""

from game.screens.reveal.screen import RevealScreen

__all__ = ["RevealScreen"]
