"""The announcer: screens interrupt, focus is said once, repeat and stop, in the visitor's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from game.speech import Announcer, FakeSpeaker, NullSpeaker


class Visitor:
    lang = "fr"


@pytest.fixture
def fake() -> Iterator[FakeSpeaker]:
    speaker = FakeSpeaker(delay_s=5.0)  # nothing finishes by itself: every cut-off shows
    yield speaker
    speaker.close()


def make(fake: FakeSpeaker, visitor: Visitor | None = None) -> Announcer:
    who = visitor or Visitor()
    return Announcer(fake, lambda: who.lang)


def test_a_screen_is_said_title_then_body_and_cuts_off_what_was_said(fake: FakeSpeaker) -> None:
    announcer = make(fake)
    announcer.screen_opened("Fin de la semaine 2", "Votre score : 612 → 595.")
    assert fake.said == [("Fin de la semaine 2.\nVotre score : 612, puis 595.", "fr")]
    announcer.screen_opened("Qui êtes-vous ?", "")
    assert fake.calls[-1] == ("Qui êtes-vous ?", "fr", True)


def test_the_first_focus_waits_for_the_screen_and_later_moves_interrupt(fake: FakeSpeaker) -> None:
    announcer = make(fake)
    announcer.screen_opened("Scène", "Une amende à payer.")
    announcer.focus_moved("Payer en ligne")
    announcer.focus_moved("Contester", "Pas possible pour vous en ce moment")
    assert fake.calls == [
        ("Scène.\nUne amende à payer.", "fr", True),
        ("Payer en ligne", "fr", False),  # queued behind the screen's text
        ("Contester, Pas possible pour vous en ce moment", "fr", True),  # a move cuts off
    ]


def test_the_same_focus_twice_in_a_row_is_said_once(fake: FakeSpeaker) -> None:
    announcer = make(fake)
    announcer.screen_opened("Scène")
    announcer.focus_moved("Payer")
    announcer.focus_moved("Payer")
    announcer.focus_moved("Contester")
    announcer.focus_moved("Payer")
    assert [text for text, _ in fake.said[1:]] == ["Payer", "Contester", "Payer"]


def test_a_new_screen_says_its_focus_even_if_the_label_is_the_same(fake: FakeSpeaker) -> None:
    announcer = make(fake)
    announcer.screen_opened("Semaine 1")
    announcer.focus_moved("Continuer")
    announcer.screen_opened("Semaine 2")
    announcer.focus_moved("Continuer")
    assert [text for text, _ in fake.said] == ["Semaine 1.", "Continuer", "Semaine 2.", "Continuer"]


def test_repeat_says_the_screen_again_then_the_focus(fake: FakeSpeaker) -> None:
    announcer = make(fake)
    announcer.screen_opened("Fin du mois", "Classe C")
    announcer.focus_moved("Voir ce qui s’est vraiment passé")
    fake.clear()
    announcer.repeat()
    assert fake.calls == [("Fin du mois.\nClasse C", "fr", True), ("Voir ce qui s’est vraiment passé", "fr", False)]


def test_stop_silences(fake: FakeSpeaker) -> None:
    announcer = make(fake)
    announcer.screen_opened("Un long texte", "…")
    announcer.stop()
    assert fake.wait_idle(1.0)
    assert fake.completed == []


def test_the_language_is_the_visitors_at_the_time_of_speaking(fake: FakeSpeaker) -> None:
    visitor = Visitor()
    announcer = make(fake, visitor)
    announcer.say("+12")
    visitor.lang = "en"
    announcer.say("+12")
    assert fake.said == [("plus 12", "fr"), ("plus 12", "en")]
    announcer.say("−3 · 5 %")
    assert fake.last == ("minus 3, 5 percent", "en")


def test_switched_off_it_says_nothing_and_switched_on_it_reads_the_screen(fake: FakeSpeaker) -> None:
    announcer = Announcer(fake, lambda: "en", enabled=False)
    announcer.screen_opened("Who are you?", "Pick a life.")
    announcer.focus_moved("Student")
    assert fake.said == []
    announcer.set_enabled(True)
    assert [text for text, _ in fake.said] == ["Who are you?\nPick a life.", "Student"]
    announcer.set_enabled(False)
    assert fake.wait_idle(1.0)


def test_a_broken_rule_still_lets_the_sentence_through(fake: FakeSpeaker) -> None:
    def broken(text: str, lang: str) -> str:
        raise KeyError("speech.nowhere")

    announcer = Announcer(fake, lambda: "en", prepare=broken)
    announcer.say("Week 2")
    announcer.say("Week 3")
    assert [text for text, _ in fake.said] == ["Week 2", "Week 3"]


def test_without_an_engine_nothing_breaks() -> None:
    announcer = Announcer(NullSpeaker(), lambda: "fr")
    announcer.screen_opened("Titre", "Texte")
    announcer.focus_moved("Bouton")
    announcer.repeat()
    announcer.stop()
    assert announcer.screen_text == "Titre.\nTexte"
