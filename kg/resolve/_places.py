"""Where an article is: the states it names, which decide where its places are."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg import gazetteer, places
from kg.gazetteer import normalize
from kg.model import Mention
from kg.resolve._drafts import surface

#: Mention labels that can name a state or a region of one.
_STATE_LABELS = frozenset({"GPE", "NORP", "LOC"})


@dataclass(frozen=True)
class States:
    """The states an article names, by their own names and through its places.

    >>> s = States(frozenset({"PER"}), (("kentucky", "USA"), ("posen", "POL")))
    >>> sorted(s.around("Posen")), sorted(s.around("Chala"))
    (['PER', 'USA'], ['PER', 'POL', 'USA'])
    """

    named: frozenset[str] = frozenset()
    through: tuple[tuple[str, str], ...] = ()  # (normalised place name, ISO3)

    def around(self, name: str) -> frozenset[str]:
        """The states the article names besides through ``name`` itself: a place does
        not vouch for its own reading."""
        key = normalize(name)
        return self.named | {s for n, s in self.through if n != key}


def article_states(mentions: Iterable[Mention]) -> States:
    """The states an article names: by name, demonym or seat of government ("Uruguay",
    "Cuban", "Tehran"), by a territory of the actor table ("Gaza", "Crimea"), or through
    a division or a large city that is in one state
    whatever it reads ("Kentucky", "Kharkiv"); a name with readings in several states
    ("Canterbury") or a small town ("Chala") names none."""
    named: set[str] = set()
    through: set[tuple[str, str]] = set()
    for m in mentions:
        if m.label not in _STATE_LABELS:
            continue
        name = surface(m.text)
        c = (gazetteer.country_by_name(name) or gazetteer.country_by_demonym(name)
             or gazetteer.country_by_metonym(name))
        if c is not None:
            named.add(c.iso3)
            continue
        known = gazetteer.actor_by_name(name)
        if known is not None and known.type == "Place" and known.part_of:
            named.add(known.part_of.removeprefix("country/"))  # "Gaza", "Crimea"
            continue
        if m.label == "NORP":
            continue
        found = places.candidates(name)
        states = {x.iso3 for x in found}
        if len(states) == 1 and any(x.kind is places.PlaceKind.DIVISION
                                    or x.population >= places.LARGE for x in found):
            through.add((normalize(name), states.pop()))
    return States(frozenset(named), tuple(sorted(through)))
