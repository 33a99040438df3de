"""Rule classes of who speaks, read off unseen news (wp-current-events and Wikinews
articles outside the gold sets): a spokesperson "for" a body speaks for it, a region
named after "minister for" is no speaker, and what a justice ministry's spokeswoman says
is a statement, not a court's ruling. Sentences written for these tests, not taken from
the corpus."""

from __future__ import annotations

import pytest
from eventkit import labels, of_type, only, run, with_states
from spacy.language import Language

from kg.model import EntityType, EventType, Role


@pytest.mark.parametrize(("text", "speaker"), [
    ("A spokesperson for the Kenyan Foreign Ministry said the talks would resume.",
     "Kenyan Foreign Ministry"),
    ("A spokesman for Hezbollah told reporters the group had accepted the truce.",
     "Hezbollah"),
])
def test_a_spokesperson_for_a_body_speaks_for_it(nlp: Language, text: str,
                                                 speaker: str) -> None:
    events, ents = run(nlp, text)
    assert speaker in labels(only(of_type(events, EventType.STATEMENT)), ents, Role.SPEAKER)


def test_a_region_a_minister_is_for_does_not_speak(nlp: Language) -> None:
    events, ents = run(nlp, "The Health Minister for the Maule Region reported 21 new cases.")
    assert not any(ents[a.entity].type is EntityType.PLACE
                   for e in of_type(events, EventType.STATEMENT) for a in e.arguments
                   if a.role is Role.SPEAKER)


def test_a_justice_ministry_spokeswoman_makes_a_statement(nlp: Language) -> None:
    events, ents = run(nlp, "Anna Kovac, spokeswoman for the Trump administration's "
                            "Department of Justice, sharply criticized the Senate's decision.")
    assert "Anna Kovac" in labels(only(of_type(events, EventType.STATEMENT)), ents,
                                  Role.SPEAKER)


@pytest.mark.parametrize(("text", "speaker"), [
    ("The General Staff of the Lebanese Army reports that its units repelled an incursion.",
     "Lebanon"),
    ("The office of Senator Bernie Sanders says that he will oppose the bill.",
     "Bernie Sanders"),
    ("Mediators from Oman report that progress has been made in the talks.", "Oman"),
])
def test_a_staff_office_or_mediators_of_an_actor_speak_for_it(nlp: Language, text: str,
                                                              speaker: str) -> None:
    events, ents = run(nlp, text)
    said = of_type(events, EventType.STATEMENT)
    assert said and any(speaker in x for e in said
                        for x in labels(e, ents, Role.SPEAKER) | with_states(e, ents))


@pytest.mark.parametrize(("text", "said"), [
    ("Marta Kos disclosed that the talks had stalled.", True),
    ("Heiko Maas pointed out that Russia had violated the treaty.", True),
    ("Biden countered that the plan would create jobs.", True),
    ("Lavrov revealed that the talks had stalled.", True),
    ("Donald Trump reveals the design of a new battleship.", False),
])
def test_verbs_that_make_a_claim_public_are_statements(nlp: Language, text: str,
                                                       said: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.STATEMENT)) is said


@pytest.mark.parametrize(("text", "maker", "target"), [
    ("Iran vowed to retaliate against the United States.", "Iran", "United States"),
    ("Trump vowed to punish Venezuela.", "Donald Trump", "Venezuela"),
])
def test_a_vow_to_strike_back_is_a_threat(nlp: Language, text: str, maker: str,
                                          target: str) -> None:
    events, ents = run(nlp, text)
    threat = only(of_type(events, EventType.STATEMENT))
    assert maker in labels(threat, ents, Role.SPEAKER)
    assert target in labels(threat, ents, Role.TARGET)
    assert threat.cameo == "130"
    assert not of_type(events, EventType.COOPERATION)


def test_the_body_addressed_takes_part(nlp: Language) -> None:
    events, ents = run(nlp, "Gustavo Petro addressed the UN General Assembly on Tuesday.")
    assert "U.N. General Assembly" in labels(only(of_type(events, EventType.MEETING)), ents,
                                             Role.PARTICIPANT)
