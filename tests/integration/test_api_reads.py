"""The read endpoints over a small store, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pyarrow.parquet as pq
import pytest

from dyads.export.csv import CSV_COLUMNS, write_csv
from dyads.export.formats import FORMATS
from dyads.store.filters import EventFilter
from dyads.store.query import query_events

pytestmark = pytest.mark.integration


def _events(client: Any, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/events", params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def test_events_list_has_the_export_fields_and_counts(api_client: Any) -> None:
    items = _events(api_client)
    assert {e["event"] for e in items} == {"CONSULT", "COOPERATE", "ACCUSE", "SANCTION"}
    first = items[0]
    assert {"id", "doc_id", "actors", "recipients", "evidence", "quad", "goldstein"} <= set(first)
    assert first["num_mentions"] == first["num_articles"] == first["num_sources"] == 1
    assert [e["date"] for e in items] == sorted((e["date"] for e in items), reverse=True)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"actor": "tur"}, {"CONSULT", "ACCUSE"}),
        ({"recipient": "TUR"}, {"COOPERATE"}),
        ({"between": "KAZ,TUR"}, {"CONSULT", "COOPERATE", "ACCUSE"}),
        ({"type": "SANCTION"}, {"SANCTION"}),
        ({"since": "2021-04-01", "until": "2021-04-30"}, {"ACCUSE"}),
        ({"text": "grain"}, {"SANCTION"}),
        ({"text": "customs deal"}, {"ACCUSE"}),
        ({"min_confidence": "0.8"}, {"CONSULT", "COOPERATE", "ACCUSE", "SANCTION"}),
        ({"min_confidence": "0.81"}, set()),
        ({"between": "KAZ,TUR", "min_confidence": "0.5", "type": "accuse"}, {"ACCUSE"}),
    ],
)
def test_events_filters_select_events(
    api_client: Any, params: dict[str, str], expected: set[str]
) -> None:
    assert {e["event"] for e in _events(api_client, **params)} == expected


def test_events_cursor_pages_through_every_event_once(api_client: Any) -> None:
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        body = api_client.get("/events", params=params).json()
        seen += [e["id"] for e in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 4


def test_events_csv_has_a_header_and_one_row_per_event(api_client: Any) -> None:
    response = api_client.get("/events", params={"format": "csv", "actor": "RUS"})
    assert response.headers["content-type"].startswith("text/csv")
    reader = csv.DictReader(io.StringIO(response.text))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS  # the columns of dyads export
    rows = list(reader)
    assert [(r["event"], r["actor_countries"], r["recipient_countries"]) for r in rows] == [
        ("SANCTION", "RUS", "UKR")
    ]


def test_events_csv_is_the_export_csv_of_the_same_events(api_client: Any, api_engine: Any) -> None:
    response = api_client.get("/events", params={"format": "csv", "limit": 2})
    page = query_events(api_engine, filter=EventFilter(limit=2))
    expected = io.StringIO()
    write_csv(page.items, stream=expected)
    assert response.text == expected.getvalue()
    assert response.headers["x-next-cursor"] == page.next_cursor


@pytest.mark.parametrize("format", [f for f in FORMATS if f != "csv"])
def test_events_in_every_export_format_read_back(api_client: Any, format: str) -> None:
    response = api_client.get("/events", params={"format": format, "actor": "RUS"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(FORMATS[format].media_type)
    if format == "parquet":
        table = pq.read_table(io.BytesIO(response.content))
        assert table.column("event").to_pylist() == ["SANCTION"]
    elif format == "gdelt":
        (row,) = [line.split("\t") for line in response.text.splitlines()]
        assert len(row) == 61 and row[7] == "RUS"  # Actor1CountryCode
    elif format == "dyadic":
        (row,) = csv.DictReader(io.StringIO(response.text))
        assert (row["event"], row["actor_cown"], row["recipient_cown"]) == (
            "SANCTION",
            "365",
            "369",
        )
    else:
        (line,) = response.text.splitlines()
        assert json.loads(line)["event"] in ("SANCTION", ["SANCTION"])


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"actor": "T"},
        {"between": "TUR"},
        {"since": "yesterday"},
        {"since": "2021-05-01", "until": "2021-01-01"},
        {"format": "xml"},
        {"min_confidence": "1.5"},
        {"min_confidence": "high"},
        {"format": "gdelt", "country_codes": "cow"},
    ],
)
def test_events_bad_queries_are_422_with_an_error_body(
    api_client: Any, params: dict[str, Any]
) -> None:
    response = api_client.get("/events", params=params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"
    assert response.json()["error"]["message"]


def test_events_json_shows_each_actors_codes_and_the_tone(api_client: Any) -> None:
    (event,) = _events(api_client, actor="RUS")
    (actor,), (recipient,) = event["actors"], event["recipients"]
    assert (actor["country"], actor["cown"], actor["gwn"], actor["fips"]) == ("RUS", 365, 365, "RS")
    assert (recipient["cameo"], recipient["fips"]) == ("UKR", "UP")  # no sector
    assert "tone" in event  # null: these articles were written without one


def test_events_gdelt_takes_fips_country_codes(api_client: Any, api_engine: Any) -> None:
    from dyads.export.gdelt import GDELT_COLUMNS

    def action_geo(**params: str) -> set[str]:
        response = api_client.get("/events", params={"format": "gdelt", **params})
        assert response.status_code == 200, response.text
        rows = [
            dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
            for line in response.text.splitlines()
        ]
        return {r["ActionGeo_CountryCode"] for r in rows if r["ActionGeo_Type"]}

    iso3, fips = action_geo(), action_geo(country_codes="fips")
    assert iso3 and fips and iso3.isdisjoint(fips)
    assert all(len(code) == 3 for code in iso3) and all(len(code) == 2 for code in fips)


def test_event_detail_lists_its_mentions_with_offsets(api_client: Any) -> None:
    (listed,) = _events(api_client, type="ACCUSE")
    detail = api_client.get(f"/events/{listed['id']}").json()
    (mention,) = detail["mentions"]
    evidence = mention["evidence"]
    start, end = evidence["trigger"]
    sentence_start = evidence["start"]
    trigger = evidence["sentence"][start - sentence_start : end - sentence_start]
    assert trigger == "accused"
    assert mention["site"] == "daily.example.net"


@pytest.mark.parametrize("path", ["/events/0000", "/articles/0000"])
def test_unknown_ids_are_404_with_an_error_body(api_client: Any, path: str) -> None:
    response = api_client.get(path)
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": response.json()["error"]["message"]}
    }


def test_article_has_body_boilerplate_and_evidence_offsets(api_client: Any) -> None:
    (listed,) = _events(api_client, type="COOPERATE")
    article = api_client.get(f"/articles/{listed['doc_id']}").json()
    assert article["body"] == "\n\n".join(article["paragraphs"])
    assert article["boilerplate"][0]["kind"] == "teaser"
    marked = {e["event"]: e for e in article["evidence"]}
    assert set(marked) == {"CONSULT", "COOPERATE"}
    start, end = marked["COOPERATE"]["trigger"]
    assert article["body"][start:end] == "agreed"
    assert article["tone"] is None  # written without a tone


def test_dyad_series_counts_quad_classes_per_month(api_client: Any) -> None:
    body = api_client.get("/dyads/tur/kaz", params={"by": "month"}).json()
    assert (body["a"], body["b"], body["by"]) == ("TUR", "KAZ", "month")
    by_period = {p["period"]: p for p in body["periods"]}
    march, april = by_period["2021-03"], by_period["2021-04"]
    assert (march["verbal_cooperation"], march["material_cooperation"]) == (1, 1)
    assert march["goldstein_mean"] == pytest.approx(3.5)
    assert (april["verbal_conflict"], april["total"]) == (1, 1)


@pytest.mark.parametrize(
    ("params", "totals"),
    [
        ({}, {"2021-03": 2, "2021-04": 1}),
        ({"directed": "true"}, {"2021-03": 1, "2021-04": 1}),  # TUR acting on KAZ only
        ({"type": "accuse"}, {"2021-04": 1}),
        ({"since": "2021-04-01"}, {"2021-04": 1}),
        ({"until": "2021-03-31", "min_confidence": "0.8"}, {"2021-03": 2}),
        ({"min_confidence": "0.9"}, {}),
    ],
)
def test_dyad_series_takes_the_event_list_filters(
    api_client: Any, params: dict[str, str], totals: dict[str, int]
) -> None:
    body = api_client.get("/dyads/TUR/KAZ", params=params).json()
    assert {p["period"]: p["total"] for p in body["periods"]} == totals


def test_actors_and_stats_count_the_store(api_client: Any) -> None:
    actors = {a["code"]: a for a in api_client.get("/actors").json()["items"]}
    assert actors["TUR"]["as_actor"] == 2
    assert actors["TUR"]["total"] == 3
    stats = api_client.get("/stats").json()
    assert (stats["articles"], stats["events"]) == (3, 4)
    assert stats["first_date"] == "2021-03-02"


def test_healthz_names_the_database(api_client: Any) -> None:
    body = api_client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["database"] in {"sqlite", "postgresql"}


@pytest.mark.parametrize(
    "params", [{}, {"limit": 2}, {"between": "KAZ,TUR"}, {"actor": "RUS", "limit": 1}]
)
def test_events_json_is_what_the_response_model_serialises(
    api_client: Any, api_engine: Any, params: dict[str, Any]
) -> None:
    """The list is encoded from plain dicts: the same document as the pydantic models give."""
    from dyads.serve.api.schemas import EventPageOut, event_out
    from dyads.store.filters import EventFilter
    from dyads.store.query import query_events

    response = api_client.get("/events", params=params)
    assert response.headers["content-type"] == "application/json"
    between = params.get("between")
    flt = EventFilter(
        actor=params.get("actor"),
        between=tuple(between.split(",")) if between else None,
        limit=params.get("limit", 50),
    )
    page = query_events(api_engine, filter=flt)
    model = EventPageOut(items=[event_out(s) for s in page.items], next_cursor=page.next_cursor)
    assert response.json() == model.model_dump(mode="json")
    assert EventPageOut.model_validate_json(response.content) == model


@pytest.mark.parametrize("by", ["day", "week", "month"])
def test_dyad_json_is_what_the_response_model_serialises(
    api_client: Any, api_engine: Any, by: str
) -> None:
    from dyads.serve.api.schemas import DyadSeriesOut, dyad_period_out
    from dyads.store.query import dyad_series

    response = api_client.get("/dyads/kaz/tur", params={"by": by})
    periods = [dyad_period_out(p) for p in dyad_series(api_engine, "KAZ", "TUR", by=by)]
    model = DyadSeriesOut(a="KAZ", b="TUR", by=by, periods=periods)
    assert periods
    assert response.json() == model.model_dump(mode="json")
    assert DyadSeriesOut.model_validate_json(response.content) == model
