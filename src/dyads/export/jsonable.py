"""Records as plain JSON values: the field names of ``dyads extract`` and ``dyads code``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from dyads.records import ActorRef, Article, Dateline, Event, Evidence, Place

if TYPE_CHECKING:
    from dyads.store.results import StoredEvent


def iso(value: datetime | date | None) -> str | None:
    return None if value is None else value.isoformat()


def place_to_dict(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon}


def dateline_to_dict(dateline: Dateline | None) -> dict[str, Any] | None:
    if dateline is None:
        return None
    return {"text": dateline.text, "place": place_to_dict(dateline.place)}


def article_to_dict(article: Article, *, boilerplate: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "site": article.site,
        "title": article.title,
        "published": iso(article.published),
        "dateline": dateline_to_dict(article.dateline),
        "byline": article.byline,
        "language": article.language,
        "paragraphs": list(article.paragraphs),
    }
    if boilerplate:
        out["boilerplate"] = [
            {"kind": str(block.kind), "heading": block.heading, "items": list(block.items)}
            for block in article.boilerplate
        ]
    out["method"] = article.method
    out["confidence"] = round(article.confidence, 3)
    return out


def actor_to_dict(actor: ActorRef) -> dict[str, Any]:
    return {
        "name": actor.name,
        "text": actor.text,
        "country": actor.country,
        "sector": actor.sector,
        "title": actor.title,
    }


def evidence_to_dict(evidence: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {
        "sentence": evidence.sentence,
        "paragraph": evidence.paragraph,
        "start": evidence.start,
        "end": evidence.end,
    }
    if evidence.trigger is not None:
        out["trigger"] = [evidence.trigger.start, evidence.trigger.end]
    if evidence.article_id is not None:
        out["article_id"] = evidence.article_id
    return out


def event_to_dict(
    event: Event, *, evidence: Callable[[Evidence], dict[str, Any]] = evidence_to_dict
) -> dict[str, Any]:
    """``event`` as JSON values, each evidence sentence as ``evidence`` gives it."""
    return {
        "id": event.id,
        "doc_id": event.article_id,
        "event": event.event,
        "mode": event.mode,
        "contexts": list(event.contexts),
        "actors": [actor_to_dict(a) for a in event.actors],
        "recipients": [actor_to_dict(a) for a in event.recipients],
        "date": iso(event.date),
        "date_method": event.date_method,
        "place": place_to_dict(event.place),
        "evidence": [evidence(e) for e in event.evidence],
        "cameo": event.cameo,
        "quad": event.quad,
        "goldstein": event.goldstein,
        "confidence": round(event.confidence, 3),
    }


def stored_event_to_dict(
    stored: StoredEvent, *, evidence: Callable[[Evidence], dict[str, Any]] = evidence_to_dict
) -> dict[str, Any]:
    """An event as ``event_to_dict`` gives it, plus the counts the store keeps."""
    out = event_to_dict(stored.event, evidence=evidence)
    out["num_mentions"] = stored.num_mentions
    out["num_articles"] = stored.num_articles
    out["num_sources"] = stored.num_sources
    return out
