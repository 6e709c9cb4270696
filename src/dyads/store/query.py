"""The read side of the store: typed queries for the CLI, the exporters and the REST API.

Filters go in as ``EventFilter``, results come out as the frozen records of ``results.py``.
Every function takes an ``Engine`` from ``open_store`` and runs unchanged on SQLite and
PostgreSQL. Event lists are keyset-paginated in one stable order (date descending, undated
last, then id), so a page never repeats or skips an event while others are being written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from dyads.records import ActorRef, Evidence
from dyads.store.filters import (
    Cursor,
    EventFilter,
    after_cursor,
    confidence_conditions,
    country_conditions,
    country_ranges,
    date_conditions,
    type_and_text_conditions,
)
from dyads.store.readback import (
    actor_from_row,
    article_from_row,
    event_from_row,
    evidence_from_row,
    parse_published,
)
from dyads.store.results import (
    ArticleView,
    EventDetail,
    EventPage,
    MarkedEvidence,
    StoredEvent,
    StoredMention,
)
from dyads.store.summary import dyad_series, list_actors, stats

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Select, Subquery
    from sqlalchemy.engine import Connection, Engine, RowMapping

__all__ = [
    "EventFilter",
    "dyad_series",
    "event_conditions",
    "get_article",
    "get_event",
    "iter_events",
    "list_actors",
    "query_events",
    "selected_events",
    "stats",
]

# Events fetched per round trip when ``iter_events`` streams a whole result (exports):
# large enough that round trips cost little, small enough to hold in memory.
STREAM_PAGE = 1000


def query_events(engine: Engine, *, filter: EventFilter) -> EventPage:
    """One page of the events ``filter`` selects, and the cursor of the next page."""
    cursor = Cursor.decode(filter.cursor) if filter.cursor else None
    with engine.connect() as conn:
        rows = _page_rows(conn, filter, cursor, engine.dialect.name)
        page = rows[: filter.limit]
        mentions = _mention_rows(conn, [row["id"] for row in page], first_only=True)
        items = _stored_events(conn, page, mentions)
    next_cursor = None
    if len(rows) > filter.limit:
        last = items[-1].event
        next_cursor = Cursor(date=last.date, id=last.id).encode()
    return EventPage(items=items, next_cursor=next_cursor)


def _page_rows(
    conn: Connection, flt: EventFilter, cursor: Cursor | None, dialect: str
) -> list[RowMapping]:
    """The ``events`` rows of a page and of the first event after it, in list order: the
    dated events newest first, then (once a page reaches them) the undated ones."""
    from sqlalchemy import select

    from dyads.store.schema import events

    want = flt.limit + 1
    rows: list[RowMapping] = []
    for dated in (True, False):
        if len(rows) < want:
            more = want - len(rows)
            keys = _ordered_ids(flt, dialect, dated=dated, cursor=cursor, limit=more).subquery()
            day, event_id = keys.c
            statement = (
                select(events)
                .join(keys, events.c.id == event_id)
                .order_by(*((day.desc(), event_id) if dated else (event_id,)))
            )
            rows += conn.execute(statement).mappings().all()
    return rows


def event_conditions(flt: EventFilter, dialect: str) -> list[ColumnElement[bool]]:
    """The conditions of ``flt`` on ``events`` beside its country ranges and dates."""
    return (
        country_conditions(flt)
        + type_and_text_conditions(flt, dialect)
        + confidence_conditions(flt)
    )


def selected_events(flt: EventFilter, dialect: str, *, scores: bool = True) -> Subquery:
    """Every event ``flt`` selects, whatever its page size and cursor, each once: its
    ``event_id`` and, with ``scores``, the ``date``, ``quad`` and ``goldstein`` a chart of
    them needs. What a list's count and chart read, so that both agree with the pages
    ``query_events`` returns. With a country filter the columns come from the pair (or
    partner) rows themselves, which carry them; without ``scores`` (a count) a country's
    rows are read from its index alone."""
    from sqlalchemy import select, union

    from dyads.store.schema import events

    others = event_conditions(flt, dialect)
    ranges = country_ranges(flt)
    if not ranges:
        dates = date_conditions(flt, events.c.date, dated=True) if flt.since or flt.until else []
        columns: list[ColumnElement[Any]] = [events.c.id.label("event_id")]
        if scores:
            columns += [events.c.date, events.c.quad, events.c.goldstein]
        return select(*columns).where(*others, *dates).subquery()
    branches = []
    for rows, where in ranges:
        columns = [rows.c.event_id]
        if scores:
            columns += [rows.c.date, rows.c.quad, rows.c.goldstein]
        branch = select(*columns).where(where)
        if flt.since or flt.until:
            branch = branch.where(*date_conditions(flt, rows.c.date, dated=True))
        if others:
            joined = rows.join(events, events.c.id == rows.c.event_id)
            branch = branch.select_from(joined).where(*others)
        branches.append(branch)
    if len(branches) == 1:  # an event has one pair row per pair of its countries
        return branches[0].distinct().subquery()
    return union(*branches).subquery()


def _ordered_ids(
    flt: EventFilter, dialect: str, *, dated: bool, cursor: Cursor | None, limit: int
) -> Select[Any]:
    """(date, id) of the first ``limit`` dated (or undated) events ``flt`` selects after
    ``cursor``, in list order.

    With a country filter the rows come from ``event_dyads`` (and for a dyad also from
    ``event_partners``), one index range per condition of ``country_ranges`` read in date
    order from the cursor on, and stop at ``limit``; the ranges of a dyad (both directions
    and the joint actions) are merged, an event in several counted once. Other filters join
    the event to each range row.
    """
    from sqlalchemy import select, union

    from dyads.store.schema import events

    others = event_conditions(flt, dialect)
    ranges = country_ranges(flt)
    if not ranges:
        statement = select(events.c.date, events.c.id).where(*others)
        return _in_order(statement, (events.c.date, events.c.id), flt, dated, cursor, limit)
    # An event has one row per pair of its countries: a range on one country may hold it
    # several times, a range on a pair (what ``between`` and actor plus recipient read)
    # once, and needs no DISTINCT. On PostgreSQL GROUP BY rather than DISTINCT: it then
    # reads the index in date order and stops at the page's end, where DISTINCT hashed
    # every row of the country first (``EXPLAIN ANALYZE`` of ``actor=TUR`` over 100,000
    # events: 0.2 ms against 16 ms). SQLite is the other way round (0.07 ms against 27).
    one_row_each = flt.between is not None or bool(flt.actor and flt.recipient)
    branches = []
    for rows, where in ranges:
        branch = select(rows.c.date, rows.c.event_id).where(where)
        if not one_row_each and dialect == "postgresql":
            branch = branch.group_by(rows.c.date, rows.c.event_id)
        elif not one_row_each:
            branch = branch.distinct()
        if others:
            joined = rows.join(events, events.c.id == rows.c.event_id)
            branch = branch.select_from(joined).where(*others)
        key = (rows.c.date, rows.c.event_id)
        branches.append(_in_order(branch, key, flt, dated, cursor, limit))
    if len(branches) == 1:
        return branches[0]
    merged = union(*(select(branch.subquery()) for branch in branches)).subquery()
    statement = select(merged.c.date, merged.c.event_id)
    order = (merged.c.date.desc(), merged.c.event_id) if dated else (merged.c.event_id,)
    return statement.order_by(*order).limit(limit)


def _in_order(  # noqa: PLR0917 -- the parts of one query, passed along from _ordered_ids
    statement: Select[Any],
    key: tuple[ColumnElement[Any], ColumnElement[Any]],
    flt: EventFilter,
    dated: bool,
    cursor: Cursor | None,
    limit: int,
) -> Select[Any]:
    """``statement`` restricted to the dated (or undated) events after ``cursor``, in list
    order by ``key`` (date, id), at most ``limit`` rows."""
    date_col, id_col = key
    statement = statement.where(*date_conditions(flt, date_col, dated=dated))
    if cursor is not None:
        statement = statement.where(*after_cursor(cursor, date_col, id_col, dated=dated))
    order = (date_col.desc(), id_col) if dated else (id_col,)
    return statement.order_by(*order).limit(limit)


def iter_events(
    engine: Engine, *, filter: EventFilter, page_size: int = STREAM_PAGE
) -> Iterator[StoredEvent]:
    """Every event ``filter`` selects, page by page (``filter.limit`` is ignored)."""
    current = replace(filter, limit=page_size)
    while True:
        page = query_events(engine, filter=current)
        yield from page.items
        if page.next_cursor is None:
            return
        current = replace(current, cursor=page.next_cursor)


def get_event(engine: Engine, event_id: str) -> EventDetail | None:
    """An event with its actors, recipients, place and every mention, or None."""
    from sqlalchemy import select

    from dyads.store.schema import events

    with engine.connect() as conn:
        row = conn.execute(select(events).where(events.c.id == event_id)).mappings().first()
        if row is None:
            return None
        mentions = _mention_rows(conn, [event_id], first_only=False)
        (stored,) = _stored_events(conn, [row], mentions)
    return EventDetail(
        stored=stored,
        mentions=tuple(
            StoredMention(
                evidence=evidence_from_row(m),
                article_id=m["article_id"],
                title=m["title"],
                url=m["url"],
                site=m["article_site"],
                published=parse_published(m["published"]),
            )
            for m in mentions
        ),
    )


def get_article(engine: Engine, article_id: str) -> ArticleView | None:
    """An article (paragraphs, boilerplate apart) and every event mention in it, or None."""
    from sqlalchemy import select

    from dyads.store.schema import articles, boilerplate_blocks, event_mentions, events

    with engine.connect() as conn:
        row = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
        if row is None:
            return None
        blocks = conn.execute(
            select(boilerplate_blocks)
            .where(boilerplate_blocks.c.article_id == article_id)
            .order_by(boilerplate_blocks.c.position)
        ).mappings()
        article = article_from_row(row, blocks)
        marks = conn.execute(
            select(event_mentions, events.c.event)
            .join(events, events.c.id == event_mentions.c.event_id)
            .where(event_mentions.c.article_id == article_id)
            .order_by(event_mentions.c.start_char, events.c.event, events.c.id)
        ).mappings()
        evidence = tuple(
            MarkedEvidence(
                event_id=m["event_id"],
                event=m["event"],
                start=m["start_char"],
                end=m["end_char"],
                sentence=m["sentence"],
                trigger_start=m["trigger_start"],
                trigger_end=m["trigger_end"],
            )
            for m in marks
        )
    return ArticleView(article=article, evidence=evidence)


def _stored_events(
    conn: Connection, rows: Sequence[RowMapping], mentions: Sequence[RowMapping]
) -> tuple[StoredEvent, ...]:
    """``events`` rows with their actors and the evidence of ``mentions`` (ordered so that
    each event's first mention comes first)."""
    actors = _actors_by_event(conn, [row["id"] for row in rows])
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    first: dict[str, RowMapping] = {}
    for mention in mentions:
        evidence[mention["event_id"]].append(evidence_from_row(mention))
        first.setdefault(mention["event_id"], mention)
    out = []
    for row in rows:
        by_role = actors.get(row["id"], {})
        event = event_from_row(
            row,
            actors=tuple(by_role.get("actor", ())),
            recipients=tuple(by_role.get("recipient", ())),
            evidence=tuple(evidence.get(row["id"], ())),
        )
        article = first.get(row["id"])
        out.append(
            StoredEvent(
                event=event,
                num_mentions=row["num_mentions"],
                num_articles=row["num_articles"],
                num_sources=row["num_sources"],
                url=None if article is None else article["url"],
                title=None if article is None else article["title"],
                site=None if article is None else article["article_site"],
                language=None if article is None else article["language"],
                tone=None if article is None else article["tone"],
                added=_utc(row["first_seen"]),
            )
        )
    return tuple(out)


def _actors_by_event(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, list[ActorRef]]]:
    out: dict[str, dict[str, list[ActorRef]]] = defaultdict(lambda: defaultdict(list))
    if not ids:
        return out
    known: dict[str, ActorRef] = {}  # a page names the same few actors again and again
    for row in conn.execute(_actors_statement(), {"ids": list(ids)}).mappings():
        actor = known.get(row["id"])
        if actor is None:
            actor = known[row["id"]] = actor_from_row(row)
        out[row["event_id"]][row["role"]].append(actor)
    return out


@cache
def _actors_statement() -> Select[Any]:
    from sqlalchemy import bindparam, select

    from dyads.store.schema import actors, event_actors

    return (
        select(event_actors.c.event_id, event_actors.c.role, actors)
        .join(actors, actors.c.id == event_actors.c.actor_id)
        .where(event_actors.c.event_id.in_(bindparam("ids", expanding=True)))
        .order_by(event_actors.c.event_id, event_actors.c.role, event_actors.c.position)
    )


def _mention_rows(conn: Connection, ids: Sequence[str], *, first_only: bool) -> list[RowMapping]:
    """Mentions of ``ids`` with their article, earliest published first (then article id,
    sentence): with ``first_only``, one per event, picked by a window function."""
    if not ids:
        return []
    statement = _mentions_statement(first_only=first_only)
    return list(conn.execute(statement, {"ids": list(ids)}).mappings())


@cache
def _mentions_statement(*, first_only: bool) -> Select[Any]:
    from sqlalchemy import bindparam, func, select

    from dyads.store.schema import articles, event_mentions

    order = (
        articles.c.published_date.asc().nulls_last(),
        event_mentions.c.article_id,
        event_mentions.c.sentence_index,
        event_mentions.c.id,
    )
    rank = func.row_number().over(partition_by=event_mentions.c.event_id, order_by=order)
    inner = (
        select(
            event_mentions,
            articles.c.title,
            articles.c.url,
            articles.c.site.label("article_site"),
            articles.c.language,
            articles.c.tone,
            articles.c.published,
            rank.label("rank"),
        )
        .join(articles, articles.c.id == event_mentions.c.article_id)
        .where(event_mentions.c.event_id.in_(bindparam("ids", expanding=True)))
        .subquery()
    )
    statement = select(inner).order_by(inner.c.event_id, inner.c.rank)
    if first_only:
        statement = statement.where(inner.c.rank == 1)
    return statement


def _utc(value: datetime | None) -> datetime | None:
    """Stored times are UTC; SQLite hands them back without their zone."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)
