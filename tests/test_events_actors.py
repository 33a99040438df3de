"""Who can make an event: private persons and companies alone make none but statements and
appeals; a meeting needs two parties (kg.events on hand-written sentences)."""

from __future__ import annotations

import pytest
from eventkit import labels, of_type, only, run
from spacy.language import Language

from kg.model import EventType, Role


@pytest.mark.parametrize(("text", "kind"), [
    ("Netflix, Inc. agrees to buy Warner Bros. Discovery Inc.", EventType.COOPERATION),
    ("Amar Patel spoke with Wikinews News about the campaign.", EventType.MEETING),
    ("A man suspected to have supplied the gun to Louis De Zoysa was arrested.",
     EventType.TRANSFER),
    ("John Smith shot Peter Brown in the head after an argument.", EventType.COMBAT),
])
def test_private_actors_alone_make_no_political_event(nlp: Language, text: str,
                                                      kind: EventType) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, kind)


@pytest.mark.parametrize(("text", "kind"), [
    ("Gunmen shot dead journalist Abdul Ghafoor Abed near the border.", EventType.COMBAT),
    ("Tetsuya Yamagami assassinated former prime minister Shinzo Abe in 2022.",
     EventType.COMBAT),
    ("Canadian author Margaret Atwood said the decision was wrong.", EventType.STATEMENT),
])
def test_private_persons_still_suffer_attacks_and_speak(nlp: Language, text: str,
                                                        kind: EventType) -> None:
    events, _ = run(nlp, text)
    assert of_type(events, kind)


def test_the_possessor_of_a_killing_is_its_victim(nlp: Language) -> None:
    events, ents = run(nlp, "Thousands mourned after Charlie Kirk's killing in Utah.")
    assert "Charlie Kirk" in labels(only(of_type(events, EventType.COMBAT)), ents, Role.TARGET)


@pytest.mark.parametrize(("text", "meeting"), [
    ("He discussed how he became the vice presidential nominee of the party.", False),
    ("Amar Patel discussed the campaign and his duties.", False),
    ("Antony Blinken met Wang Yi in Beijing.", True),
    ("G7 leaders discussed the Amazon fires in Biarritz.", True),
    ("Vance meets with prime minister Nikol Pashinyan to discuss a peace agreement.", True),
])
def test_a_meeting_needs_two_parties(nlp: Language, text: str, meeting: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.MEETING)) is meeting
