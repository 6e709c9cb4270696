"""Reads only the dashboard needs: the most active dyads, the places events happened, how
many events a list holds and its chart, and a country's partners.

Everything the API also answers (event pages, a dyad's series, the store's counts) the
pages read through the API's own functions in ``dyads.store.query``; the questions here
are asked by the dashboard alone. A list's count and chart select their events with
``selected_events``, the selection of ``query_events``, so they count what its pages hold.
All aggregate in the database with ``GROUP BY`` and run unchanged on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, func, select, union

from dyads.store.filters import EventFilter
from dyads.store.query import event_conditions, selected_events
from dyads.store.schema import events
from dyads.store.summary import bucket_counts

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

    from dyads.store.results import DyadPeriod


@dataclass(frozen=True, slots=True, kw_only=True)
class DyadCount:
    a: str
    b: str
    events: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceCount:
    name: str
    country: str | None
    lat: float
    lon: float
    events: int


def top_dyads(engine: Engine, *, limit: int = 10) -> tuple[DyadCount, ...]:
    """Pairs of countries with the most events between them, as the dyad page counts them:
    either acting on the other, or both acting together with no recipient; an event counts
    once for each pair of its countries it is between.

    Three counts in the database: the directed pair rows (a scan of their covering index),
    the joint actions' partner rows, and the few events that have two countries on both
    sides, whose pair has a row in each direction and is counted back out once.
    """
    from itertools import combinations

    from dyads.store.schema import event_dyads, event_partners

    acting, acted_on = event_dyads.c.actor_country, event_dyads.c.recipient_country
    directed = (
        select(acting, acted_on, func.count())
        .where(acting != "", acted_on != "", acting != acted_on)
        .group_by(acting, acted_on)
    )
    # a joint action has its partner rows in both orders: one of them names the pair
    country, partner = event_partners.c.country, event_partners.c.partner
    joint = (
        select(country, partner, func.count()).where(country < partner).group_by(country, partner)
    )
    # only an event with two countries on both sides can have A->B and B->A rows
    actor_key, recipient_key = events.c.actor_key, events.c.recipient_key
    crossed = (
        select(actor_key, recipient_key, func.count())
        .where(actor_key.like("%,%"), recipient_key.like("%,%"))
        .group_by(actor_key, recipient_key)
    )
    pairs: Counter[tuple[str, str]] = Counter()
    with engine.connect() as conn:
        for a, b, n in [*conn.execute(directed), *conn.execute(joint)]:
            pairs[(a, b) if a < b else (b, a)] += int(n)
        for actors, recipients, n in conn.execute(crossed):
            both = sorted(set(actors.split(",")) & set(recipients.split(",")))
            for pair in combinations(both, 2):
                pairs[pair] -= int(n)
    ranked = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
    return tuple(DyadCount(a=a, b=b, events=n) for (a, b), n in ranked[:limit])


def event_places(engine: Engine, *, limit: int = 2000) -> tuple[PlaceCount, ...]:
    """Places with coordinates and how many events happened there, most first."""
    count = func.count().label("n")
    lat, lon = events.c.place_lat, events.c.place_lon
    query = (
        select(events.c.place_name, events.c.place_country, lat, lon, count)
        .where(lat.is_not(None), lon.is_not(None))
        .group_by(events.c.place_name, events.c.place_country, lat, lon)
        .order_by(count.desc(), events.c.place_name)
        .limit(limit)
    )
    with engine.connect() as conn:
        return tuple(
            PlaceCount(name=name or "", country=country, lat=y, lon=x, events=int(n))
            for name, country, y, x, n in conn.execute(query)
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerCount:
    """A country's partner: the events between them (as the dyad page counts them)."""

    code: str
    events: int
    goldstein_mean: float | None


def count_events(engine: Engine, *, filter: EventFilter) -> int:
    """How many events ``filter`` selects across all its pages ("37 events match")."""
    selected = selected_events(filter, engine.dialect.name, scores=False)
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(selected)).scalar_one())


def event_series(
    engine: Engine, *, filter: EventFilter, by: str = "month"
) -> tuple[DyadPeriod, ...]:
    """The events ``filter`` selects per period, by quad class, with the mean Goldstein
    score: the chart of a list, counting what its pages hold (undated events aside)."""
    rows = selected_events(filter, engine.dialect.name)
    goldstein = rows.c.goldstein
    query = (
        select(
            rows.c.date,
            rows.c.quad,
            func.count(),
            func.coalesce(func.sum(goldstein), 0.0),
            func.count(goldstein),
        )
        .where(rows.c.date.is_not(None))
        .group_by(rows.c.date, rows.c.quad)
    )
    with engine.connect() as conn:
        counted = conn.execute(query).all()
    return bucket_counts(
        (
            (_as_date(day), quad, int(n), float(total), int(scored))
            for day, quad, n, total, scored in counted
        ),
        by=by,
    )


def country_partners(
    engine: Engine, code: str, *, filter: EventFilter, limit: int = 50
) -> tuple[PartnerCount, ...]:
    """The countries (and organisation codes) ``code`` has events with, most events first:
    it acting on them, they on it, or both acting together, each event once per partner;
    within ``filter``'s dates, type, confidence and words (its own countries aside)."""
    from dyads.store.schema import event_dyads, event_partners

    code = code.upper()
    rest = replace(filter, actor=None, recipient=None, between=None, cursor=None)
    others = event_conditions(rest, engine.dialect.name)
    acting, acted_on = event_dyads.c.actor_country, event_dyads.c.recipient_country
    sides = (
        (event_dyads, acted_on, acting == code),
        (event_dyads, acting, acted_on == code),
        (event_partners, event_partners.c.partner, event_partners.c.country == code),
    )
    branches = []
    for table, partner, where in sides:
        branch = select(partner.label("partner"), table.c.event_id, table.c.goldstein).where(
            where, partner != code, partner != "", *_within_dates(rest, table.c.date)
        )
        if others:
            joined = table.join(events, events.c.id == table.c.event_id)
            branch = branch.select_from(joined).where(*others)
        branches.append(branch)
    rows = union(*branches).subquery()  # an event once per partner, whichever its side
    count = func.count().label("n")
    query = (
        select(rows.c.partner, count, func.sum(rows.c.goldstein), func.count(rows.c.goldstein))
        .group_by(rows.c.partner)
        .order_by(count.desc(), rows.c.partner)
        .limit(limit)
    )
    with engine.connect() as conn:
        return tuple(
            PartnerCount(code=partner, events=int(n), goldstein_mean=_mean(total, scored))
            for partner, n, total, scored in conn.execute(query)
        )


def _within_dates(flt: EventFilter, day: ColumnElement[Any]) -> list[ColumnElement[bool]]:
    """``flt``'s date range on ``day`` (none when it has no range)."""
    out: list[ColumnElement[bool]] = []
    if flt.since:
        out.append(day >= flt.since)
    if flt.until:
        out.append(day <= flt.until)
    return out


def _mean(total: float | None, n: int) -> float | None:
    """A mean Goldstein score to two places. The sum is rounded first: float sums differ in
    their last bits with the order of the terms (which the database picks), and a mean on
    a rounding tie (x.xx5) must not."""
    if not n or total is None:
        return None
    return round(round(float(total), 9) / n, 2)


def organisations_between(engine: Engine, code: str, other: str) -> tuple[str, ...]:
    """The names of the organisations under ``code`` (an organisation code such as IGO)
    that take part in the events between ``code`` and ``other``: what "IGO" stands for on
    that dyad (the European Union, the United Nations), in name order."""
    from dyads.store.schema import actors, event_actors, event_dyads, event_partners

    acting, acted_on = event_dyads.c.actor_country, event_dyads.c.recipient_country
    between = union(
        select(event_dyads.c.event_id).where(acting == code, acted_on == other),
        select(event_dyads.c.event_id).where(acting == other, acted_on == code),
        select(event_partners.c.event_id).where(
            event_partners.c.country == code, event_partners.c.partner == other
        ),
    ).subquery()
    query = (
        select(actors.c.name)
        .join(event_actors, event_actors.c.actor_id == actors.c.id)
        .where(actors.c.country == code, event_actors.c.event_id.in_(select(between.c.event_id)))
        .group_by(actors.c.name)
        .order_by(actors.c.name)
    )
    with engine.connect() as conn:
        return tuple(str(name) for name in conn.execute(query).scalars())


def _as_date(value: date | str) -> date:
    """SQLite hands a date read through a union back as ISO text."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def actor_codes(engine: Engine) -> tuple[str, ...]:
    """Every country or organisation code some stored actor has: what a country picker
    offers. Read from the small ``actors`` table (every actor there takes part in an
    event), not by counting events per code as ``GET /actors`` does."""
    from dyads.store.schema import actors

    query = select(actors.c.country).where(actors.c.country.is_not(None)).distinct()
    with engine.connect() as conn:
        return tuple(sorted(str(code) for code in conn.execute(query).scalars() if code))
