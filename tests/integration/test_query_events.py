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


# --- countries on both sides, undated events, ties: every page against a brute force -----

_SIDES: tuple[tuple[str, ...], ...] = (
    ("TUR",),
    ("KAZ",),
    ("KAZ", "TUR"),
    ("RUS", "TUR"),
    ("KAZ", "RUS", "TUR"),
    (),
)
# 2020-12-31 and 2021-01-04 fall in different ISO years' weeks; None is an undated event
_DAYS: tuple[date | None, ...] = (
    date(2021, 1, 4),
    date(2020, 12, 31),
    None,
    date(2021, 1, 4),
    date(2021, 2, 28),
)
_KINDS = (("CONSULT", 1, 1.0), ("AID", 2, 7.5), ("ACCUSE", 3, -2.2), ("ASSAULT", 4, None))
# a cycle of three against the kinds' four and the days' five: every mix occurs
_CONFIDENCES = (0.9, 0.6, 0.35)


def crossed_engine(store_url: str) -> Any:
    """A store of events with every mix of ``_SIDES`` as actors and recipients."""
    from dyads.records import CodedArticle
    from dyads.store import open_store
    from dyads.store.writer import StoreWriter
    from tests.conftest import make_article, make_event

    coded = []
    for i, (actors, recipients) in enumerate(
        (a, r) for a in _SIDES if a for r in _SIDES if (a, r) != (("KAZ", "RUS", "TUR"),) * 2
    ):
        kind, quad, goldstein = _KINDS[i % len(_KINDS)]
        article = make_article((f"Report {i}: {' '.join(actors)} and {' '.join(recipients)}.",))
        event = make_event(
            article=article,
            event=kind,
            actors=tuple((code, code) for code in actors),
            recipients=tuple((code, code) for code in recipients),
            quad=quad,
            goldstein=goldstein,
            confidence=_CONFIDENCES[i % len(_CONFIDENCES)],
        )
        coded.append(CodedArticle(article=article, events=(replace(event, date=_DAYS[i % 5]),)))
    engine = open_store(store_url)
    writer = StoreWriter(engine)
    writer.write_batch(coded, run_id=writer.start_run(command="tests", inputs=[], settings={}))
    return engine


def _selected(stored: Any, flt: EventFilter) -> bool:
    actors = {a.country for a in stored.event.actors}
    recipients = {r.country for r in stored.event.recipients}
    if flt.actor and flt.actor not in actors:
        return False
    if flt.recipient and flt.recipient not in recipients:
        return False
    if not _kind_and_date_selected(stored.event, flt):
        return False
    if flt.between:
        return between(flt.between, actors, recipients)
    return True


def _kind_and_date_selected(event: Any, flt: EventFilter) -> bool:
    """Whether ``event`` passes ``flt``'s type, confidence and date conditions."""
    day = event.date
    return (
        (not flt.type or event.event == flt.type)
        and (flt.min_confidence is None or event.confidence >= flt.min_confidence)
        and (not flt.since or (day is not None and day >= flt.since))
        and (not flt.until or (day is not None and day <= flt.until))
    )


def between(pair: tuple[str, str], actors: set[str], recipients: set[str]) -> bool:
    """Whether an event of these countries is between the two of ``pair``: one acts on the
    other, or, with no recipient, both act together (a joint action)."""
    a, b = pair
    if (a in actors and b in recipients) or (b in actors and a in recipients):
        return True
    return not recipients and a != b and {a, b} <= actors


def _list_order(stored: Any) -> tuple[bool, int, str]:
    day = stored.event.date
    return (day is None, 0 if day is None else -day.toordinal(), stored.event.id)


@pytest.mark.parametrize(
    "filters",
    [
        {"actor": "TUR"},
        {"actor": "RUS"},
        {"recipient": "KAZ"},
        {"actor": "KAZ", "recipient": "TUR"},
        {"between": ("TUR", "KAZ")},
        {"between": ("RUS", "KAZ"), "type": "ACCUSE"},
        {"between": ("RUS", "RUS")},
        {"between": ("KAZ", "RUS"), "actor": "TUR"},
        {"between": ("TUR", "KAZ"), "recipient": "RUS", "type": "AID"},
        {"recipient": "TUR", "type": "CONSULT"},
        {"min_confidence": 0.6},
        {"actor": "TUR", "min_confidence": 0.9},
        {"between": ("TUR", "KAZ"), "min_confidence": 0.5},
        {"between": ("RUS", "TUR"), "min_confidence": 0.6, "since": date(2021, 1, 1)},
        {"recipient": "KAZ", "until": date(2021, 1, 4), "min_confidence": 0.3},
    ],
)
def test_query_events_pages_of_country_filters_match_a_brute_force(
    store_url: str, filters: dict[str, Any]
) -> None:
    engine = crossed_engine(store_url)
    everything = list(iter_events(engine, filter=EventFilter()))
    assert len(everything) == 29  # 5 x 6 mixes less one; none merge (distinct articles)
    flt = EventFilter(**filters)
    expected = [s.event.id for s in sorted(everything, key=_list_order) if _selected(s, flt)]
    assert expected  # every filter here selects something
    for limit in (1, 2, 5, 50):
        seen: list[str] = []
        current = replace(flt, limit=limit)
        while True:
            page = query_events(engine, filter=current)
            assert len(page.items) <= limit
            seen += [s.event.id for s in page.items]
            if page.next_cursor is None:
                break
            current = replace(current, cursor=page.next_cursor)
        assert seen == expected, limit
    engine.dispose()
