"""Aggregates counted in the database against a brute force over the stored rows, on SQLite
and PostgreSQL; ``dyads aggregate`` and ``dyads dyad --format csv`` end to end."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date, timedelta
from itertools import product
from pathlib import Path
from typing import Any

import pytest

from dyads.cli.main import main
from dyads.coding.lexicon import EVENT_TYPES
from dyads.errors import QueryError
from dyads.store.aggregate import (
    AggregateOptions,
    aggregate_columns,
    aggregate_events,
    aggregate_record,
)
from dyads.store.filters import EventFilter
from dyads.store.summary import dyad_series

pytestmark = pytest.mark.integration


def _start(day: date, period: str) -> date:
    if period == "day":
        return day
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _stored(engine: Any) -> list[dict[str, Any]]:
    """Every event with its actor and recipient countries (from ``event_actors``, not from
    the pair tables the aggregates read) and the sites of its mentions."""
    from sqlalchemy import select

    from dyads.store.schema import actors, event_actors, event_mentions, events

    with engine.connect() as conn:
        rows = {r["id"]: dict(r) for r in conn.execute(select(events)).mappings()}
        for row in rows.values():
            row.update(actor=set(), recipient=set(), sites=set())
        sides = select(event_actors.c.event_id, event_actors.c.role, actors.c.country).join(
            actors, actors.c.id == event_actors.c.actor_id
        )
        for event_id, role, country in conn.execute(sides):
            if country:
                rows[event_id][role].add(country)
        reports = select(event_mentions.c.event_id, event_mentions.c.site)
        for event_id, site in conn.execute(reports):
            rows[event_id]["sites"].add(site)
    return list(rows.values())


def _units(row: dict[str, Any], options: AggregateOptions) -> set[tuple[str, ...]]:
    actors, recipients = row["actor"], row["recipient"]
    if options.by == "country":
        chosen = {"any": actors | recipients, "actor": actors, "recipient": recipients}
        return {(c,) for c in chosen[options.side]}
    pairs = set(product(actors, recipients))
    if options.directed:
        return pairs
    undirected = {tuple(sorted(pair)) for pair in pairs}
    if not recipients:  # a joint action: between each pair of its actor countries
        undirected |= {(a, b) for a, b in product(actors, actors) if a < b}
    return undirected


def brute_force(
    engine: Any, options: AggregateOptions, keep: Any = lambda row: True
) -> dict[tuple[Any, ...], dict[str, Any]]:
    """(key..., period start) -> the columns of a row, counted in Python."""
    out: dict[tuple[Any, ...], dict[str, Any]] = defaultdict(
        lambda: defaultdict(int, sites=set(), goldstein=[])
    )
    for row in _stored(engine):
        if row["date"] is None or not keep(row):
            continue
        for key in _units(row, options):
            cell = out[(*key, _start(row["date"], options.period))]
            cell["events"] += 1
            cell[f"quad{row['quad']}"] += 1
            kind = row["event"] if row["event"] in EVENT_TYPES else "other"
            cell[f"type_{kind.lower()}"] += 1
            cell["mentions"] += row["num_mentions"]
            cell["sites"] |= row["sites"]
            if row["goldstein"] is not None:
                cell["goldstein"].append(row["goldstein"])
    return out


def _as_brute(rows: tuple[Any, ...], options: AggregateOptions) -> dict[tuple[Any, ...], Any]:
    columns = aggregate_columns(options)
    width = len(options.key_columns)
    out = {}
    for row in rows:
        record = dict(zip(columns, aggregate_record(row), strict=True))
        out[(*row.key, row.start)] = record
        assert len(row.key) == width
    return out


OPTIONS = [
    AggregateOptions(by="country", period="month"),
    AggregateOptions(by="country", period="week", side="actor"),
    AggregateOptions(by="country", period="day", side="recipient"),
    AggregateOptions(by="dyad", period="month", directed=True),
    AggregateOptions(by="dyad", period="year", directed=False),
]


def _name(options: AggregateOptions) -> str:
    return f"{options.by}-{options.period}-{options.side}-{options.directed}"


@pytest.mark.parametrize("options", OPTIONS, ids=_name)
def test_aggregate_events_agree_with_a_brute_force_count(
    aggregate_engine: Any, options: AggregateOptions
) -> None:
    got = _as_brute(aggregate_events(aggregate_engine, options=options), options)
    expected = brute_force(aggregate_engine, options)
    assert set(got) == set(expected)
    for key, cell in expected.items():
        row = got[key]
        for name in aggregate_columns(options):
            if name.startswith(("quad", "type_")) or name in ("events", "mentions"):
                assert row[name] == cell[name], (key, name)
        assert row["sources"] == len(cell["sites"] - {None})
        scores = cell["goldstein"]
        assert row["goldstein_sum"] == pytest.approx(sum(scores))
        mean = round(sum(scores) / len(scores), 3) if scores else None
        assert row["goldstein_mean"] == (pytest.approx(mean) if scores else None)
        assert row["events"] == sum(row[n] for n in row if n.startswith("type_"))


def test_aggregate_events_with_filters_count_only_the_selected_events(
    aggregate_engine: Any,
) -> None:
    options = AggregateOptions(by="country", period="month")
    flt = EventFilter(actor="TUR", since=date(2021, 2, 5), type="ASSAULT")
    got = _as_brute(aggregate_events(aggregate_engine, options=options, filter=flt), options)

    def keep(row: dict[str, Any]) -> bool:
        return "TUR" in row["actor"] and row["date"] >= flt.since and row["event"] == "ASSAULT"

    expected = brute_force(aggregate_engine, options, keep)
    assert {k: v["events"] for k, v in got.items()} == {k: v["events"] for k, v in expected.items()}
    # the ASSAULT of Turkish and Kazakh troops on Russia counts for all three countries
    assert set(got) == {(c, date(2021, 3, 1)) for c in ("KAZ", "RUS", "TUR")}


def test_aggregate_events_with_a_text_filter_count_its_events_and_sources(
    aggregate_engine: Any,
) -> None:
    options = AggregateOptions(by="dyad", period="month")
    flt = EventFilter(text="ceasefire")
    rows = aggregate_events(aggregate_engine, options=options, filter=flt)
    assert {(row.key, row.events, row.sources) for row in rows} == {
        (pair, 1, 1) for pair in product(("RUS", "TUR"), repeat=2)
    }


def test_aggregate_undirected_dyads_count_what_the_dyad_series_counts(
    aggregate_engine: Any,
) -> None:
    options = AggregateOptions(by="dyad", period="month", directed=False)
    rows = aggregate_events(aggregate_engine, options=options)
    pairs = {row.key for row in rows}
    assert ("JPN", "KOR") in pairs  # a joint action is between its actors
    assert ("SDN", "SDN") in pairs  # a domestic event is a dyad of its own
    for a, b in pairs:
        series = {p.start: p.total for p in dyad_series(aggregate_engine, a, b) if p.total}
        assert series == {r.start: r.events for r in rows if r.key == (a, b)}


def test_aggregate_directed_dyads_leave_out_events_without_a_recipient(
    aggregate_engine: Any,
) -> None:
    rows = aggregate_events(aggregate_engine, options=AggregateOptions(by="dyad"))
    keys = {row.key for row in rows}
    assert ("JPN", "KOR") not in keys and ("KOR", "JPN") not in keys
    assert {("TUR", "RUS"), ("RUS", "TUR"), ("TUR", "TUR"), ("RUS", "RUS")} <= keys


def test_aggregate_options_refuse_unknown_values() -> None:
    with pytest.raises(QueryError, match="unknown period"):
        AggregateOptions(period="decade")
    with pytest.raises(QueryError, match="unknown grouping"):
        AggregateOptions(by="region")
    with pytest.raises(QueryError, match="unknown side"):
        AggregateOptions(side="both")
    with pytest.raises(QueryError, match="undirected applies to dyads"):
        AggregateOptions(by="country", directed=False)
    with pytest.raises(QueryError, match="side applies to countries"):
        AggregateOptions(by="dyad", side="actor")


def test_cli_aggregate_refuses_an_option_that_does_not_apply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["aggregate", "--db", str(tmp_path / "x.db"), "--undirected"]) == 2
    assert "undirected applies to dyads" in capsys.readouterr().err


def _store_file(tmp_path: Path) -> str:
    from dyads.store import open_store
    from dyads.store.writer import StoreWriter
    from tests.conftest import AGGREGATE_ARTICLES, make_query_articles

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = open_store(url)
    writer = StoreWriter(engine)
    run_id = writer.start_run(command="tests", inputs=[], settings={})
    writer.write_batch(list(make_query_articles(AGGREGATE_ARTICLES)), run_id=run_id)
    engine.dispose()
    return url


def test_cli_aggregate_csv_is_the_query_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _store_file(tmp_path)
    assert main(["aggregate", "--db", url, "--by", "dyad", "--undirected", "--format", "csv"]) == 0
    lines = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(lines[0]) == list(aggregate_columns(AggregateOptions(by="dyad", directed=False)))
    japan = next(line for line in lines if (line["country_a"], line["country_b"]) == ("JPN", "KOR"))
    assert (japan["period"], japan["events"], japan["type_agree"]) == ("2021-03", "1", "1")
    sudan = next(line for line in lines if line["country_a"] == line["country_b"] == "SDN")
    assert sudan["goldstein_mean"] == ""  # its one event has no score


def test_cli_aggregate_writes_parquet_with_typed_columns(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    url = _store_file(tmp_path)
    out = tmp_path / "countries.parquet"
    args = ["aggregate", "--db", url, "--period", "year", "--format", "parquet", "--out", str(out)]
    assert main(args) == 0
    table = pq.read_table(out)
    assert table.column_names == list(aggregate_columns(AggregateOptions()))
    assert str(table.schema.field("start").type) == "date32[day]"
    rows = {(r["country"], r["period"]): r for r in table.to_pylist()}
    assert rows[("TUR", "2021")]["events"] == 2  # the ASSAULT and the mutual ACCUSE
    assert rows[("SDN", "2022")]["type_assault"] == 1


def test_cli_aggregate_parquet_needs_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["aggregate", "--db", _store_file(tmp_path), "--format", "parquet"]) == 2
    assert "needs --out FILE" in capsys.readouterr().err


def test_cli_aggregate_table_names_the_counted_types(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["aggregate", "--db", _store_file(tmp_path), "--actor", "SDN"]) == 0
    out = capsys.readouterr().out
    assert "ASSAULT 1" in out and "2022-01" in out


def test_cli_dyad_csv_by_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = _store_file(tmp_path)
    assert main(["dyad", "TUR", "RUS", "--by", "year", "--format", "csv", "--db", url]) == 0
    lines = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(x["period"], x["start"], x["events"]) for x in lines] == [("2021", "2021-01-01", "2")]
    assert (lines[0]["quad3"], lines[0]["quad4"], lines[0]["goldstein_mean"]) == ("1", "1", "-5.5")
