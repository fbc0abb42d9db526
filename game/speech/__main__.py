"""The technician's check: ``python -m game.speech`` says a test sentence in every language.

It prints which engine was found (or why none), which voice speaks each language, and
the keypad table, then speaks the catalog's sound-check sentence in each language, so a
technician with headphones on hears at once whether speech, the voices and the headphone
socket work. Exit code 0 when everything was said, 1 when speech is unavailable or
failed, 2 when ``assets/speech.yaml`` or ``assets/keypad.yaml`` is invalid.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from game.content.yamlsafe import ContentInvalid
from game.i18n import load_catalog
from game.speech.config import load_speech_config
from game.speech.espeak import EspeakSpeaker
from game.speech.keypad import load_keypad
from game.speech.text import speakable


def _version(path: str) -> str:
    try:
        done = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=3, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        return f"(no version: {err})"
    return done.stdout.strip().splitlines()[0] if done.stdout.strip() else "(no version)"


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.speech", description=__doc__.splitlines()[0])
    parser.add_argument("--lang", action="append", help="only this language (repeatable); default: every UI language")
    parser.add_argument("--text", help="say this instead of the sound-check sentence")
    parser.add_argument("--null", action="store_true", help="synthesise but play nothing (checks the engine only)")
    args = parser.parse_args(argv)
    try:
        config = load_speech_config()
        keypad = load_keypad()
    except ContentInvalid as err:
        print(err, file=sys.stderr)
        return 2
    catalog = load_catalog()
    languages = args.lang or sorted(catalog.languages())

    print("keypad (assets/keypad.yaml):")
    for action, names in keypad.actions.items():
        print(f"  {action:<12} {', '.join(names)}")
    speaker = EspeakSpeaker(config, null_output=args.null)
    speaker.wait_ready(config.engine.probe_timeout_s + 1)
    if not speaker.available:
        print(f"speech unavailable: {speaker.reason}")
        print("install eSpeak NG (Debian/Ubuntu: sudo apt install espeak-ng) and run this again")
        return 1
    assert speaker.path is not None
    print(f"engine: {speaker.path}: {_version(speaker.path)}")
    for lang in languages:
        voice = speaker.voice_for(lang)
        said = f"{voice.voice} ({voice.rate} words/min, pitch {voice.pitch})" if voice else "eSpeak's default voice"
        print(f"  {lang}: {said}")
    ok = True
    for lang in languages:
        text = speakable(args.text or catalog("speech.test", lang), lang)
        print(f"saying in {lang}: {text}")
        before = speaker.counts.completed
        speaker.say(text, lang, interrupt=False)
        finished = speaker.wait_idle(config.engine.timeout_for(text) + 2)
        if not finished or speaker.counts.completed == before:
            print(f"  not said: {speaker.reason or 'see the log above'}")
            ok = False
    speaker.close()
    return 0 if ok else 1


if __name__ == "__main__":
    import logging

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    sys.exit(run(sys.argv[1:]))
