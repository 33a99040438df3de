"""What scoring reads of an RDF output: its entity and event nodes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal
from rdflib.term import Node

from kg.errors import GoldError
from kg.evaluate.gold import normalize
from kg.model import EntityType, EventType
from kg.rdf.vocab import KG, SEM, TIME

PROVENANCE = frozenset({KG.evidence, KG.trigger, KG.article, RDF.type})
PLACE_PROPS = (KG.location, KG.destination, KG.origin)
LABEL_PROPS = (RDFS.label, SKOS.altLabel)
ENTITY_CLASSES: dict[Node, str] = {KG[t.value]: t.value for t in EntityType}
EVENT_CLASSES: dict[Node, str] = {KG[t.value]: t.value for t in EventType}


@dataclass(frozen=True)
class OutEntity:
    node: Node
    types: frozenset[str]
    names: frozenset[str]
    label: str


@dataclass(frozen=True)
class OutEvent:
    node: Node
    type: str
    label: str
    reachable: frozenset[str]
    places: frozenset[str]
    quantities: frozenset[Decimal]
    times: tuple[tuple[str, str | None], ...]
    modality: str
    polarity: str


def _union(graph: Graph | Dataset) -> Graph:
    if isinstance(graph, Dataset):
        g = Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    return graph


def _labels(g: Graph, node: Node) -> set[str]:
    return {str(o) for prop in LABEL_PROPS for o in g.objects(node, prop)}


def _first_label(g: Graph, node: Node) -> str:
    labels = sorted(str(o) for o in g.objects(node, RDFS.label))
    return labels[0] if labels else str(node)


def _numbers(g: Graph, node: Node) -> Iterator[Decimal]:
    for prop in (KG.value, KG.minValue, KG.maxValue):
        for o in g.objects(node, prop):
            if isinstance(o, Literal):
                try:
                    yield Decimal(str(o))
                except InvalidOperation:
                    continue


def _local(node: Node) -> str:
    text = str(node)
    return re.split(r"[#/]", text)[-1].lower()


def read_output(graph: Graph | Dataset) -> tuple[list[OutEntity], list[OutEvent]]:
    """The entity and event nodes of ``graph`` with what scoring needs of each."""
    g = _union(graph)
    entities: list[OutEntity] = []
    events: list[OutEvent] = []
    types_of: dict[Node, set[Node]] = {}
    for s, o in g.subject_objects(RDF.type):
        types_of.setdefault(s, set()).add(o)
    for node, types in types_of.items():
        ent = {ENTITY_CLASSES[t] for t in types if t in ENTITY_CLASSES}
        if ent:
            entities.append(OutEntity(node=node, types=frozenset(ent),
                                      names=frozenset(normalize(n) for n in _labels(g, node)),
                                      label=_first_label(g, node)))
        kinds = sorted(EVENT_CLASSES[t] for t in types if t in EVENT_CLASSES)
        if kinds:
            events.append(_read_event(g, node, kinds[0]))
    entities.sort(key=lambda e: str(e.node))
    events.sort(key=lambda e: str(e.node))
    return entities, events


def _read_event(g: Graph, node: Node, kind: str) -> OutEvent:
    reachable: set[str] = set()
    frontier = {node}
    seen = {node}
    for _ in range(2):
        nxt: set[Node] = set()
        for n in frontier:
            for p, o in g.predicate_objects(n):
                if p in PROVENANCE or isinstance(o, Literal) or o in seen:
                    continue
                seen.add(o)
                nxt.add(o)
                reachable |= {normalize(x) for x in _labels(g, o)}
        frontier = nxt
    places: set[str] = set()
    for prop in PLACE_PROPS:
        for o in g.objects(node, prop):
            places |= {normalize(x) for x in _labels(g, o)}
    quantities: set[Decimal] = set(_numbers(g, node))
    for p, o in g.predicate_objects(node):
        if p not in PROVENANCE and not isinstance(o, Literal):
            quantities.update(_numbers(g, o))
    times: list[tuple[str, str | None]] = []
    for prop in (SEM.hasTime,):
        for t in g.objects(node, prop):
            dates = [str(d) for d in g.objects(t, TIME.inXSDDate)]
            label = next(iter(sorted(_labels(g, t))), str(t) if isinstance(t, Literal) else "")
            times.append((label, dates[0] if dates else None))
    modality = next((_local(o) for o in g.objects(node, KG.modality)), "asserted")
    polarity = next((_local(o) for o in g.objects(node, KG.polarity)), "positive")
    return OutEvent(node=node, type=kind, label=_first_label(g, node),
                    reachable=frozenset(reachable), places=frozenset(places),
                    quantities=frozenset(quantities), times=tuple(times),
                    modality=modality, polarity=polarity)




def load_graph(path: str | Path) -> Dataset:
    """Read an output file (TriG, N-Quads, Turtle, JSON-LD: by extension) into a Dataset."""
    p = Path(path)
    fmt = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".ttl": "turtle",
           ".jsonld": "json-ld", ".json": "json-ld", ".nt": "nt"}.get(p.suffix.lower())
    if fmt is None:
        raise GoldError(f"{p}: unknown RDF format; use .trig, .nq, .ttl or .jsonld")
    ds = Dataset()
    try:
        if fmt in ("turtle", "nt"):
            ds.graph().parse(p, format=fmt)
        else:
            ds.parse(p, format=fmt)
    except (OSError, ValueError, SyntaxError) as e:
        raise GoldError(f"{p}: cannot read RDF ({e})") from e
    return ds
