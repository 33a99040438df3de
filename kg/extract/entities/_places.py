"""Places: names the model read as persons or bodies, regions and their words."""

from __future__ import annotations

from spacy.tokens import Doc

from kg import gazetteer
from kg.extract.entities._common import (
    AREA_OF,
    BODY_HEADS,
    FACILITY_NOUNS,
    HELD,
    PART_OF,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    WAY_TO,
    Ent,
    is_city,
    is_country_word,
)
from kg.gazetteer import CIVILIAN_WORDS, REGION_WORDS


def consistent_places(doc: Doc, ents: list[Ent], surnames: set[str]) -> list[Ent]:
    """A name tagged a place somewhere in the article is a place everywhere in it, unless
    it is also a person's name there ("Palmyra" as GPE, then as PERSON)."""
    places = {gazetteer.normalize(doc[s:e].text) for s, e, lab in ents if lab in ("GPE", "LOC")}
    if not places:
        return ents
    persons = {gazetteer.normalize(doc[s:e].text) for s, e, lab in ents
               if lab == "PERSON" and e - s >= 2}
    out: list[Ent] = []
    for s, e, lab in ents:
        name = gazetteer.normalize(doc[s:e].text)
        if lab in ("PERSON", "ORG") and name in places and name not in surnames and (
                name not in persons):
            lab = "GPE"
        out.append((s, e, lab))
    return out


def surely_place(doc: Doc, start: int, end: int) -> bool:
    """A name before a place noun ("Maidan Wardak province") or in a phrase locating a
    facility ("a military base in Maidan Shahr") is a place even if read as a person."""
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS and doc[end].pos_ == "NOUN" and \
            doc[end].dep_ != "compound" and doc[end - 1].head.i == end:
        return True  # not "a Joe Biden town hall"
    if start == 0 or doc[start - 1].lower_ not in ("in", "near"):
        return False
    if end < len(doc) and doc[end].lower_ in ("'s", "’s"):
        return False
    prep = doc[start - 1]
    return prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in FACILITY_NOUNS


def place_like_org(doc: Doc, start: int, end: int) -> bool:
    """An ORG span that could be a misread place: no acronym ("ISIL"), no body word
    ("Council"), not the first part of a compound ("ISIL-held")."""
    span = doc[start:end]
    return not (any(t.text.isupper() or t.lower_ in BODY_HEADS | CIVILIAN_WORDS
                    for t in span)
                or (end < len(doc) and doc[end].text == "-"))


def fronted_places(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "Near Sinjar, two strikes...", "In Kabul, officials said": capitalised words
    between a sentence-initial locative preposition and a comma name a place."""
    taken = {i for s, e, _ in ents for i in range(s, e)}
    out: list[Ent] = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if len(toks) < 3 or toks[0].lower_ not in PLACE_PREPOSITIONS | {"at"}:
            continue
        k = 1
        while k < len(toks) and k <= 4 and toks[k].pos_ == "PROPN" and toks[k].text[:1].isupper():
            k += 1
        if 1 < k < len(toks) and toks[k].text == "," and not any(
                t.i in taken for t in toks[1:k]):
            out.append((toks[1].i, toks[k - 1].i + 1, "GPE"))
    return out


def in_place_context(doc: Doc, start: int, end: int, *, strong: bool = False) -> bool:
    """After "in"/"near"..., "the city of", "west of", "the way to", "ISIL-held", or
    before ", a city": a name there is a place ("near Karabilah"). ``strong``: not on a
    preposition alone ("in Congress", "on YouTube" name bodies)."""
    if start == 0 or (end < len(doc) and doc[end].lower_ in ("'s", "’s")):
        return False
    prev = doc[start - 1]
    if prev.lower_ in PLACE_PREPOSITIONS and not strong:
        return True
    if HELD.search(prev.lower_) or (  # "insurgent-held Karabilah"
            start >= 3 and doc[start - 2].text == "-" and HELD.search("-" + prev.lower_)):
        return True
    if start >= 2 and (
            (prev.lower_ == "of" and doc[start - 2].lower_ in AREA_OF)
            or (prev.lower_ == "of" and doc[start - 2].lower_ in PART_OF and not strong)
            or (prev.lower_ == "to" and doc[start - 2].lower_ in WAY_TO)):
        return True
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("a", "the") and (
            doc[end + 2].lower_ in PLACE_NOUNS or (
                end + 3 < len(doc) and doc[end + 3].lower_ in PLACE_NOUNS)):
        return True  # "Amarah, a city in Southern Iraq"
    # "Mosul and Raqqah": coordinated with a place the model did recognise.
    head = doc[end - 1]
    if strong:  # not "China and Huawei"
        return prev.lower_ == "of" and start >= 2 and doc[start - 2].lower_ in PLACE_NOUNS
    if head.dep_ == "conj" and head.head.ent_type_ in ("GPE", "LOC"):
        return True
    if any(c.dep_ == "conj" and c.ent_type_ in ("GPE", "LOC") for c in head.children):
        return True
    return (prev.lower_ == "of" and start >= 2
            and doc[start - 2].lower_ in PLACE_NOUNS)


def regions(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "Kursk region", "Donetsk Oblast": one LOC span for the place and its region word."""
    out: list[Ent] = []
    for start, end, label in ents:
        if (end < len(doc) and doc[end].lower_ in REGION_WORDS
                and not is_country_word(doc[start:end].text)
                and (label in ("GPE", "LOC") or is_city(doc[start:end].text))):
            out.append((start, end + 1, "LOC"))
        else:
            out.append((start, end, label))
    return out
