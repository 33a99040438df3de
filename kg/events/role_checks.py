"""Conditions of a trigger checked on the roles once they are filled: a meeting has two
parties, a sanction hits someone not the sanctioning state's own, an act is international."""

from __future__ import annotations

from collections.abc import Callable

from kg import gazetteer
from kg.events.actors import private
from kg.events.context import Context, Draft
from kg.events.lexicon import (
    ADMINISTRATIVE_VERBS,
    COMPLETION_VERBS,
    CROWD_NOUNS,
    DEAL_NOUNS,
    GOAL_NOUNS,
    LEGISLATURE_NOUNS,
    QUANTIFIER_WORDS,
    TRIP_WORDS,
    Condition,
)
from kg.events.verb_checks import passage
from kg.model import EntityType, Role

#: Entity types that act (not places).
ACTORS = (EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION,
          EntityType.MILITARY_FORCE)


def _foreign_target(ctx: Context, d: Draft) -> bool:
    agents = ctx.states(d.keys([Role.AGENT]))
    return bool(agents and ctx.states(d.keys([Role.TARGET])) - agents)


def _international(ctx: Context, d: Draft) -> bool:
    keys = d.keys([Role.AGENT, Role.PARTICIPANT, Role.SPEAKER, Role.ADDRESSEE])
    return len(ctx.states(keys)) > 1 or any(international_body(ctx, k) for k in keys)


def international_body(ctx: Context, key: str) -> bool:
    """A body of no state: an organisation kg cannot tie to a state, except a legislature
    named bare ("Parliament was last in session", "the House of Commons' final session"),
    which is a state's unless kg's actor table knows it (the UN General Assembly)."""
    if ctx.type_of(key) is not EntityType.ORGANIZATION or ctx.state_of(key) is not None:
        return False
    words = set(ctx.entities[key].label.lower().split())
    return not words & LEGISLATURE_NOUNS or gazetteer.actor(key) is not None


def _parties(ctx: Context, d: Draft) -> bool:
    verb = d.head
    if any(o.lemma.lower() in GOAL_NOUNS for o in ctx.kids(verb, "dobj")):
        return False  # "to meet Singapore's goals", "met NATO's spending target"
    subjects = ctx.subject(verb)
    with_party = any(ctx.np_entities(o.i) for p in ctx.kids(verb, "prep")
                     if p.lemma.lower() in ("with", "between") for o in ctx.kids(p.i, "pobj"))
    if subjects and all(_crowd(ctx, s) for s in subjects) and not with_party:
        return False  # "thousands of Haredi Jews gather", "protesters met at the square"
    keys = {k for k in d.keys([Role.AGENT, Role.PARTICIPANT, Role.ADDRESSEE, Role.TARGET])
            if ctx.type_of(k) is not EntityType.PLACE}
    if len(keys) > 1 or any(ctx.type_of(k) is EntityType.ORGANIZATION
                            and ctx.state_of(k) is None and not private(ctx, k)
                            for k in keys):
        return True
    # "pledged 500 million euros to Ukraine": the other party hangs on the object
    keys |= {k for o in ctx.kids(verb, "dobj") for p in ctx.kids(o.i, "prep")
             if p.lemma.lower() in ("to", "for", "with") for x in ctx.kids(p.i, "pobj")
             for k, _ in ctx.np_entities(x.i) if ctx.type_of(k) is not EntityType.PLACE}
    if len(keys) > 1:
        return True
    # someone meets "with" a named party: two parties, though the subject may be a
    # surname the parser took for a noun ("Vance meets with ... Pashinyan")
    # a plural subject may be the parties ("ministers met"), not a crowd ("thousands of
    # Haredi Jews gather", "protesters gathered")
    return (with_party and bool(subjects)) or any(
        (ctx.tokens[s].tag in ("NNS", "NNPS") and not _crowd(ctx, s)) or ctx.kids(s, "conj")
        for s in subjects)


def _crowd(ctx: Context, i: int) -> bool:
    tok = ctx.tokens[i]
    return tok.text.lower() in QUANTIFIER_WORDS or tok.lemma.lower() in CROWD_NOUNS


def _sanction_target(ctx: Context, d: Draft) -> bool:
    """A target actor, not one of the sanctioning state's own ("Tunisia suspends the
    Tunisian Forum for Economic and Social Rights" is a domestic act)."""
    if ctx.tokens[d.trigger].lemma.lower() in COMPLETION_VERBS and any(
            o.lemma.lower() in DEAL_NOUNS for o in ctx.objects(d.trigger)):
        return False  # "closed the deal with Japan"
    agents = ctx.states(d.keys([Role.AGENT]))
    targets = [k for k in d.keys([Role.TARGET]) if ctx.type_of(k) in ACTORS]
    if {ctx.tokens[d.trigger].lemma.lower(), ctx.tokens[d.head].lemma.lower()} & \
            ADMINISTRATIVE_VERBS:
        # "cancelled the Republican National Convention", "suspended parliament": a body
        # of no known state is hit only when kg knows it (the UN, the African Union)
        targets = [k for k in targets if ctx.type_of(k) is not EntityType.ORGANIZATION
                   or ctx.state_of(k) is not None or gazetteer.actor(k) is not None]
    return any(not agents or ctx.state_of(k) is None or ctx.state_of(k) not in agents
               for k in targets) or _travel_abroad(ctx, d, agents) or passage(ctx, d.trigger)


def _travel_abroad(ctx: Context, d: Draft, agents: set[str]) -> bool:
    """A ban on travel to another state ("bans its citizens from traveling to Iran", "a
    travel ban to parts of Cambodia") restricts relations with that state."""
    for t in ctx.parse.subtree(d.trigger):
        if t.lemma.lower() not in TRIP_WORDS:
            continue
        for p in ctx.kids(t.i, "prep"):
            if p.lemma.lower() != "to":
                continue
            for o in ctx.kids(p.i, "pobj"):
                states = ctx.states(k for k, _ in ctx.np_entities(o.i))
                if states - agents:
                    return True
    return False


#: Conditions checked on the roles once they are filled (see :func:`roles_ok`).
ROLE_CHECKS: dict[Condition, Callable[[Context, Draft], bool]] = {
    Condition.FOREIGN_TARGET: _foreign_target,
    Condition.SANCTION_TARGET: _sanction_target,
    Condition.INTERNATIONAL: _international,
    Condition.PARTIES: _parties,
}


def roles_ok(ctx: Context, d: Draft) -> bool:
    """The draft's roles meet its trigger's role condition (if it has one)."""
    check = ROLE_CHECKS.get(d.condition)
    return True if check is None else check(ctx, d)
