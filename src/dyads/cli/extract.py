"""``dyads extract PATH...``: clean articles from raw pages, as JSON, JSONL or text."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "extract",
        help="clean articles from raw pages (text dumps, HTML, JSONL, WARC)",
        description=(
            "Read pages and print the clean article of each: title, publication time, "
            "dateline, byline, body paragraphs, and the boilerplate blocks set aside."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, globs or -")
    parser.add_argument(
        "--format",
        choices=("json", "jsonl", "text"),
        default="json",
        help="json: one object (an array for several articles); jsonl: one a line; text: readable",
    )
    parser.add_argument(
        "--show-boilerplate",
        action="store_true",
        help="with --format text, also list the boilerplate blocks",
    )
    parser.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on stderr; auto: when stderr is a terminal and there are many inputs",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dyads.cli.common import (
        OK,
        SOME_INPUTS_FAILED,
        article_results,
        empty_folders,
        with_empty_folders,
    )
    from dyads.export.jsonable import article_to_dict
    from dyads.settings import Settings

    empty = empty_folders(args.paths)
    settings = Settings()
    articles: list[dict[str, Any]] = []
    failed = False
    for outcome in article_results(
        args.paths, settings=settings, stages=("clean",), progress=args.progress
    ):
        if outcome is None:
            failed = True
            continue
        record = article_to_dict(outcome)
        if args.format == "jsonl":
            _write_jsonl(record)
        elif args.format == "text":
            _write_text(record, show_boilerplate=args.show_boilerplate)
        else:
            articles.append(record)
    if args.format == "json":
        _write_json(articles)
    return with_empty_folders(SOME_INPUTS_FAILED if failed else OK, empty)


def _write_jsonl(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _write_json(records: list[dict[str, Any]]) -> None:
    value: Any = records[0] if len(records) == 1 else records
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _write_text(record: dict[str, Any], *, show_boilerplate: bool) -> None:
    out = sys.stdout
    out.write(f"# {record['title'] or '(untitled)'}\n")
    facts = [
        ("published", record["published"]),
        ("dateline", (record["dateline"] or {}).get("text")),
        ("byline", record["byline"]),
        ("source", record["source"]),
    ]
    for label, value in facts:
        if value:
            out.write(f"{label}: {value}\n")
    out.write("\n")
    for paragraph in record["paragraphs"]:
        out.write(paragraph + "\n\n")
    if show_boilerplate:
        for block in record["boilerplate"]:
            heading = f" ({block['heading']})" if block.get("heading") else ""
            out.write(f"[{block['kind']}{heading}]\n")
            for item in block["items"]:
                out.write(f"  - {item}\n")
        out.write("\n")
