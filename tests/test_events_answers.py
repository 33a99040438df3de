"""Ground taken from a side, vessels sunk, forces that speak of themselves as "it",
requests answered by the party asked, and headline verbs the model misread as nouns before
a that-clause. Sentences written for these tests, not taken from the corpus."""

from __future__ import annotations

import pytest
from eventkit import labels, of_type, only, run
from spacy.language import Language

from kg.model import EventType, Modality, Role


@pytest.mark.parametrize("text", [
    "The Houthis seized large parts of Marib province last year.",
    "Islamist fighters captured swathes of territory in the north of Mali.",
])
def test_part_of_the_ground_taken_is_ground(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert of_type(events, EventType.COMBAT)


def test_goods_seized_by_police_stay_no_capture(nlp: Language) -> None:
    events, _ = run(nlp, "Customs officers seized three tonnes of cannabis from a truck.")
    assert not of_type(events, EventType.COMBAT)


@pytest.mark.parametrize(("text", "target"), [
    ("Azerbaijani troops recaptured the town of Shusha from Armenian forces.", "Armenian forces"),
    ("Wagner fighters seized the airport of Timbuktu from Mali's government.",
     "Government of Mali"),
])
def test_the_side_ground_is_taken_from_is_the_target(nlp: Language, text: str,
                                                     target: str) -> None:
    events, ents = run(nlp, text)
    assert target in labels(only(of_type(events, EventType.COMBAT)), ents, Role.TARGET)


@pytest.mark.parametrize("text", [
    "A Russian patrol ship was sunk by Ukrainian naval drones near Novorossiysk.",
    "Ukrainian forces sank a Russian landing ship in the Black Sea.",
])
def test_a_vessel_sunk_by_force_is_combat(nlp: Language, text: str) -> None:
    events, ents = run(nlp, text)
    event = only(of_type(events, EventType.COMBAT))
    assert labels(event, ents, Role.AGENT) & {"Ukraine", "Ukrainian forces"}


def test_a_vessel_that_sinks_is_no_combat(nlp: Language) -> None:
    events, _ = run(nlp, "The warship sank in a storm off the coast of Crete.")
    assert not of_type(events, EventType.COMBAT)


@pytest.mark.parametrize(("text", "agent"), [
    ("The Nigerian army says it killed 30 bandits in Zamfara.", "Nigerian forces"),
    ("The Sudanese Armed Forces says it has shot down a drone over Port Sudan.",
     "Sudanese forces"),
])
def test_a_force_speaking_of_itself_as_it_acts(nlp: Language, text: str, agent: str) -> None:
    events, ents = run(nlp, text)
    assert agent in labels(only(of_type(events, EventType.COMBAT)), ents, Role.AGENT)


def test_the_nearest_speaker_is_the_it_of_what_it_says(nlp: Language) -> None:
    events, ents = run(nlp, "The Syrian army says it repelled the assault, while Turkey "
                            "said that it had shelled Kurdish positions near Manbij.")
    shelling = [e for e in of_type(events, EventType.COMBAT) if e.trigger.text == "shelled"]
    assert "Turkey" in labels(only(shelling), ents, Role.AGENT)


@pytest.mark.parametrize("text", [
    "Poland approves Ukraine's request for more air defence systems.",
    "Germany rejected a request from Lithuania to station more troops.",
])
def test_who_answers_a_request_is_its_addressee(nlp: Language, text: str) -> None:
    events, ents = run(nlp, text)
    appeal = only(of_type(events, EventType.APPEAL))
    asker, asked = ("Ukraine", "Poland") if "Poland" in text else ("Lithuania", "Germany")
    assert labels(appeal, ents, Role.AGENT) == {asker}
    assert asked in labels(appeal, ents, Role.ADDRESSEE)
    assert appeal.modality is Modality.ASSERTED  # approving a request plans nothing


def test_a_request_answered_without_its_author_is_no_new_appeal(nlp: Language) -> None:
    events, _ = run(nlp, "The ministry declined the request on Friday.")
    assert not of_type(events, EventType.APPEAL)


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Turkish military reports that its jets struck PKK targets in northern Iraq.",
     "Turkey"),
    ("Erdogan states that Turkish troops will remain in Syria.", "Erdogan"),
])
def test_a_speech_verb_misread_as_a_noun_before_that_is_reparsed(nlp: Language, text: str,
                                                                 speaker: str) -> None:
    events, ents = run(nlp, text)
    statement = only(of_type(events, EventType.STATEMENT))
    assert any(speaker in x for x in labels(statement, ents, Role.SPEAKER))


@pytest.mark.parametrize(("text", "place"), [
    ("Jihadists ambushed an army convoy in the north of Burkina Faso.", "Burkina Faso"),
    ("Rebels attacked a police station on the outskirts of Goma.", "Goma"),
])
def test_an_area_of_a_place_is_that_place(nlp: Language, text: str, place: str) -> None:
    events, ents = run(nlp, text)
    assert place in labels(only(of_type(events, EventType.COMBAT)), ents, Role.LOCATION)


@pytest.mark.parametrize(("text", "asker", "asked"), [
    ("President Volodymyr Zelensky pressed Chancellor Olaf Scholz to send more tanks.",
     "Volodymyr Zelenskyy",
     "Olaf Scholz"),
    ("Secretary of State Antony Blinken pushed Israel to allow more fuel into Gaza.",
     "Antony Blinken", "Israel"),
])
def test_pressing_someone_to_act_is_an_appeal(nlp: Language, text: str, asker: str,
                                               asked: str) -> None:
    events, ents = run(nlp, text)
    appeal = only(of_type(events, EventType.APPEAL))
    assert asker in labels(appeal, ents, Role.AGENT)
    assert asked in labels(appeal, ents, Role.ADDRESSEE)


def test_pressing_a_thing_is_no_appeal(nlp: Language) -> None:
    events, _ = run(nlp, "The pilot pressed the button to release the fuel over Gaza.")
    assert not of_type(events, EventType.APPEAL)


def test_the_outlet_before_a_comma_is_no_actor_of_what_follows(nlp: Language) -> None:
    events, ents = run(nlp, "According to Reuters, several senators pressed Biden to veto "
                            "the bill.")
    appeal = only(of_type(events, EventType.APPEAL))
    assert "Reuters" not in labels(appeal, ents)


@pytest.mark.parametrize("text", [
    "Protesters clash with riot police in Skopje, North Macedonia, during a rally against "
    "the government.",
    "Two people are killed in clashes between police and opposition supporters in Nairobi.",
])
def test_a_clash_of_protesters_is_civil_unrest(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.COMBAT)


def test_a_clash_of_named_forces_beside_a_protest_stays_combat(nlp: Language) -> None:
    events, _ = run(nlp, "Thousands rally in Paris in support of the Kurds as the Syrian "
                         "army clashes with Kurdish fighters near Raqqa.")
    assert of_type(events, EventType.COMBAT)



@pytest.mark.parametrize("text", [
    "The Houthis announce the closure of the Bab el-Mandeb strait to all shipping.",
    "Egypt threatens to close the Suez Canal to tankers.",
    "Finland closes its border crossings with Russia.",
])
def test_closing_a_passage_is_a_sanction(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert of_type(events, EventType.SANCTION)


@pytest.mark.parametrize("text", [
    "Apple will close two of its stores in London.",
    "Japan closed the deal with Indonesia on Friday.",
    "Peru closes its airspace for three hours after a radar failure.",
])
def test_closing_a_shop_a_deal_or_ones_own_airspace_is_no_sanction(nlp: Language,
                                                                   text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.SANCTION)


def test_a_place_closed_is_where_the_sanction_happens(nlp: Language) -> None:
    events, ents = run(nlp, "Iran closes the Strait of Hormuz to foreign tankers.")
    sanction = only(of_type(events, EventType.SANCTION))
    assert "Strait of Hormuz" in labels(sanction, ents, Role.LOCATION)
    assert "Strait of Hormuz" not in labels(sanction, ents, Role.TARGET)


@pytest.mark.parametrize(("text", "target"), [
    ("Canada designates the Houthis as a terrorist organization.", "Houthis"),
    ("Australia lists Hezbollah as a terrorist entity.", "Hezbollah"),
])
def test_designating_a_foreign_group_a_terrorist_is_a_sanction(nlp: Language, text: str,
                                                              target: str) -> None:
    events, ents = run(nlp, text)
    assert target in labels(only(of_type(events, EventType.SANCTION)), ents, Role.TARGET)


@pytest.mark.parametrize("text", [
    "Ukraine designated Lviv as a logistics hub for aid.",
    "Erdogan named the YPG as terrorists in his speech.",
    "The governor designates the Proud Boys as a domestic terrorist organization.",
])
def test_naming_words_or_a_domestic_designation_is_no_sanction(nlp: Language,
                                                               text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.SANCTION)


@pytest.mark.parametrize("text", [
    "Egypt buys wheat to secure bread supplies.",
    "Japan's purchases of liquefied natural gas rose sharply in March.",
])
def test_buying_goods_from_no_one_named_is_market_trade(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.TRANSFER)


@pytest.mark.parametrize("text", [
    "Poland will buy 250 Abrams tanks from the United States.",
    "India imports crude oil from Russia.",
    "Turkey's purchase of Russian S-400 missiles angered Washington.",
])
def test_buying_weapons_or_from_a_named_seller_is_a_transfer(nlp: Language,
                                                             text: str) -> None:
    events, _ = run(nlp, text)
    assert of_type(events, EventType.TRANSFER)
