"""The seed page cleans to what ``seed/expected_article.json`` says (read from ../shared)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyads.clean.pagetext import clean_page_text
from dyads.records import Article, Document, MediaType, content_id

pytestmark = pytest.mark.external


def _seed(shared_dir: Path) -> tuple[Article, dict[str, Any]]:
    expected = json.loads((shared_dir / "seed" / "expected_article.json").read_text("utf-8"))
    text = (shared_dir / "seed" / expected["source_file"]).read_text(encoding="utf-8")
    document = Document(
        id=content_id(text),
        source=expected["source_file"],
        media_type=MediaType.PAGE_TEXT,
        text=text,
    )
    return clean_page_text(document), expected


def test_seed_article_metadata(shared_dir: Path) -> None:
    article, expected = _seed(shared_dir)
    assert article.title == expected["title"]
    assert article.published is not None
    assert article.published.isoformat() == expected["published"]
    assert article.dateline is not None
    assert article.dateline.text == expected["dateline"]["text"]
    assert article.dateline.place is not None
    assert article.dateline.place.name == expected["dateline"]["place"]
    assert article.dateline.place.country == expected["dateline"]["country"]
    assert article.method == "page-text"
    assert article.language == "en"


def test_seed_article_paragraphs(shared_dir: Path) -> None:
    article, expected = _seed(shared_dir)
    assert len(article.paragraphs) == expected["paragraph_count"]
    assert article.paragraphs[0] == expected["first_paragraph"]
    assert article.paragraphs[-1] == expected["last_paragraph"]
    assert expected["title"] not in article.paragraphs
    for phrase in expected["body_must_contain"]:
        assert phrase in article.body
    for phrase in expected["body_must_not_contain"]:
        assert phrase not in article.body


def test_seed_article_boilerplate_blocks(shared_dir: Path) -> None:
    article, expected = _seed(shared_dir)
    found: dict[str, list[str]] = {}
    for block in article.boilerplate:
        found.setdefault(str(block.kind), []).extend(block.items)
    for kind, items in expected["boilerplate_blocks"].items():
        assert found.get(kind) == items, kind
