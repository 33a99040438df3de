"""Names whose entity is known before the model's label: the article's publisher, the
bodies and places of kg's own table, a person's surname, an acronym's body and a
company's short name.

The model labels each mention on its own, so the same name comes out a person in one
sentence and a place in the next ("Wikinews attended", "told Wikinews"). These rules read
the name against the article and kg's tables instead, so one thing gets one key and its
type in every article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import urlsplit

from kg import gazetteer, places
from kg.gazetteer import normalize, slugify
from kg.model import Article, EntityType, Mention
from kg.resolve._drafts import Draft, surface

#: Second-level labels of a host name that are not its site ("bbc.co.uk", "abc.net.au").
_GENERIC_LABELS = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "news", "www",
                             "state", "mil", "int"})
_ACRONYM_SKIP = frozenset({"of", "and", "for", "the", "on", "in", "de", "du", "des", "&"})


def compact(name: str) -> str:
    """A name without case, punctuation or spaces ("Al Jazeera" → "aljazeera")."""
    return normalize(name).replace(" ", "")


def publisher_names(article: Article) -> frozenset[str]:
    """Compact names of the article's publisher: its ``source`` and the site of its URL
    ("https://en.wikinews.org/wiki/..." → "wikinews").

    >>> sorted(publisher_names(Article("k", "", "", source="Reuters",
    ...                                url="https://www.bbc.co.uk/news/x")))
    ['bbc', 'reuters']
    """
    out = {compact(article.source)} if article.source else set()
    if article.url:
        labels = [x for x in (urlsplit(article.url).hostname or "").split(".") if x]
        labels = labels[:-1]  # "org", "uk"
        while len(labels) > 1 and labels[-1] in _GENERIC_LABELS:
            labels.pop()  # "co" of "bbc.co.uk"
        if labels and len(labels[-1]) > 2 and labels[-1] not in _GENERIC_LABELS:
            out.add(labels[-1])
    return frozenset(x for x in out if x)


def names_publisher(m: Mention, publishers: frozenset[str]) -> bool:
    """Whether mention ``m`` names the article's publisher ("Wikinews told...")."""
    return bool(publishers) and compact(surface(m.text)) in publishers


def names_a_thing(name: str) -> bool:
    """A name the model read as a person's that is a body, force or place of kg's own
    actor table ("Bermuda", "al-Qa'ida", "Southcom") or a state of two words or more
    ("Sri Lanka"; one word may be a given name too: "Chad", "Jordan", "Georgia")."""
    known = gazetteer.curated_actor_by_name(name)
    if known is not None:
        return known.type != EntityType.PERSON.value
    return " " in name.strip() and gazetteer.country_by_name(name) is not None


def surnames(mentions: Iterable[tuple[Mention, str]]) -> frozenset[str]:
    """Last words of the full names (two words or more) of an article's persons."""
    out = set()
    for _, name in mentions:
        parts = name.split()
        if len(parts) >= 2 and parts[-1][:1].isupper():
            out.add(normalize(parts[-1]))
    return frozenset(out)


def as_surname(m: Mention, family: frozenset[str]) -> Mention | None:
    """The mention as a PERSON mention when its one word is the surname of a person of
    the article ("Amman" after "Sudesh Amman"), and not a state's name (the caller
    leaves out names in a place's slot: "in Washington, D.C." beside "George
    Washington")."""
    name = surface(m.text)
    if (m.label not in ("GPE", "LOC", "ORG", "NORP") or " " in name
            or normalize(name) not in family or gazetteer.country_by_name(name) is not None):
        return None
    return replace(m, label="PERSON")


def acronym_of(acro: str, name: str) -> bool:
    """Whether ``acro`` is made of the initials of ``name``'s words, in order (words
    like "of", "and" may be skipped or kept).

    >>> acronym_of("UNESCO", "United Nations Educational, Scientific and Cultural "
    ...            "Organization"), acronym_of("WHO", "World Health Organization")
    (True, True)
    >>> acronym_of("PKK", "Kurdistan Workers' Party")
    False
    """
    letters = acro.replace(".", "").upper()
    words = [w for w in re.split(r"[\s\-,]+", name) if w]

    def match(i: int, j: int) -> bool:
        if i == len(letters):
            return all(w.lower() in _ACRONYM_SKIP for w in words[j:])
        if j == len(words):
            return False
        w = words[j]
        if w[:1].upper() == letters[i] and match(i + 1, j + 1):
            return True
        return w.lower() in _ACRONYM_SKIP and match(i, j + 1)

    return len(letters) >= 2 and match(0, 0)


def acronym_key(draft: Draft, acro: str) -> str | None:
    """The key a body gets from the acronym it defines ("United Nations Educational,
    Scientific and Cultural Organization (UNESCO)" → ``organization/unesco``), so that
    the acronym alone in another article is the same body; None for a body of the
    tables or when the acronym is not its initials."""
    if draft.type is not EntityType.ORGANIZATION or draft.key != (
            f"organization/{slugify(draft.label)}") or not acronym_of(acro, draft.label):
        return None
    known = gazetteer.actor_by_name(acro)
    if known is not None:
        return None  # the table's own body of that acronym ("ICC")
    return f"organization/{slugify(acro)}"


def rekey(drafts: dict[str, Draft], old: str, new: str) -> None:
    """Move draft ``old`` to key ``new``, merged into the one there if any."""
    d = drafts.pop(old)
    have = drafts.get(new)
    if have is None:
        d.key = new
        drafts[new] = d
        return
    have.mentions.extend(d.mentions)
    have.aliases |= {d.label, *d.aliases} - {have.label}
    if len(d.label) > len(have.label):  # the full name over the acronym
        have.aliases.add(have.label)
        have.label = d.label


def join_acronyms(drafts: dict[str, Draft], sentences_of: dict[str, set[int]]) -> None:
    """A body whose full name has as initials an acronym the article uses for a body
    ("United Nations Educational, Scientific and Cultural Organization (UNESCO)",
    "UNESCO, the United Nations Educational, ...") takes the acronym's key
    (:func:`acronym_key`), merged with the acronym's own draft if the article has one."""
    acros = {n for d in drafts.values() if d.type is EntityType.ORGANIZATION
             for n in (d.label, *d.aliases) if _ACRONYM.fullmatch(n)}
    for key, d in list(drafts.items()):
        if d.type is not EntityType.ORGANIZATION or " " not in d.label:
            continue
        found = {k for a in acros if (k := acronym_key(d, a)) is not None}
        if len(found) != 1 or key in found:
            continue
        new = found.pop()
        rekey(drafts, key, new)
        sentences_of.setdefault(new, set()).update(sentences_of.pop(key, set()))


_ACRONYM = re.compile(r"[A-Z](?:\.?[A-Z]){1,7}\.?")


def _company_of(words: list[str]) -> bool:
    return len(words) >= 2 and words[-1].lower() in gazetteer.COMPANY_HEADS


def join_company_names(drafts: dict[str, Draft]) -> None:
    """ "Mahan" after "Mahan Air": a place, body or person every mention of which is the
    name that opens the name of one company of the article ("<name> Air", "<name>
    Holdings", ``kg/data/company_heads.txt``) is that company, whatever the model read;
    not a state, a first-level division or a large city ("Qatar" of "Qatar Airways",
    "Moscow" of "Moscow Exchange") nor a name of kg's tables ("Trump")."""
    companies: dict[str, dict[str, Draft]] = {}
    for d in drafts.values():
        if d.type is EntityType.ORGANIZATION:
            for name in (d.label, *d.aliases):
                words = name.split()
                if _company_of(words):
                    companies.setdefault(normalize(" ".join(words[:-1])), {})[d.key] = d
    if not companies:
        return
    for key, d in list(drafts.items()):
        names = {normalize(surface(m.text)) for m in d.mentions}
        if len(names) != 1 or d.type not in _SHORT_NAMED:
            continue
        name = next(iter(names))
        hosts = [h for h in companies.get(name, {}).values() if h.key != key]
        if len(hosts) != 1 or _stands_alone(name):
            continue
        hosts[0].mentions.extend(d.mentions)
        hosts[0].aliases |= {surface(m.text) for m in d.mentions}
        del drafts[key]


_SHORT_NAMED = frozenset({EntityType.PLACE, EntityType.ORGANIZATION, EntityType.PERSON})


def _stands_alone(name: str) -> bool:
    """A name that is something of its own: a state, a table's actor or person in
    office, a first-level division or a large city."""
    return bool(gazetteer.country_by_name(name) or gazetteer.actor_by_name(name)
                or gazetteer.known_person(name) is not None or any(
                    c.kind is places.PlaceKind.DIVISION or c.population >= places.LARGE
                    for c in places.candidates(name)))
