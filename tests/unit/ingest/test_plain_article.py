"""``clean_article_text``: a clean article body from a JSONL ``text`` field."""

from __future__ import annotations

from datetime import date

import pytest

from dyads.clean.plain import clean_article_text, split_paragraphs
from dyads.errors import NoArticleFound
from dyads.records import MediaType
from tests.conftest import make_document


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("One.\n\nTwo\nwrapped.\n \nThree.", ("One.", "Two wrapped.", "Three.")),
        ("One.\nTwo.\nThree.", ("One.", "Two.", "Three.")),
        ("  Spaced\t out\u00a0text.  \n\n\n\nNext.", ("Spaced out text.", "Next.")),
        ("\n\nOnly.\n\n", ("Only.",)),
    ],
)
def test_split_paragraphs_blank_lines_or_newlines(text: str, paragraphs: tuple[str, ...]) -> None:
    assert split_paragraphs(text) == paragraphs


def test_clean_article_text_uses_document_hints() -> None:
    document = make_document(
        "Harbour talks resumed on Tuesday.\n\nBoth sides called them useful.",
        media_type=MediaType.ARTICLE_TEXT,
        external_id="story-17",
        url="https://www.news.example.org/world/17",
        title="Harbour talks resume",
        published=date(2023, 3, 14),
    )
    article = clean_article_text(document)
    assert article.id == "story-17"
    assert article.document_id == document.id
    assert article.source == document.source
    assert article.paragraphs == (
        "Harbour talks resumed on Tuesday.",
        "Both sides called them useful.",
    )
    assert (article.title, article.published) == ("Harbour talks resume", date(2023, 3, 14))
    assert (article.url, article.site) == (document.url, "news.example.org")
    assert (article.method, article.confidence, article.language) == ("article-text", 1.0, "en")


def test_clean_article_text_id_defaults_to_document_id() -> None:
    document = make_document("Some text.", media_type=MediaType.ARTICLE_TEXT)
    article = clean_article_text(document)
    assert article.id == document.id
    assert article.site is None


def test_clean_article_text_splits_a_leading_dateline() -> None:
    document = make_document(
        "VALLETTA, March 14 (Reuters) - Malta and Tunisia resumed fisheries talks.\n\nMore.",
        media_type=MediaType.ARTICLE_TEXT,
    )
    article = clean_article_text(document)
    assert article.dateline is not None
    assert article.dateline.text == "VALLETTA, March 14 (Reuters)"
    assert article.paragraphs[0] == "Malta and Tunisia resumed fisheries talks."


def test_clean_article_text_sentence_start_is_not_a_dateline() -> None:
    text = "The U.S. -- and its allies -- agreed on Tuesday."
    article = clean_article_text(make_document(text, media_type=MediaType.ARTICLE_TEXT))
    assert article.dateline is None
    assert article.paragraphs == (text,)


@pytest.mark.parametrize("text", ["", " \n\n \t\n"])
def test_clean_article_text_empty_raises(text: str) -> None:
    document = make_document(text, media_type=MediaType.ARTICLE_TEXT, source="in.jsonl#L4")
    with pytest.raises(NoArticleFound, match=r"in\.jsonl#L4"):
        clean_article_text(document)
