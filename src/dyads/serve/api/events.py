"""``GET /events`` (filtered, keyset-paginated; JSON or an export format) and
``GET /events/{id}``."""

from __future__ import annotations

import datetime as dt
import io
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import Response
from sqlalchemy import Engine

from dyads.export.formats import FORMATS
from dyads.export.options import COUNTRY_CODES, DEFAULT_OPTIONS, ISO3, ExportOptions
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
MIN_CONFIDENCE = Query(ge=0, le=1, description="the coder's confidence is at least this")

# ``format``: json (a page of ``EventPageOut``), or any export format of the one table,
# written by the export's own writer (``GET /events?format=csv`` is ``dyads export``'s CSV).
RESPONSE_FORMATS = ("json", *FORMATS)
FORMAT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            f.media_type: {
                "schema": {"type": "string", "format": "binary"} if f.binary else {"type": "string"}
            }
            for f in FORMATS.values()
        }
    }
}


def export_response(
    items: tuple[StoredEvent, ...],
    next_cursor: str | None,
    *,
    format: str,
    options: ExportOptions = DEFAULT_OPTIONS,
) -> Response:
    """A page of events in an export format; the next page's cursor in ``X-Next-Cursor``."""
    chosen = FORMATS[format]
    binary = io.BytesIO()
    if chosen.binary:
        chosen.write_to(items, stream=binary, options=options)
    else:
        text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
        chosen.write_to(items, stream=text, options=options)
        text.flush()
        text.detach()
    headers = {"Content-Disposition": f'inline; filename="events{chosen.suffix}"'}
    if next_cursor:
        headers["X-Next-Cursor"] = next_cursor
    media_type = chosen.media_type if chosen.binary else f"{chosen.media_type}; charset=utf-8"
    return Response(binary.getvalue(), media_type=media_type, headers=headers)


@router.get(
    "/events",
    response_model=EventPageOut,
    responses={**FORMAT_RESPONSES, **error_responses(400, 422)},
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
    min_confidence: Annotated[float | None, MIN_CONFIDENCE] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(pattern=PLAIN, max_length=1000)] = None,
    format: Annotated[
        str,
        Query(
            pattern=f"^({'|'.join(RESPONSE_FORMATS)})$",
            description="json, or an export format: " + ", ".join(FORMATS),
            json_schema_extra={"enum": list(RESPONSE_FORMATS)},
        ),
    ] = "json",
    country_codes: Annotated[
        str,
        Query(
            pattern=f"^({'|'.join(COUNTRY_CODES)})$",
            description="country codes of the gdelt format's geography columns: iso3, or"
            " fips (FIPS 10-4, as GDELT writes them); other formats ignore it",
            json_schema_extra={"enum": list(COUNTRY_CODES)},
        ),
    ] = ISO3,
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
        min_confidence=min_confidence,
        limit=limit,
        cursor=cursor,
    )
    if format != "json":
        page = query_events(engine, filter=flt)  # an export format: rarely repeated
        options = ExportOptions(country_codes=country_codes)
        return export_response(page.items, page.next_cursor, format=format, options=options)
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
