"""Tallies: what a reported figure counts, so figures from many articles can be compared.

A figure such as "up to 12,000 troops" in a deployment counts one actor's strength (a
state's armed forces count as the state) in one unit (troops, soldiers, personnel, forces,
servicemen and fighters are one unit) at one place as of one day (the event's date, else
the article's publication date; an undated article is its own day). That thing is a
``kg:Tally`` whose IRI is a function of those four, so every article that reports a
figure about it writes the same node::

    quantity ─kg:tally─▶ tally ─kg:tallyOf─▶ actor, ─kg:tallyAt─▶ place,
                               kg:tallyUnit, kg:asOf,
                               kg:reportedAmount, kg:reportedBy, kg:claim, kg:reportedIn

A tally holds, in the union of the article graphs, every amount reported for it and by
whom, so the ``contested_claims`` query finds disagreements by scanning two properties
instead of joining a dozen values per figure. The tally triples are derived from an
article's own triples by :func:`tally_triples`: the mapping adds them to every article it
writes, and the store derives them for graphs written before kg had tallies.

>>> from rdflib import Literal, URIRef
>>> from kg.rdf.vocab import KG, KGR, RDFS
>>> a, e, q = KGR["article/a"], KGR["article/a/event/1"], KGR["article/a/quantity/2"]
>>> ts = tally_triples([(e, KG.quantity, q), (q, KG.value, Literal(500)),
...                     (q, KG.unit, Literal("Soldiers")), (e, KG.article, a),
...                     (a, RDFS.label, Literal("Troops move")), (a, KG.published,
...                     Literal("2024-10-30")), (e, KG.agent, KGR["country/RUS"]),
...                     (e, KG.location, KGR["place/x"])])
>>> sorted(str(o) for s, p, o in ts if p in (KG.tallyUnit, KG.claim, KG.asOf))
['2024-10-30', '500 (Troops move)', 'troops']
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.rdf.vocab import KG, KGR_NS, RDF, RDFS, SEM, TIME

__all__ = ["TROOP_UNITS", "Triple", "normalise_unit", "tally_iri", "tally_triples"]

#: One triple of kg's output: subject, predicate, object.
Triple = tuple[Node, Node, Node]

#: Units that count the same thing: people under arms.
TROOP_UNITS = frozenset({"troops", "soldiers", "personnel", "forces", "servicemen", "fighters"})


def normalise_unit(unit: str) -> str:
    """A unit as tallies compare it: lower case, the words for people under arms as one.

    >>> normalise_unit("Soldiers"), normalise_unit("tanks")
    ('troops', 'tanks')
    """
    low = unit.lower()
    return "troops" if low in TROOP_UNITS else low


def tally_iri(who: URIRef, where: URIRef, unit: str | None, as_of: str) -> URIRef:
    """``kgr:tally/{h}``, ``h`` the start of the SHA-1 of the four things a tally is."""
    key = "\x1f".join((str(who), str(where), "" if unit is None else "u" + unit, as_of))
    return URIRef(f"{KGR_NS}tally/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}")


def tally_triples(triples: Iterable[Triple]) -> list[Triple]:
    """The tally triples of one article's triples (see the module docs).

    Every quantity with a number, of an event with an actor (``kg:agent`` or
    ``kg:participant``) and a place (``kg:location`` or ``kg:destination``), counts for one
    tally per actor and place. The source is the event's ``kg:attributedTo``, else the
    article; a claim is the amount and the source's label (its IRI if it has none).
    """
    objects: dict[tuple[Node, Node], list[Node]] = defaultdict(list)
    quantities: list[tuple[Node, Node]] = []
    for s, p, o in triples:
        objects[s, p].append(o)
        if p == KG.quantity:
            quantities.append((s, o))

    def first(s: Node, *props: URIRef) -> Node | None:
        for p in props:
            found = objects.get((s, p))
            if found:
                return min(found, key=str)  # one value, whatever order the triples came in
        return None

    out: dict[Triple, None] = {}
    for event, q in quantities:
        amount = first(q, KG.value, KG.maxValue, KG.minValue)
        article = first(event, KG.article)
        if not isinstance(amount, Literal) or not isinstance(article, URIRef):
            continue
        actors = objects.get((event, KG.agent), []) + objects.get((event, KG.participant), [])
        places = objects.get((event, KG.location), []) + objects.get((event, KG.destination), [])
        unit_text = first(q, KG.unit)
        unit = None if unit_text is None else normalise_unit(str(unit_text))
        days = [d for t in objects.get((event, SEM.hasTime), [])
                for d in objects.get((t, TIME.inXSDDate), [])]
        day = min(days, key=str) if days else first(article, KG.published)
        as_of = str(day) if day is not None else str(article)
        source = first(event, KG.attributedTo) or article
        label = first(source, RDFS.label)
        claim = Literal(f"{amount} ({label if label is not None else source})")
        for actor in actors:
            who = first(actor, KG.forceOf) or actor
            for where in places:
                if not isinstance(who, URIRef) or not isinstance(where, URIRef):
                    continue
                t = tally_iri(who, where, unit, as_of)
                for triple in ((q, KG.tally, t), (t, RDF.type, KG.Tally),
                               (t, KG.tallyOf, who), (t, KG.tallyAt, where),
                               (t, KG.asOf, Literal(as_of)), (t, KG.reportedAmount, amount),
                               (t, KG.reportedBy, source), (t, KG.claim, claim),
                               (t, KG.reportedIn, event)):
                    out[triple] = None
                if unit is not None:
                    out[t, KG.tallyUnit, Literal(unit)] = None
    return list(out)
