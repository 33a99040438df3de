"""Words that point back at an entity named earlier: pronouns ("he said", "its troops")
and bare definite descriptions of places ("the city", "the camp").

Each one found becomes a mention of that entity (label ``PRON`` or ``DEF``), so the
entity's evidence covers every place the text speaks of it and event finding reads "he"
as the person it stands for. Nothing is added when no earlier entity fits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.gazetteer import GOVERNMENT_NOUNS, REGION_WORDS, TITLE_WORDS, wordset
from kg.lexicon import words
from kg.model import EntityType, Mention, Parse, Span, Token
from kg.resolve._drafts import DEFINITE_LABEL, PRONOUN_LABEL, Draft, token_index
from kg.resolve._quotes import quotation_speakers

__all__ = ["DEFINITE_LABEL", "PRONOUN_LABEL", "anaphora_mentions"]


_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
_MASCULINE = wordset("he him his himself")
_FEMININE = wordset("she her hers herself")
_NEUTER = wordset("it its itself")
_PLURAL = wordset("they them their themselves")
_PERSON = (EntityType.PERSON,)
_BODY = (EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.MILITARY_FORCE)
_GROUP = (EntityType.ORGANIZATION, EntityType.MILITARY_FORCE)  # "they" is rarely a state
#: Verbs whose subject "it" is usually a dummy ("it is", "it seems", "it takes").
_DUMMY_IT_VERBS = words("dummy_it_verbs")
#: Common nouns for a person, which "he"/"she" may refer to instead of a named one.
_PERSON_NOUNS = TITLE_WORDS | words("person_common_nouns")
#: How many sentences back a pronoun (a definite description) may reach.
_PRONOUN_REACH = 2
_DEFINITE_REACH = 4
#: Place nouns that refer back to the latest place mentioned ("the city" → Mosul);
#: facility nouns need an earlier place named with that word ("the camp" → "Camp
#: Ashraf", "Zaatari camp").
_SETTLEMENT_NOUNS = words("settlement_nouns")
_FACILITY_NOUNS = words("facility_anaphors")


def anaphora_mentions(parse: Parse, drafts: dict[str, Draft],
                      quotations: Sequence[tuple[int, int]]) -> None:
    """Add pronoun and definite-description mentions to ``drafts`` (in place); a pronoun
    inside one of ``quotations`` does not refer to its speaker."""
    at = token_index(drafts)
    quotes = quotation_speakers(parse, at, drafts, quotations)
    found: dict[int, str] = {}  # pronoun token → key it was resolved to
    genders: dict[str, frozenset[str]] = {}  # key → the pronouns it was first called by
    toks = parse.tokens
    for t in toks:
        low = t.text.lower()
        if t.i in at:
            continue
        key: str | None = None
        label = PRONOUN_LABEL
        if t.pos == "PRON" and (low in _MASCULINE or low in _FEMININE or low in _PLURAL or (
                low in _NEUTER and not _dummy_it(toks, t))):
            quote = next((q for q in quotes if q[0] <= t.i < q[1]), None)
            key = _antecedent(toks, at, drafts, found, t.i, genders, quote)
            if key is not None:
                genders.setdefault(key, _gender(low))
        elif t.pos == "NOUN" and low in _SETTLEMENT_NOUNS | _FACILITY_NOUNS:
            key = _place_antecedent(parse, at, drafts, t) or _place_named_after(
                parse, at, drafts, t)
            label = DEFINITE_LABEL
        elif t.pos == "NOUN" and low in GOVERNMENT_NOUNS:
            key = _government_antecedent(parse, at, drafts, t)
            label = DEFINITE_LABEL
        if key is None:
            continue
        found[t.i] = key
        start = _determiner(parse, t) if label == DEFINITE_LABEL else t.i
        while start < t.i and any(j in at for j in range(start, t.i)):
            start += 1  # "the Iraqi city": not over the mention of Iraq
        span = Span(toks[start].idx, t.idx + len(t.text))
        drafts[key].mentions.append(Mention(span=span, text=parse.text[span.begin:span.end],
                                            label=label, start=start, end=t.i + 1,
                                            sentence=t.sent))


def _determiner(parse: Parse, t: Token) -> int:
    """Where a definite description starts: its "the" ("the Iraqi city")."""
    return min((c.i for c in parse.children(t.i) if c.dep == "det"), default=t.i - 1)


def _kinds(low: str) -> tuple[EntityType, ...]:
    if low in _MASCULINE or low in _FEMININE:
        return _PERSON
    return _BODY if low in _NEUTER else _GROUP


def _gender(low: str) -> frozenset[str]:
    for g in (_MASCULINE, _FEMININE, _NEUTER, _PLURAL):
        if low in g:
            return g
    return frozenset()


def _dummy_it(toks: Sequence[Token], t: Token) -> bool:
    """ "It is clear that...", "it seems", "make it possible": no referent."""
    if t.text.lower() not in ("it", "itself"):
        return False  # "its" always has one
    if t.dep != "nsubj":
        return True  # objects ("make it clear") and passives ("it is hoped") are clauses
    head = toks[t.head]
    return head.lemma.lower() in _DUMMY_IT_VERBS or head.text.lower() in ("'s", "’s")


def _main_clause(toks: Sequence[Token], i: int) -> bool:
    """Token ``i`` is a subject of its sentence's main verb (or of a verb conjoined with
    it), not of a complement or relative clause."""
    verb = toks[toks[i].head]
    while verb.dep == "conj" and verb.head != verb.i:
        verb = toks[verb.head]
    return verb.dep == "ROOT" or verb.head == verb.i


def _antecedent(toks: Sequence[Token], at: dict[int, tuple[str, Mention]],
                drafts: dict[str, Draft], found: dict[int, str], i: int,
                genders: dict[str, frozenset[str]],
                quote: tuple[int, int, str | None] | None) -> str | None:
    """The entity a pronoun at token ``i`` most likely stands for.

    The sentences are searched from the pronoun's own back to two before it; the first
    with an entity of a fitting kind decides, and in it a main-clause subject wins over
    any subject, which wins over the nearest. A pronoun of the same kind already resolved
    counts as its entity ("He said...; '...', he added"); a person already called "he"
    is not a "she"; inside a quotation, its speaker is not "he" ('"He was a hero,"
    Affleck said'). A common noun that could be the
    referent, met first, stops the search ("the deployment ... it could", "officials
    said they"): nothing is better than a wrong entity.
    """
    low = toks[i].text.lower()
    kinds = _kinds(low)
    same = _gender(low)
    sent = toks[i].sent
    best: tuple[int, str] | None = None  # (rank, key) in the sentence being searched
    j = i - 1
    rival_subject = False  # a common-noun subject in the sentence being searched
    while j >= 0 and toks[j].sent >= sent - _PRONOUN_REACH:
        if toks[j].sent != toks[j + 1].sent:
            if best is not None:  # the nearest sentence with a candidate decides
                return None if rival_subject and best[0] == 0 else best[1]
            rival_subject = False
        hit = at.get(j)
        if hit is not None and drafts[hit[0]].type in kinds and not (
                kinds is not _PERSON and _inside_noun_phrase(toks, hit[1])) and (
                kinds is not _GROUP or _plural(drafts[hit[0]])) and (
                genders.get(hit[0], same) == same) and not (
                quote is not None and _speaking(toks, hit, quote)):
            key, m = hit
            subj = [k for k in range(m.start, m.end) if toks[k].dep in _SUBJ]
            rank = 2 if subj and _main_clause(toks, subj[0]) else 1 if subj else 0
            if subj and _says_of_itself(toks, subj[0], i):
                rank = 4  # "Iran said that it has targeted the base"
            if low in _NEUTER and drafts[key].type is EntityType.MILITARY_FORCE and \
                    toks[m.end - 1].tag == "NNS":
                j = m.start - 1  # "American forces" are no "it" ("the Sudanese Armed
                # Forces says it" is)
                continue
            if best is None or rank > best[0]:
                best = (rank, key)
            j = m.start - 1
            continue
        if hit is None and j in found and toks[j].text.lower() in same:
            rank = 3 if toks[j].dep in _SUBJ and _main_clause(toks, j) else 0
            if best is None or rank > best[0]:
                best = (rank, found[j])
        elif hit is None and _rival(toks[j], low):
            if best is None:
                return None
            rival_subject = rival_subject or toks[j].dep in _SUBJ
        j -= 1
    if best is not None and rival_subject and best[0] == 0:
        return None  # "The deployment worried Finland, and it could..."
    return best[1] if best is not None else None


def _says_of_itself(toks: Sequence[Token], subj: int, i: int) -> bool:
    """The pronoun at ``i`` is the subject of what the subject at ``subj`` says ("Iran
    said that it has targeted ...")."""
    verb = toks[toks[i].head]
    return toks[i].dep in _SUBJ and verb.dep == "ccomp" and verb.head != verb.i and \
        verb.head == toks[subj].head


def _speaking(toks: Sequence[Token], hit: tuple[str, Mention],
              quote: tuple[int, int, str | None]) -> bool:
    """The candidate is the quotation's speaker, or named outside it in its sentence."""
    start, end, speaker = quote
    m = hit[1]
    if hit[0] == speaker:
        return True
    return not start <= m.start < end and toks[m.start].sent in (
        toks[start].sent, toks[end - 1].sent)


def _plural(d: Draft) -> bool:
    """An entity "they" can stand for: a force, or a body named in the plural ("the
    Syrian Democratic Forces", "the United Nations"); "the Selective Service System" is
    an "it"."""
    if d.type is EntityType.MILITARY_FORCE:
        return True
    head = d.label.split()[-1] if d.label.split() else ""
    return head.endswith("s") and not head.endswith("ss") and head[:1].isupper()


def _inside_noun_phrase(toks: Sequence[Token], m: Mention) -> bool:
    """The mention only modifies a common noun ("the alliance between North Korea and
    Russia ... it"): the pronoun more likely means that noun."""
    t = toks[m.end - 1]
    while t.dep == "conj" and t.head != t.i:
        t = toks[t.head]
    if t.dep != "pobj" or t.head == t.i:
        return False
    prep = toks[t.head]
    return prep.head != prep.i and toks[prep.head].pos == "NOUN"


def _rival(t: Token, pronoun: str) -> bool:
    """A common noun the pronoun could refer to instead of a named entity."""
    if t.pos == "PROPN" and t.dep == "dobj" and pronoun in _NEUTER:
        return True  # a named thing that is no entity: "disabled the tanker M/T Belma as
        # it was heading"
    if t.pos != "NOUN" or t.dep not in _SUBJ | {"dobj", "pobj"}:
        return False
    if pronoun in _MASCULINE or pronoun in _FEMININE:
        return t.dep in _SUBJ and t.text.lower() in _PERSON_NOUNS
    return t.tag == ("NNS" if pronoun in _PLURAL else "NN")


def _bare_definite(parse: Parse, t: Token) -> bool:
    """ "the city", "the regime": the noun with "the" and no modifier or "of" phrase."""
    toks = parse.tokens
    if t.i == 0 or toks[t.i - 1].text.lower() != "the" or toks[t.i - 1].head != t.i:
        return False
    if any(c.dep in ("compound", "amod", "poss", "nmod", "nummod") for c in parse.children(t.i)):
        return False  # "the ancient city", "the city's", "the refugee camp"
    return not any(c.dep == "prep" and c.text.lower() == "of" for c in parse.children(t.i))


def _government_antecedent(parse: Parse, at: dict[int, tuple[str, Mention]],
                           drafts: dict[str, Draft], t: Token) -> str | None:
    """The government a bare "the regime" / "the government" refers back to: the latest
    state government named in this or the four previous sentences."""
    if not _bare_definite(parse, t):
        return None
    return _latest_before(parse, at, t, lambda key: (
        drafts[key].type is EntityType.ORGANIZATION and key.endswith("-government")
        and drafts[key].part_of is not None))


def _place_named_after(parse: Parse, at: dict[int, tuple[str, Mention]],
                       drafts: dict[str, Draft], t: Token) -> str | None:
    """ "the city of Mosul", "the Iraqi city of Mosul": the description names the place
    of its "of" phrase."""
    if t.lemma.lower() not in _SETTLEMENT_NOUNS or t.i == 0:
        return None
    first = min((c.i for c in parse.children(t.i) if c.dep == "det"), default=None)
    if first is None or parse.tokens[first].text.lower() != "the":
        return None
    for of in parse.children(t.i):
        if of.dep == "prep" and of.text.lower() == "of":
            for obj in parse.children(of.i):
                hit = at.get(obj.i) if obj.dep == "pobj" else None
                if hit is not None and drafts[hit[0]].type is EntityType.PLACE:
                    return hit[0]
    return None


def _place_antecedent(parse: Parse, at: dict[int, tuple[str, Mention]],
                      drafts: dict[str, Draft], t: Token) -> str | None:
    """The place a bare "the city" / "the camp" refers back to: the latest place named in
    this or the four previous sentences (for a facility noun, the latest whose name ends
    in that noun)."""
    if not _bare_definite(parse, t):
        return None  # "the city of Mosul" is a name
    low = t.lemma.lower()

    def fits(key: str) -> bool:
        d = drafts[key]
        return d.type is EntityType.PLACE and (
            (low in _SETTLEMENT_NOUNS and _settlement(d))
            or any(_named_for(n, low) for n in (d.label, *d.aliases)))

    return _latest_before(parse, at, t, fits)


def _latest_before(parse: Parse, at: dict[int, tuple[str, Mention]], t: Token,
                   fits: Callable[[str], bool]) -> str | None:
    """The entity of the latest mention before the description ``t`` ("the" ``t``), in
    this or the four previous sentences, that ``fits``."""
    toks = parse.tokens
    j = t.i - 2
    while j >= 0 and toks[j].sent >= t.sent - _DEFINITE_REACH:
        hit = at.get(j)
        if hit is not None:
            key, m = hit
            if fits(key):
                return key
            j = m.start
        j -= 1
    return None


def _named_for(name: str, noun: str) -> bool:
    words = name.lower().split()
    return bool(words) and noun in (words[0], words[-1])


def _settlement(d: Draft) -> bool:
    """A place that can be called "the city": a gazetteer city, or a name that is not a
    region ("Kursk region", "Donbas area")."""
    return d.geonames is not None or d.label.lower().split()[-1] not in REGION_WORDS
