"""Reads only the dashboard needs: the most active dyads and the places events happened.

Both aggregate over the store's ``events`` table in one ``GROUP BY`` and run unchanged on
SQLite and PostgreSQL.
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


# Pairs fetched before directions are merged: a pair appears at most twice (A->B, B->A), so
# four times the wanted number is enough unless many events have several actors.
_OVERFETCH = 4


def top_dyads(engine: Engine, *, limit: int = 10) -> tuple[DyadCount, ...]:
    """Country pairs with the most events, either direction, between single-code sides, and
    their joint actions (no recipient, the two countries the only actors), as the dyad page
    counts them."""
    count = func.count().label("n")
    query = (
        select(events.c.actor_key, events.c.recipient_key, count)
        .where(events.c.actor_key != "", events.c.recipient_key != "")
        .where(events.c.actor_key != events.c.recipient_key)
        .where(~events.c.actor_key.contains(","), ~events.c.recipient_key.contains(","))
        .group_by(events.c.actor_key, events.c.recipient_key)
        .order_by(count.desc())
        .limit(limit * _OVERFETCH)
    )
    # a joint action's actor key is its sorted countries: "JPN,KOR", exactly one comma
    joint = (
        select(events.c.actor_key, count)
        .where(events.c.recipient_key == "", events.c.actor_key.like("%,%"))
        .where(~events.c.actor_key.like("%,%,%"))
        .group_by(events.c.actor_key)
        .order_by(count.desc())
        .limit(limit * _OVERFETCH)
    )
    pairs: Counter[tuple[str, str]] = Counter()
    with engine.connect() as conn:
        for actor, recipient, n in conn.execute(query):
            a, b = sorted((actor, recipient))
            pairs[(a, b)] += int(n)
        for key, n in conn.execute(joint):
            a, b = key.split(",")
            pairs[(a, b)] += int(n)
    return tuple(DyadCount(a=a, b=b, events=n) for (a, b), n in pairs.most_common(limit))


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
