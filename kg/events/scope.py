"""Drafts outside what the guidelines count as reported events: an interview given to a
news outlet or a reporter is no meeting, a remark on what usually happens reports no
event ("G7 meetings usually center on politics"), nor does a question ("Did the federation
ever support you?")."""

from __future__ import annotations

from dataclasses import replace

from kg.events.actors import news_outlet
from kg.events.context import PLACE_TYPES, VERB_POS, Context, Draft
from kg.events.lexicon import (
    ACCIDENT_NOUNS,
    ANIMAL_NOUNS,
    ASSEMBLY_WORDS,
    BUYING_WORDS,
    CRIME_CASE_NOUNS,
    CROWD_NOUNS,
    DETENTION_VERBS,
    ENDING_VERBS,
    EXPLOSIVE_NOUNS,
    FIGURATIVE_FIGHT_MODIFIERS,
    HABITUAL_ADVERBS,
    HALT_VERBS,
    HOSTILE_VERBS,
    INQUIRY_NOUNS,
    INSTITUTION_NOUNS,
    INVESTIGATOR_NOUNS,
    JOURNALIST_NOUNS,
    JUDICIAL_NOUNS,
    LEGISLATION_NOUNS,
    LEGISLATURE_NOUNS,
    MILITARY_NOUNS,
    NEWS_MEDIA_WORDS,
    OPERATION_MODIFIERS,
    OPERATION_NOUNS,
    PEOPLE_NOUNS,
    PROTEST_VERBS,
    PURPOSE_NOUNS,
    REFLEXIVE_PRONOUNS,
    ROAD_VEHICLE_NOUNS,
    TERRITORY_NOUNS,
    TRIP_WORDS,
    UNREST_WORDS,
    VISIT_SITE_NOUNS,
    WEAPON_NOUNS,
    Condition,
    noun_class,
)
from kg.events.verb_checks import accident_noun, attacker
from kg.model import EntityType, EventType, Role, Token


def outlet_report(ctx: Context, d: Draft) -> bool:
    """A news outlet reporting is the press at work, no statement of an actor ("The Korea
    Herald reported", "Sky News reported"); what it reports stays, attributed to it."""
    speakers = d.keys([Role.SPEAKER])
    return d.type is EventType.STATEMENT and bool(speakers) and all(
        news_outlet(ctx, k) for k in speakers)


def interview(ctx: Context, d: Draft) -> bool:
    """A "meeting" with a news outlet or a reporter among its parties is an interview
    ("Wikinews discussed with Kurtzer", "reporter William Saturn reached out to Hammons to
    discuss")."""
    if d.type is not EventType.MEETING:
        return False
    verb = d.head
    sides = [ctx.tokens[s] for s in ctx.subject(verb)] + [
        o for p in ctx.kids(verb, "prep") if p.lemma.lower() == "with"
        for o in ctx.kids(p.i, "pobj")]
    if any(t.text.lower() in NEWS_MEDIA_WORDS | JOURNALIST_NOUNS
           or t.lemma.lower() in JOURNALIST_NOUNS for t in sides):
        return True  # "Wikinews discussed with Kurtzer", "told a reporter"
    for a in d.args:
        if a.entity is None:
            continue
        if news_outlet(ctx, a.entity):
            return True
        if ctx.type_of(a.entity) is EntityType.PERSON and a.mention is not None and any(
                t.lemma.lower() in JOURNALIST_NOUNS
                for t in ctx.tokens[max(0, a.mention.start - 3):a.mention.start]):
            return True
    return False


def habitual(ctx: Context, d: Draft) -> bool:
    """The draft's clause says what usually happens, not what happened: its verb (or the
    verb its noun depends on) has "usually", "typically", "traditionally"; or a speaker
    describes itself ("the party, which describes itself as centrist")."""
    verb = d.head
    heads = [verb]
    tok = ctx.tokens[verb]
    if tok.pos in ("NOUN", "PROPN") and tok.head != tok.i:
        heads.append(tok.head)
    if tok.pos in ("NOUN", "PROPN"):  # "G7 meetings usually center on politics", its verb
        heads.extend(c.i for c in ctx.kids(verb, "acl"))  # read as the noun's modifier
    if d.type is EventType.STATEMENT and tok.pos in VERB_POS and any(
            o.text.lower() in REFLEXIVE_PRONOUNS for o in ctx.kids(verb, "dobj")):
        return True
    return any(c.lemma.lower() in HABITUAL_ADVERBS
               for h in heads for c in ctx.kids(h, "advmod"))


def natural_hazard(ctx: Context, d: Draft) -> bool:
    """An attack whose attackers are all storms, quakes or fires named as such ("Typhoon
    Phanfone made landfall, killing at least 20") is a disaster, not combat; one made by
    an animal ("a bat attacks the nominee", "a shark attack") is no combat either."""
    if d.type is not EventType.COMBAT:
        return False
    agents = d.keys([Role.AGENT])
    if agents and all(set(ctx.entities[k].label.lower().split()) & ACCIDENT_NOUNS
                      for k in agents):
        return True
    doers = [ctx.tokens[s] for s in ctx.subject(d.head)]
    # modifiers, and whether they modify an attack ("a lightning strike", "a nine-vehicle
    # pile-up"; not "a car bomb" or "a car bombing")
    mods: list[tuple[Token, bool]] = []
    if ctx.tokens[d.trigger].pos in ("NOUN", "PROPN"):
        mods += [(c, True) for c in ctx.kids(d.trigger, "compound", "poss")]
    mods += [(c, noun_class(t.lemma) is EventType.COMBAT) for t in doers
             if t.lemma.lower() not in WEAPON_NOUNS | EXPLOSIVE_NOUNS
             for c in ctx.kids(t.i, "compound")]
    doers += [m for m, attack in mods if not (attack and m.lemma.lower() in ROAD_VEHICLE_NOUNS)]
    if ctx.tokens[d.head].dep == "relcl":
        # "an earthquake with a magnitude of 6.3 that struck the Philippines": the nouns
        # the relative clause hangs on, up to the clause around them
        for a in ctx.parse.ancestors(d.head):
            if a.pos not in ("NOUN", "PROPN", "ADP", "NUM"):
                break
            if a.lemma.lower() in ACCIDENT_NOUNS:
                return True
    return any(t.lemma.lower() in ANIMAL_NOUNS for t in doers) or any(
        t.pos in ("NOUN", "PROPN") and accident_noun(ctx, t.i)
        and not ctx.np_entities(t.i) for t in doers)  # not "Israeli fire", "bomb blasts"


def domestic_trip(ctx: Context, d: Draft) -> bool:
    """A visit or tour of one actor to places of its own state only is a domestic trip, not
    a meeting ("President Trump visited Kenosha, Wisconsin"; but "visited Iraq")."""
    if d.type is not EventType.MEETING or \
            ctx.tokens[d.trigger].lemma.lower() not in TRIP_WORDS:
        return False
    actors = ctx.actors(d)
    places = {a.entity for a in d.args if a.entity not in actors}
    home = ctx.states(actors)
    return len(actors) == 1 and bool(places) and len(home) == 1 and all(
        ctx.type_of(p) is EntityType.PLACE
        and (ctx.state_of(p) or ctx.entities[p].part_of) in home for p in places)


def street_protest(ctx: Context, d: Draft) -> bool:
    """A protest made by gathering or striking ("youths gather in Nanyuki to protest against
    the centre", "staff conduct a one-day strike to protest the cuts") or by a crowd
    ("students protested the fees") is street action, no statement; an official one stays
    a statement ("Japan protested to China over the islands")."""
    tok = ctx.tokens[d.trigger]
    if d.type is not EventType.STATEMENT or tok.pos not in VERB_POS or \
            tok.lemma.lower() not in PROTEST_VERBS:
        return False
    near = [tok, ctx.tokens[tok.head], *ctx.kids(d.trigger, "advcl", "conj")]
    acts = near + [o for v in near for o in ctx.kids(v.i, "dobj")]
    return any(t.lemma.lower() in ASSEMBLY_WORDS for t in acts) or any(
        ctx.tokens[s].lemma.lower() in CROWD_NOUNS for v in near for s in ctx.subject(v.i))


def street_clash(ctx: Context, d: Draft) -> bool:
    """A clash in a protest ("protesters clash with riot police", "clashes during protests
    across Mexico") is civil unrest, not armed conflict, unless armed forces are named."""
    if d.type is not EventType.COMBAT or ctx.tokens[d.trigger].lemma.lower() != "clash":
        return False
    sent = ctx.parse.sentences[d.sentence]
    if any(ctx.is_military(j) for j in range(sent.start, sent.end)
           if ctx.tokens[j].pos in ("NOUN", "PROPN")):
        return False
    return any(t.lemma.lower() in UNREST_WORDS or t.text.lower() in UNREST_WORDS
               for t in ctx.tokens[sent.start:sent.end])


def figurative_fight(ctx: Context, d: Draft) -> bool:
    """A fight of words, courts or votes ("a Twitter fight", "a custody battle"), or one
    fought *for* a cause or *against* a thing by no armed side ("fighting for Martin Luther
    King Jr. Day to be a holiday", "fight against DRM"), or a killing of animals."""
    if d.type is not EventType.COMBAT:
        return False
    tok = ctx.tokens[d.trigger]
    if _control_of_a_body(ctx, d.trigger):
        return True
    if any(c.lemma.lower() in FIGURATIVE_FIGHT_MODIFIERS or c.text.lower()
           in FIGURATIVE_FIGHT_MODIFIERS for c in ctx.kids(d.trigger, "compound", "amod")):
        return True
    if tok.pos == "VERB" and ctx.subject(d.trigger) and not any(
            ctx.is_military(s) or attacker(ctx, s)
            for s in ctx.subject(d.trigger)):
        objs = ctx.kids(d.trigger, "dobj")
        if objs and all(o.lemma.lower() in ANIMAL_NOUNS for o in objs):
            return True  # "killing animals and eating chicken in public"
        preps = [(p.lemma.lower(), ctx.kids(p.i, "pobj")) for p in ctx.kids(d.trigger, "prep")]
        foes = [o for word, objs_ in preps if word in ("against", "with") for o in objs_]
        armed_foe = any(ctx.np_entities(o.i) or ctx.is_military(o.i)
                        or attacker(ctx, o.i) for o in foes)
        cause = any(word == "for" and not any(ctx.np_entities(o.i) for o in objs_)
                    for word, objs_ in preps)  # but "fighting for Russia"
        if tok.lemma.lower() == "fight" and not objs and (cause or foes) and not armed_foe:
            return True
    return False


def controlled(ctx: Context, i: int) -> list[Token]:
    """What verb ``i`` takes control of ("regains control of Kauda" → Kauda)."""
    return [x for o in ctx.kids(i, "dobj") if o.lemma.lower() == "control"
            for x in ctx.of_objects(o.i)]


def _control_of_a_body(ctx: Context, i: int) -> bool:
    """Control taken of a company, a chamber or a party is won, not fought for ("seize
    control of Nexperia", "took control of the Senate"); of ground, a site or forces it is
    a capture ("regains control of Kauda")."""
    held = controlled(ctx, i)
    bodies = [x for x in held if x.lemma.lower() in INSTITUTION_NOUNS or any(
        c.lemma.lower() in INSTITUTION_NOUNS for c in ctx.kids(x.i, "compound", "appos"))]
    return bool(bodies) or (bool(held) and not any(
        x.lemma.lower() in TERRITORY_NOUNS or ctx.is_military(x.i) or any(
            ctx.type_of(k) in PLACE_TYPES for k, _ in ctx.np_entities(x.i)) for x in held))


def police_or_crime(ctx: Context, d: Draft) -> bool:
    """A police shooting of a person ("the police shooting of Jacob Blake"), an arrest, or
    an attack told as a criminal case ("the suspect in a shooting of protesters") is law
    enforcement or crime, not armed conflict (GUIDELINES: crimes of individuals and
    ordinary arrests are no Combat)."""
    if d.type is not EventType.COMBAT:
        return False
    tok = ctx.tokens[d.trigger]
    if tok.lemma.lower() in DETENTION_VERBS:
        return True  # "police arrest 24 protesters"
    if tok.pos not in ("NOUN", "PROPN"):
        return False
    if any(c.lemma.lower() in INVESTIGATOR_NOUNS for c in ctx.kids(d.trigger, "compound")) \
            and all(ctx.type_of(k) is EntityType.PERSON for k in d.keys([Role.TARGET])):
        return True
    head = ctx.tokens[tok.head]
    if tok.dep == "pobj" and head.lemma.lower() in ("in", "of", "for", "over", "with"):
        return ctx.tokens[head.head].lemma.lower() in CRIME_CASE_NOUNS
    return False


def questioning(ctx: Context, d: Draft) -> bool:
    """Police or investigators talking with someone question a witness or a suspect; a
    visit to a site (a cemetery, a hospital) is no official visit; a state's legislature
    alone sits, it does not meet a foreign party ("The Senate was to meet Monday"; but "the
    annual meeting of the UN General Assembly")."""
    if d.type is not EventType.MEETING:
        return False
    sides = [ctx.tokens[s] for s in ctx.subject(d.head)]
    if any(t.lemma.lower() in INVESTIGATOR_NOUNS or any(
            c.lemma.lower() in INVESTIGATOR_NOUNS for c in ctx.kids(t.i, "compound"))
            for t in sides):
        return True
    if ctx.tokens[d.trigger].lemma.lower() in TRIP_WORDS and any(
            o.lemma.lower() in VISIT_SITE_NOUNS and not ctx.np_entities(o.i)
            for o in ctx.kids(d.trigger, "dobj")):
        return True
    actors = ctx.actors(d)
    if len(actors) != 1:
        return False
    body = ctx.entities[next(iter(actors))]  # a state's own legislature, not the UN's
    return body.type is EntityType.ORGANIZATION and body.part_of is not None and bool(
        set(body.label.lower().split()) & LEGISLATURE_NOUNS)


def market_trade(ctx: Context, d: Draft) -> bool:
    """People buying or selling ("US citizens purchasing guns", "consumers bought fuel"), or
    an actor buying goods other than weapons from no one named ("increasing U.S. strategic
    oil reserve purchases"), trade on a market; no actor transfers anything to another."""
    if d.type is not EventType.TRANSFER:
        return False
    if any(ctx.tokens[s].lemma.lower() in PEOPLE_NOUNS for s in ctx.subject(d.head)):
        return True
    parties = d.keys([Role.AGENT, Role.RECIPIENT, Role.ORIGIN])
    sides = ctx.states(parties) | {k for k in parties if ctx.state_of(k) is None}
    if ctx.tokens[d.trigger].lemma.lower() not in BUYING_WORDS or len(sides) > 1:
        return False  # a seller named: "India buys oil from Russia"
    goods = [t for o in [d.trigger, *(x.i for x in ctx.objects(d.head))]
             for t in ctx.parse.subtree(o)]
    return not any(t.lemma.lower() in WEAPON_NOUNS | MILITARY_NOUNS for t in goods)


def compliance(ctx: Context, d: Draft) -> bool:
    """Cooperating with or helping an investigation is compliance ("Manafort agreed to help
    with Robert Mueller's investigation", "is fully cooperating with the inquiry")."""
    if d.type is not EventType.COOPERATION:
        return False
    heads = [d.trigger, *(c.i for c in ctx.kids(d.trigger, "xcomp"))]
    return any(o.lemma.lower() in INQUIRY_NOUNS for h in heads for p in ctx.kids(h, "prep")
               if p.lemma.lower() in ("with", "in") for o in ctx.kids(p.i, "pobj"))


def hostile_pledge(ctx: Context, d: Draft) -> bool:
    """A vow or promise to act against someone is a threat, no pledge of cooperation
    ("Democrats vowed to investigate Pompeo", "promised to punish the attackers")."""
    return d.type is EventType.COOPERATION and any(
        c.lemma.lower() in HOSTILE_VERBS for c in ctx.kids(d.trigger, "xcomp"))


def as_threat(ctx: Context, d: Draft) -> None:
    """A vow or promise to act against someone is a threat: a Statement of its maker
    (CAMEO 130) against whom the act would hit ("Iran vowed to retaliate against the
    United States", "Khamenei vows to avenge the martyrs")."""
    if not hostile_pledge(ctx, d):
        return
    d.type, d.cameo, d.cue = EventType.STATEMENT, "130", ctx.tokens[d.trigger].lemma
    d.condition = Condition.NONE  # a pledge's two parties are no condition of a threat
    makers = {k for s in ctx.subject(d.trigger) for k, _ in ctx.np_entities(s)}
    old, d.args = d.args, []
    for a in old:
        if a.role.is_place:
            continue
        d.add(Role.SPEAKER if a.entity in makers else Role.TARGET, a.entity, a.mention)
    for x in ctx.kids(d.trigger, "xcomp"):  # "to retaliate against the United States"
        for p in ctx.kids(x.i, "prep"):
            if p.lemma.lower() in ("against", "on"):
                for o in ctx.kids(p.i, "pobj"):
                    for key, m in ctx.np_entities(o.i):
                        d.add(Role.TARGET, key, m)


def halted_fight(ctx: Context, d: Draft) -> bool:
    """Halting or ending a fight is no sanction ("require the president to halt military
    action against Iran", "suspended its strikes on Gaza"): the object is itself an armed
    act, whose end is the fight's, not a measure against its target. Nor is blocking or
    suspending a resolution or a law ("Russia blocked a UN resolution on Syria"), nor a
    court's halting anything (a ruling)."""
    if d.type is not EventType.SANCTION or ctx.tokens[d.trigger].pos not in ("VERB", "AUX"):
        return False
    if ctx.tokens[d.trigger].lemma.lower() not in HALT_VERBS | ENDING_VERBS:
        return False
    subjects = [t for s in ctx.subject(d.trigger) for t in (s, *(c.i for c in ctx.kids(s, "conj")))]
    if any(ctx.tokens[t].lemma.lower() in JUDICIAL_NOUNS for t in subjects):
        return True  # "the high court blocks the extradition of X to the US": a ruling
    for o in ctx.objects(d.trigger):
        low = o.lemma.lower()
        if low in LEGISLATION_NOUNS:
            return True  # "Russia blocked a resolution on Syria": a vote, no measure
        if noun_class(low) is EventType.COMBAT or (
                low in OPERATION_NOUNS and any(  # not "air links"
                    c.lemma.lower() in OPERATION_MODIFIERS
                    for c in ctx.kids(o.i, "amod", "compound"))):
            return True
    return False


def verbal_attack(ctx: Context, d: Draft) -> bool:
    """An attack on something *as* something is criticism, not combat ("attacking the
    subpoena as a political strategy", "attacked the plan as reckless"), unless the "as"
    gives the act's purpose ("struck the base as part of a campaign")."""
    tok = ctx.tokens[d.trigger]
    return d.type is EventType.COMBAT and tok.pos == "VERB" and any(
        p.lemma.lower() == "as" and ctx.kids(p.i, "pobj", "amod", "acomp") and not any(
            o.lemma.lower() in PURPOSE_NOUNS for o in ctx.kids(p.i, "pobj"))
        for p in ctx.kids(d.trigger, "prep"))


def tidy_roles(ctx: Context, d: Draft) -> None:
    """Roles that contradict the event's own: a statement is not addressed to its speaker
    ("Russia announced its withdrawal"), and a sanction does not hit its own state when it
    names another target ("expelled the Libyan ambassador to Greece", "bans US airlines'
    flights to Cuban airports"); a place named as a side of a fight or a party of a meeting
    is where it happens ("the El Paso shooting", "a Kabul car bombing", "the Johannesburg
    summit", "agreed to move its embassy to Jerusalem")."""
    if d.type in (EventType.COMBAT, EventType.MEETING, EventType.COOPERATION):
        sides = (Role.AGENT, Role.TARGET, Role.PARTICIPANT)
        args, d.args = d.args, []
        for a in args:  # Draft.add keeps one argument per entity and role
            place = a.role in sides and ctx.type_of(a.entity) is EntityType.PLACE
            d.add(Role.LOCATION if place else a.role, a.entity, a.mention)
    if d.type is EventType.APPEAL and _asked_without_asker(ctx, d.trigger):
        # "Trump, when asked to condemn them, said ...": Trump is asked, not asking
        d.args = [replace(a, role=Role.ADDRESSEE) if a.role is Role.AGENT else a
                  for a in d.args]
    maker = {EventType.STATEMENT: Role.SPEAKER, EventType.APPEAL: Role.AGENT}.get(d.type)
    if maker is not None:  # no statement to, nor demand of, oneself ("arguing that he
        # should be immune")
        makers = d.keys([maker])
        d.args = [a for a in d.args if a.role is not Role.ADDRESSEE or a.entity not in makers]
    if d.type is EventType.STATEMENT:
        _affiliations_are_no_speakers(ctx, d)
    if d.type is EventType.SANCTION:
        own = ctx.states(d.keys([Role.AGENT]))
        targets = [a for a in d.args if a.role is Role.TARGET]
        foreign = [a for a in targets if a.entity is not None
                   and ctx.state_of(a.entity) not in own]
        if own and foreign and len(foreign) < len(targets):
            d.args = [a for a in d.args if a.role is not Role.TARGET or a in foreign]


def _affiliations_are_no_speakers(ctx: Context, d: Draft) -> None:
    """The body or person in a speaker's appositive title is her affiliation, not a second
    speaker ("Sadie Weiner, Hagan's former spokeswoman, said", "Vijay Goel, a member of
    the Rajya Sabha, said")."""
    persons = [range(a.mention.start, a.mention.end) for a in d.args
               if a.role is Role.SPEAKER and a.mention is not None
               and ctx.type_of(a.entity) is EntityType.PERSON]

    def described(start: int) -> bool:
        return any(t.dep == "appos" and any(t.head in r for r in persons)
                   for t in [ctx.tokens[start], *ctx.parse.ancestors(start)])

    d.args = [a for a in d.args if a.role is not Role.SPEAKER or not persons
              or a.mention is None or any(a.mention.start in r for r in persons)
              or not described(a.mention.start)]


def _asked_without_asker(ctx: Context, i: int) -> bool:
    """Token ``i`` is a bare participle of asking in an adverbial clause ("when asked to
    condemn them"): its borrowed subject is the one asked."""
    tok = ctx.tokens[i]
    return tok.tag == "VBN" and tok.dep in ("advcl", "acl") and not ctx.kids(
        i, "nsubj", "nsubjpass", "agent", "auxpass")


def question(ctx: Context, d: Draft) -> bool:
    """The draft's sentence asks rather than reports: it ends with a question mark."""
    sent = ctx.parse.sentences[d.sentence]
    last = next((t for t in reversed(ctx.tokens[sent.start:sent.end])
                 if t.text.strip() and t.text not in ('"', "'", "”", "’", ")")), None)
    return last is not None and last.text.endswith("?")
