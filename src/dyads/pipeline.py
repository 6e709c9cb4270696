"""An ordered list of stages, checked to fit together before anything runs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from dyads.errors import PipelineError
from dyads.settings import Settings
from dyads.stage import Drop, MapStage, StageContext


@dataclass(frozen=True, slots=True, kw_only=True)
class PipelineSpec:
    """A pipeline described by stage names and settings: what a worker receives."""

    stages: tuple[str, ...]
    settings: Settings


class Pipeline:
    """Stages in order. Build with ``dyads.registry.build_pipeline``."""

    def __init__(self, *, stages: Sequence[MapStage[Any, Any]], spec: PipelineSpec) -> None:
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

    def process(self, item: Any) -> tuple[Any, str | None]:
        """Run one item through every stage; return (result, None) or (None, drop reason).

        Exceptions propagate with ``__dyads_stage__`` set to the stage that raised, so the
        runner can record where an item failed.
        """
        self.open()
        value = item
        for stage in self.stages:
            try:
                value = stage.process(value)
            except Drop as drop:
                return None, f"{stage.name}: {drop.reason}"
            except Exception as exc:
                exc.__dict__.setdefault("dyads_stage", stage.name)
                raise
        return value, None

    def run(self, items: Iterable[Any]) -> Iterator[Any]:
        """Results of every item that is not dropped; errors propagate (the runner owns them)."""
        for item in items:
            result, dropped = self.process(item)
            if dropped is None:
                yield result

    def __enter__(self) -> Pipeline:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
