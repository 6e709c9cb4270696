"""``merge``: the candidates of an article that report one happening become one event.

The last coding stage: what it hands on holds plain strings only, so it outlives the batch's
spaCy memory zone. Events under ``Settings.min_confidence`` are left out here, after merging,
since several mentions of one happening raise its confidence.
"""

from __future__ import annotations

from typing import Any, ClassVar

from dyads.coding.dropped import at, report
from dyads.coding.merge import merge_candidates
from dyads.coding.stages.records import CandidateArticle
from dyads.records import CodedArticle
from dyads.settings import Settings
from dyads.stage import MapStage


class MergeStage(MapStage[CandidateArticle, CodedArticle]):
    name: ClassVar[str] = "merge"
    consumes: ClassVar[type[Any]] = CandidateArticle
    produces: ClassVar[type[Any]] = CodedArticle

    def __init__(self, *, settings: Settings) -> None:
        self.settings = settings

    def process(self, item: CandidateArticle) -> CodedArticle:
        floor = self.settings.min_confidence
        merged = merge_candidates(item.candidates, article=item.article)
        events = tuple(event for event in merged if event.confidence >= floor)
        for event in merged:
            if event.confidence < floor and event.evidence:
                reason = f"under the confidence floor: {event.confidence:.2f} < {floor}"
                report(at(event.evidence[0], article_id=item.article.id, event=event.event,
                          reason=reason))  # fmt: skip
        return CodedArticle(article=item.article, events=events, mentions=item.mentions)
