from __future__ import annotations

import io
import json

from dyads.export.jsonable import event_to_dict, stored_event_to_dict
from dyads.export.jsonl import write_jsonl
from tests.conftest import make_article, make_event, make_stored_event


def test_stored_event_to_dict_adds_the_store_counts_to_the_event_fields() -> None:
    stored = make_stored_event(num_mentions=4, num_articles=3, num_sources=2)
    out = stored_event_to_dict(stored)
    assert set(out) == set(event_to_dict(stored.event)) | {
        "num_mentions",
        "num_articles",
        "num_sources",
        "tone",
    }
    assert (out["num_mentions"], out["num_articles"], out["num_sources"]) == (4, 3, 2)


def test_stored_event_to_dict_shows_each_actors_codes_beside_iso3() -> None:
    stored = make_stored_event()
    actor = stored_event_to_dict(stored)["actors"][0]
    assert actor["country"] == "TUR"
    assert (actor["cown"], actor["gwn"], actor["fips"], actor["cameo"]) == (
        640,
        640,
        "TU",
        "TURGOV",
    )
    # what ``dyads code`` prints of an actor stays as it was: the codes are looked up
    assert "cown" not in event_to_dict(stored.event)["actors"][0]


def test_write_jsonl_reads_back_one_object_per_line() -> None:
    article = make_article(("Астана и Анкара: «договорились».\nNew line inside.",))
    events = [make_stored_event(make_event(article=article)), make_stored_event()]
    stream = io.StringIO()

    assert write_jsonl(events, stream=stream) == 2

    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert records[0]["evidence"][0]["sentence"] == article.paragraphs[0]
    assert records[0] == stored_event_to_dict(events[0])
    assert records[1]["actors"][0]["country"] == "TUR"
