"""Rules run after spaCy's NER: the entity spans an analyst would mark.

:func:`refine_entities` rewrites ``doc.ents`` in place, in one linear pass per rule:

- state forces: a demonym or a state (possessive) followed by a force noun becomes one
  ``FORCE`` span ("North Korean troops", "Israeli army units", "Russia's forces"); named
  units ("82nd Airborne Division", "Israel Defense Forces", ORG spans ending in Army, Corps,
  Brigade...) become ``FORCE`` too;
- governments: a state, or a leader who belongs to one, followed by a government noun is
  one ``ORG`` span ("the Iraqi government", "the Syrian regime", "the Asad regime");
- frequent actors and places of ``kg/data/actors.tsv`` missed by the model are added
  ("Kremlin", "Korean Peninsula", "Africa Corps");
- places: a city tagged ``PRODUCT``/``WORK_OF_ART``/``EVENT``/``LAW`` becomes ``GPE``;
  "Kursk region" / "Kursk area" / "Donetsk Oblast" become one ``LOC`` span;
- model errors: a department word read as ``ORG`` inside a title ("U.S. Defense Secretary",
  "Secretary of State") is dropped; an ``ORG`` that glues a demonym to a known body
  ("Ukrainian U.N.") is split; a surname of a person named in the article read as ``GPE``
  or ``ORG`` ("Kyslytsya stated") becomes ``PERSON``.

Other labels (DATE, TIME, CARDINAL, QUANTITY, MONEY, PERCENT, ORDINAL...) are kept as is.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from kg import gazetteer
from kg.gazetteer import (
    CIVILIAN_WORDS,
    DEPARTMENT_WORDS,
    FORCE_MODIFIERS,
    FORCE_NOUNS,
    GOVERNMENT_ADJECTIVES,
    GOVERNMENT_NOUNS,
    MILITARY_WORDS,
    NOT_NAMES,
    REGION_WORDS,
    STATE_BODY_NOUNS,
    TITLE_WORDS,
    UNIT_WORDS,
    WEAK_UNIT_WORDS,
    wordset,
)
from kg.lexicon import words

__all__ = ["FORCE", "refine_entities"]

#: kg's own label for armed forces and military units.
FORCE = "FORCE"

_MISREAD_AS_THING = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_LOCATIVE = wordset("in at near from to into outside around")
_PLACE_PREPOSITIONS = wordset("in near outside around into towards toward")
_PLACE_NOUNS = words("place_nouns")
_FACILITY_NOUNS = words("facility_nouns")
#: "west of X", "the outskirts of X", "a portion of X": X is a place.
_AREA_OF = words("area_words")
#: "a portion of X": X is a place when the model read it as a person.
_PART_OF = words("part_words")
#: "on the way to X", "the road to X".
_WAY_TO = words("way_nouns")
#: Nouns that end the name of a body, never of a person.
_BODY_HEADS = words("body_heads")
_HELD = re.compile(r"-(?:held|controlled|occupied|besieged)$")
_GEO_FEATURES = words("geo_features")
_LATIN = re.compile(r"[A-Za-z]")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_NAME_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC", FORCE})
_ACTOR_LABELS = {
    "Organization": "ORG",
    "Place": "LOC",
    "MilitaryForce": FORCE,
    "Person": "PERSON",
}

_Ent = tuple[int, int, str]  # start, end (token indexes), label


@cache
def _actor_matcher(vocab: Vocab) -> PhraseMatcher:
    """A case-sensitive matcher of the names in the tables (built once per vocab)."""
    from spacy.lang.en import English

    tokenizer = English().tokenizer
    matcher = PhraseMatcher(vocab, attr="ORTH")
    for a in gazetteer._actor_index().by_key.values():
        names = {a.label, *a.aliases}
        # Short all-lower or all-caps acronyms like "IS" or "AU" are too ambiguous to add
        # where the model saw nothing; they still resolve when the model tags them.
        # "Israeli army", "Russia's Africa Corps": the force rules read the demonym.
        pats = [Doc(vocab, words=[t.text for t in tokenizer(n)])
                for n in names if (len(n) > 3 or "." in n)
                and not _is_country_word(n.split()[0].removesuffix("'s"))]
        matcher.add(_ACTOR_LABELS[a.type], pats)
    # States, seats of government and demonyms of countries.tsv the model may miss
    # ("Kyiv appealed..."); only added where the model tagged nothing.
    gpe: list[Doc] = []
    norp: list[Doc] = []
    for c in gazetteer.countries():
        if not c.demonyms:  # only the curated rows, not every ISO name
            continue
        for n in (c.label, *c.metonyms, *(x for x in c.aliases if "," not in x)):
            if len(n) > 3 or "." in n:
                gpe.append(Doc(vocab, words=[t.text for t in tokenizer(n)]))
        norp.extend(Doc(vocab, words=[t.text for t in tokenizer(d)]) for d in c.demonyms)
    matcher.add("GPE", gpe)
    matcher.add("NORP", norp)
    return matcher


def _is_country_word(text: str) -> bool:
    return bool(gazetteer.country_by_demonym(text) or gazetteer.country_by_name(text))


def _force_end(doc: Doc, j: int) -> int | None:
    """End of a force phrase starting at token ``j`` ("armed forces", "army units")."""
    last = None
    k = j
    while k < len(doc) and k - j < 4:
        low = doc[k].lower_
        if low in FORCE_NOUNS and doc[k].pos_ in ("NOUN", "PROPN", "ADJ"):
            last = k
        elif low not in FORCE_MODIFIERS:
            break
        k += 1
    if last is None:
        return None
    tok = doc[last]
    # "Russian military resources": the force word only modifies another noun.
    if tok.dep_ in ("amod", "compound", "nmod") and tok.head.i > last:
        return None
    if tok.pos_ == "ADJ" and tok.dep_ != "ROOT" and tok.head.i > last:
        return None
    return last + 1


def _forces(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    out: list[_Ent] = []
    for start, end, label in ents:
        if label not in ("NORP", "GPE"):
            continue
        span = doc[start:end]
        text = span.text
        j = end
        if doc[end - 1].lower_ in ("'s", "’s"):
            text = doc[start:end - 1].text
        elif j < len(doc) and doc[j].lower_ in ("'s", "’s"):
            j += 1
        # a state ("Russian troops") or, for NORP, a people ("Kurdish forces")
        if not (_is_country_word(text) or (label == "NORP" and j == end)):
            continue
        stop = _force_end(doc, j)
        if stop is not None:
            out.append((start, stop, FORCE))
    # Named units: "82nd Airborne Division", "101st Airborne".
    for i, tok in enumerate(doc):
        if _ORDINAL.match(tok.text):
            k = i + 1
            while k < len(doc) and k - i <= 4 and doc[k].is_title:
                if doc[k].lower_ in UNIT_WORDS | WEAK_UNIT_WORDS:
                    out.append((i, k + 1, FORCE))
                    break
                k += 1
    return out


def _governments(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """ "the Iraqi government", "the Syrian regime", "Assad's brutal regime": a state (or a
    leader of the actor table who belongs to one) followed by a government noun is one
    ``ORG`` span, the state's government; "the Syrian opposition" is one ``ORG`` too."""
    out: list[_Ent] = []
    for start, end, label in ents:
        text = doc[start:end].text
        if label in ("NORP", "GPE"):
            if not _is_country_word(text.removesuffix("'s").removesuffix("’s")):
                continue
        elif label == "PERSON":
            known = gazetteer.actor_by_name(text)
            if known is None or known.type != "Person" or known.part_of is None:
                continue
        else:
            continue
        k = end
        if k < len(doc) and doc[k].lower_ in ("'s", "’s"):
            k += 1
        while k < len(doc) and k - end < 3 and doc[k].lower_ in GOVERNMENT_ADJECTIVES:
            k += 1
        if k >= len(doc) or doc[k].pos_ != "NOUN" or not (
                doc[k].lower_ in GOVERNMENT_NOUNS
                or (doc[k].lower_ in STATE_BODY_NOUNS and label != "PERSON")):
            continue
        # "Syrian government forces": the noun only modifies another one
        if doc[k].dep_ in ("compound", "amod", "nmod") and doc[k].head.i > k:
            continue
        out.append((start, k + 1, "ORG"))
    return out


def _clean(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """Drop name spans that name nothing; cut a name at an unclosed parenthesis."""
    out: list[_Ent] = []
    for start, end, label in ents:
        if label in _NAME_LABELS:
            for k in range(start + 1, end):
                if doc[k].text == "(" and ")" not in doc[k:end].text:
                    end = k
                    break
            # "Later the Defense Ministry": a sentence adverb is not part of the name.
            while end - start >= 2 and doc[start].pos_ in ("ADV", "CCONJ", "INTJ"):
                start += 1
            # "Near Palmyra," at a sentence start: the preposition is not part of the
            # name, and what the model read as a person or body there is a place
            if end - start >= 2 and doc[start].lower_ in _LOCATIVE and (
                    doc[start].pos_ == "ADP" or doc[start].is_sent_start):
                start += 1
                if label in ("PERSON", "ORG", "NORP") and gazetteer.actor_by_name(
                        doc[start:end].text) is None:
                    label = "GPE"
            text = doc[start:end].text
            if (not _LATIN.search(text) or text.islower() or "[" in text or "]" in text
                    or gazetteer.normalize(text) in NOT_NAMES
                    # "QUESTION:" in a transcript
                    or (label == "PERSON" and end - start == 1 and text.isupper()
                        and len(text) > 3 and gazetteer.actor_by_name(text) is None)):
                continue
        out.append((start, end, label))
    return out


def _relabel(doc: Doc, ents: list[_Ent], person_surnames: set[str]) -> list[_Ent]:
    persons = {gazetteer.normalize(doc[s:e].text) for s, e, lab in ents
               if lab == "PERSON" and e - s >= 2}
    out: list[_Ent] = []
    for start, end, label in ents:
        span = doc[start:end]
        text = span.text
        name = gazetteer.normalize(text)
        known = gazetteer.actor_by_name(text)
        if label != "PERSON" and label in _NAME_LABELS and (
            (end - start >= 2 and name in persons)  # "Alexei Navalny" tagged ORG once
            or (known is not None and known.type == "Person")  # "the Asad regime"
            or (end - start == 1 and name in person_surnames and not (
                _is_country_word(text) or gazetteer.country_by_metonym(text) or known))
        ):
            out.append((start, end, "PERSON"))
            continue
        # "the Strait of Hormuz" read as "Hormuz" PERSON: one LOC with its feature word.
        if (label in ("PERSON", "ORG", "GPE") and start >= 2 and doc[start - 1].lower_ == "of"
                and doc[start - 2].lower_ in _GEO_FEATURES and doc[start - 2].is_title
                and (not out or out[-1][1] <= start - 2)):
            out.append((start - 2, end, "LOC"))
            continue
        # "Central Command", "the Maintenance Group" read as a person: a body's head noun
        if label == "PERSON" and doc[end - 1].lower_ in _BODY_HEADS and doc[end - 1].is_title:
            out.extend(_org_spans(doc, start, end))
            continue
        glued = _glued_person(doc, start, end) if label in ("ORG", "LOC", "GPE") else None
        if glued is not None:
            out.extend(glued)
            continue
        if label == "ORG" and known is None and _place_like_org(doc, start, end) and (
                _surely_place(doc, start, end) or _in_place_context(doc, start, end,
                                                                   strong=True)
        ) and name not in persons:  # "the town of Dabiq", "ISIL-held Mosul"
            out.append((start, end, "GPE"))
            continue
        if label == "ORG":
            out.extend(_org_spans(doc, start, end))
            continue
        if (label in _MISREAD_AS_THING and gazetteer.city_by_name(text)) or (
                label == "NORP" and _is_city(text)):  # "Aleppo" as NORP
            out.append((start, end, "GPE"))
            continue
        if label in ("ORG", "NORP", "PERSON") and known is None and (
                _surely_place(doc, start, end) or (_in_place_context(doc, start, end)
                                                   and name not in person_surnames
                                                   and name not in persons)):
            out.append((start, end, "GPE"))
            continue
        out.append((start, end, label))
    return out


def _join_of(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """ "The Ministry of Foreign Affairs of" + "Ukraine": one ORG."""
    out: list[_Ent] = []
    for ent in ents:
        if out and out[-1][2] == "ORG" and ent[2] == "GPE" and out[-1][1] == ent[0] and (
                doc[ent[0] - 1].lower_ == "of"):
            out[-1] = (out[-1][0], ent[1], "ORG")
        else:
            out.append(ent)
    return out


def _consistent_places(doc: Doc, ents: list[_Ent], surnames: set[str]) -> list[_Ent]:
    """A name tagged a place somewhere in the article is a place everywhere in it, unless
    it is also a person's name there ("Palmyra" as GPE, then as PERSON)."""
    places = {gazetteer.normalize(doc[s:e].text) for s, e, lab in ents if lab in ("GPE", "LOC")}
    if not places:
        return ents
    persons = {gazetteer.normalize(doc[s:e].text) for s, e, lab in ents
               if lab == "PERSON" and e - s >= 2}
    out: list[_Ent] = []
    for s, e, lab in ents:
        name = gazetteer.normalize(doc[s:e].text)
        if lab in ("PERSON", "ORG") and name in places and name not in surnames and (
                name not in persons):
            lab = "GPE"
        out.append((s, e, lab))
    return out


def _surely_place(doc: Doc, start: int, end: int) -> bool:
    """A name before a place noun ("Maidan Wardak province") or in a phrase locating a
    facility ("a military base in Maidan Shahr") is a place even if read as a person."""
    if end < len(doc) and doc[end].lower_ in _PLACE_NOUNS and doc[end].pos_ == "NOUN" and \
            doc[end].dep_ != "compound" and doc[end - 1].head.i == end:
        return True  # not "a Joe Biden town hall"
    if start == 0 or doc[start - 1].lower_ not in ("in", "near"):
        return False
    if end < len(doc) and doc[end].lower_ in ("'s", "’s"):
        return False
    prep = doc[start - 1]
    return prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in _FACILITY_NOUNS


def _place_like_org(doc: Doc, start: int, end: int) -> bool:
    """An ORG span that could be a misread place: no acronym ("ISIL"), no body word
    ("Council"), not the first part of a compound ("ISIL-held")."""
    span = doc[start:end]
    return not (any(t.text.isupper() or t.lower_ in _BODY_HEADS | CIVILIAN_WORDS
                    for t in span)
                or (end < len(doc) and doc[end].text == "-"))


def _fronted_places(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """ "Near Sinjar, two strikes...", "In Kabul, officials said": capitalised words
    between a sentence-initial locative preposition and a comma name a place."""
    taken = {i for s, e, _ in ents for i in range(s, e)}
    out: list[_Ent] = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if len(toks) < 3 or toks[0].lower_ not in _PLACE_PREPOSITIONS | {"at"}:
            continue
        k = 1
        while k < len(toks) and k <= 4 and toks[k].pos_ == "PROPN" and toks[k].text[:1].isupper():
            k += 1
        if 1 < k < len(toks) and toks[k].text == "," and not any(
                t.i in taken for t in toks[1:k]):
            out.append((toks[1].i, toks[k - 1].i + 1, "GPE"))
    return out


def _in_place_context(doc: Doc, start: int, end: int, *, strong: bool = False) -> bool:
    """After "in"/"near"..., "the city of", "west of", "the way to", "ISIL-held", or
    before ", a city": a name there is a place ("near Karabilah"). ``strong``: not on a
    preposition alone ("in Congress", "on YouTube" name bodies)."""
    if start == 0 or (end < len(doc) and doc[end].lower_ in ("'s", "’s")):
        return False
    prev = doc[start - 1]
    if prev.lower_ in _PLACE_PREPOSITIONS and not strong:
        return True
    if _HELD.search(prev.lower_) or (  # "insurgent-held Karabilah"
            start >= 3 and doc[start - 2].text == "-" and _HELD.search("-" + prev.lower_)):
        return True
    if start >= 2 and (
            (prev.lower_ == "of" and doc[start - 2].lower_ in _AREA_OF)
            or (prev.lower_ == "of" and doc[start - 2].lower_ in _PART_OF and not strong)
            or (prev.lower_ == "to" and doc[start - 2].lower_ in _WAY_TO)):
        return True
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("a", "the") and (
            doc[end + 2].lower_ in _PLACE_NOUNS or (
                end + 3 < len(doc) and doc[end + 3].lower_ in _PLACE_NOUNS)):
        return True  # "Amarah, a city in Southern Iraq"
    # "Mosul and Raqqah": coordinated with a place the model did recognise.
    head = doc[end - 1]
    if strong:  # not "China and Huawei"
        return prev.lower_ == "of" and start >= 2 and doc[start - 2].lower_ in _PLACE_NOUNS
    if head.dep_ == "conj" and head.head.ent_type_ in ("GPE", "LOC"):
        return True
    if any(c.dep_ == "conj" and c.ent_type_ in ("GPE", "LOC") for c in head.children):
        return True
    return (prev.lower_ == "of" and start >= 2
            and doc[start - 2].lower_ in _PLACE_NOUNS)


def _glued_person(doc: Doc, start: int, end: int) -> list[_Ent] | None:
    """ "the Middle East Tobias Ellwood" as one ORG: a known name, then a person's name."""
    if end - start < 3 or start < 2:
        return None
    before = doc[start - 1]
    if not (before.lower_ in TITLE_WORDS or (
            before.lower_ in ("for", "of") and doc[start - 2].lower_ in TITLE_WORDS)):
        return None
    for cut in range(end - 2, start, -1):
        tail = doc[cut:end]
        if not all(t.pos_ == "PROPN" and t.is_title for t in tail) or end - cut > 3 or (
                doc[end - 1].lower_ in _BODY_HEADS):
            continue
        head = doc[start:cut].text
        actor = gazetteer.actor_by_name(head)
        if actor is not None:
            return [(start, cut, _ACTOR_LABELS[actor.type]), (cut, end, "PERSON")]
        if _is_country_word(head):
            return [(start, cut, "GPE"), (cut, end, "PERSON")]
    return None


def _org_spans(doc: Doc, start: int, end: int) -> list[_Ent]:
    span = doc[start:end]
    words = [t.lower_ for t in span if t.lower_ != "the"]
    nxt = doc[end] if end < len(doc) else None
    prev = doc[start - 1] if start > 0 else None
    # "U.S. Defense Secretary": "Defense" is part of a title, not a body.
    if words and all(w in DEPARTMENT_WORDS for w in words) and (
        (nxt is not None and nxt.lower_ in TITLE_WORDS)
        or (prev is not None and prev.lower_ == "of" and start > 1
            and doc[start - 2].lower_ in TITLE_WORDS)
    ):
        return []
    # "Ukrainian U.N." → NORP "Ukrainian" + ORG "U.N.".
    if end - start >= 2 and gazetteer.actor_by_name(span.text) is None:
        for cut in range(start + 1, min(end, start + 3)):
            head = doc[start:cut].text
            if _is_country_word(head) and gazetteer.actor_by_name(doc[cut:end].text):
                lab = "NORP" if gazetteer.country_by_demonym(head) else "GPE"
                return [(start, cut, lab), (cut, end, "ORG")]
    # "in Belgorod" tagged ORG: a known city after a locative preposition.
    if end - start == 1 and prev is not None and prev.lower_ in _LOCATIVE and _is_city(
            span.text):
        return [(start, end, "GPE")]
    return [(start, end, _org_label(words))]


def _is_city(text: str) -> bool:
    """A city of 100,000+ inhabitants that is not also a demonym or a known actor."""
    city = gazetteer.city_by_name(text)
    return (city is not None and city.population >= 100_000
            and gazetteer.country_by_demonym(text) is None
            and gazetteer.actor_by_name(text) is None)


def _org_label(words: list[str]) -> str:
    """ORG spans that name a military body ("the Israel Defense Forces") are FORCE."""
    if len(words) < 2 or "ministry" in words or any(w in CIVILIAN_WORDS for w in words):
        return "ORG"
    if words[-1] in UNIT_WORDS or (
            words[-1] in WEAK_UNIT_WORDS and any(w in MILITARY_WORDS for w in words)):
        return FORCE
    return "ORG"


def _regions(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """ "Kursk region", "Donetsk Oblast": one LOC span for the place and its region word."""
    out: list[_Ent] = []
    for start, end, label in ents:
        if (end < len(doc) and doc[end].lower_ in REGION_WORDS
                and not _is_country_word(doc[start:end].text)
                and (label in ("GPE", "LOC") or _is_city(doc[start:end].text))):
            out.append((start, end + 1, "LOC"))
        else:
            out.append((start, end, label))
    return out


def _merge(base: list[_Ent], extra: list[_Ent], *, replace: bool) -> list[_Ent]:
    """Add ``extra`` spans; where one overlaps base spans, it wins if ``replace`` (or if
    it contains them), else it is dropped."""
    result = list(base)
    for s, e, lab in extra:
        clash = [b for b in result if b[0] < e and s < b[1]]
        if clash and not replace and not all(s <= b[0] and b[1] <= e for b in clash):
            continue
        result = [b for b in result if b not in clash]
        result.append((s, e, lab))
    result.sort()
    return result


def _non_overlapping(ents: list[_Ent]) -> list[_Ent]:
    """Spans spaCy accepts: sorted, non-empty, no two sharing a token (first wins)."""
    out: list[_Ent] = []
    for s, e, lab in sorted(set(ents)):
        if e > s and (not out or out[-1][1] <= s):
            out.append((s, e, lab))
    return out


def refine_entities(doc: Doc) -> Doc:
    """Rewrite ``doc.ents`` with kg's rules (see the module docstring); return ``doc``."""
    ents = _clean(doc, [(e.start, e.end, e.label_) for e in doc.ents])
    # Family name first or last ("Kim Yong-hyun", "Lloyd Austin").
    surnames = {
        gazetteer.normalize(doc[i].text)
        for s, e, lab in ents
        if lab == "PERSON" and e - s >= 2
        for i in (s, e - 1)
    }
    ents = _join_of(doc, ents)
    ents = _relabel(doc, ents, surnames)
    ents = _consistent_places(doc, ents, surnames)
    ents = _regions(doc, ents)
    matches = _actor_matcher(doc.vocab)(doc)
    found = [(s, e, doc.vocab.strings[m]) for m, s, e in matches]
    found = [f for f in found if not any(
        g != f and g[0] <= f[0] and f[1] <= g[1] for g in found)]
    ents = _merge(ents, found, replace=False)
    ents = _merge(ents, _fronted_places(doc, ents), replace=False)
    ents = _merge(ents, _forces(doc, ents), replace=True)
    ents = _merge(ents, _governments(doc, ents), replace=True)
    doc.ents = [SpacySpan(doc, s, e, label=lab) for s, e, lab in _non_overlapping(ents)]
    return doc
