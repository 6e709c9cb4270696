from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

import pytest

from dyads.export.csv import CSV_COLUMNS, LIST_SEPARATOR, write_csv
from dyads.records import Place
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
