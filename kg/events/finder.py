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

import re
from collections.abc import Iterable, Sequence

from kg.events.claims import quote_of, set_factuality
from kg.events.codes import plover_type
from kg.events.context import (
    ACTOR_ROLES,
    NOUN_POS,
    VERB_POS,
    Context,
    Draft,
    anchor_tokens,
)
from kg.events.lexicon import (
    ANSWER_VERBS,
    INTENT_VERBS,
    LIGHT_VERBS,
    WEAPON_NOUNS,
    Trigger,
)
from kg.events.quantities import read_quantity
from kg.events.roles import fallback_place, fill_roles, statement_place
from kg.events.times import resolve_time
from kg.events.triggers import special, trigger_of
from kg.model import (
    Analysis,
    Entity,
    Event,
    EventType,
    Mention,
    Modality,
    Role,
    Span,
    TimeExpression,
)

# --------------------------------------------------------------------------- assembly


#: Classes whose later mention without an object recalls an earlier one ("the request").
RECALLED = frozenset({EventType.APPEAL, EventType.SANCTION})



def _drafts(ctx: Context) -> list[Draft]:
    toks = ctx.tokens
    found: dict[int, tuple[Trigger, int | None]] = {}
    merged: dict[int, list[int]] = {}
    for tok in toks:
        trig = special(ctx, tok.i) or trigger_of(ctx, tok.i)
        if trig is not None:
            found[tok.i] = (trig, None)
    # a noun trigger under a light verb or a same-class verb is one event with it
    for i, (trig, _) in list(found.items()):
        tok = toks[i]
        if tok.pos not in NOUN_POS or tok.head == i:
            continue
        head = toks[tok.head]
        if tok.dep in ("dobj", "nsubjpass", "attr", "nsubj") and head.pos in VERB_POS:
            same = head.i in found and found[head.i][0].type is trig.type
            if same and head.lemma.lower() not in LIGHT_VERBS:
                merged.setdefault(head.i, []).append(i)  # "denied the accusation"
                found.pop(i, None)
            elif head.lemma.lower() in LIGHT_VERBS or same:
                if same or tok.dep == "dobj":
                    found.pop(head.i, None)
                found[i] = (trig, head.i)
        elif tok.dep == "pobj" and head.head in found and toks[head.head].pos in NOUN_POS and \
                found[head.head][0].type is trig.type:
            merged.setdefault(head.head, []).append(i)  # "killing ... in an airstrike"
            found.pop(i, None)
        elif tok.dep == "pobj" and head.head != head.i and toks[head.head].pos in VERB_POS:
            verb = toks[head.head]
            same = verb.i in found and found[verb.i][0].type is trig.type
            into = head.lemma.lower() in ("in", "into")
            carrier = verb.lemma.lower() in ("enter", "engage", "deploy") and \
                trig.type is EventType.COMBAT
            # "responded with airstrikes", "retaliated with sanctions": the noun is the act
            answer = head.lemma.lower() == "with" and verb.lemma.lower() in ANSWER_VERBS \
                and trig.type is not EventType.STATEMENT
            if answer or (into and (same or carrier)):
                found.pop(verb.i, None)
                found[i] = (trig, verb.i)
    # verbs in a chain of the same class ("began deploying", "urged ... to call")
    for i, (trig, light) in list(found.items()):
        tok = toks[i]
        if light is None and tok.dep == "xcomp" and tok.head in found and \
                found[tok.head][0].type is trig.type:
            found.pop(i, None)
    drafts: list[Draft] = []
    for i, (trig, light) in sorted(found.items()):
        d = Draft(type=trig.type, cameo=trig.cameo, trigger=i, light=light,
                   sentence=toks[i].sent, extra=merged.get(i, []))
        if trig.type is EventType.TRANSFER and any(
                o.lemma.lower() in WEAPON_NOUNS for o in ctx.kids(light or i, "dobj")):
            d.cameo = "072"
        fill_roles(ctx, d, trig)
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


def _demands(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """ "X said Y must / should Z" is also a demand of X on Y (CAMEO 10)."""
    out: list[Draft] = []
    for d in drafts:
        if d.type is not EventType.STATEMENT or ctx.tokens[d.trigger].pos not in VERB_POS:
            continue
        for c in ctx.kids(d.trigger, "ccomp"):
            if not any(a.dep == "aux" and a.text.lower() in ("must", "should")
                       for a in ctx.parse.children(c.i)):
                continue
            demand = Draft(type=EventType.APPEAL, cameo="100", trigger=c.i, light=None,
                            sentence=d.sentence)
            for a in d.args:
                if a.role is Role.SPEAKER:
                    demand.add(Role.AGENT, a.entity, a.mention)
            for sub in ctx.kids(c.i, "nsubj", "nsubjpass"):
                for key, m in ctx.np_entities(sub.i):
                    demand.add(Role.ADDRESSEE, key, m)
            if not demand.keys([Role.ADDRESSEE]):
                continue  # "the 36 must face charges": no party is called on
            demand.attributed_to = d.attributed_to
            out.append(demand)
    return out


def _keep(d: Draft) -> bool:
    """An event needs a speaker (Statement), an actor (Meeting, Cooperation, Appeal,
    Sanction, Transfer) or at least an actor or a place (Combat, Deployment, Training)."""
    if d.type is EventType.STATEMENT:
        return bool(d.keys([Role.SPEAKER]))
    if d.type in (EventType.COMBAT, EventType.DEPLOYMENT, EventType.TRAINING):
        return bool(d.args)
    return bool(d.keys([Role.AGENT, Role.PARTICIPANT, Role.RECIPIENT]))


def _attach_quantities(ctx: Context, drafts: list[Draft]) -> None:
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
        owner = by_token.get(start)
        if owner is None:
            for a in ctx.parse.ancestors(start):
                if a.i in by_token:
                    owner = by_token[a.i]
                    break
        if owner is not None and owner.sentence == tok.sent and q not in owner.quantities:
            owner.quantities.append(q)


def _future(ctx: Context, d: Draft) -> bool:
    if d.modality in (Modality.PLANNED,):
        return True
    tok = ctx.tokens[d.light if d.light is not None else d.trigger]
    return any(c.dep == "aux" and c.text.lower() in ("will", "'ll", "shall")
               for c in ctx.parse.children(tok.i))


_DURATION = re.compile(r"^(?!.*\b(ago|last|this|next|earlier|later|previous|past|coming)\b)"
                       r".*\b(years?|months?|weeks?|days?|decades?|hours?|minutes?)\b")


_NOT_A_TIME = re.compile(r"^(annual|daily|weekly|monthly|yearly|annually|\d{1,3}|\d{5,})$"
                         r"|^(?!1[89]|20)\d{4}$")


def _attach_times(ctx: Context, drafts: list[Draft]) -> None:
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


def _same_event(a: Draft, b: Draft) -> bool:
    """Two drafts that report one real event (event coreference inside an article)."""
    if a.type is not b.type or a.polarity is not b.polarity:
        return False
    if a.type is EventType.STATEMENT:
        return bool(a.keys([Role.SPEAKER]) & b.keys([Role.SPEAKER]))
    if abs(a.sentence - b.sentence) > 3:
        return False
    objects = (Role.RECIPIENT, Role.TARGET, Role.ADDRESSEE)
    oa, ob = a.keys(objects), b.keys(objects)
    if a.sentence != b.sentence and oa != ob and ((oa and ob) or a.type not in RECALLED):
        return False  # "demanded X from Interpol ... Iran's request": one request
    places = (Role.LOCATION, Role.DESTINATION, Role.ORIGIN)
    pa, pb = a.keys(places), b.keys(places)
    if (not a.keys(ACTOR_ROLES) or not b.keys(ACTOR_ROLES)) and pa and pa == pb and \
            abs(a.sentence - b.sentence) <= 2 and not (a.quantities and b.quantities):
        return True  # "en route to Kursk" ... "have already arrived in the Kursk area"
    if a.keys(ACTOR_ROLES) != b.keys(ACTOR_ROLES) or not a.keys(ACTOR_ROLES):
        return False
    if pa != pb and pa and pb:
        return False
    if pa != pb and a.sentence != b.sentence:
        return False
    qa = {(q.value, q.min_value, q.max_value) for q in a.quantities}
    qb = {(q.value, q.min_value, q.max_value) for q in b.quantities}
    if qa and qb and not qa & qb:
        return False
    if (qa or qb) and not (qa and qb) and a.sentence != b.sentence:
        return False
    return not (a.time and b.time and a.time.text.lower() != b.time.text.lower())


def _merge(drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    for d in drafts:
        twin = next((o for o in out if _same_event(o, d)), None)
        if twin is None:
            out.append(d)
            continue
        for a in d.args:
            twin.add(a.role, a.entity, a.mention)
        for q in d.quantities:
            if q not in twin.quantities:
                twin.quantities.append(q)
        twin.time = twin.time or d.time
        twin.quote = twin.quote or d.quote
        twin.attributed_to = twin.attributed_to or d.attributed_to
        if twin.modality is Modality.ASSERTED:
            twin.modality = d.modality
    return out


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
    verb = ctx.tokens[d.trigger].lemma
    parts = [" and ".join(dict.fromkeys(subj))] if subj else []
    parts.append(verb)
    if obj:
        parts.append(" and ".join(dict.fromkeys(obj)))
    if place:
        parts.append(("to " if d.keys([Role.DESTINATION]) else "in ") + place[0])
    return " ".join(parts)


def _mention(ctx: Context, d: Draft) -> Mention:
    idx = sorted(anchor_tokens(d))
    if len(idx) == 2 and idx[1] - idx[0] > 4:
        idx = [d.trigger]
    first, last = ctx.tokens[idx[0]], ctx.tokens[idx[-1]]
    span = Span(first.idx, last.idx + len(last.text))
    return Mention(span=span, text=ctx.parse.span_text(span), label=d.type.value.upper(),
                   start=first.i, end=last.i + 1, sentence=d.sentence)


def find_events(analysis: Analysis, entities: Sequence[Entity]) -> tuple[Event, ...]:
    """The events ``analysis`` reports, with roles over ``entities``' keys."""
    ctx = Context(analysis, entities)
    drafts = _drafts(ctx)
    drafts = [d for d in drafts + _demands(ctx, drafts) if _keep(d)]
    _attach_quantities(ctx, drafts)
    _attach_times(ctx, drafts)
    drafts = _merge(drafts)
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
