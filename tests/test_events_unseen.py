"""Rule classes read off unseen news items (the wp-current-events corpus outside the gold
sets): clashes that erupt, agreements of many or of a named and an unnamed side, blasts a
weapon made, names after a plural title, sanctions and notices the model misparsed, bans on
a state's citizens, summits of unnamed leaders, and ruling out. Sentences written for
these tests, not taken from the corpus."""

from __future__ import annotations

from decimal import Decimal

import pytest
from eventkit import labels, of_type, only, run
from spacy.language import Language

from kg.model import EntityType, EventType, Polarity, Role


def test_clashes_that_erupt_between_sides_are_combat(nlp: Language) -> None:
    events, ents = run(nlp, "Clashes erupt between Kenyan troops and al-Shabaab fighters "
                            "in Lamu.")
    event = only(of_type(events, EventType.COMBAT))
    assert "Lamu" in labels(event, ents, Role.LOCATION)


def test_a_phrase_on_an_adjective_after_the_deal_names_the_partner(nlp: Language) -> None:
    events, ents = run(nlp, "Kenya signs trade agreements worth US$2 billion with Japan "
                            "and India.")
    event = only(of_type(events, EventType.COOPERATION))
    assert {"Kenya", "Japan", "India"} <= labels(event, ents)


@pytest.mark.parametrize(("text", "party"), [
    ("Negotiators and the Taliban reach a deal to exchange prisoners.", "Taliban"),
    ("The foreign ministers of the ASEAN states reach an agreement on fishing rights.",
     "ASEAN"),
])
def test_an_agreement_with_one_named_side_of_many(nlp: Language, text: str,
                                                   party: str) -> None:
    events, ents = run(nlp, text)
    assert party in labels(only(of_type(events, EventType.COOPERATION)), ents)


@pytest.mark.parametrize("text", [
    "Members of the Senate Foreign Relations Committee do not all agree on the bill.",
    "The president and Congress could not agree on a budget.",
    "Analysts argued that trade deals like NAFTA have hidden costs.",
])
def test_no_agreement_of_one_side(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.COOPERATION)


@pytest.mark.parametrize(("text", "agent"), [
    ("Houthi rocket fire kills two sailors in the Red Sea.", "Houthis"),
    ("Russian artillery fire killed three civilians in Kherson on Sunday.", "Russia"),
])
def test_fire_from_weapons_that_kills_is_combat(nlp: Language, text: str,
                                                agent: str) -> None:
    events, ents = run(nlp, text)
    assert agent in labels(only(of_type(events, EventType.COMBAT)), ents, Role.AGENT)


def test_blasts_of_bombs_that_kill_are_an_attack_with_its_place_and_toll(
        nlp: Language) -> None:
    events, ents = run(nlp, "Three car bomb explosions in Mogadishu kill 20 people.")
    event = only(of_type(events, EventType.COMBAT))
    assert "Mogadishu" in labels(event, ents, Role.LOCATION)
    assert [q.value for q in event.quantities] == [Decimal(20)]


@pytest.mark.parametrize("text", [
    "A fire kills six workers at a garment factory in Dhaka.",
    "A gas explosion killed four people in an apartment block in Lyon.",
])
def test_fires_and_blasts_of_no_weapon_are_no_combat(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.COMBAT)


def test_a_name_after_a_plural_title_is_a_person(nlp: Language) -> None:
    _, ents = run(nlp, "Presidents Faustin Rukundo of Burundi and Amadou Diallo of Guinea "
                       "sign a defence pact in Kigali.")
    persons = {e.label for e in ents.values() if e.type is EntityType.PERSON}
    assert {"Faustin Rukundo", "Amadou Diallo"} <= persons


def test_two_sides_agreeing_what_will_be_done_cooperate(nlp: Language) -> None:
    events, ents = run(nlp, "Armenia and Azerbaijan agree in Washington that their troops "
                            "will leave the border villages by March.")
    event = only(of_type(events, EventType.COOPERATION))
    assert {"Armenia", "Azerbaijan"} <= labels(event, ents)


@pytest.mark.parametrize(("text", "kind", "actor"), [
    ("The British foreign office, in coordination with the French finance ministry, "
     "sanctions 20 Russian officials linked to the Kremlin.", EventType.SANCTION,
     "British foreign office"),
    ("Foreign Minister Anna Keller notifies Parliament that Austria will expel two Russian "
     "diplomats.", EventType.STATEMENT, "Anna Keller"),
])
def test_headline_verbs_the_model_misread(nlp: Language, text: str, kind: EventType,
                                          actor: str) -> None:
    events, ents = run(nlp, text)
    event = only(of_type(events, kind))
    assert actor in labels(event, ents, Role.AGENT, Role.SPEAKER)


def test_a_ban_on_a_states_citizens_targets_the_state(nlp: Language) -> None:
    events, ents = run(nlp, "The United States expands its travel ban by banning citizens "
                            "of Chad and Eritrea from entering the country.")
    event = only([e for e in of_type(events, EventType.SANCTION)
                  if labels(e, ents, Role.TARGET)])
    assert {"Chad", "Eritrea"} <= labels(event, ents, Role.TARGET)
    assert "United States" in labels(event, ents, Role.AGENT)


def test_unnamed_leaders_gathering_at_a_named_place_meet(nlp: Language) -> None:
    events, ents = run(nlp, "Heads of state of 20 African countries gather in Addis Ababa "
                            "to discuss the war in Sudan.")
    event = only(of_type(events, EventType.MEETING))
    assert "Addis Ababa" in labels(event, ents, Role.LOCATION)


def test_unnamed_officials_meeting_are_no_meeting(nlp: Language) -> None:
    events, _ = run(nlp, "Officials met in Doha on Tuesday.")
    assert not of_type(events, EventType.MEETING)


def test_ruling_out_is_a_rejection(nlp: Language) -> None:
    events, ents = run(nlp, "Germany rules out sending Taurus missiles to Ukraine.")
    event = only(of_type(events, EventType.STATEMENT))
    assert "Germany" in labels(event, ents, Role.SPEAKER)
    assert event.polarity is Polarity.NEGATIVE


@pytest.mark.parametrize(("text", "kind"), [
    ("Israel rejected negotiations with Hamas.", EventType.MEETING),
    ("The prime minister rules out a withdrawal of troops from Kosovo.", EventType.DEPLOYMENT),
])
def test_what_is_rejected_or_ruled_out_did_not_happen(nlp: Language, text: str,
                                                      kind: EventType) -> None:
    events, _ = run(nlp, text)
    assert only(of_type(events, kind)).polarity is Polarity.NEGATIVE


def test_receiving_intelligence_is_no_meeting(nlp: Language) -> None:
    events, _ = run(nlp, "Venezuela says it has received intelligence that Colombia plans "
                         "an attack.")
    assert not of_type(events, EventType.MEETING)


@pytest.mark.parametrize(("text", "kind"), [
    ("The Malian army expelled JNIM fighters from the town of Boulkessi.", EventType.COMBAT),
    ("Kenyan troops drove al-Shabaab from two villages near Lamu.", EventType.COMBAT),
    ("Norway expelled two Russian diplomats from the country.", EventType.SANCTION),
])
def test_forcing_a_side_out_by_arms_is_combat(nlp: Language, text: str,
                                              kind: EventType) -> None:
    events, _ = run(nlp, text)
    assert {e.type for e in events} == {kind}


@pytest.mark.parametrize(("text", "parties"), [
    ("Sweden joined NATO in March.", {"Sweden", "NATO"}),
    ("Finland became a member of NATO in April.", {"Finland"}),
    ("Panama joins the Paris Agreement.", {"Panama"}),
])
def test_joining_a_bloc_or_treaty_is_cooperation(nlp: Language, text: str,
                                                  parties: set[str]) -> None:
    events, ents = run(nlp, text)
    assert parties <= labels(only(of_type(events, EventType.COOPERATION)), ents)


@pytest.mark.parametrize("text", [
    "Protesters joined the march in Paris.",
    "Macron joined Trump at the rally.",
    "Trump signs an agreement.",
    "Patel joined the Solidarity Party in 2019.",
    "Sanders became a member of the Democratic Party.",
])
def test_joining_a_crowd_or_signing_an_unnamed_deal_alone_is_no_cooperation(
        nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.COOPERATION)


def test_lightning_that_strikes_is_no_attack(nlp: Language) -> None:
    events, _ = run(nlp, "At least 30 people are injured when a lightning strike hits "
                         "supporters of the governor during a march in Lagos.")
    assert not of_type(events, EventType.COMBAT)


def test_a_company_named_after_its_description_speaks_not_its_state(nlp: Language) -> None:
    events, ents = run(nlp, "Danish shipping firm Maersk says that it is suspending all "
                            "transits through the Red Sea.")
    assert labels(only(of_type(events, EventType.STATEMENT)), ents, Role.SPEAKER) == {"Maersk"}


@pytest.mark.parametrize(("text", "agent"), [
    ("A Turkish F-16 shoots down a Syrian drone over Idlib.", "Turkey"),
    ("An Israeli F-35 shoots down a Syrian helicopter over Quneitra.", "Israel"),
    ("Ten people are killed in an explosion caused by Islamic State at a market in Kabul.",
     "Islamic State"),
])
def test_attacks_the_model_misparses_or_tells_by_their_blast(nlp: Language, text: str,
                                                             agent: str) -> None:
    events, ents = run(nlp, text)
    assert agent in labels(only(of_type(events, EventType.COMBAT)), ents, Role.AGENT)


def test_a_car_bomb_is_no_road_accident(nlp: Language) -> None:
    events, ents = run(nlp, "A suicide car bomb targets a police convoy in Quetta, killing "
                            "four officers.")
    assert "Quetta" in labels(only(of_type(events, EventType.COMBAT)), ents, Role.LOCATION)


def test_saudi_arabian_is_a_demonym(nlp: Language) -> None:
    events, ents = run(nlp, "The Saudi Arabian foreign ministry says that talks will resume.")
    event = only(of_type(events, EventType.STATEMENT))
    assert any(ents[a.entity].part_of == "country/SAU" or a.entity == "country/SAU"
               for a in event.arguments)


def test_who_asked_for_an_act_is_no_party_it_hits(nlp: Language) -> None:
    events, _ = run(nlp, "King Harald suspended parliament at the behest of Prime Minister "
                         "Jonas Gahr Store on Monday.")
    assert not of_type(events, EventType.SANCTION)


def test_a_car_bombing_is_an_attack_not_a_road_accident(nlp: Language) -> None:
    events, ents = run(nlp, "Seven people are killed in a car bombing in Mogadishu.")
    assert "Mogadishu" in labels(only(of_type(events, EventType.COMBAT)), ents, Role.LOCATION)


def test_receiving_a_nomination_before_a_list_of_rivals_is_no_meeting(nlp: Language) -> None:
    events, _ = run(nlp, "Harris received the Liberty Party's 2016 vice presidential "
                         "nomination in June 2015 over two other hopefuls: candidate Joe Kerr "
                         "and Al Bean.")
    assert not of_type(events, EventType.MEETING)


@pytest.mark.parametrize("text", [
    "Tom Ray also collaborated with artists such as Ann Lee, Bob Stone and Jim Park.",
    "Jon Miller signed with Titan Wrestling early this year.",
])
def test_artists_and_sportsmen_working_together_is_no_cooperation(nlp: Language,
                                                                   text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.COOPERATION)


@pytest.mark.parametrize(("text", "statement"), [
    ("Farmers gather in Nakuru, Kenya to protest against the new levy.", False),
    ("Airport staff stage a two-day strike to protest the pay cuts.", False),
    ("Japan protested to China over the patrol boats.", True),
])
def test_a_protest_made_by_gathering_or_striking_is_no_statement(
        nlp: Language, text: str, statement: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.STATEMENT)) is statement


@pytest.mark.parametrize("text", [
    "The agency founds a company to meet Kenya's goals for clean fuel.",
    "Canada failed to meet NATO's spending target again.",
    "At the Oslo Athletics Meet, Norwegian runner Jakob Ingebrigtsen sets a record.",
])
def test_meeting_a_goal_or_a_sports_meet_is_no_meeting(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.MEETING)


@pytest.mark.parametrize("text", [
    "The Green Party, which describes itself as centrist, backs a carbon tax.",
    "Senator Ann Lee calls herself a moderate.",
])
def test_describing_oneself_is_no_statement(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.STATEMENT)


@pytest.mark.parametrize(("text", "appeal"), [
    ("Gloria La Riva said that the Electoral College should be abolished.", False),
    ("Macron said that Russia must withdraw its troops from Ukraine.", True),
])
def test_what_should_be_done_to_a_body_is_no_appeal_to_it(nlp: Language, text: str,
                                                          appeal: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.APPEAL)) is appeal


@pytest.mark.parametrize(("text", "statement"), [
    ("After retiring, Joan Baez continued to write songs she would send to Dylan.", False),
    ("Olaf Scholz wrote a letter to Xi Jinping about the tariffs.", True),
])
def test_writing_songs_is_no_statement(nlp: Language, text: str, statement: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.STATEMENT)) is statement
