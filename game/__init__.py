"""Open Sesame: a month inside a hidden rating system, then every rule revealed."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
