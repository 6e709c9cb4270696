"""Errors of the whole-article evaluation counted by cause, from made-up gold and predictions."""

from __future__ import annotations

from dyads.coding.articles_eval import GoldArticle, ScoredEvent
from dyads.coding.articles_report import score_articles
from dyads.coding.causes import Causes, error_causes
from dyads.coding.dropped import DroppedCandidate

S_TYPE = "Chile accused Peru of moving troops to the border on Monday."
S_PARTY = "Bolivia urged Chile to reopen the port talks without delay."
S_DROP = "In 1998, Peru accused Ecuador of the same border raids."
S_READ = "Ecuador and Peru exchanged harsh words over the river border."
S_NOPARTY = "The envoy condemned the raids in the strongest possible terms."
S_NOWORD = "Quito and Lima remain at odds over the river border."
S_EXTRA = "Commentators said Chile would probably attack the pipeline next."


def gold_event(event: str, sentence: str, actors: tuple[str, ...]) -> ScoredEvent:
    return ScoredEvent(article_id="a", event=event, actors=actors, sentences=(sentence,))


def _causes_all_parsed(
    gold: list[GoldArticle], predictions: dict[str, list[ScoredEvent]]
) -> Causes:
    """The causes of the errors of ``predictions`` when every sentence was parsed, holds a
    trigger word, and no candidate was left out."""
    return error_causes(
        score_articles(gold, predictions),
        gold=gold,
        predictions=predictions,
        dropped=[],
        parsed=lambda text: True,
        has_trigger_word=lambda text: True,
    )


def test_every_miss_and_false_event_gets_its_cause() -> None:
    gold = [
        GoldArticle(
            id="a",
            source_file="x.jsonl",
            no_event=False,
            events=(
                gold_event("ACCUSE", S_TYPE, ("CHL",)),
                gold_event("REQUEST", S_PARTY, ("BOL",)),
                gold_event("ACCUSE", S_DROP, ("PER",)),
                gold_event("ACCUSE", S_READ, ("ECU",)),
                gold_event("ACCUSE", S_NOPARTY, ("PER",)),
                gold_event("REJECT", S_NOWORD, ("ECU",)),
            ),
        ),
        GoldArticle(id="b", source_file="x.jsonl", no_event=True, events=()),
    ]
    predictions = {
        "a": [
            ScoredEvent(article_id="a", event="THREATEN", actors=("CHL",), sentences=(S_TYPE,)),
            ScoredEvent(article_id="a", event="REQUEST", actors=("USA",), sentences=(S_PARTY,)),
            ScoredEvent(article_id="a", event="ASSAULT", actors=("CHL",), sentences=(S_EXTRA,)),
        ],
        "b": [ScoredEvent(article_id="b", event="CONSULT", actors=("FRA",), sentences=("x",))],
    }
    dropped = [
        DroppedCandidate(
            article_id="a",
            sentence_index=2,
            sentence=S_DROP,
            event="ACCUSE",
            word="accused",
            reason="background: set in 1998",
        )
    ]
    report = score_articles(gold, predictions)
    causes = error_causes(
        report,
        gold=gold,
        predictions=predictions,
        dropped=dropped,
        parsed=lambda text: text in {S_READ, S_DROP, S_TYPE, S_PARTY},
        has_trigger_word=lambda text: text != S_NOWORD,
    )
    assert causes.misses == {
        "wrong type": 1,
        "wrong parties": 1,
        "left out: background": 1,
        "no event word read": 1,
        "no party the prefilter knows": 1,
        "no word of the lexicon": 1,
    }
    assert causes.false_events == {
        "wrong type": 1,
        "wrong parties": 1,
        "no event in the gold sentence": 1,
        "in an article with no event": 1,
    }
    # each error's own cause, in the report's order, for the lists of --details
    by_sentence = dict(zip((m.sentences[0] for m in report.misses), causes.of_misses, strict=True))
    assert by_sentence[S_DROP] == "left out: background"
    assert by_sentence[S_NOWORD] == "no word of the lexicon"
    assert len(causes.of_false_events) == len(report.false_events)


def test_a_second_report_of_a_matched_event_is_counted_as_such() -> None:
    event = gold_event("ACCUSE", S_TYPE, ("CHL",))
    gold = [GoldArticle(id="a", source_file="x.jsonl", no_event=False, events=(event,))]
    twice = [
        ScoredEvent(article_id="a", event="ACCUSE", actors=("CHL",), sentences=(S_TYPE,)),
        ScoredEvent(article_id="a", event="ACCUSE", actors=("CHL",), sentences=(S_TYPE,)),
    ]
    causes = _causes_all_parsed(gold, {"a": twice})
    assert causes.misses == {}
    assert causes.false_events == {"a second event of one happening": 1}


def test_a_miss_whose_sentence_a_matched_event_holds_says_so() -> None:
    """A gold event whose sentence went into an event matched to another gold event: of its
    type, two happenings told as one; of another type, the sentence coded once."""
    lead = "Chile and Peru signed a trade accord in Lima on Monday."
    second = "Chile also signed a fisheries accord with Peru on the same day."
    third = "Peru then urged Chile to open the river border to trucks."
    gold = [
        GoldArticle(
            id="a",
            source_file="x.jsonl",
            no_event=False,
            events=(
                gold_event("AGREE", lead, ("CHL",)),
                gold_event("AGREE", second, ("CHL",)),
                gold_event("ACCUSE", third, ("PER",)),
                gold_event("REQUEST", third, ("PER",)),
            ),
        )
    ]
    predicted = [
        ScoredEvent(article_id="a", event="AGREE", actors=("CHL",), sentences=(lead, second)),
        ScoredEvent(article_id="a", event="REQUEST", actors=("PER",), sentences=(third,)),
    ]
    causes = _causes_all_parsed(gold, {"a": predicted})
    assert causes.misses == {
        "merged into another event": 1,
        "the sentence's one event is another": 1,
    }
    assert causes.false_events == {}
