"""``dyads feeds add|list|remove``: the news feeds ``dyads watch`` keeps the store current from.

A feed is an RSS 2.0, RSS 1.0 (RDF) or Atom feed, a sitemap (news sitemaps included) or a
sitemap index; which one is seen when it is read. ``list`` shows each feed's health: when it
was last fetched, the answer, new items then and in all, and errors in a row.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dyads.watch.base import Feed

DEFAULT_EVERY = "10m"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def duration(text: str) -> int:
    """Seconds in ``90``, ``15s``, ``10m``, ``2h`` or ``1d`` (an argparse type)."""
    match = _DURATION.match(text.lower())
    if match is None:
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (say 15s, 10m, 2h, 1d)")
    return round(float(match.group(1)) * _UNIT_SECONDS[match.group(2)])


def add_parser(sub: Any) -> None:
    from dyads.cli.parser import add_db_option

    parser = sub.add_parser(
        "feeds",
        help="add, list and remove the news feeds dyads watch polls",
        description=__doc__,
    )
    add_db_option(parser)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="watch a feed or sitemap")
    add.add_argument("url", metavar="URL", help="the feed's or sitemap's address")
    add.add_argument("--name", help="a short name to show and to remove it by")
    add.add_argument(
        "--every",
        type=duration,
        default=duration(DEFAULT_EVERY),
        metavar="DURATION",
        help=f"how often to poll it: 15s, 10m, 2h (default {DEFAULT_EVERY})",
    )
    listing = actions.add_parser("list", help="the feeds and their health")
    listing.add_argument("--json", action="store_true", help="one JSON object per feed")
    remove = actions.add_parser("remove", help="stop watching a feed (its items stay seen)")
    remove.add_argument("ref", metavar="URL_NAME_OR_ID", help="the feed, by URL, name or id")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dyads.cli.common import OK, SOME_INPUTS_FAILED, USAGE
    from dyads.errors import StoreError
    from dyads.settings import Settings
    from dyads.store import open_store
    from dyads.watch import state
    from dyads.watch.base import WatchError
    from dyads.watch.loop import utc_now

    settings = Settings(db=args.db) if args.db else Settings()
    try:
        engine = open_store(settings.db)
    except StoreError as exc:
        sys.stderr.write(f"dyads feeds: {exc}\n")
        return USAGE
    try:
        if args.action == "add":
            if args.every < 1:
                sys.stderr.write("dyads feeds: --every must be at least 1s\n")
                return USAGE
            feed = state.add_feed(
                engine, url=args.url, name=args.name, every=args.every, now=utc_now()
            )
            sys.stderr.write(f"watching {feed.url} every {_span(feed.every)} (id {feed.id[:8]})\n")
        elif args.action == "list":
            _list(state.list_feeds(engine), as_json=args.json)
        else:
            feed = state.remove_feed(engine, args.ref)
            sys.stderr.write(f"no longer watching {feed.url}\n")
    except WatchError as exc:
        sys.stderr.write(f"dyads feeds: {exc}\n")
        return SOME_INPUTS_FAILED
    finally:
        engine.dispose()
    return OK


def _list(feeds: list[Feed], *, as_json: bool) -> None:
    if as_json:
        import json

        from dyads.watch.health import feed_health

        for feed in feeds:
            print(json.dumps(feed_health(feed), ensure_ascii=False))
        return
    if not feeds:
        sys.stderr.write("no feeds yet: dyads feeds add URL\n")
        return
    print("ID        NAME                  EVERY  LAST FETCH            STATUS  NEW  ITEMS  ERRORS")
    for feed in feeds:
        when = feed.last_fetch_at.strftime("%Y-%m-%d %H:%M:%S") if feed.last_fetch_at else "never"
        status = str(feed.last_status) if feed.last_status is not None else "-"
        if feed.last_error and feed.last_status is None:
            status = "error"
        name = (feed.name or feed.url)[:21]
        print(
            f"{feed.id[:8]}  {name:<21} {_span(feed.every):>6}  {when:<20}  {status:>6}"
            f"  {feed.last_new_items:>3}  {feed.items_total:>5}  {feed.errors_in_row:>6}"
        )
        if feed.last_error:
            print(f"          last error: {feed.last_error}")


def _span(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
