"""Which words are event triggers: lexicon lemmas that meet their conditions (constructions
read otherwise are in :mod:`kg.events.constructions`)."""

from __future__ import annotations

from collections.abc import Callable

from kg.events.context import (
    NOUN_POS,
    VERB_POS,
    Context,
)
from kg.events.lexicon import (
    ACCIDENT_NOUNS,
    ACCIDENT_VERBS,
    AID_NOUNS,
    CIVIL_WAR_WORDS,
    DEAL_NOUNS,
    DUES_NOUNS,
    ENDORSED_ACTS,
    EXPLOSIVE_NOUNS,
    FACILITY_NOUNS,
    FIGURATIVE_NOUNS,
    GOODS_NOUNS,
    GOVERNMENT_NOUNS,
    GROUP_NOUNS,
    INFO_NOUNS,
    LEGISLATURE_NOUNS,
    MILITARY_NOUNS,
    NORM_NOUNS,
    NOT_GOODS_NOUNS,
    NOT_WAR_WORDS,
    NOUNS,
    OPERATION_MODIFIERS,
    PEOPLE_NOUNS,
    POST_NOUNS,
    RETREAT_NOUNS,
    ROUTINE_NOUNS,
    TERRITORY_NOUNS,
    TIES_NOUNS,
    TITLE_NOUNS,
    TREATY_WORDS,
    VERBS,
    WEAPON_NOUNS,
    Condition,
    Trigger,
    noun_class,
)
from kg.events.nouns import labor_strike, noun_ok
from kg.events.role_checks import ACTORS as _ACTORS
from kg.events.role_checks import ROLE_CHECKS
from kg.events.verb_checks import (
    accident_noun,
    attacker,
    commit,
    not_legal,
    not_legislation,
    not_question,
    not_work,
    order_to,
    plea,
    press_to,
    weapon_debris,
)
from kg.lexicon import phrase_table
from kg.model import EntityType, EventType, Token

# --------------------------------------------------------------------------- triggers


def verb_ok(ctx: Context, i: int, trig: Trigger) -> bool:
    cond = trig.condition
    if trig.type is EventType.TRANSFER:
        objs = ctx.kids(i, "dobj", "nsubjpass")
        if ctx.tokens[i].dep == "relcl" or (ctx.tokens[i].dep == "acl"
                                            and ctx.tokens[i].tag == "VBN"):
            objs.append(ctx.tokens[ctx.tokens[i].head])
        if any(noun_class(o.lemma) in (EventType.STATEMENT, EventType.MEETING)
               for o in objs):
            return False  # "the speech was delivered in Tehran"
        objs += [x for o in list(objs) for x in ctx.of_objects(o.i)]
        if any(o.lemma.lower() in NOT_GOODS_NOUNS or o.text.lower() in NOT_GOODS_NOUNS
               or (o.i in ctx.at and ctx.type_of(ctx.at[o.i][0]) is EntityType.PERSON)
               for o in objs):
            return False  # "received a request", "the wounded / X were flown to Y"
    if trig.type in (EventType.SANCTION, EventType.APPEAL) and any(
            ctx.tokens[s].lemma.lower() in NORM_NOUNS for s in ctx.subject(i)):
        return False  # "the charter prohibits ...", "NATO guidelines call for 2%": a rule
    if trig.type is EventType.SANCTION and any(
            o.lemma.lower() in ROUTINE_NOUNS for o in ctx.kids(i, "dobj", "nsubjpass")):
        return False  # "cancelled his schedule"
    if trig.type is EventType.DEPLOYMENT and ctx.tokens[i].lemma.lower() in (
            "deploy", "station", "redeploy"):
        objs = ctx.kids(i, "dobj")
        if objs and not any(ctx.is_military(o.i) or o.i in ctx.at or o.pos == "NUM"
                            or o.lemma.lower() in WEAPON_NOUNS | MILITARY_NOUNS
                            or any(c.pos == "NUM" for c in ctx.parse.children(o.i))
                            for o in objs):
            return False  # "the hospital deployed all necessary preparations"
        if not objs and not ctx.is_passive(i) and not _mil_subj(ctx, i):
            return False  # "Médecins Sans Frontières deploys to Darfur"
    check = _CHECKS.get(cond)
    return True if check is None else check(ctx, i)


def _has_obj(ctx: Context, i: int) -> bool:
    return bool(ctx.kids(i, "dobj")) or ctx.is_passive(i)


def _no_obj(ctx: Context, i: int) -> bool:
    return not ctx.kids(i, "dobj")


def _figurative(ctx: Context, o: Token) -> bool:
    """An object that makes a combat verb figurative ("hit a record", "met its target"),
    though "struck targets deep inside Russia" (targets of no one's) is fire."""
    low = o.lemma.lower()
    if low == "target" and o.tag == "NNS" and not ctx.kids(o.i, "poss"):
        return False
    return low in DEAL_NOUNS | FIGURATIVE_NOUNS


def _not_deal(ctx: Context, i: int) -> bool:
    objs = ctx.kids(i, "dobj")
    if any(_figurative(ctx, o) for o in objs) and not armed_subj(ctx, i):
        return False  # "hit the market", but "a drone struck a market"
    if ctx.tokens[i].lemma.lower() == "strike" and (labor_strike(ctx, i) or any(
            c.text.lower() == "down" for c in ctx.kids(i, "prt"))):
        return False  # "workers struck", "the court struck down the bill"
    # a crash, storm or disease that kills is not combat
    if any(accident_noun(ctx, s) for s in ctx.subject(i)):
        return False
    if _driven(ctx, i):
        return False
    tok = ctx.tokens[i]
    if tok.dep in ("advcl", "conj", "xcomp") and tok.head != i and (
            ctx.tokens[tok.head].lemma.lower() in ACCIDENT_VERBS
            or (not ctx.kids(i, "nsubj", "nsubjpass") and not _not_deal(ctx, tok.head))):
        return False  # "part of the tower collapses, killing a worker"; a clause with a
        # subject of its own is judged by it ("... after a land mine explosion injures")
    if any(c.lemma.lower() in ACCIDENT_NOUNS for c in ctx.kids(i, "compound")):
        return False  # "A tornado strikes X" misread with "tornado" as a modifier
    # "seven were killed when a bomber crashed", "died in a collision"
    return not any(
        (c.dep == "advcl" and c.lemma.lower() in ACCIDENT_VERBS) or (
            c.dep == "prep" and c.lemma.lower() in ("in", "after", "from") and any(
                accident_noun(ctx, o.i) for o in ctx.kids(c.i, "pobj")))
        for c in ctx.parse.children(i))


def _driven(ctx: Context, i: int) -> bool:
    """A road accident: whoever strikes drives ("was driving a pickup truck ... and struck a
    group of motorcycles", "was struck by a Volvo XC90 driving on the wrong side"), unless
    forces drive ("troops drove into the town and struck ...")."""
    tok = ctx.tokens[i]
    head = ctx.tokens[tok.head]
    if tok.dep == "conj" and head.lemma.lower() == "drive" and not _mil_subj(ctx, head.i):
        return True
    doers = [o for a in ctx.kids(i, "agent") for o in ctx.kids(a.i, "pobj")]
    return any(o.lemma.lower() in ACCIDENT_NOUNS or any(
        c.lemma.lower() == "drive" for c in ctx.kids(o.i, "acl", "relcl")) for o in doers)


def _attacker(ctx: Context, i: int) -> bool:
    if ctx.is_passive(i) or not ctx.subject(i):
        return False
    return _not_deal(ctx, i)


def _mil_obj(ctx: Context, i: int) -> bool:
    return any(ctx.is_military(o.i) for o in ctx.kids(i, "dobj")) or (
        ctx.is_passive(i) and any(ctx.is_military(s.i) for s in ctx.passive_subjects(i)))


def _weapon_obj(ctx: Context, i: int) -> bool:
    return any(o.lemma.lower() in WEAPON_NOUNS for o in ctx.kids(i, "dobj", "nsubjpass"))


def _armed_act(ctx: Context, i: int) -> bool:
    return _weapon_obj(ctx, i) or any(ctx.is_military(o.i)
                                      for o in ctx.kids(i, "dobj", "nsubjpass")) or \
        armed_subj(ctx, i)


def _aid_obj(ctx: Context, i: int) -> bool:
    """The object is aid, also through a measure ("800 tonnes of humanitarian aid"), and
    no due: not penalties, damages or a settlement ("agrees to pay $400 million in
    penalties", "to pay $400 million to settle a lawsuit")."""
    objs = ctx.kids(i, "dobj")
    objs += [x for o in objs for x in ctx.of_objects(o.i)]
    dues = objs + [x for h in [i, *(o.i for o in objs)] for p in ctx.kids(h, "prep")
                   if p.lemma.lower() in ("in", "as") for x in ctx.kids(p.i, "pobj")]
    if any(o.lemma.lower() in DUES_NOUNS or o.text.lower() in DUES_NOUNS for o in dues) or \
            any(x.lemma.lower() == "settle" for x in ctx.kids(i, "advcl", "xcomp")):
        return False
    return any(o.lemma.lower() in AID_NOUNS or o.text.lower() in AID_NOUNS for o in objs)


def _info_obj(ctx: Context, i: int) -> bool:
    return any(o.lemma.lower() in INFO_NOUNS for o in ctx.kids(i, "dobj"))


def _ties_obj(ctx: Context, i: int) -> bool:
    return any(o.lemma.lower() in TIES_NOUNS for o in ctx.kids(i, "dobj"))


def _mil_subj(ctx: Context, i: int) -> bool:
    if ctx.tokens[i].pos in NOUN_POS:
        return _mil_noun(ctx, i)
    if any(ctx.is_military(o.i) for o in ctx.kids(i, "dobj")):  # "moved troops"
        return True
    return any(ctx.is_military(s) or any(ctx.is_military(c.i) for c in ctx.kids(s, "conj"))
               for s in ctx.subject(i))


def _territory_obj(ctx: Context, i: int) -> bool:
    """Ground, a place, a vessel or forces, also through a part ("swathes of territory")."""
    objs = ctx.kids(i, "dobj") + (ctx.passive_subjects(i) if ctx.is_passive(i) else [])
    objs += [x for o in objs for x in ctx.of_objects(o.i)]
    return any(o.lemma.lower() in TERRITORY_NOUNS or ctx.is_military(o.i) or _names_place(ctx, o)
               for o in objs)




def _capture(ctx: Context, i: int) -> bool:
    """Ground is taken, or armed forces take people: "Maduro is captured by U.S. forces",
    not "soldiers seized 30 terminals" or "the junta seized power"."""
    if _territory_obj(ctx, i):
        return True
    objs = ctx.kids(i, "dobj") + (ctx.passive_subjects(i) if ctx.is_passive(i) else [])
    people = [o for o in objs if o.lemma.lower() in PEOPLE_NOUNS | TITLE_NOUNS or any(
        ctx.type_of(k) is EntityType.PERSON for k, _ in ctx.np_entities(o.i))]
    return bool(people) and any(ctx.is_military(s) for s in ctx.subject(i))


def _names_actor(ctx: Context, o: Token) -> bool:
    return any(ctx.type_of(k) in _ACTORS for k, _ in ctx.np_entities(o.i))


def _actor_obj(ctx: Context, i: int) -> bool:
    """The object is an actor itself ("backed Ukraine", "recognised the State of
    Palestine"), not a thing of one ("support Trump's claims")."""
    return any((o.i in ctx.at or o.lemma.lower() in GOVERNMENT_NOUNS | ENDORSED_ACTS)
               and _names_actor(ctx, o)  # "supporting Hadi's government", "Ukraine's bid"
               for o in ctx.objects(i))


def state_subj(ctx: Context, i: int) -> bool:
    """The subject of verb ``i`` is a state or a state's body, not a person or a party."""
    return any(ctx.type_of(k) is EntityType.COUNTRY or (
        ctx.type_of(k) is EntityType.ORGANIZATION and ctx.entities[k].part_of is not None)
        for s in ctx.subject(i) for k, _ in ctx.np_entities(s))


def _bloc_obj(ctx: Context, i: int) -> bool:
    """A state joins a body of no one state or a treaty: not a person joining a party, nor
    the Senate "joining the House"."""
    return state_subj(ctx, i) and any(o.lemma.lower() in TREATY_WORDS or any(
        ctx.type_of(k) is EntityType.ORGANIZATION and ctx.entities[k].part_of is None
        and not set(ctx.entities[k].label.lower().split()) & LEGISLATURE_NOUNS
        for k, _ in ctx.np_entities(o.i)) for o in ctx.objects(i))


def _guest_obj(ctx: Context, i: int) -> bool:
    if any(o.lemma.lower() in POST_NOUNS | FACILITY_NOUNS for o in ctx.objects(i)):
        return False  # "received the Solidarity Party's nomination", "host its secretariat"
    return any(
        _names_actor(ctx, o) or o.lemma.lower() in GROUP_NOUNS | TITLE_NOUNS or (
            noun_class(o.lemma) is EventType.MEETING)
        for o in ctx.objects(i))


def armed_subj(ctx: Context, i: int) -> bool:
    return any(ctx.is_military(s) or ctx.tokens[s].lemma.lower() in WEAPON_NOUNS
               or attacker(ctx, s) or weapon_debris(ctx, s) for s in ctx.subject(i))


def _nonstate_subj(ctx: Context, i: int) -> bool:
    return any(ctx.is_military(s) or any(
        ctx.type_of(k) is EntityType.ORGANIZATION and ctx.entities[k].part_of is None
        for k, _ in ctx.np_entities(s)) for s in ctx.subject(i))


def _mil_mod(ctx: Context, i: int) -> bool:
    return any(
        c.text.lower() in OPERATION_MODIFIERS or c.lemma.lower() in OPERATION_MODIFIERS
        or ctx.is_military(c.i)
        for c in ctx.kids(i, "amod", "compound", "nmod", "poss"))


def _sides(ctx: Context, i: int) -> bool:
    tok = ctx.tokens[i]
    if tok.dep == "compound" or (tok.text[:1].isupper() and i > ctx.parse.sentence_of(i).start):
        return False  # "war crimes", a named historical war
    mods = ctx.kids(i, "amod", "compound", "nmod", "poss")
    if any(m.lemma.lower() in NOT_WAR_WORDS for m in mods):
        return False
    if any(p.lemma.lower() == "of" and o.lemma.lower() in NOT_WAR_WORDS
           for p in ctx.kids(i, "prep") for o in ctx.kids(p.i, "pobj")):
        return False  # "a war of words"
    if _mil_mod(ctx, i) or any(_names_actor(ctx, m) for m in mods):
        return True
    if any(m.lemma.lower() in CIVIL_WAR_WORDS for m in mods):
        return True  # "the civil war", "an armed conflict": sides need not be named
    if tok.dep == "appos" and _names_actor(ctx, ctx.tokens[tok.head]):
        return True  # "the Israel–Hezbollah conflict" misread as "Israel, the conflict"
    # named sides ("the war with Russia"), or the land it is fought in ("the war in
    # Ukraine", "the conflict in Kivu")
    return any(_names_actor(ctx, o) if p.lemma.lower() in ("between", "with", "against")
               else _names_place(ctx, o)
               for p in ctx.kids(i, "prep") if p.lemma.lower() in ("between", "with",
                                                                   "against", "in")
               for o in ctx.kids(p.i, "pobj"))


def _names_place(ctx: Context, o: Token) -> bool:
    return any(ctx.type_of(k) in (EntityType.PLACE, EntityType.COUNTRY)
               for k, _ in ctx.np_entities(o.i))


def _mil_noun(ctx: Context, i: int) -> bool:
    """Forces take part in the act a noun names: in its own phrase ("the withdrawal of U.S.
    troops"), above it ("troops en route to Kursk") or as its clause's subject or object
    ("Russia ordered the withdrawal of its forces"); not "a bus en route to Islamabad"."""
    own = [t for t in ctx.parse.subtree(i) if t.i != i]
    if any(ctx.is_military(t.i) for t in own):
        return True
    retreat = ctx.tokens[i].lemma.lower() in RETREAT_NOUNS
    for p in ctx.kids(i, "prep"):  # "withdrawal from the region / from Syria", not "from
        if retreat and p.lemma.lower() == "from":  # the European Union"
            for o in ctx.kids(p.i, "pobj"):
                kinds = {ctx.type_of(k) for k, _ in ctx.np_entities(o.i)}
                if o.lemma.lower() in TERRITORY_NOUNS or (
                        kinds and kinds <= {EntityType.PLACE, EntityType.COUNTRY}):
                    return True
    for a in ctx.parse.ancestors(i):
        if ctx.is_military(a.i):
            return True
        if a.pos in VERB_POS:
            return any(_military_phrase(ctx, s) for s in ctx.subject(a.i)) or any(
                _military_phrase(ctx, o.i) for o in ctx.kids(a.i, "dobj") if o.i != i)
    return False


def _military_phrase(ctx: Context, i: int) -> bool:
    """Noun ``i`` names forces, also through "of" ("some of these troops")."""
    return ctx.is_military(i) or any(ctx.is_military(o.i) for o in ctx.of_objects(i))


def _body_obj(ctx: Context, i: int) -> bool:
    return any(
        any(ctx.type_of(k) is EntityType.ORGANIZATION for k, _ in ctx.np_entities(o.i)) or (
            noun_class(o.lemma) is EventType.MEETING)
        for o in ctx.objects(i))


def _weapon_of(ctx: Context, i: int) -> bool:
    return any(o.lemma.lower() in WEAPON_NOUNS | {"fire", "gunfire"}
               for o in ctx.of_objects(i))


def _explosive(ctx: Context, i: int) -> bool:
    """The verb's subject or object is an explosive: its head is one ("bomb", "IED"), or
    it is a device called explosive ("explosive devices")."""
    for o in [*(ctx.tokens[s] for s in ctx.subject(i)), *ctx.kids(i, "dobj", "nsubjpass")]:
        if o.lemma.lower() in EXPLOSIVE_NOUNS or any(
                c.lemma.lower() in EXPLOSIVE_NOUNS for c in ctx.kids(o.i, "amod")):
            return True
    return False


def _goods(ctx: Context, o: Token) -> bool:
    """The noun phrase names goods: aid, money, weapons, forces, goods, intelligence, also
    through a measure ("1,000 containers of munitions") or a conjunct ("fighters and
    cargo"), but not people or their remains ("an official of the RADA forces")."""
    if o.lemma.lower() in PEOPLE_NOUNS or any(
            ctx.type_of(k) is EntityType.PERSON for k, _ in ctx.np_entities(o.i)):
        return False
    for t in [o, *ctx.kids(o.i, "conj"), *ctx.of_objects(o.i)]:
        if t.lemma.lower() in AID_NOUNS | GOODS_NOUNS | INFO_NOUNS or \
                t.text.lower() in AID_NOUNS or ctx.is_military(t.i):
            return True
    return False


def _goods_obj(ctx: Context, i: int) -> bool:
    """The verb moves goods: its object, or its "with" phrase ("provided Kyiv with
    missiles")."""
    objs = ctx.objects(i) + [o for p in ctx.kids(i, "prep") if p.lemma.lower() == "with"
                               for o in ctx.kids(p.i, "pobj")]
    return any(_goods(ctx, o) for o in objs)


def _clause(ctx: Context, i: int) -> bool:
    return any(c.dep == "ccomp" for c in ctx.parse.children(i)) and _speaker(ctx, i)


def _speaker(ctx: Context, i: int) -> bool:
    return any(ctx.np_entities(s) for s in ctx.subject(i))


#: How each condition of the trigger table is checked on the trigger's own words (every
#: Condition but NONE and those of _ROLE_CHECKS).
_CHECKS: dict[Condition, Callable[[Context, int], bool]] = {
    Condition.OBJ: _has_obj,
    Condition.NO_OBJ: _no_obj,
    Condition.SPEAKER: _speaker,
    Condition.MIL_OBJ: _mil_obj,
    Condition.MIL_SUBJ: _mil_subj,
    Condition.NOT_DEAL: _not_deal,
    Condition.VIOLENT_SUBJ: _not_deal,
    Condition.ATTACKER: _attacker,
    Condition.WEAPON_OBJ: _weapon_obj,
    Condition.AID_OBJ: _aid_obj,
    Condition.INFO_OBJ: _info_obj,
    Condition.TIES_OBJ: _ties_obj,
    Condition.TERRITORY_OBJ: _territory_obj,
    Condition.CAPTURE: _capture,
    Condition.GUEST_OBJ: _guest_obj,
    Condition.ACTOR_OBJ: _actor_obj,
    Condition.BLOC_OBJ: _bloc_obj,
    Condition.ARMED_SUBJ: armed_subj,
    Condition.MIL_MOD: _mil_mod,
    Condition.SIDES: _sides,
    Condition.ARMED_ACT: _armed_act,
    Condition.NONSTATE_SUBJ: _nonstate_subj,
    Condition.COMMIT: commit,
    Condition.PLEA: plea,
    Condition.NOT_LEGISLATION: not_legislation,
    Condition.NOT_QUESTION: not_question,
    Condition.NOT_WORK: not_work,
    Condition.NOT_LEGAL: not_legal,
    Condition.WEAPON_OF: _weapon_of,
    Condition.EXPLOSIVE: _explosive,
    Condition.GOODS_OBJ: _goods_obj,
    Condition.ORDER_TO: order_to,
    Condition.PRESS_TO: press_to,
    Condition.BODY_OBJ: _body_obj,
    Condition.CLAUSE: _clause,
}
if set(_CHECKS) | set(ROLE_CHECKS) != set(Condition) - {Condition.NONE}:  # pragma: no cover
    raise AssertionError("kg.events.triggers: a Condition has no check")


def phrase_of(ctx: Context, i: int) -> Trigger | None:
    """A verb + object phrase of the phrase table ("opened fire", "froze the assets",
    "recalled its ambassador"). PETRARCH2's patterns count only where kg's own lexicon
    knows neither word (kg's conditions on them are more careful)."""
    tok = ctx.tokens[i]
    if tok.pos not in VERB_POS or tok.dep in ("amod", "compound"):
        return None
    low = tok.lemma.lower()
    table = phrase_table()
    for prt in ctx.kids(i, "prt"):  # a particle verb ("ruled out talks")
        trig = table.get((low, prt.lemma.lower()))
        if trig is not None and trig.source == "kg":
            return trig
    objs = ctx.objects(i)
    for o in objs:
        trig = table.get((low, o.lemma.lower()))
        if trig is None:
            continue
        if trig.source == "kg":
            return trig
        if low not in VERBS and o.lemma.lower() not in NOUNS and (
                trig.type is not EventType.DEPLOYMENT or _mil_subj(ctx, i)
                or armed_subj(ctx, i)):
            return trig  # a deployment moves forces: not "measures were taken by"
    return None


def trigger_of(ctx: Context, i: int) -> Trigger | None:
    tok = ctx.tokens[i]
    low = tok.lemma.lower()
    phrase = phrase_of(ctx, i)
    if phrase is not None:
        return phrase
    if tok.pos in VERB_POS and low in VERBS and tok.dep not in ("amod", "compound"):
        trig = VERBS[low]
        if low == "speak":
            return None
        return trig if verb_ok(ctx, i, trig) else None
    if tok.pos == "VERB" and low == "speak":
        return None
    if tok.pos in NOUN_POS and low not in NOUNS and low.endswith("s") and low[:-1] in NOUNS:
        low = low[:-1]  # a plural the lemmatiser left ("salvos")
    if tok.pos in NOUN_POS and low in NOUNS and i not in ctx.at:
        trig = NOUNS[low]
        if not noun_ok(ctx, i, trig):
            return None
        check = _CHECKS.get(trig.condition)
        if check is not None and not check(ctx, i):
            return None
        if low == "call" and any(c.lemma.lower() in ("phone", "telephone")
                                 for c in ctx.kids(i, "compound", "amod")):
            return Trigger(EventType.MEETING, "041")
        return trig
    return None
