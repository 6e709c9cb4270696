"""One file (or stdin) that holds one page: a rendered-page text dump or an HTML page.

Two readers: ``read_html_file`` for a file whose name says HTML, ``read_page_file`` for any
other name, which sniffs the content (HTML when it opens like HTML, else page text).

Sizes are checked before reading and again while reading, so a file that grows, a pipe, or
a gzip that expands past ``Settings.max_input_bytes`` is refused without being held whole.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Iterator
from typing import BinaryIO, cast

from dyads.errors import CorruptArchive, InputError, InputTooLarge, UnreadableInput
from dyads.ingest.base import (
    GZIP_MAGIC,
    InputPath,
    ReadOptions,
    check_binary,
    check_not_empty,
    looks_like_html,
    make_document,
    reject,
)
from dyads.ingest.encoding import decode
from dyads.records import Document, MediaType, Rejection


def read_html_file(
    path: InputPath, *, source: str, options: ReadOptions
) -> Iterator[Document | Rejection]:
    """The HTML page in ``path`` (plain, or gzipped whatever the name says), or why not."""
    yield _page(path, source=source, limit=options.limit, media_type=MediaType.HTML)


def read_page_file(
    path: InputPath, *, source: str, options: ReadOptions
) -> Iterator[Document | Rejection]:
    """The page in ``path``, HTML or page text as its content says, or why not."""
    yield _page(path, source=source, limit=options.limit, media_type=None)


def read_page_stream(
    stream: BinaryIO, *, source: str, limit: int
) -> Iterator[Document | Rejection]:
    """The one page a stream holds (gzipped or not), HTML or page text as it says."""
    try:
        data = read_bounded(stream, source=source, limit=limit)
        if data.startswith(GZIP_MAGIC):
            data = gunzip_bounded(io.BytesIO(data), source=source, limit=limit)
        yield document_from_bytes(data, source=source, media_type=None)
    except InputError as exc:
        yield reject(source, exc)


def _page(
    path: InputPath, *, source: str, limit: int, media_type: MediaType | None
) -> Document | Rejection:
    try:
        data = read_file_bytes(path, source=source, limit=limit)
        return document_from_bytes(data, source=source, media_type=media_type)
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


def document_from_bytes(data: bytes, *, source: str, media_type: MediaType | None) -> Document:
    """A page document from its bytes; ``media_type=None`` sniffs HTML, else page text."""
    check_not_empty(data, source=source)
    check_binary(data, source=source)
    if media_type is None:
        media_type = MediaType.HTML if looks_like_html(data) else MediaType.PAGE_TEXT
    text, encoding = decode(data, source=source, html=media_type is MediaType.HTML)
    check_not_empty(text, source=source)
    return make_document(text=text, source=source, media_type=media_type, encoding=encoding)
