"""Entity drafts: what resolution accumulates per key before freezing an Entity."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kg import gazetteer, places
from kg.gazetteer import Country, slugify
from kg.model import Entity, EntityType, Mention, Parse, Post, Token

APOSTROPHES = ("'s", "’s", "'", "’")
#: Mention labels of words that refer back to an entity: pronouns, and definite
#: descriptions ("the city").
PRONOUN_LABEL = "PRON"
DEFINITE_LABEL = "DEF"


@dataclass
class Draft:
    key: str
    type: EntityType
    label: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    iso3: str | None = None
    wikidata: str | None = None
    geonames: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    posts: list[Post] = field(default_factory=list)
    part_of: str | None = None

    def freeze(self) -> Entity:
        aliases = tuple(sorted(a for a in self.aliases if a and a != self.label))
        mentions = tuple(sorted(self.mentions, key=lambda m: m.span))
        return Entity(
            key=self.key, type=self.type, label=self.label, aliases=aliases,
            mentions=mentions, iso3=self.iso3, wikidata=self.wikidata,
            geonames=self.geonames, latitude=self.latitude, longitude=self.longitude,
            posts=tuple(dict.fromkeys(self.posts)), part_of=self.part_of,
        )


def surface(text: str) -> str:
    """A mention's text as a name: no leading "the", no possessive ending."""
    s = text.strip().rstrip("-–—,;:")
    if s[:4].lower() == "the ":
        s = s[4:]
    for a in APOSTROPHES[:2]:
        if s.endswith(a):
            return s[: -len(a)].rstrip()
    return s


def country_draft(c: Country) -> Draft:
    return Draft(
        key=c.key, type=EntityType.COUNTRY, label=c.label, iso3=c.iso3, wikidata=c.wikidata,
        aliases={*c.aliases, *c.demonyms, *c.metonyms},
    )


def actor_draft(a: gazetteer.Actor) -> Draft:
    typ = EntityType(a.type)
    part_of = a.part_of if typ != EntityType.PERSON else None
    return Draft(key=a.key, type=typ, label=a.label, aliases=set(a.aliases),
                  wikidata=a.wikidata, part_of=part_of)


def state_force_draft(c: Country) -> Draft:
    known = gazetteer.actor(f"force/{c.iso3}")
    if known is not None:
        return actor_draft(known)
    dem = c.demonym
    return Draft(
        key=f"force/{c.iso3}", type=EntityType.MILITARY_FORCE, label=f"{dem} forces",
        aliases={f"{dem} troops", f"{dem} military", f"{dem} armed forces"},
        part_of=c.key,
    )


def place_draft(name: str, alias: str, context: frozenset[str] = frozenset()) -> Draft:
    """The place ``name`` in an article naming the states ``context`` (ISO3):
    ``place/<GeoNames id>`` when :func:`kg.places.choose` finds it in GeoNames,
    ``place/<slug>`` when it knows only its state (a province of ISO 3166-2), the same
    key whether or not the article lets it tell the state (``place/<iso3>-<slug>`` for
    a name of provinces in several states: "Punjab"), else ``place/<slug>`` with no
    state."""
    found = places.choose(name, context)
    if found is None:
        return Draft(key=f"place/{slugify(name)}", type=EntityType.PLACE, label=name,
                      aliases={alias})
    part_of = f"country/{found.iso3}"
    if found.geonameid is None:  # a name in several states keeps its state in the key
        one = len({c.iso3 for c in places.candidates(name)}) == 1
        # the article's name: "Rajasthan", not ISO's "Rājasthān"
        return Draft(key=f"place/{'' if one else found.iso3.lower() + '-'}{slugify(name)}",
                     type=EntityType.PLACE, label=name, aliases={alias},
                     part_of=part_of)
    return Draft(key=f"place/{found.geonameid}", type=EntityType.PLACE, label=found.name,
                  aliases={alias}, geonames=found.geonameid, latitude=found.latitude,
                  longitude=found.longitude, part_of=part_of)


def country_prefix(words: Sequence[str]) -> tuple[Country | None, int]:
    """The state named by the first 1-3 words ("North Korean troops"), and its length."""
    for k in (3, 2, 1):
        if len(words) > k:
            head = surface(" ".join(words[:k]))
            c = gazetteer.country_by_demonym(head) or gazetteer.country_by_name(head)
            if c is not None:
                return c, k
    return None, 0


def country_after_of(words: Sequence[str]) -> tuple[Country | None, int]:
    """The state named after the last inner "of" ("Ministry of Foreign Affairs of
    Ukraine") and the index of that "of"; (None, 0) when there is none."""
    if "of" not in words[1:-1]:
        return None, 0
    cut = len(words) - 1 - list(words)[::-1].index("of")
    return gazetteer.country_by_name(" ".join(words[cut + 1:])), cut


def country_at(tokens: Sequence[Token], i: int) -> Country | None:
    t = tokens[i]
    if t.ent_type not in ("GPE", "NORP"):
        return None
    j = i
    while j > 0 and tokens[j - 1].ent_type == t.ent_type and tokens[j].ent_iob != "B":
        j -= 1
    text = surface(" ".join(x.text for x in tokens[j:i + 1]))
    return gazetteer.country_by_demonym(text) or gazetteer.country_by_name(text)


def country_before(m: Mention, parse: Parse) -> Country | None:
    """The state just before a mention: "Russia's Defense Ministry", "Russian Defense..."."""
    i = m.start - 1
    if i >= 0 and parse.tokens[i].text in APOSTROPHES[:2]:
        i -= 1
    if i < 0 or parse.tokens[i].ent_type not in ("GPE", "NORP"):
        return None
    return country_at(parse.tokens, i)


def longest_mention_at(pairs: Iterable[tuple[str, Mention]]
                       ) -> dict[int, tuple[str, Mention]]:
    """Token → (entity key, mention) of the longest mention covering it (the first seen
    among equally long ones)."""
    at: dict[int, tuple[str, Mention]] = {}
    for key, m in pairs:
        for i in range(m.start, m.end):
            prev = at.get(i)
            if prev is None or prev[1].end - prev[1].start < m.end - m.start:
                at[i] = (key, m)
    return at


def token_index(drafts: dict[str, Draft]) -> dict[int, tuple[str, Mention]]:
    """Token → the entity of the longest mention covering it."""
    return longest_mention_at((d.key, m) for d in drafts.values() for m in d.mentions)
