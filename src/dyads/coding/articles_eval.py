"""Scoring the coder on whole articles coded by hand (``dyads eval articles``).

The gold is one JSON record per article: its ``id``, the ``source_file`` holding its text, a
``no_event`` flag and the ``events`` it reports, each with a type, actor and recipient
countries, the evidence sentence (and ``also_in`` sentences telling the same happening),
``core`` for the article's main news and ``alt_events`` for defensible other types.

A predicted event may match one gold event of the same article; matching is one to one,
taking the most similar admissible pairs first. What is admissible depends on the variant:

- ``default``: the same type, and the countries of the two events overlap (any country when
  the gold names none);
- ``evidence`` (the headline): ``default`` and one predicted sentence is a gold sentence
  (token F1 of at least 0.5, or one containing the other);
- ``strict``: the same type, and for each role the gold fills, the prediction names countries
  in that role, all of them the gold's;
- ``type-only``: the same type;
- ``lenient``: ``default`` with the gold's ``alt_events`` accepted as the type.

Country codes are compared after the aliases below; a generic ``IGO`` matches any IGO code.
The scores of the matches are ``coding.articles_report``'s.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyads.errors import MalformedRecord
from dyads.records import Event

VARIANTS = ("default", "strict", "type-only", "evidence", "lenient")
HEADLINE = "evidence"

# Other spellings of the same party in the gold and in older CAMEO tables.
_ALIASES = {
    "UNO": "UN",
    "UNITED NATIONS": "UN",
    "EUR": "EU",
    "EUROPEAN UNION": "EU",
    "UK": "GBR",
    "ROM": "ROU",
    "ZAR": "COD",
    "TMP": "TLS",
    "PAL": "PSE",
    "KOS": "XKX",
    "RKS": "XKX",
    "BUR": "MMR",
    "SUD": "SDN",
}
# Intergovernmental bodies that a generic "IGO" stands for.
_IGO_CODES = frozenset(
    [
        "IGO",
        "UN",
        "EU",
        "NATO",
        "AU",
        "ASEAN",
        "OAS",
        "ARL",
        "GCC",
        "OIC",
        "OSCE",
        "MERCOSUR",
        "ECOWAS",
        "SADC",
        "IAEA",
        "ICC",
        "ICJ",
        "WHO",
        "WFP",
        "UNHCR",
        "IMF",
        "WB",
        "WTO",
        "G7",
        "G20",
    ]
)
_NO_COUNTRY = frozenset({"", "NONE", "NULL", "UNK", "---"})
# The evidence test: a sentence matches when token F1 reaches this, or when one sentence of at
# least _CONTAINED tokens lies inside the other (a headline fragment, a clause quoted apart).
_SENTENCE_F1 = 0.5
_CONTAINED = 4
_TOKEN = re.compile(r"[a-z0-9]+")


def normal_code(code: object) -> str | None:
    """A country code as the scorer compares it, or None for an unknown party."""
    if code is None:
        return None
    text = str(code).strip().upper()
    return None if text in _NO_COUNTRY else _ALIASES.get(text, text)


def same_party(a: str, b: str) -> bool:
    if a == b:
        return True
    if "IGO" in (a, b):
        return (b if a == "IGO" else a) in _IGO_CODES
    return False


@dataclass(frozen=True, slots=True, kw_only=True)
class ScoredEvent:
    """One event as the scorer sees it, gold or predicted."""

    article_id: str
    event: str
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    sentences: tuple[str, ...] = ()
    date: str | None = None
    alt_events: frozenset[str] = frozenset()
    core: bool = False
    label: str = ""  # the gold event id, or the prediction's id
    confidence: float | None = None

    @property
    def parties(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.actors + self.recipients))


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldArticle:
    id: str
    source_file: str
    no_event: bool
    events: tuple[ScoredEvent, ...]


def read_gold_articles(path: Path) -> Iterator[GoldArticle]:
    """The records of a whole-article gold file."""
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                yield _gold_article(record)
            except (ValueError, KeyError, TypeError) as exc:
                raise MalformedRecord(f"{path}:{number}: not a gold article ({exc})") from exc


def _gold_article(record: Mapping[str, Any]) -> GoldArticle:
    article_id = str(record["id"])
    events = tuple(
        ScoredEvent(
            article_id=article_id,
            event=str(e["event"]).upper(),
            actors=_codes(e.get("actors")),
            recipients=_codes(e.get("recipients")),
            sentences=(str(e.get("evidence") or ""), *map(str, e.get("also_in") or ())),
            date=e.get("date"),
            alt_events=frozenset(str(t).upper() for t in e.get("alt_events") or ()),
            core=bool(e.get("core")),
            label=str(e.get("event_id") or ""),
        )
        for e in record.get("events") or ()
    )
    no_event = bool(record.get("no_event")) or not events
    return GoldArticle(
        id=article_id, source_file=str(record["source_file"]), no_event=no_event, events=events
    )


def _codes(parties: Iterable[Any] | None) -> tuple[str, ...]:
    found: list[str] = []
    for party in parties or ():
        raw = party.get("country", party.get("code")) if isinstance(party, dict) else party
        code = normal_code(raw)
        if code is not None and code not in found:
            found.append(code)
    return tuple(found)


def predicted(event: Event) -> ScoredEvent:
    """What the scorer reads of a coded event."""
    return ScoredEvent(
        article_id=event.article_id,
        event=event.event,
        actors=_codes(a.country for a in event.actors),
        recipients=_codes(r.country for r in event.recipients),
        sentences=tuple(e.sentence for e in event.evidence),
        date=event.date.isoformat() if event.date else None,
        label=event.id,
        confidence=event.confidence,
    )


# --- matching --------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'"))


def sentence_similarity(predicted_sentences: Sequence[str], gold: Sequence[str]) -> float:
    """The best token F1 between a predicted and a gold sentence (1.0 for containment)."""
    best = 0.0
    gold_tokens = [t for t in (_tokens(g) for g in gold) if t]
    for sentence in predicted_sentences:
        mine = _tokens(sentence)
        if not mine:
            continue
        joined = " ".join(mine)
        for theirs in gold_tokens:
            other = " ".join(theirs)
            if (len(mine) >= _CONTAINED and joined in other) or (
                len(theirs) >= _CONTAINED and other in joined
            ):
                return 1.0
            common = sum((Counter(mine) & Counter(theirs)).values())
            if common:
                p, r = common / len(mine), common / len(theirs)
                best = max(best, 2 * p * r / (p + r))
    return best


def _overlap(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    return any(same_party(a, b) for a in mine for b in theirs)


def _within(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    return all(any(same_party(a, b) for b in theirs) for a in mine)


def admissible(variant: str, pred: ScoredEvent, gold: ScoredEvent, similarity: float) -> bool:
    if variant == "lenient":
        if pred.event != gold.event and pred.event not in gold.alt_events:
            return False
    elif pred.event != gold.event:
        return False
    if variant == "type-only":
        return True
    if variant == "strict":
        return all(
            not theirs or (bool(mine) and _within(mine, theirs))
            for mine, theirs in ((pred.actors, gold.actors), (pred.recipients, gold.recipients))
        )
    parties = not gold.parties or _overlap(pred.parties, gold.parties)
    if variant == "evidence":
        return parties and similarity >= _SENTENCE_F1
    return parties


def _jaccard(mine: Sequence[str], theirs: Sequence[str]) -> float:
    if not mine and not theirs:
        return 1.0
    shared = sum(1 for a in mine if any(same_party(a, b) for b in theirs))
    union = len(mine) + len(theirs) - shared
    return shared / union if union else 0.0


def _closeness(pred: ScoredEvent, gold: ScoredEvent, similarity: float) -> float:
    """How alike two admissible events are: the type first, then parties, sentence, date."""
    roles = _within(pred.actors, gold.actors) and _within(pred.recipients, gold.recipients)
    return (
        2.0 * (pred.event == gold.event)
        + _jaccard(pred.parties, gold.parties)
        + 0.5 * roles
        + similarity
        + 0.2 * bool(gold.date and pred.date == gold.date)
    )


def match(
    variant: str, preds: Sequence[ScoredEvent], golds: Sequence[ScoredEvent]
) -> list[tuple[int, int]]:
    """One-to-one (prediction, gold) index pairs of one article, most alike first."""
    ranked: list[tuple[float, int, int]] = []
    for i, pred in enumerate(preds):
        for j, gold in enumerate(golds):
            similarity = sentence_similarity(pred.sentences, gold.sentences)
            if admissible(variant, pred, gold, similarity):
                ranked.append((-_closeness(pred, gold, similarity), j, i))
    ranked.sort()
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, j, i in ranked:
        if i not in used_pred and j not in used_gold:
            used_pred.add(i)
            used_gold.add(j)
            pairs.append((i, j))
    return pairs
