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


@pytest.mark.parametrize(("text", "place"), [
    ("More than 100,000 people have died in the civil war in Myanmar.", "Myanmar"),
    ("Prices rose because of the war in Gaza.", "Gaza Strip"),
    ("The port was closed due to the ongoing conflict in the Persian Gulf.", "Persian Gulf"),
])
def test_a_war_fought_in_a_named_land_is_combat(nlp: Language, text: str, place: str) -> None:
    events, ents = run(nlp, text)
    assert place in labels(only(of_type(events, EventType.COMBAT)), ents, Role.LOCATION)


@pytest.mark.parametrize("text", [
    "The war has changed the region.",
    "The war of words in Washington escalated.",
    "The trade war in Europe hurt exporters.",
    "The trade war between China and the United States escalated.",
    "Donald Trump announces an economic war against Iran.",
    "Her father served in World War II.",
    "Prosecutors in Kyiv documented Russian war crimes.",
])
def test_no_combat_for_a_bare_figurative_or_historical_war(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.COMBAT)


@pytest.mark.parametrize(("text", "kind", "author"), [
    ("The team will play despite remarks from U.S. President Donald Trump.",
     EventType.STATEMENT, "Donald Trump"),
    ("Indonesia agrees to repatriate two Dutch nationals, following a request from Dutch "
     "king Willem-Alexander.",
     EventType.APPEAL, "Willem-Alexander"),
])
def test_a_from_phrase_names_who_speaks_or_asks(nlp: Language, text: str, kind: EventType,
                                                author: str) -> None:
    events, ents = run(nlp, text)
    assert author in labels(only(of_type(events, kind)), ents)


@pytest.mark.parametrize(("text", "kind", "parties"), [
    ("Iran announces a pause on peace talks with the United States.", EventType.MEETING,
     {"Iran", "United States"}),
    ("Thailand releases 18 prisoners as part of a ceasefire agreement with Cambodia.",
     EventType.COOPERATION, {"Thailand", "Cambodia"}),
])
def test_talks_or_a_deal_with_x_are_the_clause_subjects(nlp: Language, text: str,
                                                        kind: EventType,
                                                        parties: set[str]) -> None:
    events, ents = run(nlp, text)
    assert labels(only(of_type(events, kind)), ents, Role.PARTICIPANT) == parties


@pytest.mark.parametrize("text", [
    "The Israeli army claims to have killed a Hamas commander in Gaza.",
    "Hamas claims to have captured two Israeli soldiers.",
])
def test_what_an_actor_claims_to_have_done_is_its_claim(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    e = only(of_type(events, EventType.COMBAT))
    assert e.modality.value == "Reported" and e.attributed_to is not None


def test_an_ordered_act_is_planned(nlp: Language) -> None:
    events, _ = run(nlp, "Trump orders the deployment of the Army National Guard to Memphis.")
    assert only(of_type(events, EventType.DEPLOYMENT)).modality.value == "Planned"


def test_a_joint_statement_does_not_swallow_each_speakers_own(nlp: Language) -> None:
    events, ents = run(nlp, "Donald Trump and Chris Christie spoke to reporters on Monday. "
                            "Chris Christie denounced the claims as a national embarrassment. "
                            "Trump said the election was stolen.")
    speakers = [labels(e, ents, Role.SPEAKER) for e in of_type(events, EventType.STATEMENT)]
    assert {"Chris Christie"} in speakers and {"Donald Trump"} in speakers


@pytest.mark.parametrize(("text", "speaker"), [
    ("In the letter Mike Pompeo cited the Cuban government's ongoing repression.",
     "Mike Pompeo"),
    ("Archipelago International closed the hotels, citing United States sanctions.", None),
])
def test_citing_is_a_statement_unless_it_gives_the_reason_of_an_act(
        nlp: Language, text: str, speaker: str | None) -> None:
    events, ents = run(nlp, text)
    statements = of_type(events, EventType.STATEMENT)
    assert [labels(s, ents, Role.SPEAKER) for s in statements] == (
        [{speaker}] if speaker else [])


def test_what_is_announced_is_not_whom_it_is_announced_to(nlp: Language) -> None:
    events, ents = run(nlp, "Donald Trump announced a major U.S. combat operation.")
    assert not labels(only(of_type(events, EventType.STATEMENT)), ents, Role.ADDRESSEE)
