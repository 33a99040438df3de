"""Factuality and attribution of an event, and the quote of a statement."""

from __future__ import annotations

from kg.events.context import (
    NOUN_POS,
    SUBJ,
    VERB_POS,
    Context,
    Draft,
    anchor_tokens,
)
from kg.events.lexicon import (
    CONCLUDING_VERBS,
    ESTIMATE_WORDS,
    GRANTING_VERBS,
    PLAN_NOUNS,
    PLANNED_HEADS,
    PLANNED_MOD,
    POSSIBLE_ADV,
    POSSIBLE_AUX,
    POSSIBLE_HEADS,
    POSSIBLE_MOD,
    REFUSAL_VERBS,
    REPORTED_ADV,
    VERBS,
    WAR_STATE_NOUNS,
    WISH_VERBS,
)
from kg.gazetteer import SPEECH_VERBS
from kg.lexicon import phrase_table
from kg.model import (
    EntityType,
    EventType,
    Modality,
    Polarity,
    Role,
)

# --------------------------------------------------------------------------- factuality


def set_factuality(ctx: Context, d: Draft) -> None:
    """Set modality, polarity and attribution from the cues around the trigger.

    Local cues win over attribution: may/might/could, potential/possible, likely, "high
    likelihood" → Possible; will, expected/scheduled/set/plans to, future/upcoming →
    Planned. Otherwise reportedly/allegedly, "according to X", or a complement clause of a
    speech verb ("X said that ...") → Reported (attributed to X); of "estimate" → Estimated.
    Negation ("not", "never", "no") or a denial verb → Negative.
    """
    start = d.head
    chain, above = ctx.clause_chain(start)
    if d.light is not None:
        chain = [d.trigger, *chain]
    toks = ctx.tokens
    possible = planned = reported = estimated = False
    negative = False
    attributed: str | None = None
    if d.type is not EventType.STATEMENT:
        framed = _frame(ctx, d, chain)
        if framed is not None:
            negative = negative or framed[0]
            if framed[1] is not None:
                reported = True
                attributed = framed[1]
    outer = False  # past an adverbial or relative clause: "After Iran attacked the base,
    # the US did not respond" denies the response, not the attack
    for k, j in enumerate(chain):
        tok = toks[j]
        low = tok.lemma.lower()
        # "agreed to send" plans the sending; a phrase hung on the head is no content of it
        # ("in the November 27 deal, X and Y agreed on a line"), nor what a phrase of its
        # object holds ("authorizes a manhunt for those involved in the attack")
        adjunct = k > 0 and ((toks[chain[k - 1]].dep == "prep"
                              and toks[chain[max(k - 2, 0)]].pos not in VERB_POS) or any(
            toks[c].dep == "pobj" for c in chain[1:k]))  # but "approves a deal to export",
        # "agrees to loan" (a verb the parser took for the preposition's object)
        if j != d.trigger and low in PLANNED_HEADS and tok.pos in ("VERB", "ADJ", "AUX") \
                and not adjunct and not (d.type is EventType.APPEAL and low in GRANTING_VERBS):
            # "approved the deployment" plans it; "approved the request" answers one made
            planned = True
        if j != d.trigger and low in ESTIMATE_WORDS:
            estimated = True
        asked = VERBS.get(low)
        if k > 0 and asked is not None and asked.type is EventType.APPEAL and \
                d.type is not EventType.APPEAL and tok.pos in VERB_POS and (
                toks[chain[k - 1]].dep in ("xcomp", "ccomp") or _asked_for(ctx, d, chain[:k])):
            possible = True  # "urged Russia to withdraw its troops": asked for, not done
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
            elif (c.dep == "neg" or (c.dep == "det" and ct == "no" and j == d.trigger)) \
                    and not outer and not (j == d.trigger and d.type is EventType.APPEAL
                                           and low in WISH_VERBS):
                # ("did not want the U.S. to involve itself": a wish that it keep out)
                # "has not answered X's request": the answer is negated, not the request
                if not (d.light is None and j == toks[d.trigger].head and j != d.trigger
                        and toks[d.trigger].pos in ("NOUN", "PROPN")
                        and toks[d.trigger].dep in ("dobj", "pobj")):
                    negative = True
            elif c.dep == "prep" and ct == "according":
                reported = True
                for o in (o for p in ctx.kids(c.i, "prep") for o in ctx.kids(p.i, "pobj")):
                    ents = ctx.np_entities(o.i)
                    if ents and attributed is None:
                        attributed = ents[0][0]
                if attributed is None:  # the parser took X out of "according to X, ..."
                    k = c.i + 1
                    while k < len(toks) and toks[k].text != "," and toks[k].sent == toks[c.i].sent:
                        if k in ctx.at:
                            attributed = ctx.at[k][0]
                            break
                        k += 1
            elif c.dep in SUBJ and any(g.lemma.lower() == "no" and g.dep == "det"
                                       for g in ctx.parse.children(c.i)):
                negative = True
        if any(c.dep == "mark" and c.lemma.lower() in ("whether", "if")
               for c in ctx.parse.children(j)):
            possible = True  # "did not say whether it received X": open, not denied
            break
        if tok.dep == "relcl" or (tok.dep == "advcl" and toks[tok.head].pos in VERB_POS):
            outer = True  # also a relative clause on a noun ("until August 7, when X tweeted")
    inf = _infinitive(ctx, start)
    to_do = inf is not None
    if inf is not None and _for_someone(ctx, inf):
        planned = True  # "an agreement for the Syrian Army to enter": not yet done
    for a in ctx.parse.ancestors(start):
        if a.lemma.lower() in POSSIBLE_HEADS and a.pos in ("NOUN", "ADJ"):
            possible = True
        if to_do and a.lemma.lower() in PLAN_NOUNS and a.pos in NOUN_POS and \
                d.type is not EventType.STATEMENT:
            planned = True  # "a plan to withdraw 5,000 troops", "a resolution to expel"
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
        above_trigger = VERBS.get(low)
        if low in PLANNED_HEADS and above.pos in VERB_POS:
            planned = True  # "Obama wants Putin to attack Switzerland"
        if low in POSSIBLE_HEADS:
            possible = True
        if above_trigger is not None and above_trigger.negative and above.pos in VERB_POS:
            negative = True  # "denied that its troops had crossed the border"
        if above_trigger is not None and above_trigger.type is EventType.APPEAL and \
                above.pos in VERB_POS and d.type is not EventType.APPEAL:
            possible = True  # "recommended the troops withdraw": asked for, not done
        if low in SPEECH_VERBS or low in ESTIMATE_WORDS or (
                above_trigger is not None and above_trigger.type is EventType.STATEMENT):
            said_by = ctx.subject(above.i)
            speakers = [k for s in said_by for k, _ in ctx.np_entities(s)]
            # an unnamed source reports too ("the ministry said Israeli aircraft struck")
            if said_by or low in ESTIMATE_WORDS:
                if low in ESTIMATE_WORDS:
                    estimated = True
                else:
                    reported = True
                if speakers and attributed is None:
                    attributed = speakers[0]
    if d.negative:  # "denied", "rejected", "vetoed", "a denial"
        negative = True
    if _under_way(ctx, d):
        possible = planned = negative = False
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


def _infinitive(ctx: Context, i: int) -> int | None:
    """The to-infinitive verb ``i`` is or is coordinated with ("to enter and deploy")."""
    head = ctx.tokens[i]
    if ctx.to_infinitive(i):
        return i
    return head.head if head.dep == "conj" and ctx.to_infinitive(head.head) else None


def _for_someone(ctx: Context, inf: int) -> bool:
    """Infinitive ``inf`` is what someone is *for* to do ("an agreement for the Syrian Army
    to enter", "it is time for Russia to withdraw")."""
    return any(t.lemma.lower() == "for" and (t.dep == "mark" or any(
        o.i == inf - 2 for o in ctx.kids(t.i, "pobj")))
        for t in ctx.tokens[max(0, inf - 6):inf - 1])


def _asked_for(ctx: Context, d: Draft, below: list[int]) -> bool:
    """The event noun is what the verb above ``below`` asks for ("demands the withdrawal
    of Israeli troops", "calls for a ceasefire", "requested North Korean assistance")."""
    tok = ctx.tokens[d.trigger]
    if d.light is not None or tok.pos not in NOUN_POS or below[0] != d.trigger:
        return False
    return (below == [d.trigger] and tok.dep == "dobj") or (
        len(below) == 2 and tok.dep == "pobj" and ctx.tokens[below[1]].lemma.lower() == "for")


def _under_way(ctx: Context, d: Draft) -> bool:
    """A war or a fight named definitely is under way whatever plan, doubt or denial
    frames it ("talks to end the Iran war", "will not intervene in the Israel–Hezbollah
    conflict"); not "a war", "the coming war", "a possible conflict"."""
    tok = ctx.tokens[d.trigger]
    if d.type is not EventType.COMBAT or d.light is not None or tok.pos not in NOUN_POS \
            or tok.lemma.lower() not in WAR_STATE_NOUNS:
        return False
    mods = ctx.kids(d.trigger, "det", "poss", "amod", "compound")
    if tok.dep == "appos":  # "the Israel–Hezbollah conflict" read as "the Israel, conflict"
        mods += ctx.kids(tok.head, "det", "poss")
    return any(m.dep == "poss" or m.lemma.lower() == "the" for m in mods) and not any(
        m.text.lower() in PLANNED_MOD | POSSIBLE_MOD for m in mods)


def _frame(ctx: Context, d: Draft, chain: list[int]) -> tuple[bool, str | None] | None:
    """(negative, source) of the verb that frames the event as its content, in its own
    clause: "refused to withdraw", "rejected talks" (negative), "accused Minsk of smuggling
    rifles" (the accuser's claim), "Pakistan denies the attack" (a denied claim); not
    adjuncts ("At a meeting with X, Lula announced ...")."""
    toks = ctx.tokens
    anchors = anchor_tokens(d)
    for k in range(1, len(chain)):
        j, below = chain[k], toks[chain[k - 1]]
        verb = toks[j]
        if j in anchors or verb.pos not in VERB_POS:
            continue
        entry = VERBS.get(verb.lemma.lower())
        speech = verb.lemma.lower() in SPEECH_VERBS
        denial = entry is not None and entry.cameo == "016"  # "deny"
        if below.dep == "xcomp" and speech and not ctx.is_passive(j):
            # "Israel's military claims to have killed a militant": its claim
            speakers = [key for s in ctx.subject(j) for key, _ in ctx.np_entities(s)]
            if speakers:
                return denial, speakers[0]
        if below.dep == "xcomp":  # "refused to withdraw its troops"
            return (entry is not None and entry.negative), None
        # what is rejected did not happen, unless another made it
        if below.dep == "dobj" and below.i in anchors and not denial and (
                verb.lemma.lower() in REFUSAL_VERBS or any(
                    (p := phrase_table().get((verb.lemma.lower(), c.lemma.lower())))
                    is not None and p.negative for c in ctx.kids(j, "prt"))) and \
                not _made_by_another(ctx, d, below.i):
            return True, None  # "Iran rejected negotiations", "ruled out a withdrawal"
        content = (below.dep == "prep" and below.lemma.lower() in ("of", "for", "about", "over")
                   ) or (below.dep == "dobj" and (below.i in anchors or below.lemma.lower()
                                                  in POSSIBLE_HEADS))
        if not content or not (speech or denial):
            return None
        speakers = [key for s in ctx.subject(j) for key, _ in ctx.np_entities(s)]
        return denial, (speakers[0] if speakers else None)
    return None


def _made_by_another(ctx: Context, d: Draft, noun: int) -> bool:
    """The act noun ``noun`` names who made it ("an offer by Russia", "Russia's proposal",
    "a U.S. request") or says it was made ("the agreement signed by Israel and Lebanon");
    a place it is from is no maker ("a withdrawal from Kosovo")."""
    places = set(d.keys([Role.ORIGIN, Role.LOCATION]))
    return bool(ctx.kids(noun, "poss")) or any(
        a.lemma.lower() in CONCLUDING_VERBS and a.tag == "VBN" for a in ctx.kids(noun, "acl")
    ) or any(
        ctx.type_of(k) is not EntityType.PLACE
        for m in ctx.kids(noun, "compound", "amod", "nmod") for k, _ in ctx.np_entities(m.i)
    ) or any(
        ctx.type_of(k) is not EntityType.PLACE and k not in places
        for p in ctx.kids(noun, "prep") if p.lemma.lower() in ("by", "from")
        for o in ctx.kids(p.i, "pobj") for k, _ in ctx.np_entities(o.i))


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


def quote_of(ctx: Context, d: Draft) -> str | None:
    sent = ctx.parse.sentences[d.sentence]
    found = _quotes_in(ctx.parse.span_text(sent.span))
    if not found and d.sentence + 1 < len(ctx.parse.sentences):
        nxt = ctx.parse.sentences[d.sentence + 1]
        text = ctx.parse.span_text(nxt.span).lstrip()
        if text[:1] in ('"', "“"):
            found = _quotes_in(text)
    return " … ".join(found) if found else None
