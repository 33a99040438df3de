"""Rules run after spaCy's NER: the entity spans an analyst would mark.

:func:`refine_entities` rewrites ``doc.ents`` in place, in one linear pass per rule:

- state forces: a demonym or a state (possessive) followed by a force noun becomes one
  ``FORCE`` span ("North Korean troops", "Israeli army units", "Russia's forces"); named
  units ("82nd Airborne Division", "Israel Defense Forces", ORG spans ending in Army, Corps,
  Brigade...) become ``FORCE`` too;
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
    DEPARTMENT_WORDS,
    FORCE_MODIFIERS,
    FORCE_NOUNS,
    REGION_WORDS,
    TITLE_WORDS,
    UNIT_WORDS,
    wordset,
)

__all__ = ["FORCE", "refine_entities"]

#: kg's own label for armed forces and military units.
FORCE = "FORCE"

_MISREAD_AS_THING = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_LOCATIVE = wordset("in at near from to into outside around")
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
    """A case-sensitive matcher of the names in ``actors.tsv`` (built once per vocab)."""
    from spacy.lang.en import English

    tokenizer = English().tokenizer
    matcher = PhraseMatcher(vocab, attr="ORTH")
    for a in gazetteer._actor_index().by_key.values():
        names = {a.label, *a.aliases}
        # Short all-lower or all-caps acronyms like "IS" or "AU" are too ambiguous to add
        # where the model saw nothing; they still resolve when the model tags them.
        pats = [Doc(vocab, words=[t.text for t in tokenizer(n)])
                for n in names if len(n) > 3 or "." in n]
        matcher.add(_ACTOR_LABELS[a.type], pats)
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
        if not _is_country_word(text):
            continue
        stop = _force_end(doc, j)
        if stop is not None:
            out.append((start, stop, FORCE))
    # Named units: "82nd Airborne Division", "101st Airborne".
    for i, tok in enumerate(doc):
        if _ORDINAL.match(tok.text):
            k = i + 1
            while k < len(doc) and k - i <= 4 and doc[k].is_title:
                if doc[k].lower_ in UNIT_WORDS:
                    out.append((i, k + 1, FORCE))
                    break
                k += 1
    return out


def _relabel(doc: Doc, ents: list[_Ent], person_surnames: set[str]) -> list[_Ent]:
    out: list[_Ent] = []
    for start, end, label in ents:
        span = doc[start:end]
        words = [t.lower_ for t in span if t.lower_ != "the"]
        nxt = doc[end] if end < len(doc) else None
        prev = doc[start - 1] if start > 0 else None
        if label in ("GPE", "ORG", "NORP", "LOC", "PRODUCT") and end - start == 1:
            name = gazetteer.normalize(span.text)
            if name in person_surnames and not (
                _is_country_word(span.text) or gazetteer.country_by_metonym(span.text)
                or gazetteer.actor_by_name(span.text)
            ):
                out.append((start, end, "PERSON"))
                continue
        if label == "ORG":
            # "U.S. Defense Secretary": "Defense" is part of a title, not a body.
            if words and all(w in DEPARTMENT_WORDS for w in words) and (
                (nxt is not None and nxt.lower_ in TITLE_WORDS)
                or (prev is not None and prev.lower_ == "of" and start > 1
                    and doc[start - 2].lower_ in TITLE_WORDS)
            ):
                continue
            # "Ukrainian U.N." → NORP "Ukrainian" + ORG "U.N.".
            if end - start >= 2 and gazetteer.actor_by_name(span.text) is None:
                for cut in range(start + 1, min(end, start + 3)):
                    head = doc[start:cut].text
                    if _is_country_word(head) and gazetteer.actor_by_name(doc[cut:end].text):
                        lab = "NORP" if gazetteer.country_by_demonym(head) else "GPE"
                        out.extend([(start, cut, lab), (cut, end, "ORG")])
                        break
                else:
                    out.append((start, end, _org_label(words)))
                continue
            out.append((start, end, _org_label(words)))
            continue
        if label in _MISREAD_AS_THING and gazetteer.city_by_name(span.text):
            out.append((start, end, "GPE"))
            continue
        # "in Belgorod" tagged ORG or NORP: a known city after a locative preposition.
        if (label in ("ORG", "NORP") and end - start == 1 and prev is not None
                and prev.lower_ in _LOCATIVE and _is_city(span.text)):
            out.append((start, end, "GPE"))
            continue
        out.append((start, end, label))
    return out


def _is_city(text: str) -> bool:
    """A city of 100,000+ inhabitants that is not also a demonym or a known actor."""
    city = gazetteer.city_by_name(text)
    return (city is not None and city.population >= 100_000
            and gazetteer.country_by_demonym(text) is None
            and gazetteer.actor_by_name(text) is None)


def _org_label(words: list[str]) -> str:
    """ORG spans that name a military body ("the Israel Defense Forces") are FORCE."""
    if len(words) >= 2 and words[-1] in UNIT_WORDS and "ministry" not in words:
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


def refine_entities(doc: Doc) -> Doc:
    """Rewrite ``doc.ents`` with kg's rules (see the module docstring); return ``doc``."""
    ents: list[_Ent] = [(e.start, e.end, e.label_) for e in doc.ents]
    # Family name first or last ("Kim Yong-hyun", "Lloyd Austin").
    surnames = {
        gazetteer.normalize(doc[i].text)
        for e in doc.ents
        if e.label_ == "PERSON" and len(e) >= 2
        for i in (e.start, e.end - 1)
    }
    ents = _relabel(doc, ents, surnames)
    ents = _regions(doc, ents)
    matches = _actor_matcher(doc.vocab)(doc)
    found = [(s, e, doc.vocab.strings[m]) for m, s, e in matches]
    found = [f for f in found if not any(
        g != f and g[0] <= f[0] and f[1] <= g[1] for g in found)]
    ents = _merge(ents, found, replace=False)
    ents = _merge(ents, _forces(doc, ents), replace=True)
    doc.ents = [SpacySpan(doc, s, e, label=lab) for s, e, lab in ents]
    return doc
