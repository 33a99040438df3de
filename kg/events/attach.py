"""Quantities and times of events: each figure and each date goes to the event it belongs to.

:func:`attach_quantities` gives a number to the event whose words are nearest above it in
the parse ("deployment of 12,000 troops"), a casualty count to the attack that caused it
("44 people were killed in Israeli airstrikes"); :func:`attach_times` gives a date or time
expression to the event it modifies, resolved against the publication date.
"""

from __future__ import annotations

import re

from kg.events.context import ACTOR_ROLES, NOUN_POS, VERB_POS, Context, Draft, anchor_tokens
from kg.events.lexicon import CASUALTY_VERBS
from kg.events.quantities import read_quantity
from kg.events.times import resolve_time
from kg.model import EventType, Modality, TimeExpression


def attach_quantities(ctx: Context, drafts: list[Draft]) -> set[int]:
    """Give each number to its event; return the ``id`` of the drafts that received a
    casualty toll (a number counted by a casualty verb)."""
    tolled: set[int] = set()
    by_token: dict[int, Draft] = {}
    for d in drafts:
        for j in anchor_tokens(d):
            by_token.setdefault(j, d)
    seen: set[int] = set()
    for tok in ctx.tokens:
        if tok.i in seen or tok.pos != "NUM" or tok.ent_type in ("DATE", "TIME", "ORDINAL",
                                                                 "PERCENT"):
            continue
        got = read_quantity(ctx.parse, tok.i)
        if got is None:
            continue
        q, noun = got
        seen.update(range(tok.i, tok.i + 4))
        start = noun if noun >= 0 else tok.i
        counted = ctx.tokens[start]
        verb = ctx.tokens[counted.head]
        if noun >= 0 and counted.dep == "nsubj" and verb.lemma.lower() in CASUALTY_VERBS \
                and ctx.kids(verb.i, "dobj"):
            continue  # "two bomb blasts kill seven", "three gunmen killed": who or what kills
        owner = by_token.get(start)
        toll = False
        if owner is None:
            for a in ctx.parse.ancestors(start):
                if a.i in by_token:
                    owner = by_token[a.i]
                    toll = a.lemma.lower() in CASUALTY_VERBS
                    break
                if a.pos in VERB_POS and a.lemma.lower() in CASUALTY_VERBS:
                    owner = attack_of(ctx, drafts, a.i)
                    toll = True
                    break
        if owner is not None and owner.sentence == tok.sent and q not in owner.quantities:
            owner.quantities.append(q)
            if toll:
                tolled.add(id(owner))
    return tolled


def attack_of(ctx: Context, drafts: list[Draft], verb: int) -> Draft | None:
    """The attack a casualty verb reports the toll of: the Combat event in the verb's own
    clause ("killed in Israeli airstrikes", "killed after gunmen attacked them"), else the
    one it depends on ("an attack ..., killing 40"), else the sentence's only one."""
    sent = ctx.tokens[verb].sent
    attacks = [d for d in drafts if d.type is EventType.COMBAT and d.sentence == sent]
    if not attacks:
        return None
    below = {t.i for t in ctx.parse.subtree(verb)}
    inside = [d for d in attacks if below & set(anchor_tokens(d))]
    if inside:
        return min(inside, key=lambda d: abs(d.trigger - verb))
    above = {a.i for a in ctx.parse.ancestors(verb)}
    over = [d for d in attacks if above & set(anchor_tokens(d))]
    if over:
        return min(over, key=lambda d: abs(d.trigger - verb))
    return attacks[0] if len(attacks) == 1 and attacks[0].trigger != verb else None


def _future(ctx: Context, d: Draft) -> bool:
    if d.modality in (Modality.PLANNED,):
        return True
    tok = ctx.tokens[d.head]
    return any(c.dep == "aux" and c.text.lower() in ("will", "'ll", "shall")
               for c in ctx.parse.children(tok.i))


_DURATION = re.compile(r"^(?!.*\b(ago|last|this|next|earlier|later|previous|past|coming)\b)"
                       r".*\b(years?|months?|weeks?|days?|decades?|hours?|minutes?)\b")


_NOT_A_TIME = re.compile(r"^(annual|daily|weekly|monthly|yearly|annually|\d{1,3}|\d{5,})$"
                         r"|^(?!1[89]|20)\d{4}$")


def attach_times(ctx: Context, drafts: list[Draft]) -> None:
    by_token: dict[int, Draft] = {}
    for d in drafts:
        for j in anchor_tokens(d):
            by_token.setdefault(j, d)
    pub = ctx.analysis.article.published
    for m in ctx.analysis.mentions:
        low = m.text.lower()
        if m.label not in ("DATE", "TIME") or _DURATION.search(low) or _NOT_A_TIME.match(low):
            continue
        root = next((j for j in range(m.start, m.end)
                     if not m.start <= ctx.tokens[j].head < m.end), m.start)
        rtok = ctx.tokens[root]
        if rtok.dep in ("nummod", "compound", "amod", "nmod") and rtok.head not in by_token \
                and ctx.tokens[rtok.head].pos in NOUN_POS \
                and ctx.tokens[rtok.head].ent_type not in ("DATE", "TIME"):
            continue  # "the 2020 election", "the 2024 incident": a date of a thing
        if rtok.dep == "pobj" and ctx.tokens[rtok.head].lemma.lower() in ("since", "until"):
            continue  # "the first since 1967": the start of a span, not the event's date
        owner = by_token.get(root)
        boxed = False  # inside a relative clause that is no event: "who was arrested in May"
        if owner is None:
            for a in [ctx.tokens[root], *ctx.parse.ancestors(root)]:
                if a.i in by_token:
                    owner = by_token[a.i]
                    break
                if a.dep in ("relcl", "acl") and a.pos in VERB_POS:
                    owner = by_token.get(a.head)  # "a statement issued on Monday"
                    boxed = owner is None
                    break
        if owner is None and not boxed:
            # a time not under any trigger: the sentence's only undated event takes it
            cands = [d for d in drafts if d.sentence == m.sentence]
            if len(cands) == 1:
                owner = cands[0]
        if owner is None or owner.time is not None or owner.sentence != m.sentence:
            continue
        owner.time = TimeExpression(span=m.span, text=m.text,
                                    date=resolve_time(m.text, pub, future=_future(ctx, owner)))
    # narrative continuity: an undated event takes the time of an event of the same
    # actors in the sentence before ("X said Wednesday ... Speaking at a conference, X ...")
    for d in drafts:
        if d.time is not None:
            continue
        actors = d.keys(ACTOR_ROLES)
        prev = [e for e in drafts if e.sentence == d.sentence - 1 and e.time is not None
                and e.keys(ACTOR_ROLES) & actors]
        if prev and d.modality is Modality.ASSERTED:
            d.time = prev[0].time


