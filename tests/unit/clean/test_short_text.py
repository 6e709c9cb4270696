"""A short plain text is an article; a short page with anything but running text is not."""

from __future__ import annotations

import pytest

from dyads.clean.pagetext import clean_page_text
from dyads.errors import NoArticleFound
from dyads.records import MediaType
from tests.conftest import make_document

SENTENCE = "Japan and South Korea agreed on Monday to expand military intelligence sharing."


@pytest.mark.parametrize(
    "text",
    [SENTENCE, f"{SENTENCE}\n", f"{SENTENCE}\n\nThe deal takes effect in May, officials said.\n"],
)
def test_clean_page_text_takes_a_short_plain_text_as_an_article(text: str) -> None:
    article = clean_page_text(make_document(text, media_type=MediaType.PAGE_TEXT))
    assert article.paragraphs[0] == SENTENCE
    assert len(article.paragraphs) == len([p for p in text.split("\n\n") if p.strip()])


@pytest.mark.parametrize(
    "text",
    [
        "Home | World | Business\nSign in\n",
        f"Home | World | Business\n\n{SENTENCE}\n",
        f"* {SENTENCE}\n* Seoul and Tokyo will review the pact next year.\n",
        "Page not found\n",
    ],
)
def test_clean_page_text_still_finds_no_article_in_a_short_page(text: str) -> None:
    with pytest.raises(NoArticleFound):
        clean_page_text(make_document(text, media_type=MediaType.PAGE_TEXT))
