"""A toll tells of an attack when a weapon modifies what caused it, also through a casualty
verb coordinated with the first; an attack noun's "by" phrase names its attacker wherever
the parser hung it; an attack named as the means of harm is no place."""

from __future__ import annotations

import pytest
from eventkit import labels, of_type, only, run
from spacy.language import Language

from kg.model import EventType, Modality, Polarity, Role


@pytest.mark.parametrize(("text", "place"), [
    ("Two people are killed and five others are injured in a car bomb explosion near a "
     "market in Mogadishu, Somalia.", "Mogadishu"),
    ("Three people are killed and 14 are wounded by Hezbollah rocket fire in Kiryat "
     "Shmona, Israel.", "Kiryat Shmona"),
])
def test_a_weapon_modified_cause_makes_a_toll_an_attack(nlp: Language, text: str,
                                                        place: str) -> None:
    events, ents = run(nlp, text)
    event = only(of_type(events, EventType.COMBAT))
    assert place in labels(event, ents, Role.LOCATION)


def test_the_weapons_owner_attacks(nlp: Language) -> None:
    events, ents = run(nlp, "One person is killed and 11 are injured by Hezbollah rocket "
                            "fire in Nahariya, Israel.")
    assert "Hezbollah" in labels(only(of_type(events, EventType.COMBAT)), ents, Role.AGENT)


@pytest.mark.parametrize("text", [
    "Nine people are killed and 20 others are injured in a bus crash in Nakuru, Kenya.",
    "Four miners are killed and six injured in a gas explosion in Shanxi, China.",
])
def test_a_toll_of_an_accident_stays_no_attack(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.COMBAT)


@pytest.mark.parametrize(("text", "agent"), [
    # the parser hangs "by" on the verb whose object the attack noun is
    ("The ministry condemned the airstrikes by Turkish forces.", "Turkish forces"),
    # ... or on the noun that counts it
    ("A curfew is declared in Kherson after a growing number of drone strikes by Russian "
     "forces.", "Russian forces"),
])
def test_an_attack_nouns_by_phrase_names_its_attacker(nlp: Language, text: str,
                                                      agent: str) -> None:
    events, ents = run(nlp, text)
    assert agent in labels(only(of_type(events, EventType.COMBAT)), ents, Role.AGENT)


def test_an_attack_named_as_the_cause_is_no_place(nlp: Language) -> None:
    events, ents = run(nlp, "Two people are killed and ten are injured in Russian missile "
                            "strikes on power plants in Kharkiv, Ukraine.")
    event = only(of_type(events, EventType.COMBAT))
    assert "Russia" not in labels(event, ents, Role.LOCATION)
    assert "Kharkiv" in labels(event, ents, Role.LOCATION)


def test_armed_forces_capturing_a_person_is_combat(nlp: Language) -> None:
    events, ents = run(nlp, "The former president of Panama is captured by U.S. forces "
                            "and flown to Miami.")
    event = only(of_type(events, EventType.COMBAT))
    assert labels(event, ents, Role.AGENT)


@pytest.mark.parametrize("text", [
    "Police capture the suspect in Ohio after a manhunt.",
    "Soldiers seize 30 satellite terminals at the border.",
    "The military junta seizes power in the capital.",
])
def test_capturing_goods_power_or_a_suspect_by_police_is_no_combat(nlp: Language,
                                                                   text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.COMBAT)


@pytest.mark.parametrize(("text", "place"), [
    ("The rebels regain control of Mosul after two days of fighting.", "Mosul"),
    ("Government forces seize control of the oil field in Deir ez-Zor Governorate.",
     "Deir ez-Zor"),
])
def test_taking_control_of_ground_is_a_capture_there(nlp: Language, text: str,
                                                      place: str) -> None:
    events, ents = run(nlp, text)
    event = only(of_type(events, EventType.COMBAT))
    assert place in labels(event, ents, Role.LOCATION)


@pytest.mark.parametrize("text", [
    "The Dutch government moves to seize control of the chipmaker Nexperia.",
    "Democrats took control of the Senate in 2021.",
])
def test_control_of_a_body_is_won_not_fought_for(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.COMBAT)


def test_a_craft_striking_something_is_no_attack_a_munition_is(nlp: Language) -> None:
    crash, _ = run(nlp, "A helicopter under contract to the utility struck power lines "
                        "and crashed near Fairfield.")
    assert not of_type(crash, EventType.COMBAT)
    fired, _ = run(nlp, "A fighter jet fired a missile at the oil tanker.")
    assert of_type(fired, EventType.COMBAT)


def test_not_wanting_an_actor_to_act_is_an_appeal_to_keep_out(nlp: Language) -> None:
    events, _ = run(nlp, "Collins did not want the U.S. to involve itself militarily.")
    assert only(of_type(events, EventType.APPEAL)).polarity is Polarity.POSITIVE
    events, _ = run(nlp, "The minister did not call on Iran to release the prisoners.")
    assert only(of_type(events, EventType.APPEAL)).polarity is Polarity.NEGATIVE


def test_a_fronted_phrase_is_no_content_of_the_verb(nlp: Language) -> None:
    # "agree" plans what it governs ("agreed to send"), not a phrase put before it
    events, _ = run(nlp, "In the November 27 deal, Turkey and Libya agreed on a line.")
    assert only(of_type(events, EventType.COOPERATION)).modality is Modality.ASSERTED


def test_entering_into_a_deal_is_making_it(nlp: Language) -> None:
    events, ents = run(nlp, "Turkey and Libya entered into a deal on maritime borders.")
    event = only(of_type(events, EventType.COOPERATION))
    assert {"Turkey", "Libya"} <= set(labels(event, ents, Role.PARTICIPANT))


def test_an_act_asked_for_is_only_possible(nlp: Language) -> None:
    events, _ = run(nlp, "Western leaders urged Russia to withdraw its troops from Ukraine.")
    assert only(of_type(events, EventType.DEPLOYMENT)).modality is Modality.POSSIBLE
    assert only(of_type(events, EventType.APPEAL)).modality is Modality.ASSERTED


@pytest.mark.parametrize(("text", "speaker"), [
    ("According to Sadie Weiner, Hagan's former spokeswoman, Hagan died of a virus.",
     "Sadie Weiner"),
    ("Vijay Goel, a member of the Rajya Sabha, said he was an excellent politician.",
     "Vijay Goel"),
])
def test_a_speakers_appositive_affiliation_is_no_second_speaker(nlp: Language, text: str,
                                                                speaker: str) -> None:
    events, ents = run(nlp, text)
    assert labels(only(of_type(events, EventType.STATEMENT)), ents, Role.SPEAKER) == {speaker}


def test_who_orchestrated_an_attack_carried_it_out(nlp: Language) -> None:
    events, ents = run(nlp, "Osama bin Laden founded Al-Qaeda and orchestrated the 9/11 "
                            "attacks on the United States.")
    assert "Osama bin Laden" in labels(only(of_type(events, EventType.COMBAT)), ents,
                                       Role.AGENT)


def test_a_head_plans_its_own_content_not_what_another_noun_governs(nlp: Language) -> None:
    events, _ = run(nlp, "A Venezuelan decree authorizes a national manhunt for those "
                         "involved in the American attack.")
    assert only(of_type(events, EventType.COMBAT)).modality is Modality.ASSERTED


def test_minting_a_coin_is_no_strike(nlp: Language) -> None:
    events, _ = run(nlp, "The United States Mint strikes its last penny for circulation.")
    assert not of_type(events, EventType.COMBAT)


@pytest.mark.parametrize("text", [
    "Mexico sends more than 800 tonnes of humanitarian aid to Cuba.",
    "Mexico deploys two navy vessels carrying more than 800 tonnes of humanitarian aid "
    "to Cuba.",
])
def test_aid_counted_by_a_measure_is_sent(nlp: Language, text: str) -> None:
    events, ents = run(nlp, text)
    assert "Cuba" in labels(only(of_type(events, EventType.TRANSFER)), ents, Role.RECIPIENT)


def test_putting_a_party_on_a_sanctions_list_is_a_sanction(nlp: Language) -> None:
    events, ents = run(nlp, "The Commerce Department added Huawei to its entity list.")
    event = only(of_type(events, EventType.SANCTION))
    assert "Huawei" in labels(event, ents, Role.TARGET)
    assert not of_type(events, EventType.STATEMENT)  # "added X to": no words said


def test_adding_goods_to_a_list_is_no_sanction(nlp: Language) -> None:
    events, _ = run(nlp, "The minister added sugar to the list of rationed goods.")
    assert not events


def test_a_speech_participle_hung_inside_what_was_said_is_the_same_statement(
        nlp: Language) -> None:
    events, ents = run(nlp, "Treasury Secretary Scott Bessent announces that the United "
                            "States has finalized a currency swap framework, adding that "
                            "the US is prepared to provide assistance to Argentina.")
    statement = only(of_type(events, EventType.STATEMENT))
    assert labels(statement, ents, Role.SPEAKER) == {"Scott Bessent"}


@pytest.mark.parametrize("text", [
    "New Zealand has paid a NZ$6 million compensation to Samoa.",
    "Australia will pay Nauru A$2.5 billion over 30 years.",
])
def test_paying_money_to_a_state_is_a_transfer(nlp: Language, text: str) -> None:
    events, ents = run(nlp, text)
    assert labels(only(of_type(events, EventType.TRANSFER)), ents, Role.RECIPIENT)


@pytest.mark.parametrize("text", [
    "A federal jury orders Boeing to pay $28.45 million in damages to the family.",
    "TikTok agrees to pay $400 million to settle a lawsuit.",
])
def test_paying_damages_or_a_settlement_is_no_transfer(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.TRANSFER)


@pytest.mark.parametrize("text", [
    "Australian bank ANZ agrees to pay AU$240 million in penalties.",
    "GitHub pledged a donation of $500,000 to the fund.",
])
def test_an_agreement_of_one_party_is_no_cooperation(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.COOPERATION)


def test_a_ceasefire_one_party_declares_is_cooperation(nlp: Language) -> None:
    events, _ = run(nlp, "The Naxalites announce an indefinite unilateral ceasefire.")
    assert of_type(events, EventType.COOPERATION)


def test_visiting_a_family_is_a_private_visit(nlp: Language) -> None:
    events, _ = run(nlp, "Joe Biden visited the family of Jacob Blake in Kenosha.")
    assert not of_type(events, EventType.MEETING)
