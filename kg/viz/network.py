"""The entity–event views (``full``, ``actors``, ``ego``), drawn by pyvis / vis-network
with physics that settles in the browser; fit for an article or a neighbourhood, not for
the whole corpus (see :mod:`kg.viz.corpus`).

Text from articles never reaches the page as markup: node and edge data are embedded as
JSON with ``<``, ``>``, ``&`` and ``'`` escaped, and vis-network 9 shows string tooltips
with ``innerText``, i.e. as plain text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import networkx as nx
from pyvis.network import Network

from kg.analysis import (
    EVENT_KIND,
    AnalysisError,
    GraphData,
    actor_network,
    cap_graph,
    ego_network,
    event_graph,
    event_types,
    find_node,
    shared_events,
)
from kg.read import EventNode
from kg.viz.page import CSP, STYLES, TYPE_VERB, count, environment, short, vis_assets

__all__ = ["NETWORK_VIEWS", "edge_verb", "render_network", "reported_by"]

NETWORK_VIEWS: tuple[str, ...] = ("full", "actors", "ego")


#: Verb shown on an edge, by event class and role; roles not listed fall back to _ROLE_VERB.
_VERBS: dict[str, dict[str, str]] = {
    "Meeting": {"agent": "met", "participant": "met", "recipient": "met with",
                "addressee": "met with", "speaker": "spoke at", "target": "met about"},
    "Deployment": {"agent": "deployed", "participant": "deployed", "target": "deployed against",
                   "recipient": "deployed for", "location": "deployed in",
                   "origin": "deployed from", "destination": "deployed to"},
    "Statement": {"agent": "said", "speaker": "said", "participant": "said",
                  "addressee": "said to", "recipient": "said to", "target": "said about"},
    "Transfer": {"agent": "supplied", "participant": "supplied", "recipient": "supplied to",
                 "destination": "supplied to", "origin": "supplied from",
                 "target": "supplied against"},
    "Appeal": {"agent": "urged", "speaker": "urged", "participant": "urged",
               "addressee": "urged", "recipient": "urged", "target": "urged"},
    "Training": {"agent": "trained", "participant": "trained with", "recipient": "trained",
                 "location": "trained in", "target": "trained against"},
    "Combat": {"agent": "attacked", "participant": "fought", "target": "attacked",
               "recipient": "attacked", "location": "fought in"},
    "Cooperation": {"agent": "agreed", "participant": "agreed", "recipient": "agreed with",
                    "addressee": "agreed with", "target": "agreed on"},
    "Sanction": {"agent": "sanctioned", "participant": "sanctioned", "target": "sanctioned",
                 "recipient": "sanctioned"},
}
_ROLE_VERB: dict[str, str] = {"agent": "did", "participant": "took part", "recipient": "to",
                              "target": "against", "speaker": "said", "addressee": "to",
                              "location": "in", "origin": "from", "destination": "to"}
#: Roles drawn from the actor to the event ("A met ->"); the others point event -> entity.
_FROM_ENTITY = frozenset({"agent", "participant", "speaker"})

_ENTITY_KINDS = frozenset(k for k in STYLES if k != EVENT_KIND)
_EDGES_PER_NODE = 4  # a page keeps at most this many edges per allowed node
_MAX_QUOTE = 400
_MAX_REPORTS = 12  # an occurrence's tooltip quotes at most this many of its reports


def reported_by(e: EventNode) -> str:
    """``reported by N sources``: how many articles report an event.

    >>> from kg.read import Evidence
    >>> reported_by(EventNode("o", "Meeting", "met", reports=("a#1", "b#1"),
    ...                       evidence=(Evidence("met", "a"), Evidence("met", "b"))))
    'reported by 2 sources'
    """
    return f"reported by {count(e.sources, 'source')}"


def edge_verb(event_type: str, role: str) -> str:
    """The words on the edge between an event and one of its entities.

    >>> edge_verb("Transfer", "recipient"), edge_verb("Meeting", "location")
    ('supplied to', 'in')
    """
    return _VERBS.get(event_type, {}).get(role) or _ROLE_VERB.get(role, role)


# --------------------------------------------------------------------------- tooltips


def _event_tooltip(data: GraphData, G: nx.Graph, iri: str) -> str:
    e = data.events[iri]
    lines = [f"{e.type}: {short(e.label, 120)}"]
    codes = " · ".join(x for x in (e.cameo and f"CAMEO {e.cameo}",
                                   e.plover and f"PLOVER {e.plover}") if x)
    if codes:
        lines.append(codes)
    fact = [f"modality: {e.modality or 'unknown'}"]
    if e.polarity == "Negative":
        fact.append("negated")
    if e.attribution or e.attributed_to:
        fact.append(f"attributed to {e.attribution or e.attributed_to}")
    lines.append("; ".join(fact))
    roles = sorted((d["role"], G.nodes[v].get("label", v))
                   for _, v, d in G.out_edges(iri, data=True)) if G.is_directed() else []
    if roles:
        lines.append("; ".join(f"{r}: {label}" for r, label in roles))
    if e.quote:
        lines.append(f"quote: “{short(e.quote, _MAX_QUOTE)}”")
    if e.reports:
        lines.append(reported_by(e))
    shown = max(2, min(len(e.reports), _MAX_REPORTS))  # a span of each report first
    for ev in e.evidence[:shown]:
        lines.append(f"“{short(ev.text, _MAX_QUOTE)}”")
        extra = ", ".join(x for x in (ev.source, ev.published) if x)
        lines.append(f"source: {ev.title or '(untitled article)'}"
                     + (f" ({extra})" if extra else "")
                     + (f" <{ev.article}>" if ev.article else ""))
    if len(e.evidence) > shown:
        lines.append(f"(+{len(e.evidence) - shown} more sources)")
    return "\n".join(lines)


def _entity_tooltip(G: nx.Graph, n: str, events: int) -> str:
    d = G.nodes[n]
    kind = STYLES.get(d.get("kind", "Entity"), STYLES["Entity"]).name
    return f"{d.get('label', n)}\n{kind} · {events} event{'s' if events != 1 else ''}\n{n}"


# --------------------------------------------------------------------------- page


def _options(n_nodes: int, directed: bool) -> dict[str, Any]:
    return {
        "physics": {
            "enabled": n_nodes > 1,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 100,
                                 "springConstant": 0.06, "avoidOverlap": 0.3},
            "stabilization": {"enabled": True, "iterations": 300 if n_nodes <= 200 else 150,
                              "updateInterval": 25, "fit": True},
            "minVelocity": 1.0,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True,
                        "keyboard": False, "navigationButtons": False},
        "nodes": {"font": {"size": 13, "face": "system-ui, sans-serif"}, "borderWidth": 1,
                  "scaling": {"min": 8, "max": 36}},
        "edges": {"smooth": False, "color": {"color": "#b9b9b9", "highlight": "#333333"},
                  "font": {"size": 9, "color": "#555555", "strokeWidth": 3,
                           "align": "middle"},
                  "arrows": {"to": {"enabled": directed, "scaleFactor": 0.4}},
                  "scaling": {"min": 1, "max": 6, "label": {"enabled": False}}},
    }


def _render_event_view(net: Network, data: GraphData, G: nx.MultiDiGraph) -> None:
    for n, d in sorted(G.nodes(data=True)):
        kind = d.get("kind", "Entity")
        style = STYLES.get(kind, STYLES["Entity"])
        if kind == EVENT_KIND:
            e = data.events[n]
            label = d["event_type"] + (f"\n{reported_by(e)}" if e.sources > 1 else "")
            net.add_node(n, label=label, shape=style.shape, color=style.color,
                         title=_event_tooltip(data, G, n), kind=EVENT_KIND,
                         etype=d["event_type"], size=8, font={"size": 10})
        else:
            k = G.in_degree(n)
            net.add_node(n, label=short(d.get("label", n)), shape=style.shape,
                         color=style.color, title=_entity_tooltip(G, n, k), kind=kind,
                         value=max(k, 1))
    for i, (u, v, role) in enumerate(sorted(G.edges(keys=True))):
        etype = G.nodes[u]["event_type"]
        verb = edge_verb(etype, role)
        src, dst = (v, u) if role in _FROM_ENTITY else (u, v)
        net.add_edge(src, dst, id=f"e{i}", label=verb, role=role,
                     title=f"{G.nodes[v].get('label', v)} — {role} of {etype}: "
                           f"{short(G.nodes[u].get('label', u), 120)}")


def _render_actor_view(net: Network, data: GraphData, G: nx.Graph) -> None:
    for n, d in sorted(G.nodes(data=True)):
        style = STYLES.get(d.get("kind", "Entity"), STYLES["Entity"])
        k = int(G.degree(n, weight="weight"))
        net.add_node(n, label=short(d.get("label", n)), shape=style.shape, color=style.color,
                     title=_entity_tooltip(G, n, k), kind=d.get("kind", "Entity"),
                     value=max(k, 1))
    for i, (u, v, d) in enumerate(sorted(G.edges(data=True), key=lambda t: (t[0], t[1]))):
        types: Mapping[str, int] = event_types(d)
        label = ", ".join(TYPE_VERB.get(t, t) + (f" ×{c}" if c > 1 else "")
                          for t, c in sorted(types.items(), key=lambda tc: (-tc[1], tc[0])))
        lines = [f"{G.nodes[u].get('label', u)} — {G.nodes[v].get('label', v)}: "
                 f"{d.get('weight', 1)} shared event(s)"]
        for e in shared_events(d)[:5]:
            rec = data.events[e]
            quote = f" “{short(rec.evidence[0].text, 200)}”" if rec.evidence else ""
            lines.append(f"{rec.type}: {short(rec.label, 100)}{quote}")
        net.add_edge(u, v, id=f"e{i}", label=short(label, 60), title="\n".join(lines),
                     value=d.get("weight", 1), etypes=sorted(types), arrows="")


def render_network(data: GraphData, *, view: str = "full", focus: str | None = None,
                   hops: int = 2, max_nodes: int = 500,
                   title: str = "Geopolitical event graph") -> str:
    """One self-contained interactive HTML page of the graph.

    ``view``: ``"full"`` (entities and events, edges labelled by role), ``"actors"``
    (actors linked by shared events; with ``focus``, only those within ``hops``) or
    ``"ego"`` (the events and entities within ``hops`` actor steps of ``focus``, which
    it requires). Graphs above ``max_nodes`` nodes (or ``4 * max_nodes`` edges) are cut
    to the best-connected part and the page says so. In ``"full"`` view ``focus``
    preselects that actor in the actor filter.
    """
    if view not in NETWORK_VIEWS:
        raise AnalysisError(f"unknown view {view!r}; choose one of "
                            f"{', '.join(NETWORK_VIEWS)}")
    if hops < 0:
        raise AnalysisError(f"hops must be 0 or more, not {hops}")
    G: nx.Graph
    alone = 0
    if view == "actors":
        G = actor_network(data)
        if focus is not None:
            G = ego_network(G, focus, hops)
        lonely = [n for n, k in G.degree() if k == 0 and n != G.graph.get("center")]
        alone = len(lonely)  # actors that share no event with another: not drawn
        G.remove_nodes_from(lonely)
    else:
        G = event_graph(data)
        if view == "ego":
            if focus is None:
                raise AnalysisError("the ego view needs an actor: give focus (--focus NAME)")
            G = ego_network(G, find_node(G, focus, kinds=_ENTITY_KINDS), 2 * hops)
        elif focus is not None:
            G.graph["center"] = find_node(G, focus, kinds=_ENTITY_KINDS)
    G, note = cap_graph(G, max_nodes, max_edges=_EDGES_PER_NODE * max_nodes)
    center = G.graph.get("center")
    focus_id = str(center) if center is not None and center in G else None

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.options = _options(G.number_of_nodes(), view != "actors")  # a dict is used as is
    if view == "actors":
        _render_actor_view(net, data, G)
        type_counts: Counter[str] = Counter()
        for _, _, d in G.edges(data=True):
            type_counts.update(event_types(d))
    else:
        _render_event_view(net, data, G)
        type_counts = Counter(d["event_type"] for _, d in G.nodes(data=True)
                              if d.get("kind") == EVENT_KIND)

    kinds_present = {d.get("kind", "Entity") for _, d in G.nodes(data=True)}
    legend = [s for k, s in STYLES.items()
              if (k == EVENT_KIND and view != "actors") or k in kinds_present
              or k not in (EVENT_KIND, "Entity")]
    undirected = G.to_undirected(as_view=True) if G.is_directed() else G
    actors = sorted(((n, str(d.get("label", n))) for n, d in G.nodes(data=True)
                     if d.get("kind") not in (EVENT_KIND, "Place")),
                    key=lambda t: (-undirected.degree(t[0]), t[1].casefold(), t[0]))
    articles = {ev.article for e in data.events.values() for ev in e.evidence if ev.article}
    n_events = sum(1 for _, k in G.nodes(data="kind") if k == EVENT_KIND)
    n_entities = G.number_of_nodes() - n_events
    summary = (f"View: {view}"
               + (f" around {G.nodes[focus_id].get('label', focus_id)}, {hops} hop(s)"
                  if focus_id is not None and view != "full" else "")
               + f" · {n_entities:,} entities"
               + (f", {n_events:,} events" if view != "actors" else
                  f", {G.number_of_edges():,} links")
               + (f" ({count(alone, 'actor')} sharing no event left out)" if alone else "")
               + f" · graph of {count(len(data.events), 'event')} from "
               + count(len(articles), "article"))

    js, css = vis_assets()
    env = environment().overlay()
    env.globals["kg"] = {
        "title": title, "summary": summary, "csp": CSP, "note": note, "legend": legend,
        "event_types": sorted(type_counts.items()), "actors": actors, "focus": focus_id,
        "vis_js": js, "vis_css": css,
    }
    net.templateEnv = env
    net.path = "page.html.j2"
    html: str = net.generate_html()
    return html
