"""Scoring the event coder on gold sentences: event type, actor and recipient countries.

Two gold formats are read:

- PLOVER gold records (``id``, ``text``, ``expected[0]`` with ``event``, ``actors`` and
  ``recipients`` carrying country ``code``s, and ``reciprocal``);
- CAMEO code records (``cameo``, ``example``): the label is the PLOVER event of the code through
  the CAMEO-to-PLOVER table with the manual's root fallback. Codes that map to no PLOVER event
  (roots 01 "make public statement" and 02 "appeal") and codes without an example sentence are
  left out. These records name no actors, so only the event type is scored.

Each sentence is coded as a one-paragraph article. Its top event (the most confident) is
compared with the gold event; a sentence with no event counts as wrong. Countries are compared
as sets per sentence; for reciprocal gold the actor and recipient sides may be swapped.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyads.coding.derive import code_tables
from dyads.coding.lexicon import EVENT_TYPES
from dyads.errors import MalformedRecord
from dyads.records import Article, Event
from dyads.settings import Settings

if TYPE_CHECKING:
    from dyads.coding.stage import ArticleCoder

NONE = "NONE"
# Country codes of the older CAMEO actor dictionary that the PLOVER gold still uses, with the
# ISO 3166-1 alpha-3 code of the same country.
CAMEO_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VAT"}


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldSentence:
    id: str
    text: str
    event: str
    actors: frozenset[str] | None = None  # None: the record names no actors (not scored)
    recipients: frozenset[str] = frozenset()
    reciprocal: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Prediction:
    gold: GoldSentence
    event: str  # NONE when nothing was coded
    actors: frozenset[str] = frozenset()
    recipients: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class ClassScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalReport:
    sentences: int
    accuracy: float
    macro_f1: float  # mean F1 of the types in ``macro_types``
    per_type: dict[str, ClassScore]
    confusion: dict[str, Counter[str]]  # gold -> predicted -> count
    actor_f1: float | None
    recipient_f1: float | None
    predictions: tuple[Prediction, ...] = field(default=(), repr=False)
    # the event types the gold holds, in PLOVER order: a type with no gold sentence has no
    # recall to measure, and counting its F1 as 0 would score a subset by what it lacks
    macro_types: tuple[str, ...] = ()


def _codes(entities: Iterable[dict[str, Any]] | None) -> frozenset[str]:
    out = set()
    for entity in entities or ():
        if isinstance(entity, dict) and entity.get("code"):
            code = str(entity["code"])
            out.add(CAMEO_COUNTRY_CODES.get(code, code))
    return frozenset(out)


def read_gold(path: Path) -> Iterator[GoldSentence]:
    """Gold sentences of a PLOVER gold file or a CAMEO code file (told apart per record)."""
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise MalformedRecord(f"{path}:{number}: not JSON: {exc}") from None
            gold = _gold_record(record, where=f"{path}:{number}")
            if gold is not None:
                yield gold


def _gold_record(record: dict[str, Any], *, where: str) -> GoldSentence | None:
    if "expected" in record:
        expected = (record.get("expected") or [None])[0]
        if not expected or not record.get("text"):
            raise MalformedRecord(f"{where}: a gold record needs text and expected[0]")
        return GoldSentence(
            id=str(record["id"]),
            text=str(record["text"]),
            event=str(expected["event"]),
            actors=_codes(expected.get("actors")),
            recipients=_codes(expected.get("recipients")),
            reciprocal=bool(expected.get("reciprocal")),
        )
    if "cameo" in record:
        plover = code_tables().plover_of(str(record["cameo"]))
        if plover is None or not record.get("example"):
            return None
        return GoldSentence(
            id=str(record["cameo"]), text=str(record["example"]), event=plover.event
        )
    raise MalformedRecord(f"{where}: neither a PLOVER gold record nor a CAMEO code record")


def gold_article(gold: GoldSentence) -> Article:
    """The sentence as a one-paragraph article, undated: the gold sentences give no date."""
    return Article(
        id=gold.id,
        document_id=gold.id,
        source=gold.id,
        paragraphs=(gold.text,),
        method="article-text",
        confidence=1.0,
    )


def predict(gold: GoldSentence, events: Iterable[Event]) -> Prediction:
    top = max(events, key=lambda e: e.confidence, default=None)
    if top is None:
        return Prediction(gold=gold, event=NONE)
    return Prediction(
        gold=gold,
        event=top.event,
        actors=frozenset(a.country for a in top.actors if a.country),
        recipients=frozenset(r.country for r in top.recipients if r.country),
    )


def sentence_coder(settings: Settings | None = None) -> ArticleCoder:
    """The coder the sentence sets score: it emits every event it finds, whatever its
    confidence. Those sets check type decisions (each sentence reports one event); the
    confidence floor (``Settings.min_confidence``) is a precision policy, and precision is
    judged on whole articles (``dyads.coding.articles_eval``)."""
    from dyads.coding.stage import ArticleCoder

    base = settings if settings is not None else Settings()
    return ArticleCoder(settings=base.model_copy(update={"min_confidence": 0.0}))


def evaluate(
    golds: Iterable[GoldSentence], *, code: Callable[[Article], Iterable[Event]]
) -> EvalReport:
    """Score ``code`` (an article -> events function) on ``golds``."""
    predictions = tuple(predict(g, code(gold_article(g))) for g in golds)
    return score(predictions)


def score(predictions: tuple[Prediction, ...]) -> EvalReport:
    confusion: dict[str, Counter[str]] = {}
    for p in predictions:
        confusion.setdefault(p.gold.event, Counter())[p.event] += 1
    per_type = {t: _class_score(t, predictions) for t in EVENT_TYPES}
    present = tuple(t for t in EVENT_TYPES if per_type[t].support)
    correct = sum(p.event == p.gold.event for p in predictions)
    n = len(predictions)
    return EvalReport(
        sentences=n,
        accuracy=correct / n if n else 0.0,
        macro_f1=sum(per_type[t].f1 for t in present) / len(present) if present else 0.0,
        macro_types=present,
        per_type=per_type,
        confusion=confusion,
        actor_f1=_set_f1(predictions, side="actors"),
        recipient_f1=_set_f1(predictions, side="recipients"),
        predictions=predictions,
    )


def _class_score(label: str, predictions: tuple[Prediction, ...]) -> ClassScore:
    tp = sum(p.event == label and p.gold.event == label for p in predictions)
    predicted = sum(p.event == label for p in predictions)
    support = sum(p.gold.event == label for p in predictions)
    precision = tp / predicted if predicted else 0.0
    recall = tp / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ClassScore(precision=precision, recall=recall, f1=f1, support=support)


def _set_f1(predictions: tuple[Prediction, ...], *, side: str) -> float | None:
    tp = fp = fn = 0
    scored = False
    for p in predictions:
        if p.gold.actors is None:
            continue
        scored = True
        gold, pred = _sides(p, side=side)
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    if not scored:
        return None
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def _sides(p: Prediction, *, side: str) -> tuple[frozenset[str], frozenset[str]]:
    gold_actors = p.gold.actors or frozenset()
    if p.gold.reciprocal:
        # every party of a reciprocal event is an actor; either predicted side may hold it
        parties = p.actors | p.recipients
        if side == "actors":
            return gold_actors, parties & gold_actors or p.actors
        return p.gold.recipients, p.recipients - gold_actors
    if side == "actors":
        return gold_actors, p.actors
    return p.gold.recipients, p.recipients
