"""A filtered list of events as a page shows it: its rows, how many match, the link to the
next page and the API's CSV of exactly these rows; and the choices its filter form offers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Query

from dyads.errors import QueryError
from dyads.serve.web.filters import ListFilters, csv_url, event_filter, read_filters
from dyads.serve.web.labels import code_label
from dyads.serve.web.queries import actor_codes, count_events
from dyads.store.query import query_events, stats

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from dyads.serve.api.cache import ReadCache
    from dyads.store.results import StoredEvent


@dataclass(frozen=True, slots=True, kw_only=True)
class FilterRead:
    """The filters of a request, or the reason its fields could not be read."""

    filters: ListFilters
    error: str | None = None


def form_filters(
    *,
    since: Annotated[str, Query(max_length=10)] = "",
    until: Annotated[str, Query(max_length=10)] = "",
    country: Annotated[str, Query(max_length=8)] = "",
    side: Annotated[str, Query(max_length=10)] = "actor",
    type: Annotated[str, Query(max_length=32)] = "",
    min_confidence: Annotated[str, Query(max_length=10)] = "",
    direction: Annotated[str, Query(max_length=10)] = "either",
    q: Annotated[str, Query(max_length=500)] = "",
    actor: Annotated[str, Query(max_length=8)] = "",
) -> FilterRead:
    """The list filters of the query string (a FastAPI dependency). ``actor=`` is what the
    search form sent before it had a country picker: links that carry it still work."""
    if actor and not country:
        country, side = actor, "actor"
    try:
        return FilterRead(
            filters=read_filters(
                since=since,
                until=until,
                country=country,
                side=side,
                type=type,
                min_confidence=min_confidence,
                direction=direction,
                q=q,
            )
        )
    except QueryError as exc:
        return FilterRead(filters=ListFilters(), error=str(exc))


FiltersDep = Annotated[FilterRead, Depends(form_filters)]


@dataclass(frozen=True, slots=True, kw_only=True)
class EventList:
    """One page of a filtered list, as the ``event_list`` macro renders it."""

    filters: ListFilters
    items: tuple[StoredEvent, ...] = ()
    total: int = 0
    csv_url: str | None = None
    next_url: str | None = None
    error: str | None = None


def event_list(
    *,
    engine: Engine,
    cache: ReadCache,
    read: FilterRead,
    limit: int,
    cursor: str | None,
    path: str,
    dyad: tuple[str, str] | None = None,
) -> EventList:
    """The page of the list at ``path`` that ``read`` and ``cursor`` ask for; a query the
    store refuses (a bad code, dates reversed, a bad cursor) gives an empty list with the
    reason."""
    lf = read.filters
    if read.error:
        return EventList(filters=lf, error=read.error)
    try:
        flt = event_filter(lf, limit=limit, cursor=cursor, dyad=dyad)
        page = query_events(engine, filter=flt)
        # the same count on every page of a list: keyed without the cursor and page size
        key = ("list-count", replace(flt, cursor=None, limit=1))
        total = cache.get(engine, key, lambda: count_events(engine, filter=flt))
    except QueryError as exc:
        return EventList(filters=lf, error=str(exc))
    next_url = path + lf.query(cursor=page.next_cursor) if page.next_cursor else None
    return EventList(
        filters=lf,
        items=page.items,
        total=total,
        csv_url=csv_url(flt),
        next_url=next_url,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Choices:
    """What a filter form offers: countries (code, label) and event types with events."""

    countries: tuple[tuple[str, str], ...]
    types: tuple[str, ...]


def choices(engine: Engine, cache: ReadCache) -> Choices:
    def compute() -> Choices:
        codes = actor_codes(engine)
        countries = sorted(((code, code_label(code)) for code in codes), key=lambda c: c[1])
        return Choices(
            countries=tuple(countries),
            types=tuple(sorted(name for name, _ in stats(engine).by_type)),
        )

    return cache.get(engine, "filter-choices", compute)
