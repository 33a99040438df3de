"""Scoring output nodes against a gold annotation (CONTRACT.md, "Gold annotations").

- Entities: paired by a maximum bipartite matching over type and names, so a second node
  for one real thing is a false positive.
- Events: an output event of an allowed type whose reachable labels include every gold
  participant; paired by a maximum matching (required gold first).
- Arguments: scored on paired events, each where the gold event states it.
- Class confusion: after the typed matching, unpaired gold and output events that share
  every gold participant (gold events with at least one participant) are paired once more
  regardless of class; such a pair counts as a confusion of the two classes, an unpaired
  gold event as missed (``-`` column), an unpaired output event as spurious (``-`` row).

:func:`pooled` adds the counts of several reports (micro average), the figure to quote for
a split of many small files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.evaluate.gold import Gold, GoldEvent, normalize
from kg.evaluate.output import OutEntity, OutEvent
from kg.model import EventType

ARGUMENTS = ("place", "quantity", "time", "time_text", "modality", "polarity")
#: The row / column of the confusion table for "no event of the other side".
NONE = "-"


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

    def __add__(self, other: Score) -> Score:
        return Score(self.paired_output + other.paired_output, self.output + other.output,
                     self.paired_gold + other.paired_gold, self.gold + other.gold)


ZERO = Score(0, 0, 0, 0)


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
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)  # (gold, output)

    @property
    def argument_accuracy(self) -> float:
        correct = sum(c for c, _ in self.arguments.values())
        total = sum(t for _, t in self.arguments.values())
        return correct / total if total else 0.0


def pooled(reports: Sequence[Report], name: str = "pooled") -> Report:
    """One report whose counts are the sums of ``reports``' (micro average)."""
    per_type: dict[str, Score] = {}
    arguments: dict[str, tuple[int, int]] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    for r in reports:
        for t, s in r.per_type.items():
            per_type[t] = per_type.get(t, ZERO) + s
        for a, (c, n) in r.arguments.items():
            c0, n0 = arguments.get(a, (0, 0))
            arguments[a] = (c0 + c, n0 + n)
        confusion.update(r.confusion)
    order = [t.value for t in EventType]
    return Report(
        gold=Path(name), entities=sum((r.entities for r in reports), ZERO),
        events=sum((r.events for r in reports), ZERO),
        per_type={t: per_type[t] for t in order if t in per_type},
        arguments={a: arguments[a] for a in ARGUMENTS if a in arguments},
        confusion=dict(confusion))


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


def _participants_ok(gold: Gold, ge: GoldEvent, oe: OutEvent) -> bool:
    return all(_participant_ok(gold, p, oe.reachable) for p in ge.participants)


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
            want and (want == normalize(t) or want in normalize(t)
                      or normalize(t) in want)
            and normalize(t) for t, _ in oe.times)
    if ge.modality:
        checks["modality"] = ge.modality.lower() == oe.modality
    if ge.polarity:
        checks["polarity"] = ge.polarity.lower() == oe.polarity
    return checks


def _argument_values(arg: str, ge: GoldEvent, oe: OutEvent) -> str:
    """Gold and output values of one argument, for an error line."""
    if arg == "place":
        return f"gold {ge.place}, output {', '.join(sorted(oe.places)) or '-'}"
    if arg == "quantity":
        got = ", ".join(str(q) for q in sorted(oe.quantities)) or "-"
        return f"gold {', '.join(str(q) for q in ge.quantity)}, output {got}"
    if arg in ("time", "time_text"):
        want = ge.time if arg == "time" else ge.time_text
        got = ", ".join((d or "-") if arg == "time" else t for t, d in oe.times) or "-"
        return f"gold {want}, output {got}"
    want, got = (ge.modality, oe.modality) if arg == "modality" else (ge.polarity, oe.polarity)
    return f"gold {(want or '').lower()}, output {got}"


def _confusion(gold: Gold, events: Sequence[OutEvent], pairs: dict[int, int],
               ignored_out: set[int]) -> dict[tuple[str, str], int]:
    table: Counter[tuple[str, str]] = Counter()
    for gi, oi in pairs.items():
        if not gold.events[gi].optional:
            table[(gold.events[gi].types[0], events[oi].type)] += 1
    left_gold = [gi for gi, ge in enumerate(gold.events) if not ge.optional and gi not in pairs]
    used = set(pairs.values()) | ignored_out
    left_out = [oi for oi in range(len(events)) if oi not in used]
    second = _matching((gi, oi, 1.0) for gi in left_gold for oi in left_out
                       if gold.events[gi].participants
                       and _participants_ok(gold, gold.events[gi], events[oi]))
    for gi in left_gold:
        match = second.get(gi)
        table[(gold.events[gi].types[0], events[match].type if match is not None else NONE)] += 1
    for oi in set(left_out) - set(second.values()):
        table[(NONE, events[oi].type)] += 1
    return dict(table)


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
            if oe.type not in ge.types or not _participants_ok(gold, ge, oe):
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
    optional_outs = {oi for oi, gi in paired_outs.items() if gold.events[gi].optional}
    for t in EventType:
        name = t.value
        outs = [oi for oi, oe in enumerate(events) if oe.type == name]
        opt_here = [oi for oi in outs if oi in optional_outs]
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
                errors.append(f"{arg}: {ge.describe()} vs {oe.label!r} "
                              f"({_argument_values(arg, ge, oe)})")
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
        confusion=_confusion(gold, events, ev_pairs, optional_outs),
    )
