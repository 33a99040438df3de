"""Roles of an event named by a noun: its possessive, compound and nationality modifiers,
its prepositional phrases ("sanctions on Iran", "talks with the United States"), and
phrases the parser hung elsewhere (a "by" phrase on the governing verb, a party of the
clause the noun sits in)."""

from __future__ import annotations

from kg.events.context import VERB_POS, Context, Draft
from kg.events.lexicon import (
    CONCLUDING_VERBS,
    PATIENT_NOUNS,
    QUANTIFIER_NOUNS,
    TARGET_VERBS,
    WITH_PREPS,
)
from kg.events.preps import prep_args
from kg.model import EntityType, EventType, Role, Token


def noun_roles(ctx: Context, d: Draft, actor: Role) -> None:
    """Fill ``d``'s roles from the phrase of its trigger noun; ``actor`` is the role its
    possessor or "by" phrase takes."""
    tok = ctx.tokens[d.trigger]
    # possessives, compounds and nationality adjectives of the event noun; the
    # possessor of a killing suffers it ("Kirk's killing")
    patient = tok.lemma.lower() in PATIENT_NOUNS
    for c in ctx.kids(d.trigger, "poss", "compound", "amod", "nmod"):
        for key, m in ctx.np_entities(c.i):
            d.add(Role.TARGET if patient and c.dep == "poss" else actor, key, m)
    # a phrase may hang on an adjective after the noun ("agreements worth $1.8 billion
    # with China")
    trailing = [p for a in ctx.kids(d.trigger, "amod") if a.i > d.trigger
                for p in ctx.kids(a.i, "prep")]
    if d.type is EventType.COOPERATION:
        # or on the common noun that completes its name ("the memorandum of understanding
        # between Iran and the United States", "a treaty of friendship with Japan")
        trailing += [p for of in ctx.kids(d.trigger, "prep") if of.lemma.lower() == "of"
                     for o in ctx.kids(of.i, "pobj") if o.pos == "NOUN" and o.i not in ctx.at
                     for p in ctx.kids(o.i, "prep") if p.lemma.lower() in ("between", "with")]
    for p in ctx.kids(d.trigger, "prep") + trailing:
        prep = p.lemma.lower()
        for o in ctx.kids(p.i, "pobj"):
            found = ctx.np_entities(o.i)
            if prep == "of" and (d.type in (EventType.DEPLOYMENT, EventType.TRANSFER) or (
                    d.type is EventType.SANCTION and not found)):
                # "deployment of 12,000 troops to Russia", "a suspension of air links
                # with Serbia"
                prep_args(ctx, d, o.i)
            if prep == "of":
                role = Role.TARGET if d.type in (EventType.COMBAT, EventType.SANCTION) \
                    and not ctx.is_military(o.i) else actor
                if d.type is EventType.TRANSFER and o.i not in ctx.at:
                    role = Role.AGENT  # "its purchase of Russian missiles": the goods'
                    # maker or owner gives them, whoever buys
                for key, m in found:
                    d.add(role, key, m)
            elif prep == "by" or (prep == "from" and d.type in (
                    EventType.STATEMENT, EventType.APPEAL, EventType.COOPERATION)):
                # "calls by Belarus's rulers", "remarks from Trump", "a request from
                # the king", "assurances from Iran"
                for key, m in found:
                    d.add(actor, key, m)
            elif prep == "between" or (prep == "with" and d.type in (
                    EventType.MEETING, EventType.COOPERATION)):
                for key, m in found:
                    d.add(Role.PARTICIPANT, key, m)
    for o in _stray_agents(ctx, d.trigger):
        for key, m in ctx.np_entities(o.i):
            d.add(actor, key, m)
    prep_args(ctx, d, d.trigger)
    if d.type in (EventType.SANCTION, EventType.COMBAT):
        # "sanctions targeting Russian banks", "strikes aimed at Hamas positions"
        for acl in ctx.kids(d.trigger, "acl"):
            if acl.lemma.lower() in TARGET_VERBS:
                objs = ctx.kids(acl.i, "dobj") + [o for p in ctx.kids(acl.i, "prep")
                                                  for o in ctx.kids(p.i, "pobj")]
                for o in objs:
                    for key, m in ctx.np_entities(o.i):
                        d.add(Role.TARGET, key, m)
    if tok.dep == "pobj" and d.type in (EventType.SANCTION, EventType.COMBAT):
        # "X has been the subject / target of sanctions"
        of = ctx.tokens[tok.head]
        noun = ctx.tokens[of.head]
        if of.lemma.lower() == "of" and noun.lemma.lower() in ("subject", "target",
                                                                "victim", "focus") \
                and noun.dep == "attr":
            for st in ctx.kids(noun.head, "nsubj"):
                for key, m in ctx.np_entities(st.i):
                    d.add(Role.TARGET, key, m)
    if d.type in (EventType.COOPERATION, EventType.MEETING):
        # "a coalition which was joined by Australia, Bahrain ..."
        for rc in ctx.kids(d.trigger, "relcl", "acl"):
            if rc.lemma.lower() in ("join", "attend", "include"):
                for ag in ctx.kids(rc.i, "agent"):
                    for o in ctx.kids(ag.i, "pobj"):
                        for key, m in ctx.np_entities(o.i):
                            d.add(Role.PARTICIPANT, key, m)
        for acl in ctx.kids(d.trigger, "acl"):
            # "the memorandum reached with Iran", "a pact signed by Japan and India"
            if acl.lemma.lower() in CONCLUDING_VERBS and acl.tag == "VBN":
                for p in ctx.kids(acl.i, "prep", "agent"):
                    if p.lemma.lower() in ("with", "between", "by"):
                        for o in ctx.kids(p.i, "pobj"):
                            for key, m in ctx.np_entities(o.i):
                                if ctx.type_of(key) is not EntityType.PLACE:
                                    d.add(Role.PARTICIPANT, key, m)
    if d.light is None and tok.dep == "pobj":
        # "at a press conference alongside X" → the clause's subject and preps
        prep_tok = ctx.tokens[tok.head]
        if prep_tok.head != prep_tok.i and ctx.tokens[prep_tok.head].pos in VERB_POS:
            host = prep_tok.head
            preps = ("at", "in", "during", "into") + (
                ("on", "for") if d.type is EventType.MEETING else ())
            if d.type is EventType.STATEMENT and prep_tok.lemma.lower() in ("in", "through"):
                # "The European Commission, in a preliminary statement, finds ...": the
                # clause's subject speaks
                for s in ctx.subject(host):
                    for key, m in ctx.np_entities(s):
                        d.add(Role.SPEAKER, key, m)
            if d.type in (EventType.MEETING, EventType.COMBAT, EventType.TRAINING) and \
                    prep_tok.lemma.lower() in preps:
                for s in ctx.subject(host):
                    for key, m in ctx.np_entities(s):
                        d.add(actor, key, m)
                for p in ctx.kids(host, "prep"):
                    if p.lemma.lower() in WITH_PREPS and d.type is EventType.MEETING:
                        for o in ctx.kids(p.i, "pobj"):
                            for key, m in ctx.np_entities(o.i):
                                d.add(Role.PARTICIPANT, key, m)
                if d.type is EventType.MEETING:
                    # "in a phone call, Trump encouraged Zelensky to ...": both spoke
                    for o in ctx.kids(host, "dobj"):
                        for key, m in ctx.np_entities(o.i):
                            if ctx.type_of(key) is not EntityType.PLACE:
                                d.add(Role.PARTICIPANT, key, m)
    if d.type in (EventType.MEETING, EventType.COOPERATION) and \
            len(d.keys([Role.PARTICIPANT])) == 1 and d.light is None:
        _host_party(ctx, d)
    if d.light is None and tok.dep in ("dobj", "nsubjpass") and \
            ctx.tokens[tok.head].pos in VERB_POS and d.type is EventType.MEETING:
        # "addressing an emergency meeting": the addresser takes part
        for s in ctx.subject(tok.head):
            for key, m in ctx.np_entities(s):
                d.add(Role.PARTICIPANT, key, m)


def _stray_agents(ctx: Context, i: int) -> list[Token]:
    """The "by" phrase of event noun ``i`` that the parser hung on its governor: on the
    active verb whose object it is ("condemned the airstrikes by Ukrainian forces") or on
    the noun that counts it ("a number of airstrikes by Ukrainian forces")."""
    tok = ctx.tokens[i]
    gov = tok.head
    if tok.dep == "pobj" and ctx.tokens[gov].lemma.lower() == "of":
        counter = ctx.tokens[ctx.tokens[gov].head]
        if counter.lemma.lower() not in QUANTIFIER_NOUNS:
            return []
        gov = counter.i
    elif tok.dep != "dobj" or ctx.is_passive(gov):
        return []
    return [o for p in ctx.kids(gov, "prep") if p.lemma.lower() == "by" and p.i > i
            for o in ctx.kids(p.i, "pobj")]


def _host_party(ctx: Context, d: Draft) -> None:
    """Talks or a deal "with X" inside a clause are the clause subject's: "Iran announces a
    pause on peace talks with the United States", "Thailand releases prisoners as part of
    a ceasefire agreement with Cambodia"."""
    made = [a.i for a in ctx.kids(d.trigger, "acl") if a.lemma.lower() in CONCLUDING_VERBS]
    if not any(p.lemma.lower() == "with" for h in (d.trigger, *made)
               for p in ctx.kids(h, "prep")):
        return  # ("the accord reached with Japan" too)
    cur = ctx.tokens[d.trigger]
    for _ in range(6):
        if cur.dep not in ("pobj", "prep", "dobj", "nsubjpass", "compound", "conj") or \
                cur.head == cur.i:
            return
        cur = ctx.tokens[cur.head]
        if cur.pos in VERB_POS:
            break
    else:
        return
    for s in ctx.subject(cur.i):
        for key, m in ctx.np_entities(s):
            if ctx.type_of(key) is not EntityType.PLACE:
                d.add(Role.PARTICIPANT, key, m)
