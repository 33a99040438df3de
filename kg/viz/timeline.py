"""The timeline view: events per week (or month) by class as stacked bars, for the whole
graph or for one dyad (two actors that share events), drawn as in-line SVG; a click on a
bar lists its events with their evidence.

An event is dated by its own date when the text gives one, else by its article's
publication date (the panel says which).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from kg.analysis import GraphData
from kg.viz.corpus import Grouping, actor_groups, aggregate
from kg.viz.page import count, render_page
from kg.viz.panel import EventTable, event_date

__all__ = ["MAX_DYADS", "render_timeline"]

#: The dyads offered in the page: the pairs of actors that share most events.
MAX_DYADS = 60


def render_timeline(data: GraphData, *, group: Grouping = actor_groups,
                    title: str = "Geopolitical event graph") -> str:
    """The timeline view as one self-contained page (see the module docstring)."""
    table = EventTable(data)
    dated: list[str] = []
    own = 0
    for iri in sorted(data.events, key=lambda i: (event_date(data.events[i])[0] or "", i)):
        when, source = event_date(data.events[iri])
        if when is None:
            continue
        dated.append(iri)
        own += source == "event"
    table.add(dated)
    keep = set(dated)
    G = aggregate(data, group)
    pairs = sorted(G.edges(data=True), key=lambda t: (-t[2]["weight"], t[0], t[1]))
    dyads: list[dict[str, Any]] = []
    for u, v, d in pairs:
        events = [table.event(e) for e in d["events"] if e in keep]
        if events:
            a, b = sorted((G.nodes[u]["label"], G.nodes[v]["label"]), key=str.casefold)
            dyads.append({"l": f"{a} — {b}", "ev": events})
        if len(dyads) >= MAX_DYADS:
            break
    classes = Counter(data.events[e].type for e in dated)
    undated = len(data.events) - len(dated)
    summary = (f"View: timeline · {count(len(dated), 'dated event')} ({own:,} dated by the "
               f"text, {len(dated) - own:,} by their article's publication date)"
               + (f" · {undated:,} without any date left out" if undated else ""))
    return render_page("timeline.html.j2", title=title, summary=summary,
                       classes=sorted(classes.items()),
                       data={"dated": [table.event(e) for e in dated], "dyads": dyads,
                             **table.records()})
