"""What every runner returns: one outcome per input item, and statistics."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dyads.pipeline import Pipeline
from dyads.records import Document, Rejection


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """The fate of one input item: a result, a drop reason, or a rejection."""

    source: str
    result: Any = None
    dropped: str | None = None
    rejection: Rejection | None = None


@dataclass(slots=True, kw_only=True)
class RunStats:
    items: int = 0
    results: int = 0
    dropped: int = 0
    rejected: int = 0
    rejected_by_stage: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        self.items += 1
        if outcome.rejection is not None:
            self.rejected += 1
            self.rejected_by_stage[outcome.rejection.stage] += 1
        elif outcome.dropped is not None:
            self.dropped += 1
        else:
            self.results += 1

    def merge(self, other: RunStats) -> None:
        self.items += other.items
        self.results += other.results
        self.dropped += other.dropped
        self.rejected += other.rejected
        self.rejected_by_stage.update(other.rejected_by_stage)


def process_item(pipeline: Pipeline, item: Document | Rejection) -> Outcome:
    """Run one item, turning any exception into a recorded rejection (the error policy)."""
    if isinstance(item, Rejection):
        return Outcome(source=item.source, rejection=item)
    try:
        result, dropped = pipeline.process(item)
    except Exception as exc:  # the runner owns error policy: record and go on
        stage = str(exc.__dict__.get("dyads_stage", "pipeline"))
        message = str(exc) or repr(exc)
        # the rejection names its source; an exception that named it too would say it twice
        message = message.removeprefix(f"{item.source}: ")
        rejection = Rejection(
            source=item.source,
            stage=stage,
            error=type(exc).__name__,
            message=message,
            document_id=item.id,
        )
        return Outcome(source=item.source, rejection=rejection)
    if dropped is not None:
        return Outcome(source=item.source, dropped=dropped)
    return Outcome(source=item.source, result=result)
