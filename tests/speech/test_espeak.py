"""The eSpeak NG speaker: the real engine in French and English, and a misbehaving one.

The real engine's sound goes nowhere (``--stdout`` into /dev/null), so these run on CI and
on machines without a sound card. The misbehaving engines are small shell scripts standing
in for ``espeak-ng``: one that hangs, one that crashes, one that fails, one that never
answers the voice check, so each failure is proved to stay inside the speaker.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from game.speech import REASON_BROKEN, REASON_MISSING, EspeakSpeaker
from game.speech.config import load_speech_config
from game.speech.espeak import KILL_AFTER_S, parse_voices

pytestmark = pytest.mark.serial  # it times a game or a speaker: run alone (tests/run.py)

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed (Debian/Ubuntu: apt-get install espeak-ng); .ci/run installs it when it can",
)
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the stand-in engines are POSIX shell scripts")

VOICES = """Pty Language       Age/Gender VoiceName          File                 Other Languages
 5  de              --/M      German             gmw/de
 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)
 5  fr-fr           --/M      French_(France)    roa/fr               (fr 5)
"""


def fast_config(timeout_base_s: float = 5.0, probe_timeout_s: float = 3.0):  # type: ignore[no-untyped-def]
    config = load_speech_config()
    engine = config.engine.model_copy(
        update={"timeout_base_s": timeout_base_s, "timeout_per_char_s": 0.01, "probe_timeout_s": probe_timeout_s}
    )
    return config.model_copy(update={"engine": engine})


def stand_in(tmp_path: Path, speak: str, voices: str = f"cat <<'END'\n{VOICES}END", prelude: str = "") -> str:
    """An executable that answers ``--voices`` like eSpeak and otherwise runs ``speak``.

    It records its arguments and its stdin (and its pid) in ``tmp_path``.
    """
    script = tmp_path / "espeak-ng"
    script.write_text(
        f"#!/bin/sh\n{prelude}\n"
        f'if [ "$1" = "--voices" ]; then\n{voices}\nexit 0\nfi\n'
        f'echo $$ > "{tmp_path}/pid"\n'
        f'printf "%s\\n" "$@" > "{tmp_path}/args"\n'
        f'cat > "{tmp_path}/stdin"\n'
        f"{speak}\n"
    )
    script.chmod(0o755)
    return str(script)


@needs_espeak
@pytest.mark.parametrize(("lang", "text"), [("fr", "Semaine 2 : moins 17."), ("en", "Week 2: down 17.")])
def test_the_real_engine_says_a_short_sentence(lang: str, text: str, caplog: pytest.LogCaptureFixture) -> None:
    speaker = EspeakSpeaker(null_output=True)
    assert speaker.wait_ready(5.0)
    assert speaker.available, speaker.reason
    assert speaker.installed and load_speech_config().voices[lang].voice in speaker.installed
    with caplog.at_level(logging.WARNING, logger="open_sesame.speech"):
        speaker.say(text, lang)
        assert speaker.wait_idle(10.0)
    assert speaker.counts.completed == 1, caplog.text
    assert speaker.counts.failed == 0
    assert caplog.records == []
    speaker.close()


@needs_espeak
def test_the_real_engine_is_fed_on_stdin_so_a_dash_is_just_text() -> None:
    speaker = EspeakSpeaker(null_output=True)
    speaker.say("-v --help -17", "en")
    assert speaker.wait_idle(10.0)
    assert speaker.counts.completed == 1
    assert speaker.counts.failed == 0
    speaker.close()


def test_a_missing_engine_is_unavailable_with_a_reason_and_never_raises(tmp_path: Path) -> None:
    start = time.monotonic()
    speaker = EspeakSpeaker(executable=str(tmp_path / "no-such-espeak-ng"))
    assert time.monotonic() - start < 0.05
    assert not speaker.available
    assert "not installed" in speaker.reason
    assert speaker.reason_key == REASON_MISSING
    speaker.say("hello", "en")
    speaker.stop()
    assert not speaker.busy
    speaker.close()


@posix_only
def test_the_command_line_has_the_voice_rate_and_pitch_and_the_text_goes_on_stdin(tmp_path: Path) -> None:
    speaker = EspeakSpeaker(fast_config(), executable=stand_in(tmp_path, "exit 0"), null_output=True)
    speaker.say("−17 « élève »", "fr")
    assert speaker.wait_idle(5.0)
    args = (tmp_path / "args").read_text().split("\n")
    fr = load_speech_config().voices["fr"]
    assert args[args.index("-v") + 1] == fr.voice
    assert args[args.index("-s") + 1] == str(fr.rate)
    assert args[args.index("-p") + 1] == str(fr.pitch)
    assert "--stdin" in args and "--stdout" in args
    assert "élève" not in " ".join(args)  # the text is not on the command line
    assert (tmp_path / "stdin").read_text(encoding="utf-8") == "−17 « élève »\n"
    assert speaker.counts.completed == 1
    speaker.close()


@posix_only
def test_an_unknown_language_falls_back_to_the_first_installed_voice(tmp_path: Path) -> None:
    speaker = EspeakSpeaker(fast_config(), executable=stand_in(tmp_path, "exit 0"), null_output=True)
    assert speaker.wait_ready(2.0)
    first = next(iter(load_speech_config().voices.values()))
    assert speaker.voice_for("xx") == first
    assert speaker.voice_for("en-US") == load_speech_config().voices["en"]
    speaker.say("hello", "xx")
    assert speaker.wait_idle(5.0)
    assert speaker.counts.completed == 1
    speaker.close()


@posix_only
def test_a_hanging_engine_never_blocks_and_is_stopped_at_once(tmp_path: Path) -> None:
    speaker = EspeakSpeaker(fast_config(), executable=stand_in(tmp_path, "exec sleep 30"))
    start = time.monotonic()
    speaker.say("hello", "en")
    assert time.monotonic() - start < 0.05
    pid = _wait_for_pid(tmp_path)
    start = time.monotonic()
    speaker.stop()
    assert speaker.wait_idle(2.0)
    assert time.monotonic() - start < 1.0
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # terminated and reaped
    assert speaker.counts.interrupted == 1
    assert speaker.counts.failed == 0
    speaker.close()


@posix_only
def test_a_new_sentence_kills_the_one_in_progress(tmp_path: Path) -> None:
    speaker = EspeakSpeaker(fast_config(), executable=stand_in(tmp_path, "exec sleep 30"))
    speaker.say("first", "en")
    pid = _wait_for_pid(tmp_path)
    speaker.say("second", "en", interrupt=True)
    deadline = time.monotonic() + 2.0
    while _alive(pid):
        assert time.monotonic() < deadline, "the first utterance was not cut off"
        time.sleep(0.01)
    speaker.close()


@posix_only
def test_an_engine_that_ignores_sigterm_is_killed(tmp_path: Path) -> None:
    executable = stand_in(tmp_path, "while :; do sleep 0.05; done", prelude="trap '' TERM")
    speaker = EspeakSpeaker(fast_config(), executable=executable)
    speaker.say("hello", "en")
    pid = _wait_for_pid(tmp_path)
    start = time.monotonic()
    speaker.stop()
    assert speaker.wait_idle(3.0)
    assert KILL_AFTER_S <= time.monotonic() - start < 2.0  # SIGTERM ignored, then SIGKILL
    assert not _alive(pid)
    assert speaker.counts.interrupted == 1
    speaker.close()


@posix_only
def test_an_engine_past_its_time_is_stopped_and_logged_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    speaker = EspeakSpeaker(fast_config(timeout_base_s=0.2), executable=stand_in(tmp_path, "exec sleep 30"))
    with caplog.at_level(logging.DEBUG, logger="open_sesame.speech"):
        for n in range(2):
            speaker.say(f"sentence {n}", "en", interrupt=False)
        assert speaker.wait_idle(5.0)
    assert speaker.counts.failed == 2
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "took over" in warnings[0]
    speaker.close()


@posix_only
@pytest.mark.parametrize(
    ("speak", "expected"), [("kill -SEGV $$", "crashed"), ("echo 'voice broken' >&2; exit 3", "voice broken")]
)
def test_a_crash_or_an_error_is_logged_and_three_in_a_row_make_it_unavailable(
    tmp_path: Path, speak: str, expected: str, caplog: pytest.LogCaptureFixture
) -> None:
    speaker = EspeakSpeaker(fast_config(), executable=stand_in(tmp_path, speak))
    with caplog.at_level(logging.WARNING, logger="open_sesame.speech"):
        for n in range(3):
            speaker.say(f"sentence {n}", "en", interrupt=False)
        assert speaker.wait_idle(5.0)
    assert expected in caplog.text
    assert len(caplog.records) == 1
    assert not speaker.available
    assert expected in speaker.reason
    assert speaker.reason_key == REASON_BROKEN
    speaker.say("no exception, no sound", "en")
    speaker.close()


@posix_only
def test_a_voice_check_that_never_answers_makes_speech_unavailable_without_waiting(tmp_path: Path) -> None:
    executable = stand_in(tmp_path, "exit 0", voices="exec sleep 30")
    start = time.monotonic()
    speaker = EspeakSpeaker(fast_config(probe_timeout_s=0.2), executable=executable)
    assert time.monotonic() - start < 0.05  # the check runs in the background
    speaker.say("queued before the check failed", "en")
    assert speaker.wait_ready(3.0)
    assert not speaker.available
    assert "did not answer" in speaker.reason
    assert speaker.reason_key == REASON_BROKEN
    assert speaker.wait_idle(1.0)
    assert speaker.counts.started == 0
    speaker.close()


@posix_only
def test_an_engine_with_no_voices_is_unavailable(tmp_path: Path) -> None:
    speaker = EspeakSpeaker(fast_config(), executable=stand_in(tmp_path, "exit 0", voices="true"))
    assert speaker.wait_ready(2.0)
    assert not speaker.available
    assert "no voices" in speaker.reason
    speaker.close()


def test_parse_voices_reads_languages_names_and_other_languages() -> None:
    names = parse_voices(VOICES)
    assert {"fr-fr", "fr", "en-gb", "en", "de", "french_(france)"} <= names
    assert "pty" not in names and "language" not in names


def _wait_for_pid(folder: Path, timeout: float = 2.0) -> int:
    deadline = time.monotonic() + timeout
    while True:
        text = (folder / "pid").read_text().strip() if (folder / "pid").exists() else ""
        if text:
            return int(text)
        assert time.monotonic() < deadline, "the stand-in engine never started"
        time.sleep(0.005)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
