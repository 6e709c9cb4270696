"""Standard input (``-``): read by the kind its first bytes announce.

The head of the stream is held and shown to each kind's ``sniff`` in the order of
``INPUT_KINDS`` (JSON Lines: every complete non-blank line starts with ``{``); a stream no
kind claims is one page, HTML when it opens like HTML and page text if not. The chosen
kind's ``read_stream`` reads the head and the rest as one stream: JSONL streams through
unbounded (each line bounded by the limit), a page is held whole, so it is bounded by
``Settings.max_input_bytes``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from dyads.ingest.kinds import stream_kind
from dyads.records import Document, Rejection

SOURCE = "-"
# The head judged when sniffing: enough for dozens of JSONL records or a page's opening,
# and small enough to hold before deciding.
SNIFF_HEAD_BYTES = 65_536


def read_stdin(stream: BinaryIO, *, limit: int) -> Iterator[Document | Rejection]:
    """Documents and rejections for what arrives on ``stream``."""
    head = stream.read(SNIFF_HEAD_BYTES)
    kind = stream_kind(head, complete=len(head) < SNIFF_HEAD_BYTES)
    if kind.read_stream is None:
        raise LookupError(f"the input kind {kind.name!r} cannot read standard input")
    whole = io.BufferedReader(_Prefixed(head, stream))
    yield from kind.read_stream(whole, source=SOURCE, limit=limit)


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
