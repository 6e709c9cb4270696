"""The dashboard's server-rendered pages over a small store."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

pytestmark = pytest.mark.integration


def _page(client: Any, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    text: str = response.text
    return text


def _event_id(client: Any, kind: str) -> str:
    (event,) = client.get("/events", params={"type": kind}).json()["items"]
    return str(event["id"])


def test_overview_shows_counts_dyads_and_latest_events(api_client: Any) -> None:
    html = _page(api_client, "/")
    assert 'href="/dyad/KAZ/TUR"' in html
    assert "SANCTION" in html
    assert 'name="q"' in html


def test_dyad_page_embeds_the_monthly_series_and_the_events(api_client: Any) -> None:
    html = _page(api_client, "/dyad/tur/kaz")
    data = re.search(r'<script type="application/json" id="dyad-data">(.*?)</script>', html, re.S)
    assert data is not None
    periods = json.loads(data.group(1))
    assert [p["period"] for p in periods] == ["2021-03", "2021-04"]
    assert "/static/vendor/plotly.min.js" in html
    assert html.count('href="/event/') == 3


def test_event_page_highlights_trigger_actor_and_recipient(api_client: Any) -> None:
    html = _page(api_client, f"/event/{_event_id(api_client, 'ACCUSE')}")
    assert '<mark class="trigger">accused</mark>' in html
    assert '<mark class="actor">Turkish officials</mark>' in html
    assert '<mark class="recipient">Kazakhstan</mark>' in html
    assert 'class="article-link"' in html


def test_article_page_marks_evidence_and_folds_boilerplate(api_client: Any) -> None:
    (event,) = api_client.get("/events", params={"type": "SANCTION"}).json()["items"]
    html = _page(api_client, f"/article/{event['doc_id']}")
    assert '<mark class="evidence trigger">imposed</mark>' in html
    assert '<details class="boilerplate">' in html


def test_map_page_lists_places_with_coordinates(api_client: Any) -> None:
    html = _page(api_client, "/map")
    data = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', html, re.S)
    assert data is not None
    places = {p["name"]: p for p in json.loads(data.group(1))}
    assert places["Astana"]["events"] == 2
    assert places["Kyiv"]["lat"] == pytest.approx(50.45)


def test_search_finds_events_by_words(api_client: Any) -> None:
    html = _page(api_client, "/search?q=grain")
    assert "SANCTION" in html
    assert "ACCUSE" not in html


@pytest.mark.parametrize("path", ["/event/0000", "/article/0000", "/dyad/T/KAZ"])
def test_unknown_pages_are_404_html(api_client: Any, path: str) -> None:
    assert "Not found" in _page(api_client, path, status=404)


def test_page_text_is_escaped(api_client: Any, api_key: str) -> None:
    payload = {"kind": "text", "content": "Officials <script>alert(1)</script> met.", "id": "x"}
    assert api_client.post("/documents", json=payload, headers={"X-API-Key": api_key}).is_success
    html = _page(api_client, "/article/x")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
