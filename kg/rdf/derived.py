"""Triples derived from an article's own triples and written with them, so that queries
read one stored value instead of joining several.

- ``event sem:hasTimeStamp date``: the date of the event's time expression (what
  ``sem:hasTime / time:inXSDDate`` reaches in two steps);
- ``event kg:eventDate date ; kg:dateSource kg:OwnDate | kg:PublicationDate``: the date
  every answer cut by time reads (:func:`event_date_triples`): the event's own date, else
  its article's publication date, and which of the two it is;
- the tallies its figures count for (:mod:`kg.rdf.tallies`);
- ``article kg:eventCount n``: how many events the article has (:func:`event_count_triples`,
  the one definition of the count; the ``articles`` query reads the stored value).

The mapping adds them to every article it writes, a store adds them to article graphs
given without them, and a store written before kg derived them is upgraded when opened.

>>> from rdflib import Literal
>>> from kg.rdf.vocab import KGR
>>> e, t = KGR["article/a/event/1"], KGR["article/a/time/2"]
>>> [str(o) for _, p, o in derived_triples([(e, SEM.hasTime, t),
...                                         (t, TIME.inXSDDate, Literal("2024-10-30"))])]
['2024-10-30']
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, Literal
from rdflib.term import Node

from kg.model import EventType
from kg.rdf.tallies import Triple, tally_triples
from kg.rdf.vocab import KG, SEM, TIME

__all__ = ["derived_triples", "event_count_triples", "event_date_triples",
           "time_stamp_triples"]


def time_stamp_triples(triples: Iterable[Triple]) -> list[Triple]:
    """``event sem:hasTimeStamp date`` for every ``event sem:hasTime t . t time:inXSDDate
    date`` among ``triples``."""
    times: dict[Node, list[Node]] = {}
    dates: dict[Node, list[Node]] = {}
    for s, p, o in triples:
        if p == SEM.hasTime:
            times.setdefault(o, []).append(s)
        elif p == TIME.inXSDDate:
            dates.setdefault(s, []).append(o)
    return [(event, SEM.hasTimeStamp, d) for t, events in times.items()
            for event in events for d in dates.get(t, ())]


def event_date_triples(triples: Iterable[Triple]) -> list[Triple]:
    """``event kg:eventDate d ; kg:dateSource s`` for every event among ``triples`` (a
    subject of one of the nine event classes): ``d`` its own date (``sem:hasTimeStamp``, or what
    :func:`time_stamp_triples` derives) with ``s`` = ``kg:OwnDate``, else the
    ``kg:published`` date of its ``kg:article`` with ``s`` = ``kg:PublicationDate``; an
    event with neither gets nothing. Several candidates: the earliest, so that the answer
    does not depend on triple order.

    >>> from kg.rdf.vocab import KGR
    >>> a, e = KGR["article/a"], KGR["article/a/event/1"]
    >>> [str(o).rsplit("#")[-1] for _, _, o in event_date_triples([(e, RDF.type,
    ...     KG.Meeting), (e, KG.article, a), (a, KG.published, Literal("2024-10-30"))])]
    ['2024-10-30', 'PublicationDate']
    """
    given = list(triples)
    coded: set[Node] = set()
    article: dict[Node, list[Node]] = {}
    published: dict[Node, list[Node]] = {}
    own: dict[Node, list[Node]] = {}
    for s, p, o in given + time_stamp_triples(given):
        if p == RDF.type and o in _EVENT_CLASSES:
            coded.add(s)
        elif p == KG.article:
            article.setdefault(s, []).append(o)
        elif p == KG.published:
            published.setdefault(s, []).append(o)
        elif p == SEM.hasTimeStamp:
            own.setdefault(s, []).append(o)
    out: list[Triple] = []
    for event in coded:
        if event in own:
            out += [(event, KG.eventDate, min(own[event], key=str)),
                    (event, KG.dateSource, KG.OwnDate)]
            continue
        days = [d for a in article.get(event, ()) for d in published.get(a, ())]
        if days:
            out += [(event, KG.eventDate, min(days, key=str)),
                    (event, KG.dateSource, KG.PublicationDate)]
    return out


_EVENT_CLASSES = frozenset(KG[t.value] for t in EventType)


def derived_triples(triples: Iterable[Triple]) -> list[Triple]:
    """Every derived triple of one article's triples (see the module docs)."""
    given = list(triples)
    return time_stamp_triples(given) + event_date_triples(given) + tally_triples(given)


def event_count_triples(triples: Iterable[Triple]) -> list[Triple]:
    """``article kg:eventCount n`` for every ``article a kg:Article`` among ``triples``,
    ``n`` the events of the article: the subjects with a ``kg:cameoCode`` whose
    ``kg:article`` it is (0 when it has none).

    The mapping writes the count with every article; a store written before kg stored
    counts gets them from here too (:mod:`kg.store.upgrades`). It is not part of
    :func:`derived_triples`: an article graph given without a count keeps it that way.

    >>> from kg.rdf.vocab import KGR
    >>> a, e = KGR["article/a"], KGR["article/a/event/1"]
    >>> [int(n) for _, _, n in event_count_triples([(a, RDF.type, KG.Article),
    ...     (e, KG.article, a), (e, KG.cameoCode, Literal("04"))])]
    [1]
    """
    counts: dict[Node, int] = {}
    coded: set[Node] = set()
    of: list[tuple[Node, Node]] = []
    for s, p, o in triples:
        if p == RDF.type and o == KG.Article:
            counts.setdefault(s, 0)
        elif p == KG.cameoCode:
            coded.add(s)
        elif p == KG.article:
            of.append((s, o))
    for event, article in set(of):
        if event in coded and article in counts:
            counts[article] += 1
    return [(a, KG.eventCount, Literal(n)) for a, n in counts.items()]
