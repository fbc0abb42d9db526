"""The command line: ``python -m game [COMMAND] [options]``.

Each command lives in its own module with a ``run(argv) -> int`` function and is imported
only when called, so ``check`` and ``simulate`` never load pygame. With no command (or
only options) the game itself starts.
"""

from __future__ import annotations

import importlib

COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("game.cli.play", "start the game (the default)"),
    "check": ("game.cli.check", "validate level files: python -m game check levels"),
    "simulate": ("game.cli.simulate", "play many months with bots and report outcomes"),
    "screenshot": ("game.cli.screenshot", "render one screen to a PNG, headless"),
    "kiosk": ("game.kiosk.launch", "run the game under a crash-restarting supervisor"),
    "stats": ("game.stats.cli", "summarise, export or merge the local statistics"),
    "bench": ("game.cli.bench", "measure startup, frame cost, idle CPU, throughput, memory"),
    "words": ("game.tools.reveal_words", "count the words of the guided reveal, per language (budget 300)"),
    "replay": ("game.cli.replay", "replay a logged month, with every hidden change and its cause"),
}


def usage() -> str:
    lines = ["usage: python -m game [COMMAND] [options]", "", "commands:"]
    lines += [f"  {name:<11} {help_}" for name, (_, help_) in COMMANDS.items()]
    lines.append("\nRun 'python -m game COMMAND --help' for a command's options.")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help", "help"):
        print(usage())
        return 0
    if argv and not argv[0].startswith("-"):
        name, rest = argv[0], argv[1:]
        if name not in COMMANDS:
            print(f"unknown command {name!r}\n\n{usage()}")
            return 2
    else:
        name, rest = "play", argv
    module = importlib.import_module(COMMANDS[name][0])
    return int(module.run(rest))


def console_main() -> None:
    """Entry point of the ``open-sesame`` console script."""
    import sys

    sys.exit(main(sys.argv[1:]))
