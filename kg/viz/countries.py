"""The country-level network: the corpus view (:mod:`kg.viz.corpus`) with states as nodes.

- **Nodes.** Every actor the graph ties to a state (:func:`kg.read.states.load_states`:
  the state itself, its forces and bodies through ``kg:forceOf`` / ``kg:partOf``, people
  through a post they hold in one of them) is drawn as that state. An organisation tied to
  no state stays its own node, drawn as an organisation (triangle): the UN and its organs,
  NATO, the EU, but also NGOs, companies and armed groups, which the graph does not tell
  apart from intergovernmental bodies. People and forces tied to no state are left out (the
  header counts them).
- **Edges.** One per pair of nodes that take part in the same events (any actor role, as
  in the corpus view); an event inside one state links nothing. The label counts the events
  by PLOVER/CAMEO quad class (``12: v-coop 7 · m-conflict 3``, :func:`kg.lexicon.quad_class`
  over ``kg/data/lexicon/quad_classes.tsv``); the colour is the commonest quad class (green
  cooperation, red/orange conflict, grey without one); a click lists the events.
- **Labels.** Every node carries a label readable at the first zoom (the busiest larger);
  nodes that share no event with another are left out (the header counts them), and the
  layout is spread wider than the corpus view's.
"""

from __future__ import annotations

from collections.abc import Mapping

from kg.analysis import ACTOR_KINDS, GraphData
from kg.lexicon import quad_class
from kg.model import EntityType, QuadClass
from kg.read import EntityNode, EventNode
from kg.read.states import State
from kg.viz.corpus import EdgeClasses, Grouping, render_corpus
from kg.viz.page import count

__all__ = ["NO_QUAD", "QUAD_CLASSES", "QUAD_COLORS", "event_quad", "render_countries",
           "state_groups"]

#: The class of an event whose CAMEO code and PLOVER type have no quad class.
NO_QUAD = "no quad class"
QUAD_COLORS: dict[str, str] = {
    QuadClass.VERBAL_COOPERATION.value: "#7cc36e",
    QuadClass.MATERIAL_COOPERATION.value: "#1b7a33",
    QuadClass.VERBAL_CONFLICT.value: "#f0a030",
    QuadClass.MATERIAL_CONFLICT.value: "#d62728",
    NO_QUAD: "#9d9d9d",
}
_QUAD_WORDS: dict[str, str] = {
    QuadClass.VERBAL_COOPERATION.value: "v-coop",
    QuadClass.MATERIAL_COOPERATION.value: "m-coop",
    QuadClass.VERBAL_CONFLICT.value: "v-conflict",
    QuadClass.MATERIAL_CONFLICT.value: "m-conflict",
    NO_QUAD: "other",
}
#: The layout's spacing (the corpus view's is 3): states' names are long and all shown.
SPREAD = 6.0
#: Label sizes by rank: the 15 busiest nodes at 16 px, every other one at 11 px.
_LABEL_PX: tuple[tuple[int | None, int], ...] = ((15, 16), (None, 11))


def event_quad(e: EventNode) -> str:
    """The quad class of an event, or :data:`NO_QUAD`."""
    quad = quad_class(e.cameo, e.plover)
    return quad.value if quad is not None else NO_QUAD


QUAD_CLASSES = EdgeClasses("Quad classes", event_quad, QUAD_COLORS, _QUAD_WORDS)


def state_groups(states: Mapping[str, State]) -> Grouping:
    """Each actor as its state (``states``: :func:`kg.read.states.load_states`), a state or
    an organisation tied to none as itself; people and forces tied to none left out."""
    country, organisation = EntityType.COUNTRY.value, EntityType.ORGANIZATION.value

    def group(e: EntityNode) -> tuple[str, str, str] | None:
        if e.kind not in ACTOR_KINDS:
            return None
        s = states.get(e.iri)
        if s is not None:
            return s.iri, s.label, country
        if e.kind in (country, organisation):
            return e.iri, e.label, e.kind
        return None

    return group


def render_countries(data: GraphData, states: Mapping[str, State], *,
                     focus: str | None = None, max_nodes: int = 500,
                     title: str = "Geopolitical event graph") -> str:
    """The country-level network as one self-contained page (see the module docstring)."""
    group = state_groups(states)
    actors = [e for e in data.entities.values() if e.kind in ACTOR_KINDS]
    rolled = sum(1 for e in actors if e.iri in states and states[e.iri].iri != e.iri)
    dropped = sum(1 for e in actors if group(e) is None)
    note = (f"{count(rolled, 'actor')} drawn as {'its' if rolled == 1 else 'their'} state; "
            f"{dropped:,} {'person or force' if dropped == 1 else 'people or forces'} tied "
            "to no state left out.")
    return render_corpus(data, group=group, classes=QUAD_CLASSES, focus=focus,
                         max_nodes=max_nodes, title=title, view="countries", note=note,
                         label_px=_LABEL_PX, min_alone=None, spread=SPREAD)
