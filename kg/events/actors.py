"""Private actors: who cannot make an event of the guidelines' classes on their own.

A person with no post or office that kg knows of, and a company, club, band or news outlet
(named as such: "Inc", "Airlines", "FC", "News") are private. An event other than a
statement or an appeal whose actors are all private is not a political event: a company
takeover, two musicians meeting, a man who "hit me", a shop "supplying" a gun.
"""

from __future__ import annotations

import re

from kg import gazetteer
from kg.events.context import Context, Draft
from kg.events.lexicon import (
    NEWS_MEDIA_WORDS,
    OCCUPATION_NOUNS,
    PRIVATE_ORG_WORDS,
    TRIP_WORDS,
)
from kg.model import EntityType, EventType, Mention, Role

#: Classes any named actor can make: a statement, an appeal ("protesters demand").
_OPEN = frozenset({EventType.STATEMENT, EventType.APPEAL})
#: Acts that private persons alone do as crimes or trade, not as politics.
_ACTS = frozenset({EventType.COMBAT, EventType.TRANSFER, EventType.DEPLOYMENT,
                   EventType.TRAINING, EventType.SANCTION})


def private(ctx: Context, key: str) -> bool:
    """Is entity ``key`` a private person or body?"""
    ent = ctx.entities[key]
    if ent.type is EntityType.PERSON:
        return not ent.posts and gazetteer.known_person(ent.label) is None
    return _body_named(ctx, key, PRIVATE_ORG_WORDS | NEWS_MEDIA_WORDS)


def news_outlet(ctx: Context, key: str) -> bool:
    """Is entity ``key`` a news outlet named as such ("Wikinews", "Fox News")?"""
    return _body_named(ctx, key, NEWS_MEDIA_WORDS)


def _body_named(ctx: Context, key: str, marks: frozenset[str]) -> bool:
    """Entity ``key`` is a body of no state whose name has one of the words ``marks``."""
    ent = ctx.entities[key]
    return ent.type is EntityType.ORGANIZATION and ent.part_of is None and bool(
        set(re.split(r"[^a-z0-9]+", ent.label.lower())) & marks)


def among_private(ctx: Context, d: Draft) -> bool:
    """Are all of the draft's actors private (its places aside), in a class that needs a
    public actor?"""
    if d.type is EventType.APPEAL:  # "asked his employer WWE for his release", "his mom
        # encouraged him", "encouraged by a psychotherapist": private people ask each other
        parties = d.keys([Role.AGENT]) | d.keys([Role.ADDRESSEE])
        return bool(parties) and all(private(ctx, k) for k in parties) and \
            not _public_content(ctx, d)
    if d.type in _OPEN:
        return False
    actors = ctx.actors(d)
    if d.type is EventType.COMBAT and not d.keys([Role.AGENT]):
        return False  # an attack on a private person is still an attack
    if not actors or not all(private(ctx, k) for k in actors):
        return False
    if d.type is EventType.COOPERATION and len(actors) == 1:
        return True  # "Siegel agreed to answer some questions": no party to cooperate with
    described = any(_described_private(ctx, a.mention) for a in d.args if a.entity in actors)
    if d.type in (EventType.MEETING, EventType.COOPERATION) and (described or (
            len(actors) == 1 and ctx.tokens[d.trigger].lemma.lower() in TRIP_WORDS)):
        return True  # "met future guitarist Jerry Garcia", "worked with rapper X", "touring"
    # two people the text gives no title may still be statesmen who meet or agree ("Blinken
    # met Wang Yi"); a company among them makes it business
    return d.type in _ACTS or any(ctx.type_of(k) is not EntityType.PERSON for k in actors)


def _described_private(ctx: Context, m: Mention | None) -> bool:
    """The mention is of a person the text describes by a private occupation ("guitarist
    Jerry Garcia", "officers Antoine Quirin and Nicolas Redouane", "two sex workers,
    Akram Pasha and Jaya")."""
    if m is None:
        return False
    head = ctx.tokens[m.end - 1]
    near = [*ctx.kids(head.i, "compound", "appos"), *(
        [ctx.tokens[head.head]] if head.dep in ("appos", "conj") else [])]
    if m.start > 0:
        near.append(ctx.tokens[m.start - 1])
    prep = ctx.tokens[head.head]
    if head.dep == "pobj" and prep.lemma.lower() in ("as", "including", "like"):
        near.append(ctx.tokens[prep.head])  # "artists such as Elvis Costello"
    return any(t.lemma.lower() in OCCUPATION_NOUNS for t in near)


def _public_content(ctx: Context, d: Draft) -> bool:
    """What is asked for names a public actor ("called for sanctions against Nigeria",
    "asked for a visit by NATO"): an appeal in politics, whoever makes it. Whom the appeal
    is made to (the object of "urged") is no content."""
    asked = [t.i for c in ctx.kids(d.trigger, "prep", "xcomp", "ccomp")
             for t in ctx.parse.subtree(c.i)]
    return any(j in ctx.at and _public_body(ctx, ctx.at[j][0]) for j in asked)


def _public_body(ctx: Context, key: str) -> bool:
    """A state, a force, or a body kg ties to a state or knows by name (the UN, NATO)."""
    kind = ctx.type_of(key)
    return kind in (EntityType.COUNTRY, EntityType.MILITARY_FORCE) or (
        kind is EntityType.ORGANIZATION and (ctx.entities[key].part_of is not None
                                             or gazetteer.actor(key) is not None))

