"""An ordered list of stages, checked to fit together before anything runs.

``Pipeline.run`` chains the stages over a batch: each stage's ``run`` gets the items still
alive after the stage before it, and every input item ends with one ``ItemResult`` (the
last stage's output, a drop reason, or the error of the stage it failed in). One bad item
never costs the others their results: when a stage raises for the batch as a whole, its
items go through it again one by one, and only the one that raises alone fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

from dyads.errors import PipelineError
from dyads.settings import Settings
from dyads.stage import Drop, Stage, StageContext


@dataclass(frozen=True, slots=True, kw_only=True)
class PipelineSpec:
    """A pipeline described by stage names and settings: what a worker receives."""

    stages: tuple[str, ...]
    settings: Settings


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemResult:
    """The fate of one item in the pipeline: a value, or where and why it stopped."""

    value: Any = None
    dropped: str | None = None  # "<stage>: <reason>"
    error: Exception | None = None
    stage: str | None = None  # the stage that dropped it or failed on it


class Pipeline:
    """Stages in order. Build with ``dyads.registry.build_pipeline``."""

    def __init__(self, *, stages: Sequence[Stage[Any, Any]], spec: PipelineSpec) -> None:
        self.stages = tuple(stages)
        self.spec = spec
        self.ctx = StageContext(settings=spec.settings)
        self._opened = False
        self.validate()

    def validate(self) -> None:
        """Raise ``PipelineError`` unless each stage consumes what the previous produces."""
        if not self.stages:
            raise PipelineError("a pipeline needs at least one stage")
        for before, after in zip(self.stages, self.stages[1:], strict=False):
            if not issubclass(before.produces, after.consumes):
                raise PipelineError(
                    f"stage {after.name!r} consumes {after.consumes.__name__} but "
                    f"{before.name!r} produces {before.produces.__name__}"
                )

    @property
    def consumes(self) -> type[Any]:
        return self.stages[0].consumes

    @property
    def produces(self) -> type[Any]:
        return self.stages[-1].produces

    def open(self) -> None:
        if not self._opened:
            for stage in self.stages:
                stage.open(self.ctx)
            self._opened = True

    def close(self) -> None:
        if self._opened:
            for stage in self.stages:
                stage.close()
            self._opened = False

    def run(self, items: Sequence[Any]) -> list[ItemResult]:
        """One ``ItemResult`` per item, in order. Nothing raises for an item's sake."""
        self.open()
        results: list[ItemResult | None] = [None] * len(items)
        alive = list(range(len(items)))
        values = list(items)
        with ExitStack() as batch:
            self.ctx.batch = batch
            for stage in self.stages:
                if not alive:
                    break
                outputs = self._run_stage(stage, values)
                still: list[int] = []
                values = []
                for index, output in zip(alive, outputs, strict=True):
                    if isinstance(output, Exception):
                        results[index] = _stopped(stage.name, output)
                    else:
                        still.append(index)
                        values.append(output)
                alive = still
            for index, value in zip(alive, values, strict=True):
                results[index] = ItemResult(value=value)
        return [result if result is not None else ItemResult() for result in results]

    def _run_stage(self, stage: Stage[Any, Any], values: list[Any]) -> list[Any]:
        """The stage's result per value; a batch that fails as a whole is retried item by item."""
        try:
            outputs = stage.run(values, self.ctx)
        except Exception as exc:
            if len(values) == 1:
                return [exc]
            self.ctx.logger.info(
                "stage %s failed on a batch of %d (%s); retrying its items one by one",
                stage.name,
                len(values),
                exc,
            )
            return [self._run_stage(stage, [value])[0] for value in values]
        if len(outputs) != len(values):
            raise PipelineError(
                f"stage {stage.name!r} returned {len(outputs)} results for {len(values)} items"
            )
        return outputs

    def process(self, item: Any) -> tuple[Any, str | None]:
        """Run one item; return (result, None) or (None, drop reason).

        An item's error is raised again with ``dyads_stage`` naming the stage it failed in;
        callers that code many items use ``run`` (or the runners) instead.
        """
        (result,) = self.run([item])
        if result.error is not None:
            raise result.error
        return result.value, result.dropped

    def __enter__(self) -> Pipeline:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _stopped(stage: str, exc: Exception) -> ItemResult:
    if isinstance(exc, Drop):
        return ItemResult(dropped=f"{stage}: {exc.reason}", stage=stage)
    exc.__dict__.setdefault("dyads_stage", stage)
    return ItemResult(error=exc, stage=stage)
