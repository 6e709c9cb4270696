"""``dyads article ID``: a stored article's clean text with its evidence sentences marked.

Each sentence that reports an event is shown in bold between ``[[`` and ``]]``, followed by
the event types it reports in braces, so the marks survive a pipe that drops colour. The
boilerplate the cleaner set aside is listed after the text, apart from it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from dyads.cli.parser import add_db_option

if TYPE_CHECKING:
    from dyads.store.results import ArticleView, MarkedEvidence

OPEN_MARK, CLOSE_MARK = "[[", "]]"


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "article",
        help="show a stored article with its evidence sentences marked",
        description="Print an article's text, evidence sentences marked, boilerplate apart.",
    )
    parser.add_argument("id", metavar="ID", help="article id (as in the events' doc_id)")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dyads.cli.common import OK
    from dyads.cli.query_options import fail, opened_db
    from dyads.errors import StoreError
    from dyads.store.query import get_article

    try:
        with opened_db(args) as engine:
            view = get_article(engine, args.id)
    except StoreError as exc:
        return fail(str(exc))
    if view is None:
        return fail(f"no article {args.id!r} in the store")
    print_article(view)
    return OK


def mark_segments(body: str, marks: Sequence[MarkedEvidence]) -> list[tuple[str, tuple[str, ...]]]:
    """``body`` cut into (text, event types) pieces; a piece with types is an evidence
    sentence. Several events on one sentence share one piece; a mark that overlaps an
    earlier one starts where the earlier one ends."""
    spans: dict[tuple[int, int], list[str]] = {}
    for mark in marks:
        types = spans.setdefault((mark.start, mark.end), [])
        if mark.event not in types:
            types.append(mark.event)
    pieces: list[tuple[str, tuple[str, ...]]] = []
    cursor = 0
    for (mark_start, end), types in sorted(spans.items()):
        start = max(mark_start, cursor)
        if end <= start or start >= len(body):
            continue
        if start > cursor:
            pieces.append((body[cursor:start], ()))
        pieces.append((body[start:end], tuple(types)))
        cursor = end
    if cursor < len(body):
        pieces.append((body[cursor:], ()))
    return pieces


def print_article(view: ArticleView) -> None:
    from rich.console import Console
    from rich.text import Text

    article = view.article
    console = Console(file=sys.stdout, highlight=False)
    console.print(Text(article.title or "(untitled)", style="bold underline"))
    facts = [
        ("id", article.id),
        ("url", article.url),
        ("site", article.site),
        ("published", None if article.published is None else article.published.isoformat()),
        ("dateline", None if article.dateline is None else article.dateline.text),
        ("byline", article.byline),
        ("tone", None if article.tone is None else f"{article.tone:+.3f}"),
    ]
    for name, value in facts:
        if value:
            console.print(Text(f"{name}: {value}", style="dim"))
    console.print()
    text = Text()
    for piece, types in mark_segments(article.body, view.evidence):
        if types:
            text.append(f"{OPEN_MARK}{piece}{CLOSE_MARK}", style="bold")
            text.append(f" {{{', '.join(types)}}}", style="magenta")
        else:
            text.append(piece)
    console.print(text)
    console.print()
    console.print(Text(f"{len(view.evidence)} event mention(s)", style="dim"))
    _print_boilerplate(console, view)


def _print_boilerplate(console: Any, view: ArticleView) -> None:
    from rich.text import Text

    blocks = view.article.boilerplate
    if not blocks:
        return
    console.print()
    console.print(Text("Boilerplate (set aside, not part of the article)", style="bold"))
    for block in blocks:
        heading = f" {block.heading!r}" if block.heading else ""
        console.print(Text(f"- {block.kind}{heading}: {len(block.items)} item(s)", style="dim"))
        for item in block.items:
            console.print(Text(f"    {item}", style="dim"))
