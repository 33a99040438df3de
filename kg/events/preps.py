"""Arguments from prepositional phrases: where an event happens, where forces go, whom a
measure hits, who takes part ("sanctions on Iran", "deployed to Poland", "talks between
X and Y")."""

from __future__ import annotations

from kg.events.context import (
    PLACE_TYPES,
    Context,
    Draft,
    anchor_tokens,
)
from kg.events.lexicon import (
    DEST_PREPS,
    INSTIGATION_NOUNS,
    LOC_PREPS,
    SANCTIONED_THINGS,
    TARGET_PREPS,
    WEAPON_NOUNS,
    WITH_PREPS,
    Condition,
    noun_class,
)
from kg.model import (
    EntityType,
    EventType,
    Role,
)


def place_role(prep: str, kind: EventType) -> Role | None:
    if prep in DEST_PREPS:
        return Role.LOCATION if kind is EventType.COMBAT else Role.DESTINATION
    if prep in LOC_PREPS:
        return Role.LOCATION
    if prep == "from":
        return Role.ORIGIN
    return None


def prep_args(ctx: Context, d: Draft, head: int, nested: bool = False) -> None:
    """Arguments from the prepositional phrases under token ``head``."""
    through = d.type is EventType.SANCTION and ((
        head != d.trigger and ctx.tokens[head].lemma.lower() in SANCTIONED_THINGS) or (
        # "bans activities by members of the IRGC": the phrase of the thing banned, hung
        # on the active verb
        head == d.trigger and not ctx.is_passive(head) and any(
            o.lemma.lower() in SANCTIONED_THINGS for o in ctx.kids(head, "dobj"))))
    for p in ctx.kids(head, "prep", "agent", "dative"):  # "paid compensation to Samoa"
        prep = p.lemma.lower()
        if through and (prep in ("of", "from", "by") if head != d.trigger else prep == "by"):
            # "bans imports from Moldova", "suspends the activities of the IRGC"
            for o in ctx.kids(p.i, "pobj"):
                for key, m in ctx.np_entities(o.i):
                    if ctx.type_of(key) is not EntityType.PLACE:
                        d.add(Role.TARGET, key, m)
            continue
        if p.dep == "agent" or prep in ("according", "by", "of"):
            continue
        if prep == "to" and ctx.tokens[head].text.lower() == "up":
            continue  # "up to 16 advisers": a figure, not a destination
        objs = [o for o in ctx.kids(p.i, "pobj") if o.i not in anchor_tokens(d)
                and o.lemma.lower() not in INSTIGATION_NOUNS]  # "at the behest of X"
        for o in objs:
            if prep == "from" and d.condition in (Condition.CAPTURE, Condition.TERRITORY_OBJ):
                # "recaptured two villages from al-Shabaab", "seized Crimea from Ukraine"
                for key, m in ctx.np_entities(o.i):
                    if ctx.type_of(key) is not EntityType.PLACE:
                        d.add(Role.TARGET, key, m)
                continue
            if d.type is EventType.COMBAT and prep in ("in", "by", "with", "from") and (
                    o.lemma.lower() in WEAPON_NOUNS or ctx.is_military(o.i)):
                # "killed in Israeli tank shelling", "hit by a Russian missile": the
                # weapon's or force's owner attacks
                for key, m in ctx.np_entities(o.i):
                    if ctx.type_of(key) is not EntityType.PLACE:
                        d.add(Role.AGENT, key, m)
                continue
            if d.type is EventType.COMBAT and prep in ("in", "by", "from") and \
                    noun_class(o.lemma) is d.type:
                continue  # "injured in Russian strikes": the attack's own phrase, no place
            for key, m in ctx.np_entities(o.i):
                etype = ctx.type_of(key)
                place_like = etype in PLACE_TYPES or (etype is EntityType.ORGANIZATION
                                                      and prep == "at")
                if d.type is EventType.SANCTION and prep in ("to", "toward", "towards", "with",
                                                             "for") \
                        and etype is not EntityType.PLACE:
                    # "halted economic aid to Serbia", "suspended air links with Serbia",
                    # "warrants for Trump", "visa restrictions for Nicaraguans": the party
                    # cut off or pursued is the sanction's target, not where it goes
                    d.add(Role.TARGET, key, m)
                    continue
                if prep in WITH_PREPS:
                    if d.type in (EventType.MEETING, EventType.COOPERATION, EventType.TRAINING) \
                            or (d.type is EventType.COMBAT and etype is not EntityType.PLACE):
                        d.add(Role.PARTICIPANT, key, m)  # "clashes between X and Y"
                    continue
                if d.type is EventType.TRANSFER and prep == "from":
                    reverse = d.keys([Role.RECIPIENT])
                    d.add(Role.AGENT if reverse else Role.ORIGIN, key, m)
                    continue
                if d.type is EventType.COOPERATION and prep in ("to", "towards") and \
                        etype is not EntityType.PLACE:
                    # "offered its troops to Lebanon", "agreed to US mediation"
                    d.add(Role.PARTICIPANT, key, m)
                    continue
                if prep in ("to", "toward", "towards") and not place_like:
                    role = {EventType.TRANSFER: Role.RECIPIENT, EventType.STATEMENT:
                            Role.ADDRESSEE, EventType.APPEAL: Role.ADDRESSEE}.get(d.type)
                    if role is not None:
                        d.add(role, key, m)
                    continue
                if prep in TARGET_PREPS and d.type in (EventType.COMBAT, EventType.SANCTION,
                                                       EventType.APPEAL) and not (
                        d.type is EventType.COMBAT and ((prep == "at" and place_like) or (
                            prep == "on" and etype is EntityType.PLACE))):
                    role = Role.ADDRESSEE if d.type is EventType.APPEAL else Role.TARGET
                    d.add(role, key, m)
                    continue
                if prep == "to" and place_like and d.type is EventType.TRANSFER:
                    d.add(Role.RECIPIENT, key, m)
                    continue
                if place_like and d.type is not EventType.STATEMENT:
                    role = place_role(prep, d.type)
                    if role is not None:
                        d.add(role, key, m)
            # nested "en route to X", "near the border of X"
            if prep in LOC_PREPS | DEST_PREPS and ctx.tokens[o.i].lemma.lower() in (
                    "route", "way", "direction"):
                prep_args(ctx, d, o.i)
            # "restrictions on flights to Cuba", "a ban on imports from Iran": whom the
            # restricted thing comes from or goes to is hit
            if d.type is EventType.SANCTION and prep in ("on", "against") and \
                    not ctx.np_entities(o.i):
                for p2 in ctx.kids(o.i, "prep"):
                    if p2.lemma.lower() in ("to", "from", "of", "with", "in"):
                        for o2 in ctx.kids(p2.i, "pobj"):
                            for key, m in ctx.np_entities(o2.i):
                                if ctx.type_of(key) is not EntityType.PLACE:
                                    d.add(Role.TARGET, key, m)
            # "airstrikes on 70 targets at multiple locations against ISIS in Syria"
            if d.type is EventType.COMBAT and not nested and not ctx.np_entities(o.i) and \
                    prep in LOC_PREPS | TARGET_PREPS:
                prep_args(ctx, d, o.i, nested=True)
