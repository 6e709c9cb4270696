"""Bytes to text: BOMs, UTF-8, declared charsets, legacy fallbacks and refusals."""

from __future__ import annotations

import codecs
import logging

import pytest

from dyads.errors import UnknownEncoding
from dyads.ingest.encoding import canonical_codec, decode, normalise_text

TEXT = "Ministers met in Zürich on Tuesday — “talks went well,” an aide said.\n"


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    ],
)
def test_decode_byte_order_mark_decides(bom: bytes, codec: str, expected: str) -> None:
    text, encoding = decode(bom + TEXT.encode(codec), source="page.txt")
    assert (text, encoding) == (TEXT, expected)


def test_decode_strict_utf8_without_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert decode(TEXT.encode("utf-8"), source="page.txt") == (TEXT, "utf-8")
    assert not caplog.records


def test_decode_cp1252_falls_back_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    data = TEXT.encode("cp1252")
    with caplog.at_level(logging.WARNING, logger="dyads.ingest.encoding"):
        text, encoding = decode(data, source="legacy.txt")
    assert (text, encoding) == (TEXT, "cp1252")
    assert any(
        "legacy.txt" in record.getMessage() and "cp1252" in record.getMessage()
        for record in caplog.records
    )


def test_decode_latin1_when_cp1252_has_a_gap(caplog: pytest.LogCaptureFixture) -> None:
    # 0x81 is undefined in cp1252; latin-1 maps it to a control character, which a long
    # enough text tolerates once
    data = ("Caf\xe9 society " * 20).encode("latin-1") + b"\x81"
    with caplog.at_level(logging.WARNING):
        text, encoding = decode(data, source="old.txt")
    assert encoding == "latin-1"
    assert text.startswith("Café society")
    assert "latin-1" in caplog.text


def test_decode_meta_charset_for_html() -> None:
    body = "<p>Москва заявила о переговорах.</p>"
    html = f'<html><head><meta charset="windows-1251"></head><body>{body}</body></html>'
    text, encoding = decode(html.encode("cp1251"), source="ru.html", html=True)
    assert (text, encoding) == (html, "cp1251")


def test_decode_http_equiv_charset_for_html() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        "</head><body>Киев</body></html>"
    )
    text, encoding = decode(html.encode("koi8-r"), source="ua.html", html=True)
    assert (text, encoding) == (html, "koi8-r")


def test_decode_declared_charset_from_container() -> None:
    text, encoding = decode("Αθήνα".encode("iso-8859-7"), source="gr#0", declared="ISO-8859-7")
    assert (text, encoding) == ("Αθήνα", "iso8859-7")


def test_decode_meta_charset_ignored_for_page_text() -> None:
    data = '<meta charset="windows-1251">Москва Москва Москва'.encode("cp1251")
    with pytest.raises(UnknownEncoding, match=r"dump\.txt"):
        decode(data, source="dump.txt")


def test_decode_unknown_encoding_names_the_input() -> None:
    cyrillic = ("Министр обороны встретился с делегацией. " * 5).encode("cp1251")
    with pytest.raises(UnknownEncoding, match=r"ru\.txt: invalid UTF-8 at byte 0"):
        decode(cyrillic, source="ru.txt")


def test_decode_mostly_utf8_replaces_damaged_bytes(caplog: pytest.LogCaptureFixture) -> None:
    data = TEXT.encode("utf-8") + b"\xff" + TEXT.encode("utf-8")
    with caplog.at_level(logging.WARNING):
        text, encoding = decode(data, source="damaged.txt")
    assert encoding == "utf-8"
    assert text == f"{TEXT}\ufffd{TEXT}"
    assert "1 invalid byte" in caplog.text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc\n", "a\nb\nc\n"),
        ("nul\x00free", "nulfree"),
        ("\ufeffbom", "bom"),
        ("  date 2021-02-05 Title\n\nBody", "  date 2021-02-05 Title\n\nBody"),
    ],
)
def test_normalise_text_newlines_and_nuls(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [("ISO-8859-1", "cp1252"), ("us-ascii", "cp1252"), ("UTF8", "utf-8"), ("bogus", None)],
)
def test_canonical_codec_labels(label: str, expected: str | None) -> None:
    assert canonical_codec(label) == expected
