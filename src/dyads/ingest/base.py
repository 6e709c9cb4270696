"""What every reader shares: its signature, sniffing, the binary check, records out.

A reader yields ``Document`` or ``Rejection`` values and never raises for a bad input: the
problem is recorded with the exception's class name (from ``dyads.errors``) and the next
input goes on. Which reader reads which input is decided by ``ingest.kinds``.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from dyads.errors import BinaryInput, EmptyInput, InputError
from dyads.ingest.encoding import utf16_without_bom
from dyads.ingest.remote import RemotePath
from dyads.records import Document, MediaType, Rejection, content_id

if TYPE_CHECKING:
    from dyads.ingest.warc import WarcStats

STAGE = "ingest"

GZIP_MAGIC = b"\x1f\x8b"


InputPath = Path | RemotePath  # a local file, or a file named by URL (read through fsspec)


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """What every reader is told."""

    limit: int  # ``Settings.max_input_bytes``: the most bytes one document may take
    warc_stats: WarcStats | None = None  # where WARC readers count the records they see


class FileReader(Protocol):
    """Reads one file: its documents, and rejections for what cannot be read, in order."""

    def __call__(
        self, path: InputPath, *, source: str, options: ReadOptions
    ) -> Iterator[Document | Rejection]: ...


class StreamReader(Protocol):
    """Reads a stream that has no name (standard input), the way ``FileReader`` reads a file."""

    def __call__(
        self, stream: BinaryIO, *, source: str, limit: int
    ) -> Iterator[Document | Rejection]: ...


# Signatures of formats that are never text. gzip is not here: it is opened and its content
# judged instead.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x7fELF", "an ELF executable"),
)

# Only the head of an input is inspected: 8 KB holds the magic number and enough bytes to
# see what a file is, at no cost for a large one.
SNIFF_BYTES = 8192
# Control bytes other than whitespace in the head. Text in UTF-8 or any single-byte
# charset has none; compressed, encrypted or image data has about 11 % (29 of 256 values),
# so 5 % rejects binary while tolerating a stray form feed or escape sequence.
_MAX_CONTROL_SHARE = 0.05
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v") + b"\x7f"
_HAS_WIDE_BOM = (
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
)


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes open an HTML document (after BOM, XML prolog, comments)."""
    start = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<?xml") or start.startswith(b"<!--"):
        return b"<html" in start or b"<!doctype html" in start
    return start.startswith((b"<!doctype html", b"<html"))


def check_binary(head: bytes, *, source: str) -> None:
    """Raise ``BinaryInput`` when the head of an input is not text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise BinaryInput(f"{source}: binary input: {what}, not text")
    if head.startswith(_HAS_WIDE_BOM) or utf16_without_bom(head) is not None:
        return  # UTF-16/32 text is full of NUL bytes by design
    sample = head[:SNIFF_BYTES]
    if b"\x00" in sample:
        raise BinaryInput(f"{source}: binary input: NUL bytes in the first {len(sample)} bytes")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise BinaryInput(
            f"{source}: binary input: {controls} control bytes in the first {len(sample)} bytes"
        )


def check_not_empty(data: bytes | str, *, source: str) -> None:
    """Raise ``EmptyInput`` for no bytes or only whitespace."""
    if not data.strip():
        what = "empty" if not data else "only whitespace"
        raise EmptyInput(f"{source}: input is {what}")


def reject(source: str, exc: InputError, *, document_id: str | None = None) -> Rejection:
    """The record of an input that could not be read.

    The exception's message names the input; the rejection carries it in ``source``, so the
    message keeps only the reason.
    """
    return Rejection(
        source=source,
        stage=STAGE,
        error=type(exc).__name__,
        message=str(exc).removeprefix(f"{source}: "),
        document_id=document_id,
    )


def make_document(
    *,
    text: str,
    source: str,
    media_type: MediaType,
    encoding: str = "utf-8",
    fetched_at: datetime | None = None,
    external_id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: datetime | date | None = None,
) -> Document:
    """A ``Document`` whose id is the content hash of ``text``."""
    return Document(
        id=content_id(text),
        source=source,
        media_type=media_type,
        text=text,
        encoding=encoding,
        fetched_at=fetched_at,
        external_id=external_id,
        url=url,
        title=title,
        published=published,
    )
