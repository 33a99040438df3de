"""Events from a dependency parse: triggers, roles, quantities, times and factuality.

Everything is read from the plain :class:`~kg.model.Parse` (lemma, part of speech,
dependency label, head) and the entities' mention spans; no keyword co-occurrence.

1. Triggers (:mod:`kg.events.triggers`): a verb or an event noun whose lemma is in
   :mod:`kg.events.lexicon`. A noun governed by a light verb ("held talks") or by a verb
   of the same class is one event; the noun is the trigger, the verb contributes subject
   and prepositional phrases.
2. Roles (:mod:`kg.events.roles`): ``nsubj`` (or the ``by`` phrase of a passive) is the
   agent / speaker; ``dobj``, ``dative`` and ``to``/``on``/``against`` phrases give
   recipient / addressee / target; ``to``/``towards``/``into`` give the destination,
   ``in``/``at``/``near`` the location, ``from`` the origin; ``with``/``alongside``
   participants; possessives, compounds and nationality adjectives of an event noun
   ("North Korea's deployment", "US airstrike") its agent. A subjectless verb inherits
   the subject of the verb it depends on.
3. Factuality and attribution (:mod:`kg.events.claims`): modality and polarity cues;
   the speaker of the verb whose complement clause holds the event, or the object of
   "according to"; the quote of a statement.
4. Assembly (here): quantities and times attached to the nearest event above them,
   demands read from "X said Y must ...", mentions of one real event merged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.events.attach import attach_quantities, attach_times, attack_of
from kg.events.claims import quote_of, set_factuality
from kg.events.codes import plover_type
from kg.events.constructions import special
from kg.events.context import (
    NOUN_POS,
    VERB_POS,
    Context,
    Draft,
    anchor_tokens,
)
from kg.events.discourse import (
    according_sources,
    attributed_authors,
    called_off,
    claimed_attacks,
    split_reciprocal,
)
from kg.events.keep import keep
from kg.events.lexicon import (
    ACCIDENT_NOUNS,
    ANSWER_VERBS,
    CASUALTY_VERBS,
    INSTITUTION_NOUNS,
    INTENT_VERBS,
    LIGHT_VERBS,
    MUNITION_NOUNS,
    OCCURRENCE_VERBS,
    QUANTIFIER_NOUNS,
    SEQUENCE_MARKS,
    VEHICLE_NOUNS,
    WARNING_VERBS,
    WEAPON_NOUNS,
    Trigger,
    noun_class,
)
from kg.events.merge import merge_drafts
from kg.events.places import fallback_place, statement_place
from kg.events.preps import prep_args
from kg.events.roles import fill_roles
from kg.events.scope import as_threat, natural_hazard, police_or_crime, street_clash, tidy_roles
from kg.events.triggers import phrase_of, trigger_of
from kg.events.verb_checks import accident_noun, attacker, names_passage, weapon_debris
from kg.gazetteer import SPEECH_VERBS
from kg.model import (
    Analysis,
    Entity,
    EntityType,
    Event,
    EventType,
    Mention,
    Modality,
    Role,
    Span,
    Token,
)

# --------------------------------------------------------------------------- assembly




def _in_a_name(ctx: Context, tok: Token) -> bool:
    """A capitalised noun inside a longer name of an entity, or a proper noun that names
    another ("Humanitarian Aid and Relief Center"), is part of the name."""
    if tok.pos not in NOUN_POS or not tok.text[:1].isupper():
        return False
    hit = ctx.at.get(tok.i)
    if hit is not None and hit[1].end - hit[1].start >= 2:
        return True  # ctx.at maps every token a mention covers
    if tok.tag not in ("NNP", "NNPS") or tok.i == ctx.parse.sentences[tok.sent].start:
        return False
    near = [ctx.tokens[tok.head], *ctx.kids(tok.i, "conj")]
    return any(t.text[:1].isupper() and t.lemma.lower() in INSTITUTION_NOUNS for t in near)


def _drafts(ctx: Context) -> list[Draft]:
    toks = ctx.tokens
    found: dict[int, tuple[Trigger, int | None]] = {}
    merged: dict[int, list[int]] = {}
    for tok in toks:
        if _in_a_name(ctx, tok):
            continue  # "the King Salman Humanitarian Aid and Relief Center": no aid given
        trig = special(ctx, tok.i) or trigger_of(ctx, tok.i)
        if trig is not None:
            found[tok.i] = (trig, None)
    # an act that is the subject of a verb of occurring takes that verb's phrases
    # ("clashes erupted between X and Y", "fighting continued in Khartoum", "new clashes are
    # reported across Tigray")
    for i, (trig, _) in list(found.items()):
        tok = toks[i]
        head = toks[tok.head]
        # the verb may be misread as an adjective at the root ("Clashes erupt/JJ between")
        if tok.dep in ("nsubj", "nsubjpass", "csubj") and (
                head.pos in VERB_POS or head.dep == "ROOT") and \
                head.lemma.lower() in OCCURRENCE_VERBS and head.i != i and \
                (tok.pos in NOUN_POS or tok.tag == "VBG") and \
                (head.i not in found or found[head.i][0].type is not trig.type):
            if head.i in found and found[head.i][0].type is EventType.STATEMENT and \
                    not ctx.subject(head.i):
                found.pop(head.i, None)
            found[i] = (trig, head.i)
    # a noun trigger under a light verb or a same-class verb is one event with it
    for i, (trig, light) in list(found.items()):
        if light is not None:
            continue
        tok = toks[i]
        if tok.pos not in NOUN_POS or tok.head == i:
            continue
        tok = _counted(ctx, tok)  # "launched a wave of airstrikes": as "launched airstrikes"
        head = toks[tok.head]
        if head.i in found and found[head.i][0].source == "kg" and \
                found[head.i][0].lemma == head.lemma.lower() and \
                phrase_of(ctx, head.i) is found[head.i][0] and not ctx.kids(head.i, "prt"):
            found.pop(i, None)  # "lifted sanctions": the phrase, not the noun, is the act
            continue
        if tok.dep in ("dobj", "nsubjpass") and head.i in found and \
                trig.type is EventType.COOPERATION and \
                found[head.i][0].type is EventType.SANCTION:
            found.pop(i, None)  # "suspended the grain agreement": the suspension is the act
            continue
        if tok.dep in ("dobj", "nsubjpass", "attr", "nsubj") and head.pos in VERB_POS:
            same = head.i in found and found[head.i][0].type is trig.type
            if same and head.lemma.lower() not in LIGHT_VERBS:
                merged.setdefault(head.i, []).append(i)  # "denied the accusation"
                found.pop(i, None)
            elif head.lemma.lower() in LIGHT_VERBS or same:
                # "announced new sanctions", "declared a ceasefire": the announcement is a
                # statement of its own besides the act it makes public
                speech = head.i in found and found[head.i][0].type is EventType.STATEMENT \
                    and head.lemma.lower() in SPEECH_VERBS
                if (same or tok.dep == "dobj") and not speech:
                    found.pop(head.i, None)
                found[i] = (trig, head.i)
        elif tok.dep == "pobj" and head.head in found and toks[head.head].pos in NOUN_POS and \
                found[head.head][0].type is trig.type:
            merged.setdefault(head.head, []).append(i)  # "killing ... in an airstrike"
            found.pop(i, None)
        elif tok.dep == "pobj" and head.head != head.i and toks[head.head].pos in VERB_POS:
            verb = toks[head.head]
            same = verb.i in found and found[verb.i][0].type is trig.type
            # "engaged in talks", "entered into a deal"; not a fronted adjunct ("In the
            # November 27 deal, Turkey and Libya agreed on a line")
            into = head.lemma.lower() in ("in", "into") and head.i > verb.i
            carrier = (verb.lemma.lower() in ("enter", "engage", "deploy") and
                       trig.type is EventType.COMBAT) or (
                verb.lemma.lower() == "enter" and trig.type is EventType.COOPERATION)
            # "responded with airstrikes", "retaliated with sanctions": the noun is the act
            answer = head.lemma.lower() == "with" and verb.lemma.lower() in ANSWER_VERBS \
                and trig.type is not EventType.STATEMENT
            if answer or (into and (same or carrier)):
                found.pop(verb.i, None)
                found[i] = (trig, verb.i)
    # verbs in a chain of the same class ("began deploying", "urged ... to call", "met ...
    # to discuss")
    for i, (trig, light) in list(found.items()):
        tok = toks[i]
        purpose = tok.dep == "advcl" and any(c.dep == "aux" and c.text.lower() == "to"
                                              for c in ctx.parse.children(i))
        if light is None and (tok.dep == "xcomp" or purpose) and tok.head in found and \
                found[tok.head][0].type is trig.type:
            found.pop(i, None)
    # a participle clause of the same class is the same act ("launched airstrikes across
    # Tehran, targeting IRGC facilities"): its roles join the main event
    for i, (trig, light) in sorted(found.items(), reverse=True):
        tok = toks[i]
        if light is None and tok.dep == "advcl" and tok.tag == "VBG" and \
                tok.head in found and found[tok.head][0].type is trig.type:
            merged.setdefault(tok.head, []).extend([i, *merged.pop(i, [])])
            found.pop(i, None)
        elif light is None and tok.dep == "advcl" and tok.tag == "VBG" and \
                trig.type is EventType.STATEMENT and not ctx.kids(i, "nsubj"):
            # "X announces that the US has finalized a deal, adding that ...": the parser
            # hung the speaker's second verb inside what she said: one statement, hers
            outer = next((a.i for a in ctx.parse.ancestors(i) if a.i in found
                          and found[a.i][0].type is EventType.STATEMENT), None)
            if outer is not None and outer != tok.head:
                found.pop(i, None)  # its borrowed subject is no speaker of it
    # coordinated verbs of one class sharing their subject are one act ("were shot and
    # killed by", "attacked and seized"): the first carries the event, both give roles
    for i, (trig, light) in sorted(found.items(), reverse=True):
        tok = toks[i]
        if light is None and tok.dep == "conj" and tok.pos in VERB_POS and \
                tok.head in found and found[tok.head][1] is None and \
                toks[tok.head].pos in VERB_POS and found[tok.head][0].type is trig.type and \
                not ctx.kids(i, "nsubj", "nsubjpass"):
            merged.setdefault(tok.head, []).extend([i, *merged.pop(i, [])])
            found.pop(i, None)
    drafts: list[Draft] = []
    for i, (trig, light) in sorted(found.items()):
        d = Draft(type=trig.type, cameo=trig.cameo, trigger=i, light=light,
                  sentence=toks[i].sent, extra=merged.get(i, []), condition=trig.condition,
                  negative=trig.negative)
        if trig.type is EventType.TRANSFER and any(
                o.lemma.lower() in WEAPON_NOUNS for o in ctx.kids(light or i, "dobj")):
            d.cameo = "072"
        fill_roles(ctx, d, trig)
        for j in d.extra:
            if toks[j].pos in VERB_POS or toks[j].pos in NOUN_POS:
                # a coordinated verb, or a noun of the same act ("Hezbollah's agreement to
                # a new ceasefire with Israel")
                part = Draft(type=trig.type, cameo=trig.cameo, trigger=j, light=None,
                             sentence=d.sentence)
                fill_roles(ctx, part, trig)
                for a in part.args:
                    d.add(a.role, a.entity, a.mention)
        if d.type in (EventType.COMBAT, EventType.SANCTION):
            # a place attacked, or a strait closed, is where it happens
            targets = [a for a in d.args if a.role is Role.TARGET
                       and ctx.type_of(a.entity) is EntityType.PLACE and (
                           d.type is EventType.COMBAT or names_passage(ctx, a.entity))]
            d.args = [a for a in d.args if a not in targets]
            for a in targets:
                d.add(Role.LOCATION, a.entity, a.mention)
        fallback_place(ctx, d)
        statement_place(ctx, d)
        set_factuality(ctx, d)
        if d.type is EventType.MEETING and d.modality is Modality.PLANNED and any(
                ctx.tokens[j].lemma.lower() in INTENT_VERBS
                for j in ctx.clause_chain(light if light is not None else i)[0]):
            d.cameo = "036"  # "agreed / offered to meet": express intent to meet
        if d.type is EventType.STATEMENT:
            d.cue = toks[light if light is not None and toks[i].pos in NOUN_POS else i].lemma
            d.quote = quote_of(ctx, d)
        drafts.append(d)
    return drafts


def _counted(ctx: Context, tok: Token) -> Token:
    """The quantifier noun an act noun is counted by ("a wave of airstrikes" → "wave"), which
    stands in the clause for it; else the noun itself."""
    prep = ctx.tokens[tok.head]
    if tok.dep == "pobj" and prep.lemma.lower() == "of" and prep.head != prep.i:
        counter = ctx.tokens[prep.head]
        if counter.lemma.lower() in QUANTIFIER_NOUNS and counter.head != counter.i:
            return counter
    return tok


def _fold_casualties(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A casualty verb with no attacker of its own reports the toll of an attack in its
    clause or above it ("two policemen are killed after gunmen attacked them", "bombings,
    which killed 279 people"): one event, the attack, which takes its victims and places.
    With no attack there, it is an attack only when the text implies one
    (:func:`_attack_implied`); "six people are killed in Raipur" is a toll, no event."""
    out: list[Draft] = []
    for d in drafts:
        if d.type is EventType.COMBAT and d.light is None and \
                ctx.tokens[d.trigger].lemma.lower() in CASUALTY_VERBS and (
                not d.keys([Role.AGENT]) or _borrowed_subject(ctx, d.trigger)):
            others = [o for o in drafts if o is not d]
            attack = attack_of(ctx, others, d.trigger)
            if attack is not None:
                attack.extra.append(d.trigger)
                for a in d.args:
                    attack.add(a.role, a.entity, a.mention)
                continue
            if not _attack_implied(ctx, d):
                continue
            for s in ctx.subject(d.trigger):  # "bomb blasts in Bannu kill seven"
                if s not in ctx.at and _attacker(ctx, s, named=False):
                    prep_args(ctx, d, s)
            # "Hezbollah rocket fire", "a US counter-terrorism operation": who attacks
            for o in _attack_means(ctx, d.trigger):
                made = [g for c in ctx.kids(o.i, "acl") for g in ctx.kids(c.i, "agent")]
                for m in ctx.kids(o.i, "compound", "amod", "poss", "nmod") + [  # "caused by X"
                        p for g in made for p in ctx.kids(g.i, "pobj")]:
                    for key, mention in ctx.np_entities(m.i):
                        if ctx.type_of(key) is not EntityType.PLACE:
                            d.add(Role.AGENT, key, mention)
                for c in ctx.kids(o.i, "acl"):
                    prep_args(ctx, d, c.i)  # "an explosion caused by X at a mosque in Homs"
        elif d.type is EventType.COMBAT and d.light is None and not d.keys([Role.AGENT]) and \
                ctx.tokens[d.trigger].pos in VERB_POS:
            # "Afghan forces launch mortars into Pakistan, with one hitting a house": the
            # hit is part of the attack above it
            above = {a.i for a in ctx.parse.ancestors(d.trigger)}
            parent = next((o for o in drafts if o is not d and o.type is EventType.COMBAT
                           and above & set(anchor_tokens(o)) and o.keys([Role.AGENT])), None)
            if parent is not None:
                parent.extra.append(d.trigger)
                for a in d.args:
                    parent.add(a.role, a.entity, a.mention)
                continue
        out.append(d)
    return out


def _borrowed_subject(ctx: Context, i: int) -> bool:
    """Casualty verb ``i`` has no subject of its own: it tells the toll of the clause above
    ("Russian forces strike a market, killing seven and injuring 15")."""
    tok = ctx.tokens[i]
    return tok.dep in ("advcl", "conj", "xcomp") and not ctx.kids(i, "nsubj", "nsubjpass")


def _attack_implied(ctx: Context, d: Draft) -> bool:
    """A casualty verb tells of an attack: an attacker does it ("gunmen kill 22 people"), a
    weapon or attack is its means ("killed in Israeli tank shelling"), armed forces are its
    victims ("10 Russian soldiers killed in Ukraine"), or an attack verb is part of it."""
    tok = ctx.tokens[d.trigger]
    acl = tok.dep == "acl" and tok.tag == "VBN"
    if any(ctx.tokens[j].lemma.lower() not in CASUALTY_VERBS for j in d.extra):
        return True
    if ctx.is_passive(d.trigger) or acl:  # the subject suffers
        victims = [v.i for v in ctx.passive_subjects(d.trigger)] + ([tok.head] if acl else [])
        if any(ctx.is_military(v) for v in victims):
            return True
    elif any(_attacker(ctx, s) for s in ctx.subject(d.trigger)):
        return True
    return bool(_attack_means(ctx, d.trigger))


def _attack_means(ctx: Context, i: int) -> list[Token]:
    """What casualty verb ``i``, or a casualty verb coordinated with it, says the harm came
    by, when that is an attacker, weapon or attack ("killed in an airstrike", "killed and
    11 injured by Hezbollah rocket fire": a weapon modifies it)."""
    verbs = [i, *(c.i for c in ctx.kids(i, "conj") if c.lemma.lower() in CASUALTY_VERBS)]
    return [o for v in verbs for p in ctx.kids(v, "prep", "agent")
            if p.lemma.lower() in ("by", "in", "from", "with") for o in ctx.kids(p.i, "pobj")
            if _attacker(ctx, o.i, named=False) or any(
                m.lemma.lower() in WEAPON_NOUNS for m in ctx.kids(o.i, "compound"))]


def _weapon_means(ctx: Context, d: Draft) -> bool:
    """An attack the text tells by its weapon, with no side named: "a drone strike targets
    the tanker", "a tanker is hit by an unknown projectile", "a missile struck a school",
    "torpedoed by a submarine"; not an aircraft ("a helicopter struck power lines")."""
    tok = ctx.tokens[d.trigger]
    if tok.pos in NOUN_POS:
        means = ctx.kids(d.trigger, "compound", "amod")
    else:
        means = [o for p in ctx.kids(d.trigger, "agent") for o in ctx.kids(p.i, "pobj")]
        means += [ctx.tokens[s] for s in ctx.subject(d.trigger)]
        means += ctx.kids(d.trigger, "dobj")  # "a jet fired a missile"
    # munitions and armed craft, not aircraft, which also crash
    return any(m.lemma.lower() in MUNITION_NOUNS | (WEAPON_NOUNS - VEHICLE_NOUNS)
               for m in means)


def _attacker(ctx: Context, i: int, named: bool = True) -> bool:
    """Noun ``i`` names who attacks: gunmen, militants, forces, a weapon, an attack or a
    blast or fire a weapon made (or, as a subject, any named actor)."""
    low = ctx.tokens[i].lemma.lower()
    return low in WEAPON_NOUNS or attacker(ctx, i) or weapon_debris(ctx, i) or \
        ctx.is_military(i) or noun_class(low) is EventType.COMBAT or (
        named and bool(ctx.np_entities(i))) or (  # "bomb explosions", "rocket fire"
        low in ACCIDENT_NOUNS and not accident_noun(ctx, i))


def _demands(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """ "X said Y must / should Z" is also a demand of X on Y (CAMEO 10), and "X warned Y
    to Z" a demand of X on Y (CAMEO 20)."""
    out: list[Draft] = []
    for d in drafts:
        if d.type is not EventType.STATEMENT or ctx.tokens[d.trigger].pos not in VERB_POS:
            continue
        if ctx.tokens[d.trigger].lemma.lower() in WARNING_VERBS and any(
                x.dep == "xcomp" and ctx.to_infinitive(x.i) for x in ctx.kids(d.trigger)):
            objs = ctx.kids(d.trigger, "dobj")
            if objs:  # "warned its citizens to leave Iran": no named addressee is needed
                out.append(_demand_of(ctx, d, "020", d.trigger, objs))
        for c in ctx.kids(d.trigger, "ccomp"):
            if not any(a.dep == "aux" and a.text.lower() in ("must", "should")
                       for a in ctx.parse.children(c.i)):
                continue
            # a passive subject undergoes the act ("the Electoral College should be
            # abolished"): no one named is called on
            demand = _demand_of(ctx, d, "100", c.i, ctx.kids(c.i, "nsubj"))
            if demand.keys([Role.ADDRESSEE]):  # not "the 36 must face charges": no party
                out.append(demand)  # is called on
    return out


def _demand_of(ctx: Context, d: Draft, cameo: str, trigger: int, asked: list[Token]
               ) -> Draft:
    """The appeal statement ``d`` makes of the entities of ``asked``."""
    demand = Draft(type=EventType.APPEAL, cameo=cameo, trigger=trigger, light=None,
                   sentence=d.sentence)
    for a in d.args:
        if a.role is Role.SPEAKER:
            demand.add(Role.AGENT, a.entity, a.mention)
    for key, m in (e for t in asked for e in ctx.np_entities(t.i)):
        demand.add(Role.ADDRESSEE, key, m)
    demand.attributed_to = d.attributed_to
    return demand


def _sequence_clause(ctx: Context, i: int) -> int | None:
    """The head of the "after / before / following ..." clause token ``i`` stands in."""
    for a in [ctx.tokens[i], *ctx.parse.ancestors(i)]:
        if a.sent != ctx.tokens[i].sent:
            break
        marks = [c.lemma.lower() for c in ctx.kids(a.i, "mark", "prep", "advmod")]
        if a.dep in ("advcl", "pcomp", "pobj") and any(m in SEQUENCE_MARKS for m in marks):
            return a.i
        if a.dep == "pcomp" and ctx.tokens[a.head].lemma.lower() in SEQUENCE_MARKS:
            return a.i
    return None


def _label(ctx: Context, d: Draft) -> str:
    def name(role_set: Iterable[Role]) -> list[str]:
        wanted = list(role_set)
        return [ctx.entities[a.entity].label for a in d.args if a.role in wanted]

    subj = name([Role.AGENT, Role.SPEAKER]) or name([Role.PARTICIPANT])[:1]
    obj = name([Role.RECIPIENT, Role.TARGET, Role.ADDRESSEE])
    if not obj:
        obj = name([Role.PARTICIPANT])[1:] if not name([Role.AGENT, Role.SPEAKER]) \
            else name([Role.PARTICIPANT])
    place = name([Role.DESTINATION, Role.LOCATION])
    verb = "say" if d.cue == "according" else ctx.tokens[d.trigger].lemma
    parts = [" and ".join(dict.fromkeys(subj))] if subj else []
    parts.append(verb)
    if obj:
        parts.append(" and ".join(dict.fromkeys(obj)))
    if place:
        parts.append(("to " if d.keys([Role.DESTINATION]) else "in ") + place[0])
    return " ".join(parts)


def _mention(ctx: Context, d: Draft) -> Mention:
    idx = sorted([d.trigger] if d.light is None else [d.trigger, d.light])
    if len(idx) == 2 and idx[1] - idx[0] > 4:
        idx = [d.trigger]
    first, last = ctx.tokens[idx[0]], ctx.tokens[idx[-1]]
    span = Span(first.idx, last.idx + len(last.text))
    return Mention(span=span, text=ctx.parse.span_text(span), label=d.type.value.upper(),
                   start=first.i, end=last.i + 1, sentence=d.sentence)


def find_events(analysis: Analysis, entities: Sequence[Entity]) -> tuple[Event, ...]:
    """The events ``analysis`` reports, with roles over ``entities``' keys."""
    ctx = Context(analysis, entities)
    drafts = _drafts(ctx) + according_sources(ctx)
    for d in drafts:
        as_threat(ctx, d)
    for d in drafts:
        d.sequence = _sequence_clause(ctx, d.trigger)
    drafts = _fold_casualties(ctx, drafts + _demands(ctx, drafts))
    attributed_authors(ctx, drafts)
    claimed_attacks(ctx, drafts)
    called_off(ctx, drafts)
    drafts = split_reciprocal(ctx, drafts)
    # an attack with no named side is still an event when the text gives its toll ("a
    # drone strike killed several civilians", "bombings which killed 279 people")
    tolled = attach_quantities(ctx, drafts)
    drafts = [d for d in drafts if keep(ctx, d) or (
        (id(d) in tolled or _weapon_means(ctx, d)) and d.type is EventType.COMBAT
        and ctx.tokens[d.trigger].lemma.lower() not in CASUALTY_VERBS
        and not (street_clash(ctx, d) or natural_hazard(ctx, d) or police_or_crime(ctx, d)))]
    for d in drafts:
        d.quantities.clear()
    attach_quantities(ctx, drafts)
    attach_times(ctx, drafts)
    for d in drafts:  # before merging too: "met at the Lisbon summit" is one meeting
        tidy_roles(ctx, d)
    drafts = merge_drafts(drafts)
    for d in drafts:
        tidy_roles(ctx, d)
    events: list[Event] = []
    for d in drafts:
        events.append(Event(
            type=d.type, trigger=_mention(ctx, d),
            evidence=ctx.parse.sentences[d.sentence].span,
            arguments=tuple(d.args), quantities=tuple(d.quantities), time=d.time,
            modality=d.modality, polarity=d.polarity, attributed_to=d.attributed_to,
            quote=d.quote, cue=d.cue, cameo=d.cameo, plover=plover_type(d.cameo, d.type),
            label=_label(ctx, d),
        ))
    return tuple(events)
