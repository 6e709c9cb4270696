"""Event counts per country or dyad and period, computed in the database.

What one row counts (the same on SQLite and PostgreSQL, and in ``dyads aggregate``,
``GET /aggregates`` and ``dyads.aggregate``):

- ``by="country"``: an event counts once for each distinct country code among its actors
  and recipients (``side="any"``), among its actors only (``side="actor"``) or among its
  recipients only (``side="recipient"``). "Turkey accused Russia" counts once for TUR and
  once for RUS; "Turkish and Kazakh ministers met Russia" once each for TUR, KAZ and RUS.
  The rows of one period therefore add up to more than the period's events.
- ``by="dyad"``, ``directed=True``: an event counts once for each (actor country, recipient
  country) pair of the cross product of its sides, domestic pairs (``TUR``, ``TUR``)
  included. An event with no recipient has no direction and is left out.
- ``by="dyad"``, ``directed=False``: an event counts once for each unordered pair
  (``country_a`` <= ``country_b``) of those pairs, so an event with TUR and RUS on both sides
  counts once for TUR-RUS; joint actions (no recipient, two or more actor countries, as in
  "Japan and South Korea agreed ...") count once for each pair of their actor countries.
  This is what ``dyads dyad A B`` counts.

Codes are those the store holds: ISO 3166-1 alpha-3 for states, and the codes of bodies that
belong to no one state (``IGO``, ``NGO``, ``IMG``), which get rows of their own. Undated
events are left out (they belong to no period); a period with no events has no row. The
filters are those of ``dyads events`` (``EventFilter``): they choose events, which then
count for every country or pair they involve (``actor="TUR"`` gives rows for Turkey and for
the other countries of Turkey's events).

The units of counting (event and country, or event and pair) are read from ``event_dyads``
and ``event_partners``; the counts, sums and the period arithmetic of
``summary.period_sql`` run in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from dyads.coding.lexicon import EVENT_TYPES
from dyads.errors import QueryError
from dyads.store.filters import (
    EventFilter,
    country_conditions,
    country_ranges,
    date_conditions,
    type_and_text_conditions,
)
from dyads.store.results import QUAD_CLASSES
from dyads.store.summary import PERIODS, as_date, period_label, period_sql

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Select, Subquery
    from sqlalchemy.engine import Engine

GROUPINGS = ("country", "dyad")
SIDES = ("any", "actor", "recipient")
OTHER_TYPE = "other"  # a stored event type outside the PLOVER types the coder emits


@dataclass(frozen=True, slots=True, kw_only=True)
class AggregateOptions:
    """What to count per: ``by`` country or dyad, ``period`` (day, ISO week, month or
    year), and for dyads whether the pair is ``directed``; for countries, which ``side``
    of an event a country must be on to count it."""

    by: str = "country"
    period: str = "month"
    directed: bool = True
    side: str = "any"

    def __post_init__(self) -> None:
        if self.by not in GROUPINGS:
            raise QueryError(f"unknown grouping {self.by!r}; one of {', '.join(GROUPINGS)}")
        if self.period not in PERIODS:
            raise QueryError(f"unknown period {self.period!r}; one of {', '.join(PERIODS)}")
        if self.side not in SIDES:
            raise QueryError(f"unknown side {self.side!r}; one of {', '.join(SIDES)}")
        # an option that does not apply is refused rather than ignored: a table that looks
        # like what was asked for and is not is worse than an error
        if self.by == "country" and not self.directed:
            raise QueryError("undirected applies to dyads (by dyad), not to countries")
        if self.by == "dyad" and self.side != "any":
            raise QueryError("side applies to countries (by country), not to dyads")

    @property
    def key_columns(self) -> tuple[str, ...]:
        if self.by == "country":
            return ("country",)
        return ("actor", "recipient") if self.directed else ("country_a", "country_b")


@dataclass(frozen=True, slots=True, kw_only=True)
class AggregateRow:
    """The events of one country (or dyad) in one period."""

    key: tuple[str, ...]  # the values of ``AggregateOptions.key_columns``
    period: str  # "2021-02-04", "2021-W05", "2021-02" or "2021"
    start: date  # first day of the period
    events: int
    quads: tuple[int, int, int, int]  # events per quad class 1..4
    types: tuple[int, ...]  # events per type of ``EVENT_TYPES``, then of other types
    goldstein_sum: float  # over events with a Goldstein score
    goldstein_mean: float | None
    mentions: int  # evidence sentences reporting the events
    sources: int  # distinct sites that reported any of the events


def type_columns() -> tuple[str, ...]:
    return (*(f"type_{t.lower()}" for t in EVENT_TYPES), f"type_{OTHER_TYPE}")


def aggregate_columns(options: AggregateOptions) -> tuple[str, ...]:
    """The flat columns of a row, in order (CSV header, Parquet and DataFrame columns)."""
    return (
        *options.key_columns,
        "period",
        "start",
        "events",
        *(f"quad{q}" for q in QUAD_CLASSES),
        *type_columns(),
        "goldstein_mean",
        "goldstein_sum",
        "mentions",
        "sources",
    )


def aggregate_record(row: AggregateRow) -> tuple[Any, ...]:
    """A row's values in the order of ``aggregate_columns``."""
    return (
        *row.key,
        row.period,
        row.start,
        row.events,
        *row.quads,
        *row.types,
        row.goldstein_mean,
        row.goldstein_sum,
        row.mentions,
        row.sources,
    )


def aggregate_events(
    engine: Engine, *, options: AggregateOptions, filter: EventFilter | None = None
) -> tuple[AggregateRow, ...]:
    """Counts of the dated events ``filter`` selects, per key and period, ordered by key
    then period (see the module docstring for what a row counts)."""
    flt = filter or EventFilter()
    statement = _statement(options, flt, engine.dialect.name)
    width = len(options.key_columns)
    with engine.connect() as conn:
        counted = conn.execute(statement).all()
    out = [_row(tuple(r), width, options.period) for r in counted]
    out.sort(key=lambda row: (row.key, row.start))
    return tuple(out)


def _row(values: tuple[Any, ...], width: int, period: str) -> AggregateRow:
    key, start, rest = values[:width], values[width], values[width + 1 :]
    events, q1, q2, q3, q4, *types = (int(v) for v in rest[: 5 + len(EVENT_TYPES)])
    goldstein_sum, goldstein_n, mentions, sources = rest[5 + len(EVENT_TYPES) :]
    # The sum rounded first: float sums differ in their last bits with the order of the
    # terms (which the database picks), and a mean on a rounding tie must not.
    total = round(float(goldstein_sum or 0.0), 9)
    first = as_date(start)
    return AggregateRow(
        key=tuple(str(k) for k in key),
        period=period_label(first, period),
        start=first,
        events=events,
        quads=(q1, q2, q3, q4),
        types=(*types, events - sum(types)),
        goldstein_sum=total,
        goldstein_mean=round(total / int(goldstein_n), 3) if goldstein_n else None,
        mentions=int(mentions or 0),
        sources=int(sources or 0),
    )


def _statement(options: AggregateOptions, flt: EventFilter, dialect: str) -> Select[Any]:
    """One query: the selected units with their events' columns as a CTE (read twice, so
    both databases compute it once), counted per key and period, beside the distinct sites
    of their mentions."""
    from sqlalchemy import Integer, and_, case, distinct, func, select

    from dyads.store.schema import event_mentions, events

    units = _units(options)
    names = options.key_columns
    start = period_sql(events.c.date, options.period, dialect).label("start")
    row = events.c
    selected = (
        select(*(units.c[n] for n in names), start, units.c.event_id, row.event, row.quad)
        .add_columns(row.goldstein, row.num_mentions)
        .select_from(units.join(events, events.c.id == units.c.event_id))
        .where(*_event_conditions(flt, dialect))
        .cte("selected")
    )
    keys = [selected.c[n] for n in (*names, "start")]

    def tally(condition: ColumnElement[bool]) -> ColumnElement[Any]:
        return func.sum(case((condition, 1), else_=0), type_=Integer)

    counts = (
        select(
            *keys,
            func.count().label("n"),
            *(tally(selected.c.quad == q).label(f"q{q}") for q in QUAD_CLASSES),
            *(tally(selected.c.event == t).label(f"t_{t}") for t in EVENT_TYPES),
            func.sum(selected.c.goldstein).label("g_sum"),
            func.count(selected.c.goldstein).label("g_n"),
            func.sum(selected.c.num_mentions).label("mentions"),
        )
        .group_by(*keys)
        .subquery("counts")
    )
    # an alias, so that the text filter's own subqueries on event_mentions stay its own
    reports = event_mentions.alias("reports")
    sites = (
        select(*keys, func.count(distinct(reports.c.site)).label("sources"))
        .select_from(selected.join(reports, reports.c.event_id == selected.c.event_id))
        .group_by(*keys)
        .subquery("sites")
    )
    same = and_(*(counts.c[n] == sites.c[n] for n in (*names, "start")))
    value_columns = [c for c in counts.c if c.name not in (*names, "start")]
    return select(
        *(counts.c[n] for n in (*names, "start")), *value_columns, sites.c.sources
    ).select_from(counts.outerjoin(sites, same))


def _units(options: AggregateOptions) -> Subquery:
    """One row per event and country (or pair of countries) it counts for."""
    from sqlalchemy import and_, case, select, union

    from dyads.store.schema import event_dyads, event_partners

    actor, recipient = event_dyads.c.actor_country, event_dyads.c.recipient_country
    event_id = event_dyads.c.event_id
    if options.by == "country":
        as_actor = select(event_id, actor.label("country")).where(actor != "")
        as_recipient = select(event_id, recipient.label("country")).where(recipient != "")
        if options.side == "actor":
            return as_actor.distinct().subquery("units")
        if options.side == "recipient":
            return as_recipient.distinct().subquery("units")
        return union(as_actor, as_recipient).subquery("units")
    both_sides = and_(actor != "", recipient != "")
    if options.directed:
        pairs = select(event_id, actor.label("actor"), recipient.label("recipient"))
        return pairs.where(both_sides).distinct().subquery("units")
    first = case((actor <= recipient, actor), else_=recipient).label("country_a")
    second = case((actor <= recipient, recipient), else_=actor).label("country_b")
    partners = event_partners
    joint = select(
        partners.c.event_id, partners.c.country.label("country_a"), partners.c.partner
    ).where(partners.c.country < partners.c.partner)
    return union(select(event_id, first, second).where(both_sides), joint).subquery("units")


def _event_conditions(flt: EventFilter, dialect: str) -> list[ColumnElement[bool]]:
    """``flt`` as conditions on ``events``: its country filters through the ranges of
    ``event_dyads``/``event_partners`` that ``country_ranges`` names, its type, text and
    dates as a list query applies them; undated events are left out."""
    from sqlalchemy import or_, select

    from dyads.store.schema import events

    conditions = country_conditions(flt) + type_and_text_conditions(flt, dialect)
    conditions += date_conditions(flt, events.c.date, dated=True)
    ranges = country_ranges(flt)
    if ranges:
        conditions.append(
            or_(*(events.c.id.in_(select(rows.c.event_id).where(w)) for rows, w in ranges))
        )
    return conditions
