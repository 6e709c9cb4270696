"""Canonical events: each coded event joins a stored happening or starts a new one."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, distinct, func, or_, select
from sqlalchemy.engine import Connection

from dyads.dedup.events import EventKey, choose_canonical, date_window, event_key
from dyads.records import ActorRef, Article, Event
from dyads.store.schema import (
    ACTOR_ROLE,
    RECIPIENT_ROLE,
    actors,
    event_actors,
    event_dyads,
    event_mentions,
    event_partners,
    events,
)
from dyads.store.sql import insert_ignore, update_by_id
from dyads.store.write_rows import (
    actor_id,
    actor_row,
    dyad_rows,
    event_row,
    mention_rows,
    partner_rows,
)


@dataclass(slots=True, kw_only=True)
class EventWrites:
    """What writing one article's events did."""

    new: int = 0
    merged: int = 0
    unasserted: int = 0  # negated or hypothetical reports, which the store does not hold
    touched: set[str] = field(default_factory=set)


def write_events(
    conn: Connection,
    article: Article,
    coded_events: tuple[Event, ...],
    *,
    story_id: str,
    now: datetime,
) -> EventWrites:
    """Merge or insert every event of ``article`` and record each report as a mention."""
    writes = EventWrites()
    for event in coded_events:
        if event.negated or event.hypothetical:
            writes.unasserted += 1
            continue
        key = event_key(event, story_id=story_id)
        target = choose_canonical(key, _stored_candidates(conn, key))
        if target is None:
            # a new happening keeps the id the coder gave its first report, so an event has
            # one id in ``dyads code`` and in the store (a report merged into a stored event
            # takes that event's id instead)
            target = event.id
            row = event_row(
                event,
                event_id=target,
                story_id=story_id,
                keys=(key.actor_key, key.recipient_key),
                now=now,
            )
            insert_ignore(conn, events, [row])
            insert_ignore(conn, event_dyads, dyad_rows(row))
            insert_ignore(conn, event_partners, partner_rows(row))
            writes.new += 1
        else:
            writes.merged += 1
        _add_actors(conn, target, event)
        insert_ignore(conn, event_mentions, mention_rows(event, event_id=target, article=article))
        writes.touched.add(target)
    return writes


def _stored_candidates(conn: Connection, key: EventKey) -> list[tuple[str, EventKey]]:
    same_story = events.c.story_id == key.story_id
    window = date_window(key)
    where = same_story if window is None else or_(same_story, events.c.date.between(*window))
    rows = conn.execute(
        select(events.c.id, events.c.story_id, events.c.date).where(
            and_(
                events.c.event == key.event,
                events.c.actor_key == key.actor_key,
                events.c.recipient_key == key.recipient_key,
                where,
            )
        )
    ).all()
    return [
        (
            row.id,
            EventKey(
                event=key.event,
                actor_key=key.actor_key,
                recipient_key=key.recipient_key,
                story_id=row.story_id,
                date=row.date,
            ),
        )
        for row in rows
    ]


def _add_actors(conn: Connection, event_id: str, event: Event) -> None:
    """Link the report's actors and recipients the canonical event does not list yet."""
    present = {
        (row.role, row.actor_id): row.position
        for row in conn.execute(
            select(event_actors.c.role, event_actors.c.actor_id, event_actors.c.position).where(
                event_actors.c.event_id == event_id
            )
        )
    }
    links: list[dict[str, object]] = []
    refs: list[ActorRef] = []
    for role, people in ((ACTOR_ROLE, event.actors), (RECIPIENT_ROLE, event.recipients)):
        position = sum(1 for r, _ in present if r == role)
        for ref in people:
            key = (role, actor_id(ref))
            if key in present:
                continue
            present[key] = position
            refs.append(ref)
            links.append(
                {"event_id": event_id, "role": role, "actor_id": key[1], "position": position}
            )
            position += 1
    insert_ignore(conn, actors, [actor_row(ref) for ref in refs])
    insert_ignore(conn, event_actors, links)


def refresh_events(conn: Connection, event_ids: Collection[str]) -> None:
    """Recount mentions (evidence sentences), articles and sites of each event."""
    if not event_ids:
        return
    reports = (
        select(
            event_mentions.c.event_id,
            event_mentions.c.article_id,
            event_mentions.c.site,
            event_mentions.c.start_char,
        )
        .distinct()
        .where(event_mentions.c.event_id.in_(sorted(event_ids)))
        .subquery()
    )
    rows = conn.execute(
        select(
            reports.c.event_id,
            func.count().label("mentions"),
            func.count(distinct(reports.c.article_id)).label("articles"),
            func.count(distinct(reports.c.site)).label("sites"),
        ).group_by(reports.c.event_id)
    ).all()
    update_by_id(
        conn,
        events,
        [
            {
                "row_id": row.event_id,
                "num_mentions": row.mentions,
                "num_articles": row.articles,
                # an article without a known site still comes from one source
                "num_sources": max(1, row.sites),
            }
            for row in rows
        ],
        columns=("num_mentions", "num_articles", "num_sources"),
    )
