"""Who can make an event: private persons and companies alone make none but statements and
appeals; a meeting needs two parties (kg.events on hand-written sentences)."""

from __future__ import annotations

import pytest
from eventkit import labels, of_type, only, run
from spacy.language import Language

from kg.model import EventType, Role


@pytest.mark.parametrize(("text", "kind"), [
    ("Netflix, Inc. agrees to buy Warner Bros. Discovery Inc.", EventType.COOPERATION),
    ("Amar Patel spoke with Wikinews News about the campaign.", EventType.MEETING),
    ("A man suspected to have supplied the gun to Louis De Zoysa was arrested.",
     EventType.TRANSFER),
    ("John Smith shot Peter Brown in the head after an argument.", EventType.COMBAT),
])
def test_private_actors_alone_make_no_political_event(nlp: Language, text: str,
                                                      kind: EventType) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, kind)


@pytest.mark.parametrize(("text", "kind"), [
    ("Gunmen shot dead journalist Abdul Ghafoor Abed near the border.", EventType.COMBAT),
    ("Tetsuya Yamagami assassinated former prime minister Shinzo Abe in 2022.",
     EventType.COMBAT),
    ("Canadian author Margaret Atwood said the decision was wrong.", EventType.STATEMENT),
])
def test_private_persons_still_suffer_attacks_and_speak(nlp: Language, text: str,
                                                        kind: EventType) -> None:
    events, _ = run(nlp, text)
    assert of_type(events, kind)


def test_the_possessor_of_a_killing_is_its_victim(nlp: Language) -> None:
    events, ents = run(nlp, "Thousands mourned after Charlie Kirk's killing in Utah.")
    assert "Charlie Kirk" in labels(only(of_type(events, EventType.COMBAT)), ents, Role.TARGET)


@pytest.mark.parametrize(("text", "meeting"), [
    ("He discussed how he became the vice presidential nominee of the party.", False),
    ("Amar Patel discussed the campaign and his duties.", False),
    ("Antony Blinken met Wang Yi in Beijing.", True),
    ("G7 leaders discussed the Amazon fires in Biarritz.", True),
    ("Vance meets with prime minister Nikol Pashinyan to discuss a peace agreement.", True),
])
def test_a_meeting_needs_two_parties(nlp: Language, text: str, meeting: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.MEETING)) is meeting


@pytest.mark.parametrize(("text", "kind"), [
    ("Biden attacked Trump for the over 200,000 deaths from coronavirus.", EventType.STATEMENT),
    ("Hamas attacked Israel on October 7.", EventType.COMBAT),
    ("Militants attacked Senator John Smith in Kabul.", EventType.COMBAT),
])
def test_a_person_attacking_a_person_uses_words(nlp: Language, text: str,
                                               kind: EventType) -> None:
    events, _ = run(nlp, text)
    assert [e.type for e in events] == [kind]


@pytest.mark.parametrize(("text", "parties"), [
    ("Team Zorin pledge to bring all Melbournians to the council chamber.", None),
    ("Carroll also backed the overturn of Citizens United.", None),
    ("Germany pledged 500 million euros to Ukraine.", {"Germany", "Ukraine"}),
    ("Iran apologised to Ukraine for downing the jet.", {"Iran", "Ukraine"}),
    ("The United States backs Ukraine.", {"United States", "Ukraine"}),
])
def test_a_pledge_or_backing_has_a_party_in_view(nlp: Language, text: str,
                                                 parties: set[str] | None) -> None:
    events, ents = run(nlp, text)
    coop = of_type(events, EventType.COOPERATION)
    if parties is None:
        assert not coop
    else:
        assert labels(only(coop), ents, Role.PARTICIPANT) == parties


@pytest.mark.parametrize(("text", "appeal"), [
    ("The press asked Trump about it that same day.", False),
    ("Reporters asked Merkel whether the talks would resume.", False),
    ("The Supreme Court ruled on the appeal of that decision by the government.", False),
    ("Lawyers for the general appealed the verdict of the Hague tribunal.", False),
    ("Iran asked Interpol to arrest Trump.", True),
    ("The United Nations appealed for calm in Tripoli.", True),
])
def test_questions_and_legal_appeals_are_no_appeals(nlp: Language, text: str,
                                                    appeal: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.APPEAL)) is appeal


@pytest.mark.parametrize(("text", "meeting"), [
    ("Perttu Ahola discussed the game with Wikinews.", False),
    ("Reporter William Saturn reached out to Bill Hammons to discuss his campaign.", False),
    ("Tony Bobulinski held a press conference in Nashville.", False),
    ("Lloyd Austin gave a talk at Harvard.", False),
    ("G7 meetings usually center on politics.", False),
    ("Austin spoke at a press conference alongside Defense Minister Kim Yong-hyun.", True),
    ("Antony Blinken discussed the war with Wang Yi.", True),
    ("Vladimir Putin and Xi Jinping held talks in Beijing.", True),
])
def test_interviews_lectures_lone_press_conferences_and_habits_are_no_meetings(
        nlp: Language, text: str, meeting: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.MEETING)) is meeting


def test_asking_questions_is_no_appeal(nlp: Language) -> None:
    events, _ = run(nlp, "The senator asked hard questions of Russia.")
    assert not of_type(events, EventType.APPEAL)


@pytest.mark.parametrize("text", [
    "Typhoon Phanfone made landfall on the Philippines, killing at least 20.",
    "The House must allocate money for the trial.",
    "After asking Acme Inc for his release, Huber signed with another club.",
])
def test_disasters_budgets_and_private_requests_are_no_events(nlp: Language,
                                                              text: str) -> None:
    events, _ = run(nlp, text)
    assert not [e for e in events if e.type in (EventType.COMBAT, EventType.TRANSFER,
                                                EventType.APPEAL)]


def test_a_sanction_does_not_hit_its_own_state(nlp: Language) -> None:
    events, ents = run(nlp, "Athens expelled the Libyan ambassador to Greece.")
    assert labels(only(of_type(events, EventType.SANCTION)), ents, Role.TARGET) == {"Libya"}


@pytest.mark.parametrize(("text", "kind"), [
    ("Did the Iranian Chess Federation ever support Dorsa Derakhshani?", EventType.COOPERATION),
    ("Drastic measures were taken by the Indian government.", EventType.DEPLOYMENT),
    ("Caloundra opened the game with two tries.", EventType.DEPLOYMENT),
    ("Salling intends to strengthen its Netto chain in Poland.", EventType.DEPLOYMENT),
])
def test_questions_and_moves_without_forces_are_no_events(nlp: Language, text: str,
                                                          kind: EventType) -> None:
    events, _ = run(nlp, text)
    assert not of_type(events, kind)


@pytest.mark.parametrize("text", [
    "NATO will strengthen its forces in Poland.",
    "Three Russian drones violated Romanian airspace.",
])
def test_moves_of_forces_and_weapons_are_deployments(nlp: Language, text: str) -> None:
    events, _ = run(nlp, text)
    assert of_type(events, EventType.DEPLOYMENT)


@pytest.mark.parametrize(("text", "kind", "found"), [
    ("He pleaded guilty to charges of spying for Russia.", EventType.APPEAL, False),
    ("Ukraine pleaded with NATO for more air defences.", EventType.APPEAL, True),
    ("Thunberg began her climate protest outside the Swedish Parliament.",
     EventType.STATEMENT, False),
    ("China lodged a protest with Japan over the visit.", EventType.STATEMENT, True),
    ("Kuwait filed a complaint with the International Civil Aviation Organization.",
     EventType.STATEMENT, True),
])
def test_pleas_in_court_and_marches_are_not_appeals_or_statements(
        nlp: Language, text: str, kind: EventType, found: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, kind)) is found


@pytest.mark.parametrize(("text", "found"), [
    ("Russia agreed with Ukraine on a prisoner exchange.", True),
    ("Carroll agreed with La Riva, saying that jobs are more important.", False),
    ("La Riva agreed with the nationalization of the Federal Reserve.", False),
    ("Israel and Hamas agreed to a ceasefire.", True),
    ("A ceasefire is agreed between the Syrian Armed Forces and Firqat al-Ghuraba.", True),
    ("Michael Siegel agreed to answer some questions for the correspondent.", False),
])
def test_agreeing_is_cooperation_only_when_it_commits_to_something(
        nlp: Language, text: str, found: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.COOPERATION)) is found


def test_a_question_followed_by_spaces_is_still_a_question(nlp: Language) -> None:
    events, _ = run(nlp, "What are your views on the conflict between Armenia and "
                         "Azerbaijan?  What would you do as president?")
    assert not events


@pytest.mark.parametrize(("text", "found"), [
    ("Trump cancelled the Republican National Convention.", False),
    ("Donald Trump revokes the Environmental Protection Agency's 2009 finding.", False),
    ("The United States suspended aid to Ukraine.", True),
    ("Russia suspended its cooperation with the United Nations.", True),
])
def test_cancelling_or_suspending_hits_a_state_or_a_known_body(nlp: Language, text: str,
                                                               found: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.SANCTION)) is found


@pytest.mark.parametrize(("text", "found"), [
    ("Iran supports Nicolás Maduro's government.", True),
    ("Russia supports the government's claims.", False),
])
def test_backing_a_government_is_backing_its_state(nlp: Language, text: str,
                                                   found: bool) -> None:
    events, _ = run(nlp, text)
    assert bool(of_type(events, EventType.COOPERATION)) is found
