"""``events_flat`` (migration 0007): the CSV export's columns as a SQL view, read on SQLite
and PostgreSQL as an R user reads it through DBI."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dyads.export.csv import CSV_COLUMNS, csv_row
from dyads.store.filters import EventFilter
from dyads.store.query import iter_events
from tests.conftest import make_article, make_event

pytestmark = pytest.mark.integration


def _write_event_with_contexts(engine: Any) -> None:
    """An event whose mode, contexts and actors (in an order that is not alphabetical) the
    CSV joins: the view must join them the same way."""
    from dyads.records import CodedArticle
    from dyads.store.writer import StoreWriter

    article = make_article(
        ("Greek and Turkish coastguards rescued migrants off Lesbos on Sunday.",),
        site="sea.example",
        url="https://sea.example/rescue",
        tone=2.5,
    )
    event = make_event(
        article=article,
        event="COOPERATE",
        actors=(("Greece", "GRC"), ("Turkey", "TUR")),
        recipients=(),
        when=date(2022, 6, 5),
        mode="humanitarian",
        contexts=("migration", "maritime"),
        quad=2,
        goldstein=3.5,
    )
    writer = StoreWriter(engine)
    run_id = writer.start_run(command="tests", inputs=[], settings={})
    writer.write_batch([CodedArticle(article=article, events=(event,))], run_id=run_id)


def _as_csv_cell(value: object) -> str:
    return "" if value is None else str(value)


def test_flat_view_rows_are_the_csv_export_rows(aggregate_engine: Any) -> None:
    from sqlalchemy import text

    _write_event_with_contexts(aggregate_engine)
    expected = {s.event.id: csv_row(s) for s in iter_events(aggregate_engine, filter=EventFilter())}
    with aggregate_engine.connect() as conn:
        result = conn.execute(text("SELECT * FROM events_flat"))
        assert tuple(result.keys()) == CSV_COLUMNS
        rows = [dict(row) for row in result.mappings()]
    assert len(rows) == len(expected) == 14  # 15 reports, two of one ACCUSE merged
    for row in rows:
        row["confidence"] = f"{row['confidence']:.3f}"
        cells = tuple(_as_csv_cell(row[name]) for name in CSV_COLUMNS)
        assert cells == expected[row["id"]], row["id"]
    rescue = next(row for row in rows if row["event"] == "COOPERATE")
    assert (rescue["actor_countries"], rescue["contexts"]) == ("GRC;TUR", "migration;maritime")
    assert rescue["recipient_names"] is None and rescue["mode"] == "humanitarian"
    assert (rescue["actor_cown"], rescue["actor_gwn"], rescue["actor_fips"]) == (
        "350;640",
        "350;640",
        "GR;TU",
    )
    assert rescue["tone"] == 2.5


def test_flat_view_answers_a_country_year_count_in_sql(aggregate_engine: Any) -> None:
    from sqlalchemy import text

    query = (
        "SELECT actor_countries, count(*) AS n FROM events_flat"
        " WHERE date >= :since GROUP BY actor_countries ORDER BY actor_countries"
    )
    with aggregate_engine.connect() as conn:
        counts = conn.execute(text(query), {"since": date(2022, 1, 1)}).all()
    assert [tuple(row) for row in counts] == [("", 1), ("IGO", 1), ("SDN", 1)]
