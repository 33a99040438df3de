"""The one place that mints IRIs. Every IRI is a pure function of the data it names.

Entities are global (``kgr:{entity.key}``), so the same thing read from two articles is
one node; everything else lives under its article's IRI,
``kgr:article/{sha1(article.key)[:16]}``:

>>> from kg.model import Article, Span
>>> a = Article(key="https://example.org/news/1", title="T", body="North Korea said.")
>>> str(article_iri(a))
'https://w3id.org/geokg/resource/article/b497a004fd93ba4f'
>>> str(mention_iri(a, Span(0, 11)))
'https://w3id.org/geokg/resource/article/b497a004fd93ba4f/mention/0-11'
>>> str(entity_iri("person/kim-yong-hyun"))
'https://w3id.org/geokg/resource/person/kim-yong-hyun'
>>> str(entity_iri("place/São Paulo"))
'https://w3id.org/geokg/resource/place/S%C3%A3o%20Paulo'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from urllib.parse import quote

from rdflib import URIRef

from kg.errors import KGError
from kg.model import Article, Event, Quantity, Span, TimeExpression
from kg.rdf.vocab import KGR_NS

__all__ = [
    "article_hash",
    "article_iri",
    "entity_iri",
    "event_iri",
    "mention_iri",
    "occurrence_iri",
    "occurrence_link_iri",
    "occurrences_graph_iri",
    "post_iri",
    "quantity_iri",
    "slug",
    "time_iri",
]

# Unreserved characters plus "/" (keys are paths such as "country/PRK"); everything else,
# "%" and non-ASCII included, is percent-encoded as UTF-8, which keeps the mapping one-to-one.
_SAFE = "/-._~"


def article_hash(key: str) -> str:
    """The 16 hex digits that name an article: the start of the SHA-1 of its key."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def article_iri(article: Article) -> URIRef:
    """``kgr:article/{h}``; also the IRI of the article's named graph."""
    return URIRef(f"{KGR_NS}article/{article_hash(article.key)}")


def entity_iri(key: str) -> URIRef:
    """``kgr:{key}`` with unsafe characters percent-encoded; keys may hold any text."""
    if not key or not key.strip("/"):
        raise KGError(f"entity key {key!r} is empty; an entity needs a key such as 'country/PRK'")
    if any(part in (".", "..") for part in key.split("/")):
        raise KGError(f"entity key {key!r} has a '.' or '..' segment; use a slug instead")
    return URIRef(KGR_NS + quote(key, safe=_SAFE))


def _in_article(article: Article, kind: str, span: Span, suffix: str = "") -> URIRef:
    return URIRef(f"{article_iri(article)}/{kind}/{span.begin}-{span.end}{suffix}")


def mention_iri(article: Article, span: Span) -> URIRef:
    """``kgr:article/{h}/mention/{begin}-{end}``: one node per text span."""
    return _in_article(article, "mention", span)


def event_iri(article: Article, event: Event) -> URIRef:
    """``kgr:article/{h}/event/{begin}-{end}-{type}`` from the event's trigger span."""
    return _in_article(article, "event", event.trigger.span, f"-{event.type.value.lower()}")


def event_iris(article: Article, events: Iterable[Event]) -> list[URIRef]:
    """One IRI per event of an article, in order: :func:`event_iri`, with ``-2``, ``-3``
    ... after it for a later event of the same class on the same trigger (the two
    statements of "X and Y accuse each other"), so that no two events share a node."""
    seen: Counter[URIRef] = Counter()
    out: list[URIRef] = []
    for event in events:
        base = event_iri(article, event)
        seen[base] += 1
        out.append(base if seen[base] == 1 else URIRef(f"{base}-{seen[base]}"))
    return out


def quantity_iri(article: Article, quantity: Quantity) -> URIRef:
    """``kgr:article/{h}/quantity/{begin}-{end}``."""
    return _in_article(article, "quantity", quantity.span)


def time_iri(article: Article, time: TimeExpression) -> URIRef:
    """``kgr:article/{h}/time/{begin}-{end}``."""
    return _in_article(article, "time", time.span)


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens ("Defense Secretary" → "defense-secretary").

    Falls back to a hash when nothing ASCII is left, so a slug is never empty.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    if words:
        return "-".join(words)
    return "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def post_iri(person_key: str, title: str, organization: str | None = None) -> URIRef:
    """The ``org:Post`` a person holds: ``kgr:{person_key}/post/{slug(title)}``.

    When the post is in an organisation or state, its key's slug is appended
    (``.../post/defense-minister--country-kor``) so two posts of one title stay apart.
    """
    tail = slug(title)
    if organization:
        tail += "--" + slug(organization)
    return URIRef(f"{entity_iri(person_key)}/post/{tail}")


def occurrences_graph_iri() -> URIRef:
    """``kgr:occurrences``: the named graph of the occurrence layer (outside every
    article graph)."""
    return URIRef(f"{KGR_NS}occurrences")


def occurrence_iri(founder: str) -> URIRef:
    """``kgr:occurrence/{h}``, ``h`` the start of the SHA-1 of the IRI of the report the
    occurrence was created for (:func:`kg.occurrences.occurrence_id`)."""
    return URIRef(f"{KGR_NS}occurrence/{hashlib.sha1(founder.encode('utf-8')).hexdigest()[:16]}")


def occurrence_link_iri(occurrence: URIRef, report: str) -> URIRef:
    """``{occurrence}/link/{h}``: why ``report`` joined the occurrence."""
    return URIRef(f"{occurrence}/link/{hashlib.sha1(report.encode('utf-8')).hexdigest()[:16]}")
