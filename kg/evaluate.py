"""Scoring an RDF output against a gold annotation, exactly as CONTRACT.md ("Gold
annotations") defines it.

- Entities: an output node whose direct ``rdf:type`` is the gold type and whose
  ``rdfs:label`` / ``skos:altLabel`` equals the gold label or an alias (case, punctuation, a
  leading "the" and a possessive "'s" ignored). Gold and output are paired by a maximum
  bipartite matching, so a second node for the same real thing is a false positive.
- Events: an output event of an allowed type whose reachable labels (labels of the nodes
  within two hops, not through ``kg:evidence`` / ``kg:trigger`` / ``kg:article``) include
  every gold participant (``A|B``: either); pairs by a maximum matching (required gold
  events first). Precision = paired output events / output events; recall = paired
  required gold events / required gold events. Optional gold items are neither required
  nor false positives.
- Arguments (place, quantity, time, time_text, modality, polarity) are scored on paired
  events, each where the gold event states it.

``evaluate(gold_path, graph) -> Report``; :func:`format_report` renders it as text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal
from rdflib.term import Node

from kg.errors import GoldError
from kg.model import EntityType, EventType
from kg.rdf.vocab import KG, SEM, TIME

PROVENANCE = frozenset({KG.evidence, KG.trigger, KG.article, RDF.type})
PLACE_PROPS = (KG.location, KG.destination, KG.origin)
LABEL_PROPS = (RDFS.label, SKOS.altLabel)
ENTITY_CLASSES: dict[Node, str] = {KG[t.value]: t.value for t in EntityType}
EVENT_CLASSES: dict[Node, str] = {KG[t.value]: t.value for t in EventType}
ARGUMENTS = ("place", "quantity", "time", "time_text", "modality", "polarity")


# --------------------------------------------------------------------------- names


def normalize(name: str) -> str:
    """Case, punctuation, a leading "the" and a possessive "'s" ignored."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = text.replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"^the\s+", "", text)
    text = "".join(ch if ch.isalnum() or ch.isspace() else "" for ch in text)
    return " ".join(text.split())


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldEntity:
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    optional: bool = False

    @property
    def names(self) -> frozenset[str]:
        return frozenset(normalize(n) for n in (self.label, *self.aliases))


@dataclass(frozen=True)
class GoldEvent:
    types: tuple[str, ...]
    participants: tuple[str, ...]
    place: str | None = None
    quantity: tuple[Decimal, ...] = ()
    time: str | None = None
    time_text: str | None = None
    modality: str | None = None
    polarity: str | None = None
    optional: bool = False
    note: str = ""

    def describe(self) -> str:
        who = ", ".join(self.participants) or "-"
        extra = f" ({self.note})" if self.note else ""
        return f"{'/'.join(self.types)}[{who}]{extra}"


@dataclass(frozen=True)
class Gold:
    path: Path
    file: str
    entities: tuple[GoldEntity, ...]
    events: tuple[GoldEvent, ...]

    @property
    def article_path(self) -> Path:
        """The annotated article, relative to the gold file."""
        return (self.path.parent / self.file).resolve()

    def names_of(self, name: str) -> frozenset[str]:
        """``name`` and, when it is a gold entity's label or alias, all that entity's names."""
        norm = normalize(name)
        out = {norm}
        for e in self.entities:
            if norm in e.names:
                out |= e.names
        return frozenset(out)


def _decimal(v: Any, path: Path) -> Decimal:
    try:
        return Decimal(str(v))
    except InvalidOperation as e:
        raise GoldError(f"{path}: quantity {v!r} is not a number") from e


def load_gold(path: str | Path) -> Gold:
    """Read a ``*.gold.json`` file; a malformed one raises :class:`GoldError`."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise GoldError(f"{p}: cannot read gold file ({e.strerror})") from e
    except json.JSONDecodeError as e:
        raise GoldError(f"{p}: not valid JSON (line {e.lineno}: {e.msg})") from e
    if not isinstance(data, dict) or "events" not in data or "file" not in data:
        raise GoldError(f"{p}: a gold file is an object with 'file', 'entities' and 'events'")
    valid_entity = {t.value for t in EntityType}
    valid_event = {t.value for t in EventType}
    entities: list[GoldEntity] = []
    for ent in data.get("entities", []):
        if ent.get("type") not in valid_entity:
            raise GoldError(f"{p}: entity {ent.get('label')!r} has type {ent.get('type')!r}; "
                            f"expected one of {', '.join(sorted(valid_entity))}")
        entities.append(GoldEntity(label=ent["label"], type=ent["type"],
                                   aliases=tuple(ent.get("aliases", ())),
                                   optional=bool(ent.get("optional", False))))
    events: list[GoldEvent] = []
    for ev in data["events"]:
        types = tuple(ev.get("types", ()))
        bad = [t for t in types if t not in valid_event]
        if not types or bad:
            raise GoldError(f"{p}: event types {list(types)!r} must be among "
                            f"{', '.join(sorted(valid_event))}")
        qty = ev.get("quantity")
        if qty is None:
            qty = []
        elif not isinstance(qty, list):
            qty = [qty]
        events.append(GoldEvent(
            types=types, participants=tuple(ev.get("participants", ())),
            place=ev.get("place"), quantity=tuple(_decimal(q, p) for q in qty),
            time=ev.get("time"), time_text=ev.get("time_text"),
            modality=(ev.get("modality") or None), polarity=(ev.get("polarity") or None),
            optional=bool(ev.get("optional", False)), note=str(ev.get("note", "")),
        ))
    return Gold(path=p, file=str(data["file"]), entities=tuple(entities), events=tuple(events))


# --------------------------------------------------------------------------- output


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


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Score:
    """Precision / recall / F1 from counts (optional gold excluded from both sides)."""

    paired_output: int
    output: int
    paired_gold: int
    gold: int

    @property
    def precision(self) -> float:
        return self.paired_output / self.output if self.output else 0.0

    @property
    def recall(self) -> float:
        return self.paired_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Report:
    gold: Path
    entities: Score
    events: Score
    per_type: dict[str, Score]
    arguments: dict[str, tuple[int, int]]  # argument → (correct, scored)
    missed_events: tuple[str, ...] = ()
    spurious_events: tuple[str, ...] = ()
    missed_entities: tuple[str, ...] = ()
    spurious_entities: tuple[str, ...] = ()
    argument_errors: tuple[str, ...] = field(default=())

    @property
    def argument_accuracy(self) -> float:
        correct = sum(c for c, _ in self.arguments.values())
        total = sum(t for _, t in self.arguments.values())
        return correct / total if total else 0.0


def _matching(edges: Iterable[tuple[int, int, float]]) -> dict[int, int]:
    """Maximum weight bipartite matching: gold index → output index."""
    g: nx.Graph = nx.Graph()
    for gi, oi, w in edges:
        g.add_edge(("g", gi), ("o", oi), weight=w)
    pairs = nx.max_weight_matching(g)
    out: dict[int, int] = {}
    for a, b in pairs:
        gnode, onode = (a, b) if a[0] == "g" else (b, a)
        out[gnode[1]] = onode[1]
    return out


def _participant_ok(gold: Gold, part: str, reachable: frozenset[str]) -> bool:
    return any(gold.names_of(alt) & reachable for alt in part.split("|") if alt.strip())


def _argument_checks(gold: Gold, ge: GoldEvent, oe: OutEvent) -> dict[str, bool]:
    checks: dict[str, bool] = {}
    if ge.place:
        checks["place"] = any(gold.names_of(alt) & oe.places for alt in ge.place.split("|"))
    if ge.quantity:
        checks["quantity"] = all(q in oe.quantities for q in ge.quantity)
    if ge.time:
        checks["time"] = any(d == ge.time for _, d in oe.times)
    if ge.time_text:
        want = normalize(ge.time_text)
        checks["time_text"] = any(
            want and (want == normalize(t) or want in normalize(t) or normalize(t) in want)
            and normalize(t) for t, _ in oe.times)
    if ge.modality:
        checks["modality"] = ge.modality.lower() == oe.modality
    if ge.polarity:
        checks["polarity"] = ge.polarity.lower() == oe.polarity
    return checks


def score(gold: Gold, entities: Sequence[OutEntity], events: Sequence[OutEvent]) -> Report:
    """Score the output nodes against ``gold``."""
    # entities
    ent_edges = [(gi, oi, 10.0 if not ge.optional else 1.0)
                 for gi, ge in enumerate(gold.entities)
                 for oi, oe in enumerate(entities)
                 if ge.type in oe.types and ge.names & oe.names]
    ent_pairs = _matching(ent_edges)
    req_ent = [i for i, e in enumerate(gold.entities) if not e.optional]
    paired_opt_ent = sum(1 for gi in ent_pairs if gold.entities[gi].optional)
    entity_score = Score(
        paired_output=len(ent_pairs) - paired_opt_ent,
        output=len(entities) - paired_opt_ent,
        paired_gold=sum(1 for gi in ent_pairs if not gold.entities[gi].optional),
        gold=len(req_ent))
    matched_out = set(ent_pairs.values())
    # events
    ev_edges: list[tuple[int, int, float]] = []
    for gi, ge in enumerate(gold.events):
        for oi, oe in enumerate(events):
            if oe.type not in ge.types:
                continue
            if not all(_participant_ok(gold, p, oe.reachable) for p in ge.participants):
                continue
            agree = sum(_argument_checks(gold, ge, oe).values())
            ev_edges.append((gi, oi, (100.0 if ge.optional else 1000.0) + agree))
    ev_pairs = _matching(ev_edges)
    paired_opt = sum(1 for gi in ev_pairs if gold.events[gi].optional)
    event_score = Score(
        paired_output=len(ev_pairs) - paired_opt, output=len(events) - paired_opt,
        paired_gold=len(ev_pairs) - paired_opt,
        gold=sum(1 for e in gold.events if not e.optional))
    # per type (a gold event counts under its first type)
    per_type: dict[str, Score] = {}
    paired_outs = {oi: gi for gi, oi in ev_pairs.items()}
    for t in EventType:
        name = t.value
        outs = [oi for oi, oe in enumerate(events) if oe.type == name]
        opt_here = [oi for oi in outs if oi in paired_outs and
                    gold.events[paired_outs[oi]].optional]
        golds = [gi for gi, ge in enumerate(gold.events)
                 if ge.types[0] == name and not ge.optional]
        if not outs and not golds:
            continue
        per_type[name] = Score(
            paired_output=sum(1 for oi in outs if oi in paired_outs) - len(opt_here),
            output=len(outs) - len(opt_here),
            paired_gold=sum(1 for gi in golds if gi in ev_pairs), gold=len(golds))
    # arguments
    counts: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    errors: list[str] = []
    for gi, oi in sorted(ev_pairs.items()):
        ge, oe = gold.events[gi], events[oi]
        for arg, ok in _argument_checks(gold, ge, oe).items():
            counts[arg] += 1
            correct[arg] += ok
            if not ok:
                errors.append(f"{arg}: {ge.describe()} vs {oe.label!r}")
    arguments = {a: (correct[a], counts[a]) for a in ARGUMENTS if counts[a]}
    return Report(
        gold=gold.path, entities=entity_score, events=event_score, per_type=per_type,
        arguments=arguments,
        missed_events=tuple(ge.describe() for gi, ge in enumerate(gold.events)
                            if not ge.optional and gi not in ev_pairs),
        spurious_events=tuple(f"{oe.type}: {oe.label}" for oi, oe in enumerate(events)
                              if oi not in paired_outs),
        missed_entities=tuple(f"{ge.type}: {ge.label}" for gi, ge in enumerate(gold.entities)
                              if not ge.optional and gi not in ent_pairs),
        spurious_entities=tuple(f"{'/'.join(sorted(oe.types))}: {oe.label}"
                                for oi, oe in enumerate(entities) if oi not in matched_out),
        argument_errors=tuple(errors),
    )


def evaluate(gold_path: str | Path, graph: Graph | Dataset) -> Report:
    """Score ``graph`` (the RDF output for the gold's article) against ``gold_path``."""
    gold = load_gold(gold_path)
    entities, events = read_output(graph)
    return score(gold, entities, events)


# --------------------------------------------------------------------------- text


def _row(name: str, s: Score) -> str:
    return (f"{name:<14} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f}   "
            f"{s.paired_output:>3}/{s.output:<3} {s.paired_gold:>3}/{s.gold:<3}")


def format_report(report: Report, *, misses: bool = True) -> str:
    """A plain-text table: entity and event P/R/F1, per event type, arguments, misses."""
    lines = [f"== {report.gold}",
             f"{'':<14} {'P':>6} {'R':>6} {'F1':>6}   {'out':>7} {'gold':>7}",
             _row("entities", report.entities), _row("events", report.events)]
    for name, s in report.per_type.items():
        lines.append(_row("  " + name, s))
    if report.arguments:
        args = ", ".join(f"{a} {c}/{t}" for a, (c, t) in report.arguments.items())
        lines.append(f"arguments      {report.argument_accuracy:6.2f}   ({args})")
    if misses:
        for title, items in (("missed events", report.missed_events),
                             ("spurious events", report.spurious_events),
                             ("argument errors", report.argument_errors),
                             ("missed entities", report.missed_entities),
                             ("spurious entities", report.spurious_entities)):
            if items:
                lines.append(f"{title}:")
                lines.extend(f"  - {x}" for x in items)
    return "\n".join(lines)


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


def evaluate_all(gold_paths: Sequence[str | Path],
                 graph_for: Callable[[Gold], Graph | Dataset]) -> list[Report]:
    """Score each gold file against the graph ``graph_for(gold)`` returns for it."""
    reports: list[Report] = []
    for path in gold_paths:
        gold = load_gold(path)
        entities, events = read_output(graph_for(gold))
        reports.append(score(gold, entities, events))
    return reports


def format_summary(reports: Sequence[Report]) -> str:
    """One line per gold file: entity F1, event P/R/F1, argument accuracy; then the mean."""
    lines = [f"{'gold file':<52} {'ent F1':>6} {'ev P':>5} {'ev R':>5} {'ev F1':>5} {'args':>5}"]
    for r in reports:
        lines.append(f"{r.gold.name:<52} {r.entities.f1:6.2f} {r.events.precision:5.2f} "
                     f"{r.events.recall:5.2f} {r.events.f1:5.2f} {r.argument_accuracy:5.2f}")
    if len(reports) > 1:
        n = len(reports)
        lines.append(f"{'mean':<52} {sum(r.entities.f1 for r in reports) / n:6.2f} "
                     f"{sum(r.events.precision for r in reports) / n:5.2f} "
                     f"{sum(r.events.recall for r in reports) / n:5.2f} "
                     f"{sum(r.events.f1 for r in reports) / n:5.2f} "
                     f"{sum(r.argument_accuracy for r in reports) / n:5.2f}")
    return "\n".join(lines)
