"""Why the coder missed a gold event or made a false one: each error put in one cause.

``dyads eval articles --causes`` counts the errors of the headline (evidence) variant by
cause, read from what the coder did with the gold event's sentence:

Missed gold events
- ``wrong type``: an event that matches no gold event was coded from the sentence, of another
  type;
- ``wrong parties``: one of the same type was, with no country of the gold's;
- ``left out: REASON``: a candidate of the sentence was dropped by a rule
  (``coding.dropped``: background, negated, no party of a known country, ...);
- ``merged into another event``: an event of that type, matched to another gold event, holds
  the sentence among its reports (the coder told two happenings as one);
- ``the sentence's one event is another``: an event of another type, matched to another gold
  event, was read from the sentence (the coder codes one event where it holds two);
- ``no event word read``: the sentence was parsed (it has a word of the lexicon and may name
  a party) but no trigger came out of it;
- ``no party the prefilter knows``: a word of the lexicon, but nothing that may name a party,
  so the sentence was not parsed;
- ``no word of the lexicon``: nothing in the sentence is a trigger form.

False events
- ``in an article with no event``;
- ``wrong type`` / ``wrong parties``: the gold has an event in that sentence, of another type
  or the same type with other countries;
- ``a second event of one happening``: the gold event of that sentence is matched already;
- ``no event in the gold sentence``: background, commentary, a word without the happening.

The causes are read mechanically; they group the errors, not judge them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from dyads.coding.articles_eval import (
    GoldArticle,
    ScoredEvent,
    same_party,
    sentence_similarity,
)
from dyads.coding.articles_report import ArticleReport
from dyads.coding.dropped import DroppedCandidate

# Sentences as alike as the evidence variant requires are the same sentence.
SAME_SENTENCE = 0.5


@dataclass(frozen=True, slots=True, kw_only=True)
class Causes:
    misses: Mapping[str, int]
    false_events: Mapping[str, int]
    # the cause of each of the report's misses and false events, in the report's order
    of_misses: tuple[str, ...] = ()
    of_false_events: tuple[str, ...] = ()


def error_causes(
    report: ArticleReport,
    *,
    gold: Sequence[GoldArticle],
    predictions: Mapping[str, Sequence[ScoredEvent]],
    dropped: Sequence[DroppedCandidate],
    parsed: Callable[[str], bool],
    has_trigger_word: Callable[[str], bool],
) -> Causes:
    """Count ``report``'s misses and false events by cause.

    ``parsed(sentence)`` says whether the coder would parse a sentence, ``has_trigger_word``
    whether it holds a form of a trigger lemma (the select stage's two tests).
    """
    by_article: dict[str, list[DroppedCandidate]] = {}
    for candidate in dropped:
        by_article.setdefault(candidate.article_id, []).append(candidate)
    unmatched = {id(event) for event in report.false_events}
    of_misses = tuple(
        _miss_cause(
            miss,
            [p for p in predictions.get(miss.article_id, ()) if id(p) in unmatched],
            [p for p in predictions.get(miss.article_id, ()) if id(p) not in unmatched],
            by_article.get(miss.article_id, []),
            parsed=parsed,
            has_trigger_word=has_trigger_word,
        )
        for miss in report.misses
    )
    articles = {article.id: article for article in gold}
    missed = {id(m) for m in report.misses}
    of_false = tuple(
        _false_cause(event, articles[event.article_id], missed=missed)
        if event.article_id in articles
        else "in no gold article"
        for event in report.false_events
    )
    return Causes(
        misses=dict(Counter(of_misses).most_common()),
        false_events=dict(Counter(of_false).most_common()),
        of_misses=of_misses,
        of_false_events=of_false,
    )


def _same(sentences: Sequence[str], others: Sequence[str]) -> bool:
    return sentence_similarity(sentences, others) >= SAME_SENTENCE


def _shares_country(event: ScoredEvent, other: ScoredEvent) -> bool:
    if not other.parties:
        return True
    return any(same_party(a, b) for a in event.parties for b in other.parties)


def _miss_cause(
    miss: ScoredEvent,
    predictions: Sequence[ScoredEvent],
    matched: Sequence[ScoredEvent],
    dropped: Sequence[DroppedCandidate],
    *,
    parsed: Callable[[str], bool],
    has_trigger_word: Callable[[str], bool],
) -> str:
    coded = _coded_otherwise(miss, predictions, matched)
    if coded is not None:
        return coded
    reasons = [d.reason for d in dropped if _same((d.sentence,), miss.sentences)]
    if reasons:
        return "left out: " + reasons[0].split(":")[0]
    sentence = miss.sentences[0] if miss.sentences else ""
    if parsed(sentence):
        return "no event word read"
    if has_trigger_word(sentence):
        return "no party the prefilter knows"
    return "no word of the lexicon"


def _coded_otherwise(
    miss: ScoredEvent, unmatched: Sequence[ScoredEvent], matched: Sequence[ScoredEvent]
) -> str | None:
    """The cause of a miss whose sentence an event was coded from: a false event of its
    type (the wrong parties) or of another, or an event matched to another gold event that
    holds the sentence among its reports."""
    there = [p for p in unmatched if _same(p.sentences, miss.sentences)]
    if there:
        return "wrong parties" if any(p.event == miss.event for p in there) else "wrong type"
    taken = [p for p in matched if any(_same((s,), miss.sentences) for s in p.sentences)]
    if taken:
        same_type = any(p.event == miss.event for p in taken)
        return "merged into another event" if same_type else "the sentence's one event is another"
    return None


def _false_cause(event: ScoredEvent, article: GoldArticle, *, missed: set[int]) -> str:
    if article.no_event:
        return "in an article with no event"
    there = [g for g in article.events if _same(event.sentences, g.sentences)]
    if not there:
        return "no event in the gold sentence"
    open_gold = [g for g in there if id(g) in missed]
    if not open_gold:
        return "a second event of one happening"
    if any(g.event == event.event and not _shares_country(event, g) for g in open_gold):
        return "wrong parties"
    return "wrong type"
