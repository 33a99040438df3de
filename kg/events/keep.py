"""Which drafts are events: an event needs its parties, roles that meet its trigger's
condition, and a reading inside the guidelines' classes (no interview, habit, question,
disaster, figurative fight, crime, market trade ...: :mod:`kg.events.scope`)."""

from __future__ import annotations

from kg.events.actors import among_private
from kg.events.context import NOUN_POS, VERB_POS, Context, Draft, anchor_tokens
from kg.events.lexicon import (
    CROWD_NOUNS,
    JUDICIAL_NOUNS,
    LEGISLATION_NOUNS,
    LEGISLATURE_NOUNS,
    ONE_PARTY_ACTS,
    SUMMIT_NOUNS,
    TREATY_WORDS,
)
from kg.events.role_checks import roles_ok
from kg.events.scope import (
    compliance,
    domestic_trip,
    figurative_fight,
    habitual,
    halted_fight,
    interview,
    market_trade,
    natural_hazard,
    outlet_report,
    police_or_crime,
    question,
    questioning,
    street_clash,
    street_protest,
    verbal_attack,
)
from kg.events.verb_checks import granter_of
from kg.model import EntityType, EventType, Role


def keep(ctx: Context, d: Draft) -> bool:
    """An event needs a speaker (Statement), an actor (Meeting, Appeal, Sanction,
    Transfer), two parties (Cooperation, but for a one-party act such as a ceasefire) or
    at least an actor or a place (Combat, Deployment, Training), and roles that meet its
    trigger's role condition."""
    if not roles_ok(ctx, d) or _institutional_act(ctx, d) or among_private(ctx, d) or \
            interview(ctx, d) or habitual(ctx, d) or natural_hazard(ctx, d) or \
            question(ctx, d) or verbal_attack(ctx, d) or domestic_trip(ctx, d) or \
            figurative_fight(ctx, d) or questioning(ctx, d) or compliance(ctx, d) or \
            police_or_crime(ctx, d) or market_trade(ctx, d) or halted_fight(ctx, d) or \
            outlet_report(ctx, d) or street_clash(ctx, d) or street_protest(ctx, d):
        return False
    if d.type is EventType.STATEMENT:
        return bool(d.keys([Role.SPEAKER]))
    if d.type in (EventType.COMBAT, EventType.DEPLOYMENT, EventType.TRAINING):
        return bool(d.args)
    if d.type is EventType.APPEAL and granter_of(ctx, d) is not None:
        return bool(d.keys([Role.AGENT]))  # "the embassy declined the request": told before
    if d.type is EventType.APPEAL:  # "they called on Turkey to halt drilling"
        return bool(d.keys([Role.AGENT, Role.ADDRESSEE])) or _crowd_appeal(ctx, d)
    # a place is where it happens, no party ("a visit in Oulu", "a Brexit deal")
    parties = [k for k in d.keys([Role.AGENT, Role.PARTICIPANT, Role.RECIPIENT])
               if ctx.type_of(k) is not EntityType.PLACE]
    if d.type is EventType.MEETING and not parties:
        return _leaders_gather(ctx, d)
    if d.type is EventType.COOPERATION and len(parties) < 2 and not any(
            ctx.tokens[j].lemma.lower() in ONE_PARTY_ACTS for j in anchor_tokens(d)) \
            and not _other_party_in_content(ctx, d, parties) and not _unnamed_partner(ctx, d) \
            and not _joins_a_body(ctx, d):
        return False  # an agreement, deal or alliance of one: no cooperation
    return bool(parties)


def _other_party_in_content(ctx: Context, d: Draft, parties: list[str]) -> bool:
    """What a party commits to names another actor ("Russia agreed to withdraw its troops
    from Moldova"), or another actor answers the offer ("The United States rejected an
    offer by Russia"); not "ANZ agrees to pay AU$240 million in penalties"."""
    content = [t.i for j in anchor_tokens(d) for x in ctx.kids(j, "xcomp")
               for t in ctx.parse.subtree(x.i)]
    tok = ctx.tokens[d.trigger]
    if tok.pos in NOUN_POS and tok.dep == "dobj" and d.light is None:
        content += ctx.subject(tok.head)
    return any(j in ctx.at and ctx.at[j][0] not in parties
               and ctx.type_of(ctx.at[j][0]) is not EntityType.PLACE for j in content)


def _clause_verb(ctx: Context, d: Draft) -> int | None:
    """The verb whose subject acts in the draft: its light verb, else its trigger when that
    is a verb; None for a bare noun ("the protesters' demands")."""
    if d.light is not None:
        return d.light
    return d.trigger if ctx.tokens[d.trigger].pos in VERB_POS else None


def _joins_a_body(ctx: Context, d: Draft) -> bool:
    """One party joins a body or a treaty named as such ("becomes a member of ASEAN",
    "signs the Artemis Accords", "joins the Paris Agreement"; not "signs an agreement")."""
    verb = ctx.tokens[d.head]
    if verb.pos not in VERB_POS:
        return False
    if verb.lemma.lower() == "become":
        return True  # a member of a body (kg.events.constructions)
    return any(o.tag in ("NNP", "NNPS") and o.lemma.lower() in TREATY_WORDS
               for o in ctx.objects(verb.i))


def _leaders_gather(ctx: Context, d: Draft) -> bool:
    """Leaders no name is given for meet at a place the text names ("Heads of government
    of 30 countries gather in Sharm El Sheikh", "foreign ministers met in Brussels")."""
    verb = _clause_verb(ctx, d)
    return verb is not None and bool(d.keys([Role.LOCATION])) and any(
        ctx.tokens[s].tag == "NNS" and ctx.tokens[s].lemma.lower() in SUMMIT_NOUNS
        for s in ctx.subject(verb))


def _unnamed_partner(ctx: Context, d: Draft) -> bool:
    """The subject joins a named party and an unnamed one ("Mediators and Hamas reach an
    agreement"), or is the members of a body ("The foreign ministers of the G7 nations
    reach an agreement"; not "Members of the committee do not all agree")."""
    tok = ctx.tokens[d.trigger]
    verb = _clause_verb(ctx, d)
    if verb is None:
        return False
    for s in ctx.subject(verb):
        head = ctx.tokens[s]
        if head.tag == "NNS" and head.lemma.lower() in SUMMIT_NOUNS and tok.pos in NOUN_POS \
                and s not in ctx.at and any(
                ctx.type_of(k) is EntityType.ORGANIZATION for k, _ in ctx.np_entities(s)):
            return True  # the members of a body agree ("G7 foreign ministers", "EU leaders")
        group = [head, *ctx.kids(s, "conj")]
        if len(group) > 1 and any(t.i in ctx.at for t in group) and any(
                t.i not in ctx.at and t.pos in NOUN_POS and t.tag == "NNS"
                for t in group):
            return True
    return False


def _crowd_appeal(ctx: Context, d: Draft) -> bool:
    """An unnamed crowd demands: "protesters demand an inquiry", "the protesters' demands",
    "student groups had given the government an ultimatum"."""
    tok = ctx.tokens[d.trigger]
    verb = _clause_verb(ctx, d)
    who = [ctx.tokens[s] for s in ctx.subject(verb)] if verb is not None else []
    if tok.pos in NOUN_POS:
        who += ctx.kids(d.trigger, "poss", "compound")
        who += [o for p in ctx.kids(d.trigger, "prep") if p.lemma.lower() in ("of", "by")
                for o in ctx.kids(p.i, "pobj")]
    return any(w.lemma.lower() in CROWD_NOUNS or any(
        c.lemma.lower() in CROWD_NOUNS for c in ctx.kids(w.i, "compound")) for w in who)


def _institutional_act(ctx: Context, d: Draft) -> bool:
    """A court's orders and rulings and a legislature's votes are no statements, appeals or
    sanctions ("a judge orders X to stand trial", "the Senate rejects a resolution"), and
    a legislature's money for no one named is a budget, no transfer ("the House must
    allocate money for the trial")."""
    budget = d.type is EventType.TRANSFER and not d.keys([Role.RECIPIENT])
    if not budget and d.type not in (EventType.STATEMENT, EventType.APPEAL, EventType.SANCTION):
        return False
    verb = d.head
    subjects = ctx.subject(verb) if ctx.tokens[verb].pos in VERB_POS else []
    # each subject's head words: its own lemma and the last word of each entity it names;
    # a justice ministry's charges and requests are legal acts as a court's are, but what
    # its spokeswoman says is a statement (the head of "Department of Justice" is taken)
    name_word = _head_word if d.type is EventType.STATEMENT else (
        lambda label: label.lower().split()[-1])
    heads = [{ctx.tokens[s].lemma.lower()} | {
        name_word(ctx.entities[k].label) for k, _ in ctx.np_entities(s)} for s in subjects]
    if budget:
        return any(words & LEGISLATURE_NOUNS for words in heads)
    for words in heads:
        if words & JUDICIAL_NOUNS:
            return True
        if words & LEGISLATURE_NOUNS and any(
                o.lemma.lower() in LEGISLATION_NOUNS for o in ctx.kids(verb, "dobj")):
            return True
    return False


def _head_word(label: str) -> str:
    """The head word of a name: its last, or the one before "of" ("Department of
    Justice" is a department, no court)."""
    words = label.lower().split()
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]

