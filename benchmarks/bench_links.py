"""Entity mentions and linking against the editors' hyperlinks of the Current-events items.

    .venv/bin/python benchmarks/bench_links.py [--misses]

Each item of ``data/gold/dev/wpce_*.json`` and ``data/gold/test/wpce_*.json`` (the
articles, not their ``.gold.json``) keeps the links Wikipedia's editors put on its text:
``links`` with ``start``, ``end`` (character offsets into ``text``), ``text`` and
``wiki_title``. kg extracts each item (``kg.pipeline``) and, per split:

- **mention recall**: links overlapped by a mention of a kg entity (any of its mentions:
  names, pronouns, descriptions), the entity found with ``EntityIndex.at``;
- **linking accuracy**: links whose kg entity has the ``wiki_title`` as its label or one of
  its aliases, names compared after :func:`kg.evaluate.gold.normalize` with a
  disambiguation in parentheses dropped ("Rafah (city)" → "Rafah"); given over all links
  and over the links kg mentions.

Both over all links and over links whose text starts with a capital letter (editors also
link common nouns: "drone", "ceasefire").

Across the items of a split, over the capitalised links kg *recognises* (a mention of a kg
entity with the link's own text, after :func:`kg.evaluate.gold.normalize`, overlapping
it; pronouns and descriptions do not count), with titles compared as written
(underscores read as spaces):

- **purity**: share of kg entity IRIs whose recognised links all carry one Wikipedia title
  (one IRI, one real thing);
- **completeness**: share of Wikipedia titles whose recognised links all go to one kg IRI
  (one real thing, one IRI);
- **place country accuracy**: over recognised links to places whose kg entity is a place
  or a state, the share whose kg state (``part_of`` of a place; a state read where a place
  is meant counts as wrong) is the state the title's place is in, over those kg gives a
  state ("with a state" is that share of all: a place kg leaves without a state is not
  wrong, it is unresolved). The expected state comes from the title alone
  (:func:`expected_state`): "Portland, Oregon" and "Kherson (city)" are read from their
  qualifier (a state, a US state or a first-level division of one state); a bare title
  is a place when :func:`kg.places.candidates` knows its name and is read by Wikipedia's
  naming convention (a bare title is the primary topic): the one state all readings are
  in, else the state the news place tables give it (``kg/data/petrarch2/places.tsv``,
  places of ``kg/data/actors.tsv``: "Florida", "Arizona"), else, when no first-level
  division has the name, a city by its own name of 100,000+ inhabitants with
  :data:`kg.places.DOMINANT` times those of any homonym abroad (:func:`kg.places.dominant`;
  "Salisbury" is not Harare's old name); titles of states, of non-places ("Amazon
  (company)") and ambiguous names ("Canterbury": a New Zealand region, an English city)
  are left out. Links whose text is a demonym ("Cubans", "Israeli") are left out of
  purity and completeness: editors link them to a people, a force or a law, kg reads the
  state. Titles that name a state in kg's table are one title ("U.S.", "United States"),
  and titles are compared without case ("March 23 movement").

``--misses`` lists the dev links kg misses or links to another name, then the dev place
links whose state is wrong and the dev IRIs and titles that are not one-to-one; the test
split is frozen: only its aggregate figures are printed.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from kg import gazetteer, places
from kg.evaluate.gold import normalize
from kg.extract import load_nlp
from kg.model import Entity, EntityType, Span
from kg.pipeline import extract_paths
from kg.resolve import EntityIndex

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold"
_PARENS = re.compile(r"\s*\([^)]*\)\s*$")
_QUALIFIED = re.compile(r"^(.*?)\s*\(([^)]*)\)$")
#: Qualifiers of Wikipedia titles that say the page is a place ("Rafah (city)").
_PLACE_QUALIFIERS = frozenset({
    "city", "town", "village", "municipality", "governorate", "province", "oblast",
    "region", "state", "district", "county", "island", "raion", "department",
    "settlement", "urban-type settlement", "neighbourhood", "neighborhood", "capital"})
_US_STATE = frozenset({"us state", "u s state"})


@dataclass(frozen=True)
class Link:
    text: str
    title: str
    mentioned: bool
    linked: bool
    found: str  # the kg entity's label, "" when none
    key: str = ""  # the kg entity recognised with the link's own text, "" when none
    state: str | None = None  # that entity's state when it is a place or a state
    typed: str = ""  # its type

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def recognised(self) -> bool:
        return self.capitalised and bool(self.key)


def _state_named(text: str) -> str | None:
    """ISO3 of a state named by a title's qualifier: a state, "U.S. state", or a
    first-level division of one state ("Oregon", "Donetsk Oblast")."""
    c = gazetteer.country_by_name(text)
    if c is not None:
        return c.iso3
    if normalize(text) in _US_STATE:  # "Georgia (U.S. state)"
        return "USA"
    states = {x.iso3 for x in places.candidates(text) if x.kind is places.PlaceKind.DIVISION}
    return states.pop() if len(states) == 1 else None


def expected_state(title: str) -> str | None:
    """ISO3 of the state the place of a Wikipedia title is in; None for titles of states,
    of other things and of ambiguous names (see the module's docstring).

    >>> [expected_state(t) for t in ("Florida", "Arizona", "Amman", "Portland,_Oregon",
    ...  "Kherson (city)", "Punjab", "Jordan", "Amazon (company)")]
    ['USA', 'USA', 'JOR', 'USA', 'UKR', None, None, None]
    """
    name = title.replace("_", " ").strip()
    qualified = _QUALIFIED.match(name)
    qualifier = ""
    if qualified:
        name, qualifier = qualified.group(1), qualified.group(2)
        if normalize(qualifier) == "country":
            return None
        state = _state_named(qualifier)
        if state is not None:
            return state
        if normalize(qualifier) not in _PLACE_QUALIFIERS:
            return None
    if "," in name:
        return _state_named(name.rsplit(",", 1)[1].strip())
    if not qualifier and gazetteer.country_by_name(name) is not None:
        return None
    found = places.candidates(name)
    states = {c.iso3 for c in found}
    if len(states) == 1:
        return states.pop()
    news = places.news_state(name)
    if news is not None:
        return news
    if any(c.kind is places.PlaceKind.DIVISION for c in found):
        return None  # a division in one state, towns elsewhere: "Canterbury"
    own = [c for c in found if c.kind is places.PlaceKind.CITY and not c.alternate]
    top = places.dominant(own) if own else None
    return top.iso3 if top is not None else None


def canonical_title(title: str) -> str:
    """One form per page: a state's name in kg's table → its label, else the title
    without case ("U.S." → "United States")."""
    c = gazetteer.country_by_name(title)
    return c.label if c is not None else title.casefold()


def _state_of(entity: Entity) -> str | None:
    if entity.type is EntityType.COUNTRY:
        return entity.iso3
    if entity.part_of and entity.part_of.startswith("country/"):
        return entity.part_of.removeprefix("country/")
    return None


def _recognised(entities: tuple[Entity, ...], begin: int, end: int, text: str
                ) -> Entity | None:
    """The entity with a mention of the link's text overlapping the link."""
    want = normalize(text)
    for e in entities:
        for m in e.mentions:
            if m.span.begin < end and begin < m.span.end and normalize(m.text) == want:
                return e
    return None


def title_name(wiki_title: str) -> str:
    """ "Rafah (city)" → "rafah"; "Presidential Palace, Warsaw" stays whole."""
    return normalize(_PARENS.sub("", wiki_title.replace("_", " ")))


def items(split: str) -> list[Path]:
    return sorted(p for p in (GOLD / split).glob("wpce_*.json")
                  if not p.name.endswith(".gold.json"))


def score_split(paths: list[Path], nlp: object) -> list[Link]:
    out: list[Link] = []
    extractions = extract_paths(paths, nlp=nlp)  # type: ignore[arg-type]
    for path, ex in zip(paths, extractions, strict=True):
        raw = json.loads(path.read_text(encoding="utf-8"))
        body = ex.article.body
        index = EntityIndex(ex.entities)
        shift = body.find(raw["text"].strip()[:40]) if raw["text"].strip() else 0
        for link in raw.get("links", []):
            begin, end = link["start"] + max(shift, 0), link["end"] + max(shift, 0)
            if body[begin:end] != link["text"]:  # offsets moved by cleaning: find the text
                begin = body.find(link["text"])
                end = begin + len(link["text"])
            entity = index.at(Span(begin, end)) if begin >= 0 else None
            names = {normalize(n) for n in (entity.label, *entity.aliases)} if entity else set()
            own = _recognised(ex.entities, begin, end, link["text"]) if begin >= 0 else None
            out.append(Link(text=link["text"], title=link["wiki_title"].replace("_", " "),
                            mentioned=entity is not None,
                            linked=title_name(link["wiki_title"]) in names,
                            found=entity.label if entity else "",
                            key=own.key if own else "",
                            state=_state_of(own) if own else None,
                            typed=own.type.value if own else ""))
    return out


def _ratio(a: int, b: int, digits: int = 2) -> str:
    return f"{a / b:.{digits}f}" if b else "-"


def rows(name: str, links: list[Link]) -> list[str]:
    lines = []
    for part, subset in ((f"{name}: all links", links),
                         (f"{name}: capitalised", [x for x in links if x.capitalised])):
        n = len(subset)
        mentioned = sum(x.mentioned for x in subset)
        linked = sum(x.linked for x in subset)
        lines.append(f"{part:<26} {n:>6} {_ratio(mentioned, n):>9} {_ratio(linked, n):>9}"
                     f" {_ratio(linked, mentioned):>11}")
    return lines


HEADER = f"{'':<26} {'links':>6} {'mentioned':>9} {'linked':>9} {'linked|ment':>11}"


@dataclass(frozen=True)
class Identity:
    """Purity, completeness and place states of one split's recognised links."""

    iris: dict[str, set[str]]  # kg key → titles
    titles: dict[str, set[str]]  # title → kg keys
    place_links: list[tuple[Link, str]]  # (link, expected state)

    @classmethod
    def of(cls, links: list[Link]) -> Identity:
        iris: dict[str, set[str]] = {}
        titles: dict[str, set[str]] = {}
        place_links = []
        for x in links:
            if not x.recognised:
                continue
            if (gazetteer.country_by_demonym(x.text) is None
                    or gazetteer.country_by_name(x.text) is not None):
                title = canonical_title(x.title)
                iris.setdefault(x.key, set()).add(title)
                titles.setdefault(title, set()).add(x.key)
            if x.typed in (EntityType.PLACE.value, EntityType.COUNTRY.value):
                state = expected_state(x.title)
                if state is not None:
                    place_links.append((x, state))
        return cls(iris, titles, place_links)

    @property
    def purity(self) -> tuple[int, int]:
        return sum(len(t) == 1 for t in self.iris.values()), len(self.iris)

    @property
    def completeness(self) -> tuple[int, int]:
        return sum(len(k) == 1 for k in self.titles.values()), len(self.titles)

    def right(self, x: Link, state: str) -> bool:
        return x.typed == EntityType.PLACE.value and x.state == state

    @property
    def place_states(self) -> tuple[int, int, int]:
        """(right, with a kg state, place links)."""
        given = [(x, s) for x, s in self.place_links
                 if x.state is not None or x.typed == EntityType.COUNTRY.value]
        return (sum(self.right(x, s) for x, s in given), len(given), len(self.place_links))

    def row(self, name: str) -> str:
        (p, pn), (c, cn), (r, g, n) = self.purity, self.completeness, self.place_states
        return (f"{name:<26} {_ratio(p, pn, 3):>7} {pn:>6} {_ratio(c, cn, 3):>12} {cn:>6}"
                f" {_ratio(r, g, 3):>11} {f'{r}/{g}':>9} {_ratio(g, n, 3):>11} {n:>6}")


IDENTITY_HEADER = (f"{'capitalised, recognised':<26} {'purity':>7} {'iris':>6}"
                   f" {'completeness':>12} {'titles':>6} {'place state':>11}"
                   f" {'right':>9} {'with state':>11} {'places':>6}")


def main(argv: list[str]) -> int:
    nlp = load_nlp()
    results = {split: score_split(items(split), nlp) for split in ("dev", "test")}
    print(HEADER)
    for split, links in results.items():
        for line in rows(f"{split} ({len(items(split))} items)", links):
            print(line)
    identities = {split: Identity.of(links) for split, links in results.items()}
    print()
    print(IDENTITY_HEADER)
    for split, ident in identities.items():
        print(ident.row(f"{split} ({len(items(split))} items)"))
    if "--misses" in argv:  # dev only: the test split is frozen
        print("\ndev links kg does not mention or links to another name:")
        for x in results["dev"]:
            if x.capitalised and not x.linked:
                print(f"  {x.text!r} → {x.title!r}: "
                      + (f"kg {x.found!r}" if x.mentioned else "no mention"))
        dev = identities["dev"]
        print("\ndev place links whose kg state is wrong (expected, kg):")
        for x, state in dev.place_links:
            if (x.state is not None or x.typed == "Country") and not dev.right(x, state):
                print(f"  {x.text!r} → {x.title!r}: {state}, kg {x.typed} {x.key} {x.state}")
        print("\ndev kg IRIs with several titles:")
        for key, titles in sorted(dev.iris.items()):
            if len(titles) > 1:
                print(f"  {key}: {sorted(titles)}")
        print("\ndev titles with several kg IRIs:")
        for title, keys in sorted(dev.titles.items()):
            if len(keys) > 1:
                print(f"  {title}: {sorted(keys)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
