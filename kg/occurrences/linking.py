"""The linking rules: reports from extractions, and reports into occurrences.

Everything here is a pure function of plain data (no store, no RDF), so the same rules
run over a whole corpus in memory (the benchmark) and one article at a time (ingest).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from kg.gazetteer import actor as known_actor
from kg.lexicon import words
from kg.model import Entity, EntityType, EventType, Extraction, Role

__all__ = ["Link", "Occurrence", "Report", "compatible", "link", "occurrence_id", "reach",
           "reports_of"]

#: Days two reports of a class may lie apart and still be one event.
WINDOW: Mapping[EventType, int] = {
    EventType.COMBAT: 0,
    EventType.MEETING: 1,
    EventType.STATEMENT: 0,
    EventType.APPEAL: 1,
    EventType.TRANSFER: 2,
    EventType.DEPLOYMENT: 2,
    EventType.TRAINING: 3,
    EventType.COOPERATION: 2,
    EventType.SANCTION: 3,
}
#: Days an event with its own date may precede the publication date of a report that
#: has none (an article tells of the last days' events).
PUBLICATION_SLACK = 2
#: Days apart two Combat reports may be when both triggers name combat that lasts
#: (:func:`lasting`: fighting, clashes, an offensive), not one strike.
LASTING_WINDOW = 3
#: A link needs at least this score (see :func:`compatible`): one state in common on the
#: same day is not enough (a state does many things a day); a state and one more piece of
#: evidence, a non-state actor, a dyad or a specific place is.
THRESHOLD = 2.0
#: An actor shared with this many other occurrences near a report's day (same class) is
#: busy there (a state at war, a force in daily fighting) and counts half.
BUSY = 3
#: Letters of a trigger word's stem compared (:func:`cues_of`).
CUE_LETTERS = 5
_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ed", "es", "s")

_STATES = ("country/",)
#: Keys of a state's armed forces as one actor ("force/RUS": "Russian troops").
_NATIONAL_FORCE = re.compile(r"^force/[A-Z]{3}$")
#: Classes whose actors are all on one side (who met whom, who agreed with whom).
_SYMMETRIC = frozenset({EventType.MEETING, EventType.COOPERATION})
_DOER = frozenset({Role.AGENT, Role.SPEAKER})
#: Speech acts: one speaker says many things a day, so more must agree (:func:`compatible`).
_SPEECH = frozenset({EventType.STATEMENT, EventType.APPEAL})
_DONE_TO = frozenset({Role.TARGET, Role.RECIPIENT, Role.ADDRESSEE})


@dataclass(frozen=True, slots=True)
class Report:
    """One event report as the linker sees it.

    ``actors`` are entity keys rolled up to their state or body (a minister to the
    state whose post he holds, a force or ministry to its state), each with its side:
    ``by:`` (agent, speaker), ``on:`` (target, recipient, addressee); a participant is on
    both sides, and every actor of a meeting or a cooperation is ``by:``. An attack by
    Iran and an attack on Iran share no actor. ``places`` the specific
    places named (not states), ``place_states`` the states of places and the states
    named as places. ``dated`` is false when ``day`` is the publication date.
    """

    id: str
    article: str
    type: EventType
    day: date | None
    dated: bool
    published: date | None
    actors: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    place_states: frozenset[str] = frozenset()
    label: str = ""
    sentence: int = -1  # where the evidence sentence begins in the article body
    cues: frozenset[str] = frozenset()  # stems of the trigger's words (:func:`cues_of`)
    named: frozenset[str] = frozenset()  # the actors as named, before roll-up ("by=key")


@dataclass(frozen=True, slots=True)
class Link:
    """Why ``report`` joined its occurrence: the report it matched best, a score and
    the features that agreed ("date 0 d", "actor country/PAK", "place place/1138958")."""

    report: str
    to: str
    score: float
    features: tuple[str, ...]


@dataclass(frozen=True)
class Occurrence:
    """Reports of one real event; ``founder`` is the report it was created for."""

    founder: str
    type: EventType
    reports: tuple[Report, ...]
    links: tuple[Link, ...] = field(default=())

    @property
    def id(self) -> str:
        return occurrence_id(self.founder)

    @property
    def articles(self) -> frozenset[str]:
        return frozenset(r.article for r in self.reports)


def occurrence_id(founder: str) -> str:
    """16 hex digits naming an occurrence: the start of the SHA-1 of its founding report."""
    return hashlib.sha1(founder.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- reports


def _roll(key: str, entities: Mapping[str, Entity], depth: int = 0) -> str:
    """The state or body that acts for ``key``: a person's post (else the state kg's
    actor table gives the person), a force's or body's state; others are themselves."""
    e = entities.get(key)
    if e is None or depth > 3:
        return key
    if e.type is EntityType.PERSON:
        for post in e.posts:
            if post.organization and post.organization != key:
                return _roll(post.organization, entities, depth + 1)
        known = known_actor(key)
        return e.part_of or (known.part_of if known is not None else None) or key
    if e.type in (EntityType.ORGANIZATION, EntityType.MILITARY_FORCE) and e.part_of:
        return e.part_of
    return key


def _state_of(key: str, entities: Mapping[str, Entity]) -> str | None:
    if key.startswith(_STATES):
        return key
    e = entities.get(key)
    if e is not None and e.part_of and e.part_of.startswith(_STATES):
        return e.part_of
    return None


def cues_of(trigger: str) -> frozenset[str]:
    """Crude stems of a trigger's words: an inflection ending dropped, then the first
    :data:`CUE_LETTERS` letters; stems shorter than four letters are left out.

    >>> sorted(cues_of("carries out two airstrikes")), sorted(cues_of("warning"))
    (['airst', 'carri'], ['warn'])
    >>> cues_of("assassinated") == cues_of("assassination")
    True
    """
    out: set[str] = set()
    for word in "".join(c if c.isalpha() else " " for c in trigger.casefold()).split():
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[:-len(suffix)]
                break
        if len(word) >= 4:
            out.add(word[:CUE_LETTERS])
    return frozenset(out)


def lasting(cues: frozenset[str]) -> bool:
    """Whether trigger stems (:func:`cues_of`) name combat that lasts days
    (``kg/data/lexicon/words/lasting_combat_words.txt``).

    >>> lasting(cues_of("fighting")), lasting(cues_of("clashes")), lasting(cues_of("airstrike"))
    (True, True, False)
    """
    return bool(cues & _lasting_stems())


@cache
def _lasting_stems() -> frozenset[str]:
    return frozenset(c for w in words("lasting_combat_words") for c in cues_of(w))


def reports_of(extraction: Extraction, ids: Iterable[str]) -> list[Report]:
    """The reports of an extraction's events, ``ids`` giving each event's id (its IRI)."""
    art = extraction.article
    entities = {e.key: e for e in extraction.entities}
    out: list[Report] = []
    for event, rid in zip(extraction.events, ids, strict=True):
        own = event.time.date if event.time is not None else None
        actors: set[str] = set()
        named: set[str] = set()
        places: set[str] = set()
        states: set[str] = set()
        for arg in event.arguments:
            if arg.role.is_place:
                state = _state_of(arg.entity, entities)
                if state is not None:
                    states.add(state)
                if not arg.entity.startswith(_STATES):
                    places.add(arg.entity)
            else:
                key = _roll(arg.entity, entities)
                if event.type in _SYMMETRIC or arg.role in _DOER:
                    sides: tuple[str, ...] = ("by",)
                elif arg.role in _DONE_TO:
                    sides = ("on",)
                else:
                    sides = ("by", "on")
                actors.update(f"{side}:{key}" for side in sides)
                named.update(f"{side}={arg.entity}" for side in sides)
        out.append(Report(rid, art.key, event.type, own or art.published, own is not None,
                          art.published, frozenset(actors), frozenset(places),
                          frozenset(states), event.label, event.evidence.begin,
                          cues_of(event.trigger.text), frozenset(named)))
    return out


# --------------------------------------------------------------------------- rules


def _gap(a: Report, b: Report) -> int | None:
    """Days between the two reports' events, None when one has no day at all.

    Two reports with their own dates, or two without, compare their days. A dated event
    and an undated report compare the event's day with the publication date, which may
    follow it by up to :data:`PUBLICATION_SLACK` days.
    """
    if a.day is None or b.day is None:
        return None
    if a.dated == b.dated:
        return abs((a.day - b.day).days)
    dated, undated = (a, b) if a.dated else (b, a)
    assert dated.day is not None and undated.day is not None
    behind = (undated.day - dated.day).days
    if 0 <= behind <= PUBLICATION_SLACK:
        return 0
    return behind - PUBLICATION_SLACK if behind > 0 else -behind


def reach(r: Report) -> int:
    """Days around ``r``'s day where a report it may link to can lie (its class window,
    or the lasting-combat window when its trigger names one, plus the publication slack):
    where its candidates are looked for."""
    return _window(r, r) + PUBLICATION_SLACK


def _window(a: Report, b: Report) -> int:
    if a.type is EventType.COMBAT and lasting(a.cues) and lasting(b.cues):
        return LASTING_WINDOW
    return WINDOW[a.type]


def _side(keys: frozenset[str], side: str) -> set[str]:
    return {k for k in keys if k.startswith(side + ":")}


def compatible(a: Report, b: Report, busy: Mapping[str, int] | None = None
               ) -> tuple[float, tuple[str, ...]] | None:
    """Score and agreeing features if ``a`` and ``b`` may be one event, else None.

    They must be of one class, from different articles (or two triggers of one sentence),
    with days within the class window (:data:`LASTING_WINDOW` for two reports of combat
    that lasts), and share an actor or a place; they must not name
    two distinct specific places, places in two distinct states, two distinct targets or
    two distinct actors on the acting side. Two statements (or appeals) must also share
    the speaker as named (not only its state), a trigger word, and an addressee or target,
    a place or their own date: one speaker says many things a day.

    Score: 2 for a shared specific place; per shared actor (the two best count) 1 for a
    state or its forces, 1.5 for any other (a person, an armed group, a body: rarer than
    a state), each real actor once whether shared after roll-up, as named or both
    (:func:`_actor_weights`); 0.5 for a shared state of place
    when no specific place is shared; 0.5 when both have their own date and it is the
    same; 0.5 when the triggers share a word stem ("airstrikes" ~ "carries out two
    airstrikes"). An actor or place ``busy`` around ``a`` (in :data:`BUSY` or more
    occurrences of the class near its day: a state at war, a region under daily strikes)
    counts half. A link needs :data:`THRESHOLD`.
    """
    if a.type is not b.type or (a.article == b.article and a.sentence != b.sentence):
        return None
    gap = _gap(a, b)
    if gap is None or gap > _window(a, b):
        return None
    if a.places and b.places and not a.places & b.places:
        return None
    if a.place_states and b.place_states and not a.place_states & b.place_states:
        return None
    for side in ("on", "by"):
        sa, sb = _side(a.actors, side), _side(b.actors, side)
        if sa and sb and not sa & sb:
            return None
    shared_actors = sorted(a.actors & b.actors)
    shared_named = sorted(a.named & b.named)
    shared_places = sorted(a.places & b.places)
    shared_states = sorted(a.place_states & b.place_states)
    shared_cues = sorted(a.cues & b.cues)
    if not shared_actors and not shared_named and not shared_places and not shared_states:
        return None
    same_own_date = gap == 0 and a.dated and b.dated
    if a.type in _SPEECH and not (
            shared_cues and any(k.startswith("by=") for k in shared_named)
            and (any(k.startswith("on:") for k in shared_actors) or shared_places
                 or same_own_date)):
        return None
    features = [f"date {gap} d"]
    features += [f"actor {k}" for k in shared_actors]
    features += [f"named {k}" for k in shared_named]
    features += [f"place {k}" for k in shared_places]
    features += [f"state {k}" for k in shared_states if not shared_places]
    weights = _actor_weights(shared_actors, shared_named, busy, features)
    place_weight = 0.0
    for k in shared_places:
        w = 2.0
        if busy is not None and busy.get("at:" + k, 0) >= BUSY:
            w /= 2
            features.append(f"busy place {k}")
        place_weight = max(place_weight, w)
    score = sum(weights[-2:]) + place_weight
    score += 0.5 if shared_states and not shared_places else 0.0
    if same_own_date:
        score += 0.5
        features.append("same own date")
    if shared_cues:
        score += 0.5
        features.append("trigger " + " ".join(shared_cues))
    return score, tuple(features)


def _actor_weights(shared_actors: list[str], shared_named: list[str],
                   busy: Mapping[str, int] | None, features: list[str]) -> list[float]:
    """The weights of the actors two reports share, ascending: one per real actor, so an
    actor counted after roll-up ("by:country/RUS") and as named ("by=force/RUS", "by=
    person/donald-trump") counts once. A named actor that is not a state or a state's
    forces (a person, an armed group, a body) weighs 1.5, and so does such an actor shared
    after roll-up only; a state 1; a busy actor (:data:`BUSY`) half."""
    def weight(k: str, w: float) -> float:
        if busy is not None and busy.get(k, 0) >= BUSY:
            features.append(f"busy {k}")
            return w / 2
        return w

    rolled: dict[str, float] = {}
    for k in shared_actors:
        w = weight(k, 1.0 if _generic(k[3:]) else 1.5)
        rolled[k[3:]] = max(rolled.get(k[3:], 0.0), w)
    named: dict[str, float] = {}
    generic = 0
    for k in shared_named:
        if _generic(k[3:]):
            generic += 1
        else:
            named[k[3:]] = max(named.get(k[3:], 0.0), weight(k, 1.5))
    actors = max(len(rolled), len(named) + min(generic, 1))
    rest = sorted(rolled.values(), reverse=True)[:max(0, actors - len(named))]
    return sorted([*named.values(), *rest])


def _generic(key: str) -> bool:
    """A state, or a state's armed forces as one actor ("force/RUS": "Russian troops")."""
    return key.startswith(_STATES) or _NATIONAL_FORCE.match(key) is not None


def _best(report: Report, occ: Occurrence, busy: Mapping[str, int]) -> Link | None:
    """The link of ``report`` to ``occ``: it must be compatible with every report of the
    occurrence (so one occurrence never spans incompatible places or days) and score at
    least :data:`THRESHOLD` against one of them."""
    if report.type is not occ.type:
        return None
    best: Link | None = None
    for other in occ.reports:
        verdict = compatible(report, other, busy)
        if verdict is None:
            return None
        score, features = verdict
        if best is None or score > best.score or (score == best.score and other.id < best.to):
            best = Link(report.id, other.id, score, features)
    if best is None or best.score < THRESHOLD:
        return None
    return best


def _keys(occ: Occurrence) -> set[str]:
    """What an occurrence is about, for telling busy actors and places (:data:`BUSY`)."""
    keys: set[str] = set()
    for r in occ.reports:
        keys.update(r.actors, r.named, ("at:" + p for p in r.places))
    return keys


def _order(r: Report) -> tuple[date, str]:
    return (r.day or date.max, r.id)


def link(reports: Iterable[Report], occurrences: Iterable[Occurrence] = ()
         ) -> list[Occurrence]:
    """Add ``reports`` to ``occurrences``: each to the best-scoring compatible one, else
    to a new occurrence founded by it. Reports are taken by (day, id), so the result does
    not depend on the order given; ties go to the occurrence of the smaller id. Only
    occurrences with a report of the same class within the window (and the publication
    slack) are looked at, through an index by class and day."""
    occs: dict[str, Occurrence] = {o.id: o for o in occurrences}
    index: dict[tuple[EventType, date], set[str]] = {}
    undated: dict[EventType, set[str]] = {}

    def enter(r: Report, oid: str) -> None:
        if r.day is None:
            undated.setdefault(r.type, set()).add(oid)
        else:
            index.setdefault((r.type, r.day), set()).add(oid)

    for o in occs.values():
        for r in o.reports:
            enter(r, o.id)
    for r in sorted(reports, key=_order):
        choice: tuple[float, str, Link] | None = None
        nearby = sorted(_nearby(r, index, reach(r)))
        near = _nearby(r, index, WINDOW[r.type] + PUBLICATION_SLACK)
        busy = Counter(k for oid in sorted(near) for k in _keys(occs[oid]))
        for oid in nearby:
            found = _best(r, occs[oid], busy)
            if found is not None and (choice is None or found.score > choice[0]):
                choice = (found.score, oid, found)
        if choice is None:
            occ = Occurrence(r.id, r.type, (r,))
            occs[occ.id] = occ
            enter(r, occ.id)
        else:
            _, oid, lk = choice
            o = occs[oid]
            occs[oid] = replace(o, reports=(*o.reports, r), links=(*o.links, lk))
            enter(r, oid)
    return sorted(occs.values(), key=lambda o: o.id)


def _nearby(r: Report, index: Mapping[tuple[EventType, date], set[str]], k: int
            ) -> set[str]:
    if r.day is None:
        return set()
    out: set[str] = set()
    for d in range(-k, k + 1):
        out |= index.get((r.type, r.day + timedelta(days=d)), set())
    return out
