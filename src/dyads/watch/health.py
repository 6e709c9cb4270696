"""Feeds and their health as plain values: what ``dyads feeds list --json``, ``GET /feeds``
and the dashboard's feeds panel show."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dyads.watch.base import Feed

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


def feed_state(feed: Feed) -> str:
    """``new`` (never fetched), ``ok``, or ``failing`` (its last poll failed)."""
    if feed.last_fetch_at is None:
        return "new"
    return "failing" if feed.errors_in_row else "ok"


def feed_health(feed: Feed) -> dict[str, Any]:
    def stamp(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    return {
        "id": feed.id,
        "url": feed.url,
        "name": feed.name,
        "every_seconds": feed.every,
        "state": feed_state(feed),
        "added_at": stamp(feed.added_at),
        "last_fetch_at": stamp(feed.last_fetch_at),
        "next_fetch_at": stamp(feed.next_fetch_at),
        "last_status": feed.last_status,
        "last_error": feed.last_error,
        "last_new_items": feed.last_new_items,
        "items_total": feed.items_total,
        "errors_in_row": feed.errors_in_row,
    }


def feeds_overview(engine: Engine) -> list[dict[str, Any]]:
    """Every watched feed's health, failing feeds first (the dashboard's feeds panel)."""
    from dyads.watch.state import list_feeds

    rows = [feed_health(feed) for feed in list_feeds(engine)]
    return sorted(rows, key=lambda row: (row["state"] != "failing", row["name"] or row["url"]))
