"""Standard input (``-``): one page, or a JSONL stream, told apart by its first bytes.

The content is sniffed from its head: JSONL when every complete non-blank line there starts
with ``{``; otherwise one page, HTML when it opens like HTML and page text if not. JSONL
streams through unbounded (each line bounded by the limit); a page is held whole, so it is
bounded by ``Settings.max_input_bytes``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from dyads.errors import InputError
from dyads.ingest.base import GZIP_MAGIC, reject
from dyads.ingest.files import document_from_bytes, gunzip_bounded, read_bounded
from dyads.ingest.jsonl import read_jsonl_stream
from dyads.records import Document, Rejection

SOURCE = "-"
# The head judged when sniffing: enough for dozens of JSONL records or a page's opening,
# and small enough to hold before deciding.
SNIFF_HEAD_BYTES = 65_536


def read_stdin(stream: BinaryIO, *, limit: int) -> Iterator[Document | Rejection]:
    """Documents and rejections for what arrives on ``stream``."""
    head = stream.read(SNIFF_HEAD_BYTES)
    if looks_like_jsonl(head, complete=len(head) < SNIFF_HEAD_BYTES):
        rest = io.BufferedReader(_Prefixed(head, stream))
        yield from read_jsonl_stream(rest, source=SOURCE, limit=limit)
        return
    try:
        data = read_bounded(stream, source=SOURCE, limit=limit, already=head)
        if data.startswith(GZIP_MAGIC):
            data = gunzip_bounded(io.BytesIO(data), source=SOURCE, limit=limit)
        yield document_from_bytes(data, source=SOURCE, kind=None)
    except InputError as exc:
        yield reject(SOURCE, exc)


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


class _Prefixed(io.RawIOBase):
    """Bytes already read, then the rest of a stream, as one readable stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
