"""Golden pages: invented page dumps in the manner of several outlets, and their articles.

Each ``pages/<name>.txt`` must clean to exactly ``pages/<name>.json`` (the fields of
``dyads extract``). After an intended change to the cleaner, regenerate the expected files
with ``scripts/regen-golden`` and review the JSON diff like code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyads.clean.pagetext import clean_page_text
from dyads.export.jsonable import article_to_dict
from dyads.records import Document, MediaType, content_id

PAGES = sorted((Path(__file__).parent / "pages").glob("*.txt"))


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_golden_page_matches_expected_article(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    document = Document(
        id=content_id(text), source=page.name, media_type=MediaType.PAGE_TEXT, text=text
    )
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    assert article_to_dict(clean_page_text(document)) == expected


def test_golden_pages_cover_six_outlets() -> None:
    assert len(PAGES) >= 6
