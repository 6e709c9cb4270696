from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dyads.errors import QueryError
from dyads.store.filters import MAX_LIMIT, Cursor, EventFilter, words


@pytest.mark.parametrize(
    "cursor",
    [Cursor(date=date(2021, 2, 4), id="ab" * 32), Cursor(date=None, id="ff" * 32)],
)
def test_cursor_encodes_and_decodes_to_the_same_position(cursor: Cursor) -> None:
    text = cursor.encode()
    assert "=" not in text
    assert Cursor.decode(text) == cursor


@pytest.mark.parametrize(
    "text", ["", "!!!", "bm90IGpzb24", "WzEsMiwzXQ", "WyJub3QtYS1kYXRlIiwgIngiXQ"]
)
def test_cursor_decode_refuses_malformed_text(text: str) -> None:
    with pytest.raises(QueryError, match="malformed cursor"):
        Cursor.decode(text)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"actor": "T1"}, "not an actor code"),
        ({"recipient": "TURKEYLAND"}, "not an actor code"),
        ({"between": ("TUR", "K")}, "not an actor code"),
        ({"limit": 0}, "limit must be"),
        ({"limit": MAX_LIMIT + 1}, "limit must be"),
        ({"since": date(2021, 3, 1), "until": date(2021, 2, 1)}, "is after"),
        ({"min_confidence": -0.1}, "min_confidence must be"),
        ({"min_confidence": 1.5}, "min_confidence must be"),
    ],
)
def test_event_filter_refuses_bad_values(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        EventFilter(**fields)


def test_event_filter_accepts_iso3_and_igo_codes() -> None:
    flt = EventFilter(actor="tur", recipient="NATO", between=("KAZ", "UNO"), limit=MAX_LIMIT)
    assert flt.limit == MAX_LIMIT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("shelling border", ["shelling", "border"]),
        ('"NEAR" (x) OR y*', ["NEAR", "x", "OR", "y"]),
        ("  ", []),
        (None, []),
        ("Kazakhstan's", ["Kazakhstan", "s"]),
    ],
)
def test_words_keeps_only_word_characters(text: str | None, expected: list[str]) -> None:
    assert words(text) == expected
