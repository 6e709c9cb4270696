"""What the read side of the store returns: frozen records built from rows.

``query.py`` fills these; the CLI, the exporters and the REST API read them. They carry the
pipeline's own records (``Event``, ``Article``, ``Evidence``) plus what only the store knows:
how many mentions, articles and sources reported an event, and when it was stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from dyads.records import Article, Event, Evidence

QUAD_CLASSES = (1, 2, 3, 4)  # verbal coop, material coop, verbal conflict, material conflict


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredEvent:
    """A canonical event as stored, with the counts its merged mentions give it.

    In a list, ``event.evidence`` holds the first mention's evidence (earliest published
    article first); in ``EventDetail`` it holds every mention's. ``event.article_id`` and
    ``url``/``title``/``site``/``language``/``tone`` are those of the first mention's article.
    """

    event: Event
    num_mentions: int = 1
    num_articles: int = 1
    num_sources: int = 1
    url: str | None = None
    title: str | None = None
    site: str | None = None
    language: str | None = None
    added: datetime | None = None  # when the event was first written to the store
    tone: float | None = None  # the first article's (``Article.tone``)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventPage:
    """One page of a keyset-paginated event query; pass ``next_cursor`` back for the next."""

    items: tuple[StoredEvent, ...]
    next_cursor: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredMention:
    """One sentence of one article that reports a canonical event."""

    evidence: Evidence
    article_id: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: datetime | date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDetail:
    """A canonical event with every mention that reports it."""

    stored: StoredEvent
    mentions: tuple[StoredMention, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class MarkedEvidence:
    """Where an article reports an event: offsets into ``Article.body``."""

    event_id: str
    event: str  # PLOVER event type
    start: int
    end: int
    sentence: str
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleView:
    """An article (paragraphs and boilerplate apart) and the events it reports."""

    article: Article
    evidence: tuple[MarkedEvidence, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class DyadPeriod:
    """Events between two countries (either direction) in one day, ISO week or month."""

    period: str  # "2021-02-04", "2021-W05" or "2021-02"
    start: date  # first day of the period
    counts: tuple[int, int, int, int]  # events per quad class 1..4
    total: int
    goldstein_mean: float | None = None  # over events that have a Goldstein score


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorCount:
    """An actor code and how many stored events it takes part in."""

    code: str
    name: str | None
    as_actor: int
    as_recipient: int

    @property
    def total(self) -> int:
        return self.as_actor + self.as_recipient


@dataclass(frozen=True, slots=True, kw_only=True)
class StoreStats:
    """Counts over the whole store."""

    documents: int
    articles: int
    events: int
    mentions: int
    actors: int
    rejections: int
    first_date: date | None = None
    last_date: date | None = None
    by_type: tuple[tuple[str, int], ...] = ()  # PLOVER event type -> events, most first
