"""Where an event happens when no role of its own phrase says so: the occasion of a
statement, a place deeper in the event's phrase or in the phrase around it, the one place a
sentence's main clauses locate anything in."""

from __future__ import annotations

from kg.events.context import (
    PLACE_TYPES,
    VERB_POS,
    Context,
    Draft,
    anchor_tokens,
)
from kg.events.lexicon import (
    CASUALTY_VERBS,
    DEST_PREPS,
    LOC_PREPS,
    SETTING_NOUNS,
    WEAPON_NOUNS,
    noun_class,
)
from kg.events.preps import place_role
from kg.events.scope import controlled
from kg.model import EventType, Mention, Role


def statement_place(ctx: Context, d: Draft) -> None:
    """A statement made at an occasion takes the occasion's place."""
    if d.type is not EventType.STATEMENT or ctx.tokens[d.trigger].pos not in VERB_POS:
        return
    for p in ctx.kids(d.trigger, "prep"):
        if p.lemma.lower() not in ("at", "on", "during", "in"):
            continue
        for o in ctx.kids(p.i, "pobj"):
            if o.lemma.lower() not in SETTING_NOUNS:
                continue
            for t in ctx.parse.subtree(o.i):
                if t.dep == "pobj" and ctx.tokens[t.head].lemma.lower() in LOC_PREPS:
                    for key, m in ctx.np_entities(t.i):
                        if ctx.type_of(key) in PLACE_TYPES:
                            d.add(Role.LOCATION, key, m)
                            return


def fallback_place(ctx: Context, d: Draft) -> None:
    """A place written in a prepositional phrase inside the event's own phrase ("an attack
    on an air base near Mosul") when no role took one."""
    if d.type not in (EventType.COMBAT, EventType.DEPLOYMENT, EventType.TRAINING,
                      EventType.MEETING):
        return
    if d.keys([Role.LOCATION, Role.DESTINATION, Role.ORIGIN]):
        return
    anchors = anchor_tokens(d)
    tok = ctx.tokens[d.head]
    roots = list(anchors)
    if tok.lemma.lower() in CASUALTY_VERBS:  # "one killed and 11 injured in X": one place
        roots += [c.i for c in ctx.kids(tok.i, "conj") if c.lemma.lower() in CASUALTY_VERBS]
    if tok.dep == "advcl" and tok.tag == "VBG" and tok.head != tok.i:
        roots.append(tok.head)  # "gunmen target a church in Eruku, killing two people"
    if d.type is EventType.COMBAT:  # "regains control of Kauda": where it is fought
        for x in controlled(ctx, tok.i):
            for key, m in ctx.np_entities(x.i):
                if ctx.type_of(key) in PLACE_TYPES:
                    d.add(Role.LOCATION, key, m)
                    return
            roots.append(x.i)  # "control of the Al-Omar field in Deir ez-Zor"
    if tok.dep == "pobj" and ctx.tokens[tok.head].lemma.lower() in ("for", "from"):
        # "arrives in Baghdad for talks", "the toll from the airstrikes in Spin Boldak"
        roots.append(ctx.tokens[tok.head].head)
    for root in roots:
        stack = [(c.i, 1) for c in ctx.parse.children(root) if c.dep not in (
            "nsubj", "nsubjpass", "ccomp", "advcl", "parataxis", "conj", "relcl")]
        while stack:
            j, depth = stack.pop(0)
            tok = ctx.tokens[j]
            attack = d.type is EventType.COMBAT and (
                tok.lemma.lower() in WEAPON_NOUNS or noun_class(tok.lemma) is EventType.COMBAT)
            if tok.dep == "pobj" and ctx.tokens[tok.head].lemma.lower() in LOC_PREPS | DEST_PREPS \
                    and j not in anchors and not attack:
                # "killed in an Israeli airstrike / a Russian missile": not a place
                for key, m in ctx.np_entities(j):
                    if ctx.type_of(key) in PLACE_TYPES:
                        prep = ctx.tokens[tok.head].lemma.lower()
                        role = place_role(prep, d.type) or Role.LOCATION
                        d.add(role, key, m)
                        return
            if depth < 6:
                stack.extend((c.i, depth + 1) for c in ctx.parse.children(j)
                             if c.dep not in ("ccomp", "advcl", "parataxis", "relcl"))
    if d.type is EventType.COMBAT and ctx.actors(d):
        _sentence_place(ctx, d)  # only where it is no event's only argument


def _sentence_place(ctx: Context, d: Draft) -> None:
    """The one place a sentence locates anything in ("a drone strike ...; nine injured in
    Israel") is where its fighting happened; two places elsewhere in it leave the event
    without one."""
    if _subordinate(ctx, d.trigger):
        return  # "... in the Gaza Strip after a militant attack injures a soldier"
    sent = ctx.parse.sentence_of(d.trigger)
    anchors = anchor_tokens(d)
    found: list[tuple[str, Mention]] = []
    for tok in ctx.tokens[sent.start:sent.end]:
        if tok.dep != "pobj" or tok.i in anchors or _subordinate(ctx, tok.i):
            continue
        prep = ctx.tokens[tok.head]
        if prep.lemma.lower() not in LOC_PREPS - {"on"} or \
                ctx.tokens[prep.head].pos not in VERB_POS:
            continue  # not "officials in Kursk": where a clause happens
        hits = [(k, m) for k, m in ctx.np_entities(tok.i) if ctx.type_of(k) in PLACE_TYPES]
        if ctx.kids(tok.i, "cc"):
            found += hits  # "in Kidal and Gao": two places
        else:
            found += hits[:1]  # "in Bakori, Katsina State": the first names the spot
    if found and len({k for k, _ in found}) == 1:
        d.add(Role.LOCATION, *found[0])


def _subordinate(ctx: Context, i: int) -> bool:
    """Token ``i`` stands in a subordinate clause, not in the sentence's main clauses."""
    return any(a.dep in ("advcl", "relcl", "ccomp", "acl", "pcomp", "csubj")
               for a in [ctx.tokens[i], *ctx.parse.ancestors(i)])
