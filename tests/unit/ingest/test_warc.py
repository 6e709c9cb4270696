"""WARC files: HTML responses become documents, the rest is counted, damage is reported."""

from __future__ import annotations

import gzip
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from dyads.ingest import WarcStats, read_inputs
from dyads.records import Document, MediaType, Rejection, content_id
from dyads.settings import Settings

SETTINGS = Settings()


def page(n: int) -> bytes:
    return (
        f"<!DOCTYPE html><html><head><title>Story {n}</title></head>"
        f"<body><p>Delegations met for round {n} of the talks.</p></body></html>"
    ).encode()


def warc_record(kind: str, block: bytes, *, url: str | None, content_type: str) -> bytes:
    """One WARC/1.0 record, written out by hand."""
    lines = [
        "WARC/1.0",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind}{url}{len(block)}')}>",
        "WARC-Date: 2021-02-05T08:55:51Z",
        *([f"WARC-Target-URI: {url}"] if url else []),
        f"Content-Type: {content_type}",
        f"Content-Length: {len(block)}",
    ]
    return "\r\n".join(lines).encode() + b"\r\n\r\n" + block + b"\r\n\r\n"


def response(
    url: str,
    body: bytes,
    *,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    extra: tuple[tuple[str, str], ...] = (),
) -> bytes:
    head = [f"HTTP/1.1 {status}", f"Content-Type: {content_type}"]
    head += [f"{name}: {value}" for name, value in extra]
    block = "\r\n".join(head).encode() + b"\r\n\r\n" + body
    return warc_record(
        "response", block, url=url, content_type="application/http; msgtype=response"
    )


def archive(records: list[bytes], *, gz: bool) -> bytes:
    """Records joined; gzipped one member per record, as crawlers write them."""
    return b"".join(gzip.compress(record) if gz else record for record in records)


def build_warc(*, gz: bool) -> bytes:
    """An archive with three HTML responses among records that are not articles."""
    request = b"GET /1 HTTP/1.1\r\nHost: news.example.org\r\n\r\n"
    records = [
        warc_record(
            "warcinfo", b"software: tests\r\n", url=None, content_type="application/warc-fields"
        ),
        warc_record(
            "request",
            request,
            url="https://news.example.org/1",
            content_type="application/http; msgtype=request",
        ),
        response("https://news.example.org/1", page(1)),
        response("https://news.example.org/logo.png", b"\x89PNG\r\n", content_type="image/png"),
        response("https://news.example.org/gone", page(0), status="404 Not Found"),
        response("https://news.example.org/2", page(2)),
        response("https://news.example.org/3", page(3)),
    ]
    return archive(records, gz=gz)


def read(path: Path, stats: WarcStats, settings: Settings = SETTINGS) -> list[Document | Rejection]:
    return list(read_inputs([str(path)], settings=settings, warc_stats=stats))


@pytest.mark.parametrize("gz", [False, True])
def test_read_warc_html_responses_become_documents(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(build_warc(gz=gz))
    stats = WarcStats()
    documents = [item for item in read(path, stats) if isinstance(item, Document)]
    assert [document.url for document in documents] == [
        "https://news.example.org/1",
        "https://news.example.org/2",
        "https://news.example.org/3",
    ]
    first = documents[0]
    assert isinstance(first, Document)
    assert first.media_type is MediaType.HTML
    assert first.text == page(1).decode()
    assert first.id == content_id(first.text)
    assert first.fetched_at == datetime(2021, 2, 5, 8, 55, 51, tzinfo=UTC)
    assert first.source.startswith(f"{path}#")
    assert int(first.source.rpartition("#")[2]) > 0
    assert len({document.source for document in documents}) == 3
    assert (stats.files, stats.records, stats.documents, stats.rejected) == (1, 7, 3, 0)
    assert stats.skipped == {"warcinfo": 1, "request": 1, "not-html": 1, "status-404": 1}


def test_read_warc_truncated_gz_yields_records_before_damage(tmp_path: Path) -> None:
    data = build_warc(gz=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 120])
    stats = WarcStats()
    items = read(path, stats)
    *documents, last = items
    assert all(isinstance(document, Document) for document in documents)
    assert [document.url for document in documents if isinstance(document, Document)] == [
        "https://news.example.org/1",
        "https://news.example.org/2",
    ]
    assert isinstance(last, Rejection)
    assert (last.source, last.stage, last.error) == (str(path), "ingest", "CorruptArchive")
    assert last.message.startswith("the file is truncated in the record at offset")
    assert stats.rejected == 1


def test_read_warc_truncated_inside_a_payload(tmp_path: Path) -> None:
    data = build_warc(gz=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: data.index(b"round 2")])
    *documents, last = read(path, WarcStats())
    assert len(documents) == 1
    assert isinstance(last, Rejection)
    assert last.error == "CorruptArchive"


@pytest.mark.parametrize(
    ("content", "error", "reason"),
    [
        (b"this is a plain text file, not an archive\n" * 3, "CorruptArchive", "not a readable"),
        (b"\x1f\x8b\x08\x00not really gzip", "CorruptArchive", "WARC record"),
        (gzip.compress(b""), "CorruptArchive", "no WARC record could be read"),
        (b"", "EmptyInput", "empty"),
    ],
)
def test_read_warc_unreadable_archives(
    tmp_path: Path, content: bytes, error: str, reason: str
) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(content)
    (rejection,) = read(path, WarcStats())
    assert isinstance(rejection, Rejection)
    assert (rejection.source, rejection.error) == (str(path), error)
    assert reason in rejection.message


def _single_response(path: Path, body: bytes, **options: Any) -> Path:
    first = response("https://news.example.org/x", body, **options)
    path.write_bytes(archive([first, response("https://news.example.org/y", page(9))], gz=False))
    return path


def test_read_warc_charset_from_http_header(tmp_path: Path) -> None:
    html = "<html><body><p>Déclaration de la ministre à Genève.</p></body></html>"
    path = _single_response(
        tmp_path / "latin.warc",
        html.encode("iso-8859-1"),
        content_type="text/html; charset=ISO-8859-1",
    )
    first, _ = read(path, WarcStats())
    assert isinstance(first, Document)
    assert (first.text, first.encoding) == (html, "cp1252")


def test_read_warc_chunked_gzip_payload(tmp_path: Path) -> None:
    compressed = gzip.compress(page(5))
    half = len(compressed) // 2
    chunked = b"".join(
        b"%x\r\n%s\r\n" % (len(part), part) for part in (compressed[:half], compressed[half:])
    )
    path = _single_response(
        tmp_path / "chunked.warc",
        chunked + b"0\r\n\r\n",
        extra=(("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")),
    )
    first, second = read(path, WarcStats())
    assert isinstance(first, Document)
    assert first.text == page(5).decode()
    assert isinstance(second, Document)


def test_read_warc_record_over_limit_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    path = _single_response(tmp_path / "big.warc", b"<html>" + b"x" * 5000 + b"</html>")
    first, second = read(path, WarcStats(), settings=Settings(max_input_bytes=1000))
    assert isinstance(first, Rejection)
    assert first.error == "InputTooLarge"
    assert first.source.startswith(f"{path}#")
    assert isinstance(second, Document)


def test_read_warc_binary_html_record_is_rejected(tmp_path: Path) -> None:
    path = _single_response(tmp_path / "bin.warc", b"\x00\x01\x02" * 100)
    first, second = read(path, WarcStats())
    assert isinstance(first, Rejection)
    assert first.error == "BinaryInput"
    assert isinstance(second, Document)
