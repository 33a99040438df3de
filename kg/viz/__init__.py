"""Interactive HTML pictures of the knowledge graph.

:func:`render_html` returns one self-contained page as a string: scripts, styles and the
world outline are in-line, a Content-Security-Policy forbids any network request, and
nothing is written to disk or opened in a browser (the caller chooses where the page goes).

Views (``view=``):

- ``full``, ``actors``, ``ego`` (:mod:`kg.viz.network`): entities and events drawn by
  vis-network with physics, for an article or a neighbourhood;
- ``corpus`` (:mod:`kg.viz.corpus`): actors linked by labelled, counted edges of shared
  events, a layout baked in, search, and a side panel with each event's evidence;
- ``map`` (:mod:`kg.viz.geo`): events at their places over Natural Earth's world outline,
  coloured by class, filtered by time;
- ``countries`` (:mod:`kg.viz.countries`): the corpus view with states as nodes (people,
  forces and ministries rolled up to their state), edges coloured by quad class;
- ``timeline`` (:mod:`kg.viz.timeline`): events per week by class, for all or one dyad;
- ``auto`` (the default): ``corpus`` above :data:`CORPUS_EVENTS` events, else ``full``.

Text from articles (labels, quotes, titles) never reaches a page as markup: the page shell
is rendered by Jinja with auto-escaping, data are embedded as JSON with ``<``, ``>``, ``&``
and ``'`` escaped, and the pages put text in with ``textContent`` (vis-network 9 shows
string tooltips with ``innerText``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from kg.analysis import AnalysisError, GraphData
from kg.read import EntityRecord
from kg.read.states import State
from kg.viz.corpus import CORPUS_EVENTS, actor_groups, aggregate, layout, render_corpus
from kg.viz.countries import render_countries
from kg.viz.geo import locate, render_map
from kg.viz.network import edge_verb, render_network
from kg.viz.page import CLASS_COLORS, CSP, STYLES
from kg.viz.timeline import render_timeline

__all__ = ["CLASS_COLORS", "CORPUS_EVENTS", "CSP", "STYLES", "VIEWS", "View", "actor_groups",
           "aggregate", "edge_verb", "layout", "locate", "render_html"]

View = Literal["auto", "full", "actors", "ego", "corpus", "countries", "map", "timeline"]
VIEWS: tuple[str, ...] = ("auto", "full", "actors", "ego", "corpus", "countries", "map",
                          "timeline")


def render_html(data: GraphData, *, view: View | str = "auto", focus: str | None = None,
                hops: int = 2, max_nodes: int = 500,
                title: str = "Geopolitical event graph",
                entities: Iterable[EntityRecord] = (),
                states: Mapping[str, State] | None = None) -> str:
    """One self-contained interactive HTML page of the graph.

    ``view``: see the module docstring. ``full`` draws entities and events, edges labelled
    by role; ``actors`` actors linked by shared events (with ``focus``, only those within
    ``hops``); ``ego`` the events and entities within ``hops`` actor steps of ``focus``,
    which it requires. These three cut graphs above ``max_nodes`` nodes (or
    ``4 * max_nodes`` edges) to the best-connected part and say so; ``corpus`` keeps the
    ``max_nodes`` actors with most events and opens on ``focus`` when given. ``map`` places
    events by the coordinates of ``entities`` (:meth:`kg.api.GeoKG.entities`; a state
    without coordinates is drawn at its centroid). ``countries`` rolls actors up to their
    ``states`` (:func:`kg.read.states.load_states`; without them only states and
    organisations themselves are drawn).
    """
    if view not in VIEWS:
        raise AnalysisError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    if view == "auto":
        view = "corpus" if len(data.events) > CORPUS_EVENTS else "full"
    if view == "corpus":
        return render_corpus(data, focus=focus, max_nodes=max_nodes, title=title)
    if view == "countries":
        return render_countries(data, states or {}, focus=focus, max_nodes=max_nodes,
                                title=title)
    if view == "map":
        return render_map(data, locate(entities), title=title)
    if view == "timeline":
        return render_timeline(data, title=title)
    return render_network(data, view=view, focus=focus, hops=hops, max_nodes=max_nodes,
                          title=title)
