"""Conditions of the trigger table on what a verb of request, agreement or signing governs:
an order names whom it orders to act, a plea is not a plea of guilty, a request is no
question, an appeal is no court's, a signed paper is no law or one-sided document, an
agreement commits to something (:class:`kg.lexicon.Condition`)."""

from __future__ import annotations

from kg.events.context import NOUN_POS, VERB_POS, Context, Draft
from kg.events.lexicon import (
    ACCIDENT_NOUNS,
    ATTACKER_MODIFIERS,
    ATTACKER_NOUNS,
    DEBRIS_NOUNS,
    GRANTING_VERBS,
    JUDICIAL_NOUNS,
    LEGISLATION_NOUNS,
    MUNITION_NOUNS,
    ONE_SIDED_DOCUMENTS,
    PASSAGE_WORDS,
    POST_NOUNS,
    RULING_NOUNS,
    WEAPON_NOUNS,
    WORK_NOUNS,
)
from kg.model import EntityType, EventType


def attacker(ctx: Context, i: int) -> bool:
    """Noun ``i`` names people who attack, by its word or by what modifies it ("gunmen",
    "militants", "armed men", "heavily armed bandits")."""
    return ctx.tokens[i].lemma.lower() in ATTACKER_NOUNS or any(
        a.lemma.lower() in ATTACKER_MODIFIERS or a.text.lower() in ATTACKER_MODIFIERS
        for a in ctx.kids(i, "amod"))


def weapon_debris(ctx: Context, i: int) -> bool:
    """Noun ``i`` is what a weapon dropped ("shrapnel from an Iranian missile", "missile
    debris", "falling drone fragments")."""
    if ctx.tokens[i].lemma.lower() not in DEBRIS_NOUNS:
        return False
    sources = ctx.kids(i, "compound", "nmod") + [
        o for p in ctx.kids(i, "prep") if p.lemma.lower() in ("from", "of")
        for o in ctx.kids(p.i, "pobj")]
    return any(o.lemma.lower() in WEAPON_NOUNS | MUNITION_NOUNS for o in sources)


def accident_noun(ctx: Context, i: int) -> bool:
    """Token ``i`` names a crash, fire, blast or storm, not one a weapon or a named side made
    ("a fire", "the explosion", "a Mw 6.3 earthquake"; not "rocket fire", "two roadside bomb
    explosions", "an explosion caused by Saraya Ansar al-Sunnah")."""
    tok = ctx.tokens[i]
    if tok.lemma.lower() not in ACCIDENT_NOUNS:
        return False
    mods = ctx.kids(i, "compound", "amod", "nmod")
    makers = [o for a in ctx.kids(i, "acl") for g in ctx.kids(a.i, "agent")
              for o in ctx.kids(g.i, "pobj")]  # "an explosion caused by Saraya Ansar al-Sunnah"
    # munitions, not aircraft or mines that also crash or explode ("a helicopter crash", "a
    # coal mine explosion")
    words = [m.lemma.lower() for m in mods] + [  # "a land mine explosion": "landmine"
        "".join(c.lemma.lower() for c in ctx.kids(m.i, "compound")) + m.lemma.lower()
        for m in mods]
    return not any(w in MUNITION_NOUNS for w in words) and not any(
        ctx.np_entities(o.i) for o in makers)


def order_to(ctx: Context, i: int) -> bool:
    return bool(ctx.kids(i, "dobj")) and any(
        ctx.to_infinitive(x.i) for x in ctx.kids(i, "xcomp", "ccomp"))


def press_to(ctx: Context, i: int) -> bool:
    """An actor pressed to act: order_to, also with an infinitive the parser read as a
    purpose clause ("pressed Chancellor Scholz to send tanks"; not "pressed the button to
    release the fuel")."""
    objs = ctx.kids(i, "dobj")
    return order_to(ctx, i) or (any(ctx.to_infinitive(x.i) for x in ctx.kids(i, "advcl"))
                                and any(ctx.type_of(k) is not EntityType.PLACE
                                        for o in objs for k, _ in ctx.np_entities(o.i)))


def plea(ctx: Context, i: int) -> bool:
    if any(c.lemma.lower() in ("guilty", "innocent") for c in ctx.kids(i)):
        return False  # "pleaded guilty to 29 charges": a plea in court, not an appeal
    return any(p.lemma.lower() in ("for", "with", "to") for p in ctx.kids(i, "prep")) or bool(
        ctx.kids(i, "xcomp", "ccomp"))


def not_question(ctx: Context, i: int) -> bool:
    if any(p.lemma.lower() == "about" for p in ctx.kids(i, "prep")):
        return False  # "asked Trump about it"
    if any(o.lemma.lower() == "question" for o in ctx.kids(i, "dobj")):
        return False  # "asked hard questions"
    return not any(m.lemma.lower() in ("whether", "if") or m.tag in ("WDT", "WP", "WRB")
                   for c in ctx.kids(i, "ccomp") for m in ctx.parse.children(c.i)
                   if m.dep in ("mark", "advmod", "nsubj", "dobj"))


def not_work(ctx: Context, i: int) -> bool:
    """What one writes is a message, not a work ("wrote songs", "wrote a novel")."""
    return not any(o.lemma.lower() in WORK_NOUNS for o in ctx.kids(i, "dobj"))


def not_legal(ctx: Context, i: int) -> bool:
    tok = ctx.tokens[i]
    head = ctx.tokens[tok.head]
    if tok.dep in ("compound", "pobj") and (
            head.lemma.lower() in JUDICIAL_NOUNS
            or ctx.tokens[head.head].lemma.lower() in JUDICIAL_NOUNS):
        return False  # "the appeals court", "the court of appeal"
    if any(c.lemma.lower() in JUDICIAL_NOUNS for c in ctx.kids(i, "compound", "amod")):
        return False
    objs = ctx.kids(i, "dobj") + [o for p in ctx.kids(i, "prep")
                                  if p.lemma.lower() in ("of", "against")
                                  for o in ctx.kids(p.i, "pobj")]
    if any(o.lemma.lower() in RULING_NOUNS for o in objs):
        return False  # "appealed the verdict"
    # an appeal to someone or for something, or to act ("appealed for calm", "appealed to
    # the UN", "appealed to Iran to release ..."); bare, it is a court's: "is eligible to
    # appeal", "an appeal by Spanton and prosecutors", "the decision cannot be appealed"
    return any(p.lemma.lower() in ("for", "to", "on", "upon")
               for p in ctx.kids(i, "prep")) or bool(ctx.kids(i, "xcomp", "ccomp"))


def not_legislation(ctx: Context, i: int) -> bool:
    """Not a law, a bill or a one-sided document, nor a step of one ("sign the renewal of
    the Voting Rights Act", "signed an amendment to the law")."""
    objs = ctx.objects(i)
    objs += [x for o in objs for p in ctx.kids(o.i, "prep") if p.lemma.lower() in ("of", "to")
             for x in ctx.kids(p.i, "pobj")]
    return not any(o.lemma.lower() in LEGISLATION_NOUNS | ONE_SIDED_DOCUMENTS
                   for o in objs)


def commit(ctx: Context, i: int) -> bool:
    """Agreeing or accepting commits to something: a deal, a plan, an act ("agreed to a
    ceasefire", "agreed on a text", "accepted the offer", "agreed to release", "X and Y
    agree that the fighters will assemble"), not an
    opinion ("agreed with La Riva", "agreed the issue should be decided by Congress",
    "Hawkins somewhat agreed")."""
    kids = ctx.parse.children(i)
    if any(c.dep in ("dobj", "nsubjpass") and c.lemma.lower() in POST_NOUNS for c in kids) \
            or any(o.lemma.lower() in POST_NOUNS for c in kids if c.dep == "xcomp"
                   for o in ctx.kids(c.i, "dobj")):
        return False  # "accepted the nomination", "agreed to wear an electronic tag"
    if any(c.dep == "ccomp" and any(a.lemma.lower() in ("will", "shall") for a in
                                    ctx.kids(c.i, "aux")) for c in kids) and any(
            ctx.kids(s, "conj") for s in ctx.subject(i)):
        return True  # two sides agree what will be done ("X and Y agree that ... will")
    return any(c.dep in ("xcomp", "dobj", "nsubjpass") or (
        c.dep == "prep" and c.lemma.lower() in ("to", "on", "upon"))
        for c in kids)  # "a ceasefire is agreed", "a plan accepted by"


def passage(ctx: Context, i: int) -> bool:
    """What trigger ``i`` closes or blocks is a passage: a strait, canal, border or crossing
    ("the closure of the Strait of Hormuz to all vessels", "closes border crossings with
    Belarus"), not a factory."""
    objs = ctx.of_objects(i) if ctx.tokens[i].pos in NOUN_POS else ctx.objects(i)
    return any(
        ({o.lemma.lower()} | {c.lemma.lower() for c in ctx.kids(o.i, "compound")}) & PASSAGE_WORDS
        or any(names_passage(ctx, k) for k, _ in ctx.np_entities(o.i)) for o in objs)


def names_passage(ctx: Context, key: str) -> bool:
    """Entity ``key`` is a place named as a passage ("Strait of Hormuz", "Suez Canal")."""
    return ctx.type_of(key) is EntityType.PLACE and bool(
        PASSAGE_WORDS & set(ctx.entities[key].label.lower().split()))


def granter_of(ctx: Context, d: Draft) -> int | None:
    """The verb by which the party asked answers an appeal noun ("Venezuela approves the
    United States's request", "the request was rejected by Germany"), if any."""
    tok = ctx.tokens[d.trigger]
    if d.type is not EventType.APPEAL or tok.pos not in NOUN_POS or tok.head == tok.i or \
            tok.dep not in ("dobj", "nsubjpass"):
        return None
    head = ctx.tokens[tok.head]
    return head.i if head.pos in VERB_POS and head.lemma.lower() in GRANTING_VERBS else None
