"""Kiosk mode: the config file, the idle timer, fault injection and the crash-restarting supervisor.

``config``, ``idle``, ``backoff``, ``fault`` and ``supervisor`` import no pygame, so the
supervisor stays small and survives whatever breaks the game, and the logic is tested headless.
"""
