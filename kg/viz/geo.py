"""The map view: events at their places over Natural Earth's 1:110m world outline
(``kg/data/world/countries-110m.json``, public domain, see its NOTICE), drawn as in-line
SVG, coloured by class, filtered by date and class in the page; places without coordinates
are listed beside the map.

An event is placed by its first place role with coordinates, in the order location,
destination, origin. Coordinates come from the entity records (GeoNames for cities); a
state without its own is drawn at the centroid of its largest outline.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from kg.analysis import PLACE_ROLES, GraphData
from kg.model import EntityType
from kg.read import EntityRecord
from kg.viz.page import count, render_page
from kg.viz.panel import EventTable, event_date

__all__ = ["Location", "locate", "render_map", "world"]

_ROLE_ORDER = ("location", "destination", "origin")
assert set(_ROLE_ORDER) == set(PLACE_ROLES)


@dataclass(frozen=True, slots=True)
class Location:
    """Where a place is drawn: latitude, longitude, and whether that is its own point
    (``"point"``) or the centroid of its state's outline (``"centroid"``)."""

    lat: float
    lon: float
    how: str = "point"


@lru_cache(maxsize=1)
def world() -> dict[str, Any]:
    """The bundled world outline: ``countries`` with ``name``, ``iso3``, ``d`` (an SVG path,
    x = longitude, y = -latitude) and ``centroid`` (``[longitude, latitude]``)."""
    text = resources.files("kg").joinpath("data", "world", "countries-110m.json") \
        .read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def locate(entities: Iterable[EntityRecord]) -> dict[str, Location]:
    """Entity IRI -> where to draw it, for the entities that can be drawn.

    >>> from kg.model import EntityType
    >>> found = locate([EntityRecord("k", EntityType.PLACE, "Kyiv", latitude=50.45,
    ...                              longitude=30.52),
    ...                 EntityRecord("u", EntityType.COUNTRY, "Ukraine", iso3="UKR")])
    >>> found["k"], found["u"]
    (Location(lat=50.45, lon=30.52, how='point'), Location(lat=49.15, lon=31.23, how='centroid'))
    """
    centroids = {c["iso3"]: c["centroid"] for c in world()["countries"] if c.get("iso3")}
    out: dict[str, Location] = {}
    for e in entities:
        if e.latitude is not None and e.longitude is not None:
            out[e.iri] = Location(e.latitude, e.longitude)
        elif e.type is EntityType.COUNTRY and e.iso3 in centroids:
            lon, lat = centroids[e.iso3]
            out[e.iri] = Location(float(lat), float(lon), "centroid")
    return out


def _place_of(roles: list[tuple[str, str]], located: Mapping[str, Location]) -> str | None:
    for role in _ROLE_ORDER:
        for r, x in roles:
            if r == role and x in located:
                return x
    return None


def render_map(data: GraphData, located: Mapping[str, Location], *,
               title: str = "Geopolitical event graph") -> str:
    """The map view as one self-contained page (see the module docstring)."""
    roles: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in data.roles:
        if r.role in PLACE_ROLES:
            roles[r.event].append((r.role, r.entity))
    table = EventTable(data)
    places: list[dict[str, Any]] = []
    place_ix: dict[str, int] = {}
    drawn: list[list[int]] = []  # [event number, place number]
    unplaced: dict[str, list[str]] = defaultdict(list)
    for e in sorted(roles):
        at = _place_of(roles[e], located)
        if at is None:
            for _, x in roles[e]:
                unplaced[x].append(e)
            continue
        if at not in place_ix:
            loc = located[at]
            ent = data.entities.get(at)
            place_ix[at] = len(places)
            places.append({"l": ent.label if ent else at, "lat": round(loc.lat, 3),
                           "lon": round(loc.lon, 3), "how": loc.how})
        drawn.append([table.event(e), place_ix[at]])
    missing: list[dict[str, Any]] = sorted(
        ({"l": data.entities[x].label if x in data.entities else x,
          "ev": table.add(sorted(set(evs)))} for x, evs in unplaced.items()),
        key=lambda p: (-len(p["ev"]), str(p["l"]).casefold()))
    dates = sorted(d for d in (event_date(data.events[e])[0] for e in roles) if d)
    n_unplaced = len({e for evs in unplaced.values() for e in evs})
    summary = (f"View: map · {count(len(drawn), 'event')} at {count(len(places), 'place')}"
               f" · {n_unplaced:,} more at places without coordinates (listed) · "
               f"{len(data.events) - len(roles):,} of {len(data.events):,} events name no "
               "place")
    classes = Counter(data.events[table.events[i]].type for i, _ in drawn)
    return render_page(
        "map.html.j2", title=title, summary=summary, world=world()["countries"],
        attribution="World outline: Natural Earth 1:110m (public domain), via world-atlas.",
        classes=sorted(classes.items()), first=dates[0] if dates else "",
        last=dates[-1] if dates else "",
        data={"places": places, "drawn": drawn, "missing": missing, **table.records()})
