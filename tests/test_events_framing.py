"""Events framed by other words: a war the model tags as one EVENT name ("the Iran war")
names its sides (the states or known bodies before the common noun become entities of
their own, kg.extract.entities._repairs.drop_events); a war named definitely is under way
whatever plan or denial frames it; an act a demand or request asks for is possible, not
done (kg.events.claims). Read off unseen wp-current-events items; sentences written for
these tests."""

from __future__ import annotations

import pytest
from eventkit import labels, of_type, only, run
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.entities._repairs import drop_events
from kg.model import EventType, Modality, Polarity, Role


def _spans(nlp: Language, words: list[str], label: str = "EVENT") -> list[tuple[str, str]]:
    doc = Doc(nlp.vocab, words=words)
    return [(doc[s:e].text, lab) for s, e, lab in drop_events(doc, [(0, len(words), label)])]


def test_the_sides_of_a_war_named_by_its_states_are_entities(nlp: Language) -> None:
    assert _spans(nlp, ["the", "Iran", "war"]) == [("Iran", "GPE")]
    assert _spans(nlp, ["the", "Russia", "–", "Ukraine", "war"]) == [
        ("Russia", "GPE"), ("Ukraine", "GPE")]


def test_a_war_named_by_adjectives_or_in_capitals_stays_whole(nlp: Language) -> None:
    assert _spans(nlp, ["the", "Russo", "-", "Ukrainian", "war"]) == [
        ("the Russo - Ukrainian war", "EVENT")]
    assert _spans(nlp, ["the", "Vietnam", "War"]) == [("the Vietnam War", "EVENT")]


def test_a_war_named_by_its_state_is_combat_with_that_side(nlp: Language) -> None:
    events, ents = run(nlp, "Oil prices climb amidst the Iran war.")
    assert "Iran" in labels(only(of_type(events, EventType.COMBAT)), ents)


@pytest.mark.parametrize("text", [
    "Qatar says it is ready to host talks aimed at ending the Sudan war.",
    "Jordan will not intervene in the conflict in Syria.",
    "Airlines will halt flights to the region because of the fighting in Lebanon.",
])
def test_a_war_named_definitely_is_under_way_whatever_frames_it(nlp: Language,
                                                                 text: str) -> None:
    events, _ = run(nlp, text)
    war = only(of_type(events, EventType.COMBAT))
    assert war.modality in (Modality.ASSERTED, Modality.REPORTED)
    assert war.polarity is Polarity.POSITIVE


def test_a_war_that_may_come_is_possible(nlp: Language) -> None:
    events, _ = run(nlp, "Analysts warn that a war between China and Taiwan could break out.")
    assert only(of_type(events, EventType.COMBAT)).modality is Modality.POSSIBLE


@pytest.mark.parametrize(("text", "kind"), [
    ("Lebanon demands the withdrawal of Israeli troops from the south.", EventType.DEPLOYMENT),
    ("Somalia requested Turkish military assistance against al-Shabaab.", EventType.TRANSFER),
])
def test_an_act_asked_for_is_possible_not_done(nlp: Language, text: str,
                                               kind: EventType) -> None:
    events, _ = run(nlp, text)
    assert only(of_type(events, kind)).modality is Modality.POSSIBLE


def test_the_subject_of_with_x_saying_is_x(nlp: Language) -> None:
    events, ents = run(nlp, "The talks ended in Doha with Qatar saying a deal was close.")
    assert labels(only(of_type(events, EventType.STATEMENT)), ents, Role.SPEAKER) == {"Qatar"}


@pytest.mark.parametrize(("text", "kind", "modality"), [
    ("Chadian President Mahamat Deby recommended that French troops leave the country.",
     EventType.DEPLOYMENT, Modality.POSSIBLE),
    ("Trump unveiled a plan to withdraw 5,000 troops from Germany.",
     EventType.DEPLOYMENT, Modality.PLANNED),
    ("The Parliament of Iraq voted on a resolution to expel Turkish troops from the country.",
     EventType.SANCTION, Modality.PLANNED),
])
def test_an_act_recommended_or_in_a_plan_is_not_done(nlp: Language, text: str,
                                                     kind: EventType,
                                                     modality: Modality) -> None:
    events, _ = run(nlp, text)
    assert only(of_type(events, kind)).modality is modality


def test_a_denial_in_the_main_clause_does_not_deny_a_relative_clause(nlp: Language) -> None:
    events, _ = run(nlp, "The story was not reported until after May 4 when Salvini "
                         "tweeted about the missing ships.")
    assert only(of_type(events, EventType.STATEMENT)).polarity is Polarity.POSITIVE


@pytest.mark.parametrize(("text", "agent"), [
    ("An agreement was reached for the Malian army to enter Kidal.", "Malian forces"),
    ("It is time for Russia to withdraw its troops from Moldova.", "Russia"),
])
def test_an_act_for_someone_to_do_is_theirs_and_not_yet_done(nlp: Language, text: str,
                                                             agent: str) -> None:
    events, ents = run(nlp, text)
    event = only(of_type(events, EventType.DEPLOYMENT))
    assert agent in labels(event, ents, Role.AGENT)
    assert event.modality is Modality.PLANNED
