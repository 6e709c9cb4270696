from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from dyads.errors import QueryError
from dyads.store.filters import EventFilter
from dyads.store.query import iter_events, query_events

pytestmark = pytest.mark.integration


def _types(engine: Any, **filters: Any) -> list[str]:
    page = query_events(engine, filter=EventFilter(**filters))
    return [s.event.event for s in page.items]


def test_query_events_orders_by_date_descending_with_undated_last(query_engine: Any) -> None:
    items = query_events(query_engine, filter=EventFilter()).items
    dates = [s.event.date for s in items]
    assert len(items) == 7  # eight reports, two of them one canonical event
    assert dates[-1] is None
    assert dates[:-1] == sorted(dates[:-1], reverse=True)  # type: ignore[type-var]
    same_day = [s.event.id for s in items if s.event.date == date(2021, 3, 1)]
    assert same_day == sorted(same_day)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"actor": "TUR"}, ["AID", "CONSULT", "CONSULT"]),
        ({"actor": "tur", "recipient": "KAZ"}, ["AID", "CONSULT"]),
        ({"recipient": "TUR"}, ["AGREE"]),
        ({"between": ("KAZ", "TUR")}, ["AID", "AGREE", "CONSULT"]),
        ({"between": ("TUR", "KAZ"), "type": "agree"}, ["AGREE"]),
        ({"between": ("RUS", "UKR")}, ["DEMAND", "ACCUSE"]),
        ({"since": date(2021, 3, 1), "until": date(2021, 3, 15)}, ["DEMAND", "ACCUSE", "CONSULT"]),
        ({"actor": "TU"}, []),
        ({"actor": "KAZ"}, ["AGREE", "ACCUSE"]),
    ],
)
def test_query_events_filters_by_country_dyad_type_and_date(
    query_engine: Any, filters: dict[str, Any], expected: list[str]
) -> None:
    assert sorted(_types(query_engine, **filters)) == sorted(expected)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("shelling", ["ACCUSE"]),  # the first report's article
        ("artillery hamlet", ["ACCUSE"]),  # the merged second report's article
        ("questions", ["CONSULT"]),  # a paragraph that is not the evidence sentence
        ("rail freight", ["AGREE"]),
        ("shelling freight", []),  # every word must match in one text
        ("NEAR AND OR", []),  # FTS operators are searched as words, never parsed
    ],
)
def test_query_events_text_searches_reporting_articles(
    query_engine: Any, words: str, expected: list[str]
) -> None:
    assert _types(query_engine, text=words) == expected


def test_query_events_keyset_pages_cover_every_event_once(query_engine: Any) -> None:
    everything = [s.event.id for s in query_events(query_engine, filter=EventFilter()).items]
    seen: list[str] = []
    flt = EventFilter(limit=2)
    while True:
        page = query_events(query_engine, filter=flt)
        assert len(page.items) <= 2
        seen += [s.event.id for s in page.items]
        if page.next_cursor is None:
            break
        flt = replace(flt, cursor=page.next_cursor)
    assert seen == everything
    assert [s.event.id for s in iter_events(query_engine, filter=EventFilter(), page_size=3)] == (
        everything
    )


def test_query_events_carries_counts_actors_evidence_and_source(query_engine: Any) -> None:
    (merged,) = query_events(
        query_engine, filter=EventFilter(between=("RUS", "UKR"), type="ACCUSE")
    ).items
    assert (merged.num_mentions, merged.num_articles, merged.num_sources) == (2, 2, 2)
    assert [a.country for a in merged.event.actors] == ["RUS"]
    assert [r.country for r in merged.event.recipients] == ["UKR"]
    assert merged.event.quad == 3
    assert merged.event.goldstein == -2.0
    (evidence,) = merged.event.evidence  # a list holds the first report only
    assert evidence.sentence.startswith("Russia accused Ukraine")
    assert merged.url is not None and merged.url.startswith("https://c.example/")
    assert merged.event.article_id == evidence.article_id
    assert merged.added is not None and merged.added.tzinfo is not None


@pytest.mark.parametrize("cursor", ["garbage!", "WyJ4Il0"])
def test_query_events_refuses_a_malformed_cursor(query_engine: Any, cursor: str) -> None:
    with pytest.raises(QueryError, match="malformed cursor"):
        query_events(query_engine, filter=EventFilter(cursor=cursor))
