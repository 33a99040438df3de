"""Places: names the model read as persons or bodies, regions and their words."""

from __future__ import annotations

from spacy.tokens import Doc, Token

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
from kg.lexicon import words

#: "Vladimir Oblast", "Sepang International Circuit": the last word makes a place.
PLACE_NAME_HEADS = words("place_name_heads")
#: "Blue Nile State", "Nariño Department": a place when the words before name one.
REGION_NAME_HEADS = words("region_name_heads")
#: "the Khurais oil field", "the Mandera border post" (two-word nouns).
SITE_NOUNS = words("site_nouns")
#: "First", "Third": a court or a district of that number, not a named place.
ORDINAL_WORDS = words("ordinal_words")
#: "leaves Portsmouth", "entered Tell Tamer".
PLACE_OBJECT_VERBS = words("place_object_verbs")
#: "Uruapan mayor Carlos Manzo", "the Taiz governor".
LOCAL_OFFICES = words("local_office_nouns")
#: "Rio Bonito do Iguaçu", "Viña del Mar".
PLACE_PARTICLES = words("place_particles")


def known_place(text: str, *, small: bool = False) -> bool:
    """A city or region of kg's tables ("Khan Yunis", "Uttar Pradesh", "Vladimir Oblast"),
    not also a state, a body or a person in office; a single word names a city only of
    100,000 inhabitants or more, unless ``small``."""
    if (is_country_word(text) or gazetteer.actor_by_name(text) is not None
            or gazetteer.known_person(text) is not None):
        return False
    if gazetteer.place_by_name(text, alone=True) is not None:
        return True
    parts = text.split()
    if len(parts) >= 2 and parts[-1].lower() in REGION_WORDS | PLACE_NAME_HEADS:
        stem = " ".join(parts[:-1])
        return gazetteer.place_by_name(stem) is not None or is_city(stem)
    # by its own name, not one of geonames' alternate names ("Google" for Topeka)
    city = gazetteer.city_by_name(text)
    return city is not None and gazetteer.normalize(city.name) == gazetteer.normalize(text) \
        and (city.population >= 100_000 or len(parts) >= 2 or small)


def place_headed(doc: Doc, start: int, end: int) -> bool:
    """A name whose last word makes it a place ("Vladimir Oblast", "Presidential Palace")
    or a region of a known place ("Blue Nile State"); no body word in it."""
    span = doc[start:end]
    last = doc[end - 1]
    if end - start < 2 or not last.is_title or any(
            t.lower_ in BODY_HEADS | CIVILIAN_WORDS for t in span[:-1]):
        return False
    if last.lower_ in PLACE_NAME_HEADS:
        return doc[start].lower_ not in ORDINAL_WORDS  # not "the Third Circuit" (a court)
    stem = doc[start:end - 1].text
    return last.lower_ in REGION_NAME_HEADS and (
        gazetteer.place_by_name(stem) is not None or is_city(stem))


def site_after(doc: Doc, end: int) -> bool:
    """ "Khurais oil field", "Mandera border post": the name modifies a two-word site noun
    (``site_nouns``), with at most one more lower-case word between them."""
    for k in (end + 1, end + 2):
        if k >= len(doc) or not all(t.is_lower for t in doc[end:k + 1]):
            return False
        if f"{doc[k - 1].lower_} {doc[k].lemma_.lower()}" in SITE_NOUNS and (
                doc[k].dep_ != "compound"):
            return doc[end - 1].head.i in range(end, k + 1)
    return False


def place_slot(doc: Doc, start: int, end: int) -> bool:
    """Where a known city or region is that place whatever the model read: after a
    preposition, as the object of a verb of motion or capture ("leaves Portsmouth"), or
    coordinated with a place ("in Khan Yunis and Rafah")."""
    if end < len(doc) and doc[end].lower_ in ("'s", "’s"):
        return False
    head = doc[end - 1]
    if start > 0 and doc[start - 1].lower_ in PLACE_PREPOSITIONS | {"at"}:
        return True
    if head.dep_ == "dobj" and head.head.lemma_.lower() in PLACE_OBJECT_VERBS:
        return True
    if head.dep_ == "conj" and (head.head.ent_type_ in ("GPE", "LOC")
                                or head.head.dep_ == "pobj"):
        return True
    return any(c.dep_ == "conj" and c.ent_type_ in ("GPE", "LOC") for c in head.children)


def in_address(doc: Doc, start: int, end: int) -> bool:
    """ "Takoubatt, Tillabéri Region, Niger", "Muğla, Türkiye": a name followed by a comma
    and a state or a known place that ends the phrase (or goes on with a comma) is the
    first part of an address of places; not "Maia Sandu, Moldova's president"."""
    if not place_like_org(doc, start, end) or end + 1 >= len(doc) or doc[end].text != ",":
        return False
    if doc[end + 1].ent_iob_ != "B" and doc[end + 1].is_title and (  # "Achi-Su, Dagestan"
            end + 2 < len(doc) and doc[end + 2].text == ","):
        return gazetteer.place_by_name(doc[end + 1].text) is not None or is_country_word(
            doc[end + 1].text)
    if doc[end + 1].ent_iob_ != "B" or (
            doc[end + 1].ent_type_ not in ("GPE", "LOC")):
        return False
    j = end + 2
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    after = doc[j] if j < len(doc) else None
    if after is not None and not (after.text in (",", ".", ";", ")") or after.is_sent_start):
        return False
    if after is not None and after.text == "," and j + 1 < len(doc) and (
            doc[j + 1].ent_type_ not in ("", "GPE", "LOC")):
        return False  # "Oracle, Silver Lake, MGX": a list of bodies
    text = doc[end + 1:j].text
    return bool(is_country_word(text) or gazetteer.place_by_name(text)
                or gazetteer.city_by_name(text) or place_headed(doc, end + 1, j))


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
    if end < len(doc) and PLACE_NOUNS & {doc[end].lower_, doc[end].lemma_.lower()} and \
            doc[end].is_lower and doc[end].pos_ in ("NOUN", "PROPN") and \
            doc[end].dep_ != "compound" and \
            doc[end - 1].head.i == end:
        return True  # not "a Joe Biden town hall"
    if place_headed(doc, start, end) or site_after(doc, end):
        return True
    if end < len(doc) and doc[end].lower_ in LOCAL_OFFICES and doc[end].is_lower and (
            doc[end - 1].head.i == end):  # "Uruapan mayor Carlos Manzo"
        return True
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


def _place_noun(tok: Token) -> bool:
    """ "town", "towns", "the island": a lower-case place noun."""
    return tok.is_lower and bool(PLACE_NOUNS & {tok.lower_, tok.lemma_.lower()})


def listed_places(doc: Doc, ents: list[Ent]) -> set[int]:
    """Last tokens of the names listed after a place noun ("the towns of Aguelhok, Anéfis,
    Gao, and Sévaré", "the island Crete", "the Norwegian town Krokstadelva")."""
    out: set[int] = set()
    for start, end, _ in ents:
        prev = doc[start - 1] if start > 0 else None
        if prev is None:
            continue
        after_of = prev.lower_ == "of" and start >= 2 and _place_noun(doc[start - 2])
        apposed = _place_noun(prev) and prev.pos_ == "NOUN" and (
            prev.head.i in range(start, end) or doc[end - 1].head.i == prev.i)
        if after_of or apposed:
            out.add(end - 1)
            out.update(t.i for t in doc[end - 1].conjuncts if t.i > end - 1)
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
        return prev.lower_ == "of" and start >= 2 and _place_noun(doc[start - 2])
    if head.dep_ == "conj" and head.head.ent_type_ in ("GPE", "LOC"):
        return True
    if any(c.dep_ == "conj" and c.ent_type_ in ("GPE", "LOC") for c in head.children):
        return True
    return (prev.lower_ == "of" and start >= 2
            and _place_noun(doc[start - 2]))


def regions(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "Kursk region", "Donetsk Oblast": one LOC span for the place and its region word;
    "southern Lebanon": a lower-case word and a state that name a region of the tables."""
    out: list[Ent] = []
    for start, end, label in ents:
        prev = doc[start - 1] if start > 0 else None
        if label in ("GPE", "LOC") and prev is not None and prev.is_lower and (
                prev.pos_ == "ADJ") and (
                not out or out[-1][1] < start):
            known = gazetteer.actor_by_name(doc[start - 1:end].text)
            if known is not None and known.type == "Place":
                out.append((start - 1, end, "LOC"))
                continue
        if (end < len(doc) and doc[end].lower_ in REGION_WORDS
                and not is_country_word(doc[start:end].text)
                and (label in ("GPE", "LOC") or is_city(doc[start:end].text))):
            out.append((start, end + 1, "LOC"))
        else:
            out.append((start, end, label))
    return out


def _name_run(doc: Doc, k: int, starts: dict[int, Ent]) -> int:
    """End of the name at token ``k``: a span of the model's, else capitalised words."""
    if k in starts:
        return starts[k][1]
    j = k
    while j < len(doc) and j - k < 3 and doc[j].is_title and doc[j].pos_ == "PROPN":
        j += 1
    return j


def _in_address(doc: Doc, end: int) -> bool:
    """ "..., Brazil": a comma and a place or state follow."""
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ in (
        "GPE", "LOC")


def joined_places(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """One place the model split in two: at a particle ("Rio Bonito" "do" "Iguaçu",
    "Viña" "del Mar", "the Democratic Republic of the" "Congo"), at a hyphen without spaces
    ("Baalbek"-"Hermel Governorate") or before a name in an address ("Dera" "Ismail Khan",
    North Waziristan). The whole is a place when a part is one, or in an address."""
    starts = {s: (s, e, lab) for s, e, lab in ents}
    taken = {i for s, e, _ in ents for i in range(s, e)}
    out: list[Ent] = []
    skip_to = 0
    for start, end, label in ents:
        if start < skip_to:
            continue
        k, labels = end, {label}
        while label in ("GPE", "LOC", "PERSON", "ORG") and k + 1 < len(doc):
            tok = doc[k]
            if (tok.lower_ in PLACE_PARTICLES and tok.is_lower) or (
                    label == "GPE" and doc[k - 1].lower_ in ("of", "the") and k in starts
                    and is_country_word(doc[start:starts[k][1]].text)):  # "the DR of the Congo"
                j = k + 1 if tok.lower_ in PLACE_PARTICLES else k
                while j < len(doc) and doc[j].lower_ in PLACE_PARTICLES and doc[j].is_lower:
                    j += 1
                if j < len(doc) and doc[j].text == "-":  # "ez-Zahrani"
                    j += 1
            elif tok.text == "-" and not doc[k - 1].whitespace_ and not tok.whitespace_ and (
                    k + 1 not in taken):
                j = k + 1
            elif k in starts and starts[k][2] == "PERSON" and label == "GPE" and (
                    _in_address(doc, starts[k][1])):
                j = k
            else:
                break
            if j >= len(doc) or not doc[j].is_title:
                break
            new_end = _name_run(doc, j, starts)
            if new_end <= j:
                break
            if j in starts:
                labels.add(starts[j][2])
            k = new_end
        if k == end:
            out.append((start, end, label))
            continue
        place = bool(labels & {"GPE", "LOC"}) or _in_address(doc, k) or (
            start > 0 and doc[start - 1].lower_ in PLACE_PREPOSITIONS)
        whole = doc[start:k]
        if any(t.lower_ in BODY_HEADS for t in whole) or (  # "US-Bangla Airlines"
                gazetteer.country_by_demonym(whole.text) is not None):  # "Guinea-Bissauans"
            out.append((start, end, label))
        elif place or labels == {"PERSON"}:
            out.append((start, k, "GPE" if place else "PERSON"))
            skip_to = k
        else:
            out.append((start, end, label))
    return out
