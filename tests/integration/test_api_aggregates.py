"""``GET /aggregates`` over the serving store, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from dyads.store.aggregate import AggregateOptions, aggregate_columns, aggregate_events

pytestmark = pytest.mark.integration


def test_api_aggregates_by_country_counts_each_country_of_an_event(api_client: Any) -> None:
    response = api_client.get("/aggregates", params={"by": "country", "period": "month"})
    assert response.status_code == 200
    body = response.json()
    assert (body["by"], body["period"], body["side"]) == ("country", "month", "any")
    rows = {(r["country"], r["period"]): r for r in body["rows"]}
    assert set(rows) == {
        ("KAZ", "2021-03"),
        ("TUR", "2021-03"),
        ("KAZ", "2021-04"),
        ("TUR", "2021-04"),
        ("RUS", "2021-05"),
        ("UKR", "2021-05"),
    }
    march = rows[("TUR", "2021-03")]
    assert (march["events"], march["quad1"], march["quad2"]) == (2, 1, 1)
    assert (march["type_consult"], march["type_cooperate"]) == (1, 1)
    assert (march["goldstein_sum"], march["goldstein_mean"], march["sources"]) == (7.0, 3.5, 1)


def test_api_aggregates_match_the_query_and_take_the_event_filters(
    api_client: Any, api_engine: Any
) -> None:
    params = {"by": "dyad", "directed": "false", "period": "year", "actor": "tur"}
    body = api_client.get("/aggregates", params=params).json()
    options = AggregateOptions(by="dyad", directed=False, period="year")
    from dyads.store.filters import EventFilter

    expected = aggregate_events(api_engine, options=options, filter=EventFilter(actor="TUR"))
    assert [(r["country_a"], r["country_b"], r["events"]) for r in body["rows"]] == [
        (*row.key, row.events) for row in expected
    ]
    assert [(r["country_a"], r["country_b"]) for r in body["rows"]] == [("KAZ", "TUR")]
    assert body["rows"][0]["events"] == 2  # the CONSULT and the ACCUSE; not Kazakhstan's agreeing


def test_api_aggregates_csv_has_the_cli_columns(api_client: Any) -> None:
    response = api_client.get("/aggregates", params={"by": "dyad", "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(response.text)))
    assert tuple(lines[0]) == aggregate_columns(AggregateOptions(by="dyad"))
    # rows in the order of their key, then period
    assert [line[:5] for line in lines[1:]] == [
        ["KAZ", "TUR", "2021-03", "2021-03-01", "1"],
        ["RUS", "UKR", "2021-05", "2021-05-01", "1"],
        ["TUR", "KAZ", "2021-03", "2021-03-01", "1"],
        ["TUR", "KAZ", "2021-04", "2021-04-01", "1"],
    ]


def test_api_aggregates_refuse_an_unknown_period(api_client: Any) -> None:
    response = api_client.get("/aggregates", params={"period": "decade"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"
