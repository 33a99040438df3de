"""Shared pieces of the entity rules: span tuples, labels, word lists, merging."""

from __future__ import annotations

import re

from kg import gazetteer
from kg.gazetteer import wordset
from kg.lexicon import words

__all__ = ["FORCE", "Ent", "is_city", "is_country_word", "merge", "non_overlapping"]

#: kg's own label for armed forces and military units.
FORCE = "FORCE"

MISREAD_AS_THING = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
LOCATIVE = wordset("in at near from to into outside around")
PLACE_PREPOSITIONS = wordset("in near outside around into towards toward")
PLACE_NOUNS = words("place_nouns")
FACILITY_NOUNS = words("facility_nouns")
#: "west of X", "the outskirts of X", "a portion of X": X is a place.
AREA_OF = words("area_words")
#: "a portion of X": X is a place when the model read it as a person.
PART_OF = words("part_words")
#: "on the way to X", "the road to X".
WAY_TO = words("way_nouns")
#: Nouns that end the name of a body, never of a person.
BODY_HEADS = words("body_heads")
HELD = re.compile(r"-(?:held|controlled|occupied|besieged)$")
GEO_FEATURES = words("geo_features")
LATIN = re.compile(r"[A-Za-z]")
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
NAME_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC", FORCE})
ACTOR_LABELS = {
    "Organization": "ORG",
    "Place": "LOC",
    "MilitaryForce": FORCE,
    "Person": "PERSON",
}

Ent = tuple[int, int, str]  # start, end (token indexes), label


def is_country_word(text: str) -> bool:
    return bool(gazetteer.country_by_demonym(text) or gazetteer.country_by_name(text))


def is_city(text: str) -> bool:
    """A city of 100,000+ inhabitants that is not also a demonym or a known actor."""
    city = gazetteer.city_by_name(text)
    return (city is not None and city.population >= 100_000
            and gazetteer.country_by_demonym(text) is None
            and gazetteer.actor_by_name(text) is None)


def merge(base: list[Ent], extra: list[Ent], *, replace: bool) -> list[Ent]:
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


def non_overlapping(ents: list[Ent]) -> list[Ent]:
    """Spans spaCy accepts: sorted, non-empty, no two sharing a token (first wins)."""
    out: list[Ent] = []
    for s, e, lab in sorted(set(ents)):
        if e > s and (not out or out[-1][1] <= s):
            out.append((s, e, lab))
    return out
