"""Aggregates over stored events: a dyad's time series, actor counts, store statistics.

A dyad's series is counted in the database per period (``date_trunc`` on PostgreSQL, the
equivalent ``date()`` modifiers on SQLite, ISO weeks starting on Monday on both) and quad
class; Python only fills the empty periods between the first and the last. ``period_sql`` is
that period arithmetic, shared with the aggregates of ``store/aggregate.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from dyads.errors import QueryError
from dyads.store.results import QUAD_CLASSES, ActorCount, DyadPeriod, StoreStats

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Select
    from sqlalchemy.engine import Engine

PERIODS = ("day", "week", "month", "year")
# Actor rows ``list_actors`` returns unless told otherwise: every country in the world fits.
DEFAULT_ACTOR_LIMIT = 300


def period_start(day: date, by: str) -> date:
    """The first day of the day, ISO week (Monday), month or year holding ``day``."""
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "year":
        return day.replace(month=1, day=1)
    raise QueryError(f"unknown period {by!r}; one of {', '.join(PERIODS)}")


def next_period(start: date, by: str) -> date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    if by == "year":
        return start.replace(year=start.year + 1)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def period_label(start: date, by: str) -> str:
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{start.year:04d}-{start.month:02d}"  # strftime("%Y-%m"), a third of the time
    if by == "year":
        return f"{start.year:04d}"
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
        # The sum rounded first: float sums differ in their last bits with the order of the
        # terms (which the database picks), and a mean on a rounding tie (x.xxx5) must not.
        total = round(self.goldstein_sum, 9)
        mean = None if not self.goldstein_n else round(total / self.goldstein_n, 3)
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
        start = period_start(day, by)
        bucket = buckets.get(start)
        if bucket is None:
            bucket = buckets[start] = _Bucket()
        bucket.add(quad, n, goldstein_sum, goldstein_n)
    if not buckets:
        return ()
    out = []
    empty = _Bucket()  # never added to: every quiet period reads it
    start, last = min(buckets), max(buckets)
    while start <= last:
        out.append(buckets.get(start, empty).period(start, by))
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
    type: str | None = None,
    min_confidence: float | None = None,
    directed: bool = False,
) -> tuple[DyadPeriod, ...]:
    """Events between ``a`` and ``b`` (either direction, and their joint actions; with
    ``directed``, only ``a`` acting on ``b``) per period: counts per quad class, total and
    mean Goldstein score; of one PLOVER ``type`` and at least ``min_confidence`` when given.
    Undated events are left out.

    The database counts per period and quad class, reading two ranges of the covering pair
    index (``a`` acting on ``b``, ``b`` acting on ``a``). An event with ``a`` and ``b`` on
    both sides has a row in each range and counts once: its rows are the actor x recipient
    cross product, so it also has an ``(a, a)`` and a ``(b, b)`` row, and the ``(a, a)``
    rows of events with a ``(b, b)`` row are counted back out. A joint action of ``a`` and
    ``b`` (no recipient, both among the actors) has no pair rows; it is read from one range
    of ``event_partners``.
    """
    from dyads.store.filters import EventFilter

    period_start(date.today(), by)  # refuse an unknown period before touching the database
    # the same checks as a query
    EventFilter(between=(a, b), since=since, until=until, min_confidence=min_confidence)
    a, b = a.upper(), b.upper()
    shape = _SeriesShape(
        by=by,
        dialect=engine.dialect.name,
        one_code=a == b or directed,
        since=since is not None,
        until=until is not None,
        type=type is not None,
        min_confidence=min_confidence is not None,
    )
    per_period = _series_statement(shape)
    values = {
        "a": a,
        "b": b,
        "since": since,
        "until": until,
        "type": (type or "").upper(),
        "min_confidence": min_confidence,
    }
    with engine.connect() as conn:
        counted = conn.execute(per_period, values).all()
    return bucket_counts(
        (
            (as_date(first), quad, int(n), float(total), int(n_scored))
            for first, quad, n, total, n_scored in counted
        ),
        by=by,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _SeriesShape:
    """What the counting query of ``dyad_series`` depends on besides its bound values:
    the period, the dialect, whether it reads one pair range only (``one_code``: one code
    twice, or one direction), and which optional filters it has."""

    by: str
    dialect: str
    one_code: bool
    since: bool
    until: bool
    type: bool
    min_confidence: bool


@cache
def _series_statement(shape: _SeriesShape) -> Select[Any]:
    """The counting query of ``dyad_series`` for one shape of request, built once: the
    codes (``:a``, ``:b``), dates (``:since``, ``:until``), ``:type`` and
    ``:min_confidence`` are bound when it runs."""
    from sqlalchemy import (
        Float,
        Integer,
        String,
        bindparam,
        case,
        exists,
        func,
        literal,
        select,
        union_all,
    )

    from dyads.store.schema import event_dyads as pairs
    from dyads.store.schema import event_partners as partners
    from dyads.store.schema import events

    a, b = (
        bindparam("a", type_=pairs.c.actor_country.type),
        bindparam("b", type_=pairs.c.actor_country.type),
    )

    def range_rows(columns: tuple[Any, Any], first: Any, second: Any, weight: int) -> Select[Any]:
        """Dated rows of the table of ``columns`` (its two country columns: actor and
        recipient, or country and partner) holding ``first`` and ``second``, each counting
        ``weight``, within the bounds."""
        one, two = columns
        table = one.table
        day = table.c.date
        statement = select(
            day, table.c.quad, table.c.goldstein, literal(weight, Integer).label("w")
        ).where(one == first, two == second, day.is_not(None))
        if shape.since:
            statement = statement.where(day >= bindparam("since", type_=day.type))
        if shape.until:
            statement = statement.where(day <= bindparam("until", type_=day.type))
        if shape.type or shape.min_confidence:  # only the event row knows these
            statement = statement.join(events, events.c.id == table.c.event_id)
        if shape.type:
            statement = statement.where(events.c.event == bindparam("type", type_=String()))
        if shape.min_confidence:
            bound = bindparam("min_confidence", type_=Float())
            statement = statement.where(events.c.confidence >= bound)
        return statement

    directed = (pairs.c.actor_country, pairs.c.recipient_country)
    parts = [range_rows(directed, a, b, 1)]
    if not shape.one_code:
        both = pairs.alias("both_sides")
        parts.append(range_rows(directed, b, a, 1))
        parts.append(
            range_rows(directed, a, a, -1).where(
                exists().where(
                    both.c.event_id == pairs.c.event_id,
                    both.c.actor_country == b,
                    both.c.recipient_country == b,
                )
            )
        )
        # a joint action has partner rows in both orders (and no pair rows): one counts it
        parts.append(range_rows((partners.c.country, partners.c.partner), a, b, 1))
    rows = union_all(*parts).subquery()
    start = period_sql(rows.c.date, shape.by, shape.dialect).label("start")
    scored = case((rows.c.goldstein.is_(None), 0), else_=rows.c.w)
    return select(
        start,
        rows.c.quad,
        func.sum(rows.c.w),
        func.coalesce(func.sum(rows.c.w * rows.c.goldstein), 0.0),
        func.sum(scored),
    ).group_by(start, rows.c.quad)


def period_sql(day: ColumnElement[Any], by: str, dialect: str) -> ColumnElement[Any]:
    """The SQL of ``period_start``: the day, its ISO week's Monday, its month's or its
    year's first day."""
    from sqlalchemy import Date, cast, func

    if by == "day":
        return day
    if dialect == "postgresql":
        return cast(func.date_trunc(by, day), Date)  # ISO weeks start on Monday
    if by == "week":  # the Sunday ending the ISO week, less six days
        return func.date(day, "weekday 0", "-6 days")
    return func.date(day, f"start of {by}")  # "start of month", "start of year"


def as_date(value: date | str) -> date:
    """SQLite hands a computed date back as ISO text."""
    return value if isinstance(value, date) else date.fromisoformat(value)


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
