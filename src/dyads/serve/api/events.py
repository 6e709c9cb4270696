"""``GET /events`` (filtered, keyset-paginated, JSON or CSV) and ``GET /events/{id}``."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import Response
from sqlalchemy import Engine

from dyads.serve.api.deps import CacheDep, EngineDep, cached_json, error_responses, json_bytes
from dyads.serve.api.schemas import (
    EventDetailOut,
    EventPageOut,
    event_detail_out,
    event_json,
)
from dyads.store.filters import DEFAULT_LIMIT, MAX_LIMIT, EventFilter
from dyads.store.query import get_event, query_events
from dyads.store.results import StoredEvent

router = APIRouter(tags=["events"])

CODE = r"^[A-Za-z]{2,8}$"
PAIR = r"^[A-Za-z]{2,8},[A-Za-z]{2,8}$"
# Text without control characters: PostgreSQL refuses NUL in a string, and no id or search
# term needs one.
PLAIN = r"^[^\x00-\x1f]*$"
ID = r"^[^\x00-\x1f]+$"

CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}}
}
CSV_COLUMNS = (
    "id",
    "date",
    "event",
    "mode",
    "actors",
    "recipients",
    "place",
    "place_country",
    "cameo",
    "quad",
    "goldstein",
    "confidence",
    "num_mentions",
    "num_articles",
    "num_sources",
    "doc_id",
    "sentence",
)


def csv_row(stored: StoredEvent) -> list[object]:
    event = stored.event
    place = event.place
    return [
        event.id,
        event.date.isoformat() if event.date else "",
        event.event,
        event.mode or "",
        ";".join(a.country or a.name for a in event.actors),
        ";".join(a.country or a.name for a in event.recipients),
        place.name if place else "",
        (place.country or "") if place else "",
        event.cameo or "",
        "" if event.quad is None else event.quad,
        "" if event.goldstein is None else event.goldstein,
        round(event.confidence, 3),
        stored.num_mentions,
        stored.num_articles,
        stored.num_sources,
        event.article_id,
        event.evidence[0].sentence if event.evidence else "",
    ]


def csv_response(items: tuple[StoredEvent, ...], next_cursor: str | None) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(item) for item in items)
    headers = {"X-Next-Cursor": next_cursor} if next_cursor else None
    return Response(out.getvalue(), media_type="text/csv", headers=headers)


@router.get(
    "/events",
    response_model=EventPageOut,
    responses={**CSV_RESPONSE, **error_responses(400, 422)},
)
def list_events(
    *,
    engine: EngineDep,
    cache: CacheDep,
    actor: Annotated[str | None, Query(pattern=CODE, description="actor code, e.g. TUR")] = None,
    recipient: Annotated[str | None, Query(pattern=CODE)] = None,
    between: Annotated[
        str | None,
        Query(
            pattern=PAIR,
            description="two codes A,B: either acting on the other, or both acting together"
            " with no recipient",
        ),
    ] = None,
    type: Annotated[
        str | None, Query(pattern=r"^[A-Za-z_]{1,32}$", description="PLOVER event type")
    ] = None,
    since: Annotated[dt.date | None, Query()] = None,
    until: Annotated[dt.date | None, Query()] = None,
    text: Annotated[str | None, Query(pattern=PLAIN, max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(pattern=PLAIN, max_length=1000)] = None,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
) -> Response:
    pair = None
    if between is not None:
        first, second = between.split(",")
        pair = (first.upper(), second.upper())
    flt = EventFilter(
        actor=actor.upper() if actor else None,
        recipient=recipient.upper() if recipient else None,
        between=pair,
        type=type,
        since=since,
        until=until,
        text=text,
        limit=limit,
        cursor=cursor,
    )
    if format == "csv":
        page = query_events(engine, filter=flt)  # CSV is for export, rarely repeated
        return csv_response(page.items, page.next_cursor)
    return cached_json(cache, engine, ("events", flt), lambda: event_page_json(engine, flt))


def event_page_json(engine: Engine, flt: EventFilter) -> bytes:
    """A page of events as ``EventPageOut`` JSON."""
    page = query_events(engine, filter=flt)
    items = [event_json(s) for s in page.items]
    return json_bytes({"items": items, "next_cursor": page.next_cursor})


@router.get(
    "/events/{event_id}", response_model=EventDetailOut, responses=error_responses(404, 422)
)
def read_event(
    engine: EngineDep, event_id: Annotated[str, Path(pattern=ID, max_length=200)]
) -> EventDetailOut:
    detail = get_event(engine, event_id)
    if detail is None:
        raise HTTPException(404, f"no event {event_id}")
    return event_detail_out(detail)
