"""WARC files (``.warc``, ``.warc.gz``): each HTML response record becomes a ``Document``.

Read with fastwarc, streaming. Records that are not a successful HTML response (warcinfo,
request, metadata, revisit, images, redirects, ...) are counted in ``WarcStats`` and
skipped. A file damaged part-way yields the documents before the damage and then one
``CorruptArchive`` rejection naming the file and the offset.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from dyads.errors import CorruptArchive, EmptyInput, InputError, InputTooLarge
from dyads.ingest.base import InputPath, ReadOptions, check_binary, make_document, reject
from dyads.ingest.encoding import decode
from dyads.ingest.files import open_input, stream_size
from dyads.ingest.http import decode_payload
from dyads.records import Document, MediaType, Rejection

logger = logging.getLogger(__name__)

HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Counting reads every payload only to step over it; no size makes a record a rejection.
_NO_LIMIT = 1 << 62


@dataclass(slots=True, kw_only=True)
class WarcStats:
    """Counts for the WARC files read so far; ``skipped`` is keyed by reason."""

    files: int = 0
    records: int = 0
    documents: int = 0
    rejected: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


def read_warc(
    path: InputPath, *, source: str, options: ReadOptions
) -> Iterator[Document | Rejection]:
    """Documents for the HTML responses in the WARC file ``path``, in file order; the
    records seen are counted in ``options.warc_stats``."""
    limit, stats = options.limit, options.warc_stats
    try:
        from fastwarc.warc import ArchiveIterator
    except ImportError as exc:  # pragma: no cover - fastwarc is a declared extra
        raise ImportError("reading WARC files needs fastwarc: pip install 'dyads[warc]'") from exc
    stats = stats if stats is not None else WarcStats()
    stats.files += 1
    try:
        handle = open_input(path, source=source)
    except InputError as exc:
        stats.rejected += 1
        yield reject(source, exc)
        return
    with handle:
        if stream_size(handle) == 0:
            stats.rejected += 1
            yield reject(source, EmptyInput(f"{source}: input is empty"))
            return
        records = ArchiveIterator(handle, parse_http=True, auto_decode="none")
        for item in _read_records(records, source=source, limit=limit, stats=stats):
            if isinstance(item, Rejection):
                stats.rejected += 1
            else:
                stats.documents += 1
            yield item


def count_warc_items(path: InputPath) -> int:
    """Items the WARC file yields (documents and rejections) before any damage, read whole.

    The damaged tail is left out: it is read, and reported, by the range that reads to the
    end. An error of the system while reading ends the file with one rejection, an item.
    """
    count = 0
    try:
        for item in read_warc(path, source=str(path), options=ReadOptions(limit=_NO_LIMIT)):
            if isinstance(item, Rejection) and item.error == CorruptArchive.__name__:
                return count
            count += 1
    except OSError:
        return count + 1
    return count


def _read_records(
    records: Any, *, source: str, limit: int, stats: WarcStats
) -> Iterator[Document | Rejection]:
    last_offset: int | None = None
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except (OSError, ValueError, AttributeError) as exc:
            # fastwarc raises OSError on a bad header and AttributeError on a record it
            # could only half parse; either way nothing after this point can be trusted
            where = "at the start" if last_offset is None else f"after offset {last_offset}"
            message = f"{source}: not a readable WARC record {where}: {exc}"
            yield reject(source, CorruptArchive(message))
            return
        stats.records += 1
        last_offset = record.stream_pos
        item, damaged = _record_item(record, source=source, limit=limit, stats=stats)
        if item is not None:
            yield item
        if damaged:
            return
    if last_offset is None:
        message = f"{source}: no WARC record could be read (not a WARC file, or damaged)"
        yield reject(source, CorruptArchive(message))


def _record_item(
    record: Any, *, source: str, limit: int, stats: WarcStats
) -> tuple[Document | Rejection | None, bool]:
    """What one record gives (``None`` when skipped), and whether the file is damaged there."""
    record_source = f"{source}#{record.stream_pos}"
    reason = _skip_reason(record)
    try:
        body = _read_block(record, skip=reason is not None, source=record_source, limit=limit)
    except InputTooLarge as exc:
        return reject(record_source, exc), False
    if body is None:
        message = f"{source}: the file is truncated in the record at offset {record.stream_pos}"
        return reject(source, CorruptArchive(message)), True
    if reason is not None:
        stats.skipped[reason] += 1
        logger.debug("%s: skipped: %s", record_source, reason)
        return None, False
    try:
        document = _document(record, body, source=record_source, limit=limit)
    except InputError as exc:
        return reject(record_source, exc), False
    if document is None:
        stats.skipped["empty"] += 1
    return document, False


def _read_block(record: Any, *, skip: bool, source: str, limit: int) -> bytes | None:
    """The payload (``b""`` when skipped), or ``None`` when it ends before its length.

    A truncated header has no Content-Length at all; a truncated block is shorter than the
    length it declares.
    """
    if record.headers.get("Content-Length") is None:
        return None
    declared: int = record.content_length
    if skip or declared > limit:
        consumed: int = record.reader.consume()
        if consumed < declared:
            return None
        if not skip:
            raise InputTooLarge(f"{source}: payload of {declared} bytes, over the limit of {limit}")
        return b""
    body: bytes = record.reader.read()
    return body if len(body) >= declared else None


def _document(record: Any, body: bytes, *, source: str, limit: int) -> Document | None:
    """The document of an HTML response's payload, ``None`` when the payload is blank."""
    headers = record.http_headers
    body = decode_payload(
        body,
        transfer_encoding=headers.get("Transfer-Encoding"),
        content_encoding=headers.get("Content-Encoding"),
        source=source,
        limit=limit,
    )
    if not body.strip():
        return None
    check_binary(body, source=source)
    text, encoding = decode(body, source=source, html=True, declared=record.http_charset)
    return make_document(
        text=text,
        source=source,
        media_type=MediaType.HTML,
        encoding=encoding,
        fetched_at=_aware(record.record_date),
        url=record.headers.get("WARC-Target-URI"),
    )


def _skip_reason(record: Any) -> str | None:
    from fastwarc.warc import WarcRecordType

    if record.record_type != WarcRecordType.response:
        return str(record.record_type)
    if not record.is_http:
        return "not-http"
    status = record.http_headers.status_code
    if status is None or not 200 <= status < 300:
        return f"status-{status}"
    content_type = (record.http_content_type or "").lower()
    if content_type not in HTML_CONTENT_TYPES:
        return "not-html"
    return None


def _aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)
