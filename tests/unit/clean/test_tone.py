from __future__ import annotations

from dataclasses import replace

import pytest

from dyads.clean import tone
from dyads.clean.stage import CleanStage
from dyads.records import MediaType
from dyads.settings import Settings
from tests.conftest import make_article, make_document

GRIM = (
    "The ceasefire collapsed and dozens were killed in brutal attacks on the town.",
    "Officials condemned the violence and warned of worse to come.",
)
WARM = (
    "The leaders welcomed the agreement and praised the warm, friendly talks.",
    "Both sides said the deal was a great success.",
)


def test_article_tone_is_negative_for_violence_and_positive_for_praise() -> None:
    grim, warm = tone.article_tone(make_article(GRIM)), tone.article_tone(make_article(WARM))
    assert grim is not None and warm is not None
    assert -10 <= grim < -2 < 2 < warm <= 10


def test_article_tone_is_the_mean_of_sentence_compounds_times_ten() -> None:
    article = make_article((" ".join(GRIM), WARM[0]))
    sentences = (*GRIM, WARM[0])
    mean = sum(tone.sentence_score(s) for s in sentences) / len(sentences)
    assert tone.article_tone(article) == round(mean * 10, 3)


@pytest.mark.parametrize(
    ("language", "scored"), [("en", True), ("en-GB", True), ("de", False), (None, False)]
)
def test_article_tone_only_for_english(language: str | None, scored: bool) -> None:
    article = replace(make_article(WARM), language=language)
    assert (tone.article_tone(article) is not None) is scored


def test_article_tone_of_an_empty_body_is_none() -> None:
    assert tone.article_tone(make_article(())) is None


def test_vader_analyser_is_built_once_per_process() -> None:
    tone.article_tone(make_article(GRIM))
    tone.article_tone(make_article(WARM))
    assert tone._analyser.cache_info().misses <= 1
    assert tone._analyser() is tone._analyser()


def test_clean_stage_gives_every_article_its_tone() -> None:
    stage = CleanStage(settings=Settings())
    article = stage.process(make_document(" ".join(GRIM), media_type=MediaType.ARTICLE_TEXT))
    assert article.tone is not None and article.tone < 0
