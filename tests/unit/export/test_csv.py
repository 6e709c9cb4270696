from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

import pytest

from dyads.export.csv import CSV_COLUMNS, LIST_SEPARATOR, write_csv
from dyads.records import ActorRef, Place
from tests.conftest import make_article, make_event, make_stored_event


def test_write_csv_reads_back_one_row_per_event_with_joined_lists() -> None:
    article = make_article(('Ankara said: "We agree, fully."\tThen it\nsigned.',))
    event = make_event(
        article=article,
        event="AGREE",
        actors=(("Turkey", "TUR"), ("Azerbaijan", "AZE")),
        recipients=(("Kazakhstan", "KAZ"),),
        contexts=("economic", "military"),
        place=Place(name="Astana", country="KAZ", lat=51.18, lon=71.45),
        quad=1,
        goldstein=3.0,
        cameo="030",
    )
    plain = make_stored_event(make_event(event="CONSULT", when=date(2021, 3, 1)))
    stream = io.StringIO()

    assert write_csv([make_stored_event(event), plain], stream=stream) == 2

    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 2
    first = rows[0]
    assert first["actor_countries"].split(LIST_SEPARATOR) == ["TUR", "AZE"]
    assert first["actor_names"] == "Turkey;Azerbaijan"
    assert first["contexts"] == "economic;military"
    assert first["evidence"] == article.paragraphs[0]
    assert (first["place"], first["lat"], first["quad"]) == ("Astana", "51.18", "1")
    assert (first["num_mentions"], first["num_articles"], first["num_sources"]) == ("3", "2", "2")
    assert rows[1]["date"] == "2021-03-01"
    assert rows[1]["place"] == ""


@pytest.mark.parametrize("count", [0, 1, 5])
def test_write_csv_counts_rows_and_always_writes_a_header(count: int) -> None:
    events = [make_stored_event(replace(make_event(), id=f"event-{i}")) for i in range(count)]
    stream = io.StringIO()
    assert write_csv(events, stream=stream) == count
    rows = list(csv.reader(io.StringIO(stream.getvalue())))
    assert rows[0] == list(CSV_COLUMNS)
    assert [row[0] for row in rows[1:]] == [f"event-{i}" for i in range(count)]


def test_write_csv_appends_the_codes_beside_iso3_and_the_tone() -> None:
    un = ActorRef(name="United Nations", text="UN", country="IGO", sector="IGO")
    event = replace(
        make_event(actors=(("Turkey", "TUR"), ("Azerbaijan", "AZE"))),
        recipients=(un, ActorRef(name="Kosovo", text="Kosovo", country="XKX", sector="GOV")),
    )
    stream = io.StringIO()
    write_csv([make_stored_event(event, tone=1.5), make_stored_event()], stream=stream)

    first, second = csv.DictReader(io.StringIO(stream.getvalue()))
    assert CSV_COLUMNS[: CSV_COLUMNS.index("evidence") + 1] == CSV_COLUMNS_BEFORE_CODES
    assert (first["actor_cown"], first["actor_gwn"], first["actor_fips"]) == (
        "640;373",
        "640;373",
        "TU;AJ",
    )
    # an IGO has no code: its item is empty, so the i-th item still goes with the i-th actor
    assert first["recipient_countries"] == "IGO;XKX"
    assert (first["recipient_cown"], first["recipient_fips"]) == (";347", ";KV")
    assert (first["tone"], second["tone"]) == ("1.5", "")


# The columns before the codes and the tone were added: kept in place for old readers.
CSV_COLUMNS_BEFORE_CODES = (
    "id",
    "date",
    "date_method",
    "event",
    "mode",
    "contexts",
    "actor_names",
    "actor_countries",
    "actor_sectors",
    "recipient_names",
    "recipient_countries",
    "recipient_sectors",
    "place",
    "place_country",
    "lat",
    "lon",
    "cameo",
    "quad",
    "goldstein",
    "confidence",
    "num_mentions",
    "num_articles",
    "num_sources",
    "article_id",
    "url",
    "evidence",
)
