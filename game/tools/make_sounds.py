"""Write the game's few sound effects to ``assets/sounds`` (run once; the WAVs are committed).

They are synthesised here so their licence is the project's own: a soft tap, a chime for
Halo's notifications, a low tone and a thud for a refusal (the stamp), a bright rising pair
for a door that opens, a rising and a falling arpeggio for the weekly publication, and a
grave two-note fall for the blacklist. Each is short; none carries information on its own.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

from game.paths import ASSETS_DIR

RATE = 22050


def tone(freqs: list[float], seconds: float, volume: float = 0.25, decay: float = 6.0) -> bytes:
    frames = bytearray()
    for i in range(int(RATE * seconds)):
        t = i / RATE
        envelope = math.exp(-decay * t) * min(1.0, t * 200)
        value = sum(math.sin(2 * math.pi * f * t) for f in freqs) / len(freqs)
        frames += struct.pack("<h", int(32767 * volume * envelope * value))
    return bytes(frames)


def write(path: Path, data: bytes) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(data)


def main() -> None:
    folder = ASSETS_DIR / "sounds"
    folder.mkdir(parents=True, exist_ok=True)
    write(folder / "tap.wav", tone([880.0], 0.06, 0.15, 40.0))
    write(folder / "chime.wav", tone([1046.5, 1318.5], 0.5, 0.2, 5.0) + tone([1568.0], 0.4, 0.15, 6.0))
    write(folder / "refuse.wav", tone([90.0], 0.08, 0.35, 30.0) + tone([196.0, 207.7], 0.45, 0.25, 4.0))
    write(folder / "granted.wav", tone([659.3], 0.12, 0.18, 12.0) + tone([987.8, 1318.5], 0.35, 0.18, 6.0))
    write(folder / "up.wav", b"".join(tone([f], 0.11, 0.16, 10.0) for f in (523.3, 659.3, 784.0, 1046.5)))
    write(folder / "down.wav", b"".join(tone([f], 0.13, 0.16, 9.0) for f in (784.0, 622.3, 523.3, 392.0)))
    write(folder / "blacklist.wav", tone([146.8, 155.6], 0.5, 0.28, 3.0) + tone([110.0, 116.5], 0.7, 0.28, 2.5))


if __name__ == "__main__":
    main()
