"""``GET /feeds``, ``POST /feeds`` (with a key) and the dashboard's feeds panel."""

from __future__ import annotations

from typing import Any

import pytest

from dyads.watch import state
from dyads.watch.state import FetchRecord
from tests.feedsite import Clock

pytestmark = pytest.mark.integration

FEED = "https://news.example.org/world/rss.xml"


def test_get_feeds_lists_feeds_with_their_health(api_client: Any, api_engine: Any) -> None:
    clock = Clock()
    assert api_client.get("/feeds").json() == {"items": []}
    ok = state.add_feed(api_engine, url=FEED, name="world", every=600, now=clock())
    bad = state.add_feed(
        api_engine, url=FEED.replace("world", "africa"), name=None, every=60, now=clock()
    )
    state.record_fetch(
        api_engine, ok, FetchRecord(status=200, outcome="new", items=20, new_items=20),
        now=clock(), every=600,
    )  # fmt: skip
    failure = FetchRecord(status=503, outcome="error", error="HTTP 503")
    state.record_fetch(api_engine, bad, failure, now=clock(), every=60)
    items = api_client.get("/feeds").json()["items"]
    by_name = {item["name"]: item for item in items}
    assert by_name["world"]["state"] == "ok"
    assert by_name["world"]["last_new_items"] == by_name["world"]["items_total"] == 20
    assert by_name[None]["state"] == "failing"
    assert (by_name[None]["last_status"], by_name[None]["errors_in_row"]) == (503, 1)
    assert by_name[None]["last_error"] == "HTTP 503"


def test_post_feeds_needs_a_key(api_client: Any) -> None:
    response = api_client.post("/feeds", json={"url": FEED})
    assert response.status_code == 401
    assert api_client.get("/feeds").json() == {"items": []}


def test_post_feeds_adds_a_feed_once(api_client: Any, api_key: str) -> None:
    headers = {"X-API-Key": api_key}
    body = {"url": FEED, "name": "world", "every_seconds": 900}
    created = api_client.post("/feeds", json=body, headers=headers)
    assert created.status_code == 201, created.text
    assert created.json()["state"] == "new" and created.json()["every_seconds"] == 900
    again = api_client.post("/feeds", json={"url": FEED}, headers=headers)
    assert again.status_code == 409
    assert again.json()["error"]["message"].startswith("already watched")
    assert [f["url"] for f in api_client.get("/feeds").json()["items"]] == [FEED]


@pytest.mark.parametrize(
    "body",
    [{"url": "ftp://news.example.org/feed"}, {"url": FEED, "every_seconds": 0}, {}],
    ids=["not-http", "no-interval", "no-url"],
)
def test_post_feeds_refuses_bad_bodies(api_client: Any, api_key: str, body: dict[str, Any]) -> None:
    response = api_client.post("/feeds", json=body, headers={"X-API-Key": api_key})
    assert response.status_code == 422


def test_overview_shows_the_feeds_panel_once_a_feed_is_watched(
    api_client: Any, api_engine: Any
) -> None:
    assert "Watched feeds" not in api_client.get("/").text
    feed = state.add_feed(api_engine, url=FEED, name="world desk", every=600, now=Clock()())
    failure = FetchRecord(status=None, outcome="error", error="timed out after 20 s")
    state.record_fetch(api_engine, feed, failure, now=Clock()(), every=600)
    page = api_client.get("/").text
    assert "Watched feeds" in page
    assert "world desk" in page and 'class="feed-failing"' in page
    assert 'title="timed out after 20 s"' in page
