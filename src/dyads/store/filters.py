"""Which events a query wants: ``EventFilter``, its SQL conditions and the page cursor.

Conditions are SQLAlchemy Core expressions that run unchanged on SQLite and PostgreSQL;
only full-text search differs (FTS5 ``MATCH`` against ``plainto_tsquery``), chosen by the
engine's dialect name.

Country filters read ``event_dyads`` (one row per actor x recipient country pair of an
event, with covering indexes by actor, by recipient and by pair, each then by date), and a
dyad also ``event_partners`` (the pairs of actor countries of a joint action, an event with
no recipient): a page of one country's or one dyad's events is read newest first from one to
three index ranges and stops at the page's end, never scanning the whole events table or
all of that country's rows; codes match whole (``TU`` never hits ``TUR``).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from dyads.errors import QueryError

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.sql.elements import ColumnElement

# A page of 50 events fills a terminal or a web table; callers ask for more explicitly.
DEFAULT_LIMIT = 50
# The most one page may hold: bounds the memory and time of one API or CLI request.
# Streaming exports page through everything with ``iter_events`` instead.
MAX_LIMIT = 1000
# Characters of a bad cursor quoted back in its error: enough to recognise it.
MAX_CURSOR_SHOWN = 80
_CODE = re.compile(r"[A-Za-z]{2,8}")
_WORD = re.compile(r"\w+")
# What an event id is (a sha256 hex digest, ``events.id``): a cursor naming anything else
# was not issued by ``query_events``.
_EVENT_ID = re.compile(r"[0-9a-f]{64}")
_SQLITE_FTS_ROWIDS = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :words"


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Which events to return. Every field narrows; ``None`` means "any".

    ``actor``/``recipient``: an ISO-3 (or IGO) code among the event's actors/recipients.
    ``between``: two codes, one among the actors and the other among the recipients, in
    either direction; or two different codes both among the actors of an event with no
    recipient (a joint action: "Japan and South Korea agreed ..."). ``since``/``until``:
    inclusive event dates. ``text``: words that all occur in an article reporting the event
    (full-text index) or in an evidence sentence. ``cursor``: the ``next_cursor`` of the
    previous page.
    """

    actor: str | None = None
    recipient: str | None = None
    between: tuple[str, str] | None = None
    type: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None
    limit: int = DEFAULT_LIMIT
    cursor: str | None = None
    # the coder's confidence is at least this (0 to 1)
    min_confidence: float | None = None

    def __post_init__(self) -> None:
        codes = [self.actor, self.recipient, *(self.between or ())]
        for code in codes:
            if code is not None and not _CODE.fullmatch(code):
                raise QueryError(f"not an actor code: {code!r} (expected e.g. TUR or NATO)")
        if not 1 <= self.limit <= MAX_LIMIT:
            raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {self.limit}")
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"since {self.since} is after until {self.until}")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise QueryError(f"min_confidence must be between 0 and 1, not {self.min_confidence}")


class MalformedCursor(QueryError):
    """A cursor that ``Cursor.encode`` did not write: not base64, not JSON, or JSON that
    names no date and event id."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Cursor:
    """Where a page ended: the (date, id) of its last event in the order of the query."""

    date: date | None
    id: str

    def encode(self) -> str:
        raw = json.dumps([None if self.date is None else self.date.isoformat(), self.id])
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Cursor:
        """The cursor ``encode`` wrote as ``text``; ``MalformedCursor`` for anything else,
        including JSON that decodes but is not a date (or null) and an event id."""
        shown = text if len(text) <= MAX_CURSOR_SHOWN else text[:MAX_CURSOR_SHOWN] + "..."
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            value = json.loads(raw)
        except (binascii.Error, ValueError) as exc:  # UnicodeDecodeError is a ValueError
            raise MalformedCursor(f"malformed cursor {shown!r}") from exc
        if not (isinstance(value, list) and len(value) == 2):
            raise MalformedCursor(f"malformed cursor {shown!r}: not a [date, id] pair")
        day, event_id = value
        if not (isinstance(event_id, str) and _EVENT_ID.fullmatch(event_id)):
            raise MalformedCursor(f"malformed cursor {shown!r}: not an event id")
        if day is None:
            return cls(date=None, id=event_id)
        try:
            if not isinstance(day, str) or len(day) != len("2021-01-01"):
                raise ValueError(day)
            return cls(date=date.fromisoformat(day), id=event_id)
        except ValueError as exc:
            raise MalformedCursor(f"malformed cursor {shown!r}: not a date") from exc


def has_code(role: str, code: str) -> ColumnElement[bool]:
    """Events with an actor (``role="actor"``) or recipient of country ``code``: one lookup
    of the event's pair rows by primary key."""
    from sqlalchemy import exists

    from dyads.store.schema import ACTOR_ROLE, event_dyads, events

    rows = event_dyads.alias("has_code")
    column = rows.c.actor_country if role == ACTOR_ROLE else rows.c.recipient_country
    return exists().where(rows.c.event_id == events.c.id, column == code.upper())


def country_ranges(flt: EventFilter) -> list[tuple[Table, ColumnElement[bool]]]:
    """Conditions on ``event_dyads`` or ``event_partners``, each one range of one of their
    indexes, whose rows together belong to exactly the events that ``flt``'s country
    filters select (with ``between``, before its ``actor``/``recipient``, which
    ``country_conditions`` adds), each with the table it reads. Empty when ``flt`` filters
    on no country.

    Pair rows are the cross product of an event's actor and recipient countries, so "``a``
    among the actors and ``r`` among the recipients" is the one range ``(a, r)``. A joint
    action of ``a`` and ``b`` has partner rows in both orders, so the one range ``(a, b)``.
    """
    from sqlalchemy import and_

    from dyads.store.schema import event_dyads, event_partners

    actor, recipient = event_dyads.c.actor_country, event_dyads.c.recipient_country
    if flt.between:
        a, b = flt.between[0].upper(), flt.between[1].upper()
        if a == b:
            return [(event_dyads, and_(actor == a, recipient == a))]
        together = and_(event_partners.c.country == a, event_partners.c.partner == b)
        return [
            (event_dyads, and_(actor == a, recipient == b)),
            (event_dyads, and_(actor == b, recipient == a)),
            (event_partners, together),
        ]
    if flt.actor and flt.recipient:
        return [(event_dyads, and_(actor == flt.actor.upper(), recipient == flt.recipient.upper()))]
    if flt.actor:
        return [(event_dyads, actor == flt.actor.upper())]
    if flt.recipient:
        return [(event_dyads, recipient == flt.recipient.upper())]
    return []


def country_conditions(flt: EventFilter) -> list[ColumnElement[bool]]:
    """The country filters ``country_ranges`` leaves out, as conditions on ``events``."""
    from dyads.store.schema import ACTOR_ROLE, RECIPIENT_ROLE

    if not flt.between:
        return []
    conditions: list[ColumnElement[bool]] = []
    if flt.actor:
        conditions.append(has_code(ACTOR_ROLE, flt.actor))
    if flt.recipient:
        conditions.append(has_code(RECIPIENT_ROLE, flt.recipient))
    return conditions


def words(text: str | None) -> list[str]:
    """The words of a free-text query (punctuation and operators dropped)."""
    return _WORD.findall(text or "")


def text_condition(query: list[str], dialect: str) -> ColumnElement[bool]:
    """Events reported by an article matching every word, or with a sentence holding them."""
    from sqlalchemy import and_, exists, func, or_, select, text

    from dyads.store.schema import PG_FTS_COLUMN, articles, event_mentions, events

    mentions = event_mentions
    in_sentence = exists().where(
        mentions.c.event_id == events.c.id,
        and_(
            *(func.lower(mentions.c.sentence).contains(w.lower(), autoescape=True) for w in query)
        ),
    )
    if dialect == "postgresql":
        match = text(f"{PG_FTS_COLUMN} @@ plainto_tsquery('english', :words)")
        match = match.bindparams(words=" ".join(query))
    else:
        # each word quoted, so FTS5 reads it as a term and never as an operator (AND, NEAR)
        match = text(f"articles.rowid IN ({_SQLITE_FTS_ROWIDS})")
        match = match.bindparams(words=" ".join(f'"{w}"' for w in query))
    in_article = events.c.id.in_(
        select(mentions.c.event_id).where(
            mentions.c.article_id.in_(select(articles.c.id).where(match))
        )
    )
    return or_(in_article, in_sentence)


def type_and_text_conditions(flt: EventFilter, dialect: str) -> list[ColumnElement[bool]]:
    """The conditions of ``flt`` on an event's type and on the text reporting it."""
    from dyads.store.schema import events

    conditions: list[ColumnElement[bool]] = []
    if flt.type:
        conditions.append(events.c.event == flt.type.upper())
    if query := words(flt.text):
        conditions.append(text_condition(query, dialect))
    return conditions


def date_conditions(
    flt: EventFilter, date_col: ColumnElement[Any], *, dated: bool
) -> list[ColumnElement[bool]]:
    """The dated events (``dated``) or the undated ones (which come after all dated ones in
    the order of a list), with ``since``/``until`` on ``date_col``: no undated event is
    within dates."""
    from sqlalchemy import false

    if not dated:
        return [date_col.is_(None)] if not (flt.since or flt.until) else [false()]
    conditions: list[ColumnElement[bool]] = [date_col.is_not(None)]
    if flt.since:
        conditions.append(date_col >= flt.since)
    if flt.until:
        conditions.append(date_col <= flt.until)
    return conditions


def after_cursor(
    cursor: Cursor, date_col: ColumnElement[Any], id_col: ColumnElement[Any], *, dated: bool
) -> list[ColumnElement[bool]]:
    """Events after ``cursor`` in the order date descending (undated last), then id, among
    the dated events (``dated``) or the undated ones. The date range comes first, so an
    index on (date, id) is read from the cursor on."""
    from sqlalchemy import false, or_

    if not dated:
        return [] if cursor.date is not None else [id_col > cursor.id]
    if cursor.date is None:
        return [false()]  # every dated event comes before an undated one
    return [date_col <= cursor.date, or_(date_col < cursor.date, id_col > cursor.id)]


def confidence_conditions(flt: EventFilter) -> list[ColumnElement[bool]]:
    """The events whose confidence is at least ``flt.min_confidence``."""
    from dyads.store.schema import events

    if flt.min_confidence is None:
        return []
    return [events.c.confidence >= flt.min_confidence]
