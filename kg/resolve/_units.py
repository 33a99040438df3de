"""Named parts of a state: the service branches of its armed forces and its first-level
divisions named with their division word."""

from __future__ import annotations

from collections.abc import Sequence

from kg import gazetteer, places
from kg.gazetteer import slugify
from kg.lexicon import words
from kg.model import EntityType
from kg.resolve._drafts import (
    APOSTROPHES,
    Draft,
    actor_draft,
    country_after_of,
    country_prefix,
    surface,
)

#: "Navy", "Air Force", "Marine Corps": a state's armed forces have these branches.
SERVICE_BRANCHES = words("service_branches")
#: "Oblast", "Governorate", "Province": capitalised after a name, a first-level division.
DIVISION_WORDS = words("division_words")


def _branch(name: str) -> str | None:
    """The service branch a name is ("air force"), also by its members' plural
    ("marines" → "marine corps"); None when it names none.

    >>> _branch("air force"), _branch("marines"), _branch("soldiers")
    ('air force', 'marine corps', None)
    """
    if name in SERVICE_BRANCHES:
        return name
    if " " in name or not name.endswith("s"):
        return None
    opened = [b for b in SERVICE_BRANCHES if " " in b and b.split()[0] == name[:-1]]
    return opened[0] if len(opened) == 1 else None


def branch_draft(name: str, words: Sequence[str]) -> Draft | None:
    """The service branch a force's name names with its state: "U.S. Navy", "Turkish
    Air Force", "Iran's Navy", "Air Force of Ukraine", "U.S. Marines" is its own
    ``force/<iso3>-<branch>``, part of the state, not the state's forces; the branch of
    kg's actor table when it has one ("U.S. Coast Guard"). A branch word in lower case
    ("Qatari air force") is the state's forces as a whole, as the news means it; None
    then, and for names of no branch."""
    c, k = country_prefix(words)
    rest = [w for w in words[k:] if w not in APOSTROPHES[:2]]
    if c is None:
        c, cut = country_after_of(words)
        rest = list(words[:cut])
    if c is None or not rest or not all(w[:1].isupper() for w in rest):
        return None
    branch = _branch(" ".join(rest).lower())
    if branch is None:
        return None
    title = " ".join(w.capitalize() for w in branch.split())
    for form in (c.label, c.demonym, *c.aliases):
        known = gazetteer.actor_by_name(f"{form} {title}")
        if known is not None and known.part_of == c.key:
            return actor_draft(known)
    return Draft(key=f"force/{c.iso3.lower()}-{slugify(branch)}",
                 type=EntityType.MILITARY_FORCE, label=f"{c.demonym} {title}",
                 aliases={f"{c.label} {title}", name}, part_of=c.key)


def division_draft(name: str, words: Sequence[str], context: frozenset[str]
                   ) -> Draft | None:
    """A first-level division named with its capitalised division word ("Moscow Oblast",
    "Mahdia Governorate", "Ankara Province") in an article naming the states
    ``context``: the division, not the city of the name, in the state the name alone is
    read in. Its key is the division's own (``place/<slug>`` as for a division known
    only to ISO 3166-2: "Mahdia Governorate" is ``place/mahdia``, the division
    "Mahdia") when ISO 3166-2 has one of the name in that state, else
    ``place/<slug of the name>-division`` whatever the division word ("Moscow Oblast" and
    "Moscow Region" are ``place/moscow-division``; ISO's name is "Moskovskaya oblast'").
    Labelled by its bare name, as divisions are ("Florida", "Mahdia"), the name as written
    an alias. None when the last word is no division word, is in lower case ("Belgorod region"
    stays the city) or the name is no place kg knows."""
    if len(words) < 2 or not words[-1].istitle() or words[-1].lower() not in DIVISION_WORDS:
        return None
    stem = surface(name[:len(name) - len(words[-1])])  # "Deir ez-Zor" as written
    found = places.choose(stem, context)
    if found is None:
        return None
    readings = places.candidates(stem)
    own = [c for c in readings if c.iso3 == found.iso3 and c.kind is places.PlaceKind.DIVISION]
    part_of = f"country/{found.iso3}"
    if not own:  # one key whatever the division word: "Donetsk Oblast", "Donetsk Region"
        return Draft(key=f"place/{slugify(stem)}-division", type=EntityType.PLACE,
                     label=stem, aliases={name}, part_of=part_of)
    div = own[0]
    if div.geonameid is not None:  # a US state: GeoNames has it
        return Draft(key=f"place/{div.geonameid}", type=EntityType.PLACE, label=div.name,
                     aliases={name}, geonames=div.geonameid, part_of=part_of)
    one = len({c.iso3 for c in readings}) == 1
    return Draft(key=f"place/{'' if one else found.iso3.lower() + '-'}{slugify(stem)}",
                 type=EntityType.PLACE, label=stem, aliases={name}, part_of=part_of)
