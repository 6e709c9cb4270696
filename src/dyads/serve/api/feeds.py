"""``GET /feeds``: the watched news feeds and their health; ``POST /feeds`` adds one (with an
API key, like every write). ``dyads watch`` polls them."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, HTTPException
from pydantic import Field

from dyads.serve.api.deps import EngineDep, KeyDep, error_responses
from dyads.serve.api.schemas import ErrorBody, Schema

router = APIRouter(tags=["feeds"])

# A new feed's interval unless the request names one: the same as ``dyads feeds add``.
DEFAULT_EVERY_SECONDS = 600


class FeedOut(Schema):
    id: str = Field(description="sha256 of the normalised URL")
    url: str
    name: str | None
    every_seconds: int
    state: Literal["new", "ok", "failing"] = Field(
        description="new: never fetched; failing: the last poll brought no usable answer"
    )
    added_at: dt.datetime | None
    last_fetch_at: dt.datetime | None
    next_fetch_at: dt.datetime | None
    last_status: int | None = Field(description="HTTP status of the last poll (null: none came)")
    last_error: str | None
    last_new_items: int
    items_total: int
    errors_in_row: int


class FeedListOut(Schema):
    items: list[FeedOut]


class FeedIn(Schema):
    url: str = Field(pattern=r"^https?://[^\s\x00]+$", max_length=2000)
    name: str | None = Field(default=None, min_length=1, max_length=128, pattern=r"^[^\x00]*$")
    every_seconds: int = Field(default=DEFAULT_EVERY_SECONDS, ge=1, le=7 * 86400)


def feed_out(health: dict[str, Any]) -> FeedOut:
    return FeedOut.model_validate(health)


@router.get("/feeds", response_model=FeedListOut)
def read_feeds(engine: EngineDep) -> FeedListOut:
    """Not cached: a feed's health changes with every poll, and the list is short."""
    from dyads.watch.health import feed_health
    from dyads.watch.state import list_feeds

    return FeedListOut(items=[feed_out(feed_health(f)) for f in list_feeds(engine)])


@router.post(
    "/feeds",
    status_code=201,
    response_model=FeedOut,
    responses={
        **error_responses(401, 422),
        409: {"model": ErrorBody, "description": "the feed is watched already"},
    },
)
def add_feed(body: FeedIn, engine: EngineDep, key: KeyDep) -> FeedOut:
    from dyads.watch.base import FeedExists
    from dyads.watch.health import feed_health
    from dyads.watch.loop import utc_now
    from dyads.watch.state import add_feed as store_feed

    try:
        feed = store_feed(
            engine, url=body.url, name=body.name, every=body.every_seconds, now=utc_now()
        )
    except FeedExists as exc:
        raise HTTPException(409, str(exc)) from exc
    return feed_out(feed_health(feed))
