"""The report of a whole-article evaluation: the scores of the matches ``articles_eval`` makes.

Per variant, precision, recall and F1 over all events of the gold articles (an article with
no prediction predicted none), and the recall of the ``core`` events. For the headline
variant also: the false events on articles with no event, the scores per event type, how
many matched events with a gold date have that date, the unmatched gold and predicted
events, and calibration: the share of predictions matched in each confidence bin of 0.1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from dyads.coding.articles_eval import HEADLINE, VARIANTS, GoldArticle, ScoredEvent, match


@dataclass(frozen=True, slots=True, kw_only=True)
class Score:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class CalibrationBin:
    low: float  # confidences in [low, low + 0.1), the last bin closed
    events: int
    right: int  # matched in the headline variant

    @property
    def share(self) -> float | None:
        return self.right / self.events if self.events else None


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleReport:
    articles: int
    variants: Mapping[str, Score]
    core_recall: Mapping[str, float]
    core_events: int
    no_event_articles: int
    false_on_no_event: int
    articles_with_false: int
    per_type: Mapping[str, Score]  # headline variant
    dates_matched: int  # headline matches whose gold has a date
    dates_equal: int
    calibration: tuple[CalibrationBin, ...]
    misses: tuple[ScoredEvent, ...] = field(default=())  # gold not matched (headline)
    false_events: tuple[ScoredEvent, ...] = field(default=())  # predictions not matched


def score_articles(
    gold: Sequence[GoldArticle], predictions: Mapping[str, Sequence[ScoredEvent]]
) -> ArticleReport:
    """Score predictions (by article id) against the gold; absent articles predicted none."""
    pairs = {
        variant: {a.id: match(variant, predictions.get(a.id, ()), a.events) for a in gold}
        for variant in VARIANTS
    }
    n_gold = sum(len(a.events) for a in gold)
    n_pred = sum(len(predictions.get(a.id, ())) for a in gold)
    n_core = sum(e.core for a in gold for e in a.events)
    variants = {
        v: Score(tp=sum(map(len, p.values())), predicted=n_pred, gold=n_gold)
        for v, p in pairs.items()
    }
    core = {
        v: (sum(a.events[j].core for a in gold for _, j in p[a.id]) / n_core if n_core else 0.0)
        for v, p in pairs.items()
    }
    headline = pairs[HEADLINE]
    no_event = [a for a in gold if a.no_event]
    false_counts = [len(predictions.get(a.id, ())) for a in no_event]
    misses, false_events, right = _unmatched(gold, predictions, headline)
    dated = [
        (predictions[a.id][i], a.events[j])
        for a in gold
        for i, j in headline[a.id]
        if a.events[j].date
    ]
    return ArticleReport(
        articles=len(gold),
        variants=variants,
        core_recall=core,
        core_events=n_core,
        no_event_articles=len(no_event),
        false_on_no_event=sum(false_counts),
        articles_with_false=sum(1 for n in false_counts if n),
        per_type=_per_type(gold, predictions, headline),
        dates_matched=len(dated),
        dates_equal=sum(p.date == g.date for p, g in dated),
        calibration=calibrate(right),
        misses=misses,
        false_events=false_events,
    )


def _unmatched(
    gold: Sequence[GoldArticle],
    predictions: Mapping[str, Sequence[ScoredEvent]],
    pairs: Mapping[str, list[tuple[int, int]]],
) -> tuple[tuple[ScoredEvent, ...], tuple[ScoredEvent, ...], list[tuple[ScoredEvent, bool]]]:
    misses: list[ScoredEvent] = []
    false_events: list[ScoredEvent] = []
    judged: list[tuple[ScoredEvent, bool]] = []
    for article in gold:
        hit_pred = {i for i, _ in pairs[article.id]}
        hit_gold = {j for _, j in pairs[article.id]}
        misses.extend(e for j, e in enumerate(article.events) if j not in hit_gold)
        for i, pred in enumerate(predictions.get(article.id, ())):
            judged.append((pred, i in hit_pred))
            if i not in hit_pred:
                false_events.append(pred)
    return tuple(misses), tuple(false_events), judged


def _per_type(
    gold: Sequence[GoldArticle],
    predictions: Mapping[str, Sequence[ScoredEvent]],
    pairs: Mapping[str, list[tuple[int, int]]],
) -> dict[str, Score]:
    gold_types = Counter(e.event for a in gold for e in a.events)
    pred_types = Counter(p.event for a in gold for p in predictions.get(a.id, ()))
    hits = Counter(a.events[j].event for a in gold for _, j in pairs[a.id])
    return {
        t: Score(tp=hits[t], predicted=pred_types[t], gold=gold_types[t])
        for t in sorted(gold_types | pred_types)
    }


def calibrate(judged: Iterable[tuple[ScoredEvent, bool]]) -> tuple[CalibrationBin, ...]:
    """Events and the share matched, in confidence bins of 0.1."""
    events = [0] * 10
    right = [0] * 10
    for event, ok in judged:
        index = min(int((event.confidence or 0.0) * 10), 9)
        events[index] += 1
        right[index] += ok
    return tuple(CalibrationBin(low=k / 10, events=events[k], right=right[k]) for k in range(10))
