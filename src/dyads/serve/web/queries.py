"""Reads only the dashboard needs: the most active dyads and the places events happened.

Both aggregate in the database with ``GROUP BY`` (the dyads over the country pair tables,
the places over ``events``) and run unchanged on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from dyads.store.schema import events


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
