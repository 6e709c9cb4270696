"""The API when its parts fail: a database that goes away and comes back, a read-only
store, forged cursors, over-long request targets, and the documentation offline."""

from __future__ import annotations

import base64
import json
import logging
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from dyads.serve.api.app import create_app
from dyads.settings import Settings
from dyads.store import open_store
from tests.conftest import PG_TEST_PASSWORD, TcpLink, fill_store

pytestmark = pytest.mark.integration

READS = ("/events", "/events?actor=TUR", "/stats", "/actors", "/dyads/TUR/KAZ")


def _client(engine: Any, **options: Any) -> TestClient:
    settings = Settings(db=engine.url.render_as_string(hide_password=False))
    app = create_app(settings, engine=engine, stages=("clean",), **options)
    return TestClient(app, raise_server_exceptions=False)


def _assert_unavailable(response: Any) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/json"
    assert int(response.headers["retry-after"]) > 0
    assert response.json()["error"]["code"] == "unavailable"


@pytest.fixture
def linked_client(pg_link: tuple[TcpLink, str]) -> Iterator[tuple[TestClient, TcpLink]]:
    link, url = pg_link
    engine = open_store(url)
    # cache off: every read goes to the database, as an uncached filter would
    with _client(engine, cache_entries=0) as client:
        yield client, link
    engine.dispose()


def test_api_database_outage_is_503_json_then_recovers(
    linked_client: tuple[TestClient, TcpLink], caplog: pytest.LogCaptureFixture
) -> None:
    client, link = linked_client
    caplog.set_level(logging.DEBUG)
    for path in READS:  # every pooled connection in use once
        assert client.get(path).status_code == 200
    link.cut()
    for path in READS:
        response = client.get(path)
        _assert_unavailable(response)
        assert PG_TEST_PASSWORD not in response.text
    assert client.get("/healthz").status_code == 503
    assert "database unavailable" in caplog.text
    assert PG_TEST_PASSWORD not in caplog.text
    link.restore()
    # the same application, no restart: stale pooled connections are replaced on checkout
    for path in (*READS, "/healthz"):
        assert client.get(path).status_code == 200, path


def test_healthz_names_the_database_down_with_its_masked_url(
    linked_client: tuple[TestClient, TcpLink],
) -> None:
    client, link = linked_client
    up = client.get("/healthz").json()
    assert up["status"] == "ok"
    assert up["parts"]["database"]["status"] == "ok"
    link.cut()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert int(response.headers["retry-after"]) > 0
    body = response.json()
    assert body["status"] == "unavailable"
    database = body["parts"]["database"]
    assert database["status"] == "down"
    assert database["reason"]
    assert ":***@127.0.0.1" in database["url"]
    assert PG_TEST_PASSWORD not in response.text


def test_api_write_during_outage_is_503_json(
    linked_client: tuple[TestClient, TcpLink], pg_link: tuple[TcpLink, str]
) -> None:
    client, link = linked_client
    from dyads.serve.keys import create_key

    engine = open_store(pg_link[1])
    secret = create_key(engine, name="outage").secret
    engine.dispose()
    link.cut()
    payload = {"kind": "text", "content": "Officials of Chile met officials of Peru in Lima."}
    response = client.post("/documents", json=payload, headers={"X-API-Key": secret})
    _assert_unavailable(response)
    assert PG_TEST_PASSWORD not in response.text


def test_healthz_names_an_unopenable_sqlite_store(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dir" / "store.db"
    engine = create_engine(f"sqlite:///file:{missing}?mode=ro&uri=true")
    with _client(engine) as client:
        response = client.get("/healthz")
        assert response.status_code == 503
        database = response.json()["parts"]["database"]
        assert (database["status"], database["reason"]) == ("down", "unable to open database file")
        _assert_unavailable(client.get("/events"))
    engine.dispose()


def test_api_post_to_a_read_only_sqlite_store_is_503_json(tmp_path: Path) -> None:
    from dyads.serve.keys import create_key

    path = tmp_path / "store.db"
    engine = fill_store(f"sqlite:///{path}")
    secret = create_key(engine, name="tests").secret
    engine.dispose()
    read_only = open_store(f"sqlite:///file:{path}?mode=ro&uri=true")
    with _client(read_only) as client:
        assert client.get("/events").status_code == 200  # reads still work
        payload = {"kind": "text", "content": "Officials of Chile met officials of Peru."}
        response = client.post("/documents", json=payload, headers={"X-API-Key": secret})
        _assert_unavailable(response)
        assert "readonly database" in response.json()["error"]["message"]
    read_only.dispose()


def _cursor(value: Any) -> str:
    raw = json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        _cursor(["2021-03-01", "\u0000" * 64]),  # PostgreSQL refuses NUL in a string
        _cursor(["2021-03-01", "x" * 500]),
        _cursor(["2021-03-01", 12345]),
        _cursor([None, ["a"]]),
        _cursor(["99999-01-01", "ab" * 32]),
        _cursor(["2021-03-01T00:00:00", "ab" * 32]),
        _cursor([True, "ab" * 32]),
        _cursor({"date": "2021-03-01", "id": "ab" * 32}),
        _cursor(["2021-03-01", "ab" * 32, "extra"]),
        _cursor("2021-03-01"),
        base64.urlsafe_b64encode(b"\xff\xfe\x00").decode(),
        "not-a-cursor",
    ],
)
def test_events_forged_cursor_is_a_clean_400(api_client: Any, cursor: str) -> None:
    response = api_client.get("/events", params={"cursor": cursor})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == "bad_request"
    assert len(response.json()["error"]["message"]) < 200


def test_events_cursor_that_decodes_to_an_unknown_event_pages_on(api_client: Any) -> None:
    """A well-formed cursor of an event the store never held is a position in the order,
    like any other: the events after it."""
    later = api_client.get("/events", params={"cursor": _cursor(["2099-01-01", "0" * 64])})
    assert later.status_code == 200
    assert len(later.json()["items"]) == len(api_client.get("/events").json()["items"])


@pytest.mark.parametrize("where", ["path", "query"])
def test_api_very_long_url_is_a_json_414(api_client: Any, where: str) -> None:
    long = "A" * 20_000
    path = f"/events/{long}" if where == "path" else f"/events?text={long}"
    response = api_client.get(path)
    assert response.status_code == 414
    assert response.json()["error"]["code"] == "uri_too_long"


def test_docs_page_loads_nothing_from_outside(api_client: Any) -> None:
    for page in ("/docs", "/redoc"):
        response = api_client.get(page)
        assert response.status_code == 200
        html = response.text
        assert not re.search(r"(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}", html), html
        assets = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert assets
        for asset in assets:
            assert asset.startswith("/docs-static/")
            assert api_client.get(asset).status_code == 200


def test_api_reads_are_answered_while_a_post_is_coded(
    api_client: Any, api_key: str, long_page: str
) -> None:
    """Reads complete while a long page is being cleaned in the writer thread: counted
    between the POST's start and its answer."""
    done = threading.Event()
    answer: list[Any] = []

    def post() -> None:
        payload = {"kind": "text", "content": long_page}
        answer.append(api_client.post("/documents", json=payload, headers={"X-API-Key": api_key}))
        done.set()

    writer = threading.Thread(target=post)
    gate = api_client.app.state.writers
    writer.start()
    while not gate.running and not done.is_set():
        done.wait(0.001)  # until the writer thread has the page
    reads = 0
    while not done.is_set():
        assert api_client.get("/events", params={"actor": "TUR"}).status_code == 200
        reads += 1 if not done.is_set() else 0
    writer.join()
    assert answer[0].status_code == 201, answer[0].text
    assert reads >= 1


def test_sqlite_store_reads_from_the_read_only_engine(tmp_path: Path) -> None:
    """The read-only URL form the tests above rely on opens an existing store as it is."""
    path = tmp_path / "store.db"
    fill_store(f"sqlite:///{path}").dispose()
    engine = open_store(f"sqlite:///file:{path}?mode=ro&uri=true")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 4
    engine.dispose()


def test_post_document_after_the_coding_process_died_is_503_then_recovers(
    api_client: Any, api_key: str
) -> None:
    import multiprocessing
    import os
    import signal

    def post(n: int) -> Any:
        payload = {"kind": "text", "content": f"Officials of Chile met officials of Peru ({n})."}
        return api_client.post("/documents", json=payload, headers={"X-API-Key": api_key})

    assert post(1).status_code == 201
    (child,) = multiprocessing.active_children()  # the coding process the POST started
    os.kill(child.pid, signal.SIGKILL)
    child.join()
    died = post(2)
    _assert_unavailable(died)
    assert "coding process stopped" in died.json()["error"]["message"]
    assert post(3).status_code == 201  # a new coding process
