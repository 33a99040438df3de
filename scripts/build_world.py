"""Derive kg's world outline for the map view from Natural Earth 1:110m (regenerable).

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    .venv/bin/python scripts/build_world.py [--source /tmp/package/countries-110m.json]

Reads the TopoJSON of the npm package ``world-atlas`` (Natural Earth's Admin 0 countries,
1:110m, public domain; the package is ISC, Copyright 2013-2019 Michael Bostock) and writes
``kg/data/world/countries-110m.json``: per country its ISO 3166-1 numeric id, ISO3 code
(pycountry), name, an SVG path in an equirectangular projection (``x`` = longitude,
``y`` = -latitude, degrees, one decimal) and the centroid of its largest ring
(``[longitude, latitude]``), which the map uses for an event placed in a state only.
kg/data/world/NOTICE says where the data comes from.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pycountry

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "kg" / "data" / "world" / "countries-110m.json"

Point = tuple[float, float]


def decode_arcs(topo: dict[str, Any]) -> list[list[Point]]:
    """The arcs of a quantized TopoJSON topology as lists of (longitude, latitude)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[list[Point]] = []
    for arc in topo["arcs"]:
        x = y = 0
        points: list[Point] = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    """One closed ring from arc indexes (a negative index ``~i`` is arc ``i`` reversed)."""
    out: list[Point] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(points[1:] if out else points)
    return out


def unwrap(points: list[Point]) -> list[Point]:
    """A ring crossing the antimeridian with continuous longitudes (some beyond ±180)."""
    out = [points[0]]
    for lon, lat in points[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while prev - lon > 180:
            lon += 360
        out.append((lon, lat))
    return out


def area_centroid(points: list[Point]) -> tuple[float, Point]:
    """Absolute area and centroid of a ring (shoelace formula, plane degrees)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(a) / 2, (cx / (3 * a), cy / (3 * a))


def svg_path(rings: list[list[Point]]) -> str:
    """Each ring unwrapped; one that passes ±180 is drawn again 360° over, so that the
    map's -180..180 window shows both of its ends."""
    parts = []
    shifted = []
    for r in map(unwrap, rings):
        lons = [p[0] for p in r]
        if max(lons) > 180:
            shifted.append([(x - 360, y) for x, y in r])
        if min(lons) < -180:
            shifted.append([(x + 360, y) for x, y in r])
    for r in [*map(unwrap, rings), *shifted]:
        pts = []
        last = None
        for lon, lat in r:
            p = (round(lon, 1), round(-lat, 1))
            if p != last:
                pts.append(f"{p[0]:g} {p[1]:g}")
                last = p
        if len(pts) >= 3:
            parts.append("M" + "L".join(pts) + "Z")
    return "".join(parts)


def iso3(numeric: str | None) -> str | None:
    if not numeric:
        return None
    c = pycountry.countries.get(numeric=numeric)
    return str(c.alpha_3) if c is not None else None


def build(source: Path) -> dict[str, Any]:
    topo = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom["type"] == "Polygon":
            polygons = [geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            polygons = geom["arcs"]
        else:
            continue
        rings = [ring(arcs, r) for poly in polygons for r in poly]
        outer = [unwrap(ring(arcs, poly[0])) for poly in polygons]
        _, (lon, lat) = max((area_centroid(r) for r in outer), key=lambda t: t[0])
        lon = (lon + 180) % 360 - 180
        countries.append({"id": geom.get("id"), "iso3": iso3(geom.get("id")),
                          "name": geom["properties"]["name"], "d": svg_path(rings),
                          "centroid": [round(lon, 2), round(lat, 2)]})
    countries.sort(key=lambda c: c["name"])
    return {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain, "
                  "naturalearthdata.com), version 4.1.0, via the npm package world-atlas 2 "
                  "(ISC, Copyright 2013-2019 Michael Bostock); built by scripts/build_world.py",
        "projection": "equirectangular: x = longitude, y = -latitude, degrees",
        "countries": countries,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", type=Path, default=Path("/tmp/package/countries-110m.json"),
                    help="countries-110m.json of the npm package world-atlas")
    ap.add_argument("--out", type=Path, default=TARGET)
    args = ap.parse_args(argv)
    if not args.source.exists():
        print(f"{args.source}: not found; run 'npm pack world-atlas' in /tmp and unpack it",
              file=sys.stderr)
        return 2
    world = build(args.source)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(world, ensure_ascii=False, separators=(",", ":")) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out}: {len(world['countries'])} countries, "
          f"{args.out.stat().st_size // 1024} KiB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
