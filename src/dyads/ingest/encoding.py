"""Bytes to text: byte-order marks, strict UTF-8, a declared charset, then legacy fallbacks.

The chain is fixed and short, and every step past strict UTF-8 leaves a trace in the log:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides outright;
   UTF-16 without a mark is recognised by its zero bytes (``utf16_without_bom``);
2. strict UTF-8, which is what nearly every page and dump is;
3. the charset the container declares (an HTTP header) or, for HTML, the page's own
   ``<meta charset>`` / ``http-equiv`` declaration;
4. UTF-8 with the odd damaged byte replaced, when the valid multi-byte sequences outnumber
   the invalid ones (a UTF-8 file with one bad byte is not a cp1252 file);
5. cp1252, then latin-1, each only when the result reads like Western text.

Whatever is left raises ``UnknownEncoding``. The returned text has ``\\n`` newlines and no
NUL characters.
"""

from __future__ import annotations

import codecs
import logging
import re

from dyads.errors import UnknownEncoding

logger = logging.getLogger(__name__)

# UTF-32 LE must be tried before UTF-16 LE: its mark starts with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Browsers read these labels as windows-1252 (WHATWG Encoding Standard), and so do we:
# pages labelled latin-1 routinely carry cp1252 curly quotes in 0x80-0x9F.
_CP1252_ALIASES = frozenset({"iso8859-1", "latin-1", "ascii", "cp1252"})

# HTML5 says the declaration must sit in the first 1024 bytes; real pages put it later
# (long <script> blocks first), so look a little further.
_META_SCAN_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]{1,40})""", re.IGNORECASE
)

# A legacy decoding is accepted only when at most this share of the characters is
# non-ASCII. English, French, German and Spanish news text runs at 0-8 %; Cyrillic or Greek
# bytes read as cp1252 run at 60-90 %, so 30 % keeps a wide margin on both sides.
_MAX_LEGACY_NON_ASCII = 0.30
# ... and at most this share is a control character other than whitespace (C0 or C1): real
# text has none, a mis-decoded binary or multi-byte stream has several per hundred.
_MAX_LEGACY_CONTROL = 0.01
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
# The shares above are judged on the first 64 K characters: enough to tell a language and
# a charset apart, and it keeps the fallback cheap on a large file.
_PLAUSIBILITY_SAMPLE = 65_536


def decode(
    data: bytes, *, source: str, html: bool = False, declared: str | None = None
) -> tuple[str, str]:
    """``(text, encoding)`` for ``data``; ``declared`` is a container's charset label.

    ``html`` lets a page's own ``<meta charset>`` speak when the bytes are not UTF-8.
    Raises ``UnknownEncoding`` naming ``source`` when nothing fits.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_text(data.decode(codec)), codec.removesuffix("-sig")
            except UnicodeDecodeError as exc:
                raise UnknownEncoding(
                    f"{source}: starts with a {codec} byte-order mark but is not {codec} "
                    f"(bad bytes at offset {exc.start})"
                ) from None
    wide = utf16_without_bom(data)
    text = _try_codec(data, wide) if wide is not None else None
    if wide is not None and text is not None:
        logger.info("%s: no byte-order mark, decoded as %s by its zero bytes", source, wide)
        return normalise_text(text), wide
    try:
        return normalise_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    for label in _declared_labels(data, html=html, declared=declared):
        text = _try_codec(data, label)
        if text is not None:
            logger.info("%s: not UTF-8, decoded with the declared charset %s", source, label)
            return normalise_text(text), label
    return _fallback(data, source=source, first_bad=first_bad)


# UTF-16 without a byte-order mark shows in its zero bytes: every character below U+0100
# (Latin letters, and in any script the spaces, digits, punctuation and markup) has a zero
# high byte, always on the same side of the pair. English runs at 95-100 % such pairs,
# Russian or Arabic news at 15-25 % (its spaces and punctuation); text in UTF-8 or a
# single-byte charset has no zero byte at all, and random binary data one pair in 256 on
# either side. So: at least 10 % zero high bytes, at most 1 % zero low bytes, in the head.
_UTF16_SAMPLE_BYTES = 4096
_UTF16_MIN_ZERO_HIGH = 0.10
_UTF16_MAX_ZERO_LOW = 0.01


def utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` (with no byte-order mark) reads as
    UTF-16 text by the pattern of its zero bytes and decodes to text without control
    characters in its head; None otherwise."""
    head = data[: min(len(data), _UTF16_SAMPLE_BYTES) // 2 * 2]
    pairs = len(head) // 2
    if pairs < 2 or len(data) % 2:
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= _UTF16_MIN_ZERO_HIGH * pairs and low <= _UTF16_MAX_ZERO_LOW * pairs:
            sample = _try_codec(head, codec)
            if sample is not None and _controls(sample) <= _MAX_LEGACY_CONTROL * len(sample):
                return codec
    return None


def normalise_text(text: str) -> str:
    """``\\n`` newlines, no NUL characters, no byte-order mark."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text.removeprefix("\ufeff")


def canonical_codec(label: str) -> str | None:
    """Python's codec name for a charset label, or ``None`` for a label it does not know."""
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    return "cp1252" if name in _CP1252_ALIASES else name


def _declared_labels(data: bytes, *, html: bool, declared: str | None) -> list[str]:
    labels: list[str] = []
    if declared:
        labels.append(declared)
    if html:
        match = _META_CHARSET.search(data, 0, _META_SCAN_BYTES)
        if match:
            labels.append(match.group(1).decode("ascii"))
    codecs_seen: list[str] = []
    for label in labels:
        name = canonical_codec(label)
        # a page that declares UTF-8 but is not UTF-8 falls through to the heuristics
        if name is not None and name != "utf-8" and name not in codecs_seen:
            codecs_seen.append(name)
    return codecs_seen


def _try_codec(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _fallback(data: bytes, *, source: str, first_bad: int) -> tuple[str, str]:
    damaged = data.decode("utf-8", errors="replace")
    invalid = damaged.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid_multibyte = len(damaged) - _ascii_count(damaged) - damaged.count("\ufffd")
    if valid_multibyte > invalid:
        logger.warning(
            "%s: mostly UTF-8 with %d invalid byte sequence(s) replaced", source, invalid
        )
        return normalise_text(damaged), "utf-8"
    for codec in ("cp1252", "latin-1"):
        text = _try_codec(data, codec)
        if text is not None and _reads_like_text(text[:_PLAUSIBILITY_SAMPLE]):
            logger.warning("%s: not valid UTF-8, decoded as %s", source, codec)
            return normalise_text(text), codec
    raise UnknownEncoding(
        f"{source}: invalid UTF-8 at byte {first_bad} and neither a declared charset, "
        "cp1252 nor latin-1 gives plausible text"
    )


def _ascii_count(text: str) -> int:
    return len(text.encode("ascii", errors="ignore"))


def _reads_like_text(text: str) -> bool:
    if not text:
        return False
    non_ascii = len(text) - _ascii_count(text)
    if non_ascii > _MAX_LEGACY_NON_ASCII * len(text):
        return False
    return _controls(text) <= _MAX_LEGACY_CONTROL * len(text)


def _controls(text: str) -> int:
    """Control characters (C0 or C1) other than white space in ``text``."""
    return sum(1 for ch in text if (ch < " " or "\x7f" <= ch < "\xa0") and ch not in _TEXT_CONTROLS)
