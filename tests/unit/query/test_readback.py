from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from dyads.records import BlockKind
from dyads.store.readback import block_from_row, evidence_from_row, parse_published


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-02-04", date(2021, 2, 4)),
        (
            "2021-02-04T09:30:00+06:00",
            datetime(2021, 2, 4, 9, 30, tzinfo=timezone(timedelta(hours=6))),
        ),
        ("2021-02-04T09:30:00+00:00", datetime(2021, 2, 4, 9, 30, tzinfo=UTC)),
        (None, None),
        ("", None),
    ],
)
def test_parse_published_reads_dates_and_datetimes(
    text: str | None, expected: date | datetime | None
) -> None:
    assert parse_published(text) == expected


@pytest.mark.parametrize(
    ("kind", "expected"), [("teaser", BlockKind.TEASER), ("sidebar", BlockKind.OTHER)]
)
def test_block_from_row_maps_unknown_kinds_to_other(kind: str, expected: BlockKind) -> None:
    block = block_from_row({"kind": kind, "items": ["One", "Two"], "heading": "More"})
    assert (block.kind, block.items, block.heading) == (expected, ("One", "Two"), "More")


def test_evidence_from_row_restores_trigger_and_spans() -> None:
    row = {
        "sentence": "Turkey met Kazakhstan.",
        "paragraph": 2,
        "sentence_index": 3,
        "start_char": 40,
        "end_char": 62,
        "trigger_start": 47,
        "trigger_end": 50,
        "actor_spans": [[40, 46]],
        "recipient_spans": [],
        "article_id": "a1",
    }
    evidence = evidence_from_row(row)
    assert evidence.trigger is not None and (evidence.trigger.start, evidence.trigger.end) == (
        47,
        50,
    )
    assert [(s.start, s.end) for s in evidence.actor_spans] == [(40, 46)]
    assert evidence.recipient_spans == ()
    assert (evidence.paragraph, evidence.sentence_index, evidence.article_id) == (2, 3, "a1")
