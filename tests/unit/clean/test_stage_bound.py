from __future__ import annotations

import pytest

from dyads.clean.stage import CleanStage
from dyads.errors import ArticleTooLong
from dyads.records import MediaType
from dyads.settings import Settings
from tests.conftest import make_document

REPORT = "Turkey and Kazakhstan signed an agreement on rail transit in Ankara on Tuesday. "


def test_clean_stage_rejects_an_article_over_the_character_bound() -> None:
    stage = CleanStage(settings=Settings(max_article_chars=2_000))
    document = make_document(REPORT * 40, media_type=MediaType.ARTICLE_TEXT, source="long.txt")
    with pytest.raises(ArticleTooLong, match=r"3,\d{3} characters, over the limit of 2,000"):
        stage.process(document)


def test_clean_stage_keeps_an_article_within_the_bound() -> None:
    stage = CleanStage(settings=Settings(max_article_chars=2_000))
    document = make_document(REPORT * 20, media_type=MediaType.ARTICLE_TEXT)
    article = stage.process(document)
    assert sum(map(len, article.paragraphs)) <= 2_000
