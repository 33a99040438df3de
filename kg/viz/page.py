"""What every page shares: colours and shapes, the Content-Security-Policy, the page
templates (``kg/templates/``, Jinja with auto-escaping) and the in-line vis-network assets.

Data reach a page only as JSON inside a ``<script>`` element, with ``<``, ``>``, ``&`` and
``'`` escaped (Jinja's ``tojson``), and the pages' scripts put article text into the page
with ``textContent`` only: a ``<script>`` in an article stays visible characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, FunctionLoader
from markupsafe import Markup

from kg.analysis import EVENT_KIND
from kg.errors import KGError
from kg.model import EventType

__all__ = ["CLASS_COLORS", "CSP", "STYLES", "TYPE_VERB", "Style", "count", "render_page",
           "short", "vis_assets"]


@dataclass(frozen=True, slots=True)
class Style:
    name: str  # legend text
    color: str
    shape: str  # vis-network shape
    symbol: str  # the legend glyph for that shape


#: Colour and shape of each node kind (entity classes and "event").
STYLES: dict[str, Style] = {
    "Person": Style("Person", "#4e79a7", "dot", "●"),
    "Country": Style("State", "#e15759", "square", "■"),
    "Organization": Style("Organisation", "#59a14f", "triangle", "▲"),
    "MilitaryForce": Style("Armed force", "#8c5fbf", "triangleDown", "▼"),
    "Place": Style("Place", "#9c755f", "star", "★"),
    "Entity": Style("Other entity", "#9d9d9d", "dot", "●"),
    EVENT_KIND: Style("Event", "#f28e2b", "diamond", "◆"),
}

#: One colour per event class, the same in the map, the timeline and the corpus network.
CLASS_COLORS: dict[str, str] = {
    EventType.MEETING.value: "#4e79a7",
    EventType.DEPLOYMENT.value: "#8c5fbf",
    EventType.STATEMENT.value: "#9d9d9d",
    EventType.TRANSFER.value: "#f28e2b",
    EventType.APPEAL.value: "#edc948",
    EventType.TRAINING.value: "#76b7b2",
    EventType.COMBAT.value: "#e15759",
    EventType.COOPERATION.value: "#59a14f",
    EventType.SANCTION.value: "#b07aa1",
}

#: Short verb of an event class on an actor–actor edge.
TYPE_VERB: dict[str, str] = {"Meeting": "met", "Deployment": "deployed", "Statement": "spoke",
                             "Transfer": "supplied", "Appeal": "urged", "Training": "trained",
                             "Combat": "fought", "Cooperation": "agreed",
                             "Sanction": "sanctioned"}

#: No request of any kind leaves the page; scripts and styles are all in-line.
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data:; font-src data:")
MAX_LABEL = 40


def count(n: int, noun: str) -> str:
    """A number and its noun, plural when it is not one.

    >>> count(1, "event"), count(1200, "event")
    ('1 event', '1,200 events')
    """
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def short(text: str, limit: int = MAX_LABEL) -> str:
    """One line of at most ``limit`` characters (an ellipsis marks a cut)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


@lru_cache(maxsize=8)
def _template_text(name: str) -> str:
    return resources.files("kg").joinpath("templates", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The templates of ``kg/templates/`` with auto-escaping (``{% include %}`` works)."""
    return Environment(loader=FunctionLoader(_template_text), autoescape=True)


@lru_cache(maxsize=1)
def vis_assets() -> tuple[Markup, Markup]:
    """vis-network's JavaScript and CSS as shipped inside the pyvis package."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():  # would end the element early
        raise KGError(f"{lib}: vis-network assets cannot be in-lined safely")
    return Markup(js), Markup(css)


def render_page(template: str, **kg: Any) -> str:
    """A page from ``kg/templates/<template>``; the template reads the values as ``kg.*``
    (``kg.csp`` is always there)."""
    return environment().get_template(template).render(
        kg={"csp": CSP, "class_colors": CLASS_COLORS, **kg})
