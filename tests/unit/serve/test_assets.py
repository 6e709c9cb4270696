from __future__ import annotations

import itertools
import json
from pathlib import Path

from dyads.serve.web import routes

STATIC = Path(routes.__file__).resolve().parent / "static"


def test_world_outline_is_closed_rings_on_the_map_frame() -> None:
    outline = json.loads((STATIC / "world-110m.json").read_text(encoding="utf-8"))
    assert "Natural Earth" in outline["source"]
    rings = outline["rings"]
    assert len(rings) > 100
    for ring in rings:
        points = list(zip(ring[::2], ring[1::2], strict=True))
        assert len(points) >= 3
        assert all(-90 <= lat <= 90 for _, lat in points)
        assert all(-540 <= lon <= 540 for lon, _ in points)
        # a step of more than half the world would be drawn as a line across the map,
        # except along a pole, which is the map's edge
        steps = itertools.pairwise(points)
        assert all(abs(a[0] - b[0]) <= 180 or abs(a[1]) == abs(b[1]) == 90 for a, b in steps)


def test_plotly_bundle_is_served_from_the_installed_package() -> None:
    bundle = routes.plotly_bundle()
    assert bundle is not None
    assert bundle.name == "plotly.min.js"
    assert bundle.stat().st_size > 1_000_000


def test_static_assets_reference_no_remote_host() -> None:
    for name in ("dyads.js", "dyads.css"):
        text = (STATIC / name).read_text(encoding="utf-8")
        assert "https://" not in text
        assert "//cdn" not in text
