from __future__ import annotations

import io
import json

import pytest

from dyads.export.plover import alpha2, plover_record, write_plover
from dyads.records import Place
from tests.conftest import make_event, make_stored_event


def test_write_plover_reads_back_records_with_the_manual_fields() -> None:
    event = make_event(
        event="CONSULT",
        mode="visit",
        contexts=("economic",),
        place=Place(name="Ankara", country="TUR", lat=39.92, lon=32.85, geonameid=323786),
        quad=1,
        goldstein=1.0,
        coder_version="0.1",
    )
    stream = io.StringIO()

    assert write_plover([make_stored_event(event)], stream=stream) == 1

    (record,) = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert record["id"] == event.id
    assert record["date"] == "2021-02-04"
    assert record["event"] == ["CONSULT"]
    assert record["mode"] == ["visit"]
    assert record["context"] == ["economic"]
    assert record["actor"] == [
        {
            "code": "TUR",
            "sector": "GOV",
            "actor_text": "Turkey",
            "identifier_text": "Turkey",
            "office": None,
        }
    ]
    assert record["recipient"][0]["code"] == "KAZ"
    assert record["event_loc"]["cc3"] == "TUR"
    assert record["event_loc"]["country code"] == "TR"
    assert record["event_loc"]["geonameid"] == 323786
    assert record["event_text"] == [event.evidence[0].sentence]
    assert record["text_info"] == {"sequence": 0, "start": 0, "end": len(record["event_text"][0])}
    assert record["cite_info"]["url"].startswith("https://")
    assert record["cite_info"]["citation"] == event.article_id
    assert record["cite_info"]["coder"] == "dyads-rules 0.1"
    assert (record["quad_code"], record["event_scale"]) == (1, 1.0)


def test_plover_record_without_place_mode_or_recipient_keeps_the_fields_empty() -> None:
    event = make_event(recipients=())
    record = plover_record(make_stored_event(event))
    assert record["recipient"] == []
    assert record["mode"] == []
    assert record["event_loc"] is None


@pytest.mark.parametrize(("code", "expected"), [("KAZ", "KZ"), ("tur", "TR"), ("NATO", None)])
def test_alpha2_maps_iso3_and_leaves_other_codes_empty(code: str, expected: str | None) -> None:
    assert alpha2(code) == expected
