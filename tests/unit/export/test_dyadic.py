from __future__ import annotations

import csv
import io
from dataclasses import replace

from dyads.export.dyadic import DYADIC_COLUMNS, dyadic_rows, write_dyadic
from dyads.records import ActorRef
from tests.conftest import make_event, make_stored_event


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_write_dyadic_gives_one_row_per_actor_recipient_pair() -> None:
    event = make_event(
        actors=(("Turkey", "TUR"), ("Azerbaijan", "AZE")),
        recipients=(("Kazakhstan", "KAZ"), ("Armenia", "ARM"), ("Georgia", "GEO")),
        cameo="040",
        quad=1,
        goldstein=1.0,
    )
    stream = io.StringIO()

    assert write_dyadic([make_stored_event(event)], stream=stream) == 1  # events, not rows

    rows = _rows(stream.getvalue())
    assert tuple(rows[0]) == DYADIC_COLUMNS
    pairs = [(r["actor_country"], r["recipient_country"]) for r in rows]
    assert pairs == [(a, r) for a in ("TUR", "AZE") for r in ("KAZ", "ARM", "GEO")]
    assert {r["event_id"] for r in rows} == {event.id}
    first = rows[0]
    assert (first["actor_cown"], first["actor_gwn"], first["recipient_cown"]) == (
        "640",
        "640",
        "705",
    )
    assert (first["cameo"], first["quad"], first["goldstein"], first["confidence"]) == (
        "040",
        "1",
        "1.0",
        "0.800",
    )
    assert (first["num_mentions"], first["num_sources"]) == ("3", "2")
    assert first["url"].startswith("https://")


def test_dyadic_rows_of_an_event_without_recipient_leave_the_recipient_empty() -> None:
    rows = dyadic_rows(
        make_stored_event(make_event(actors=(("A", "TUR"), ("B", "GRC")), recipients=()))
    )
    recipient = slice(
        DYADIC_COLUMNS.index("recipient_country"), DYADIC_COLUMNS.index("num_mentions")
    )
    assert len(rows) == 2
    assert all(set(row[recipient]) == {""} for row in rows)
    assert [row[DYADIC_COLUMNS.index("actor_gwn")] for row in rows] == ["640", "350"]


def test_dyadic_rows_keep_an_event_with_no_actor_and_an_igo_without_codes() -> None:
    un = ActorRef(name="United Nations", text="UN", country="IGO", sector="IGO")
    nobody = replace(make_event(), actors=(), recipients=())
    assert len(dyadic_rows(make_stored_event(nobody))) == 1
    (row,) = dyadic_rows(make_stored_event(replace(make_event(), recipients=(un,))))
    cells = dict(zip(DYADIC_COLUMNS, row, strict=True))
    assert (cells["recipient_country"], cells["recipient_cown"], cells["recipient_gwn"]) == (
        "IGO",
        "",
        "",
    )
