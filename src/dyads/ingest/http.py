"""HTTP payloads as archived: undo chunked transfer coding and gzip/deflate content coding.

Archivers disagree on what they store. Some keep the bytes as they came over the wire
(chunked, gzipped), others store the decoded payload but keep the original headers. So a
coding is undone only when the bytes carry it (a chunk-size line, a gzip or zlib header),
and a payload that does not is taken as already decoded.
"""

from __future__ import annotations

import logging
import re
import zlib

from dyads.errors import CorruptArchive, InputTooLarge, UnknownEncoding

logger = logging.getLogger(__name__)

_CHUNK_SIZE_LINE = re.compile(rb"[0-9a-fA-F]{1,8}[ \t]*(?:;[^\r\n]*)?\r?\n")
_IDENTITY = frozenset({"", "identity", "none"})


def decode_payload(
    body: bytes,
    *,
    transfer_encoding: str | None,
    content_encoding: str | None,
    source: str,
    limit: int,
) -> bytes:
    """The entity bytes of an archived HTTP payload."""
    if transfer_encoding and "chunked" in transfer_encoding.lower():
        body = dechunk(body, source=source)
    coding = (content_encoding or "").strip().lower()
    if coding in _IDENTITY:
        return body
    if coding in {"gzip", "x-gzip", "deflate"}:
        return _inflate(body, source=source, limit=limit)
    raise UnknownEncoding(f"{source}: unsupported HTTP content encoding {coding!r}")


def dechunk(body: bytes, *, source: str) -> bytes:
    """Undo chunked transfer coding; a body without a chunk-size line is returned as is."""
    if not _CHUNK_SIZE_LINE.match(body):
        logger.debug("%s: declared chunked but stored decoded", source)
        return body
    parts: list[bytes] = []
    position = 0
    while match := _CHUNK_SIZE_LINE.match(body, position):
        size = int(match.group().split(b";")[0].strip(), 16)
        start = match.end()
        if size == 0:
            return b"".join(parts)
        if start + size > len(body):
            raise CorruptArchive(f"{source}: chunked payload ends inside a chunk")
        parts.append(body[start : start + size])
        position = start + size
        if body.startswith(b"\r\n", position):
            position += 2
        elif body.startswith(b"\n", position):
            position += 1
    if position < len(body):
        raise CorruptArchive(f"{source}: damaged chunked payload at byte {position}")
    return b"".join(parts)  # tolerated: no terminating zero-size chunk


def _inflate(body: bytes, *, source: str, limit: int) -> bytes:
    if body.startswith(b"\x1f\x8b"):
        wbits = 16 + zlib.MAX_WBITS  # gzip wrapper
    elif _has_zlib_header(body):
        wbits = zlib.MAX_WBITS  # zlib wrapper, what most servers send as "deflate"
    elif body.lstrip()[:1] == b"<":
        logger.debug("%s: declared compressed but stored decoded", source)
        return body
    else:
        wbits = -zlib.MAX_WBITS  # raw deflate
    inflater = zlib.decompressobj(wbits)
    try:
        data = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise CorruptArchive(f"{source}: damaged compressed payload: {exc}") from None
    if len(data) > limit:
        raise InputTooLarge(f"{source}: payload expands past the limit of {limit} bytes")
    if not inflater.eof:
        raise CorruptArchive(f"{source}: compressed payload is truncated")
    return data


def _has_zlib_header(body: bytes) -> bool:
    """RFC 1950: method 8 (deflate) in the low nibble, and the two bytes a multiple of 31."""
    return len(body) >= 2 and body[0] & 0x0F == 8 and (body[0] << 8 | body[1]) % 31 == 0
