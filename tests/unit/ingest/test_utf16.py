"""UTF-16 without a byte-order mark is read as text; binary data stays rejected."""

from __future__ import annotations

import random
import struct
from pathlib import Path

import pytest

from dyads.errors import BinaryInput
from dyads.ingest import read_inputs
from dyads.ingest.base import check_binary
from dyads.ingest.encoding import decode, utf16_without_bom
from dyads.records import Document, Rejection
from dyads.settings import Settings

ENGLISH = (
    "Turkey and Kazakhstan signed an agreement on rail transit in Ankara on Tuesday.\n"
    "Officials said the first trains would run next spring.\n"
)
RUSSIAN = (
    "Турция и Казахстан подписали соглашение о железнодорожном транзите во вторник, "
    "сообщил МИД. Первые поезда пойдут весной 2022 года.\n"
)
ARABIC = "وقعت تركيا وكازاخستان اتفاقا بشأن النقل بالسكك الحديدية في أنقرة يوم الثلاثاء.\n"
HTML = "<!doctype html><html><head><title>Rail deal</title></head><body><p>Ankara</p></body>"


@pytest.mark.parametrize("text", [ENGLISH, RUSSIAN, ARABIC, HTML])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_without_bom(text: str, codec: str) -> None:
    data = text.encode(codec)
    assert utf16_without_bom(data) == codec
    assert decode(data, source="wide.txt") == (text, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_read_inputs_utf16_without_bom(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes((ENGLISH * 20).encode(codec))
    (document,) = read_inputs([str(path)], settings=Settings())
    assert isinstance(document, Document)
    assert (document.text, document.encoding) == (ENGLISH * 20, codec)


def _random_bytes(size: int) -> bytes:
    generator = random.Random(7)
    return bytes(generator.randrange(256) for _ in range(size))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("random", _random_bytes(8192)),
        # little-endian 16-bit samples (audio, a table of counts): zero high bytes as in
        # UTF-16 text, but they decode to control characters
        ("samples", b"".join(struct.pack("<h", n % 31) for n in range(4096))),
        ("big-endian counts", b"".join(struct.pack(">H", n % 29) for n in range(4096))),
        ("sparse", bytes(4096)),
    ],
)
def test_check_binary_still_rejects_binary_with_zero_bytes(name: str, data: bytes) -> None:
    assert utf16_without_bom(data) is None, name
    with pytest.raises(BinaryInput):
        check_binary(data, source=name)


def test_read_inputs_binary_file_still_rejected(tmp_path: Path) -> None:
    path = tmp_path / "samples.txt"
    path.write_bytes(b"".join(struct.pack("<h", n % 31) for n in range(4096)))
    (rejection,) = read_inputs([str(path)], settings=Settings())
    assert isinstance(rejection, Rejection) and rejection.error == "BinaryInput"


def test_utf16_without_bom_not_claimed_by_utf8_text() -> None:
    assert utf16_without_bom((ENGLISH + RUSSIAN).encode("utf-8")) is None
