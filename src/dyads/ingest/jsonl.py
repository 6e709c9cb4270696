"""JSON Lines: one record a line, read as a stream.

Each line is an object with one body field, chosen in this order:

- ``text``: an article body that is already clean (``MediaType.ARTICLE_TEXT``);
- ``page``: a rendered page flattened to text (``MediaType.PAGE_TEXT``);
- ``html``: an HTML page (``MediaType.HTML``);

and optional hints ``id``, ``url``, ``title`` and ``date`` (an ISO date or datetime). A bad
line becomes a ``Rejection`` naming ``path#L<line>`` and the lines after it go on; blank lines
are skipped. ``Settings.max_input_bytes`` bounds each line, not the file.

On standard input a stream is taken for JSON Lines when ``looks_like_jsonl`` says so.
"""

from __future__ import annotations

import gzip
import json
import logging
import zlib
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, Protocol

from dyads.errors import CorruptArchive, EmptyInput, InputError, InputTooLarge, MalformedRecord
from dyads.ingest.base import GZIP_MAGIC, InputPath, ReadOptions, make_document, reject
from dyads.ingest.encoding import normalise_text
from dyads.ingest.files import open_input
from dyads.records import Document, MediaType, Rejection

logger = logging.getLogger(__name__)

BODY_FIELDS: tuple[tuple[str, MediaType], ...] = (
    ("text", MediaType.ARTICLE_TEXT),
    ("page", MediaType.PAGE_TEXT),
    ("html", MediaType.HTML),
)
_HINT_FIELDS = ("url", "title")
_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number"}
_JSON_TYPES |= {bool: "a boolean", type(None): "null"}


class LineReader(Protocol):
    """What the line reader needs of a stream: a file, a gzip file, a buffered pipe."""

    def readline(self, size: int = -1, /) -> bytes: ...


def read_jsonl(
    path: InputPath, *, source: str, options: ReadOptions
) -> Iterator[Document | Rejection]:
    """The records of a ``.jsonl`` / ``.ndjson`` file, gzipped or not."""
    limit = options.limit
    try:
        handle = open_input(path, source=source)
    except InputError as exc:
        yield reject(source, exc)
        return
    with handle:
        magic = handle.read(2)
        handle.seek(0)
        if magic == GZIP_MAGIC:
            with gzip.GzipFile(fileobj=handle, mode="rb") as unzipped:
                yield from read_jsonl_stream(unzipped, source=source, limit=limit)
        else:
            yield from read_jsonl_stream(handle, source=source, limit=limit)


def read_jsonl_stream(
    stream: LineReader, *, source: str, limit: int
) -> Iterator[Document | Rejection]:
    """Documents and rejections for the lines of ``stream``, in order."""
    records = 0
    try:
        for number, line in _lines(stream, source=source, limit=limit):
            line_source = f"{source}#L{number}"
            if line is None:
                exc = InputTooLarge(f"{line_source}: line longer than the limit of {limit} bytes")
                yield reject(line_source, exc)
                records += 1
                continue
            if not line.strip():
                continue
            records += 1
            try:
                yield record_document(line, source=line_source)
            except InputError as exc:
                yield reject(line_source, exc)
    except CorruptArchive as exc:
        yield reject(source, exc)
        return
    if records == 0:
        yield reject(source, EmptyInput(f"{source}: no records: the input is empty or blank"))


def count_jsonl_records(path: InputPath) -> int:
    """The non-blank lines of a JSONL file, counted without parsing them."""
    with path.open("rb") as raw:
        stream = gzip.GzipFile(fileobj=raw) if path.name.endswith(".gz") else raw
        return sum(1 for line in stream if line.strip())


def looks_like_jsonl(head: bytes, *, complete: bool) -> bool:
    """True when every complete non-blank line of ``head`` starts with ``{``.

    ``complete`` says ``head`` is the whole input; otherwise its last line may be cut short
    and is judged only when it is the only line.
    """
    lines = head.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    if not complete and len(lines) > 1:
        lines.pop()
    starts = [line.lstrip()[:1] for line in lines if line.strip()]
    return bool(starts) and all(start == b"{" for start in starts)


def _lines(stream: LineReader, *, source: str, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)``; ``None`` for a line over ``limit``, which is skipped unread."""
    number = 0
    while True:
        try:
            line = stream.readline(limit + 1)
            if len(line) > limit and not line.endswith(b"\n"):
                while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                number += 1
                yield number, None
                continue
        except EOFError:
            raise CorruptArchive(f"{source}: gzip stream truncated after line {number}") from None
        except (gzip.BadGzipFile, zlib.error) as exc:
            raise CorruptArchive(f"{source}: damaged after line {number}: {exc}") from None
        if not line:
            return
        number += 1
        yield number, line


def record_document(line: bytes, *, source: str) -> Document:
    """The document one JSONL line describes; ``MalformedRecord`` for a line that is not."""
    try:
        record = json.loads(line)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError alike
        raise MalformedRecord(f"{source}: not valid JSON: {exc}") from None
    if not isinstance(record, dict):
        kind = _JSON_TYPES.get(type(record), type(record).__name__)
        raise MalformedRecord(f"{source}: {kind} where a JSON object was expected")
    field, media_type = _body_field(record, source=source)
    text = normalise_text(record[field])
    if not text.strip():
        raise EmptyInput(f"{source}: the {field!r} field is empty or only whitespace")
    return make_document(
        text=text,
        source=source,
        media_type=media_type,
        external_id=_external_id(record.get("id"), source=source),
        url=_hint(record, "url", source=source),
        title=_hint(record, "title", source=source),
        published=_published(record.get("date"), source=source),
    )


def _body_field(record: dict[str, Any], *, source: str) -> tuple[str, MediaType]:
    for field, media_type in BODY_FIELDS:
        value = record.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            kind = _JSON_TYPES.get(type(value), type(value).__name__)
            raise MalformedRecord(f"{source}: {field!r} is {kind}, not a string")
        return field, media_type
    names = ", ".join(repr(field) for field, _ in BODY_FIELDS)
    raise MalformedRecord(f"{source}: the object has none of the fields {names}")


def _external_id(value: object, *, source: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value)
    raise MalformedRecord(f"{source}: 'id' must be a string or an integer")


def _hint(record: dict[str, Any], field: str, *, source: str) -> str | None:
    value = record.get(field)
    if value is None or isinstance(value, str):
        return value or None
    raise MalformedRecord(f"{source}: {field!r} must be a string")


def _published(value: object, *, source: str) -> datetime | date | None:
    """An ISO date or datetime; a value that is neither is logged and left out."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == len("YYYY-MM-DD"):
                return date.fromisoformat(text)
            return datetime.fromisoformat(text)
        except ValueError:
            pass
    logger.warning("%s: ignoring 'date' %r: not an ISO date or datetime", source, value)
    return None
