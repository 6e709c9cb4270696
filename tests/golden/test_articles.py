"""Golden articles: invented news articles and the events the coder must find in them.

Each ``articles/<name>.json`` (an article: id, publication date, dateline, paragraphs) must
code to exactly the events listed in ``articles/<name>.events.jsonl`` (the fields of
``dyads code`` that do not depend on floating point: type, mode, parties, date, place,
evidence paragraphs, CAMEO code). After an intended change to the coder, regenerate the
expected files with

    .venv/bin/python tests/golden/test_articles.py --regenerate

and review the diff like code.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dyads.export.jsonable import event_to_dict
from dyads.records import Article, Dateline

ARTICLES = sorted((Path(__file__).parent / "articles").glob("*.json"))
KEPT = ("event", "mode", "date", "date_method", "cameo", "contexts")


def load_article(path: Path) -> Article:
    record = json.loads(path.read_text(encoding="utf-8"))
    from dyads.geo.gazetteer import default_gazetteer

    place = default_gazetteer().lookup(record["dateline"]) if record.get("dateline") else None
    return Article(
        id=record["id"],
        document_id=record["id"],
        source=path.name,
        published=date.fromisoformat(record["published"]),
        dateline=Dateline(text=record["dateline"], place=place) if record.get("dateline") else None,
        paragraphs=tuple(record["paragraphs"]),
        method="article-text",
        confidence=1.0,
    )


def summary(event: dict[str, Any]) -> dict[str, Any]:
    """The stable fields of an event as ``dyads code`` prints it."""
    out = {key: event[key] for key in KEPT}
    out["actors"] = sorted(f"{a['name']}|{a['country']}|{a['sector']}" for a in event["actors"])
    out["recipients"] = sorted(
        f"{a['name']}|{a['country']}|{a['sector']}" for a in event["recipients"]
    )
    out["place"] = (event["place"] or {}).get("name")
    out["paragraphs"] = [e["paragraph"] for e in event["evidence"]]
    return out


def code_summaries(stage: Any, path: Path) -> list[dict[str, Any]]:
    events = stage.process(load_article(path)).events
    return [summary(event_to_dict(e)) for e in events]


def expected_path(path: Path) -> Path:
    return path.with_name(path.stem + ".events.jsonl")


@pytest.mark.slow
@pytest.mark.parametrize("article", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_golden_article_matches_expected_events(code_stage: Any, article: Path) -> None:
    lines = expected_path(article).read_text(encoding="utf-8").splitlines()
    expected = [json.loads(line) for line in lines if line.strip()]
    assert code_summaries(code_stage, article) == expected


def regenerate() -> None:
    from dyads.coding.stage import ArticleCoder
    from dyads.settings import Settings

    coder = ArticleCoder(settings=Settings())
    for article in ARTICLES:
        rows = code_summaries(coder, article)
        text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        expected_path(article).write_text(text, encoding="utf-8")
        print(f"{expected_path(article).name}: {len(rows)} events")


if __name__ == "__main__":
    if sys.argv[1:] != ["--regenerate"]:
        sys.exit(f"usage: {sys.argv[0]} --regenerate")
    regenerate()
