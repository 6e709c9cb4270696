"""Records as plain JSON values: the field names of ``dyads extract`` and ``dyads code``."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from dyads.export.fields import (
    EvidenceView,
    Fields,
    event_fields,
    evidence_brief,
    place_fields,
    stored_event_fields,
)
from dyads.records import Article, Dateline, Event, Place

if TYPE_CHECKING:
    from dyads.store.results import StoredEvent


def iso(value: datetime | date | None) -> str | None:
    return None if value is None else value.isoformat()


# What JSON shows of a place (the export's Parquet and PLOVER records add the geonames id).
PLACE_KEYS = ("name", "country", "lat", "lon")
# What ``dyads code`` shows of an actor; a stored event (the JSONL export, the API) adds the
# codes beside ISO-3 and the CAMEO actor code, which are looked up, not coded.
CODED_ACTOR_KEYS = ("name", "text", "country", "sector", "title")
STORED_ACTOR_KEYS = (*CODED_ACTOR_KEYS, "cown", "gwn", "fips", "cameo")


def place_to_dict(place: Place | None) -> dict[str, Any] | None:
    fields = place_fields(place)
    return None if fields is None else {key: fields[key] for key in PLACE_KEYS}


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


def event_to_dict(event: Event, *, evidence: EvidenceView = evidence_brief) -> dict[str, Any]:
    """``event`` as JSON values, each evidence sentence as ``evidence`` shows it."""
    return fields_to_json(event_fields(event), evidence=evidence)


def stored_event_to_dict(
    stored: StoredEvent, *, evidence: EvidenceView = evidence_brief
) -> dict[str, Any]:
    """An event as ``event_to_dict`` gives it, with each actor's codes beside ISO-3, plus the
    counts the store keeps and the first article's tone."""
    fields = stored_event_fields(stored)
    out = fields_to_json(fields, evidence=evidence, actor_keys=STORED_ACTOR_KEYS)
    out["num_mentions"] = fields["num_mentions"]
    out["num_articles"] = fields["num_articles"]
    out["num_sources"] = fields["num_sources"]
    out["tone"] = fields["tone"]
    return out


def fields_to_json(
    fields: Fields, *, evidence: EvidenceView, actor_keys: tuple[str, ...] = CODED_ACTOR_KEYS
) -> dict[str, Any]:
    """An event's fields (``dyads.export.fields``) under the names of ``dyads code``, each
    actor with ``actor_keys``."""
    place = fields["place"]
    return {
        "id": fields["id"],
        "doc_id": fields["article_id"],
        "event": fields["event"],
        "mode": fields["mode"],
        "contexts": fields["contexts"],
        "actors": [{key: a[key] for key in actor_keys} for a in fields["actors"]],
        "recipients": [{key: a[key] for key in actor_keys} for a in fields["recipients"]],
        "date": iso(fields["date"]),
        "date_method": fields["date_method"],
        "place": None if place is None else {key: place[key] for key in PLACE_KEYS},
        "evidence": [evidence(e) for e in fields["evidence"]],
        "cameo": fields["cameo"],
        "quad": fields["quad"],
        "goldstein": fields["goldstein"],
        "confidence": round(fields["confidence"], 3),
    }
