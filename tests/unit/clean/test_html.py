"""The HTML cleaner on small pages written for these tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from dyads.clean.html import clean_html, html_text
from dyads.clean.html_blocks import page_blocks
from dyads.clean.stage import CleanStage
from dyads.errors import NoArticleFound, PipelineError
from dyads.records import BlockKind, MediaType
from dyads.settings import Settings
from tests.conftest import make_document

PROSE = (
    "The two ministers met for three hours at the ministry and agreed to set up a joint "
    "working group on defence production, officials from both sides said after the talks."
)
ARTICLE_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Ministers agree on joint working group | The Daily Ledger</title>
<meta property="og:title" content="Ministers agree on joint working group">
<meta property="article:published_time" content="2021-02-05T08:55:51+03:00">
<meta name="author" content="Selin Arslan">
<meta property="og:site_name" content="The Daily Ledger">
</head><body>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/economy">Economy</a></li></ul></nav>
<main><article>
<h1>Ministers agree on joint working group</h1>
<p>ANKARA, Feb 4 (Ledger) - {PROSE}</p>
<p>The group will meet every six months and report to both governments on its progress,
the statement issued by the ministry on Thursday evening said in its closing lines.</p>
<p>"We held a long and useful meeting," the deputy minister told reporters outside the
building, adding that several agreements were expected to be signed later this year.</p>
<p>Both countries have expanded their trade in recent years and plan further visits by
delegations of engineers and officers before the summer, according to the statement.</p>
</article>
<aside class="most-popular"><h3>Most Popular</h3><ol>
<li><a href="/a">Harbour authority opens new terminal</a></li>
<li><a href="/b">Rain expected across the region this weekend</a></li></ol></aside>
<div class="related-stories"><h3>Related</h3>
<a href="/c">Trade talks resume after a short break</a>
<a href="/d">Delegation visits the northern provinces</a></div>
</main>
<footer><a href="/about">About us</a> <a href="/contact">Contact</a></footer>
</body></html>"""

EMPTY_PAGE = """<html><body><nav><a href="/">Home</a> <a href="/x">World</a></nav>
<footer><a href="/about">About us</a></footer></body></html>"""


def _html(text: str) -> object:
    return make_document(text, media_type=MediaType.HTML, url="https://www.ledger.example/a/1")


def test_clean_html_extracts_article_and_metadata() -> None:
    article = clean_html(_html(ARTICLE_PAGE), settings=Settings())  # type: ignore[arg-type]
    assert article.method == "html"
    assert article.title == "Ministers agree on joint working group"
    assert article.site == "ledger.example"
    assert article.byline == "Selin Arslan"
    assert article.language == "en"
    assert article.published == datetime(2021, 2, 5, 8, 55, 51, tzinfo=timezone(timedelta(hours=3)))
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0] == PROSE
    assert 0.5 <= article.confidence <= 1.0


def test_clean_html_splits_dateline_from_first_paragraph() -> None:
    article = clean_html(_html(ARTICLE_PAGE), settings=Settings())  # type: ignore[arg-type]
    assert article.dateline is not None
    assert article.dateline.text == "ANKARA, Feb 4 (Ledger)"
    assert article.dateline.place is not None
    assert article.dateline.place.country == "TUR"


def test_clean_html_names_boilerplate_blocks() -> None:
    article = clean_html(_html(ARTICLE_PAGE), settings=Settings())  # type: ignore[arg-type]
    kinds = {block.kind: block for block in article.boilerplate}
    assert set(kinds) == {
        BlockKind.NAVIGATION,
        BlockKind.MOST_POPULAR,
        BlockKind.RELATED,
        BlockKind.FOOTER,
    }
    assert kinds[BlockKind.MOST_POPULAR].heading == "Most Popular"
    assert kinds[BlockKind.MOST_POPULAR].items == (
        "Harbour authority opens new terminal",
        "Rain expected across the region this weekend",
    )
    assert kinds[BlockKind.NAVIGATION].items == ("Home", "World", "Economy")
    assert not any("Harbour" in paragraph for paragraph in article.paragraphs)


def test_clean_html_moves_leading_byline_and_dateline_lines() -> None:
    page = ARTICLE_PAGE.replace(
        "<h1>Ministers agree on joint working group</h1>",
        "<h1>Ministers agree on joint working group</h1><p>By Selin Arslan</p><p>ISTANBUL</p>",
    ).replace("ANKARA, Feb 4 (Ledger) - ", "")
    article = clean_html(_html(page), settings=Settings())  # type: ignore[arg-type]
    assert article.paragraphs[0] == PROSE
    assert article.dateline is not None and article.dateline.text == "ISTANBUL"


def test_clean_html_without_article_raises() -> None:
    with pytest.raises(NoArticleFound, match="no article text"):
        clean_html(_html(EMPTY_PAGE), settings=Settings(html_strategies=("trafilatura",)))  # type: ignore[arg-type]


def test_clean_html_unknown_strategy_raises() -> None:
    with pytest.raises(PipelineError, match="unknown HTML strategy"):
        clean_html(_html(ARTICLE_PAGE), settings=Settings(html_strategies=("magic",)))  # type: ignore[arg-type]


def test_clean_html_rejects_other_media_types() -> None:
    with pytest.raises(PipelineError, match="HTML"):
        clean_html(make_document("plain text"), settings=Settings())


def test_html_text_breaks_blocks_and_drops_scripts() -> None:
    from trafilatura.utils import load_html

    root = load_html(
        "<html><body><div>One <b>bold</b> line</div><script>var x = 1;</script>tail"
        "<p>Two</p><!-- note --><ul><li>Three</li><li>Four</li></ul></body></html>"
    )
    assert html_text(root) == "One bold line\ntail\nTwo\nThree\nFour"


def test_page_blocks_skip_article_wrapper() -> None:
    from trafilatura.utils import load_html

    root = load_html(ARTICLE_PAGE.replace("<main>", '<main class="has-related">'))
    kinds = [marked.block.kind for marked in page_blocks(root)]
    assert kinds.count(BlockKind.RELATED) == 1  # the wrapper is tried but not the article
    assert BlockKind.NAVIGATION in kinds


def test_clean_stage_dispatches_html() -> None:
    stage = CleanStage(settings=Settings())
    article = stage.process(_html(ARTICLE_PAGE))  # type: ignore[arg-type]
    assert (stage.name, article.method) == ("clean", "html")


def test_clean_html_page_text_strategy_reads_block_text() -> None:
    settings = Settings(html_strategies=("page-text",))
    article = clean_html(_html(ARTICLE_PAGE), settings=settings)  # type: ignore[arg-type]
    assert article.method == "html"
    assert any("joint working group on defence production" in p for p in article.paragraphs)
    assert not any("Harbour authority" in p for p in article.paragraphs)


@pytest.mark.parametrize(
    ("media_type", "method"),
    [(MediaType.PAGE_TEXT, "page-text"), (MediaType.ARTICLE_TEXT, "article-text")],
)
def test_clean_stage_dispatches_on_media_type(media_type: MediaType, method: str) -> None:
    text = "\n\n".join([PROSE, PROSE.replace("three hours", "two hours"), PROSE.upper()])
    article = CleanStage(settings=Settings()).process(make_document(text, media_type=media_type))
    assert article.method == method
    assert article.paragraphs
