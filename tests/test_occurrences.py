"""Linking event reports into occurrences: the rules, on hand-built extractions."""

from __future__ import annotations

from datetime import date

from kg.evaluate.occurrences import bcubed, pairwise, split_of
from kg.model import (
    Argument,
    Article,
    Entity,
    EntityType,
    Event,
    EventType,
    Extraction,
    Mention,
    Post,
    Role,
    Span,
    TimeExpression,
)
from kg.occurrences import Report, compatible, link, occurrence_id, reports_of

PAK = Entity("country/PAK", EntityType.COUNTRY, "Pakistan")
AFG = Entity("country/AFG", EntityType.COUNTRY, "Afghanistan")
KABUL = Entity("place/kabul", EntityType.PLACE, "Kabul", part_of="country/AFG")
SPIN = Entity("place/spin-boldak", EntityType.PLACE, "Spin Boldak", part_of="country/AFG")
PAF = Entity("force/paf", EntityType.MILITARY_FORCE, "Pakistan Air Force", part_of="country/PAK")
MINISTER = Entity("person/khawaja-asif", EntityType.PERSON, "Khawaja Asif",
                  posts=(Post("Defence Minister", "country/PAK"),))


def _event(kind: EventType, trigger: str, *args: tuple[Role, str],
           day: date | None = None, sentence: int = 0) -> Event:
    m = Mention(Span(sentence, sentence + len(trigger)), trigger, "TRIGGER", 0, 1, 0)
    time = TimeExpression(Span(sentence, sentence + 1), "x", day) if day else None
    return Event(kind, m, Span(sentence, sentence + len(trigger)),
                 tuple(Argument(role, key) for role, key in args), time=time)


def _extraction(key: str, published: date, *events: Event,
                entities: tuple[Entity, ...] = (PAK, AFG, KABUL, SPIN, PAF, MINISTER)
                ) -> Extraction:
    return Extraction(Article(key, "T", "x" * 40, published), entities, events)


def _reports(*extractions: Extraction) -> list[Report]:
    out: list[Report] = []
    for ex in extractions:
        out += reports_of(ex, [f"{ex.article.key}#{i}" for i in range(len(ex.events))])
    return out


def _strike(key: str, day: date, place: str, *, dated: bool = False,
            agent: str = "country/PAK") -> Extraction:
    ev = _event(EventType.COMBAT, "airstrikes", (Role.AGENT, agent), (Role.LOCATION, place),
                day=day if dated else None)
    return _extraction(key, day, ev)


def test_people_and_forces_roll_up_to_their_state() -> None:
    ex = _extraction("a", date(2025, 10, 9),
                     _event(EventType.COMBAT, "strike", (Role.AGENT, "force/paf")),
                     _event(EventType.STATEMENT, "says", (Role.SPEAKER, "person/khawaja-asif")))
    strike, statement = _reports(ex)
    assert strike.actors == {"by:country/PAK"}
    assert statement.actors == {"by:country/PAK"}


def test_publication_date_stands_in_when_the_event_has_none() -> None:
    (r,) = _reports(_strike("a", date(2025, 10, 9), "place/kabul"))
    assert (r.day, r.dated) == (date(2025, 10, 9), False)
    (d,) = _reports(_strike("b", date(2025, 10, 12), "place/kabul", dated=True))
    assert d.dated


def test_the_same_strike_reported_twice_is_one_occurrence() -> None:
    first = _strike("a", date(2025, 10, 15), "place/kabul")
    later = _extraction("b", date(2025, 10, 16), _event(
        EventType.COMBAT, "airstrikes", (Role.AGENT, "force/paf"), (Role.LOCATION, "place/kabul"),
        day=date(2025, 10, 15)))
    occs = link(_reports(first, later))
    assert len(occs) == 1
    (lk,) = occs[0].links
    assert "actor by:country/PAK" in lk.features and "place place/kabul" in lk.features
    assert lk.score >= 2


def test_strikes_on_one_city_on_different_days_stay_apart() -> None:
    occs = link(_reports(_strike("a", date(2025, 10, 9), "place/kabul"),
                         _strike("b", date(2025, 10, 15), "place/kabul")))
    assert len(occs) == 2


def test_two_places_of_one_state_are_two_events() -> None:
    occs = link(_reports(_strike("a", date(2025, 10, 15), "place/kabul"),
                         _strike("b", date(2025, 10, 15), "place/spin-boldak")))
    assert len(occs) == 2


def test_an_attack_by_a_state_is_not_an_attack_on_it() -> None:
    by = _extraction("a", date(2025, 10, 11), _event(
        EventType.COMBAT, "attacks", (Role.AGENT, "country/AFG"), (Role.TARGET, "country/PAK")))
    on = _extraction("b", date(2025, 10, 11), _event(
        EventType.COMBAT, "strikes", (Role.AGENT, "country/PAK"), (Role.TARGET, "country/AFG")))
    a, b = _reports(by, on)
    assert compatible(a, b) is None


def test_two_reports_of_one_article_are_merged_only_from_one_sentence() -> None:
    apart = _extraction("a", date(2025, 10, 15),
                        _event(EventType.COMBAT, "strike", (Role.AGENT, "country/PAK")),
                        _event(EventType.COMBAT, "attack", (Role.AGENT, "country/PAK"),
                               sentence=20))
    assert len(link(_reports(apart))) == 2
    together = _extraction("a", date(2025, 10, 15),
                           _event(EventType.COMBAT, "strike", (Role.AGENT, "country/PAK"),
                                  (Role.TARGET, "country/AFG")),
                           _event(EventType.COMBAT, "operation", (Role.AGENT, "country/PAK"),
                                  (Role.TARGET, "country/AFG")))
    assert len(link(_reports(together))) == 1


def test_two_different_targets_are_two_events() -> None:
    a = _extraction("a", date(2026, 1, 7), _event(
        EventType.COMBAT, "seizes", (Role.AGENT, "country/PAK"), (Role.TARGET, "country/AFG")))
    b = _extraction("b", date(2026, 1, 7), _event(
        EventType.COMBAT, "seizes", (Role.AGENT, "country/PAK"), (Role.TARGET, "person/x")))
    assert len(link(_reports(a, b))) == 2


def test_different_classes_are_never_merged() -> None:
    a = _extraction("a", date(2025, 10, 15), _event(EventType.COMBAT, "strike",
                                                    (Role.AGENT, "country/PAK")))
    b = _extraction("b", date(2025, 10, 15), _event(EventType.STATEMENT, "says",
                                                    (Role.SPEAKER, "country/PAK")))
    assert len(link(_reports(a, b))) == 2


def test_meetings_are_symmetric_and_allow_a_day_apart() -> None:
    a = _extraction("a", date(2019, 10, 6), _event(
        EventType.MEETING, "spoke", (Role.PARTICIPANT, "country/PAK"),
        (Role.PARTICIPANT, "country/AFG")))
    b = _extraction("b", date(2019, 10, 7), _event(
        EventType.MEETING, "call", (Role.AGENT, "country/AFG"), (Role.RECIPIENT, "country/PAK")))
    assert len(link(_reports(a, b))) == 1


def test_every_report_is_in_exactly_one_occurrence_whatever_the_order() -> None:
    exs = [_strike(k, date(2025, 10, d), p) for k, d, p in (
        ("a", 9, "place/kabul"), ("b", 9, "place/kabul"), ("c", 15, "place/kabul"),
        ("d", 15, "place/spin-boldak"), ("e", 15, "place/kabul"))]
    reports = _reports(*exs)
    forward, backward = link(reports), link(list(reversed(reports)))
    assert forward == backward
    seen = [r.id for o in forward for r in o.reports]
    assert sorted(seen) == sorted(r.id for r in reports)
    assert [len(o.reports) for o in forward if o.id == occurrence_id("a#0")] == [2]


def test_incremental_linking_extends_existing_occurrences() -> None:
    first = link(_reports(_strike("a", date(2025, 10, 15), "place/kabul")))
    after = link(_reports(_strike("b", date(2025, 10, 15), "place/kabul")), first)
    assert len(after) == 1 and after[0].id == first[0].id


def test_scores() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    doc = {"a": "1", "b": "2", "c": "3"}
    s = pairwise(gold, {"a": "o", "b": "o", "c": "o"}, doc)
    assert (s.true_pairs, s.predicted_pairs, s.gold_pairs) == (1, 3, 1)
    assert s.recall == 1.0 and round(s.precision, 3) == 0.333
    assert bcubed(gold, {"a": "1", "b": "2", "c": "3"})[0] == 1.0
    assert split_of("pak-afghan-oct-2025") in ("dev", "test")


def test_one_state_in_common_on_one_day_is_not_enough() -> None:
    a = _extraction("a", date(2025, 10, 15), _event(EventType.COMBAT, "strike",
                                                    (Role.AGENT, "country/PAK")))
    b = _extraction("b", date(2025, 10, 15), _event(EventType.COMBAT, "raid",
                                                    (Role.AGENT, "country/PAK")))
    assert len(link(_reports(a, b))) == 2
    ra, rb = _reports(a, b)
    verdict = compatible(ra, rb)
    assert verdict is not None and verdict[0] < 2


def test_places_in_two_states_are_two_events() -> None:
    a = _strike("a", date(2025, 10, 15), "place/kabul")
    b = _strike("b", date(2025, 10, 15), "country/PAK")
    ra, rb = _reports(a, b)
    assert ra.place_states == {"country/AFG"} and rb.place_states == {"country/PAK"}
    assert compatible(ra, rb) is None


def test_statements_need_the_speaker_as_named_a_trigger_word_and_an_addressee() -> None:
    def says(key: str, speaker: str, trigger: str) -> Extraction:
        return _extraction(key, date(2025, 10, 15), _event(
            EventType.STATEMENT, trigger, (Role.SPEAKER, speaker), (Role.ADDRESSEE, "country/AFG")))

    minister, state = _reports(says("a", "person/khawaja-asif", "warned"),
                               says("b", "country/PAK", "warns"))
    assert minister.actors == state.actors  # the same state once rolled up...
    assert compatible(minister, state) is None  # ...but not the same speaker
    again = _reports(says("c", "person/khawaja-asif", "warning"))[0]
    assert compatible(minister, again) is not None
    other_words = _reports(says("d", "person/khawaja-asif", "said"))[0]
    assert compatible(minister, other_words) is None
    alone = _extraction("e", date(2025, 10, 15), _event(
        EventType.STATEMENT, "warns", (Role.SPEAKER, "person/khawaja-asif")))
    assert compatible(minister, _reports(alone)[0]) is None


def _clash(key: str, day: date, trigger: str) -> Extraction:
    return _extraction(key, day, _event(
        EventType.COMBAT, trigger, (Role.PARTICIPANT, "country/PAK"),
        (Role.PARTICIPANT, "country/AFG"), (Role.LOCATION, "place/spin-boldak")))


def test_combat_that_lasts_may_be_reported_days_apart() -> None:
    clashes = _clash("a", date(2025, 10, 12), "clashes")
    assert len(link(_reports(clashes, _clash("b", date(2025, 10, 15), "fighting")))) == 1
    assert len(link(_reports(clashes, _clash("b", date(2025, 10, 16), "fighting")))) == 2
    # one strike is one day: the same two reports a few days apart are two events
    assert len(link(_reports(_clash("c", date(2025, 10, 12), "airstrikes"),
                             _clash("d", date(2025, 10, 15), "airstrikes")))) == 2



def test_an_actor_counts_once_rolled_up_and_as_named() -> None:
    """'Russian troops' in two reports is one shared actor, the state, not the state and
    its forces; a named person counts once too, as a person (1.5), not also as his state."""
    rus = Entity("country/RUS", EntityType.COUNTRY, "Russia")
    troops = Entity("force/RUS", EntityType.MILITARY_FORCE, "Russian troops", part_of="country/RUS")
    ents = (rus, troops, MINISTER, PAK)
    a = _extraction("a", date(2026, 2, 9), _event(EventType.COMBAT, "assault",
                                                  (Role.AGENT, "force/RUS")), entities=ents)
    b = _extraction("b", date(2026, 2, 9), _event(EventType.COMBAT, "attack",
                                                  (Role.AGENT, "force/RUS")), entities=ents)
    verdict = compatible(*_reports(a, b))
    assert verdict is not None and verdict[0] == 1.0
    c = _extraction("c", date(2026, 2, 9), _event(EventType.COMBAT, "assault",
                                                  (Role.AGENT, "person/khawaja-asif")))
    d = _extraction("d", date(2026, 2, 9), _event(EventType.COMBAT, "attack",
                                                  (Role.AGENT, "person/khawaja-asif")))
    verdict = compatible(*_reports(c, d))
    assert verdict is not None and verdict[0] == 1.5
