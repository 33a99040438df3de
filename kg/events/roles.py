"""Roles of an event from the dependency parse: subjects, objects, prepositional phrases,
modifiers of event nouns."""

from __future__ import annotations

from kg.events.context import (
    NOUN_POS,
    PLACE_TYPES,
    VERB_POS,
    Context,
    Draft,
)
from kg.events.lexicon import (
    CONTENT_VERBS,
    JUDGEMENT_VERBS,
    SUPPORT_NOUNS,
    TOPIC_VERBS,
    UNDERGO_VERBS,
    Condition,
    Trigger,
)
from kg.events.noun_roles import noun_roles
from kg.events.preps import prep_args
from kg.events.verb_checks import granter_of
from kg.model import (
    EntityType,
    EventType,
    Mention,
    Role,
    Token,
)


def _authors(ctx: Context, i: int) -> list[tuple[str, Mention]]:
    """Entities of the by/from/of phrases of noun ``i`` ("calls by Belarus's rulers")."""
    return [hit for p in ctx.kids(i, "prep") if p.lemma.lower() in ("by", "from", "of")
            for o in ctx.kids(p.i, "pobj") for hit in ctx.np_entities(o.i)]


def _up_to_objects(ctx: Context, verb: int) -> list[Token]:
    """Objects the parser hung under "up to" ("kidnapped up to 16 Russian advisers")."""
    return [o for up in ctx.kids(verb, "prt", "advmod") if up.text.lower() == "up"
            for p in ctx.kids(up.i, "prep") if p.text.lower() == "to"
            for o in ctx.kids(p.i, "pobj") if any(c.pos == "NUM" for c in ctx.kids(o.i))]


def _appeal_addressees(ctx: Context, d: Draft, verb: int) -> None:
    """Who is asked: "demanded that X ...", "demanded Y from X", "demanded the withdrawal
    of X"."""
    for c in ctx.kids(verb, "ccomp", "advcl"):
        if c.dep == "advcl" and not any(m.dep == "mark" and m.lemma.lower() == "for"
                                        for m in ctx.kids(c.i)):
            continue  # "called for X to resign" is read as a "for" clause
        for sub in ctx.kids(c.i, "nsubj", "nsubjpass"):
            for key, m in ctx.np_entities(sub.i):
                d.add(Role.ADDRESSEE, key, m)
    for p in ctx.kids(verb, "prep"):
        if p.lemma.lower() == "from":
            for o in ctx.kids(p.i, "pobj"):
                for key, m in ctx.np_entities(o.i):
                    d.add(Role.ADDRESSEE, key, m)
        elif p.lemma.lower() == "for":
            # "called for G7 action", "called for Russia's withdrawal", "called for Russia
            # to withdraw": whose act is called for is asked
            for o in ctx.kids(p.i, "pobj"):
                if o.i in ctx.at:
                    for key, m in ctx.np_entities(o.i):
                        d.add(Role.ADDRESSEE, key, m)
                    continue
                for c in ctx.kids(o.i, "poss", "compound", "amod", "nmod"):
                    for key, m in ctx.np_entities(c.i):
                        d.add(Role.ADDRESSEE, key, m)
    for o in ctx.kids(verb, "dobj"):
        if o.i in ctx.at:
            continue
        for p in ctx.kids(o.i, "prep"):
            if p.lemma.lower() in ("of", "by", "from"):
                for x in ctx.kids(p.i, "pobj"):
                    for key, m in ctx.np_entities(x.i):
                        d.add(Role.ADDRESSEE, key, m)


def _actor_role(d: Draft, reverse: bool) -> Role:
    if d.type is EventType.STATEMENT:
        return Role.SPEAKER
    if d.type in (EventType.MEETING, EventType.COOPERATION):
        return Role.PARTICIPANT
    if reverse:
        return Role.RECIPIENT
    return Role.AGENT


def _object_role(d: Draft, reverse: bool) -> Role | None:
    return {
        EventType.MEETING: Role.PARTICIPANT, EventType.COOPERATION: Role.PARTICIPANT,
        EventType.STATEMENT: Role.ADDRESSEE, EventType.TRANSFER: Role.AGENT if reverse
        else Role.RECIPIENT, EventType.APPEAL: Role.ADDRESSEE, EventType.COMBAT: Role.TARGET,
        EventType.SANCTION: Role.TARGET, EventType.DEPLOYMENT: Role.AGENT,
        EventType.TRAINING: Role.AGENT,
    }.get(d.type)


def fill_roles(ctx: Context, d: Draft, trig: Trigger) -> None:
    tok = ctx.tokens[d.trigger]  # "received a shipment of vaccines": the subject receives
    reverse = trig.reverse or (d.type is EventType.TRANSFER and d.light is not None
                               and ctx.tokens[d.light].lemma.lower() in UNDERGO_VERBS)
    actor = _actor_role(d, reverse)
    verb = d.trigger if tok.pos in VERB_POS else d.light
    if d.light is not None and ctx.tokens[d.light].lemma.lower() in UNDERGO_VERBS and \
            d.type in (EventType.SANCTION, EventType.COMBAT):
        # "X received warrants from Y", "X faces sanctions": X is the target, Y the agent
        for s in ctx.subject(d.light):
            for key, m in ctx.np_entities(s):
                d.add(Role.TARGET, key, m)
        for p in ctx.kids(d.light, "prep") + ctx.kids(d.trigger, "prep"):
            if p.lemma.lower() in ("from", "by"):
                for o in ctx.kids(p.i, "pobj"):
                    for key, m in ctx.np_entities(o.i):
                        d.add(Role.AGENT, key, m)
        return
    granter = granter_of(ctx, d)
    if granter is not None:
        for s in ctx.subject(granter):
            for key, m in ctx.np_entities(s):
                d.add(Role.ADDRESSEE, key, m)
    if verb is not None:
        for s in ctx.subject(verb) if verb != granter else []:
            for key, m in ctx.np_entities(s):
                d.add(actor, key, m)
        objs = ctx.kids(verb, "dobj", "dative") + ctx.particle_objects(verb) + \
            _up_to_objects(ctx, verb)
        if ctx.is_passive(verb):
            objs += ctx.passive_subjects(verb)
        vtok = ctx.tokens[verb]
        if vtok.dep == "acl" and vtok.tag == "VBN" and vtok.head != verb and \
                d.type in (EventType.COMBAT, EventType.SANCTION):
            objs.append(ctx.tokens[vtok.head])  # "athletes killed by Russian forces"
        orole = _object_role(d, reverse)
        for o in objs:
            if o.i == d.trigger:
                continue
            for key, m in ctx.np_entities(o.i):
                etype = ctx.type_of(key)
                vlow = ctx.tokens[verb].lemma.lower()
                if d.type is EventType.DEPLOYMENT and ctx.is_military(o.i):
                    d.add(Role.AGENT, key, m)  # "withdrew its troops": the force moves
                elif d.type is EventType.DEPLOYMENT and (
                        vlow in ("reach", "enter", "cross", "leave") or etype in PLACE_TYPES):
                    role = Role.ORIGIN if vlow in ("leave", "withdraw") else (
                        Role.DESTINATION if vlow in ("reach", "enter", "cross") else
                        Role.LOCATION)
                    d.add(role, key, m)
                elif d.type is EventType.MEETING and etype in PLACE_TYPES and \
                        ctx.tokens[verb].lemma.lower() in ("visit", "tour"):
                    d.add(Role.DESTINATION, key, m)
                elif d.type is EventType.STATEMENT and (
                        vlow in JUDGEMENT_VERBS or d.negative):
                    d.add(Role.TARGET, key, m)  # "condemned X", "rejected X's offer"
                elif d.type is EventType.STATEMENT and vlow in CONTENT_VERBS:
                    continue  # "announced a U.S. combat operation": what is said, not to whom
                elif d.type is EventType.MEETING and vlow in TOPIC_VERBS and \
                        d.condition is not Condition.BODY_OBJ:
                    continue  # "Amazon issues were discussed": the topic, no party (but
                    # "addressed the UN Human Rights Council": the body addressed)
                elif orole is not None:
                    d.add(orole, key, m)
        if d.type is EventType.STATEMENT and d.negative:
            # what is rejected comes from someone ("rejected an offer from Afghanistan",
            # "dismissed calls by Belarus's rulers"); what is refused concerns someone
            # ("refused to meet Jordan's King", "refused to deploy peacekeepers in Iraq")
            for o in objs:
                for key, m in _authors(ctx, o.i):
                    d.add(Role.TARGET, key, m)
            own = d.keys([Role.SPEAKER])
            for x in ctx.kids(verb, "xcomp"):
                for o in ctx.kids(x.i, "dobj") + [o for p in ctx.kids(x.i, "prep")
                                                  for o in ctx.kids(p.i, "pobj")]:
                    for key, m in ctx.np_entities(o.i):
                        if key not in own:  # "refused to withdraw its troops"
                            d.add(Role.TARGET, key, m)
        if d.type is EventType.COMBAT:
            # "launched missiles targeting US troops in Iraqi bases"
            for o in ctx.kids(verb, "dobj"):
                for acl in ctx.kids(o.i, "acl"):
                    for x in ctx.kids(acl.i, "dobj"):
                        for key, m in ctx.np_entities(x.i):
                            d.add(Role.TARGET, key, m)
                        prep_args(ctx, d, x.i)
        prep_args(ctx, d, verb)
        if d.type is EventType.APPEAL:
            _appeal_addressees(ctx, d, verb)
        if d.type in (EventType.COOPERATION, EventType.STATEMENT):
            # "pledged support for Azerbaijan", "voiced support for Maduro": whom it backs
            for o in ctx.kids(verb, "dobj"):
                if o.lemma.lower() in SUPPORT_NOUNS:
                    for p in ctx.kids(o.i, "prep"):
                        if p.lemma.lower() in ("for", "with", "to"):
                            for x in ctx.kids(p.i, "pobj"):
                                for key, m in ctx.np_entities(x.i):
                                    if ctx.type_of(key) is not EntityType.PLACE:
                                        d.add(Role.TARGET if d.type is EventType.STATEMENT
                                              else Role.PARTICIPANT, key, m)
        if d.type is EventType.COOPERATION:
            # "offered / agreed / promised to hand over X to Y": the other party
            for x in ctx.kids(verb, "xcomp"):
                # "promised to continue military aid to Mozambique": the phrase may hang
                # on the verb or on its object
                heads = [x.i]
                for o in ctx.kids(x.i, "dobj", "dative"):
                    for key, m in ctx.np_entities(o.i):
                        d.add(Role.PARTICIPANT, key, m)
                    heads.append(o.i)
                for h in heads:
                    for p in ctx.kids(h, "prep"):
                        if p.lemma.lower() in ("to", "with", "for"):
                            for o in ctx.kids(p.i, "pobj"):
                                for key, m in ctx.np_entities(o.i):
                                    d.add(Role.PARTICIPANT, key, m)
        if d.type in (EventType.DEPLOYMENT, EventType.TRAINING, EventType.COMBAT,
                      EventType.TRANSFER, EventType.SANCTION, EventType.COOPERATION):
            # "suspended links with X", "pledged 500 million euros to Ukraine"
            for o in ctx.kids(verb, "dobj") + ctx.particle_objects(verb):
                if o.i != d.trigger:
                    prep_args(ctx, d, o.i)
                    # "providing photographs and other intelligence to Macedonia"
                    for c in ctx.kids(o.i, "conj"):
                        prep_args(ctx, d, c.i)
        if ctx.tokens[verb].lemma.lower() == "be":
            for st in ctx.kids(verb, "nsubj", "attr"):
                prep_args(ctx, d, st.i)
    if d.light is not None and tok.pos in VERB_POS:
        prep_args(ctx, d, d.light)  # "fighting continued in Khartoum between X and Y"
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
        noun_roles(ctx, d, actor)
