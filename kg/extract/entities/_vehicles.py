"""Ships, aircraft models and their makers: names of no entity class (GUIDELINES: ships
and weapons systems are not entities)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg import gazetteer
from kg.extract.entities._common import NAME_LABELS, Ent, is_city, is_country_word
from kg.gazetteer import UNIT_WORDS, WEAK_UNIT_WORDS
from kg.lexicon import words

#: "the tanker Al Rekayyat", "bulk carrier Minoan Pioneer".
VESSEL_NOUNS = words("vessel_nouns")
#: "MV Hondius", "IRIS Dena".
SHIP_PREFIXES = words("ship_prefixes")
#: "a Cessna Citation III aircraft", "a Kamov Ka-226 helicopter".
MAKERS = words("vehicle_makers")
_TWO_WORDS = {w.lower() for w in VESSEL_NOUNS if " " in w}
#: "Thai F-16 jets", "a Tecnam P2010 aircraft".
VEHICLE_NOUNS = words("vehicle_nouns") | {w for w in VESSEL_NOUNS if " " not in w}
#: "Patriot missiles", "Shahed drones", "Leopard tanks": a model's name before them.
WEAPON_HEADS = words("weapon_nouns")
#: "F-16", "AH-64", "Mi-17", "P2010", "402": a model's designation.
DESIGNATION = re.compile(r"^(?:[A-Z][A-Za-z]{0,2}-?\d{1,4}[A-Z]{0,2}|\d{2,4})$")


def _vessel_before(doc: Doc, start: int, end: int) -> bool:
    """ "the tanker Al Rekayyat", "Liberian-flagged crude carrier Acheloos": a vessel noun
    right before the name, in one phrase with it."""
    if start == 0:
        return False
    noun = doc[start - 1]
    two = f"{doc[start - 2].lower_} {noun.lower_}" if start >= 2 else ""
    if not (noun.is_lower and noun.lower_ in VESSEL_NOUNS) and two not in _TWO_WORDS:
        return False
    return doc[end - 1].head.i == noun.i or noun.head.i in range(start, end)


def is_ship(doc: Doc, start: int, end: int) -> bool:
    """A ship's name: after a ship prefix ("MV Hondius"), after a vessel noun ("the
    frigate Sahand"), or naming a class of ships ("Shahid Soleimani-class")."""
    text = doc[start:end].text
    if is_country_word(text) or gazetteer.actor_by_name(text) is not None:
        return False
    if end - start >= 2 and doc[start].text in SHIP_PREFIXES:
        return True
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "class":
        return True
    return _vessel_before(doc, start, end)


def _weapon_model(doc: Doc, start: int, end: int) -> bool:
    """A weapon's model named before the weapon noun that heads the phrase ("Patriot
    missiles", "40 Shahed drones", "BrahMos missiles"; not "a Kharkiv drone attack"), when
    the name is no operator (a state, a known actor, a force), person in office or place."""
    if end >= len(doc) or not doc[end].is_lower or doc[end].dep_ == "compound" or (
            doc[end].lemma_.lower() not in WEAPON_HEADS):
        return False
    text = doc[start:end].text  # an operator: "Royal Navy frigates", "Houthi drones"
    return not (_operator(doc, start, end) or gazetteer.known_person(text) is not None
                or gazetteer.place_by_name(text) is not None or is_city(text))


def _vehicle_after(doc: Doc, k: int) -> bool:
    """A vehicle noun at ``k`` or a few tokens on, through designations, capitalised model
    words and lower-case modifiers ("Citation III aircraft", "Ka-226 passenger helicopter")."""
    for j in range(k, min(k + 4, len(doc))):
        t = doc[j]
        if t.lemma_.lower() in VEHICLE_NOUNS or t.lower_ in VEHICLE_NOUNS:
            return True
        if not (DESIGNATION.match(t.text) or t.is_title or t.is_upper
                or (t.is_lower and t.pos_ in ("NOUN", "ADJ"))):
            return False
    return False


def _model_start(doc: Doc, start: int, end: int) -> int | None:
    """Where a maker or a model designation starts in the span or right after it."""
    for k in range(start, end):
        t = doc[k]
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        if t.text in MAKERS and ((nxt is not None and DESIGNATION.match(nxt.text))
                                 or _vehicle_after(doc, k + 1)):
            return k  # "Cessna 402", "Bell Huey helicopter"
        if k > start and DESIGNATION.match(t.text) and _vehicle_after(doc, k + 1):
            # "United States Army AH-64 Apache helicopter", "Thai F-16 jets": an operator
            # before the model; "Poseidon P-8 planes": a model name
            return k if _operator(doc, start, k) else start
    if end < len(doc) and DESIGNATION.match(doc[end].text) and (
            _vehicle_after(doc, end + 1) or doc[end - 1].text in MAKERS):
        k = end
        while k > start and doc[k - 1].text in MAKERS:
            k -= 1
        return k if k < end else None
    return None


def _operator(doc: Doc, start: int, end: int) -> bool:
    """A state, a known body or a force that operates a model ("Thai", "U.S. Air Force")."""
    text = doc[start:end].text
    return bool(is_country_word(text) or gazetteer.actor_by_name(text) is not None
                or doc[end - 1].lower_ in UNIT_WORDS | WEAK_UNIT_WORDS)


def vehicles(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Drop ships' names and aircraft models, and cut a model off an operator's name ("a
    Flamingo Air Cessna 402" keeps "Flamingo Air"; "Thai F-16 jets" keeps "Thai")."""
    out: list[Ent] = []
    for start, end, label in ents:
        if label not in NAME_LABELS:
            out.append((start, end, label))
            continue
        if is_ship(doc, start, end):
            continue
        cut = _model_start(doc, start, end)
        if cut is None and _weapon_model(doc, start, end):
            continue
        if cut is None:
            out.append((start, end, label))
        elif cut > start:
            rest = doc[start:cut].text
            if is_country_word(rest):
                label = "NORP" if gazetteer.country_by_demonym(rest) else "GPE"
            out.append((start, cut, label))
    return out
