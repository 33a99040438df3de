"""Roles of an event from the dependency parse: subjects, objects, prepositional phrases,
modifiers of event nouns."""

from __future__ import annotations

from kg.events.context import (
    NOUN_POS,
    PLACE_TYPES,
    VERB_POS,
    Context,
    Draft,
    anchor_tokens,
)
from kg.events.lexicon import (
    CONTENT_VERBS,
    DEST_PREPS,
    INSTIGATION_NOUNS,
    JUDGEMENT_VERBS,
    LOC_PREPS,
    PATIENT_NOUNS,
    QUANTIFIER_NOUNS,
    SANCTIONED_THINGS,
    TARGET_PREPS,
    TARGET_VERBS,
    TOPIC_VERBS,
    UNDERGO_VERBS,
    WEAPON_NOUNS,
    WITH_PREPS,
    Condition,
    Trigger,
    noun_class,
)
from kg.events.verb_checks import granter_of
from kg.model import (
    EntityType,
    EventType,
    Mention,
    Role,
    Token,
)

# --------------------------------------------------------------------------- roles



def place_role(prep: str, kind: EventType) -> Role | None:
    if prep in DEST_PREPS:
        return Role.LOCATION if kind is EventType.COMBAT else Role.DESTINATION
    if prep in LOC_PREPS:
        return Role.LOCATION
    if prep == "from":
        return Role.ORIGIN
    return None


def prep_args(ctx: Context, d: Draft, head: int, nested: bool = False) -> None:
    """Arguments from the prepositional phrases under token ``head``."""
    through = d.type is EventType.SANCTION and head != d.trigger and \
        ctx.tokens[head].lemma.lower() in SANCTIONED_THINGS
    for p in ctx.kids(head, "prep", "agent", "dative"):  # "paid compensation to Samoa"
        prep = p.lemma.lower()
        if through and prep in ("of", "from", "by"):
            # "bans imports from Moldova", "suspends the activities of the IRGC"
            for o in ctx.kids(p.i, "pobj"):
                for key, m in ctx.np_entities(o.i):
                    if ctx.type_of(key) is not EntityType.PLACE:
                        d.add(Role.TARGET, key, m)
            continue
        if p.dep == "agent" or prep in ("according", "by", "of"):
            continue
        if prep == "to" and ctx.tokens[head].text.lower() == "up":
            continue  # "up to 16 advisers": a figure, not a destination
        objs = [o for o in ctx.kids(p.i, "pobj") if o.i not in anchor_tokens(d)
                and o.lemma.lower() not in INSTIGATION_NOUNS]  # "at the behest of X"
        for o in objs:
            if prep == "from" and d.condition in (Condition.CAPTURE, Condition.TERRITORY_OBJ):
                # "recaptured two villages from al-Shabaab", "seized Crimea from Ukraine"
                for key, m in ctx.np_entities(o.i):
                    if ctx.type_of(key) is not EntityType.PLACE:
                        d.add(Role.TARGET, key, m)
                continue
            if d.type is EventType.COMBAT and prep in ("in", "by", "with", "from") and (
                    o.lemma.lower() in WEAPON_NOUNS or ctx.is_military(o.i)):
                # "killed in Israeli tank shelling", "hit by a Russian missile": the
                # weapon's or force's owner attacks
                for key, m in ctx.np_entities(o.i):
                    if ctx.type_of(key) is not EntityType.PLACE:
                        d.add(Role.AGENT, key, m)
                continue
            if d.type is EventType.COMBAT and prep in ("in", "by", "from") and \
                    noun_class(o.lemma) is d.type:
                continue  # "injured in Russian strikes": the attack's own phrase, no place
            for key, m in ctx.np_entities(o.i):
                etype = ctx.type_of(key)
                place_like = etype in PLACE_TYPES or (etype is EntityType.ORGANIZATION
                                                      and prep == "at")
                if d.type is EventType.SANCTION and prep in ("to", "toward", "towards", "with",
                                                             "for") \
                        and etype is not EntityType.PLACE:
                    # "halted economic aid to Serbia", "suspended air links with Serbia",
                    # "warrants for Trump", "visa restrictions for Nicaraguans": the party
                    # cut off or pursued is the sanction's target, not where it goes
                    d.add(Role.TARGET, key, m)
                    continue
                if prep in WITH_PREPS:
                    if d.type in (EventType.MEETING, EventType.COOPERATION, EventType.TRAINING) \
                            or (d.type is EventType.COMBAT and etype is not EntityType.PLACE):
                        d.add(Role.PARTICIPANT, key, m)  # "clashes between X and Y"
                    continue
                if d.type is EventType.TRANSFER and prep == "from":
                    reverse = d.keys([Role.RECIPIENT])
                    d.add(Role.AGENT if reverse else Role.ORIGIN, key, m)
                    continue
                if d.type is EventType.COOPERATION and prep in ("to", "towards") and \
                        etype is not EntityType.PLACE:
                    # "offered its troops to Lebanon", "agreed to US mediation"
                    d.add(Role.PARTICIPANT, key, m)
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
                    role = place_role(prep, d.type)
                    if role is not None:
                        d.add(role, key, m)
            # nested "en route to X", "near the border of X"
            if prep in LOC_PREPS | DEST_PREPS and ctx.tokens[o.i].lemma.lower() in (
                    "route", "way", "direction"):
                prep_args(ctx, d, o.i)
            # "restrictions on flights to Cuba", "a ban on imports from Iran": whom the
            # restricted thing comes from or goes to is hit
            if d.type is EventType.SANCTION and prep in ("on", "against") and \
                    not ctx.np_entities(o.i):
                for p2 in ctx.kids(o.i, "prep"):
                    if p2.lemma.lower() in ("to", "from", "of", "with", "in"):
                        for o2 in ctx.kids(p2.i, "pobj"):
                            for key, m in ctx.np_entities(o2.i):
                                if ctx.type_of(key) is not EntityType.PLACE:
                                    d.add(Role.TARGET, key, m)
            # "airstrikes on 70 targets at multiple locations against ISIS in Syria"
            if d.type is EventType.COMBAT and not nested and not ctx.np_entities(o.i) and \
                    prep in LOC_PREPS | TARGET_PREPS:
                prep_args(ctx, d, o.i, nested=True)


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
                elif d.type is EventType.MEETING and vlow in TOPIC_VERBS:
                    continue  # "Amazon issues were discussed": the topic, no party
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
        for p in ctx.kids(d.trigger, "prep") + trailing:
            prep = p.lemma.lower()
            for o in ctx.kids(p.i, "pobj"):
                found = ctx.np_entities(o.i)
                if prep == "of" and d.type in (EventType.DEPLOYMENT, EventType.TRANSFER):
                    prep_args(ctx, d, o.i)  # "deployment of 12,000 troops to Russia"
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
    if not any(p.lemma.lower() == "with" for p in ctx.kids(d.trigger, "prep")):
        return
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
