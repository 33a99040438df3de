"""When an event noun of the lexicon names its event: the checks particular to one noun
(conditions shared by many words are in :mod:`kg.events.triggers`)."""

from __future__ import annotations

from kg.events.context import VERB_POS, Context
from kg.events.lexicon import COMPLAINT_VERBS, LABOR_STRIKE_WORDS, Trigger
from kg.gazetteer import SPEECH_VERBS


def labor_strike(ctx: Context, i: int) -> bool:
    """ "a general strike", "went on strike", "Lufthansa staff conduct a one-day strike",
    "workers struck": a stoppage of work."""
    tok = ctx.tokens[i]
    if any(c.text.lower() in LABOR_STRIKE_WORDS or c.lemma.lower() in LABOR_STRIKE_WORDS
           for c in ctx.kids(i, "amod", "compound", "nmod", "poss")):
        return True
    head = ctx.tokens[tok.head]
    if tok.dep == "pobj" and head.lemma.lower() == "on":
        return True  # "on strike"
    verb = tok.i if tok.pos in VERB_POS else (tok.head if head.pos in VERB_POS else None)
    return verb is not None and any(ctx.tokens[s].lemma.lower() in LABOR_STRIKE_WORDS
                                    for s in ctx.subject(verb))


def noun_ok(ctx: Context, i: int, trig: Trigger) -> bool:
    """Is event noun ``i`` used as the event it names here (not "her climate protest", "a
    TED talk", "a labour strike", "said at a press conference")?"""
    tok = ctx.tokens[i]
    low = tok.lemma.lower()
    if low == "conference":
        if not any(c.lemma.lower() in ("press", "news") for c in ctx.kids(i, "compound", "amod")):
            return False
        head = ctx.tokens[tok.head]
        # "said at a press conference": the setting of a statement, not a meeting
        return not (tok.dep == "pobj" and head.lemma.lower() in ("at", "during", "in", "on")
                    and ctx.tokens[head.head].lemma.lower() in SPEECH_VERBS
                    and not any(c.lemma.lower() == "joint" for c in ctx.kids(i, "amod"))
                    and not any(c.lemma.lower() == "with" for c in ctx.kids(i, "prep")))
    if low == "protest":  # "lodged a protest with Japan", not "her climate protest"
        return ctx.tokens[tok.head].lemma.lower() in COMPLAINT_VERBS
    if low in ("measure", "countermeasure"):  # "measures against Iran", not "the measure"
        return any(p.lemma.lower() in ("against", "on", "targeting")
                   for p in ctx.kids(i, "prep", "acl"))
    if low == "talk" and tok.tag == "NN":
        return False  # "gave a talk", "his TED talk": a lecture; talks are plural
    if low == "strike" and labor_strike(ctx, i):
        return False
    if low in ("exercise", "drill"):
        return tok.text.lower() in ("exercise", "exercises", "drill", "drills") and not any(
            c.dep == "prep" and c.lemma.lower() == "of" for c in ctx.parse.children(i))
    if low == "call":
        return any(c.lemma.lower() in ("for", "on") for c in ctx.kids(i, "prep")) or any(
            c.lemma.lower() in ("phone", "telephone") for c in ctx.kids(i, "compound", "amod"))
    if low == "route":
        return i > 0 and ctx.tokens[i - 1].text.lower() == "en"
    if low in ("aid", "assistance", "sale", "transfer", "delivery"):
        return True
    return tok.ent_type in ("", "EVENT", "NORP", "GPE") or low == "summit"
