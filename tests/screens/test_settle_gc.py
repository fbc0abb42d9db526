"""Once settled, what start-up made is out of the cyclic collector's sight (its full
collections would pause a frame for tens of milliseconds); quitting lets it go again."""

from __future__ import annotations

import gc

from tests.screens.helpers import make_app


def test_settling_freezes_what_start_up_made_and_quitting_unfreezes_it() -> None:
    app = make_app()
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    app.settle()
    assert gc.get_freeze_count() > 10_000  # the level and every screen's module, at least
    app.quit()
    assert gc.get_freeze_count() == 0
