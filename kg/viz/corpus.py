"""The corpus view: actors as nodes, their shared events aggregated into one labelled edge
per pair with counts by class; a click on an edge or a node lists its events, a click on an
event shows its evidence. The layout is computed here (networkx, fixed seed) and baked into
the page with physics off, so the page draws at once.

The nodes are whatever :data:`Grouping` makes of the entities: by default each actor
(person, state, organisation, armed force) is its own node; a grouping that maps people,
forces and ministries to their state draws the country-level network with the same code.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np

from kg.analysis import ACTOR_KINDS, ACTOR_ROLES, SEED, AnalysisError, GraphData
from kg.read import EntityNode, EventNode
from kg.viz.page import CLASS_COLORS, STYLES, TYPE_VERB, count, render_page, short, vis_assets
from kg.viz.panel import EventTable

__all__ = ["CORPUS_EVENTS", "EVENT_CLASSES", "EdgeClasses", "Grouping", "actor_groups",
           "aggregate", "layout", "render_corpus", "spring"]

#: Above this many events the default view is the corpus view.
CORPUS_EVENTS = 150
#: An actor that shares no event with another is drawn only with this many events or more.
MIN_ALONE_EVENTS = 3
#: Label sizes on screen (pixels) when the whole graph is in view, by rank of the node
#: (most events first); 0: shown only on zooming in. The page turns them into sizes at its
#: first zoom, which depends on the window.
TOP_LABELS = 12
_LABEL_PX = ((TOP_LABELS, 16), (3 * TOP_LABELS, 10), (None, 0))
#: The heaviest edges carry labels readable when the whole graph is in view.
TOP_EDGE_LABELS = 12
#: Node key, label and kind of an entity in the picture, or None to leave it out.
Grouping = Callable[[EntityNode], tuple[str, str, str] | None]


@dataclass(frozen=True, slots=True)
class EdgeClasses:
    """What an edge's events are counted by: a class for each event (``of``), its colour and
    the short word of the edge label; ``heading`` names them in the page's filter."""

    heading: str
    of: Callable[[EventNode], str]
    colors: Mapping[str, str]
    words: Mapping[str, str]


#: The corpus view counts an edge's events by event class (``9: spoke 8 · urged 1``).
EVENT_CLASSES = EdgeClasses("Event classes", lambda e: e.type, CLASS_COLORS, TYPE_VERB)

_CELL = 70.0  # layout units (screen pixels at zoom 1) per sqrt(node)


def actor_groups(e: EntityNode) -> tuple[str, str, str] | None:
    """The default grouping: every actor is its own node; places are left out."""
    return (e.iri, e.label, e.kind) if e.kind in ACTOR_KINDS else None


def aggregate(data: GraphData, group: Grouping = actor_groups) -> nx.Graph:
    """One node per group (``label``, ``kind``, ``events``: the IRIs of the events it takes
    part in through an actor role, sorted) and one edge per pair of groups that share
    events (``weight``, ``events``, ``types``: a Counter of event classes)."""
    members: dict[str, set[str]] = defaultdict(set)
    info: dict[str, tuple[str, str]] = {}
    for r in data.roles:
        ent = data.entities.get(r.entity)
        if r.role not in ACTOR_ROLES or ent is None or r.event not in data.events:
            continue
        g = group(ent)
        if g is None:
            continue
        key, label, kind = g
        info.setdefault(key, (label, kind))
        members[r.event].add(key)
    G = nx.Graph()
    by_node: dict[str, list[str]] = defaultdict(list)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event in sorted(members):
        keys = sorted(members[event])
        for i, a in enumerate(keys):
            by_node[a].append(event)
            for b in keys[i + 1:]:
                shared[a, b].append(event)
    for key, events in by_node.items():
        label, kind = info[key]
        G.add_node(key, label=label, kind=kind, events=events)
    for (a, b), events in shared.items():
        G.add_edge(a, b, weight=len(events), events=events,
                   types=Counter(data.events[e].type for e in events))
    return G


def layout(G: nx.Graph, spread: float = 3.0) -> dict[str, tuple[float, float]]:
    """Positions for every node: each connected component laid out by a spring model
    (fixed seed) in a square that grows with the square root of its size; the largest on
    the left, the others packed in rows beside it (biggest first), about as high as it.
    ``spread``: the spring model's ideal distance, times ``1 / sqrt(nodes)``."""
    comps = sorted((sorted(c) for c in nx.connected_components(G)), key=lambda c: (-len(c), c))
    pos: dict[str, tuple[float, float]] = {}
    if not comps:
        return pos
    sides = [_CELL * math.sqrt(len(c)) * (3.0 if i == 0 else 0.6) for i, c in enumerate(comps)]
    main = sides[0]
    rest = sum((s + _CELL / 3) ** 2 for s in sides[1:])
    width = max(rest / main, max(sides[1:], default=0.0))  # the rows beside the largest
    x0 = main / 2 + _CELL
    x, y, row_h = x0, -main / 2, 0.0
    for i, comp in enumerate(comps):
        side = sides[i]
        if len(comp) == 1:
            local = {comp[0]: (0.0, 0.0)}
        else:
            raw = spring(G.subgraph(comp), k=spread / math.sqrt(len(comp)))
            local = {n: (x * side / 2, y * side / 2) for n, (x, y) in raw.items()}
        if i == 0:
            pos.update(local)
            continue
        if x + side > x0 + width + 1e-6:
            x, y, row_h = x0, y + row_h + _CELL / 3, 0.0
        for n, (px, py) in local.items():
            pos[n] = (px + x + side / 2, py + y + side / 2)
        x += side + _CELL / 3
        row_h = max(row_h, side)
    return pos


def spring(G: nx.Graph, k: float, iterations: int = 120,
           seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold positions in [-1, 1]² (networkx's dense algorithm, in NumPy:
    ``nx.spring_layout`` needs SciPy from 500 nodes up, which kg does not install)."""
    nodes = list(G)
    pos = np.random.default_rng(seed).random((len(nodes), 2))
    A = nx.to_numpy_array(G, nodelist=nodes, weight=None)
    t = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.clip(np.linalg.norm(delta, axis=-1), 0.01, None)
        disp = np.einsum("ijk,ij->ik", delta, k * k / dist**2 - A * dist / k)
        length = np.linalg.norm(disp, axis=-1)
        length = np.where(length < 0.01, 0.1, length)
        pos += disp * (t / length)[:, None]
        t -= 0.1 / (iterations + 1)
    pos -= pos.mean(axis=0)
    pos /= max(float(np.abs(pos).max()), 1e-9)
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, pos, strict=True)}


def _label_px(rank: int, tiers: tuple[tuple[int | None, int], ...] = _LABEL_PX) -> int:
    return next(px for upto, px in tiers if upto is None or rank < upto)


def _edge_label(types: Mapping[str, int], total: int, verbs: Mapping[str, str]) -> str:
    top = sorted(types.items(), key=lambda tc: (-tc[1], tc[0]))
    words = " · ".join(f"{verbs.get(t, t)} {c}" for t, c in top[:2])
    return f"{total}: {words}" + (" …" if len(top) > 2 else "")


def render_corpus(data: GraphData, *, group: Grouping = actor_groups,
                  classes: EdgeClasses = EVENT_CLASSES, focus: str | None = None,
                  max_nodes: int = 500, title: str = "Geopolitical event graph",
                  view: str = "corpus", note: str = "",
                  min_alone: int | None = MIN_ALONE_EVENTS, spread: float = 3.0,
                  label_px: tuple[tuple[int | None, int], ...] = _LABEL_PX) -> str:
    """The corpus view as one self-contained page (see the module docstring).

    At most ``max_nodes`` nodes (those with most events); actors that share no event are
    drawn only with ``min_alone`` events or more (None: never). ``focus`` (a label or key)
    is selected when the page opens. ``group`` makes the nodes, ``classes`` counts and
    colours the edges; ``view`` names the view in the header, ``note`` is said under it;
    ``label_px`` sizes the labels by rank (``(up to rank, pixels)``, the last ``None``),
    ``spread`` spaces the layout. The country-level view (:mod:`kg.viz.countries`) is
    this page with states as nodes and edges counted by quad class.
    """
    if max_nodes < 1:
        raise AnalysisError(f"max_nodes must be at least 1, not {max_nodes}")
    G = aggregate(data, group)
    total_nodes = G.number_of_nodes()
    alone = [n for n in G if G.degree(n) == 0
             and (min_alone is None or len(G.nodes[n]["events"]) < min_alone)]
    G.remove_nodes_from(alone)
    ranked = sorted(G, key=lambda n: (-len(G.nodes[n]["events"]), -G.degree(n), n))
    cut = len(ranked) > max_nodes
    if cut:
        G.remove_nodes_from(ranked[max_nodes:])
        ranked = ranked[:max_nodes]
    pos = layout(G, spread)

    table = EventTable(data)
    rank = {n: i for i, n in enumerate(ranked)}
    nodes: list[dict[str, Any]] = []
    for n in ranked:
        d = G.nodes[n]
        style = STYLES.get(d["kind"], STYLES["Entity"])
        k = len(d["events"])
        x, y = pos[n]
        nodes.append({"id": n, "label": short(d["label"]), "full": d["label"],
                      "kind": d["kind"], "shape": style.shape, "color": style.color,
                      "value": math.sqrt(k), "x": round(x, 1), "y": round(y, 1),
                      "rank": rank[n], "px": _label_px(rank[n], label_px),
                      "title": f"{d['label']}\n{style.name} · {count(k, 'event')}",
                      "ev": table.add(d["events"])})
    edges: list[dict[str, Any]] = []
    for i, (u, v, d) in enumerate(sorted(G.edges(data=True),
                                         key=lambda t: (-t[2]["weight"], t[0], t[1]))):
        types = Counter(classes.of(data.events[e]) for e in d["events"])
        main = min(types, key=lambda t: (-types[t], t))
        edges.append({"id": f"e{i}", "from": u, "to": v, "value": d["weight"],
                      "label": _edge_label(types, d["weight"], classes.words),
                      "px": 11 if i < TOP_EDGE_LABELS else 0,
                      "color": {"color": classes.colors.get(main, "#999999"),
                                "opacity": 0.55},
                      "title": f"{G.nodes[u]['label']} — {G.nodes[v]['label']}: "
                               + ", ".join(f"{t} {c}" for t, c in types.most_common()),
                      "etypes": sorted(types), "ev": table.add(d["events"])})
    focus_id = None
    if focus is not None:
        want = " ".join(focus.split()).casefold()
        focus_id = next((n["id"] for n in nodes if n["id"] == focus
                         or n["full"].casefold() == want), None)
        if focus_id is None:
            raise AnalysisError(f"actor {focus!r} is not among the {len(nodes)} actors drawn")

    n_events = len({e for n in nodes for e in n["ev"]})
    summary = (f"View: {view} · {count(len(nodes), 'actor')}, "
               f"{count(len(edges), 'link')} (shared events) · {count(n_events, 'event')} "
               f"of {len(data.events):,} involve an actor drawn")
    notes = [note] if note else []
    if cut:
        notes.append(f"Showing the {max_nodes:,} actors with most events of "
                     f"{total_nodes - len(alone):,}.")
    if alone:
        notes.append(f"{count(len(alone), 'actor')} with "
                     + (f"fewer than {min_alone} events and " if min_alone else "")
                     + "no shared event left out.")
    class_counts = Counter(classes.of(data.events[table.events[i]])
                           for i in {i for n in nodes for i in n["ev"]})
    js, css = vis_assets()
    return render_page(
        "corpus.html.j2", title=title, summary=summary, note=" ".join(notes),
        legend=[s for k, s in STYLES.items() if k in {n["kind"] for n in nodes}],
        filter_heading=classes.heading, filter_colors=classes.colors,
        classes=sorted(class_counts.items()), focus=focus_id, vis_js=js, vis_css=css,
        data={"nodes": nodes, "edges": edges, **table.records()})
