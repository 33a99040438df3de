"""Rules that read an event together with the words and events around it.

- :func:`claimed_attacks`: "X claimed responsibility (for the attack)" makes X the author
  of the attack it claims, as a reported claim.
- :func:`split_reciprocal`: "X and Y accuse each other" is two statements, one per speaker,
  each aimed at the other.
- :func:`called_off`: an event noun that is cancelled, postponed or suspended ("postponed
  the talks", "the visit, which was called off", "the cancelled summit") did not happen.
- :func:`attributed_authors`: "attacks attributed to al-Shabaab", "a bombing blamed on the
  Taliban": the actor is the author of the act, as a reported claim.
- :func:`according_sources`: "according to the Kuwait National Petroleum Company" is a
  statement of that actor (not of a news outlet it cites).
"""

from __future__ import annotations

import re

from kg.events.context import NOUN_POS, VERB_POS, Context, Draft, anchor_tokens
from kg.events.lexicon import (
    ATTRIBUTION_VERBS,
    HALT_VERBS,
    LIFTING_VERBS,
    LIGHT_VERBS,
    NEWS_MEDIA_WORDS,
    PAUSE_VERBS,
    RESPONSIBILITY_NOUNS,
)
from kg.model import EntityType, EventType, Modality, Polarity, Role

#: Who can be the source of "according to X" as a statement of its own.
_SOURCES = frozenset({EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION,
                      EntityType.MILITARY_FORCE})

#: Classes an event noun of which is called off rather than imposed or cut: "suspended the
#: talks" (a meeting that will not take place); "suspended aid" stays a sanction, and
#: "halt attacks" stops attacks that did take place.
_HALTABLE = frozenset({EventType.MEETING, EventType.TRAINING, EventType.TRANSFER})
#: What calls off a fight before it begins (not "halt", "pause", "suspend").
_CALLED_OFF = HALT_VERBS - PAUSE_VERBS


def _halt_lemma(ctx: Context, v: int) -> str:
    """The verb's lemma with its particle ("call off")."""
    prt = [c.text.lower() for c in ctx.kids(v, "prt")]
    low = ctx.tokens[v].lemma.lower()
    return f"{low} {prt[0]}" if prt else low


def claimed_attacks(ctx: Context, drafts: list[Draft]) -> None:
    """Give an attack the group that claims responsibility for it."""
    for d in drafts:
        if d.type is not EventType.STATEMENT or ctx.tokens[d.trigger].lemma.lower() not in (
                "claim", "admit", "accept"):
            continue
        if not any(o.lemma.lower() in RESPONSIBILITY_NOUNS
                   for o in ctx.kids(d.trigger, "dobj")):
            continue
        speakers = [a for a in d.args if a.role is Role.SPEAKER]
        if not speakers:
            continue
        attacks = [c for c in drafts if c.type is EventType.COMBAT
                   and 0 <= d.sentence - c.sentence <= 1 and not c.keys([Role.AGENT])]
        if not attacks:
            continue
        named = [c for c in attacks if c.sentence == d.sentence and c.trigger > d.trigger]
        attack = named[0] if named else attacks[-1]
        for a in speakers:
            attack.add(Role.AGENT, a.entity, a.mention)
        if attack.modality is Modality.ASSERTED:
            attack.modality = Modality.REPORTED
            attack.attributed_to = attack.attributed_to or speakers[0].entity


def split_reciprocal(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """One statement per speaker of "X and Y accuse each other" (the other its target)."""
    out: list[Draft] = []
    for d in drafts:
        speakers = [a for a in d.args if a.role is Role.SPEAKER]
        if d.type is not EventType.STATEMENT or len(speakers) < 2 or not _reciprocal(ctx, d):
            out.append(d)
            continue
        for a in speakers:
            part = Draft(type=d.type, cameo=d.cameo, trigger=d.trigger, light=d.light,
                         sentence=d.sentence, extra=list(d.extra), condition=d.condition,
                         negative=d.negative)
            part.add(Role.SPEAKER, a.entity, a.mention)
            for b in speakers:
                if b.entity != a.entity:
                    part.add(Role.TARGET, b.entity, b.mention)
            for b in d.args:
                if b.role not in (Role.SPEAKER, Role.TARGET):
                    part.add(b.role, b.entity, b.mention)
            part.modality, part.polarity, part.cue = d.modality, d.polarity, d.cue
            part.quote, part.time = d.quote, d.time
            out.append(part)
    return out


def _reciprocal(ctx: Context, d: Draft) -> bool:
    for o in ctx.kids(d.trigger, "dobj", "pobj", "npadvmod"):
        words = [t.text.lower() for t in ctx.parse.subtree(o.i)]
        if words[-2:] in (["each", "other"], ["one", "another"]):
            return True
    return False


def called_off(ctx: Context, drafts: list[Draft]) -> None:
    """Negative polarity for an event noun that was called off, and for a sanction that is
    lifted ("lifts sanctions on Guinea", "eased the embargo")."""
    for d in drafts:
        tok = ctx.tokens[d.trigger]
        if d.type is EventType.SANCTION and tok.pos in NOUN_POS:
            carrier = d.light if d.light is not None else (
                tok.head if tok.dep in ("dobj", "nsubjpass") else None)
            if carrier is not None and ctx.tokens[carrier].lemma.lower() in LIFTING_VERBS:
                d.polarity = Polarity.NEGATIVE
            continue
        if tok.pos not in NOUN_POS or d.type not in _HALTABLE | {EventType.COMBAT}:
            continue
        # an attack that was going on goes on having happened when it is halted or paused;
        # only one called off before it began did not ("cancels a planned attack")
        stops = HALT_VERBS if d.type in _HALTABLE else _CALLED_OFF
        halted = any(  # "the cancelled summit", "the visit, which was called off"
            (c.dep == "amod" and c.lemma.lower() in stops)
            or (c.dep in ("acl", "relcl") and _halt_lemma(ctx, c.i) in stops)
            for c in ctx.parse.children(tok.i))
        head = ctx.tokens[tok.head]
        if tok.dep in ("dobj", "nsubjpass") and head.pos in VERB_POS and \
                _halt_lemma(ctx, head.i) in stops:
            halted = True  # "postponed the talks", "the talks were suspended"
        if not halted:
            continue
        d.polarity = Polarity.NEGATIVE
        if not d.args:  # "... were to meet, but the meeting was cancelled": that meeting
            earlier = [e for e in drafts if e.type is d.type and e.args and e is not d
                       and 0 <= d.sentence - e.sentence <= 1 and e.trigger < d.trigger]
            if earlier:
                earlier[-1].polarity = Polarity.NEGATIVE


def attributed_authors(ctx: Context, drafts: list[Draft]) -> None:
    """The author named by "attributed to X" / "blamed on X" / "claimed by X"."""
    for d in drafts:
        if d.type not in (EventType.COMBAT, EventType.SANCTION) or d.keys([Role.AGENT]):
            continue
        tok = ctx.tokens[d.trigger]
        phrases = ctx.kids(d.trigger, "acl", "relcl")
        if tok.dep == "pobj" and ctx.tokens[tok.head].head != tok.head:
            # "Dozens died in the attack, reportedly conducted by the Taliban"
            verb = ctx.tokens[ctx.tokens[tok.head].head]
            phrases += [c for c in ctx.kids(verb.i, "advcl") if c.tag == "VBN"]
        for acl in phrases:
            low = acl.lemma.lower()
            if acl.i in anchor_tokens(d) or not (
                    low in ATTRIBUTION_VERBS or (low in LIGHT_VERBS and ctx.kids(acl.i, "agent"))):
                continue
            for p in ctx.kids(acl.i, "prep", "agent"):
                if d.type is EventType.SANCTION and p.dep != "agent":
                    # "the blockade imposed by the U.S. Navy on Iranian ports"
                    for o in ctx.kids(p.i, "pobj"):
                        for key, m in ctx.np_entities(o.i):
                            d.add(Role.TARGET, key, m)
                    continue
                for o in ctx.kids(p.i, "pobj"):
                    for key, m in ctx.np_entities(o.i):
                        d.add(Role.AGENT, key, m)
                        if d.modality is Modality.ASSERTED and low in ATTRIBUTION_VERBS:
                            d.modality = Modality.REPORTED


def according_sources(ctx: Context) -> list[Draft]:
    """A statement of X for each "according to X" whose X is a named actor that is not a
    news outlet ("according to Iran's Atomic Energy Organization"; not "according to
    Reuters", "according to officials")."""
    out: list[Draft] = []
    for tok in ctx.tokens:
        if tok.text.lower() != "according" or tok.i + 1 >= len(ctx.tokens) or \
                ctx.tokens[tok.i + 1].text.lower() != "to":
            continue
        # the source itself is named ("according to Iran's Atomic Energy Organization"),
        # not only its state ("according to U.S. intelligence")
        objs = [o for p in ctx.kids(tok.i, "prep") for o in ctx.kids(p.i, "pobj")]
        # ... and only the source and sources coordinated with it: not a title the parser
        # hung on it ("according to NPR, former Vice President of the United States ...")
        found = [ctx.at[c.i] for o in objs if o.i in ctx.at
                 for c in [o, *ctx.kids(o.i, "conj")] if c.i in ctx.at]
        if not objs:  # the parser took X out of "according to X, ..."
            k = tok.i + 2
            if k in ctx.at and ctx.tokens[k].sent == tok.sent:
                found = [ctx.at[k]]
        d = Draft(type=EventType.STATEMENT, cameo="010", trigger=tok.i, light=None,
                  sentence=tok.sent, cue="according")
        for key, m in found:
            ent = ctx.entities[key]
            if ctx.type_of(key) in _SOURCES and not any(
                    w in NEWS_MEDIA_WORDS for w in re.split(r"[^a-z0-9]+", ent.label.lower())):
                d.add(Role.SPEAKER, key, m)
        if d.args:
            out.append(d)
    return out
