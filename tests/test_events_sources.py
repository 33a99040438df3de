"""Events named by nouns and statements made by a source: "according to X", wars with
named sides (kg.events on hand-written sentences)."""

from __future__ import annotations

import pytest
from eventkit import labels, of_type, only, run
from spacy.language import Language

from kg.model import EventType, Role


@pytest.mark.parametrize(("text", "speaker"), [
    ("Drones struck two refineries, according to the Kuwait National Petroleum Company.",
     "Kuwait National Petroleum Company"),
    ("According to the Pentagon, the base was hit overnight.", "Pentagon"),
    ("The convoy was ambushed near Gao, according to Mali.", "Mali"),
])
def test_according_to_an_actor_is_its_statement(nlp: Language, text: str,
                                                speaker: str) -> None:
    events, ents = run(nlp, text)
    e = only(of_type(events, EventType.STATEMENT))
    assert labels(e, ents, Role.SPEAKER) == {speaker}


@pytest.mark.parametrize("text", [
    "According to Reuters, the talks failed.",
    "According to officials, the talks failed.",
    "According to U.S. and South Korean intelligence, the troops are in Russia.",
])
def test_according_to_an_outlet_or_a_modified_noun_is_no_statement(nlp: Language,
                                                                   text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.STATEMENT)


@pytest.mark.parametrize(("text", "sides"), [
    ("Nuclear sites were damaged in the Iran–Israel war.", {"Iran", "Israel"}),
    ("Security is tight due to the ongoing Cambodia–Thailand conflict.",
     {"Cambodia", "Thailand"}),
    ("Russia's war against Ukraine entered its fourth year.", {"Russia", "Ukraine"}),
    ("The conflict between Armenia and Azerbaijan flared again.", {"Armenia", "Azerbaijan"}),
])
def test_a_war_with_named_sides_is_combat(nlp: Language, text: str, sides: set[str]) -> None:
    events, ents = run(nlp, text)
    assert sides <= labels(only(of_type(events, EventType.COMBAT)), ents)


@pytest.mark.parametrize("text", [
    "The war has changed the region.",
    "The trade war between China and the United States escalated.",
    "Donald Trump announces an economic war against Iran.",
    "Her father served in World War II.",
    "Prosecutors in Kyiv documented Russian war crimes.",
])
def test_no_combat_for_a_bare_figurative_or_historical_war(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.COMBAT)
