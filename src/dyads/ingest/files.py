"""One file (or stdin) that holds one page: a rendered-page text dump or an HTML page.

Sizes are checked before reading and again while reading, so a file that grows, a pipe, or
a gzip that expands past ``Settings.max_input_bytes`` is refused without being held whole.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from pathlib import Path
from typing import BinaryIO, cast

from dyads.errors import CorruptArchive, InputError, InputTooLarge, UnreadableInput
from dyads.ingest.base import (
    GZIP_MAGIC,
    InputKind,
    check_binary,
    check_not_empty,
    kind_for_name,
    looks_like_html,
    make_document,
    reject,
)
from dyads.ingest.encoding import decode
from dyads.ingest.remote import RemotePath
from dyads.records import Document, MediaType, Rejection

InputPath = Path | RemotePath  # a local file, or a file named by URL (read through fsspec)


def read_page_file(path: InputPath, *, source: str, limit: int) -> Document | Rejection:
    """The page in ``path`` (plain, or gzipped whatever the name says), or why not."""
    try:
        data = read_file_bytes(path, source=source, limit=limit)
        return document_from_bytes(data, source=source, kind=kind_for_name(path.name))
    except InputError as exc:
        return reject(source, exc)


def open_input(path: InputPath, *, source: str) -> BinaryIO:
    """``path`` opened for reading; ``UnreadableInput`` saying why it cannot be."""
    try:
        return cast(BinaryIO, path.open("rb"))
    except IsADirectoryError:
        raise UnreadableInput(f"{source}: is a directory, not a file") from None
    except FileNotFoundError:
        raise UnreadableInput(f"{source}: no such file") from None
    except OSError as exc:
        raise UnreadableInput(f"{source}: cannot open: {exc.strerror or exc}") from None


def stream_size(handle: BinaryIO) -> int | None:
    """The size of an open file, local or remote; None when the stream cannot tell."""
    try:
        return os.fstat(handle.fileno()).st_size
    except (OSError, AttributeError, io.UnsupportedOperation):
        size = getattr(handle, "size", None)
        return size if isinstance(size, int) else None


def read_file_bytes(path: InputPath, *, source: str, limit: int) -> bytes:
    """The bytes of ``path``, gunzipped when they are gzip, at most ``limit`` of them."""
    with open_input(path, source=source) as handle:
        try:
            size = stream_size(handle)
            if size is not None and size > limit:
                raise InputTooLarge(f"{source}: {size} bytes, over the limit of {limit}")
            magic = handle.read(2)
            if magic == GZIP_MAGIC:
                handle.seek(0)
                return gunzip_bounded(handle, source=source, limit=limit)
            return read_bounded(handle, source=source, limit=limit, already=magic)
        except OSError as exc:
            raise UnreadableInput(f"{source}: cannot read: {exc.strerror or exc}") from None


def read_bounded(stream: BinaryIO, *, source: str, limit: int, already: bytes = b"") -> bytes:
    """``already`` plus the rest of ``stream``; ``InputTooLarge`` past ``limit`` bytes."""
    data = already + stream.read(limit + 1 - len(already))
    if len(data) > limit:
        raise InputTooLarge(f"{source}: more than {limit} bytes, over the limit")
    return data


def gunzip_bounded(stream: BinaryIO, *, source: str, limit: int) -> bytes:
    """The decompressed content of a gzip stream, refusing more than ``limit`` bytes."""
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as unzipped:
            data = unzipped.read(limit + 1)
    except EOFError:
        raise CorruptArchive(f"{source}: truncated gzip stream") from None
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise CorruptArchive(f"{source}: damaged gzip stream: {exc}") from None
    if len(data) > limit:
        raise InputTooLarge(f"{source}: expands past the limit of {limit} bytes")
    return data


def document_from_bytes(data: bytes, *, source: str, kind: InputKind | None) -> Document:
    """A page document from its bytes; ``kind=None`` sniffs HTML, else page text."""
    check_not_empty(data, source=source)
    check_binary(data, source=source)
    if kind is None:
        kind = InputKind.HTML if looks_like_html(data) else InputKind.PAGE_TEXT
    media_type = MediaType.HTML if kind is InputKind.HTML else MediaType.PAGE_TEXT
    text, encoding = decode(data, source=source, html=media_type is MediaType.HTML)
    check_not_empty(text, source=source)
    return make_document(text=text, source=source, media_type=media_type, encoding=encoding)
