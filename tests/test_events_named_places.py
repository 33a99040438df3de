"""A place noun whose "of" phrase is its own name ("the Red Sea port of Yanbu") names the
place of its phrase, while a part of a city or a state named before its noun ("the Dahieh
suburb of Beirut") keeps its own name. Read off unseen wp-current-events items; sentences
written for these tests."""

from __future__ import annotations

import pytest
from eventkit import labels, of_type, only, run
from spacy.language import Language

from kg.model import EventType, Role


@pytest.mark.parametrize(("text", "place"), [
    ("A drone hits a refinery in the Black Sea port of Novorossiysk.", "Novorossiysk"),
    ("Israeli strikes on the Lebanese town of Khiam kill four people.", "Khiam"),
    ("Russian forces shelled the eastern city of Kharkiv on Monday.", "Kharkiv"),
])
def test_the_of_phrase_names_the_place(nlp: Language, text: str, place: str) -> None:
    events, ents = run(nlp, text)
    assert place in labels(only(of_type(events, EventType.COMBAT)), ents, Role.LOCATION)


def test_a_state_on_an_island_named_by_its_of_phrase_is_the_partner(nlp: Language) -> None:
    events, ents = run(nlp, "New Zealand establishes diplomatic relations with the Pacific "
                            "island of Niue.")
    assert "Niue" in labels(only(of_type(events, EventType.COOPERATION)), ents)


def test_a_part_named_before_its_noun_keeps_its_name(nlp: Language) -> None:
    events, ents = run(nlp, "The army captures the Sheikh Maqsoud neighbourhood of Aleppo.")
    places = labels(only(of_type(events, EventType.COMBAT)), ents, Role.LOCATION)
    assert "Aleppo" not in places
