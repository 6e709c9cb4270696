"""Convert a Natural Earth 110m land outline (TopoJSON) into the map outline the web app ships.

Source: ``land-110m.json`` of the npm package ``world-atlas`` 2.0.2, itself built from
Natural Earth's 1:110m land polygons (public domain). Regenerate with::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/world_outline.py package/land-110m.json \
        src/dyads/serve/web/static/world-110m.json

The output is ``{"source": ..., "rings": [[lon, lat, lon, lat, ...], ...]}``: one flat list
of coordinates per polygon ring, rounded to 0.1 degree, which is finer than a pixel on any
map the dashboard draws and keeps the file small.

The source polygons are spherical: a ring that crosses the antimeridian (Chukotka, Fiji)
jumps from +180 to -180, which a flat map would draw as a line across the world. Such a
ring is unwrapped into continuous longitudes and written twice, once on each side, so the
map's -180..180 frame clips each copy; a ring around a pole (Antarctica) is closed along it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

# 0.1 degree is about 11 km at the equator: below the 110m data's own resolution.
DECIMALS = 1


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc of a quantized, delta-encoded topology."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(
    indices: list[int], arcs: list[list[tuple[float, float]]]
) -> list[tuple[float, float]]:
    """A ring stitched from arcs (a negative index ``~i`` means arc ``i`` reversed)."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def flatten(points: list[tuple[float, float]]) -> list[float]:
    """``[lon, lat, lon, lat, ...]`` rounded, without repeated points."""
    flat: list[float] = []
    last: tuple[float, float] | None = None
    for lon, lat in points:
        rounded = (round(lon, DECIMALS), round(lat, DECIMALS))
        if rounded != last:
            flat.extend(rounded)
            last = rounded
    return flat


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Longitudes made continuous: no step between neighbours is over 180 degrees."""
    out = [points[0]]
    for raw, lat in points[1:]:
        previous = out[-1][0]
        lon = raw + 360 * round((previous - raw) / 360)
        out.append((lon, lat))
    return out


def flat_copies(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring as drawn on a -180..180 map: itself, plus a shifted copy if it spills over."""
    ring = unwrap(points)
    if abs(ring[-1][0] - ring[0][0]) > 180:  # it goes round a pole: close it along the pole
        pole = -90.0 if sum(lat for _, lat in ring) < 0 else 90.0
        ring += [(ring[-1][0], pole), (ring[0][0], pole)]
    copies = [ring]
    if max(lon for lon, _ in ring) > 180:
        copies.append([(lon - 360, lat) for lon, lat in ring])
    if min(lon for lon, _ in ring) < -180:
        copies.append([(lon + 360, lat) for lon, lat in ring])
    return copies


def polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    if geometry["type"] == "GeometryCollection":
        return [p for g in geometry["geometries"] for p in polygons(g)]
    return []


def convert(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topology)
    rings = []
    for obj in topology["objects"].values():
        for polygon in polygons(obj):
            for ring in polygon:
                for copy in flat_copies(ring_points(ring, arcs)):
                    flat = flatten(copy)
                    if len(flat) >= 6:  # at least three points make an area
                        rings.append(flat)
    return {
        "source": "Natural Earth 1:110m land (public domain), via world-atlas 2.0.2",
        "rings": rings,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path)
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    outline = convert(json.loads(args.topojson.read_text(encoding="utf-8")))
    args.output.write_text(json.dumps(outline, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main()
