"""The HTML cleaner's body F1 on a fixed sample of the zyte pages stays above its floor.

The floor is ``html_zyte_sample40_f1`` in ``eval_baseline.json`` (raised when the score rises,
never lowered silently). The scorer is the evaluation set's own ``score.py``, loaded by path;
the whole set is scored by ``bench/score_html.py``.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from dyads.clean.html import clean_html
from dyads.errors import NoArticleFound
from dyads.records import Article, Document, MediaType, content_id
from dyads.settings import Settings

pytestmark = [pytest.mark.external, pytest.mark.slow]

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text("utf-8"))
# Every fourth page in id order, the first 40 of them: spread over the set, fixed across runs.
SAMPLE_STEP = 4
SAMPLE_SIZE = 40


def _scorer(data: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("extraction_score", data / "score.py")
    if spec is None or spec.loader is None:
        pytest.skip(f"no scorer in {data}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _body(article: Article) -> str:
    """Dateline and paragraphs, one a line: the zyte gold keeps the datelines."""
    head = [article.dateline.text] if article.dateline is not None else []
    return "\n".join([*head, *article.paragraphs])


def _predict(path: Path, url: str | None) -> str:
    with gzip.open(path) as stream:
        html = stream.read().decode("utf-8")
    document = Document(
        id=content_id(html), source=path.name, media_type=MediaType.HTML, text=html, url=url
    )
    try:
        return _body(clean_html(document, settings=Settings()))
    except NoArticleFound:
        return ""


def test_html_zyte_sample_f1_stays_above_floor(shared_dir: Path) -> None:
    data = shared_dir / "eval" / "extraction"
    score = _scorer(data)
    gold = json.loads((data / "zyte" / "ground-truth.json").read_text(encoding="utf-8"))
    sample = sorted(gold)[::SAMPLE_STEP][:SAMPLE_SIZE]
    rows = [
        score.doc_counts(
            gold[key]["articleBody"],
            _predict(data / "zyte" / "html" / f"{key}.html.gz", gold[key].get("url")),
            4,
        )
        for key in sample
    ]
    _, _, f1 = score.aggregate(rows)
    floor = BASELINE["html_zyte_sample40_f1"]
    assert f1 >= floor, f"HTML path on {len(sample)} zyte pages: F1 {f1:.3f} < floor {floor}"
