from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dyads.errors import QueryError
from dyads.store.query import dyad_series, list_actors, stats

pytestmark = pytest.mark.integration


def test_dyad_series_by_month_counts_both_directions_and_fills_gaps(query_engine: Any) -> None:
    series = dyad_series(query_engine, "TUR", "KAZ", by="month")
    assert [p.period for p in series] == ["2021-02", "2021-03", "2021-04"]
    february, march, april = series
    assert (february.counts, february.total, february.goldstein_mean) == ((2, 0, 0, 0), 2, 2.0)
    assert (march.counts, march.total, march.goldstein_mean) == ((0, 0, 0, 0), 0, None)
    assert (april.counts, april.goldstein_mean) == ((0, 1, 0, 0), 7.0)
    assert april.start == date(2021, 4, 1)


def test_dyad_series_by_week_and_day_and_within_dates(query_engine: Any) -> None:
    weeks = dyad_series(query_engine, "kaz", "tur", by="week")
    assert weeks[0].period == "2021-W05"
    assert weeks[0].start == date(2021, 2, 1)
    assert sum(p.total for p in weeks) == 3
    days = dyad_series(
        query_engine, "RUS", "UKR", by="day", since=date(2021, 3, 1), until=date(2021, 3, 10)
    )
    assert [p.period for p in days] == ["2021-03-01"]
    assert [p.total for p in days] == [1]  # the merged ACCUSE; DEMAND is after ``until``
    assert days[0].counts == (0, 0, 1, 0)


def test_dyad_series_split_at_a_date_adds_up_to_the_whole(query_engine: Any) -> None:
    """Each shape of the query (no dates, only ``since``, only ``until``) binds its dates."""
    whole = sum(p.total for p in dyad_series(query_engine, "RUS", "UKR", by="day"))
    later = dyad_series(query_engine, "RUS", "UKR", by="day", since=date(2021, 3, 2))
    earlier = dyad_series(query_engine, "RUS", "UKR", by="day", until=date(2021, 3, 1))
    assert whole == 2
    assert sum(p.total for p in later) == 1  # the DEMAND
    assert [(p.period, p.total) for p in earlier] == [("2021-03-01", 1)]  # the ACCUSE


def test_dyad_series_by_year_counts_in_the_database_per_year(query_engine: Any) -> None:
    (year,) = dyad_series(query_engine, "TUR", "KAZ", by="year")
    assert (year.period, year.start, year.counts, year.total) == (
        "2021",
        date(2021, 1, 1),
        (2, 1, 0, 0),
        3,
    )
    assert year.goldstein_mean == round(11.0 / 3, 3)


def test_dyad_series_of_a_pair_without_events_is_empty(query_engine: Any) -> None:
    assert dyad_series(query_engine, "FRA", "DEU") == ()


def test_dyad_series_refuses_an_unknown_period(query_engine: Any) -> None:
    with pytest.raises(QueryError, match="unknown period"):
        dyad_series(query_engine, "TUR", "KAZ", by="decade")


def test_list_actors_counts_events_per_code_and_role(query_engine: Any) -> None:
    actors = {a.code: a for a in list_actors(query_engine)}
    assert (actors["TUR"].as_actor, actors["TUR"].as_recipient) == (3, 1)
    assert (actors["KAZ"].as_actor, actors["KAZ"].as_recipient) == (2, 2)
    assert actors["RUS"].total == 2
    assert actors["KAZ"].name == "Kazakhstan"
    assert list_actors(query_engine, limit=1)[0].code in ("TUR", "KAZ")


def test_stats_counts_the_store(query_engine: Any) -> None:
    found = stats(query_engine)
    assert (found.documents, found.articles, found.events, found.mentions) == (8, 8, 7, 8)
    assert found.actors == 5  # TUR, KAZ, RUS, UKR, AZE
    assert found.rejections == 0
    assert (found.first_date, found.last_date) == (date(2021, 2, 4), date(2021, 4, 2))
    assert dict(found.by_type) == {"ACCUSE": 2, "CONSULT": 2, "AGREE": 1, "DEMAND": 1, "AID": 1}
    assert found.by_type[:2] == (("ACCUSE", 2), ("CONSULT", 2))


@pytest.mark.parametrize("pair", [("TUR", "KAZ"), ("KAZ", "RUS"), ("RUS", "TUR"), ("TUR", "TUR")])
@pytest.mark.parametrize("by", ["day", "week", "month"])
def test_dyad_series_counts_each_event_once_like_python_bucketing(
    store_url: str, pair: tuple[str, str], by: str
) -> None:
    """Periods counted in the database equal the events bucketed one by one in Python,
    also for events with both countries on both sides, joint actions (both countries among
    the actors, no recipient) and across an ISO year boundary."""
    from dyads.store.filters import EventFilter
    from dyads.store.query import iter_events
    from dyads.store.summary import bucket_series
    from tests.integration.test_query_events import between, crossed_engine

    engine = crossed_engine(store_url)
    a, b = pair
    rows = []
    for stored in iter_events(engine, filter=EventFilter()):
        event = stored.event
        actors = {x.country for x in event.actors}
        recipients = {x.country for x in event.recipients}
        if event.date and between(pair, actors, recipients):
            rows.append((event.date, event.quad, event.goldstein))
    rows.sort(key=lambda row: row[0])
    assert rows
    assert dyad_series(engine, a, b, by=by) == bucket_series(rows, by=by)
    engine.dispose()


@pytest.mark.parametrize(
    "filters",
    [
        {"directed": True},
        {"type": "ACCUSE"},
        {"min_confidence": 0.6},
        {"min_confidence": 0.5, "type": "CONSULT", "since": date(2021, 1, 1)},
        {"directed": True, "min_confidence": 0.9, "until": date(2021, 1, 4)},
    ],
)
@pytest.mark.parametrize("pair", [("TUR", "KAZ"), ("KAZ", "RUS"), ("RUS", "RUS")])
def test_dyad_series_with_filters_counts_what_python_bucketing_counts(
    store_url: str, pair: tuple[str, str], filters: dict[str, Any]
) -> None:
    """Type, confidence, dates and direction narrow the series to the events the same
    conditions pick one by one."""
    from dyads.store.filters import EventFilter
    from dyads.store.query import iter_events
    from dyads.store.summary import bucket_series
    from tests.integration.test_query_events import between, crossed_engine

    engine = crossed_engine(store_url)
    a, b = pair
    rows = []
    for stored in iter_events(engine, filter=EventFilter()):
        event = stored.event
        actors = {x.country for x in event.actors}
        recipients = {x.country for x in event.recipients}
        if filters.get("directed"):
            inside = a in actors and b in recipients
        else:
            inside = between(pair, actors, recipients)
        wanted = (
            inside
            and event.date is not None
            and event.event == filters.get("type", event.event)
            and event.confidence >= filters.get("min_confidence", 0)
            and event.date >= filters.get("since", event.date)
            and event.date <= filters.get("until", event.date)
        )
        if wanted:
            rows.append((event.date, event.quad, event.goldstein))
    rows.sort(key=lambda row: row[0])
    assert dyad_series(engine, a, b, by="week", **filters) == bucket_series(rows, by="week")
    engine.dispose()


def test_top_dyads_count_each_event_once_per_pair_it_is_between(store_url: str) -> None:
    """The dashboard's busiest pairs count what the dyad page counts: one side acting on the
    other, or both acting together with no recipient; an event once per pair."""
    from collections import Counter
    from itertools import combinations

    from dyads.serve.web.queries import top_dyads
    from dyads.store.filters import EventFilter
    from dyads.store.query import iter_events
    from tests.integration.test_query_events import crossed_engine

    engine = crossed_engine(store_url)
    expected: Counter[tuple[str, str]] = Counter()
    for stored in iter_events(engine, filter=EventFilter()):
        actors = {a.country for a in stored.event.actors if a.country}
        recipients = {r.country for r in stored.event.recipients if r.country}
        pairs = {tuple(sorted((x, y))) for x in actors for y in recipients if x != y}
        if not recipients:
            pairs |= set(combinations(sorted(actors), 2))
        expected.update(pairs)
    found = {(d.a, d.b): d.events for d in top_dyads(engine, limit=100)}
    assert found == dict(expected)
    for (a, b), n in found.items():  # the dyad page's own count, dates aside
        assert n == len(list(iter_events(engine, filter=EventFilter(between=(a, b)))))
    busiest = top_dyads(engine, limit=2)
    assert [d.events for d in busiest] == sorted(expected.values(), reverse=True)[:2]
    engine.dispose()


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"actor": "TUR"},
        {"recipient": "KAZ", "min_confidence": 0.6},
        {"between": ("TUR", "KAZ")},
        {"between": ("RUS", "RUS"), "since": date(2021, 1, 1)},
        {"actor": "KAZ", "recipient": "TUR", "type": "CONSULT"},
        {"until": date(2021, 1, 4), "min_confidence": 0.9},
        {"text": "RUS"},
    ],
)
def test_list_count_and_chart_count_what_the_pages_hold(
    store_url: str, filters: dict[str, Any]
) -> None:
    """The dashboard's count and chart of a list select with ``selected_events``: the same
    events ``iter_events`` pages through."""
    from dyads.serve.web.queries import count_events, event_series
    from dyads.store.filters import EventFilter
    from dyads.store.query import iter_events
    from dyads.store.summary import bucket_series
    from tests.integration.test_query_events import crossed_engine

    engine = crossed_engine(store_url)
    flt = EventFilter(**filters)
    listed = list(iter_events(engine, filter=flt))
    assert count_events(engine, filter=flt) == len(listed)
    rows = sorted(
        ((s.event.date, s.event.quad, s.event.goldstein) for s in listed if s.event.date),
        key=lambda row: row[0],
    )
    assert event_series(engine, filter=flt) == bucket_series(rows, by="month")
    engine.dispose()


@pytest.mark.parametrize(
    "filters", [{}, {"type": "AID"}, {"min_confidence": 0.6, "since": date(2021, 1, 1)}]
)
@pytest.mark.parametrize("code", ["TUR", "KAZ", "RUS"])
def test_country_partners_count_each_dyads_events_like_its_page(
    store_url: str, code: str, filters: dict[str, Any]
) -> None:
    """A country's partner rows count what each partner's dyad page lists (within the same
    type, confidence and dates), with the mean Goldstein score of those events."""
    from dyads.serve.web.queries import country_partners
    from dyads.store.filters import EventFilter
    from dyads.store.query import iter_events
    from tests.integration.test_query_events import crossed_engine

    engine = crossed_engine(store_url)
    found = country_partners(engine, code, filter=EventFilter(**filters))
    assert found
    for partner in found:
        dyad = list(
            iter_events(engine, filter=EventFilter(between=(code, partner.code), **filters))
        )
        assert partner.events == len(dyad)
        scores = [s.event.goldstein for s in dyad if s.event.goldstein is not None]
        expected = round(round(sum(scores), 9) / len(scores), 2) if scores else None
        assert partner.goldstein_mean == expected
    counts = [p.events for p in found]
    assert counts == sorted(counts, reverse=True)
    engine.dispose()
