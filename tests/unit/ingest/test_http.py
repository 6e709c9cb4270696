"""Archived HTTP payloads: chunked transfer coding and gzip/deflate content coding."""

from __future__ import annotations

import gzip
import zlib

import pytest

from dyads.errors import CorruptArchive, InputTooLarge, UnknownEncoding
from dyads.ingest.http import dechunk, decode_payload

BODY = b"<html><body><p>Talks resumed.</p></body></html>"


def chunk(*parts: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in parts) + b"0\r\n\r\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (chunk(BODY[:10], BODY[10:]), BODY),
        (b"a;ext=1\r\n0123456789\r\n0\r\n\r\n", b"0123456789"),
        (BODY, BODY),  # stored already de-chunked
    ],
)
def test_dechunk_chunked_or_already_decoded(raw: bytes, expected: bytes) -> None:
    assert dechunk(raw, source="x#0") == expected


def test_dechunk_cut_inside_a_chunk() -> None:
    with pytest.raises(CorruptArchive, match=r"x#0: chunked payload ends inside a chunk"):
        dechunk(b"ff\r\nshort", source="x#0")


@pytest.mark.parametrize(
    ("payload", "coding"),
    [
        (gzip.compress(BODY), "gzip"),
        (gzip.compress(BODY), "x-gzip"),
        (zlib.compress(BODY), "deflate"),
        (zlib.compress(BODY)[2:-4], "deflate"),  # raw deflate, no zlib wrapper
        (BODY, "gzip"),  # stored decoded, header kept
        (BODY, "identity"),
        (BODY, None),
    ],
)
def test_decode_payload_content_codings(payload: bytes, coding: str | None) -> None:
    decoded = decode_payload(
        payload, transfer_encoding=None, content_encoding=coding, source="x#0", limit=10_000
    )
    assert decoded == BODY


@pytest.mark.parametrize(
    ("payload", "coding", "error"),
    [
        (b"\x8b\x00\x01", "br", UnknownEncoding),
        (gzip.compress(BODY)[:-12], "gzip", CorruptArchive),
        (gzip.compress(b"x" * 5000), "gzip", InputTooLarge),
    ],
)
def test_decode_payload_refusals(payload: bytes, coding: str, error: type[Exception]) -> None:
    with pytest.raises(error, match=r"^x#0: "):
        decode_payload(
            payload, transfer_encoding=None, content_encoding=coding, source="x#0", limit=1000
        )
