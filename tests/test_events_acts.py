"""Which acts are attacks and transfers: executions, storms, weapons without a named side,
armed subjects, goods (kg.events on hand-written sentences)."""

from __future__ import annotations

import pytest
from eventkit import labels, of_type, only, run, with_states
from spacy.language import Language

from kg.model import EventType, Role


@pytest.mark.parametrize(("text", "combat"), [
    ("Iran executes three men arrested during protests.", False),
    ("The Iranian government executes a person convicted of spying.", False),
    ("Hamas executed six alleged collaborators in Gaza.", True),
    ("Russian troops executed Ukrainian prisoners near Bakhmut.", True),
])
def test_an_execution_is_an_attack_only_by_armed_actors(nlp: Language, text: str,
                                                        combat: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.COMBAT)) is combat


@pytest.mark.parametrize("text", [
    "In the United States, a major nor'easter snowstorm hits the East Coast.",
    "A wildfire destroyed 300 homes in Chile.",
    "The board fired its chief executive in London.",
])
def test_storms_fires_and_dismissals_are_no_attacks(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.COMBAT)


@pytest.mark.parametrize(("text", "sides"), [
    ("U.S. forces destroy Iran's lead corvette.", {"United States", "Iran"}),
    ("Israeli tanks fire at a wedding in Gaza City.", {"Israel"}),
    ("Saudi air defenses intercept and destroy multiple drones.", {"Saudi Arabia"}),
])
def test_armed_subjects_and_military_objects_make_attacks(nlp: Language, text: str,
                                                          sides: set[str]) -> None:
    events, ents = run(nlp, text)
    assert sides <= with_states(only(of_type(events, EventType.COMBAT)), ents)


@pytest.mark.parametrize("text", [
    "A tanker near Oman is hit by an unknown projectile.",
    "A drone strike targets an LNG storage tanker.",
])
def test_an_attack_told_by_its_weapon_needs_no_named_side(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert len(of_type(events, EventType.COMBAT)) == 1


@pytest.mark.parametrize(("text", "transfer"), [
    ("Netflix agrees to buy Warner Bros. Discovery for US$72 billion.", False),
    ("The Russian owners agreed to sell their stake to Hungary's MOL.", False),
    ("The mandate expired, with the powers of the presidency transferred to the Prime "
     "Minister of Haiti.", False),
    ("The court will deliver its ruling to Kosovo's parliament next week.", False),
    ("Germany is providing satellite images and other intelligence to Ukraine.", True),
    ("North Korea has delivered 1,000 containers of munitions to Russia.", True),
    ("Iran sold drones and missiles to Russia.", True),
])
def test_a_transfer_moves_goods(nlp: Language, text: str, transfer: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.TRANSFER)) is transfer


def test_a_transfer_gives_its_recipient(nlp: Language) -> None:
    events, ents = run(nlp, "The United States provided Israel with interceptor missiles.")
    e = only(of_type(events, EventType.TRANSFER))
    assert "Israel" in labels(e, ents, Role.RECIPIENT, Role.TARGET, Role.PARTICIPANT)


def test_a_place_attacked_is_where_the_attack_happens(nlp: Language) -> None:
    events, ents = run(nlp, "Israeli jets struck Gaza City overnight.")
    e = only(of_type(events, EventType.COMBAT))
    assert "Gaza" in labels(e, ents, Role.LOCATION)
    assert "Gaza" not in labels(e, ents, Role.TARGET)


@pytest.mark.parametrize(("text", "target"), [
    ("Ecuador declares Cuba's ambassador a persona non grata.", "Cuba"),
    ("Nicaragua terminates visa-free entry for Cubans.", "Cuba"),
    ("Algeria moves to terminate its air transport agreement with the United Arab Emirates.",
     "United Arab Emirates"),
])
def test_expulsions_and_terminations_are_sanctions(nlp: Language, text: str,
                                                   target: str) -> None:
    events, ents = run(nlp, text)
    e = only(of_type(events, EventType.SANCTION))
    assert target in labels(e, ents, Role.TARGET)
    assert not of_type(events, EventType.COOPERATION)  # the ended deal is no new one


def test_the_company_ending_a_contract_is_no_sanction(nlp: Language) -> None:
    events, _ = run(nlp, "The company terminated the contract of its chief executive.")
    assert not of_type(events, EventType.SANCTION)


@pytest.mark.parametrize(("text", "appeal"), [
    ("Protesters demand an independent inquiry into police violence.", True),
    ("The demonstrators' demands include the release of those arrested.", True),
    ("Analysts demand more data.", False),
])
def test_an_unnamed_crowd_makes_demands(nlp: Language, text: str, appeal: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.APPEAL)) is appeal


def test_a_verb_misread_as_a_noun_in_a_when_clause(nlp: Language) -> None:
    events, ents = run(nlp, "At least six Palestinians are killed when an Israeli tank fires "
                            "at a wedding in Gaza City.")
    assert "Israel" in labels(only(of_type(events, EventType.COMBAT)), ents, Role.AGENT)


@pytest.mark.parametrize(("text", "combat"), [
    ("Ukraine used drones to strike targets deep inside Russian territory.", True),
    ("The central bank hit its inflation target in March.", False),
])
def test_striking_targets_is_fire_but_hitting_a_target_is_not(nlp: Language, text: str,
                                                             combat: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.COMBAT)) is combat


def test_acts_before_and_after_are_two_events(nlp: Language) -> None:
    events, _ = run(nlp, "Six people are killed in Russian airstrikes across Ukraine, while "
                         "a power outage occurs in Kherson after critical infrastructure was "
                         "targeted overnight by Russian drones.")
    assert len(of_type(events, EventType.COMBAT)) == 2


@pytest.mark.parametrize(("text", "agent", "addressee"), [
    ("Germany told Russia to withdraw its troops.", "Germany", "Russia"),
    ("The United States advised Israel to halt the offensive.", "United States", "Israel"),
    ("Amnesty International called for Russia to release the prisoners.",
     "Amnesty International", "Russia"),
    ("The European Union called for Hungary to be sanctioned.", "European Union", "Hungary"),
])
def test_telling_or_calling_for_someone_to_act_is_an_appeal(
        nlp: Language, text: str, agent: str, addressee: str) -> None:
    events, ents = run(nlp, text)
    appeal = only(of_type(events, EventType.APPEAL))
    assert agent in labels(appeal, ents, Role.AGENT)
    assert addressee in labels(appeal, ents, Role.ADDRESSEE)
    assert not of_type(events, EventType.STATEMENT)


def test_a_warning_to_act_is_a_statement_and_a_demand(nlp: Language) -> None:
    events, ents = run(nlp, "Iran warned the United States to avoid a military escalation.")
    assert labels(only(of_type(events, EventType.STATEMENT)), ents, Role.SPEAKER) == {"Iran"}
    appeal = only(of_type(events, EventType.APPEAL))
    assert labels(appeal, ents, Role.ADDRESSEE) == {"United States"}
    # a warning of something is no demand
    events, _ = run(nlp, "Iran warned of a military escalation.")
    assert not of_type(events, EventType.APPEAL)


@pytest.mark.parametrize("text", [
    "Thousands of U.S. Marines arrived in the region.",
    "Hundreds of Russian troops were deployed to Mali.",
])
def test_a_count_of_forces_is_the_forces(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert only(of_type(events, EventType.DEPLOYMENT)).arguments


@pytest.mark.parametrize(("text", "meeting"), [
    ("Thousands of Haredi Jews gather around the consulate in New York.", False),
    ("Protesters gathered outside the Kremlin.", False),
    ("Protesters met with Emmanuel Macron in Paris.", True),
    ("Vladimir Putin and Xi Jinping gathered in Moscow.", True),
])
def test_a_crowd_gathering_is_no_meeting(nlp: Language, text: str, meeting: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.MEETING)) is meeting


@pytest.mark.parametrize(("text", "kind", "found"), [
    ("Britain announced new measures against Iran.", EventType.SANCTION, True),
    ("The government announced measures to curb inflation.", EventType.SANCTION, False),
    ("Saudi jets pounded rebel positions in Yemen.", EventType.COMBAT, True),
    ("Heavy rain pounded the coast of Florida.", EventType.COMBAT, False),
    ("The dispatch of 2,000 U.S. marines to the Gulf was approved.", EventType.DEPLOYMENT,
     True),
    ("The dispatch of a letter to Moscow was delayed.", EventType.DEPLOYMENT, False),
])
def test_measures_against_pounding_and_dispatch(nlp: Language, text: str, kind: EventType,
                                                found: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, kind)) is found


def test_a_toll_clause_without_its_own_subject_is_part_of_the_attack(nlp: Language) -> None:
    events, ents = run(nlp, "Russian forces strike a market in Druzhkivka with cluster "
                            "munitions, killing at least seven civilians and injuring 15.")
    attack = only(of_type(events, EventType.COMBAT))
    assert "Druzhkivka" in labels(attack, ents)


@pytest.mark.parametrize(("text", "agents"), [
    ("A drone struck a market in Kabul.", set()),
    ("24 bandits were killed by a force of the Nigerian Army.", {"Nigerian forces"}),
])
def test_drones_strike_literally_and_a_force_of_an_army_is_that_army(
        nlp: Language, text: str, agents: set[str]) -> None:
    events, ents = run(nlp, text)
    assert labels(only(of_type(events, EventType.COMBAT)), ents, Role.AGENT) >= agents


def test_subsidiaries_of_a_company_are_that_company(nlp: Language) -> None:
    events, ents = run(nlp, "China's commerce ministry issues sanctions on five subsidiaries "
                            "of Hanwha Ocean.")
    assert labels(only(of_type(events, EventType.SANCTION)), ents, Role.TARGET) == {
        "Hanwha Ocean"}


@pytest.mark.parametrize(("text", "found"), [
    ("Poland ordered the closure of the Russian consulate in Gdansk.", True),
    ("The United States announces the closure of its Drug Enforcement Administration office "
     "in Santo Domingo.", False),
    ("The closure of the airport stranded thousands.", False),
])
def test_closing_a_foreign_states_mission_is_a_sanction(nlp: Language, text: str,
                                                        found: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.SANCTION)) is found
