"""The API's pydantic schemas and the explicit converters from records and query results.

Field names follow ``dyads.export.jsonable`` (what ``dyads events --format jsonl`` writes), so
a client reads the same event from the CLI and from ``GET /events``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from dyads.export.fields import evidence_fields, evidence_full
from dyads.export.jsonable import event_to_dict, place_to_dict, stored_event_to_dict
from dyads.records import Article, Event, Evidence, Place
from dyads.store.results import (
    ActorCount,
    ArticleView,
    DyadPeriod,
    EventDetail,
    MarkedEvidence,
    StoredEvent,
    StoredMention,
    StoreStats,
)


class Schema(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ErrorInfo(Schema):
    code: str = Field(description="a short machine-readable name: not_found, too_large, ...")
    message: str


class ErrorBody(Schema):
    error: ErrorInfo


class PlaceOut(Schema):
    name: str
    country: str | None
    lat: float | None
    lon: float | None


class ActorOut(Schema):
    name: str
    text: str
    country: str | None
    sector: str | None
    title: str | None
    cown: int | None = Field(default=None, description="Correlates of War country number")
    gwn: int | None = Field(default=None, description="Gleditsch-Ward country number")
    fips: str | None = Field(default=None, description="FIPS 10-4 country code")
    cameo: str | None = Field(default=None, description="CAMEO actor code (TURGOV, IGOUNO)")


class EvidenceOut(Schema):
    sentence: str
    paragraph: int
    start: int = Field(description="offset of the sentence in the article body")
    end: int
    trigger: tuple[int, int] | None = None
    actors: list[tuple[int, int]] = Field(default_factory=list)
    recipients: list[tuple[int, int]] = Field(default_factory=list)
    article_id: str | None = None


class CodedEventOut(Schema):
    id: str
    doc_id: str
    event: str
    mode: str | None
    contexts: list[str]
    actors: list[ActorOut]
    recipients: list[ActorOut]
    date: dt.date | None
    date_method: str
    place: PlaceOut | None
    evidence: list[EvidenceOut]
    cameo: str | None
    quad: int | None
    goldstein: float | None
    confidence: float


class EventOut(CodedEventOut):
    num_mentions: int
    num_articles: int
    num_sources: int
    tone: float | None = Field(default=None, description="the first article's tone, -10..+10")


class EventPageOut(Schema):
    items: list[EventOut]
    next_cursor: str | None


class MentionOut(Schema):
    article_id: str
    title: str | None
    url: str | None
    site: str | None
    published: dt.datetime | dt.date | None
    evidence: EvidenceOut


class EventDetailOut(EventOut):
    mentions: list[MentionOut]


class DatelineOut(Schema):
    text: str
    place: PlaceOut | None


class BoilerplateOut(Schema):
    kind: str
    heading: str | None
    items: list[str]


class MarkedEvidenceOut(Schema):
    event_id: str
    event: str
    sentence: str
    start: int
    end: int
    trigger: tuple[int, int] | None


class ArticleOut(Schema):
    id: str
    source: str
    url: str | None
    site: str | None
    title: str | None
    published: dt.datetime | dt.date | None
    dateline: DatelineOut | None
    byline: str | None
    language: str | None
    paragraphs: list[str]
    body: str = Field(description="paragraphs joined by a blank line; offsets index into it")
    boilerplate: list[BoilerplateOut]
    method: str
    confidence: float
    tone: float | None = Field(
        default=None, description="-10 (negative) .. +10 (positive), VADER over the body"
    )
    evidence: list[MarkedEvidenceOut] = Field(default_factory=list)


class DyadPeriodOut(Schema):
    period: str
    start: dt.date
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    total: int
    goldstein_mean: float | None


class DyadSeriesOut(Schema):
    a: str
    b: str
    by: Literal["day", "week", "month"]
    periods: list[DyadPeriodOut]


class ActorCountOut(Schema):
    code: str
    name: str | None
    as_actor: int
    as_recipient: int
    total: int


class ActorListOut(Schema):
    items: list[ActorCountOut]


class TypeCountOut(Schema):
    event: str
    count: int


class StatsOut(Schema):
    documents: int
    articles: int
    events: int
    mentions: int
    actors: int
    rejections: int
    first_date: dt.date | None
    last_date: dt.date | None
    by_type: list[TypeCountOut]


class HealthOut(Schema):
    status: Literal["ok"]
    version: str
    database: str


# No NUL characters: PostgreSQL cannot store them in text, and no news text needs one.
NO_NUL = r"^[^\x00]*$"


class DocumentIn(Schema):
    kind: Literal["page", "html", "text"] = Field(
        description="page: a rendered page flattened to text; html: raw HTML; text: a clean body"
    )
    content: str = Field(min_length=1, pattern=NO_NUL)
    url: str | None = Field(default=None, pattern=NO_NUL)
    title: str | None = Field(default=None, pattern=NO_NUL)
    date: dt.date | None = None
    id: str | None = Field(default=None, min_length=1, max_length=200, pattern=NO_NUL)


class DocumentOut(Schema):
    article: ArticleOut
    events: list[CodedEventOut]


# -- converters ------------------------------------------------------------------------------


def place_out(place: Place | None) -> PlaceOut | None:
    fields = place_to_dict(place)
    return None if fields is None else PlaceOut.model_validate(fields)


def evidence_out(evidence: Evidence) -> EvidenceOut:
    return EvidenceOut.model_validate(evidence_full(evidence_fields(evidence)))


def coded_event_out(event: Event) -> CodedEventOut:
    return CodedEventOut.model_validate(event_to_dict(event, evidence=evidence_full))


def event_out(stored: StoredEvent) -> EventOut:
    return EventOut.model_validate(event_json(stored))


def mention_out(mention: StoredMention) -> MentionOut:
    return MentionOut(
        article_id=mention.article_id,
        title=mention.title,
        url=mention.url,
        site=mention.site,
        published=mention.published,
        evidence=evidence_out(mention.evidence),
    )


def event_detail_out(detail: EventDetail) -> EventDetailOut:
    fields: dict[str, object] = event_json(detail.stored)
    fields["mentions"] = [mention_out(m) for m in detail.mentions]
    return EventDetailOut.model_validate(fields)


def marked_out(marked: MarkedEvidence) -> MarkedEvidenceOut:
    trigger = None
    if marked.trigger_start is not None and marked.trigger_end is not None:
        trigger = (marked.trigger_start, marked.trigger_end)
    return MarkedEvidenceOut(
        event_id=marked.event_id,
        event=marked.event,
        sentence=marked.sentence,
        start=marked.start,
        end=marked.end,
        trigger=trigger,
    )


def article_out(article: Article, evidence: tuple[MarkedEvidence, ...] = ()) -> ArticleOut:
    dateline = None
    if article.dateline is not None:
        dateline = DatelineOut(text=article.dateline.text, place=place_out(article.dateline.place))
    return ArticleOut(
        id=article.id,
        source=article.source,
        url=article.url,
        site=article.site,
        title=article.title,
        published=article.published,
        dateline=dateline,
        byline=article.byline,
        language=article.language,
        paragraphs=list(article.paragraphs),
        body=article.body,
        boilerplate=[
            BoilerplateOut(kind=str(b.kind), heading=b.heading, items=list(b.items))
            for b in article.boilerplate
        ],
        method=article.method,
        confidence=round(article.confidence, 3),
        tone=article.tone,
        evidence=[marked_out(m) for m in evidence],
    )


def article_view_out(view: ArticleView) -> ArticleOut:
    return article_out(view.article, view.evidence)


def dyad_period_out(period: DyadPeriod) -> DyadPeriodOut:
    q1, q2, q3, q4 = period.counts
    return DyadPeriodOut(
        period=period.period,
        start=period.start,
        verbal_cooperation=q1,
        material_cooperation=q2,
        verbal_conflict=q3,
        material_conflict=q4,
        total=period.total,
        goldstein_mean=period.goldstein_mean,
    )


def actor_count_out(count: ActorCount) -> ActorCountOut:
    return ActorCountOut(
        code=count.code,
        name=count.name,
        as_actor=count.as_actor,
        as_recipient=count.as_recipient,
        total=count.total,
    )


def stats_out(stats: StoreStats) -> StatsOut:
    return StatsOut(
        documents=stats.documents,
        articles=stats.articles,
        events=stats.events,
        mentions=stats.mentions,
        actors=stats.actors,
        rejections=stats.rejections,
        first_date=stats.first_date,
        last_date=stats.last_date,
        by_type=[TypeCountOut(event=name, count=n) for name, n in stats.by_type],
    )


# -- plain JSON ------------------------------------------------------------------------------
# The hot list and series endpoints build these dicts (the shapes of ``EventOut`` and
# ``DyadPeriodOut``, keys in the same order) and encode them once, instead of validating a
# model per row; tests check them against the models.


def event_json(stored: StoredEvent) -> dict[str, Any]:
    """``event_out(stored)`` as plain JSON values: the export's fields
    (``dyads.export.fields``) with every evidence field present, null where unknown, as
    ``EvidenceOut`` has it."""
    return stored_event_to_dict(stored, evidence=evidence_full)


def dyad_period_json(period: DyadPeriod) -> dict[str, object]:
    """``dyad_period_out(period)`` as plain JSON values."""
    q1, q2, q3, q4 = period.counts
    return {
        "period": period.period,
        "start": period.start.isoformat(),
        "verbal_cooperation": q1,
        "material_cooperation": q2,
        "verbal_conflict": q3,
        "material_conflict": q4,
        "total": period.total,
        "goldstein_mean": period.goldstein_mean,
    }
