"""The dashboard's server-rendered pages over a small store."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from typing import Any

import pytest

pytestmark = pytest.mark.integration


def _page(client: Any, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    text: str = response.text
    return text


def _listed(html: str) -> list[str]:
    """The event types of a page's event table, top to bottom."""
    return re.findall(
        r'<tr class="quad-\d" data-event-id="[^"]+">\s*<td[^>]*>[^<]*</td>\s*'
        r'<td><a href="/event/[^"]+">(\w+)</a>',
        html,
    )


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
    assert _listed(html) == ["SANCTION"]
    assert "1 event match" in html


@pytest.mark.parametrize("path", ["/event/0000", "/article/0000", "/dyad/T/KAZ"])
def test_unknown_pages_are_404_html(api_client: Any, path: str) -> None:
    assert "Not found" in _page(api_client, path, status=404)


def test_page_text_is_escaped(api_client: Any, api_key: str) -> None:
    payload = {"kind": "text", "content": "Officials <script>alert(1)</script> met.", "id": "x"}
    assert api_client.post("/documents", json=payload, headers={"X-API-Key": api_key}).is_success
    html = _page(api_client, "/article/x")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", ["SANCTION", "ACCUSE", "CONSULT", "COOPERATE"]),
        ("/?since=2021-04-01&until=2021-04-30", ["ACCUSE"]),
        ("/?country=KAZ&side=recipient", ["ACCUSE", "CONSULT"]),
        ("/?country=KAZ&side=actor", ["COOPERATE"]),
        ("/?type=SANCTION", ["SANCTION"]),
        ("/?min_confidence=0.9", []),
        ("/?min_confidence=0.8&country=TUR", ["ACCUSE", "CONSULT"]),
        ("/search?q=customs&country=TUR", ["ACCUSE"]),
        ("/search?actor=KAZ", ["COOPERATE"]),  # the search form's parameter before pickers
        ("/dyad/TUR/KAZ?direction=forward", ["ACCUSE", "CONSULT"]),
        ("/dyad/TUR/KAZ?direction=backward", ["COOPERATE"]),
        ("/dyad/TUR/KAZ?type=CONSULT&since=2021-03-01", ["CONSULT"]),
        ("/country/TUR", ["ACCUSE", "CONSULT"]),
        ("/country/TUR?side=recipient", ["COOPERATE"]),
    ],
)
def test_lists_take_the_filters_and_count_what_they_show(
    api_client: Any, path: str, expected: list[str]
) -> None:
    html = _page(api_client, path)
    listed = _listed(html)
    assert sorted(listed) == sorted(expected)
    noun = "event" if len(expected) == 1 else "events"
    assert f'<span class="match-count">{len(expected)} {noun} match</span>' in html


@pytest.mark.parametrize(
    "path",
    ["/?country=KAZ&side=recipient", "/dyad/KAZ/TUR?min_confidence=0.5", "/country/TUR", "/"],
)
def test_csv_button_downloads_the_rows_the_list_shows(api_client: Any, path: str) -> None:
    page = _page(api_client, path)
    found = re.search(r'<a class="csv-button" href="([^"]+)"', page)
    assert found is not None
    assert found.group(1).startswith("/events?format=csv&")
    response = api_client.get(unescape(found.group(1)))
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["id"] for r in rows] == re.findall(r'data-event-id="([^"]+)"', page)
    assert [r["event"] for r in rows] == _listed(page)


def test_next_page_link_keeps_the_filters(api_client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from dyads.serve.web import routes

    monkeypatch.setattr(routes, "LATEST_ROWS", 1)
    first = _page(api_client, "/?country=TUR")
    link = re.search(r'<a class="more" href="([^"]+)"', first)
    assert link is not None
    assert "country=TUR" in link.group(1)
    second = _page(api_client, unescape(link.group(1)))
    assert _listed(first) + _listed(second) == ["ACCUSE", "CONSULT"]


def test_country_page_shows_partners_timeline_and_names(api_client: Any) -> None:
    html = _page(api_client, "/country/kaz")
    assert "<h1>Kazakhstan" in html
    partners = re.findall(
        r'<tr data-partner="(\w+)">.*?<td>(\d+)</td>\s*<td>([^<]+)</td>', html, re.S
    )
    assert partners == [("TUR", "3", "1.67")]  # (1 + 6 - 2) / 3
    data = re.search(
        r'<script type="application/json" id="country-data">(.*?)</script>', html, re.S
    )
    assert data is not None
    periods = json.loads(data.group(1))
    assert [(p["period"], p["total"]) for p in periods] == [("2021-03", 1)]  # KAZ as actor
    assert 'href="/dyad/KAZ/TUR"' in html


def test_lists_show_the_sector_beside_the_country(api_client: Any) -> None:
    html = _page(api_client, "/?type=ACCUSE")
    assert ">TUR government</a>" in html
    assert 'href="/country/KAZ"' in html


@pytest.mark.parametrize(
    "query",
    [
        "since=last+week",
        "min_confidence=high",
        "min_confidence=2",
        "side=both",
        "since=2021-05-01&until=2021-01-01",
        "country=T1",
    ],
)
def test_bad_filters_say_why_and_list_nothing(api_client: Any, query: str) -> None:
    html = _page(api_client, f"/search?{query}", status=422)
    assert '<p class="error">' in html
    assert _listed(html) == []


def test_organisations_are_named_on_lists_dyads_and_partners(
    api_client: Any, api_engine: Any
) -> None:
    from dyads.store.writer import StoreWriter
    from tests.conftest import make_dashboard_articles

    writer = StoreWriter(api_engine)
    run_id = writer.start_run(command="tests", inputs=[], settings={})
    writer.write_batch(list(make_dashboard_articles()), run_id=run_id)

    overview = _page(api_client, "/")
    assert '<a class="dyad-link" href="/dyad/IGO/RUS">EU – RUS</a>' in overview
    assert '<a class="dyad-link" href="/dyad/IGO/UKR">UN – UKR</a>' in overview
    assert ">IGO – " not in overview
    dyad = _page(api_client, "/dyad/igo/rus")
    assert '<a href="/country/IGO">EU</a>' in dyad
    assert '<a class="dyad-link" href="/dyad/RUS/IGO">RUS – EU</a>' in _page(
        api_client, "/country/RUS"
    )
    police = _page(api_client, "/?type=ASSAULT")
    assert ">KEN police</a>" in police and ">KEN civilians</a>" in police
