"""Events from a dependency parse: triggers, roles, quantities, times and factuality.

Everything is read from the plain :class:`~kg.model.Parse` (lemma, part of speech,
dependency label, head) and the entities' mention spans; no keyword co-occurrence.

1. Triggers: a verb or an event noun whose lemma is in :mod:`kg.events.lexicon`. A noun
   governed by a light verb ("held talks") or by a verb of the same class is one event;
   the noun is the trigger, the verb contributes subject and prepositional phrases.
2. Roles: ``nsubj`` (or the ``by`` phrase of a passive) is the agent / speaker; ``dobj``,
   ``dative`` and ``to``/``on``/``against`` phrases give recipient / addressee / target;
   ``to``/``towards``/``into`` give the destination, ``in``/``at``/``near`` the location,
   ``from`` the origin; ``with``/``alongside`` participants; possessives, compounds and
   nationality adjectives of an event noun ("North Korea's deployment", "US airstrike")
   its agent. A subjectless verb inherits the subject of the verb it depends on.
3. Factuality: see :func:`_modality`. Attribution: the speaker of the verb whose
   complement clause holds the event, or the object of "according to".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from kg.events.codes import plover_type
from kg.events.lexicon import (
    ACCIDENT_NOUNS,
    AID_NOUNS,
    DEAL_NOUNS,
    ESTIMATE_WORDS,
    GROUP_NOUNS,
    INFO_NOUNS,
    LIGHT_VERBS,
    MILITARY_NOUNS,
    NOUNS,
    PLANNED_HEADS,
    PLANNED_MOD,
    POSSIBLE_ADV,
    POSSIBLE_AUX,
    POSSIBLE_HEADS,
    POSSIBLE_MOD,
    REPORTED_ADV,
    SPEECH_VERBS,
    TIES_NOUNS,
    TITLE_NOUNS,
    VERBS,
    WEAPON_NOUNS,
    Trigger,
)
from kg.events.quantities import read_quantity
from kg.events.times import resolve_time
from kg.model import (
    Analysis,
    Argument,
    Entity,
    EntityType,
    Event,
    EventType,
    Mention,
    Modality,
    Parse,
    Polarity,
    Quantity,
    Role,
    Span,
    TimeExpression,
    Token,
)

SUBJ = ("nsubj", "nsubjpass", "csubj")
INTENT_VERBS = frozenset({"agree", "offer", "propose", "want", "intend", "plan", "promise",
                          "vow", "seek", "hope", "pledge"})
PRONOUNS = frozenset({"he", "she", "it"})
PLACE_TYPES = (EntityType.COUNTRY, EntityType.PLACE)
DEST_PREPS = frozenset({"to", "towards", "toward", "into", "onto"})
LOC_PREPS = frozenset({"in", "at", "near", "inside", "along", "across", "around", "within",
                       "outside", "throughout", "on"})
WITH_PREPS = frozenset({"with", "alongside", "between", "among"})
TARGET_PREPS = frozenset({"on", "against", "at"})
ACTOR_ROLES = (Role.AGENT, Role.PARTICIPANT, Role.SPEAKER)
VERB_POS = ("VERB", "AUX")
NOUN_POS = ("NOUN", "PROPN")


@dataclass
class _Draft:
    """An event being assembled before it becomes a frozen :class:`Event`."""

    type: EventType
    cameo: str
    trigger: int  # token index of the trigger word
    light: int | None  # the light verb carrying it, if any
    sentence: int
    extra: list[int] = field(default_factory=list)  # merged trigger words
    args: list[Argument] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    time: TimeExpression | None = None
    modality: Modality = Modality.ASSERTED
    polarity: Polarity = Polarity.POSITIVE
    attributed_to: str | None = None
    quote: str | None = None
    cue: str | None = None

    def keys(self, roles: Iterable[Role]) -> frozenset[str]:
        wanted = set(roles)
        return frozenset(a.entity for a in self.args if a.role in wanted)

    def add(self, role: Role, key: str | None, mention: Mention | None = None) -> None:
        if key is None:
            return
        if any(a.entity == key and a.role == role for a in self.args):
            return
        self.args.append(Argument(role=role, entity=key, mention=mention))


class _Context:
    """The parse of one article with a token → entity lookup."""

    def __init__(self, analysis: Analysis, entities: Sequence[Entity]) -> None:
        self.analysis = analysis
        self.parse: Parse = analysis.parse
        self.tokens: tuple[Token, ...] = analysis.parse.tokens
        self.entities = {e.key: e for e in entities}
        self.at: dict[int, tuple[str, Mention]] = {}
        for e in entities:
            for m in e.mentions:
                for i in range(m.start, m.end):
                    prev = self.at.get(i)
                    if prev is None or (prev[1].end - prev[1].start) < (m.end - m.start):
                        self.at[i] = (e.key, m)

    # ----------------------------------------------------------------- tokens

    def kids(self, i: int, *deps: str) -> list[Token]:
        return [c for c in self.parse.children(i) if not deps or c.dep in deps]

    def is_passive(self, i: int) -> bool:
        return any(c.dep in ("nsubjpass", "auxpass") for c in self.parse.children(i))

    def type_of(self, key: str) -> EntityType:
        return self.entities[key].type

    def is_military(self, i: int) -> bool:
        tok = self.tokens[i]
        if tok.lemma.lower() in MILITARY_NOUNS or tok.text.lower() in MILITARY_NOUNS:
            return True
        hit = self.at.get(i)
        return hit is not None and self.type_of(hit[0]) is EntityType.MILITARY_FORCE

    # ----------------------------------------------------------------- noun phrases

    def np_entities(self, i: int, depth: int = 0) -> list[tuple[str, Mention]]:
        """Entities a noun phrase headed by token ``i`` names.

        The entity whose mention covers the head; else those of its modifiers (compound,
        nationality adjective, possessive: "U.S. officials", "Russia's forces") or, for a
        group noun, of its "of"/"from" phrase ("members of the EU"). Conjuncts, appositions
        and "including X" / "such as X" phrases are followed.
        """
        if depth > 6:
            return []
        out: list[tuple[str, Mention]] = []
        hit = self.at.get(i)
        if hit is None and self.tokens[i].lemma.lower() in TITLE_NOUNS:
            person = self._person_under(i)
            if person is not None:
                hit = person
        if hit is not None:
            out.append(hit)
            for c in self.kids(i, "compound"):
                if c.i not in range(hit[1].start, hit[1].end) or any(
                        g.dep in ("conj", "appos") for g in self.parse.children(c.i)):
                    for g in self.kids(c.i, "conj", "appos"):
                        out.extend(self.np_entities(g.i, depth + 1))
        else:
            for c in self.kids(i, "compound", "amod", "poss", "nmod", "npadvmod"):
                if c.i in self.at:
                    out.append(self.at[c.i])
                elif c.dep in ("poss", "compound"):
                    out.extend(self.np_entities(c.i, depth + 1))
            tok = self.tokens[i]
            if not out and tok.pos in NOUN_POS:
                out.extend(self._left_run(i))
            if not out and (tok.lemma.lower() in GROUP_NOUNS or tok.pos in ("PRON", "NUM")
                            or tok.lemma.lower() in ("some", "all", "many", "both", "part")):
                for p in self.kids(i, "prep"):
                    if p.lemma.lower() in ("of", "from"):
                        for o in self.kids(p.i, "pobj"):
                            out.extend(self.np_entities(o.i, depth + 1))
        for c in self.kids(i, "conj", "appos"):
            out.extend(self.np_entities(c.i, depth + 1))
        for p in self.kids(i, "prep"):
            if p.lemma.lower() in ("include", "such", "including") or p.text.lower() in (
                    "including", "like") or (p.lemma.lower() == "as" and any(
                    g.lemma.lower() == "such" for g in self.parse.children(p.i))):
                for o in self.kids(p.i, "pobj"):
                    out.extend(self.np_entities(o.i, depth + 1))
                for a in self.kids(p.i, "amod", "prep"):
                    for o in self.kids(a.i, "pobj"):
                        out.extend(self.np_entities(o.i, depth + 1))
        return out

    def _person_under(self, i: int) -> tuple[str, Mention] | None:
        """The person a title noun names ("Ambassador to Germany Richard Grenell")."""
        for t in self.parse.subtree(i):
            if t.i == i or t.dep in ("relcl", "acl", "ccomp"):
                continue
            hit = self.at.get(t.i)
            if hit is not None and self.type_of(hit[0]) is EntityType.PERSON and \
                    abs(t.i - i) <= 6:
                return hit
        return None

    def _left_run(self, i: int) -> list[tuple[str, Mention]]:
        """Entities written directly before noun ``i`` ("U.S. and South Korean leaders")
        that the parser attached elsewhere."""
        out: list[tuple[str, Mention]] = []
        j = i - 1
        sent = self.tokens[i].sent
        while j >= 0 and self.tokens[j].sent == sent:
            tok = self.tokens[j]
            if j in self.at:
                key, m = self.at[j]
                if not out or out[-1][0] != key:
                    out.append((key, m))
                j = m.start - 1
            elif tok.dep == "cc" or tok.text == "," or (tok.pos == "ADJ" and j == i - 1):
                j -= 1
            else:
                break
        return out

    # ----------------------------------------------------------------- clauses

    def subject(self, v: int, depth: int = 0) -> list[int]:
        """Token heads of the (logical) subject of verb ``v``."""
        if depth > 4:
            return []
        tok = self.tokens[v]
        passive = self.is_passive(v)
        if passive:
            for p in self.kids(v, "agent"):
                objs = [o.i for o in self.kids(p.i, "pobj")]
                if objs:
                    return objs
        subs = [c.i for c in self.kids(v, *SUBJ) if not (passive and c.dep == "nsubjpass")]
        if subs:
            out: list[int] = []
            for s in subs:
                low = self.tokens[s].lemma.lower()
                if low in ("who", "which", "that") and tok.dep == "relcl":
                    out.append(tok.head)
                elif low in PRONOUNS and self.tokens[s].pos == "PRON":
                    ante = self.antecedent(s)
                    out.append(ante if ante is not None else s)
                else:
                    out.append(s)
            return out
        if passive:
            return []
        if tok.dep == "acl" and tok.tag == "VBG" and v - 1 in self.at and \
                self.tokens[v - 1].head != v:
            return [v - 1]  # "images showing North Korea transporting ..."
        if tok.dep in ("acl", "relcl") and tok.head != v:
            noun = self.tokens[tok.head]
            if tok.dep == "acl" and not self.np_entities(noun.i) and noun.dep == "pobj" and \
                    self.tokens[noun.head].head != noun.head and \
                    self.tokens[self.tokens[noun.head].head].pos in VERB_POS:
                # "voted on a resolution to expel X": the voter expels
                return self.subject(self.tokens[noun.head].head, depth + 1)
            if tok.dep == "acl" and not self.np_entities(noun.i) and noun.dep == "dobj" and \
                    self.tokens[noun.head].pos in VERB_POS:
                # "issued a declaration demanding ...": the issuer demands
                return self.subject(noun.head, depth + 1)
            return [tok.head]
        if tok.dep in ("xcomp", "advcl", "conj", "pcomp", "dep", "acomp") and tok.head != v:
            head = self.tokens[tok.head]
            if tok.dep == "xcomp":
                objs = [o.i for o in self.kids(head.i, "dobj")]
                if objs and head.lemma.lower() in ("urge", "ask", "call", "encourage",
                                                   "invite", "allow", "order", "tell"):
                    return objs
                if self.is_passive(head.i):  # "are scheduled to continue"
                    pas = [c.i for c in self.kids(head.i, "nsubjpass")]
                    if pas:
                        return pas
            if head.pos in VERB_POS or head.dep == "acomp":
                return self.subject(head.i, depth + 1)
            if head.pos == "ADP" and head.head != head.i:
                return self.subject(head.head, depth + 1)
        return []

    def antecedent(self, i: int) -> int | None:
        """What a third-person pronoun at token ``i`` most likely refers to: the nearest
        entity of a fitting kind mentioned before it in this or the two previous
        sentences (he / she / his / her: a person; it / its: a state or body; they /
        their: a state, body or force; the subject of a sentence is preferred)."""
        low = self.tokens[i].lemma.lower()
        text = self.tokens[i].text.lower()
        if low in ("he", "she") or text in ("his", "her"):
            kinds: tuple[EntityType, ...] = (EntityType.PERSON,)
        elif low == "it" or text == "its":
            kinds = (EntityType.COUNTRY, EntityType.ORGANIZATION)
        else:
            kinds = (EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.MILITARY_FORCE)
        sent = self.tokens[i].sent
        nearest: int | None = None
        j = i - 1
        while j >= 0 and self.tokens[j].sent >= sent - 2:
            hit = self.at.get(j)
            if hit is not None and self.type_of(hit[0]) in kinds:
                head = hit[1].end - 1
                if nearest is None:
                    nearest = head
                if any(self.tokens[k].dep in SUBJ for k in range(hit[1].start, hit[1].end)):
                    return head
                j = hit[1].start
            j -= 1
        return nearest

    def clause_chain(self, i: int) -> tuple[list[int], Token | None]:
        """Token ``i`` and its heads up to its clause, and the token above that clause."""
        chain = [i]
        cur = self.tokens[i]
        while cur.head != cur.i and cur.dep not in ("ccomp", "parataxis", "ROOT"):
            cur = self.tokens[cur.head]
            chain.append(cur.i)
        above = self.tokens[cur.head] if cur.head != cur.i else None
        return chain, above


# --------------------------------------------------------------------------- triggers


_NO = Trigger(EventType.SANCTION, "", "none")


def _verb_ok(ctx: _Context, i: int, trig: Trigger) -> bool:
    cond = trig.condition
    if trig.type is EventType.TRANSFER:
        objs = ctx.kids(i, "dobj", "nsubjpass")
        if ctx.tokens[i].dep == "relcl":
            objs.append(ctx.tokens[ctx.tokens[i].head])
        if any(NOUNS.get(o.lemma.lower(), _NO).type in (EventType.STATEMENT, EventType.MEETING)
               for o in objs):
            return False  # "the speech was delivered in Tehran"
    if cond in ("", "negative", "reverse"):
        return True
    objs = ctx.kids(i, "dobj")
    if cond == "obj":
        return bool(objs) or ctx.is_passive(i)
    if cond in ("not_deal", "violent_subj"):
        if any(o.lemma.lower() in DEAL_NOUNS for o in objs):
            return False
        # a crash, storm or disease that kills is not combat
        return not any(ctx.tokens[s].lemma.lower() in ACCIDENT_NOUNS for s in ctx.subject(i))
    if cond == "mil_obj":
        return any(ctx.is_military(o.i) for o in objs) or (
            ctx.is_passive(i) and any(ctx.is_military(s.i) for s in ctx.kids(i, "nsubjpass")))
    if cond == "weapon_obj":
        return any(o.lemma.lower() in WEAPON_NOUNS for o in objs + ctx.kids(i, "nsubjpass"))
    if cond == "aid_obj":
        return any(o.lemma.lower() in AID_NOUNS or o.text.lower() in AID_NOUNS for o in objs)
    if cond == "info_obj":
        return any(o.lemma.lower() in INFO_NOUNS for o in objs)
    if cond == "ties_obj":
        return any(o.lemma.lower() in TIES_NOUNS for o in objs)
    subj = ctx.subject(i)
    if cond == "mil_subj":
        if any(ctx.is_military(o.i) for o in objs):  # "moved troops", "withdrew forces"
            return True
        return any(ctx.is_military(s) or any(ctx.is_military(c.i) for c in ctx.kids(s, "conj"))
                   for s in subj)
    if cond == "speaker":
        return any(ctx.np_entities(s) for s in subj)
    return True


def _noun_ok(ctx: _Context, i: int, trig: Trigger) -> bool:
    tok = ctx.tokens[i]
    low = tok.lemma.lower()
    if low == "conference":
        return any(c.lemma.lower() in ("press", "news") for c in ctx.kids(i, "compound", "amod"))
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


def _trigger_of(ctx: _Context, i: int) -> Trigger | None:
    tok = ctx.tokens[i]
    low = tok.lemma.lower()
    if tok.pos in VERB_POS and low in VERBS and tok.dep not in ("amod", "compound"):
        trig = VERBS[low]
        if low == "speak":
            return None
        return trig if _verb_ok(ctx, i, trig) else None
    if tok.pos == "VERB" and low == "speak":
        return None
    if tok.pos in NOUN_POS and low in NOUNS and i not in ctx.at:
        trig = NOUNS[low]
        if not _noun_ok(ctx, i, trig):
            return None
        if low == "call" and any(c.lemma.lower() in ("phone", "telephone")
                                 for c in ctx.kids(i, "compound", "amod")):
            return Trigger(EventType.MEETING, "041")
        return trig
    return None


def _special(ctx: _Context, i: int) -> Trigger | None:
    """Triggers read from a construction rather than a lemma."""
    tok = ctx.tokens[i]
    low = tok.lemma.lower()
    kids = ctx.parse.children(i)
    if low in ("speak", "talk") and tok.pos == "VERB":
        if any(c.dep == "prep" and c.lemma.lower() == "with" for c in kids) or any(
                o.lemma.lower() in ("phone", "telephone")
                for p in kids if p.dep == "prep" for o in ctx.kids(p.i, "pobj")):
            return Trigger(EventType.MEETING, "041" if low == "speak" else "040")
        return Trigger(EventType.STATEMENT, "010") if _verb_ok(
            ctx, i, Trigger(EventType.STATEMENT, "010", "speaker")) else None
    if low == "call" and tok.pos == "VERB":
        if any(c.dep == "prep" and c.lemma.lower() in ("on", "for", "upon") for c in kids):
            return Trigger(EventType.APPEAL, "020")
        if any(c.dep in ("oprd", "ccomp", "xcomp", "attr") for c in kids) and any(
                c.dep == "dobj" for c in kids):
            return Trigger(EventType.STATEMENT, "010")
        if any(c.dep == "dobj" and c.i in ctx.at and ctx.type_of(ctx.at[c.i][0])
               in (EntityType.PERSON, EntityType.COUNTRY) for c in kids):
            return Trigger(EventType.MEETING, "041")
        return None
    if low in ("send", "dispatch", "ship") and tok.pos == "VERB" and any(
            o.dep == "dobj" and (o.lemma.lower() in WEAPON_NOUNS or o.lemma.lower() in AID_NOUNS)
            and not ctx.is_military(o.i) for o in kids):
        return Trigger(EventType.TRANSFER, "072")
    if low == "blow" and any(c.dep == "prt" and c.lemma.lower() == "up" for c in kids):
        return Trigger(EventType.COMBAT, "183")
    if low == "receive" and tok.pos == "VERB" and any(
            o.dep == "dobj" and (o.lemma.lower() in TITLE_NOUNS | GROUP_NOUNS or (
                o.i in ctx.at and ctx.type_of(ctx.at[o.i][0]) is EntityType.PERSON))
            for o in kids):
        return Trigger(EventType.MEETING, "043")  # "received ministers"
    if low == "express" or low == "raise":
        objs = [o for o in kids if o.dep == "dobj"]
        if any(o.lemma.lower() in ("concern", "regret", "hope", "support", "condolence",
                                   "alarm", "outrage", "worry", "sympathy", "opposition",
                                   "sorrow", "appreciation", "gratitude", "anger", "dismay",
                                   "disappointment", "solidarity", "satisfaction")
               for o in objs):
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


# --------------------------------------------------------------------------- roles


def _place_role(prep: str, kind: EventType) -> Role | None:
    if prep in DEST_PREPS:
        return Role.LOCATION if kind is EventType.COMBAT else Role.DESTINATION
    if prep in LOC_PREPS:
        return Role.LOCATION
    if prep == "from":
        return Role.ORIGIN
    return None


def _prep_args(ctx: _Context, d: _Draft, head: int) -> None:
    """Arguments from the prepositional phrases under token ``head``."""
    for p in ctx.kids(head, "prep", "agent"):
        prep = p.lemma.lower()
        if p.dep == "agent" or prep in ("according", "by", "of"):
            continue
        objs = ctx.kids(p.i, "pobj")
        for o in objs:
            for key, m in ctx.np_entities(o.i):
                etype = ctx.type_of(key)
                place_like = etype in PLACE_TYPES or (etype is EntityType.ORGANIZATION
                                                      and prep == "at")
                if prep in WITH_PREPS:
                    if d.type in (EventType.MEETING, EventType.COOPERATION, EventType.TRAINING):
                        d.add(Role.PARTICIPANT, key, m)
                    continue
                if d.type is EventType.TRANSFER and prep == "from":
                    reverse = d.keys([Role.RECIPIENT])
                    d.add(Role.AGENT if reverse else Role.ORIGIN, key, m)
                    continue
                if prep in ("to", "toward", "towards") and not place_like:
                    role = {EventType.TRANSFER: Role.RECIPIENT, EventType.STATEMENT:
                            Role.ADDRESSEE, EventType.APPEAL: Role.ADDRESSEE}.get(d.type)
                    if role is not None:
                        d.add(role, key, m)
                    continue
                if prep in TARGET_PREPS and d.type in (EventType.COMBAT, EventType.SANCTION,
                                                       EventType.APPEAL) and not (
                        d.type is EventType.COMBAT and ((prep == "at" and place_like) or (
                            prep == "on" and etype is EntityType.PLACE))):
                    role = Role.ADDRESSEE if d.type is EventType.APPEAL else Role.TARGET
                    d.add(role, key, m)
                    continue
                if prep == "to" and place_like and d.type is EventType.TRANSFER:
                    d.add(Role.RECIPIENT, key, m)
                    continue
                if place_like and d.type is not EventType.STATEMENT:
                    role = _place_role(prep, d.type)
                    if role is not None:
                        d.add(role, key, m)
            # nested "en route to X", "near the border of X"
            if prep in LOC_PREPS | DEST_PREPS and ctx.tokens[o.i].lemma.lower() in (
                    "route", "way", "direction"):
                _prep_args(ctx, d, o.i)


def _appeal_addressees(ctx: _Context, d: _Draft, verb: int) -> None:
    """Who is asked: "demanded that X ...", "demanded Y from X", "demanded the withdrawal
    of X"."""
    for c in ctx.kids(verb, "ccomp"):
        for sub in ctx.kids(c.i, "nsubj", "nsubjpass"):
            for key, m in ctx.np_entities(sub.i):
                d.add(Role.ADDRESSEE, key, m)
    for p in ctx.kids(verb, "prep"):
        if p.lemma.lower() == "from":
            for o in ctx.kids(p.i, "pobj"):
                for key, m in ctx.np_entities(o.i):
                    d.add(Role.ADDRESSEE, key, m)
    for o in ctx.kids(verb, "dobj"):
        if o.i in ctx.at:
            continue
        for p in ctx.kids(o.i, "prep"):
            if p.lemma.lower() in ("of", "by", "from"):
                for x in ctx.kids(p.i, "pobj"):
                    for key, m in ctx.np_entities(x.i):
                        d.add(Role.ADDRESSEE, key, m)


def _actor_role(d: _Draft, reverse: bool) -> Role:
    if d.type is EventType.STATEMENT:
        return Role.SPEAKER
    if d.type in (EventType.MEETING, EventType.COOPERATION):
        return Role.PARTICIPANT
    if reverse:
        return Role.RECIPIENT
    return Role.AGENT


def _object_role(d: _Draft, reverse: bool) -> Role | None:
    return {
        EventType.MEETING: Role.PARTICIPANT, EventType.COOPERATION: Role.PARTICIPANT,
        EventType.STATEMENT: Role.ADDRESSEE, EventType.TRANSFER: Role.AGENT if reverse
        else Role.RECIPIENT, EventType.APPEAL: Role.ADDRESSEE, EventType.COMBAT: Role.TARGET,
        EventType.SANCTION: Role.TARGET, EventType.DEPLOYMENT: Role.AGENT,
        EventType.TRAINING: Role.AGENT,
    }.get(d.type)


def _fill_roles(ctx: _Context, d: _Draft, trig: Trigger) -> None:
    reverse = trig.condition == "reverse"
    tok = ctx.tokens[d.trigger]
    actor = _actor_role(d, reverse)
    verb = d.trigger if tok.pos in VERB_POS else d.light
    if verb is not None:
        for s in ctx.subject(verb):
            for key, m in ctx.np_entities(s):
                d.add(actor, key, m)
        objs = ctx.kids(verb, "dobj", "dative")
        if ctx.is_passive(verb):
            objs += ctx.kids(verb, "nsubjpass")
        orole = _object_role(d, reverse)
        for o in objs:
            if o.i == d.trigger:
                continue
            for key, m in ctx.np_entities(o.i):
                etype = ctx.type_of(key)
                vlow = ctx.tokens[verb].lemma.lower()
                if d.type is EventType.DEPLOYMENT and (
                        vlow in ("reach", "enter", "cross", "leave") or etype in PLACE_TYPES):
                    role = Role.ORIGIN if vlow in ("leave", "withdraw") else (
                        Role.DESTINATION if vlow in ("reach", "enter", "cross") else
                        Role.LOCATION)
                    d.add(role, key, m)
                elif d.type is EventType.MEETING and etype in PLACE_TYPES and \
                        ctx.tokens[verb].lemma.lower() in ("visit", "tour"):
                    d.add(Role.DESTINATION, key, m)
                elif d.type is EventType.STATEMENT and ctx.tokens[verb].lemma.lower() in (
                        "accuse", "blame", "condemn", "denounce", "criticize", "criticise",
                        "threaten", "defend", "praise"):
                    d.add(Role.TARGET, key, m)
                elif orole is not None:
                    d.add(orole, key, m)
        if d.type is EventType.COMBAT:
            # "launched missiles targeting US troops in Iraqi bases"
            for o in ctx.kids(verb, "dobj"):
                for acl in ctx.kids(o.i, "acl"):
                    for x in ctx.kids(acl.i, "dobj"):
                        for key, m in ctx.np_entities(x.i):
                            d.add(Role.TARGET, key, m)
                        _prep_args(ctx, d, x.i)
        _prep_args(ctx, d, verb)
        if d.type is EventType.APPEAL:
            _appeal_addressees(ctx, d, verb)
        if d.type is EventType.COOPERATION:
            # "offered / agreed / promised to hand over X to Y": the other party
            for x in ctx.kids(verb, "xcomp"):
                for o in ctx.kids(x.i, "dobj", "dative"):
                    for key, m in ctx.np_entities(o.i):
                        d.add(Role.PARTICIPANT, key, m)
                for p in ctx.kids(x.i, "prep"):
                    if p.lemma.lower() in ("to", "with", "for"):
                        for o in ctx.kids(p.i, "pobj"):
                            for key, m in ctx.np_entities(o.i):
                                d.add(Role.PARTICIPANT, key, m)
        if d.type in (EventType.DEPLOYMENT, EventType.TRAINING, EventType.COMBAT,
                      EventType.TRANSFER):
            for o in ctx.kids(verb, "dobj"):
                if o.i != d.trigger:
                    _prep_args(ctx, d, o.i)
        if ctx.tokens[verb].lemma.lower() == "be":
            for st in ctx.kids(verb, "nsubj", "attr"):
                _prep_args(ctx, d, st.i)
    if verb is not None and d.type in (EventType.APPEAL, EventType.STATEMENT) and \
            not d.keys([Role.ADDRESSEE]) and ctx.tokens[verb].dep in ("advcl", "xcomp", "conj"):
        # "wrote to the embassy asking it to waive ..."
        head = ctx.tokens[verb].head
        for p in ctx.kids(head, "prep"):
            if p.lemma.lower() == "to":
                for o in ctx.kids(p.i, "pobj"):
                    for key, m in ctx.np_entities(o.i):
                        if ctx.type_of(key) is not EntityType.PLACE:
                            d.add(Role.ADDRESSEE, key, m)
    if tok.pos in NOUN_POS:
        # possessives, compounds and nationality adjectives of the event noun
        for c in ctx.kids(d.trigger, "poss", "compound", "amod", "nmod"):
            for key, m in ctx.np_entities(c.i):
                d.add(actor, key, m)
        for p in ctx.kids(d.trigger, "prep"):
            prep = p.lemma.lower()
            for o in ctx.kids(p.i, "pobj"):
                found = ctx.np_entities(o.i)
                if prep == "of" and d.type in (EventType.DEPLOYMENT, EventType.TRANSFER):
                    _prep_args(ctx, d, o.i)  # "deployment of 12,000 troops to Russia"
                if prep == "of":
                    role = Role.TARGET if d.type in (EventType.COMBAT, EventType.SANCTION) \
                        and not ctx.is_military(o.i) else actor
                    for key, m in found:
                        d.add(role, key, m)
                elif prep == "by":
                    for key, m in found:
                        d.add(actor, key, m)
                elif prep == "between" or (prep == "with" and d.type in (
                        EventType.MEETING, EventType.COOPERATION)):
                    for key, m in found:
                        d.add(Role.PARTICIPANT, key, m)
        _prep_args(ctx, d, d.trigger)
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
        if d.light is None and tok.dep == "pobj":
            # "at a press conference alongside X" → the clause's subject and preps
            prep_tok = ctx.tokens[tok.head]
            if prep_tok.head != prep_tok.i and ctx.tokens[prep_tok.head].pos in VERB_POS:
                host = prep_tok.head
                preps = ("at", "in", "during", "into") + (
                    ("on", "for") if d.type is EventType.MEETING else ())
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
        if d.light is None and tok.dep in ("dobj", "nsubjpass") and \
                ctx.tokens[tok.head].pos in VERB_POS and d.type is EventType.MEETING:
            # "addressing an emergency meeting": the addresser takes part
            for s in ctx.subject(tok.head):
                for key, m in ctx.np_entities(s):
                    d.add(Role.PARTICIPANT, key, m)


def _fallback_place(ctx: _Context, d: _Draft) -> None:
    """A place written in a prepositional phrase inside the event's own phrase ("an attack
    on an air base near Mosul") when no role took one."""
    if d.type not in (EventType.COMBAT, EventType.DEPLOYMENT, EventType.TRAINING,
                      EventType.MEETING):
        return
    if d.keys([Role.LOCATION, Role.DESTINATION, Role.ORIGIN]):
        return
    for root in _anchor_tokens(d):
        stack = [(c.i, 1) for c in ctx.parse.children(root) if c.dep not in (
            "nsubj", "nsubjpass", "ccomp", "advcl", "parataxis", "conj", "relcl")]
        while stack:
            j, depth = stack.pop(0)
            tok = ctx.tokens[j]
            if tok.dep == "pobj" and ctx.tokens[tok.head].lemma.lower() in LOC_PREPS | DEST_PREPS:
                for key, m in ctx.np_entities(j):
                    if ctx.type_of(key) in PLACE_TYPES:
                        prep = ctx.tokens[tok.head].lemma.lower()
                        role = _place_role(prep, d.type) or Role.LOCATION
                        d.add(role, key, m)
                        return
            if depth < 4:
                stack.extend((c.i, depth + 1) for c in ctx.parse.children(j)
                             if c.dep not in ("ccomp", "advcl", "parataxis", "relcl"))


# --------------------------------------------------------------------------- factuality


def _modality(ctx: _Context, d: _Draft) -> None:
    """Set modality, polarity and attribution from the cues around the trigger.

    Local cues win over attribution: may/might/could, potential/possible, likely, "high
    likelihood" → Possible; will, expected/scheduled/set/plans to, future/upcoming →
    Planned. Otherwise reportedly/allegedly, "according to X", or a complement clause of a
    speech verb ("X said that ...") → Reported (attributed to X); of "estimate" → Estimated.
    Negation ("not", "never", "no") or a denial verb → Negative.
    """
    start = d.light if d.light is not None else d.trigger
    chain, above = ctx.clause_chain(start)
    if d.light is not None:
        chain = [d.trigger, *chain]
    toks = ctx.tokens
    possible = planned = reported = estimated = False
    negative = False
    attributed: str | None = None
    for j in chain:
        tok = toks[j]
        low = tok.lemma.lower()
        if j != d.trigger and low in PLANNED_HEADS and tok.pos in ("VERB", "ADJ", "AUX"):
            planned = True
        if j != d.trigger and low in ESTIMATE_WORDS:
            estimated = True
        for c in ctx.parse.children(j):
            cl = c.lemma.lower()
            ct = c.text.lower()
            if c.dep in ("aux", "auxpass") and (cl in POSSIBLE_AUX or ct in POSSIBLE_AUX):
                possible = True
            elif c.dep == "aux" and (cl in ("will", "shall") or ct in ("will", "'ll", "shall")):
                planned = True
            elif c.dep in ("advmod", "acomp") and ct in POSSIBLE_ADV:
                possible = True
            elif c.dep == "advmod" and ct in REPORTED_ADV:
                reported = True
            elif c.dep in ("amod", "advmod") and ct in POSSIBLE_MOD:
                possible = True
            elif c.dep in ("amod",) and ct in PLANNED_MOD:
                planned = True
            elif c.dep == "neg" or (c.dep == "det" and ct == "no" and j == d.trigger):
                negative = True
            elif c.dep == "prep" and ct == "according":
                for o in (o for p in ctx.kids(c.i, "prep") for o in ctx.kids(p.i, "pobj")):
                    ents = ctx.np_entities(o.i)
                    reported = True
                    if ents and attributed is None:
                        attributed = ents[0][0]
            elif c.dep in SUBJ and any(g.lemma.lower() == "no" and g.dep == "det"
                                       for g in ctx.parse.children(c.i)):
                negative = True
    for a in ctx.parse.ancestors(start):
        if a.lemma.lower() in POSSIBLE_HEADS and a.pos in ("NOUN", "ADJ"):
            possible = True
        if a.sent != toks[start].sent:
            break
    sent = ctx.parse.sentence_of(d.trigger)
    for j in range(sent.start, sent.end):
        tok = toks[j]
        if tok.text.lower() == "according" and tok.head == ctx.clause_chain(j)[0][-1] \
                and tok.head in chain:
            for o in (o for p in ctx.kids(j, "prep") for o in ctx.kids(p.i, "pobj")):
                reported = True
                ents = ctx.np_entities(o.i)
                if ents and attributed is None:
                    attributed = ents[0][0]
    if above is not None and d.type is not EventType.STATEMENT:
        low = above.lemma.lower()
        if low in SPEECH_VERBS or low in ESTIMATE_WORDS:
            speakers = [k for s in ctx.subject(above.i) for k, _ in ctx.np_entities(s)]
            if speakers or low in ESTIMATE_WORDS:
                if low in ESTIMATE_WORDS:
                    estimated = True
                else:
                    reported = True
                if speakers and attributed is None:
                    attributed = speakers[0]
    if d.type is EventType.STATEMENT and d.cameo in ("016", "120"):
        negative = True
    if possible:
        d.modality = Modality.POSSIBLE
    elif planned:
        d.modality = Modality.PLANNED
    elif estimated:
        d.modality = Modality.ESTIMATED
    elif reported:
        d.modality = Modality.REPORTED
    if negative:
        d.polarity = Polarity.NEGATIVE
    d.attributed_to = attributed


# --------------------------------------------------------------------------- quotes


_QUOTES = (('"', '"'), ("“", "”"), ("'", "'"))


def _quotes_in(text: str) -> list[str]:
    out: list[str] = []
    for open_q, close_q in _QUOTES[:2]:
        pos = 0
        while True:
            a = text.find(open_q, pos)
            if a < 0:
                break
            b = text.find(close_q, a + 1)
            if b < 0:
                break
            inner = text[a + 1:b].strip()
            if len(inner.split()) >= 2:
                out.append(inner)
            pos = b + 1
    return out


def _quote(ctx: _Context, d: _Draft) -> str | None:
    sent = ctx.parse.sentences[d.sentence]
    found = _quotes_in(ctx.parse.span_text(sent.span))
    if not found and d.sentence + 1 < len(ctx.parse.sentences):
        nxt = ctx.parse.sentences[d.sentence + 1]
        text = ctx.parse.span_text(nxt.span).lstrip()
        if text[:1] in ('"', "“"):
            found = _quotes_in(text)
    return " … ".join(found) if found else None


# --------------------------------------------------------------------------- assembly


def _drafts(ctx: _Context) -> list[_Draft]:
    toks = ctx.tokens
    found: dict[int, tuple[Trigger, int | None]] = {}
    merged: dict[int, list[int]] = {}
    for tok in toks:
        trig = _special(ctx, tok.i) or _trigger_of(ctx, tok.i)
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
            if into and (same or carrier):
                found.pop(verb.i, None)
                found[i] = (trig, verb.i)
    # verbs in a chain of the same class ("began deploying", "urged ... to call")
    for i, (trig, light) in list(found.items()):
        tok = toks[i]
        if light is None and tok.dep == "xcomp" and tok.head in found and \
                found[tok.head][0].type is trig.type:
            found.pop(i, None)
    drafts: list[_Draft] = []
    for i, (trig, light) in sorted(found.items()):
        d = _Draft(type=trig.type, cameo=trig.cameo, trigger=i, light=light,
                   sentence=toks[i].sent, extra=merged.get(i, []))
        if trig.type is EventType.TRANSFER and any(
                o.lemma.lower() in WEAPON_NOUNS for o in ctx.kids(light or i, "dobj")):
            d.cameo = "072"
        _fill_roles(ctx, d, trig)
        _fallback_place(ctx, d)
        _modality(ctx, d)
        if d.type is EventType.MEETING and d.modality is Modality.PLANNED and any(
                ctx.tokens[j].lemma.lower() in INTENT_VERBS
                for j in ctx.clause_chain(light if light is not None else i)[0]):
            d.cameo = "036"  # "agreed / offered to meet": express intent to meet
        if d.type is EventType.STATEMENT:
            d.cue = toks[light if light is not None and toks[i].pos in NOUN_POS else i].lemma
            d.quote = _quote(ctx, d)
        drafts.append(d)
    return drafts


def _demands(ctx: _Context, drafts: list[_Draft]) -> list[_Draft]:
    """ "X said Y must / should Z" is also a demand of X on Y (CAMEO 10)."""
    out: list[_Draft] = []
    for d in drafts:
        if d.type is not EventType.STATEMENT or ctx.tokens[d.trigger].pos not in VERB_POS:
            continue
        for c in ctx.kids(d.trigger, "ccomp"):
            if not any(a.dep == "aux" and a.text.lower() in ("must", "should")
                       for a in ctx.parse.children(c.i)):
                continue
            demand = _Draft(type=EventType.APPEAL, cameo="100", trigger=c.i, light=None,
                            sentence=d.sentence)
            for a in d.args:
                if a.role is Role.SPEAKER:
                    demand.add(Role.AGENT, a.entity, a.mention)
            for sub in ctx.kids(c.i, "nsubj", "nsubjpass"):
                for key, m in ctx.np_entities(sub.i):
                    demand.add(Role.ADDRESSEE, key, m)
            demand.attributed_to = d.attributed_to
            out.append(demand)
    return out


def _keep(d: _Draft) -> bool:
    """An event needs a speaker (Statement), an actor (Meeting, Cooperation, Appeal,
    Sanction, Transfer) or at least an actor or a place (Combat, Deployment, Training)."""
    if d.type is EventType.STATEMENT:
        return bool(d.keys([Role.SPEAKER]))
    if d.type in (EventType.COMBAT, EventType.DEPLOYMENT, EventType.TRAINING):
        return bool(d.args)
    return bool(d.keys([Role.AGENT, Role.PARTICIPANT, Role.RECIPIENT]))


def _anchor_tokens(d: _Draft) -> list[int]:
    return ([d.trigger] if d.light is None else [d.trigger, d.light]) + d.extra


def _attach_quantities(ctx: _Context, drafts: list[_Draft]) -> None:
    by_token: dict[int, _Draft] = {}
    for d in drafts:
        for j in _anchor_tokens(d):
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


def _future(ctx: _Context, d: _Draft) -> bool:
    if d.modality in (Modality.PLANNED,):
        return True
    tok = ctx.tokens[d.light if d.light is not None else d.trigger]
    return any(c.dep == "aux" and c.text.lower() in ("will", "'ll", "shall")
               for c in ctx.parse.children(tok.i))


_DURATION = re.compile(r"^(?!.*\b(ago|last|this|next|earlier|later|previous|past|coming)\b)"
                       r".*\b(years?|months?|weeks?|days?|decades?|hours?|minutes?)\b")


_NOT_A_TIME = re.compile(r"^(annual|daily|weekly|monthly|yearly|annually|\d{1,3}|\d{5,})$"
                         r"|^(?!1[89]|20)\d{4}$")


def _attach_times(ctx: _Context, drafts: list[_Draft]) -> None:
    by_token: dict[int, _Draft] = {}
    for d in drafts:
        for j in _anchor_tokens(d):
            by_token.setdefault(j, d)
    pub = ctx.analysis.article.published
    for m in ctx.analysis.mentions:
        low = m.text.lower()
        if m.label not in ("DATE", "TIME") or _DURATION.search(low) or _NOT_A_TIME.match(low):
            continue
        root = next((j for j in range(m.start, m.end)
                     if not m.start <= ctx.tokens[j].head < m.end), m.start)
        owner = by_token.get(root)
        if owner is None:
            for a in ctx.parse.ancestors(root):
                if a.i in by_token:
                    owner = by_token[a.i]
                    break
        if owner is None:
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


def _same_event(a: _Draft, b: _Draft) -> bool:
    """Two drafts that report one real event (event coreference inside an article)."""
    if a.type is not b.type or a.polarity is not b.polarity:
        return False
    if a.type is EventType.STATEMENT:
        return bool(a.keys([Role.SPEAKER]) & b.keys([Role.SPEAKER]))
    if abs(a.sentence - b.sentence) > 3:
        return False
    objects = (Role.RECIPIENT, Role.TARGET, Role.ADDRESSEE)
    if a.sentence != b.sentence and a.keys(objects) != b.keys(objects):
        return False
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


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    out: list[_Draft] = []
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


def _label(ctx: _Context, d: _Draft) -> str:
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


def _mention(ctx: _Context, d: _Draft) -> Mention:
    idx = sorted(_anchor_tokens(d))
    if len(idx) == 2 and idx[1] - idx[0] > 4:
        idx = [d.trigger]
    first, last = ctx.tokens[idx[0]], ctx.tokens[idx[-1]]
    span = Span(first.idx, last.idx + len(last.text))
    return Mention(span=span, text=ctx.parse.span_text(span), label=d.type.value.upper(),
                   start=first.i, end=last.i + 1, sentence=d.sentence)


def find_events(analysis: Analysis, entities: Sequence[Entity]) -> tuple[Event, ...]:
    """The events ``analysis`` reports, with roles over ``entities``' keys."""
    ctx = _Context(analysis, entities)
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
    return tuple(replace(e) for e in events)
