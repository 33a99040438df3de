"""Plain-text renderings of scoring reports (what ``kg eval`` prints)."""

from __future__ import annotations

from collections.abc import Sequence

from kg.evaluate.scoring import NONE, Report, Score, pooled
from kg.model import EventType


def _row(name: str, s: Score) -> str:
    return (f"{name:<14} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f}   "
            f"{s.paired_output:>3}/{s.output:<3} {s.paired_gold:>3}/{s.gold:<3}")


def format_report(report: Report, *, misses: bool = True) -> str:
    """A plain-text table: entity and event P/R/F1, per event class, arguments, misses."""
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


def format_confusion(report: Report) -> str:
    """Gold class (rows) against output class (columns); ``-``: no event on that side."""
    names = [t.value for t in EventType]
    rows = [n for n in names if any(g == n for g, _ in report.confusion)] + [NONE]
    cols = [n for n in names if any(o == n for _, o in report.confusion)] + [NONE]
    width = max(len(c[:5]) for c in cols) + 1
    lines = ["class confusion (rows: gold, columns: output; - = none)",
             f"{'':<12}" + "".join(f"{c[:5]:>{width + 1}}" for c in cols)]
    for r in rows:
        cells = [report.confusion.get((r, c), 0) for c in cols]
        if r == NONE and not any(cells):
            continue
        lines.append(f"{r:<12}" + "".join(f"{(str(n) if n else '.'):>{width + 1}}"
                                         for n in cells))
    return "\n".join(lines)


def format_summary(reports: Sequence[Report]) -> str:
    """One line per gold file, then the pooled counts (micro) and the mean over files."""
    lines = [f"{'gold file':<52} {'ent F1':>6} {'ev P':>5} {'ev R':>5} {'ev F1':>5} {'args':>5}"]
    for r in reports:
        lines.append(_summary_row(r.gold.name, r))
    if len(reports) > 1:
        n = len(reports)
        lines.append(_summary_row("pooled (micro)", pooled(reports)))
        lines.append(f"{'mean over files':<52} {sum(r.entities.f1 for r in reports) / n:6.2f} "
                     f"{sum(r.events.precision for r in reports) / n:5.2f} "
                     f"{sum(r.events.recall for r in reports) / n:5.2f} "
                     f"{sum(r.events.f1 for r in reports) / n:5.2f} "
                     f"{sum(r.argument_accuracy for r in reports) / n:5.2f}")
    return "\n".join(lines)


def _summary_row(name: str, r: Report) -> str:
    return (f"{name:<52} {r.entities.f1:6.2f} {r.events.precision:5.2f} "
            f"{r.events.recall:5.2f} {r.events.f1:5.2f} {r.argument_accuracy:5.2f}")
