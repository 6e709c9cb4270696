from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from dyads.export.parquet import parquet_schema, write_parquet
from dyads.records import Place
from tests.conftest import make_event, make_stored_event


def test_write_parquet_reads_back_typed_columns_and_nested_actors(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    event = make_event(
        actors=(("Turkey", "TUR"), ("Azerbaijan", "AZE")),
        place=Place(name="Baku", country="AZE", lat=40.38, lon=49.89, geonameid=587084),
        quad=1,
        goldstein=1.0,
    )
    added = datetime(2021, 2, 6, 8, 30, tzinfo=UTC)
    events = [
        make_stored_event(event, added=added, tone=-1.25),
        make_stored_event(make_event(recipients=())),
    ]

    assert write_parquet(events, path=path, batch_rows=1) == 2

    table = pq.read_table(path)
    assert table.schema.equals(parquet_schema())
    actor_type = table.schema.field("actors").type
    assert pa.types.is_list(actor_type)
    assert pa.types.is_struct(actor_type.value_type)
    assert pq.ParquetFile(path).metadata.num_row_groups == 2
    rows = table.to_pylist()
    assert rows[0]["date"] == date(2021, 2, 4)
    assert [a["country"] for a in rows[0]["actors"]] == ["TUR", "AZE"]
    assert [(a["cown"], a["gwn"], a["fips"]) for a in rows[0]["actors"]] == [
        (640, 640, "TU"),
        (373, 373, "AJ"),
    ]
    assert rows[0]["actors"][0]["cameo"] == "TURGOV"
    assert (rows[0]["place"]["cown"], rows[0]["place"]["fips"]) == (373, "AJ")
    assert rows[0]["place"]["geonameid"] == 587084
    assert rows[0]["added"] == added
    assert (rows[0]["tone"], rows[1]["tone"]) == (-1.25, None)
    assert rows[1]["recipients"] == []
    assert rows[1]["place"] is None


def test_write_parquet_is_queryable_by_duckdb(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    events = [make_stored_event(make_event(event=t, id=t)) for t in ("AGREE", "CONSULT", "AID")]
    write_parquet(events, path=path)

    found = duckdb.sql(
        f"SELECT event, actors[1].country, num_mentions FROM read_parquet('{path}') ORDER BY event"
    ).fetchall()
    assert found == [("AGREE", "TUR", 3), ("AID", "TUR", 3), ("CONSULT", "TUR", 3)]


def test_write_parquet_with_no_events_writes_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    assert write_parquet([], path=path) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0
    assert table.schema.equals(parquet_schema())
