"""A new input kind is one reader and one entry in ``INPUT_KINDS``: nothing else is told.

The kind here is made up for the test: a CSV file of ``url,text`` rows, one article a row.
Registered in the table alone, it is walked, read, sniffed on standard input, cut into
shards and stored by ``run_inputs`` like the kinds the package ships, and the other inputs
read exactly as before.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from sqlalchemy import select

from dyads.errors import MalformedRecord
from dyads.ingest import read_inputs
from dyads.ingest.base import InputPath, ReadOptions, make_document, reject
from dyads.ingest.kinds import INPUT_KINDS, InputKind, RecordCount
from dyads.jobs.run import RunOptions, run_inputs
from dyads.records import Document, MediaType, Rejection
from dyads.runner.shards import plan_shards, read_shard
from dyads.settings import Settings
from dyads.store.engine import open_store
from dyads.store.schema import documents

pytestmark = pytest.mark.integration

HEADER = b"url,text"
ROWS = (
    ("https://example.net/a", "Kenya and Uganda signed a trade agreement in Nairobi on Monday."),
    ("https://example.net/b", "Chile recalled its ambassador to Peru after the border dispute."),
    ("https://example.net/c", "Norway pledged aid to Ukraine during talks in Oslo on Friday."),
)


def read_csv_stream(stream: BinaryIO, *, source: str, limit: int) -> Iterator[Document | Rejection]:
    """One article-text document per ``url,text`` row after the header."""
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    try:
        rows = csv.reader(text)
        next(rows, None)
        for number, row in enumerate(rows, start=2):
            row_source = f"{source}#L{number}"
            if len(row) != 2 or not row[1].strip():
                yield reject(row_source, MalformedRecord(f"{row_source}: not a url,text row"))
                continue
            yield make_document(
                text=row[1][:limit],
                source=row_source,
                media_type=MediaType.ARTICLE_TEXT,
                url=row[0],
            )
    finally:
        text.detach()  # the stream is its caller's to close


def read_csv_file(
    path: InputPath, *, source: str, options: ReadOptions
) -> Iterator[Document | Rejection]:
    with path.open("rb") as handle:
        yield from read_csv_stream(handle, source=source, limit=options.limit)


def count_csv_rows(path: InputPath) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip()) - 1


def looks_like_csv(head: bytes, *, complete: bool) -> bool:
    return head.startswith(HEADER + b"\n") or (complete and head == HEADER)


CSV_KIND = InputKind(
    name="csv",
    suffixes=(".csv",),
    read=read_csv_file,
    summary="one article per url,text row",
    records=RecordCount(count=count_csv_rows, quick=True),
    read_stream=read_csv_stream,
    sniff=looks_like_csv,
)


def csv_bytes(rows: tuple[tuple[str, str], ...] = ROWS) -> bytes:
    lines = [HEADER.decode(), *(f"{url},{text}" for url, text in rows)]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder of a page, a JSONL file and a CSV file."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Japan and South Korea agreed on Monday to resume talks.\n")
    (folder / "b.jsonl").write_text('{"id": "j1", "text": "Egypt hosted talks with Sudan."}\n')
    (folder / "c.csv").write_bytes(csv_bytes())
    return folder


def _read(folder: Path) -> list[Document | Rejection]:
    return list(read_inputs([str(folder)], settings=Settings()))


def test_new_kind_is_read_through_the_table_alone(
    inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _read(inputs)
    assert [item.source.rsplit("/", 1)[-1] for item in before] == ["a.txt", "b.jsonl#L1", "c.csv"]

    monkeypatch.setitem(INPUT_KINDS, CSV_KIND.name, CSV_KIND)
    after = _read(inputs)
    assert after[:2] == before[:2]  # the other kinds read exactly as before
    rows = after[2:]
    assert all(isinstance(row, Document) for row in rows)
    assert [(row.url, row.text) for row in rows if isinstance(row, Document)] == list(ROWS)
    assert [row.source for row in rows] == [f"{inputs / 'c.csv'}#L{n}" for n in (2, 3, 4)]


def test_new_kind_is_sniffed_on_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(INPUT_KINDS, CSV_KIND.name, CSV_KIND)
    items = list(read_inputs(["-"], settings=Settings(), stdin=io.BytesIO(csv_bytes())))
    assert [(item.source, item.media_type) for item in items if isinstance(item, Document)] == [
        (f"-#L{n}", MediaType.ARTICLE_TEXT) for n in (2, 3, 4)
    ]
    jsonl = list(read_inputs(["-"], settings=Settings(), stdin=io.BytesIO(b'{"text": "x"}\n')))
    assert [item.source for item in jsonl] == ["-#L1"]


def test_new_kind_is_cut_into_shards_by_its_record_count(
    inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(INPUT_KINDS, CSV_KIND.name, CSV_KIND)
    csv_path = str(inputs / "c.csv")
    plan = plan_shards([csv_path], records_per_shard=2)
    assert [(shard.start, shard.stop) for shard in plan.shards] == [(0, 2), (2, None)]
    read = [item for shard in plan.shards for item in read_shard(shard, limit=10_000)]
    assert read == _read(inputs)[2:]


def test_new_kind_is_stored_by_run_inputs(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(INPUT_KINDS, CSV_KIND.name, CSV_KIND)
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    try:
        summary = run_inputs(
            [str(inputs)], engine=engine, settings=Settings(), options=RunOptions(stages=("clean",))
        )
        with engine.connect() as conn:
            stored = conn.execute(select(documents.c.source, documents.c.media_type)).all()
    finally:
        engine.dispose()
    assert summary.read == 5 and summary.rejected == 0
    assert summary.store.stored == 5
    names = sorted((source.rsplit("/", 1)[-1], media) for source, media in stored)
    assert names == [
        ("a.txt", MediaType.PAGE_TEXT.value),
        ("b.jsonl#L1", MediaType.ARTICLE_TEXT.value),
        *((f"c.csv#L{n}", MediaType.ARTICLE_TEXT.value) for n in (2, 3, 4)),
    ]
