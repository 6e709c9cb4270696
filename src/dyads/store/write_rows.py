"""Records turned into table rows for the writer (plain dicts keyed by column name)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from dyads.records import (
    ActorRef,
    Article,
    Document,
    Event,
    Evidence,
    MediaType,
    Span,
    content_id,
)
from dyads.sink import DocumentMeta
from dyads.store.schema import DOCUMENT_STORED

# The cleaner that produced an article says what its document was, when the document
# itself is not at hand.
_MEDIA_BY_METHOD = {
    "page-text": MediaType.PAGE_TEXT,
    "html": MediaType.HTML,
    "article-text": MediaType.ARTICLE_TEXT,
}


def site_of(article: Article) -> str | None:
    """The outlet: the article's site, else the host of its URL."""
    if article.site:
        return article.site
    if article.url:
        host = urlsplit(article.url).hostname
        return host.removeprefix("www.") if host else None
    return None


def published_date(value: datetime | date | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def document_row(
    article: Article, document: Document | DocumentMeta | None, *, run_id: str
) -> dict[str, Any]:
    if isinstance(document, Document):
        document = DocumentMeta.of(document)
    if document is not None:
        return {
            "id": document.id,
            "source": document.source,
            "media_type": document.media_type,
            "encoding": document.encoding,
            "url": document.url or article.url,
            "fetched_at": document.fetched_at,
            "bytes": document.bytes,
            "run_id": run_id,
            "status": DOCUMENT_STORED,
        }
    media = _MEDIA_BY_METHOD.get(article.method)
    return {
        "id": article.document_id,
        "source": article.source,
        "media_type": str(media) if media else None,
        "encoding": None,
        "url": article.url,
        "fetched_at": None,
        "bytes": None,
        "run_id": run_id,
        "status": DOCUMENT_STORED,
    }


def article_row(
    article: Article, *, story_id: str, body_hash: str, signature: bytes | None
) -> dict[str, Any]:
    dateline = article.dateline
    place = dateline.place if dateline else None
    return {
        "id": article.id,
        "document_id": article.document_id,
        "story_id": story_id,
        "source": article.source,
        "url": article.url,
        "site": site_of(article),
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_date": published_date(article.published),
        "dateline_text": dateline.text if dateline else None,
        "dateline_place": place.name if place else None,
        "dateline_country": place.country if place else None,
        "dateline_lat": place.lat if place else None,
        "dateline_lon": place.lon if place else None,
        "byline": article.byline,
        "language": article.language,
        "paragraphs": list(article.paragraphs),
        "body": article.body,
        "body_hash": body_hash,
        "minhash": signature,
        "method": article.method,
        "confidence": article.confidence,
        "tone": article.tone,
    }


def boilerplate_rows(article: Article) -> list[dict[str, Any]]:
    return [
        {
            "article_id": article.id,
            "position": position,
            "kind": str(block.kind),
            "heading": block.heading,
            "items": list(block.items),
        }
        for position, block in enumerate(article.boilerplate)
    ]


def actor_id(actor: ActorRef) -> str:
    """A stable id: the hash of name, country, sector and title."""
    parts = (actor.name, actor.country or "", actor.sector or "", actor.title or "")
    return content_id("|".join(parts))


def actor_row(actor: ActorRef) -> dict[str, Any]:
    return {
        "id": actor_id(actor),
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "title": actor.title,
    }


def event_row(
    event: Event, *, event_id: str, story_id: str, keys: tuple[str, str], now: datetime
) -> dict[str, Any]:
    place = event.place
    return {
        "id": event_id,
        "event": event.event,
        "mode": event.mode,
        "contexts": list(event.contexts),
        "date": event.date,
        "date_method": event.date_method,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        "cameo": event.cameo,
        "quad": event.quad,
        "goldstein": event.goldstein,
        "confidence": event.confidence,
        "story_id": story_id,
        "actor_key": keys[0],
        "recipient_key": keys[1],
        # the counts are recomputed from event_mentions at the end of every batch
        "num_mentions": 0,
        "num_articles": 0,
        "num_sources": 0,
        "first_seen": now,
        "coder": event.coder,
        "coder_version": event.coder_version,
    }


def _codes(key: object) -> list[str]:
    """The country codes of an ``actor_key`` or ``recipient_key`` ("KAZ,TUR")."""
    return [code for code in str(key).split(",") if code]


def _pair_row(row: dict[str, Any], **pair: str) -> dict[str, Any]:
    """A row of a country pair table for the event of ``row``: its id, the pair, and the
    date, quad class and Goldstein score that pair queries count without reading events."""
    return {
        "event_id": row["id"],
        **pair,
        "date": row["date"],
        "quad": row["quad"],
        "goldstein": row["goldstein"],
    }


def dyad_rows(row: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``event_dyads`` rows of an ``event_row``: every actor x recipient country pair."""
    return [
        _pair_row(row, actor_country=actor, recipient_country=recipient)
        for actor in _codes(row["actor_key"]) or [""]
        for recipient in _codes(row["recipient_key"]) or [""]
    ]


def partner_rows(row: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``event_partners`` rows of an ``event_row``: when the event has no recipient, every
    ordered pair of its distinct actor countries (none for one country or a recipient)."""
    if row["recipient_key"]:
        return []
    countries = sorted(set(_codes(row["actor_key"])))
    return [
        _pair_row(row, country=country, partner=partner)
        for country in countries
        for partner in countries
        if partner != country
    ]


def _spans(spans: tuple[Span, ...]) -> list[list[int]]:
    return [[span.start, span.end] for span in spans]


def mention_rows(event: Event, *, event_id: str, article: Article) -> list[dict[str, Any]]:
    """One row per evidence sentence; an event without evidence still gets one row."""
    evidence = event.evidence or (
        Evidence(sentence="", paragraph=0, sentence_index=-1, start=0, end=0),
    )
    site = site_of(article)
    return [
        {
            "id": content_id(f"{event_id}|{article.id}|{event.id}|{item.sentence_index}|{n}"),
            "event_id": event_id,
            "article_id": article.id,
            "raw_event_id": event.id,
            "site": site,
            "sentence": item.sentence,
            "paragraph": item.paragraph,
            "sentence_index": item.sentence_index,
            "start_char": item.start,
            "end_char": item.end,
            "trigger_start": item.trigger.start if item.trigger else None,
            "trigger_end": item.trigger.end if item.trigger else None,
            "actor_spans": _spans(item.actor_spans),
            "recipient_spans": _spans(item.recipient_spans),
            "confidence": event.confidence,
        }
        for n, item in enumerate(evidence)
    ]
