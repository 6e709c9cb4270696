"""Aggregates over stored events: a dyad's time series, actor counts, store statistics.

Periods are bucketed in Python over ``(date, quad, goldstein)`` rows rather than with
``strftime`` / ``date_trunc``, so one code path serves SQLite and PostgreSQL and ISO weeks
are computed the same way on both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from dyads.errors import QueryError
from dyads.store.results import QUAD_CLASSES, ActorCount, DyadPeriod, StoreStats

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

PERIODS = ("day", "week", "month")
# Actor rows ``list_actors`` returns unless told otherwise: every country in the world fits.
DEFAULT_ACTOR_LIMIT = 300


def period_start(day: date, by: str) -> date:
    """The first day of the day, ISO week (Monday) or month holding ``day``."""
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    raise QueryError(f"unknown period {by!r}; one of {', '.join(PERIODS)}")


def next_period(start: date, by: str) -> date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def period_label(start: date, by: str) -> str:
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return start.strftime("%Y-%m")
    return start.isoformat()


@dataclass(slots=True)
class _Bucket:
    counts: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    total: int = 0
    goldstein_sum: float = 0.0
    goldstein_n: int = 0

    def add(self, quad: int | None, n: int, goldstein_sum: float, goldstein_n: int) -> None:
        """Add ``n`` events of one quad class whose scores sum to ``goldstein_sum``."""
        self.total += n
        if quad in QUAD_CLASSES:
            self.counts[quad - 1] += n
        self.goldstein_sum += goldstein_sum
        self.goldstein_n += goldstein_n

    def period(self, start: date, by: str) -> DyadPeriod:
        mean = None if not self.goldstein_n else round(self.goldstein_sum / self.goldstein_n, 3)
        c1, c2, c3, c4 = self.counts
        return DyadPeriod(
            period=period_label(start, by),
            start=start,
            counts=(c1, c2, c3, c4),
            total=self.total,
            goldstein_mean=mean,
        )


def bucket_series(
    rows: Iterable[tuple[date, int | None, float | None]], *, by: str
) -> tuple[DyadPeriod, ...]:
    """Periods from the first to the last dated row, empty periods included (a chart of
    the series must show a quiet month as a quiet month, not skip it)."""
    return bucket_counts(
        (
            (day, quad, 1, goldstein or 0.0, int(goldstein is not None))
            for day, quad, goldstein in rows
        ),
        by=by,
    )


def bucket_counts(
    rows: Iterable[tuple[date, int | None, int, float, int]], *, by: str
) -> tuple[DyadPeriod, ...]:
    """``bucket_series`` of rows already counted per day and quad class:
    (day, quad, events, sum of Goldstein scores, events with a score)."""
    buckets: dict[date, _Bucket] = {}
    for day, quad, n, goldstein_sum, goldstein_n in rows:
        buckets.setdefault(period_start(day, by), _Bucket()).add(
            quad, n, goldstein_sum, goldstein_n
        )
    if not buckets:
        return ()
    out = []
    start, last = min(buckets), max(buckets)
    while start <= last:
        out.append(buckets.get(start, _Bucket()).period(start, by))
        start = next_period(start, by)
    return tuple(out)


def dyad_series(
    engine: Engine,
    a: str,
    b: str,
    *,
    by: str = "month",
    since: date | None = None,
    until: date | None = None,
) -> tuple[DyadPeriod, ...]:
    """Events between ``a`` and ``b`` (either direction) per period: counts per quad class,
    total and mean Goldstein score. Undated events are left out."""
    from sqlalchemy import func, select

    from dyads.store.filters import EventFilter, pair_condition
    from dyads.store.schema import event_dyads as pairs

    period_start(date.today(), by)  # refuse an unknown period before touching the database
    EventFilter(between=(a, b), since=since, until=until)  # the same checks as a query
    # DISTINCT: an event with a and b on both sides has two pair rows and counts once
    dyad = (
        select(pairs.c.event_id, pairs.c.date, pairs.c.quad, pairs.c.goldstein)
        .distinct()
        .where(pair_condition(a, b), pairs.c.date.is_not(None))
    )
    if since:
        dyad = dyad.where(pairs.c.date >= since)
    if until:
        dyad = dyad.where(pairs.c.date <= until)
    events = dyad.subquery()
    per_day = select(
        events.c.date,
        events.c.quad,
        func.count(),
        func.coalesce(func.sum(events.c.goldstein), 0.0),
        func.count(events.c.goldstein),
    ).group_by(events.c.date, events.c.quad)
    with engine.connect() as conn:
        rows = conn.execute(per_day).all()
    return bucket_counts(
        ((day, quad, n, float(total), scored) for day, quad, n, total, scored in rows), by=by
    )


@cache
def country_name(code: str) -> str | None:
    """The ISO 3166 name of an alpha-3 code; None for IGO and other codes."""
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    return None if country is None else str(country.name)


def list_actors(engine: Engine, *, limit: int = DEFAULT_ACTOR_LIMIT) -> tuple[ActorCount, ...]:
    """Actor codes by the number of events they take part in (as actor or recipient)."""
    from sqlalchemy import distinct, func, select

    from dyads.store.schema import actors, event_actors

    statement = (
        select(actors.c.country, event_actors.c.role, func.count(distinct(event_actors.c.event_id)))
        .join(actors, actors.c.id == event_actors.c.actor_id)
        .where(actors.c.country.is_not(None))
        .group_by(actors.c.country, event_actors.c.role)
    )
    counts: dict[str, dict[str, int]] = {}
    with engine.connect() as conn:
        for code, role, n in conn.execute(statement):
            counts.setdefault(code, {})[role] = n
    found = [
        ActorCount(
            code=code,
            name=country_name(code),
            as_actor=roles.get("actor", 0),
            as_recipient=roles.get("recipient", 0),
        )
        for code, roles in counts.items()
    ]
    found.sort(key=lambda a: (-a.total, a.code))
    return tuple(found[:limit])


def stats(engine: Engine) -> StoreStats:
    """How much the store holds, the span of event dates, and events per PLOVER type."""
    from sqlalchemy import func, select

    from dyads.store import schema

    tables = {
        "documents": schema.documents,
        "articles": schema.articles,
        "events": schema.events,
        "mentions": schema.event_mentions,
        "actors": schema.actors,
        "rejections": schema.rejections,
    }
    events = schema.events
    with engine.connect() as conn:
        counts = {
            name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            for name, table in tables.items()
        }
        first, last = conn.execute(select(func.min(events.c.date), func.max(events.c.date))).one()
        by_type = conn.execute(
            select(events.c.event, func.count())
            .group_by(events.c.event)
            .order_by(func.count().desc(), events.c.event)
        )
        types = tuple((str(t), int(n)) for t, n in by_type)
    return StoreStats(**counts, first_date=first, last_date=last, by_type=types)
