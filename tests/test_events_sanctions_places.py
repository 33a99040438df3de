"""Breaking ties and bans through what they fall on are sanctions; a fight takes the place
its own phrase, the phrase around it, or the sentence's main clause names."""

from __future__ import annotations

import pytest
from eventkit import labels, of_type, only, run
from spacy.language import Language

from kg.model import EntityType, EventType, Modality, Polarity, Role


@pytest.mark.parametrize(("text", "agent", "target"), [
    ("Ecuador breaks off diplomatic relations with Mexico after the embassy raid.",
     "Ecuador", "Mexico"),
    ("Bolivia broke ties with Israel in 2023.", "Bolivia", "Israel"),
    ("Chad severs diplomatic relations with Qatar, citing interference.", "Chad", "Qatar"),
    ("Spain withdraws its ambassador to Argentina.", "Spain", "Argentina"),
])
def test_breaking_ties_and_withdrawing_envoys_are_sanctions(
        nlp: Language, text: str, agent: str, target: str) -> None:
    events, ents = run(nlp, text)
    event = only(of_type(events, EventType.SANCTION))
    assert agent in labels(event, ents, Role.AGENT)
    assert target in labels(event, ents, Role.TARGET)


@pytest.mark.parametrize(("text", "target"), [
    ("Russia bans imports from Moldova.", "Moldova"),
    ("The Lebanese cabinet bans the activities of Iran's Islamic Revolutionary Guard Corps.",
     "Islamic Revolutionary Guard Corps"),
    ("Kenya suspends flights from Somalia until further notice.", "Somalia"),
])
def test_a_ban_hits_the_party_of_what_it_falls_on(nlp: Language, text: str,
                                                  target: str) -> None:
    events, ents = run(nlp, text)
    assert target in labels(only(of_type(events, EventType.SANCTION)), ents, Role.TARGET)


def test_a_domestic_ban_through_a_thing_stays_no_sanction(nlp: Language) -> None:
    events, _ = run(nlp, "The French government bans the activities of French fishing "
                         "companies in the harbour.")
    assert not of_type(events, EventType.SANCTION)


@pytest.mark.parametrize("text", [
    "The Kuwaiti foreign ministry bans its citizens from traveling to Lebanon.",
    "Japan bans its nationals from travel to Afghanistan.",
])
def test_banning_ones_citizens_from_another_state_is_a_sanction(nlp: Language,
                                                                 text: str) -> None:
    events, _ = run(nlp, text)
    assert of_type(events, EventType.SANCTION)


def test_a_ban_on_travel_at_home_is_no_sanction(nlp: Language) -> None:
    events, _ = run(nlp, "The Texas government bans state employees from traveling to "
                         "Austin.")
    assert not of_type(events, EventType.SANCTION)


@pytest.mark.parametrize(("text", "place"), [
    # the place hangs on the noun the trigger's phrase depends on
    ("The death toll from the airstrikes in Idlib, Syria, rises to 30.", "Idlib"),
    # a meeting takes the place of the trip it is the purpose of
    ("The Turkish foreign minister arrives in Tehran for talks with Iranian officials.",
     "Tehran"),
    # deeper in the event's own phrase
    ("Six people are killed in a shooting during a wedding at a hall in Kirkuk.", "Kirkuk"),
])
def test_a_place_in_the_phrase_around_the_event(nlp: Language, text: str,
                                                place: str) -> None:
    events, ents = run(nlp, text)
    event = only([e for e in events if e.type in (EventType.COMBAT, EventType.MEETING)])
    assert place in labels(event, ents, Role.LOCATION, Role.DESTINATION)


def test_the_one_place_of_the_main_clauses_locates_a_fight(nlp: Language) -> None:
    events, ents = run(nlp, "Russian drones hit an energy facility overnight, and two "
                            "people are injured in Odesa.")
    assert "Odesa" in labels(only(of_type(events, EventType.COMBAT)), ents, Role.LOCATION)


def test_a_place_of_another_clause_does_not_locate_a_subordinate_fight(
        nlp: Language) -> None:
    events, ents = run(nlp, "Five people are killed by Israeli airstrikes in the Gaza Strip "
                            "after a Palestinian militant attack injures an Israeli soldier.")
    for e in of_type(events, EventType.COMBAT):
        if "Israel Defense Forces" in labels(e, ents, Role.TARGET):
            assert "Gaza Strip" not in labels(e, ents, Role.LOCATION)


def test_where_people_are_or_two_places_leave_the_fight_without_one(
        nlp: Language) -> None:
    events, ents = run(nlp, "Ukrainian forces shell the border, and officials in Kursk and "
                            "Belgorod report damage.")
    for e in of_type(events, EventType.COMBAT):
        assert not labels(e, ents, Role.LOCATION) & {"Kursk", "Belgorod"}


@pytest.mark.parametrize(("text", "agent"), [
    ("Burkina Faso severs diplomatic relations with France.", "Burkina Faso"),
    ("Sierra Leone expels the ambassador of Guinea.", "Sierra Leone"),
])
def test_a_headline_subject_read_as_the_verbs_compound(nlp: Language, text: str,
                                                       agent: str) -> None:
    events, ents = run(nlp, text)
    assert agent in labels(only(of_type(events, EventType.SANCTION)), ents, Role.AGENT)


@pytest.mark.parametrize(("text", "body"), [
    ("The ASEAN Summit opens in Jakarta.", "ASEAN"),
    ("The 10th CELAC Summit is held in Bogota.", "CELAC"),
    ("ECOWAS leaders meet in Abuja.", "ECOWAS"),
])
def test_a_regional_body_and_its_summit_meet(nlp: Language, text: str, body: str) -> None:
    events, ents = run(nlp, text)
    assert body in labels(only(of_type(events, EventType.MEETING)), ents, Role.PARTICIPANT)


@pytest.mark.parametrize(("text", "other"), [
    ("The Philippines and Vietnam upgrade bilateral relations to a strategic partnership.",
     "Vietnam"),
    ("Ghana upgraded ties with Morocco in 2024.", "Morocco"),
])
def test_upgrading_relations_is_cooperation(nlp: Language, text: str, other: str) -> None:
    events, ents = run(nlp, text)
    assert other in labels(only(of_type(events, EventType.COOPERATION)), ents,
                           Role.PARTICIPANT)


@pytest.mark.parametrize(("text", "target"), [
    ("Hungary blocks access to Ukrainian news websites.", "Ukraine"),
    ("China blocks imports of Australian wine.", "Australia"),
])
def test_blocking_access_or_trade_is_a_sanction(nlp: Language, text: str,
                                                target: str) -> None:
    events, ents = run(nlp, text)
    assert target in labels(only(of_type(events, EventType.SANCTION)), ents, Role.TARGET)


@pytest.mark.parametrize("text", [
    "The House votes to require the president to halt military action against Iran.",
    "Russia blocked a UN resolution on Syria.",
    "Protesters block the road to the airport in Lima.",
])
def test_halting_a_fight_or_blocking_a_resolution_is_no_sanction(nlp: Language,
                                                                  text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.SANCTION)


def test_a_blocked_or_halted_delivery_did_not_happen(nlp: Language) -> None:
    events, _ = run(nlp, "Germany halts the delivery of tanks to Saudi Arabia.")
    assert only(of_type(events, EventType.TRANSFER)).polarity is Polarity.NEGATIVE


def test_a_court_halting_something_rules_and_sanctions_no_one(nlp: Language) -> None:
    events, _ = run(nlp, "The high court of Kenya blocks the extradition of a British "
                         "businessman to the United Kingdom.")
    assert not of_type(events, EventType.SANCTION)


def test_a_called_off_attack_did_not_happen_but_a_halted_one_did(nlp: Language) -> None:
    events, _ = run(nlp, "Donald Trump cancels a planned attack against Iran.")
    assert only(of_type(events, EventType.COMBAT)).polarity is Polarity.NEGATIVE
    events, _ = run(nlp, "Israel suspends its strikes on Gaza for the holiday.")
    assert all(e.polarity is Polarity.POSITIVE for e in of_type(events, EventType.COMBAT))


@pytest.mark.parametrize("text", [
    "Seven member states bid to host the AfCFTA secretariat.",
    "Qatar hosts the Taliban's political office.",
])
def test_hosting_an_office_is_no_meeting(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.MEETING)


def test_what_is_discussed_takes_no_part(nlp: Language) -> None:
    events, ents = run(nlp, "Putin and Erdogan discussed Syria in Sochi.")
    meeting = only(of_type(events, EventType.MEETING))
    assert "Syria" not in labels(meeting, ents, Role.PARTICIPANT)
    assert {"Vladimir Putin", "Recep Tayyip Erdogan"} <= labels(meeting, ents, Role.PARTICIPANT)


def test_the_goods_maker_sells_what_is_purchased(nlp: Language) -> None:
    events, ents = run(nlp, "Washington objected to India's purchase of Russian missiles.")
    transfer = only(of_type(events, EventType.TRANSFER))
    assert "Russia" in labels(transfer, ents, Role.AGENT)
    assert "Russia" not in labels(transfer, ents, Role.RECIPIENT)


def test_an_event_word_in_a_body_s_name_is_no_event(nlp: Language) -> None:
    events, _ = run(nlp, "A plane of the Qatar Humanitarian Aid and Relief Center lands in "
                         "Port Sudan.")
    assert not of_type(events, EventType.TRANSFER)


@pytest.mark.parametrize("text", [
    "The toll of an earthquake with a magnitude of 6.1 that struck eastern Turkey rises.",
    "A cyclone that struck Mozambique on Monday killed 40 people.",
])
def test_a_quake_or_storm_in_a_relative_clause_is_no_attack(nlp: Language,
                                                            text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.COMBAT)


@pytest.mark.parametrize("text", [
    "Encouraged to explore painting by a psychotherapist, Whitney began to exhibit.",
    "His mother always encouraged Derek Chan to be himself.",
    "NATO guidelines call for spending of 2% of GDP on defence.",
])
def test_private_encouragement_and_rules_are_no_appeal(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.APPEAL)


@pytest.mark.parametrize("text", [
    "Sky News reported Netflix Japan had delayed a new episode.",
    "The Korea Herald reported that the phone was last active in Seoul.",
])
def test_an_outlet_reporting_makes_no_statement(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, EventType.STATEMENT)


def test_what_an_outlet_reports_stays_with_it_as_source(nlp: Language) -> None:
    events, _ = run(nlp, "Reuters reported that Russian troops had crossed into Ukraine.")
    assert only(of_type(events, EventType.DEPLOYMENT)).modality is Modality.REPORTED


def test_a_known_long_name_wins_over_the_models_shorter_span(nlp: Language) -> None:
    _, ents = run(nlp, "The Islamic State of Iraq and the Levant claimed the bombing.")
    assert sorted(e.label for e in ents.values()) == ["Islamic State"]


def test_signing_a_step_of_a_law_is_no_cooperation(nlp: Language) -> None:
    events, _ = run(nlp, "Biden said he would sign the renewal of the Voting Rights Act.")
    assert not of_type(events, EventType.COOPERATION)
    events, _ = run(nlp, "Ukraine and the UK signed a 100-year partnership agreement.")
    assert of_type(events, EventType.COOPERATION)


def test_there_are_n_troops_in_a_state_is_a_deployment(nlp: Language) -> None:
    events, ents = run(nlp, "There are about 900 American troops in Syria.")
    deployment = only(of_type(events, EventType.DEPLOYMENT))
    assert "Syria" in labels(deployment, ents, Role.LOCATION)
    assert [q.value for q in deployment.quantities] == [900]


def test_a_negated_main_clause_does_not_deny_its_adverbial_clause(nlp: Language) -> None:
    events, _ = run(nlp, "After Iran attacked the base, the US did not respond.")
    assert only(of_type(events, EventType.COMBAT)).polarity is Polarity.POSITIVE
    events, _ = run(nlp, "Russia did not attack Kyiv.")
    assert only(of_type(events, EventType.COMBAT)).polarity is Polarity.NEGATIVE


def test_a_name_after_a_company_noun_is_a_company(nlp: Language) -> None:
    _, ents = run(nlp, "China sanctions five subsidiaries of the shipbuilder Hanwha Ocean.")
    assert {e.label: e.type for e in ents.values()}["Hanwha Ocean"] is EntityType.ORGANIZATION


def test_a_title_and_its_name_read_as_two_subjects_are_one_speaker(nlp: Language) -> None:
    events, ents = run(nlp, "The Labour Party's leader, Jeremy Corbyn announced he will not "
                            "seek the leadership.")
    statement = only(of_type(events, EventType.STATEMENT))
    assert labels(statement, ents, Role.SPEAKER) == {"Jeremy Corbyn"}


def test_both_of_two_coordinated_titled_names_are_targets(nlp: Language) -> None:
    # the parser hangs the first name on the second's title
    events, ents = run(nlp, "The Security Council votes to lift sanctions on Syrian "
                            "president Ahmed al-Sharaa and interior minister Anas Khattab.")
    targets = labels(only(of_type(events, EventType.SANCTION)), ents, Role.TARGET)
    assert {"Ahmed al-Sharaa", "Anas Khattab"} <= set(targets)
