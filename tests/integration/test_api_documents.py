"""``POST /documents``: API keys, body limits, and the article stored and returned."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest

pytestmark = pytest.mark.integration

# An invented body, written for these tests in the style of a wire report.
BODY = (
    "Foreign ministers of Norway and Chile signed a fisheries agreement in Oslo on Monday.\n\n"
    "The agreement sets joint quotas for the next five years, officials said."
)


def _post(client: Any, payload: dict[str, Any], **headers: str) -> Any:
    return client.post("/documents", json=payload, headers=headers)


def test_post_document_needs_a_key(api_client: Any) -> None:
    response = _post(api_client, {"kind": "text", "content": BODY})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


@pytest.mark.parametrize("header", ["X-API-Key", "Authorization"])
def test_post_document_stores_the_article(api_client: Any, api_key: str, header: str) -> None:
    value = api_key if header == "X-API-Key" else f"Bearer {api_key}"
    payload = {"kind": "text", "content": BODY, "title": "Fisheries deal", "date": "2021-06-07"}
    response = _post(api_client, payload, **{header: value})
    assert response.status_code == 201, response.text
    article = response.json()["article"]
    assert article["paragraphs"][0].startswith("Foreign ministers of Norway")
    stored = api_client.get(f"/articles/{article['id']}")
    assert stored.status_code == 200
    assert stored.json()["body"] == article["body"]
    assert api_client.get("/stats").json()["articles"] == 4


def test_post_document_keeps_the_given_id(api_client: Any, api_key: str) -> None:
    payload = {"kind": "text", "content": BODY, "id": "fisheries-1"}
    assert _post(api_client, payload, **{"X-API-Key": api_key}).json()["article"]["id"] == (
        "fisheries-1"
    )
    assert api_client.get("/articles/fisheries-1").status_code == 200


@pytest.mark.parametrize("secret", ["", "dyk_00000000_guess", "not a key at all"])
def test_post_document_refuses_unknown_keys(api_client: Any, secret: str) -> None:
    response = _post(api_client, {"kind": "text", "content": BODY}, **{"X-API-Key": secret})
    assert response.status_code == 401


def test_post_document_refuses_a_revoked_key(api_client: Any, api_engine: Any) -> None:
    from dyads.serve.keys import create_key, revoke_key

    new = create_key(api_engine, name="revoked")
    revoke_key(api_engine, ident="revoked")
    response = _post(api_client, {"kind": "text", "content": BODY}, **{"X-API-Key": new.secret})
    assert response.status_code == 401


@pytest.mark.parametrize(
    "payload",
    [
        {"kind": "pdf", "content": BODY},
        {"kind": "text"},
        {"kind": "text", "content": ""},
        {"kind": "text", "content": BODY, "date": "June"},
        {"kind": "text", "content": BODY, "colour": "blue"},
    ],
)
def test_post_document_bad_bodies_are_422(
    api_client: Any, api_key: str, payload: dict[str, Any]
) -> None:
    response = _post(api_client, payload, **{"X-API-Key": api_key})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


def test_post_document_malformed_json_is_422(api_client: Any, api_key: str) -> None:
    response = api_client.post(
        "/documents",
        content=b'{"kind": "text", "content": ',
        headers={"X-API-Key": api_key, "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert "error" in response.json()


def test_post_document_over_the_declared_limit_is_413(api_client: Any, api_key: str) -> None:
    limit = api_client.app.state.settings.api_max_body_bytes
    payload = {"kind": "text", "content": "x" * (limit + 1)}
    response = _post(api_client, payload, **{"X-API-Key": api_key})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_post_document_streamed_over_the_limit_is_413(api_client: Any, api_key: str) -> None:
    limit = api_client.app.state.settings.api_max_body_bytes
    chunk = b"x" * 65536

    def body() -> Any:  # no Content-Length: the size is known only while reading
        yield b'{"kind": "text", "content": "'
        for _ in range(limit // len(chunk) + 2):
            yield chunk
        yield b'"}'

    response = api_client.post(
        "/documents",
        content=body(),
        headers={"X-API-Key": api_key, "Content-Type": "application/json"},
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


@pytest.mark.slow
def test_post_document_codes_events_with_the_full_pipeline(api_engine: Any, api_key: str) -> None:
    from fastapi.testclient import TestClient

    from dyads.serve.api.app import create_app
    from dyads.settings import Settings

    for module in ("dyads.clean.stage", "dyads.coding.stage"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not part of this checkout")
    app = create_app(Settings(), engine=api_engine)
    with TestClient(app) as client:
        response = _post(client, {"kind": "text", "content": BODY}, **{"X-API-Key": api_key})
        assert response.status_code == 201, response.text
        events = response.json()["events"]
        stored = client.get("/stats").json()["events"]
    assert events, "a signed agreement between two governments is an event"
    assert 4 < stored <= 4 + len(events)
    for event in events:
        assert event["evidence"][0]["sentence"] in BODY


@pytest.mark.slow
def test_a_posted_joint_agreement_is_on_the_dyad_of_its_parties(
    api_engine: Any, api_key: str
) -> None:
    """ "Foreign ministers of Norway and Chile signed ...": both are actors and neither a
    recipient; the pair's events and series hold the agreement, in either order."""
    from fastapi.testclient import TestClient

    from dyads.serve.api.app import create_app
    from dyads.settings import Settings

    app = create_app(Settings(), engine=api_engine)
    payload = {"kind": "text", "content": BODY, "date": "2021-06-07"}
    with TestClient(app) as client:
        response = _post(client, payload, **{"X-API-Key": api_key})
        assert response.status_code == 201, response.text
        joint = [
            e["event"]
            for e in response.json()["events"]
            if not e["recipients"] and {a["country"] for a in e["actors"]} == {"CHL", "NOR"}
        ]
        assert joint, "the coder gives the signing to both governments"
        for pair in ("NOR,CHL", "CHL,NOR"):
            items = client.get("/events", params={"between": pair}).json()["items"]
            assert [e["event"] for e in items if not e["recipients"]] == joint[:1]
        series = client.get("/dyads/CHL/NOR", params={"by": "month"}).json()
        totals = [period["total"] for period in series["periods"]]
    assert totals == [len(items)]
