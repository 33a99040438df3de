"""Triggers read from a construction rather than from a lemma alone: "spoke with X",
"called on X", "N troops are in X", "sent weapons", "wants Putin to attack"."""

from __future__ import annotations

from kg.events.context import VERB_POS, Context
from kg.events.lexicon import (
    AID_NOUNS,
    CRITICISM_OBJECTS,
    DESIGNATING_VERBS,
    DIRECTIVE_VERBS,
    EXPRESSED_NOUNS,
    GROUP_NOUNS,
    INFO_NOUNS,
    LISTING_WORDS,
    LOC_PREPS,
    NORM_NOUNS,
    OUSTING_VERBS,
    POST_NOUNS,
    TITLE_NOUNS,
    VERBAL_ATTACK_VERBS,
    WEAPON_NOUNS,
    WISH_VERBS,
    Condition,
    Trigger,
    noun_class,
)
from kg.events.triggers import armed_subj, state_subj, verb_ok
from kg.model import EntityType, EventType


def _person_attacks_person(ctx: Context, i: int) -> bool:
    """A named person (or party) "attacks" a named person: words, not force ("Biden
    attacked Trump for the deaths", "Democrats continued to attack Trump on his taxes")."""
    objects = [k for o in ctx.kids(i, "dobj") for k, _ in ctx.np_entities(o.i)]
    if not objects or any(ctx.type_of(k) is not EntityType.PERSON for k in objects):
        return False
    subjects = ctx.subject(i)
    if any(ctx.is_military(s) or ctx.tokens[s].lemma.lower() in WEAPON_NOUNS for s in subjects):
        return False
    named = [k for s in subjects for k, _ in ctx.np_entities(s)]
    return bool(named) and all(
        ctx.type_of(k) is EntityType.PERSON or ctx.entities[k].label.lower().endswith("party")
        for k in named)


def _listed(ctx: Context, i: int) -> bool:
    """Verb ``i`` puts its object on a list of sanctioned parties: the list, its modifiers
    or its phrase name a sanction ("a list of countries subject to an entry ban", "the
    entity list", "a terrorism blacklist")."""
    if not ctx.kids(i, "dobj") and not ctx.is_passive(i):
        return False
    lists = [o for p in ctx.kids(i, "prep") if p.lemma.lower() in ("to", "on", "onto")
             for o in ctx.kids(p.i, "pobj") if o.lemma.lower() in ("list", "blacklist")]
    return any(o.lemma.lower() == "blacklist" or any(
        noun_class(t.lemma) is EventType.SANCTION or t.lemma.lower() in LISTING_WORDS
        for t in ctx.parse.subtree(o.i)) for o in lists)


def _designated(ctx: Context, i: int) -> bool:
    """Verb ``i`` names its object a terrorist: an "as" phrase or a second object whose
    words are of a sanctions list ("as a terrorist organization", "a state sponsor of
    terrorism"); not "designated Kyiv as a hub", nor a domestic terrorist."""
    if not ctx.kids(i, "dobj") and not ctx.is_passive(i):
        return False
    named = [o for p in ctx.kids(i, "prep") if p.lemma.lower() == "as"
             for o in ctx.kids(p.i, "pobj")] + ctx.kids(i, "oprd", "xcomp", "ccomp")
    named += [o for d in ctx.kids(i, "dobj") for p in ctx.kids(d.i, "prep")
              if p.lemma.lower() == "as" for o in ctx.kids(p.i, "pobj")]
    words = {w for o in named for t in ctx.parse.subtree(o.i)
             for w in (t.lemma.lower(), t.text.lower())}
    return bool(words & LISTING_WORDS) and "domestic" not in words  # a state's own


def _member_of_body(ctx: Context, i: int) -> bool:
    """Verb ``i`` ("become") makes its subject, a state, a member of a body ("became a
    member of NATO", "becomes the eleventh member state of ASEAN"; not a person joining a
    party)."""
    return state_subj(ctx, i) and any((a.lemma.lower() == "member" or any(
        c.lemma.lower() == "member" for c in ctx.kids(a.i, "compound"))) and any(
        ctx.type_of(k) is EntityType.ORGANIZATION
        for o in ctx.of_objects(a.i) for k, _ in ctx.np_entities(o.i))
        for a in ctx.kids(i, "attr"))


def special(ctx: Context, i: int) -> Trigger | None:
    """Triggers read from a construction rather than a lemma."""
    tok = ctx.tokens[i]
    low = tok.lemma.lower()
    kids = ctx.parse.children(i)
    if low in ("speak", "talk") and tok.pos == "VERB":
        if any(c.dep == "prep" and c.lemma.lower() == "with" for c in kids) or any(
                o.lemma.lower() in ("phone", "telephone")
                for p in kids if p.dep == "prep" for o in ctx.kids(p.i, "pobj")):
            return Trigger(EventType.MEETING, "041" if low == "speak" else "040")
        return Trigger(EventType.STATEMENT, "010") if verb_ok(
            ctx, i, Trigger(EventType.STATEMENT, "010", Condition.SPEAKER)) else None
    if tok.pos == "VERB" and low in VERBAL_ATTACK_VERBS and _person_attacks_person(ctx, i):
        return Trigger(EventType.STATEMENT, "111")  # "Biden attacked Trump for the deaths"
    if tok.pos == "VERB" and low in VERBAL_ATTACK_VERBS and any(
            o.lemma.lower() in CRITICISM_OBJECTS for o in ctx.kids(i, "dobj")) \
            and not armed_subj(ctx, i):  # but "Turkish drones hit Kurdish positions"
        return Trigger(EventType.STATEMENT, "111")  # "attacked the impeachment inquiry"
    if low in DIRECTIVE_VERBS and tok.pos == "VERB" and any(c.dep == "dobj" for c in kids) \
            and any(c.dep == "xcomp" and ctx.to_infinitive(c.i) for c in kids):
        # "warned its citizens to leave Iran", "told Russia to withdraw": a demand made of
        # the object, not only words
        return Trigger(EventType.APPEAL, "020")
    if low == "cite" and tok.pos == "VERB":
        if tok.dep in ("advcl", "conj") and tok.tag == "VBG":
            return None  # "closed the hotels, citing sanctions": the reason of the act
        return Trigger(EventType.STATEMENT, "010") if verb_ok(
            ctx, i, Trigger(EventType.STATEMENT, "010", Condition.SPEAKER)) else None
    if low == "call" and tok.pos == "VERB" and any(
            c.text.lower() == "off" for c in ctx.kids(i, "prt")):
        return None  # "called off its search"
    if low == "call" and tok.pos == "VERB":
        if any(ctx.tokens[s].lemma.lower() in NORM_NOUNS for s in ctx.subject(i)):
            return None  # "NATO guidelines call for 2%": what a rule says
        if any(c.dep == "prep" and c.lemma.lower() in ("on", "upon") for c in kids) or (
                any(c.dep == "prep" and c.lemma.lower() == "for" for c in kids)
                and not any(c.dep == "dobj" for c in kids)) or any(
                c.dep in ("advcl", "ccomp") and ctx.to_infinitive(c.i) and any(
                    m.dep == "mark" and m.lemma.lower() == "for" for m in ctx.kids(c.i))
                for c in kids):
            # not "called the election for X"; "called for the minister to resign"
            return Trigger(EventType.APPEAL, "020")
        objs = [c for c in kids if c.dep == "dobj"]
        quoted = objs and any(t.text in ('"', "“") for t in ctx.parse.subtree(i)
                              if t.i > objs[0].i)
        if objs and (quoted or any(c.dep in ("oprd", "ccomp", "xcomp", "attr") for c in kids)):
            return Trigger(EventType.STATEMENT, "010")  # 'called the deal "a disaster"'
        if any(c.dep == "dobj" and c.i in ctx.at and ctx.type_of(ctx.at[c.i][0])
               in (EntityType.PERSON, EntityType.COUNTRY) for c in kids):
            return Trigger(EventType.MEETING, "041")
        return None
    if low in ("send", "dispatch", "ship") and tok.pos == "VERB" and any(
            o.dep == "dobj" and not ctx.is_military(o.i) and any(
                g.lemma.lower() in WEAPON_NOUNS | AID_NOUNS
                for g in [o, *ctx.of_objects(o.i)])  # "800 tonnes of aid"
            for o in kids):
        return Trigger(EventType.TRANSFER, "072")
    if low == "order" and tok.pos == "VERB" and any(
            x.lemma.lower() == "leave" for x in ctx.kids(i, "xcomp", "ccomp")):
        return Trigger(EventType.SANCTION, "166")  # "ordered the envoy to leave the country"
    if low in WISH_VERBS and tok.pos == "VERB":
        # "Obama wants Putin to attack Switzerland": he asks Putin to
        for c in kids:
            if c.dep not in ("ccomp", "xcomp") or not ctx.to_infinitive(c.i):
                continue
            asked = ctx.kids(c.i, "nsubj") + (ctx.kids(i, "dobj") if c.dep == "xcomp" else [])
            if any(ctx.np_entities(a.i) for a in asked):
                return Trigger(EventType.APPEAL, "020")
        return None
    if low == "charge" and tok.pos == "VERB" and any(
            c.dep == "prep" and c.lemma.lower() == "with" for c in kids) and any(
            c.dep in ("dobj", "nsubjpass") for c in kids):
        # "the US charged two Russian officers with hacking"; not "charged six men"
        return Trigger(EventType.SANCTION, "173", Condition.FOREIGN_TARGET)
    if low in ("declare", "deem", "name") and tok.pos == "VERB" and any(
            t.text.lower() == "grata" for c in kids if c.dep in ("dobj", "oprd", "xcomp", "ccomp")
            for t in ctx.parse.subtree(c.i)):
        return Trigger(EventType.SANCTION, "166")  # "declared the ambassador persona non grata"
    if low in DESIGNATING_VERBS and tok.pos == "VERB" and _designated(ctx, i):
        # "the EU designates the IRGC as a terrorist organization", "Argentina declared
        # Hamas a terrorist group"
        return Trigger(EventType.SANCTION, "163", Condition.SANCTION_TARGET)
    if low in ("add", "put", "place") and tok.pos == "VERB" and _listed(ctx, i):
        return Trigger(EventType.SANCTION, "163")  # "added them to a list of countries
        # subject to a full U.S. entry ban", "placed X on its entity list"
    if low in OUSTING_VERBS and tok.pos == "VERB" and armed_subj(ctx, i) and any(
            c.lemma.lower() == "from" for x in [tok, *ctx.objects(i)]
            for c in ctx.kids(x.i, "prep")) and ctx.objects(i):
        return Trigger(EventType.COMBAT, "190")  # "the army expelled the SDF from Tabqah"
    if low == "become" and _member_of_body(ctx, i):
        return Trigger(EventType.COOPERATION, "057")  # "Finland became a member of NATO"
    if low == "blow" and any(c.dep == "prt" and c.lemma.lower() == "up" for c in kids):
        return Trigger(EventType.COMBAT, "183")
    objs = [o for o in kids if o.dep == "dobj"]
    if low == "receive" and tok.pos == "VERB" and not any(  # "received the nomination"
            o.lemma.lower() in POST_NOUNS for o in objs) and any(
            o.lemma.lower() not in INFO_NOUNS and (
                o.lemma.lower() in TITLE_NOUNS | GROUP_NOUNS or (
                o.i in ctx.at and ctx.type_of(ctx.at[o.i][0]) is EntityType.PERSON))
            for o in objs):
        return Trigger(EventType.MEETING, "043")  # "received ministers"; not "intelligence"
    if low == "express" or low == "raise":
        if any(o.lemma.lower() in EXPRESSED_NOUNS for o in objs):
            return Trigger(EventType.STATEMENT, "012")
        return None
    if low == "be" and tok.pos in VERB_POS:
        subj = [c for c in kids if c.dep in ("nsubj", "attr")]
        places = [o for p in kids if p.dep == "prep" and p.lemma.lower() in LOC_PREPS
                  for o in ctx.kids(p.i, "pobj")]
        places += [o for s in subj for p in ctx.kids(s.i, "prep")
                   if p.lemma.lower() in ("in", "inside") for o in ctx.kids(p.i, "pobj")]
        if (any(ctx.is_military(s.i) for s in subj) and places
                and any(ctx.np_entities(s.i) for s in subj)
                and not any(c.dep == "acomp" for c in kids)):
            return Trigger(EventType.DEPLOYMENT, "150")
    return None
