"""The whole-article scorer on records written for these tests."""

from __future__ import annotations

from dyads.coding.articles_eval import (
    GoldArticle,
    ScoredEvent,
    normal_code,
    sentence_similarity,
)
from dyads.coding.articles_report import calibrate, score_articles

SENTENCE = "Chile and Peru signed a fisheries agreement in Lima on Thursday."
OTHER = "The harbour of Callao was closed for repairs after a storm."


def _gold(**kw: object) -> ScoredEvent:
    base: dict[str, object] = {
        "article_id": "a1",
        "event": "AGREE",
        "actors": ("CHL", "PER"),
        "sentences": (SENTENCE,),
        "core": True,
    }
    base.update(kw)
    return ScoredEvent(**base)  # type: ignore[arg-type]


def _pred(**kw: object) -> ScoredEvent:
    base: dict[str, object] = {
        "article_id": "a1",
        "event": "AGREE",
        "actors": ("CHL",),
        "recipients": ("PER",),
        "sentences": (SENTENCE,),
        "confidence": 0.85,
    }
    base.update(kw)
    return ScoredEvent(**base)  # type: ignore[arg-type]


def test_normal_code_aliases_and_unknowns() -> None:
    assert normal_code("uno") == "UN"
    assert normal_code("UK") == "GBR"
    assert normal_code(None) is None
    assert normal_code("unk") is None


def test_sentence_similarity_containment_and_overlap() -> None:
    assert sentence_similarity([SENTENCE], [SENTENCE]) == 1.0
    assert sentence_similarity(["Chile and Peru signed a fisheries agreement"], [SENTENCE]) == 1.0
    assert sentence_similarity([OTHER], [SENTENCE]) < 0.5


def test_score_articles_headline_needs_the_sentence() -> None:
    gold = [GoldArticle(id="a1", source_file="x", no_event=False, events=(_gold(),))]
    right = score_articles(gold, {"a1": [_pred()]})
    wrong_sentence = score_articles(gold, {"a1": [_pred(sentences=(OTHER,))]})
    assert right.variants["evidence"].tp == 1
    assert right.core_recall["evidence"] == 1.0
    assert wrong_sentence.variants["default"].tp == 1
    assert wrong_sentence.variants["evidence"].tp == 0
    assert len(wrong_sentence.false_events) == 1 and len(wrong_sentence.misses) == 1


def test_score_articles_strict_and_lenient() -> None:
    gold = [
        GoldArticle(
            id="a1",
            source_file="x",
            no_event=False,
            events=(_gold(event="COOPERATE", alt_events=frozenset({"AGREE"})),),
        )
    ]
    report = score_articles(gold, {"a1": [_pred(actors=("CHL", "ARG"))]})
    assert report.variants["default"].tp == 0  # the type differs
    assert report.variants["lenient"].tp == 1  # an accepted other type
    strict_gold = [GoldArticle(id="a1", source_file="x", no_event=False, events=(_gold(),))]
    assert (
        score_articles(strict_gold, {"a1": [_pred(actors=("CHL", "ARG"))]}).variants["strict"].tp
        == 0
    )  # ARG is no party of the gold


def test_score_articles_one_to_one_and_no_event_articles() -> None:
    gold = [
        GoldArticle(id="a1", source_file="x", no_event=False, events=(_gold(),)),
        GoldArticle(id="a2", source_file="x", no_event=True, events=()),
    ]
    twice = [_pred(), _pred(label="second")]
    report = score_articles(gold, {"a1": twice, "a2": [_pred(article_id="a2")]})
    assert report.variants["evidence"].tp == 1  # one gold event matches one prediction
    assert report.variants["evidence"].predicted == 3
    assert report.false_on_no_event == 1 and report.articles_with_false == 1
    assert report.per_type["AGREE"].gold == 1 and report.per_type["AGREE"].predicted == 3


def test_score_articles_igo_matches_a_generic_igo() -> None:
    gold = [
        GoldArticle(
            id="a1",
            source_file="x",
            no_event=False,
            events=(_gold(event="REQUEST", actors=("IGO",)),),
        )
    ]
    report = score_articles(gold, {"a1": [_pred(event="REQUEST", actors=("UN",), recipients=())]})
    assert report.variants["evidence"].tp == 1


def test_calibrate_bins_by_tenth() -> None:
    judged = [
        (_pred(confidence=0.95), True),
        (_pred(confidence=0.91), False),
        (_pred(confidence=1.0), True),
        (_pred(confidence=0.05), False),
    ]
    bins = calibrate(judged)
    assert len(bins) == 10
    assert (bins[9].events, bins[9].right) == (3, 2)
    assert bins[0].events == 1 and bins[0].share == 0.0
    assert bins[5].share is None
