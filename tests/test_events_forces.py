"""Rule classes read off unseen news items (wp-current-events outside the gold sets) on
who is a force: people an adjective arms, naval ships counted or named after their kind,
and the officers of a named force. Sentences written for these tests, not taken from the
corpus."""

from __future__ import annotations

import pytest
from eventkit import labels, of_type, only, run
from spacy.language import Language

from kg.model import EventType, Role


@pytest.mark.parametrize(("text", "place"), [
    ("Armed men kill nine villagers in Zamfara State, Nigeria.", "Zamfara State"),
    ("Bandits kill twelve farmers in a village in Sokoto State.", "Sokoto State"),
    ("Heavily armed assailants killed four guards in Tillabéri on Monday.", "Tillabéri"),
])
def test_armed_people_who_kill_attack(nlp: Language, text: str, place: str) -> None:
    events, ents = run(nlp, text)
    assert place in labels(only(of_type(events, EventType.COMBAT)), ents, Role.LOCATION)


@pytest.mark.parametrize("text", [
    "Armed forces day is celebrated in Lagos.",
    "Unarmed protesters march in Lagos.",
])
def test_no_attack_without_a_killing(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.COMBAT)


@pytest.mark.parametrize(("text", "agent", "where"), [
    ("France sends two frigates to the Gulf of Aden.", "France", "Gulf of Aden"),
    ("Italy moves the destroyer Caio Duilio to the Red Sea.", "Italy", "Red Sea"),
    ("Japan dispatches a minesweeper to the Persian Gulf.", "Japan", "Persian Gulf"),
])
def test_naval_ships_sent_are_a_deployment(nlp: Language, text: str, agent: str,
                                           where: str) -> None:
    events, ents = run(nlp, text)
    event = only(of_type(events, EventType.DEPLOYMENT))
    assert agent in labels(event, ents, Role.AGENT)
    assert where in labels(event, ents, Role.DESTINATION)


def test_a_submarine_cable_is_no_force(nlp: Language) -> None:
    events, _ = run(nlp, "Finland moves a submarine cable to a new route.")
    assert not of_type(events, EventType.DEPLOYMENT)


@pytest.mark.parametrize(("text", "force"), [
    ("Russia sent Wagner Group instructors to Mali.", "Wagner Group"),
    ("Iran sent Quds Force commanders to Syria in June.", "Quds Force"),
])
def test_officers_of_a_named_force_sent_are_a_deployment(nlp: Language, text: str,
                                                         force: str) -> None:
    events, ents = run(nlp, text)
    assert force in labels(only(of_type(events, EventType.DEPLOYMENT)), ents)


def test_officers_of_a_ministry_are_no_force(nlp: Language) -> None:
    events, _ = run(nlp, "Russia sent Foreign Ministry officers to Mali.")
    assert not of_type(events, EventType.DEPLOYMENT)


@pytest.mark.parametrize(("text", "deployed"), [
    ("Romania scrambles fighter jets as drones approach its border.", True),
    ("NATO scrambled two warplanes over the Baltic Sea.", True),
    ("Rescuers scrambled to reach the survivors in the rubble.", False),
])
def test_scrambling_jets_is_a_show_of_force(nlp: Language, text: str,
                                             deployed: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.DEPLOYMENT)) is deployed


@pytest.mark.parametrize(("text", "agent"), [
    ("Shrapnel from a Russian drone killed two civilians in Kharkiv on Sunday.", "Russia"),
    ("Fragments of a Houthi missile killed a sailor in Eilat.", "Houthis"),
])
def test_what_falls_from_a_weapon_attacks_for_the_weapon_s_side(nlp: Language, text: str,
                                                                agent: str) -> None:
    events, ents = run(nlp, text)
    assert agent in labels(only(of_type(events, EventType.COMBAT)), ents, Role.AGENT)


def test_debris_of_no_weapon_is_no_attack(nlp: Language) -> None:
    events, _ = run(nlp, "Debris from a collapsed roof killed two workers in Lyon.")
    assert not of_type(events, EventType.COMBAT)


@pytest.mark.parametrize(("text", "model"), [
    ("France will deliver Caesar howitzers and Mistral missiles to Armenia.", "Mistral"),
    ("Russia launched 40 Geran drones at Odesa overnight.", "Geran"),
])
def test_a_weapon_model_before_its_weapon_is_no_actor(nlp: Language, text: str,
                                                      model: str) -> None:
    _, ents = run(nlp, text)
    assert model not in {e.label for e in ents.values()}


def test_who_receives_a_shipment_is_its_recipient(nlp: Language) -> None:
    events, ents = run(nlp, "Moldova received a shipment of vaccines from Romania.")
    event = only(of_type(events, EventType.TRANSFER))
    assert labels(event, ents, Role.RECIPIENT) == {"Moldova"}


def test_who_a_participle_on_a_noun_tells_of_is_that_noun(nlp: Language) -> None:
    events, _ = run(nlp, "The Islamic Revolutionary Guard Corps fired at four tankers "
                         "attempting to cross the Strait of Hormuz.")
    assert not of_type(events, EventType.DEPLOYMENT)
