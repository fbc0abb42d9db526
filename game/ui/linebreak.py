"""Where a line may break: the Unicode line-breaking rules (UAX #14), as ICU implements them.

ICU (through ``icu4py``) knows every script: spaces and hyphens in French and English,
between characters in Chinese and Japanese (but never before 。，」 nor after 「（),
words found by dictionary in Thai, Lao, Khmer and Burmese, and never at a no-break space
(U+00A0, U+202F), so « oui » and 1 234 stay whole. The language is passed as ICU's locale,
which tailors the rules (Chinese quotation marks, Japanese small kana).

Break opportunities depend on the text and its language only, never on a width or a
size, so they are found once per paragraph and kept; filling a line is then a search over
them (a few measurements a line, whatever the paragraph's length). A piece longer than
the line, a 40-character word or URL, is broken between characters (grapheme clusters:
an accent or an emoji's skin tone stays with its letter) instead of overflowing.
"""

from __future__ import annotations

from collections.abc import Callable

from icu4py.breakers import CharacterBreaker, LineBreaker

from game.ui.textfit import drawable

_CACHE_CHARS = 2_000_000
_pieces: dict[tuple[str, str], tuple[str, ...]] = {}
_cached_chars = 0


def pieces(text: str, lang: str) -> tuple[str, ...]:
    """``text`` cut at every break opportunity; each piece keeps the spaces that follow it.

    Kept per text and language, bounded in characters (a hostile level's huge texts
    cannot grow it without end).
    """
    global _cached_chars
    key = (text, lang)
    found = _pieces.get(key)
    if found is None:
        found = tuple(LineBreaker(drawable(text), lang or "en")) if text else ()
        if _cached_chars + len(text) > _CACHE_CHARS:
            _pieces.clear()
            _cached_chars = 0
        _pieces[key] = found
        _cached_chars += len(text)
    return found


def characters(text: str, lang: str) -> list[str]:
    """``text``'s user-perceived characters (a letter with its accents, an emoji with its modifiers)."""
    return list(CharacterBreaker(drawable(text), lang or "en")) if text else []


def wrap(paragraph: str, lang: str, fits: Callable[[str], bool], most: int | None = None) -> list[str]:
    """The lines of one paragraph (no newline in it): each as long as ``fits`` allows.

    Spaces are as the old word wrap left them, so French and English lines do not move:
    runs of ordinary spaces count as one, none starts or ends a line (a no-break space is
    no ordinary space and stays where it is). ``fits`` is asked about lines without their
    trailing spaces, and must be monotonic (a prefix of a line that fits fits too).
    With ``most``, stops once it has more lines than that (fitting only needs to know).
    """
    text = " ".join(word for word in paragraph.split(" ") if word)
    if not text:
        return []
    fits = _probing(fits)
    if fits(text):
        return [text]
    todo = list(pieces(text, lang))
    lines: list[str] = []
    at = 0
    hint = 1
    clusters: list[str] = []  # the piece being broken between characters, if any
    while at < len(todo) and (most is None or len(lines) <= most):
        if clusters:
            keep = max(1, _fit(clusters, 0, fits, hint))
            lines.append("".join(clusters[:keep]).rstrip(" "))
            del clusters[:keep]
            hint = keep
            if not "".join(clusters).strip(" "):
                clusters.clear()
                at += 1
            elif fits("".join(clusters).rstrip(" ")):  # the rest of the word may share a line again
                todo[at] = "".join(clusters)
                clusters.clear()
            continue
        count = _fit(todo, at, fits, hint)
        if count:
            lines.append("".join(todo[at : at + count]).rstrip(" "))
            at += count
            hint = count
        else:  # the piece alone is wider than the line: as many characters as fit, one at least
            clusters = characters(todo[at], lang)
    return lines


def _probing(fits: Callable[[str], bool]) -> Callable[[str], bool]:
    """``fits`` that first asks about growing prefixes of a long line (128, 512, … characters).

    Measuring costs as much as the text is long, and a line never holds more than a
    hundred or so characters: when a prefix is already too wide, the whole line is (widths
    only grow), so a 4,000-character word is refused after measuring 128 of them.
    """

    def probe(line: str) -> bool:
        cut = 128
        while cut < len(line):
            if not fits(line[:cut].rstrip(" ")):
                return False
            cut *= 4
        return fits(line)

    return probe


def _fit(parts: list[str], start: int, fits: Callable[[str], bool], hint: int) -> int:
    """How many of ``parts`` from ``start`` fit on one line (0 when the first alone does not)."""
    return _most(len(parts) - start, lambda k: fits("".join(parts[start : start + k]).rstrip(" ")), hint)


def _most(available: int, fits: Callable[[int], bool], hint: int = 1) -> int:
    """The largest ``k`` in ``0..available`` for which ``fits(k)`` holds (``fits(0)`` is taken as true).

    Galloping from ``hint`` (the last line's count: lines of a paragraph are alike), then
    bisecting, so a line costs a few measurements whatever the paragraph's length.
    """
    hint = max(1, min(available, hint))
    step = 1
    if fits(hint):
        good, bad = hint, available + 1
        while good < available:
            trial = min(available, good + step)
            if not fits(trial):
                bad = trial
                break
            good, step = trial, step * 2
        else:
            return good
    else:
        good, bad = 0, hint
        while bad - step > 0:
            trial = bad - step
            if fits(trial):
                good = trial
                break
            bad, step = trial, step * 2
    while bad - good > 1:
        mid = (good + bad) // 2
        if fits(mid):
            good = mid
        else:
            bad = mid
    return good
