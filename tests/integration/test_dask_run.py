"""``dyads run --executor dask``: the same rows as a single-process run, shard markers, damage.

The WARC files are written here from invented pages, one gzip member per record as crawlers
write them; one archive is cut short in the middle of a record.
"""

from __future__ import annotations

import gzip
import json
import uuid
from pathlib import Path

import pytest

from dyads.cli.main import main
from tests.conftest import write_invented_news
from tests.integration.test_run_resume import count, table_contents

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def _record(url: str, html: str) -> bytes:
    body = html.encode("utf-8")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = "\r\n".join(
        [
            "WARC/1.0",
            "WARC-Type: response",
            f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}>",
            "WARC-Date: 2021-03-02T10:00:00Z",
            f"WARC-Target-URI: {url}",
            "Content-Type: application/http; msgtype=response",
            f"Content-Length: {len(http)}",
        ]
    )
    return gzip.compress(head.encode() + b"\r\n\r\n" + http + b"\r\n\r\n")


def _page(record: dict[str, str]) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in record["text"].split("\n"))
    return (
        f"<!DOCTYPE html><html><head><title>{record['title']}</title>"
        f'<meta property="article:published_time" content="{record["date"]}"></head>'
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{record['title']}</h1>{paragraphs}</article>"
        f"<footer>Contact us</footer></body></html>"
    )


def write_warcs(folder: Path, *, files: int, per_file: int) -> list[Path]:
    news = write_invented_news(folder / "news.jsonl", files * per_file)
    records = [json.loads(line) for line in news.read_text(encoding="utf-8").splitlines()]
    news.unlink()
    paths = []
    for n in range(files):
        chunk = records[n * per_file : (n + 1) * per_file]
        path = folder / f"crawl-{n}.warc.gz"
        path.write_bytes(b"".join(_record(r["url"], _page(r)) for r in chunk))
        paths.append(path)
    return paths


def test_dask_run_gives_the_rows_of_a_single_process_run(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_warcs(inputs, files=3, per_file=6)
    single = f"sqlite:///{tmp_path / 'single.db'}"
    dask = f"sqlite:///{tmp_path / 'dask.db'}"
    assert main(["run", str(inputs), "--db", single, "--progress", "never"]) == 0
    args = ["run", str(inputs), "--db", dask, "--executor", "dask", "--workers", "2"]
    assert main([*args, "--progress", "never"]) == 0
    expected = table_contents(single)
    assert expected["events"], "the invented pages should give events"
    assert table_contents(dask) == expected
    tones = [dict(row)["tone"] for row in expected["articles"]]
    assert tones and "None" not in tones  # each article's tone, the same from the workers


def test_dask_rerun_skips_finished_shards(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_warcs(inputs, files=2, per_file=3)
    db = f"sqlite:///{tmp_path / 'dask.db'}"
    args = ["run", str(inputs), "--db", db, "--executor", "dask", "--workers", "2"]
    assert main([*args, "--progress", "never"]) == 0
    before = table_contents(db)
    capsys.readouterr()
    assert main([*args, "--progress", "never"]) == 0
    assert "shards already done    2" in capsys.readouterr().err
    assert table_contents(db) == before


def test_dask_run_reports_a_corrupt_warc_and_keeps_the_other_shards(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    good, damaged = write_warcs(inputs, files=2, per_file=3)
    data = damaged.read_bytes()
    damaged.write_bytes(data[: len(data) - 300])  # cut inside the last record
    db = f"sqlite:///{tmp_path / 'dask.db'}"
    args = ["run", str(inputs), "--db", db, "--executor", "dask", "--workers", "2"]
    assert main([*args, "--progress", "never"]) == 1
    err = capsys.readouterr().err
    assert f"{damaged}" in err and "CorruptArchive" in err
    contents = table_contents(db)
    sources = {row for row in contents["documents"] if str(good) in " ".join(map(str, row))}
    assert len(sources) == 3  # every record of the sound archive is stored
    assert len(contents["documents"]) == 5  # and the two records before the damage
    assert len(contents["rejections"]) == 1


def test_dask_out_dataset_loads_into_the_same_rows(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_warcs(inputs, files=2, per_file=3)
    single = f"sqlite:///{tmp_path / 'single.db'}"
    loaded = f"sqlite:///{tmp_path / 'loaded.db'}"
    out = tmp_path / "out"
    assert main(["run", str(inputs), "--db", single, "--progress", "never"]) == 0
    args = ["run", str(inputs), "--executor", "dask", "--workers", "2", "--out", str(out)]
    assert main([*args, "--progress", "never"]) == 0
    assert main(["load", str(out), "--db", loaded]) == 0
    assert table_contents(loaded) == table_contents(single)


def test_dask_run_cuts_a_small_jsonl_for_every_worker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    news = write_invented_news(tmp_path / "news.jsonl", 12)
    out = tmp_path / "dataset"
    args = ["run", str(news), "--executor", "dask", "--workers", "2", "--out", str(out)]
    assert main([*args, "--progress", "never"]) == 0
    err = capsys.readouterr().err
    assert "shards                 2" in err
    assert "documents coded        12" in err
    assert len(list((out / "shards").iterdir())) >= 2


def _summary_line(err: str, name: str) -> int:
    line = next(line for line in err.splitlines() if line.startswith(name))
    return int(line.removeprefix(name).split()[0])


def test_dask_run_counts_what_the_workers_stored(
    tmp_path: Path, store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """On PostgreSQL the workers write their own shards: their writes must reach the summary
    (as on SQLite, where this process writes)."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_warcs(inputs, files=2, per_file=3)
    args = ["run", str(inputs), "--db", store_url, "--executor", "dask", "--workers", "2"]
    assert main([*args, "--progress", "never"]) == 0
    err = capsys.readouterr().err
    assert _summary_line(err, "stored") == count(store_url, "documents") == 6
    assert _summary_line(err, "events new") == count(store_url, "events") > 0
    assert count(store_url, "shard_markers") == 2
    assert main([*args, "--progress", "never"]) == 0  # a rerun: every shard is marked done
    err = capsys.readouterr().err
    assert _summary_line(err, "shards already done") == 2
    assert _summary_line(err, "stored") == 0
