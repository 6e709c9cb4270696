"""JSON Lines records: fields, hints, bad lines, gzip and streaming."""

from __future__ import annotations

import gzip
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from dyads.ingest import read_inputs
from dyads.ingest.jsonl import read_jsonl_stream
from dyads.records import Document, MediaType, Rejection, content_id
from dyads.settings import Settings

SETTINGS = Settings()


def write_jsonl(path: Path, *lines: str) -> Path:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


def read(path: Path, settings: Settings = SETTINGS) -> list[Document | Rejection]:
    return list(read_inputs([str(path)], settings=settings))


@pytest.mark.parametrize(
    ("field", "media_type"),
    [
        ("text", MediaType.ARTICLE_TEXT),
        ("page", MediaType.PAGE_TEXT),
        ("html", MediaType.HTML),
    ],
)
def test_read_jsonl_body_field_sets_media_type(
    tmp_path: Path, field: str, media_type: MediaType
) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", json.dumps({field: "Body\r\nline"}))
    (document,) = read(path)
    assert isinstance(document, Document)
    assert (document.media_type, document.text) == (media_type, "Body\nline")
    assert document.id == content_id("Body\nline")
    assert document.source == f"{path}#L1"


def test_read_jsonl_hints(tmp_path: Path) -> None:
    record = {
        "id": "story-17",
        "text": "Ministers met.",
        "url": "https://news.example.org/a/17",
        "title": "Ministers meet",
        "date": "2022-06-01",
    }
    path = write_jsonl(tmp_path / "in.ndjson", json.dumps(record))
    (document,) = read(path)
    assert isinstance(document, Document)
    assert document.external_id == "story-17"
    assert (document.url, document.title) == (record["url"], record["title"])
    assert document.published == date(2022, 6, 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-06-01", date(2022, 6, 1)),
        ("2022-06-01T09:30:00Z", datetime(2022, 6, 1, 9, 30, tzinfo=UTC)),
        ("2022-06-01 09:30:00", datetime(2022, 6, 1, 9, 30)),
        ("June 1", None),
        (20220601, None),
    ],
)
def test_read_jsonl_date_hint(tmp_path: Path, value: object, expected: object) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", json.dumps({"text": "x", "date": value, "id": 7}))
    (document,) = read(path)
    assert isinstance(document, Document)
    assert document.published == expected
    assert document.external_id == "7"


def test_read_jsonl_bad_line_between_good_ones(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "in.jsonl",
        json.dumps({"text": "First."}),
        '{"text": "unterminated',
        json.dumps({"text": "Second."}),
    )
    first, bad, second = read(path)
    assert isinstance(first, Document)
    assert isinstance(second, Document)
    assert (first.text, second.text) == ("First.", "Second.")
    assert isinstance(bad, Rejection)
    assert (bad.source, bad.stage, bad.error) == (f"{path}#L2", "ingest", "MalformedRecord")
    assert bad.message.startswith("not valid JSON")


@pytest.mark.parametrize(
    ("line", "error", "reason"),
    [
        ("[1, 2]", "MalformedRecord", "an array where a JSON object was expected"),
        ('"text"', "MalformedRecord", "a string where a JSON object was expected"),
        ('{"body": "x"}', "MalformedRecord", "none of the fields 'text', 'page', 'html'"),
        ('{"text": 5}', "MalformedRecord", "'text' is a number, not a string"),
        ('{"text": "x", "url": 3}', "MalformedRecord", "'url' must be a string"),
        ('{"text": "x", "id": [1]}', "MalformedRecord", "'id' must be a string or an integer"),
        ('{"text": "  \\n "}', "EmptyInput", "'text' field is empty"),
    ],
)
def test_read_jsonl_malformed_records(tmp_path: Path, line: str, error: str, reason: str) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", line)
    (rejection,) = read(path)
    assert isinstance(rejection, Rejection)
    assert rejection.error == error
    assert reason in rejection.message


def test_read_jsonl_blank_lines_skipped(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('\n  \n{"text": "One."}\n\n{"text": "Two."}', encoding="utf-8")
    assert [item.source for item in read(path)] == [f"{path}#L3", f"{path}#L5"]


def test_read_jsonl_empty_file(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", "", "  ")
    (rejection,) = read(path)
    assert isinstance(rejection, Rejection)
    assert (rejection.source, rejection.error) == (str(path), "EmptyInput")


def test_read_jsonl_gzipped(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "One."}\n{"html": "<p>Two.</p>"}\n'))
    assert [type(item) for item in read(path)] == [Document, Document]


def test_read_jsonl_truncated_gzip(tmp_path: Path) -> None:
    lines = b"".join(b'{"text": "Record %d with some words."}\n' % i for i in range(200))
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress(lines)[:-40])
    items = read(path)
    assert all(isinstance(item, Document) for item in items[:-1])
    assert len(items) > 100
    last = items[-1]
    assert isinstance(last, Rejection)
    assert (last.source, last.error) == (str(path), "CorruptArchive")
    assert "truncated" in last.message


def test_read_jsonl_line_over_limit_skipped(tmp_path: Path) -> None:
    long_line = json.dumps({"text": "word " * 100})
    path = write_jsonl(tmp_path / "in.jsonl", long_line, '{"text": "short"}')
    first, second = read(path, settings=Settings(max_input_bytes=200))
    assert isinstance(first, Rejection)
    assert (first.source, first.error) == (f"{path}#L1", "InputTooLarge")
    assert isinstance(second, Document)
    assert second.source == f"{path}#L2"


class _CountingStream(io.BytesIO):
    """A stream that records how many bytes were asked of it."""

    consumed = 0

    def readline(self, size: int | None = -1, /) -> bytes:
        line = super().readline(size)
        self.consumed += len(line)
        return line


def test_read_jsonl_stream_is_lazy() -> None:
    data = b"".join(b'{"text": "Record %d."}\n' % i for i in range(20_000))
    stream = _CountingStream(data)
    items = read_jsonl_stream(stream, source="big.jsonl", limit=1000)
    first = next(items)
    assert isinstance(first, Document)
    assert stream.consumed < 100
    assert sum(1 for _ in items) == 19_999
