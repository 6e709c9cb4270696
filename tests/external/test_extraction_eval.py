"""Extraction scores on ../shared/eval/extraction stay at or above their floors.

The floors live in ``eval_baseline.json``: a floor is raised when the score rises and never
lowered silently. The scorer is the evaluation set's own ``score.py`` (standard library only),
loaded by path.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from dyads.clean.pagetext import clean_page_text
from dyads.errors import NoArticleFound
from dyads.records import Article, Document, MediaType, content_id

pytestmark = [pytest.mark.external, pytest.mark.slow]

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text("utf-8"))


def _scorer(data: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("extraction_score", data / "score.py")
    if spec is None or spec.loader is None:
        pytest.skip(f"no scorer in {data}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _body(article: Article) -> str:
    parts = list(article.paragraphs)
    if article.dateline is not None and parts:
        parts[0] = f"{article.dateline.text} {parts[0]}"
    return "\n".join(parts)


def _predict(path: Path) -> str:
    text = path.read_bytes().decode("utf-8", errors="replace")
    document = Document(
        id=content_id(text), source=path.name, media_type=MediaType.PAGE_TEXT, text=text
    )
    try:
        return _body(clean_page_text(document))
    except NoArticleFound:
        return ""


@pytest.mark.parametrize(
    ("dump", "floor_key"), [("lynx", "zyte_lynx_f1"), ("lynx80", "zyte_lynx80_f1")]
)
def test_extraction_zyte_f1_stays_above_floor(shared_dir: Path, dump: str, floor_key: str) -> None:
    data = shared_dir / "eval" / "extraction"
    score = _scorer(data)
    gold = json.loads((data / "zyte" / "ground-truth.json").read_text(encoding="utf-8"))
    rows = [
        score.doc_counts(entry["articleBody"], _predict(data / "zyte" / dump / f"{key}.txt"), 4)
        for key, entry in sorted(gold.items())
    ]
    _, _, f1 = score.aggregate(rows)
    assert f1 >= BASELINE[floor_key], f"{dump}: F1 {f1:.3f} < floor {BASELINE[floor_key]}"
