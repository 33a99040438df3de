"""Network analysis of the knowledge graph: networkx projections and measures.

The graph comes in through the read side (:mod:`kg.read`), from anything that answers
SPARQL SELECT queries (a :class:`kg.store.KnowledgeGraph`, see :class:`Queryable`) or a
plain rdflib ``Graph``/``Dataset``: :func:`load_graph_data` pulls events, entities and role
edges out into a plain :class:`GraphData`; everything here is a pure function over that
plain data:

    source (RDF) --load_graph_data--> GraphData --event_graph--> nx.MultiDiGraph
                                               --actor_network--> nx.Graph
    G --ego_network / cap_graph / rankings / communities / export_graph

Node identifiers are the IRIs of the entities and events (strings); every node carries
``label`` and ``kind`` (an entity class such as ``Person``, or ``event``).

>>> data = GraphData(
...     entities={"a": EntityNode("a", "Ann", "Person"), "b": EntityNode("b", "Bo", "Person")},
...     events={"e": EventNode("e", "Meeting", "Ann met Bo")},
...     roles=(RoleEdge("e", "agent", "a"), RoleEdge("e", "participant", "b")))
>>> G = actor_network(data)
>>> G["a"]["b"]["weight"], event_types(G["a"]["b"]), shared_events(G["a"]["b"])
(1, {'Meeting': 1}, ['e'])
"""

from __future__ import annotations

import difflib
import json
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import AnalysisError
from kg.model import EntityType, EventType, Role
from kg.read import (
    EntityNode,
    EventNode,
    Evidence,
    GraphData,
    Queryable,
    RdflibSource,
    RoleEdge,
    load_graph_data,
)

__all__ = [
    "ACTOR_KINDS",
    "ACTOR_ROLES",
    "PLACE_ROLES",
    "AnalysisError",
    "ChainLink",
    "EntityNode",
    "EventNode",
    "Evidence",
    "GraphData",
    "Queryable",
    "RdflibSource",
    "RoleEdge",
    "actor_network",
    "cap_graph",
    "communities",
    "count_by_type",
    "describe",
    "ego_network",
    "event_chain",
    "event_graph",
    "event_types",
    "export_graph",
    "find_node",
    "format_chain",
    "format_communities",
    "format_rankings",
    "label_of",
    "load_graph_data",
    "rankings",
    "shared_events",
]


#: Roles that link an event to an actor, and roles that link it to a place (CONTRACT.md).
ACTOR_ROLES: tuple[str, ...] = tuple(r.value for r in (
    Role.AGENT, Role.PARTICIPANT, Role.RECIPIENT, Role.TARGET, Role.SPEAKER, Role.ADDRESSEE))
PLACE_ROLES: tuple[str, ...] = tuple(r.value for r in (
    Role.LOCATION, Role.ORIGIN, Role.DESTINATION))
#: Entity classes that count as actors in the actor network (a place is not an actor).
ACTOR_KINDS: frozenset[str] = frozenset(t.value for t in (
    EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.MILITARY_FORCE))
EVENT_KIND = "event"

_BETWEENNESS_BUDGET = 2_000_000  # edge visits before betweenness is estimated from a sample
_BETWEENNESS_MIN_SAMPLE = 64
SEED = 42


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One step of an event chain: ``source`` and ``target`` both take part in ``event``."""

    source: EntityNode
    event: EventNode
    target: EntityNode


#: Deprecated names of :class:`EntityNode` and :class:`EventNode` (kept for one release;
#: :class:`kg.read.EventRecord` is the full record of an event).
_DEPRECATED = {"EntityRecord": EntityNode, "EventRecord": EventNode}


def __getattr__(name: str) -> Any:
    if name in _DEPRECATED:
        warnings.warn(f"kg.analysis.{name} is deprecated; use kg.read."
                      f"{_DEPRECATED[name].__name__}", DeprecationWarning, stacklevel=2)
        return _DEPRECATED[name]
    raise AttributeError(f"module 'kg.analysis' has no attribute {name!r}")


# --------------------------------------------------------------------------- graphs


def _entity_attrs(e: EntityNode) -> dict[str, Any]:
    return {"label": e.label, "kind": e.kind}


def _event_attrs(e: EventNode) -> dict[str, Any]:
    attrs: dict[str, Any] = {"label": e.label, "kind": EVENT_KIND, "event_type": e.type}
    for key in ("cameo", "plover", "modality", "polarity", "attributed_to", "attribution",
                "date"):
        value = getattr(e, key)
        if value is not None:
            attrs[key] = value
    if e.evidence:
        attrs["evidence"] = e.evidence[0].text
        if e.evidence[0].article is not None:
            attrs["article"] = e.evidence[0].article
    return attrs


def event_graph(data: GraphData) -> nx.MultiDiGraph:
    """Entities and events as nodes; one edge event -> entity per role (key and ``role``):
    kg's one actor–event graph (``kg analyze --graph events``, ``kg export --format
    graphml``, the pictures). Attributes are strings: entity ``label``, ``kind`` (class);
    event ``kind="event"``, ``label``, ``event_type`` and when known ``cameo``, ``plover``,
    ``modality``, ``polarity``, ``attributed_to``, ``attribution``, ``date``, ``evidence``,
    ``article``. Entities that take part in no event are left out."""
    G = nx.MultiDiGraph()
    for e in data.events.values():
        G.add_node(e.iri, **_event_attrs(e))
    for r in data.roles:
        if r.entity not in G:
            G.add_node(r.entity, **_entity_attrs(data.entities[r.entity]))
        G.add_edge(r.event, r.entity, key=r.role, role=r.role)
    return G


def _actors_by_event(data: GraphData) -> dict[str, list[str]]:
    """Event IRI -> sorted actors taking part in it through an actor role."""
    out: dict[str, set[str]] = defaultdict(set)
    for r in data.roles:
        ent = data.entities.get(r.entity)
        if r.role in ACTOR_ROLES and ent is not None and ent.kind in ACTOR_KINDS:
            out[r.event].add(r.entity)
    return {e: sorted(xs) for e, xs in out.items()}


def actor_network(data: GraphData) -> nx.Graph:
    """Actors (people, states, organisations, forces) linked when they share an event;
    every actor of an event is a node, even alone. Attributes are scalars (networkx
    writes GraphML / GEXF as it is): nodes ``label``, ``kind``; edges ``weight`` (shared
    events), a count per event class shared (``Meeting``...: :func:`event_types`) and
    ``events``, their IRIs separated by spaces (:func:`shared_events`)."""
    G = nx.Graph()
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event, actors in sorted(_actors_by_event(data).items()):
        G.add_nodes_from((a, _entity_attrs(data.entities[a])) for a in actors if a not in G)
        for i, a in enumerate(actors):
            for b in actors[i + 1:]:
                shared[a, b].append(event)
    for (a, b), events in shared.items():
        counts = Counter(data.events[e].type for e in events)
        G.add_edge(a, b, weight=len(events), events=" ".join(events), **counts)
    return G


_EVENT_TYPES: tuple[str, ...] = tuple(t.value for t in EventType)


def event_types(attrs: Mapping[str, Any]) -> dict[str, int]:
    """An :func:`actor_network` edge's event classes and counts (``{"Meeting": 2}``)."""
    return {t: int(attrs[t]) for t in _EVENT_TYPES if t in attrs}


def shared_events(attrs: Mapping[str, Any]) -> list[str]:
    """The IRIs of an :func:`actor_network` edge's events, in IRI order."""
    return str(attrs.get("events", "")).split()


def find_node(G: nx.Graph, actor: str, *, kinds: Iterable[str] | None = None) -> str:
    """The node named by ``actor``: its IRI, the tail of its IRI (``person/lloyd-austin``)
    or its label (case and surrounding space ignored). Raises :class:`AnalysisError`
    naming close matches when there is no such node or the label is ambiguous."""
    allowed = set(kinds) if kinds is not None else None
    nodes = [n for n, k in G.nodes(data="kind") if allowed is None or k in allowed]
    if actor in G and (allowed is None or G.nodes[actor].get("kind") in allowed):
        return actor
    want = " ".join(actor.split()).casefold()
    by_label: dict[str, list[str]] = defaultdict(list)
    for n in nodes:
        by_label[" ".join(str(G.nodes[n].get("label", n)).split()).casefold()].append(n)
    hits = sorted(by_label.get(want, []))
    if not hits:
        hits = sorted(n for n in nodes if str(n).endswith("/" + actor.strip()))
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise AnalysisError(f"{actor!r} names {len(hits)} nodes: {', '.join(hits[:5])}; "
                            "give the IRI instead")
    close = difflib.get_close_matches(want, list(by_label), n=5, cutoff=0.6)
    close += sorted(lab for lab in by_label if want and want in lab and lab not in close)
    labels = [str(G.nodes[by_label[c][0]].get("label", c)) for c in close[:5]]
    hint = f"; close matches: {', '.join(labels)}" if labels else "; no close match"
    raise AnalysisError(f"actor {actor!r} is not in the graph ({len(nodes)} candidates){hint}")


def ego_network(G: nx.Graph, actor_label_or_iri: str, hops: int = 1) -> nx.Graph:
    """The subgraph within ``hops`` edges of an actor (edge direction ignored).

    In an event graph, actor - event - actor is two hops.
    """
    if hops < 0:
        raise AnalysisError(f"hops must be 0 or more, not {hops}")
    center = find_node(G, actor_label_or_iri)
    undirected = G.to_undirected(as_view=True) if G.is_directed() else G
    near = nx.single_source_shortest_path_length(undirected, center, cutoff=hops)
    sub: nx.Graph = G.subgraph(near).copy()
    sub.graph["center"] = center
    return sub


def _simple(G: nx.Graph) -> nx.Graph:
    """An undirected simple graph; parallel edges become one edge whose weight is their
    count (or summed weight)."""
    if not G.is_multigraph() and not G.is_directed():
        return G
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    for u, v, d in G.edges(data=True):
        w = d.get("weight", 1)
        if H.has_edge(u, v):
            H[u][v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    return H


def _sorted(scores: Mapping[str, float], top: int | None) -> list[tuple[str, float]]:
    items = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    return items[:top] if top is not None else items


def rankings(G: nx.Graph, top: int | None = None) -> dict[str, list[tuple[str, float]]]:
    """Centrality rankings, highest first (ties by node id): ``degree`` (number of
    distinct neighbours), ``weighted_degree`` (sum of edge weights), ``betweenness``
    (unweighted, normalised; on big graphs estimated from a fixed-seed sample of at least
    64 source nodes, about 2 million edge visits) and ``pagerank`` (edge weights as strengths)."""
    H = _simple(G)
    n = H.number_of_nodes()
    if n == 0:
        return {"degree": [], "weighted_degree": [], "betweenness": [], "pagerank": []}
    degree = {v: float(d) for v, d in H.degree()}
    weighted = {v: float(d) for v, d in H.degree(weight="weight")}
    # exact up to a work budget of ~2M edge visits, else a fixed-seed sample of sources
    k = max(_BETWEENNESS_MIN_SAMPLE, _BETWEENNESS_BUDGET // (n + H.number_of_edges()))
    k = k if k < n else None
    between = nx.betweenness_centrality(H, k=k, seed=SEED)
    pagerank = _pagerank(H)
    return {"degree": _sorted(degree, top), "weighted_degree": _sorted(weighted, top),
            "betweenness": _sorted(between, top), "pagerank": _sorted(pagerank, top)}


def _pagerank(H: nx.Graph, alpha: float = 0.85, tol: float = 1e-9,
              max_iter: int = 200) -> dict[str, float]:
    """Weighted PageRank of an undirected graph by power iteration (pure Python, so no
    SciPy is needed); a node without edges spreads its rank evenly."""
    nodes = list(H)
    n = len(nodes)
    strength = {v: float(H.degree(v, weight="weight")) for v in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[v] for v in nodes if strength[v] == 0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for v in nodes:
            if strength[v]:
                share = alpha * rank[v] / strength[v]
                for u, d in H[v].items():
                    new[u] += share * d.get("weight", 1)
        done = sum(abs(new[v] - rank[v]) for v in nodes) < n * tol
        rank = new
        if done:
            break
    return rank


def communities(G: nx.Graph) -> list[set[str]]:
    """Louvain communities (edge weights used, seed fixed), largest first."""
    H = _simple(G)
    if H.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(H, weight="weight", seed=SEED)
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(c)))


def event_chain(data: GraphData, actor_a: str, actor_b: str) -> list[ChainLink]:
    """A shortest chain of events linking two actors: A -e1- X -e2- ... -en- B, each
    consecutive pair of actors taking part (through an actor role) in the same event.

    Actors are named by IRI or label. Empty when A and B are the same actor; raises
    :class:`AnalysisError` when no chain exists.
    """
    B = nx.Graph()
    for event, actors in sorted(_actors_by_event(data).items()):
        for a in actors:
            B.add_node(a, label=data.entities[a].label, kind=data.entities[a].kind)
            B.add_edge(a, event)
    a, b = find_node(B, actor_a, kinds=ACTOR_KINDS), find_node(B, actor_b, kinds=ACTOR_KINDS)
    try:
        path = nx.shortest_path(B, a, b)
    except nx.NetworkXNoPath as e:
        raise AnalysisError(f"no chain of events links {data.entities[a].label!r} and "
                            f"{data.entities[b].label!r}") from e
    return [ChainLink(data.entities[path[i]], data.events[path[i + 1]],
                      data.entities[path[i + 2]]) for i in range(0, len(path) - 2, 2)]


def cap_graph(G: nx.Graph, max_nodes: int,
              max_edges: int | None = None) -> tuple[nx.Graph, str | None]:
    """Keep at most ``max_nodes`` nodes, chosen by degree, and at most ``max_edges`` edges
    (the heaviest); the note says what was cut (``None`` when nothing was).

    In a graph with event nodes (``kind == "event"``) the best-connected entities are kept
    first (a third of the budget), then the events that involve most of them.
    """
    if max_nodes < 1:
        raise AnalysisError(f"max_nodes must be at least 1, not {max_nodes}")
    n, m = G.number_of_nodes(), G.number_of_edges()
    how = None
    if n > max_nodes:
        G, how = _cap_nodes(G, max_nodes)
    if max_edges is not None and G.number_of_edges() > max_edges:
        G = _cap_edges(G, max_edges)
        how = (how + "; " if how else "") + "the heaviest edges"
    if how is None:
        return G, None
    caps = f"cap {max_nodes:,} nodes" + (f", {max_edges:,} edges" if max_edges else "")
    note = (f"Showing {G.number_of_nodes():,} of {n:,} nodes and {G.number_of_edges():,} "
            f"of {m:,} edges: {how} ({caps}).")
    return G, note


def _cap_nodes(G: nx.Graph, max_nodes: int) -> tuple[nx.Graph, str]:
    degree = dict(G.degree(weight="weight")) if not G.is_multigraph() else dict(G.degree())
    is_event = {v: k == EVENT_KIND for v, k in G.nodes(data="kind")}
    if any(is_event.values()) and not all(is_event.values()):
        entities = sorted((v for v in G if not is_event[v]), key=lambda v: (-degree[v], v))
        keep = set(entities[:max(1, max_nodes // 3)])
        undirected = G.to_undirected(as_view=True) if G.is_directed() else G
        scored = []
        for ev in (v for v in G if is_event[v]):
            inside = [u for u in undirected[ev] if u in keep]
            if inside:
                scored.append((-len(inside), -sum(degree[u] for u in inside), ev))
        scored.sort()
        keep.update(ev for _, _, ev in scored[:max_nodes - len(keep)])
        keep = {v for v in keep if is_event[v] or any(
            is_event.get(u) and u in keep for u in undirected[v])}
        how = "the best-connected entities and the events among them"
    else:
        keep = set(sorted(G, key=lambda v: (-degree[v], v))[:max_nodes])
        how = "the nodes of highest degree"
    sub: nx.Graph = G.subgraph(keep).copy()
    return sub, how


def _cap_edges(G: nx.Graph, max_edges: int) -> nx.Graph:
    if G.is_multigraph():
        edges = sorted(G.edges(keys=True, data=True),
                       key=lambda e: (-e[3].get("weight", 1), str(e[0]), str(e[1]), str(e[2])))
        H = G.__class__(G)
        H.remove_edges_from([(u, v, k) for u, v, k, _ in edges[max_edges:]])
        return H
    ranked = sorted(G.edges(data=True),
                    key=lambda e: (-e[2].get("weight", 1), str(e[0]), str(e[1])))
    H = G.copy()
    H.remove_edges_from([(u, v) for u, v, _ in ranked[max_edges:]])
    return H


# --------------------------------------------------------------------------- export


def _plain(value: Any) -> Any:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, set | frozenset):
        value = sorted(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def export_graph(G: nx.Graph, path: str | Path, fmt: str | None = None) -> None:
    """Write ``G`` as GraphML or GEXF (``fmt`` ``"graphml"``/``"gexf"``, else from the
    file suffix). Lists and dicts become JSON strings; ``None`` values are left out."""
    p = Path(path)
    kind = (fmt or p.suffix.lstrip(".")).lower()
    if kind not in ("graphml", "gexf"):
        raise AnalysisError(f"{p}: cannot tell the export format; use a .graphml or .gexf "
                            "file or fmt='graphml'|'gexf'")
    H = G.__class__()
    H.graph.update({k: _plain(v) for k, v in G.graph.items() if v is not None})
    for v, d in G.nodes(data=True):
        H.add_node(v, **{k: _plain(x) for k, x in d.items() if x is not None})
    if G.is_multigraph():
        for u, v, key, d in G.edges(keys=True, data=True):
            H.add_edge(u, v, key=key, **{k: _plain(x) for k, x in d.items() if x is not None})
    else:
        for u, v, d in G.edges(data=True):
            H.add_edge(u, v, **{k: _plain(x) for k, x in d.items() if x is not None})
    try:
        if kind == "graphml":
            nx.write_graphml(H, p)
        else:
            nx.write_gexf(H, p)
    except OSError as e:
        raise AnalysisError(f"{p}: cannot write the {kind} file: {e.strerror or e}") from e


def count_by_type(data: GraphData) -> Counter[str]:
    """Number of events per event class."""
    return Counter(e.type for e in data.events.values())


# --------------------------------------------------------------------------- text reports


def label_of(G: nx.Graph, node: str) -> str:
    """The label of a node, or the node id when it has none."""
    return str(G.nodes[node].get("label", node)) if node in G else node


def describe(data: GraphData, G: nx.Graph) -> str:
    """One line: the size of the data and of the graph analysed."""
    events = sum(1 for _, k in G.nodes(data="kind") if k == EVENT_KIND)
    kinds = "entities and events" if events else "actors"
    return (f"{len(data.events):,} events, {len(data.entities):,} entities; analysed graph: "
            f"{G.number_of_nodes():,} {kinds}, {G.number_of_edges():,} edges")


def format_rankings(G: nx.Graph, ranks: Mapping[str, Sequence[tuple[str, float]]]) -> str:
    """The rankings of :func:`rankings` as an aligned text table per measure."""
    lines: list[str] = []
    for measure, items in ranks.items():
        lines.append(f"{measure}:")
        width = max((len(label_of(G, n)) for n, _ in items), default=0)
        for i, (n, v) in enumerate(items, 1):
            kind = G.nodes[n].get("kind", "") if n in G else ""
            lines.append(f"  {i:>3}. {label_of(G, n):<{width}}  {kind:<13}  {v:.4g}")
    return "\n".join(lines)


def format_communities(G: nx.Graph, found: Sequence[set[str]], top: int = 10,
                       members: int = 8) -> str:
    """The largest communities, each with its best-connected members."""
    lines = [f"communities: {len(found)} (Louvain, seed {SEED})"]
    for i, c in enumerate(found[:top], 1):
        best = sorted(c, key=lambda n: (-G.degree(n), label_of(G, n)))
        names = ", ".join(label_of(G, n) for n in best[:members])
        more = f", … (+{len(c) - members})" if len(c) > members else ""
        lines.append(f"  {i:>3}. ({len(c)}) {names}{more}")
    if len(found) > top:
        lines.append(f"  … {len(found) - top} smaller communities")
    return "\n".join(lines)


def format_chain(chain: Sequence[ChainLink]) -> str:
    """An event chain, one link per line: A —[Type: label]→ B."""
    if not chain:
        return "chain: the two actors are the same"
    lines = [f"chain of {len(chain)} event(s):"]
    for link in chain:
        quote = f"\n       “{link.event.evidence[0].text}”" if link.event.evidence else ""
        lines.append(f"  {link.source.label} —[{link.event.type}: {link.event.label}]→ "
                     f"{link.target.label}{quote}")
    return "\n".join(lines)
