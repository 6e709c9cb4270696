from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest

from dyads.cli.main import main
from dyads.export.gdelt import GDELT_COLUMNS

pytestmark = pytest.mark.integration


def _export(url: str, out: Path, format: str, *filters: str) -> None:
    assert main(["export", "--format", format, str(out), "--db", url, *filters]) == 0


def test_export_every_format_reads_back_with_a_real_reader(
    query_engine: Any, store_url: str, tmp_path: Path
) -> None:
    paths = {f: tmp_path / f"events.{f}" for f in ("csv", "jsonl", "parquet", "plover", "gdelt")}
    for format, path in paths.items():
        _export(store_url, path, format)

    with paths["csv"].open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 7
    jsonl = [json.loads(line) for line in paths["jsonl"].read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in jsonl] == [r["id"] for r in rows]
    assert {"num_mentions", "num_articles", "num_sources", "evidence"} <= set(jsonl[0])
    plover = [json.loads(line) for line in paths["plover"].read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in plover] == [r["id"] for r in rows]
    assert all(r["event"] and r["cite_info"]["url"] for r in plover)
    with paths["gdelt"].open(newline="", encoding="utf-8") as stream:
        gdelt = list(csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(gdelt) == 7
    assert all(len(row) == len(GDELT_COLUMNS) == 61 for row in gdelt)
    table = pq.read_table(paths["parquet"])
    assert table.column("id").to_pylist() == [r["id"] for r in rows]
    merged = duckdb.sql(
        f"SELECT num_mentions, len(evidence) FROM read_parquet('{paths['parquet']}') "
        "WHERE event = 'ACCUSE' AND actors[1].country = 'RUS'"
    ).fetchall()
    assert merged == [(2, 1)]


def test_export_applies_the_event_filters(
    query_engine: Any, store_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "dyad.gdelt"
    _export(store_url, out, "gdelt", "--between", "KAZ", "TUR", "--since", "2021-02-05")
    with out.open(newline="", encoding="utf-8") as stream:
        rows = [
            dict(zip(GDELT_COLUMNS, r, strict=True)) for r in csv.reader(stream, delimiter="\t")
        ]
    assert sorted(r["SQLDATE"] for r in rows) == ["20210211", "20210402"]
    assert {(r["Actor1CountryCode"], r["Actor2CountryCode"]) for r in rows} == {
        ("KAZ", "TUR"),
        ("TUR", "KAZ"),
    }


def test_events_and_export_take_min_confidence(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.integration.test_query_events import crossed_engine

    engine = crossed_engine(store_url)
    everything = dict(_jsonl_confidences(store_url, capsys))
    wanted = {i for i, c in everything.items() if c >= 0.6}
    assert 0 < len(wanted) < len(everything)
    assert set(dict(_jsonl_confidences(store_url, capsys, "--min-confidence", "0.6"))) == wanted
    out = tmp_path / "confident.jsonl"
    _export(store_url, out, "jsonl", "--min-confidence", "0.6", "--actor", "TUR")
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert exported
    assert all(e["confidence"] >= 0.6 and e["id"] in wanted for e in exported)
    assert main(["events", "--db", store_url, "--min-confidence", "2"]) == 2  # a usage error
    assert "between 0 and 1" in capsys.readouterr().err
    engine.dispose()


def _jsonl_confidences(
    url: str, capsys: pytest.CaptureFixture[str], *filters: str
) -> list[tuple[str, float]]:
    capsys.readouterr()
    argv = ["events", "--db", url, "--format", "jsonl", "--limit", "1000", *filters]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    return [(e["id"], e["confidence"]) for e in map(json.loads, lines)]


def test_events_jsonl_prints_what_export_jsonl_writes(
    query_engine: Any, store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "events.jsonl"
    _export(store_url, out, "jsonl", "--actor", "TUR")
    capsys.readouterr()
    assert main(["events", "--db", store_url, "--actor", "TUR", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == out.read_text(encoding="utf-8")


def test_events_table_dyad_chart_and_article_view(
    query_engine: Any, store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["events", "--db", store_url, "--text", "shelling"]) == 0
    table = capsys.readouterr().out
    assert "ACCUSE" in table and "RUS GOV" in table and "2/2/2" in table
    assert "1 event" in table

    assert main(["dyad", "TUR", "KAZ", "--db", store_url, "--by", "month"]) == 0
    chart = capsys.readouterr().out
    assert "2021-02" in chart and "2021-04" in chart
    assert "█" in chart and "▓" in chart

    assert main(["events", "--db", store_url, "--text", "questions", "--format", "jsonl"]) == 0
    article_id = json.loads(capsys.readouterr().out)["doc_id"]
    assert main(["article", article_id, "--db", store_url]) == 0
    view = capsys.readouterr().out
    assert "[[Turkish and Kazakh foreign ministers" in view
    assert "{CONSULT}" in view
    assert view.index("The ministers did not take questions.") < view.index("Boilerplate")
    assert "Other news" in view.split("Boilerplate", 1)[1]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["events", "--actor", "T1"], "unknown actor code"),
        (["events", "--cursor", "bogus!"], "malformed cursor"),
        (["article", "no-such-article"], "no article"),
        (["dyad", "TUR", "KAZ", "--since", "2021-05-01", "--until", "2021-01-01"], "is after"),
    ],
)
def test_query_commands_report_bad_requests_on_stderr(
    query_engine: Any,
    store_url: str,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    assert main([*argv, "--db", store_url]) == 2
    assert message in capsys.readouterr().err
