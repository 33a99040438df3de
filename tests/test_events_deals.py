"""Rule classes read off unseen news items (wp-current-events outside the gold sets and the
PLOVER GSR dev half) on agreements and measures named by a noun: the participle that says
who made a deal ("reached with", "signed by"), the common noun that completes its name
("memorandum of understanding between ..."), a deal made by others that a third party
rejects, verbs that introduce or keep a measure, a suspension of links, and a private
person asking for a measure against a state. Sentences written for these tests, not
taken from the corpus."""

from __future__ import annotations

import pytest
from eventkit import labels, of_type, only, run
from spacy.language import Language

from kg.model import EntityType, EventType, Modality, Polarity, Role


@pytest.mark.parametrize(("text", "parties"), [
    ("Kenya publishes the accord reached with Japan.", {"Kenya", "Japan"}),
    ("The pact signed by Kenya and Ethiopia in Nairobi covers grazing rights.",
     {"Kenya", "Ethiopia"}),
    ("Observers praised the truce concluded between Armenia and Azerbaijan.",
     {"Armenia", "Azerbaijan"}),
])
def test_the_participle_of_a_deal_names_its_parties(nlp: Language, text: str,
                                                    parties: set[str]) -> None:
    events, ents = run(nlp, text)
    assert parties <= labels(only(of_type(events, EventType.COOPERATION)), ents)


def test_a_deal_praised_by_no_one_named_has_no_party_from_the_praise(nlp: Language) -> None:
    events, _ = run(nlp, "The agreement praised by observers took effect.")
    assert not of_type(events, EventType.COOPERATION)


@pytest.mark.parametrize(("text", "parties"), [
    ("Ghana and Togo sign a memorandum of understanding.", {"Ghana", "Togo"}),
    ("Troops withdrew after the memorandum of understanding between Sudan and Chad was "
     "signed.", {"Sudan", "Chad"}),
    ("The treaty of friendship with Mongolia was signed by Russia.", {"Russia", "Mongolia"}),
])
def test_the_noun_completing_a_deal_s_name_carries_its_parties(nlp: Language, text: str,
                                                                parties: set[str]) -> None:
    events, ents = run(nlp, text)
    deal = only(of_type(events, EventType.COOPERATION))
    assert parties <= labels(deal, ents)
    assert "MOU" not in labels(deal, ents)


@pytest.mark.parametrize(("text", "polarity"), [
    ("Hamas rejects the framework agreement signed by Israel and Lebanon.", Polarity.POSITIVE),
    ("Hamas rejects the ceasefire agreement with Israel.", Polarity.NEGATIVE),
])
def test_a_deal_others_made_stays_made_when_a_third_party_rejects_it(
        nlp: Language, text: str, polarity: Polarity) -> None:
    events, _ = run(nlp, text)
    assert only(of_type(events, EventType.COOPERATION)).polarity is polarity


@pytest.mark.parametrize(("text", "agent", "target"), [
    ("Japan introduces new sanctions on North Korea.", "Japan", "North Korea"),
    ("Canada reinstated sanctions on Iran.", "Canada", "Iran"),
    ("The EU maintained its arms embargo on China.", "European Union", "China"),
    ("The Houthis have established a naval blockade against Eritrea.", "Houthis", "Eritrea"),
    ("The European Union adopts its 19th package of sanctions against Belarus.",
     "European Union", "Belarus"),
    ("Britain announced a fresh raft of sanctions on Iran.", "United Kingdom", "Iran"),
])
def test_a_measure_introduced_or_kept_is_a_sanction(nlp: Language, text: str,
                                                     agent: str | None, target: str) -> None:
    events, ents = run(nlp, text)
    sanction = only(of_type(events, EventType.SANCTION))
    assert target in labels(sanction, ents, Role.TARGET)
    if agent is not None:
        assert agent in labels(sanction, ents, Role.AGENT)


@pytest.mark.parametrize(("text", "target"), [
    ("Kenya announced a suspension of flights to Somalia.", "Somalia"),
    ("Poland approved a suspension of rail links with Belarus.", "Belarus"),
])
def test_a_suspension_of_links_hits_whom_they_join(nlp: Language, text: str,
                                                   target: str) -> None:
    events, ents = run(nlp, text)
    assert target in labels(only(of_type(events, EventType.SANCTION)), ents, Role.TARGET)


@pytest.mark.parametrize(("text", "appeal"), [
    ("Bishop John Okafor called for sanctions against Ghana.", True),
    ("Pastor Mary Lang called for new sanctions on the Russian central bank.", True),
    ("Garcia invited him to join his band, the Grateful Dead.", False),
])
def test_a_private_person_asking_for_a_measure_against_a_state_appeals(
        nlp: Language, text: str, appeal: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.APPEAL)) is appeal


@pytest.mark.parametrize(("text", "kind", "backer", "backed"), [
    ("France endorsed Germany's proposal.", EventType.COOPERATION, "France", "Germany"),
    ("The United States backs Georgia's bid to join NATO.", EventType.COOPERATION,
     "United States", "Georgia"),
    ("Turkey pledged support for Azerbaijan.", EventType.COOPERATION, "Turkey", "Azerbaijan"),
    ("Russia has voiced support for Serbia.", EventType.STATEMENT, "Russia", "Serbia"),
    ("Poland expressed solidarity with Ukraine.", EventType.STATEMENT, "Poland", "Ukraine"),
])
def test_backing_an_actor_or_its_bid_names_both(nlp: Language, text: str, kind: EventType,
                                                backer: str, backed: str) -> None:
    events, ents = run(nlp, text)
    assert any({backer, backed} <= labels(e, ents) for e in of_type(events, kind))


def test_a_bid_to_join_is_not_yet_membership(nlp: Language) -> None:
    events, ents = run(nlp, "The United States backs Georgia's bid to join NATO.")
    joining = [e for e in of_type(events, EventType.COOPERATION) if "NATO" in labels(e, ents)]
    assert joining and all(e.modality is Modality.PLANNED for e in joining)


def test_a_ban_on_acts_by_a_party_hits_the_party(nlp: Language) -> None:
    events, ents = run(nlp, "Jordan bans activities by members of the Muslim Brotherhood.")
    assert "Muslim Brotherhood" in labels(only(of_type(events, EventType.SANCTION)), ents,
                                          Role.TARGET)


@pytest.mark.parametrize(("text", "polity"), [
    ("Ethiopia became the first state to recognize Somaliland.", "Somaliland"),
    ("Moldova accused Transnistria of blocking the talks.", "Transnistria"),
])
def test_state_like_polities_are_countries(nlp: Language, text: str, polity: str) -> None:
    _, ents = run(nlp, text)
    assert any(e.label == polity and e.type is EntityType.COUNTRY for e in ents.values())
