"""The one table from stage name to factory.

Factories are named by import path and imported only when a pipeline is built, so importing
this module loads nothing heavy and a worker process builds fresh stages from names alone.

``code`` is not a stage but the name of the coding stages in their order, so that a
pipeline written as ``clean,code`` (``dyads run --stages``) keeps meaning extract and code.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

from dyads.errors import PipelineError
from dyads.pipeline import Pipeline, PipelineSpec
from dyads.settings import Settings
from dyads.stage import Stage

STAGES: dict[str, str] = {
    "clean": "dyads.clean.stage:CleanStage",
    "select": "dyads.coding.stages.select:SelectStage",
    "parse": "dyads.coding.stages.parse:ParseStage",
    "actors": "dyads.coding.stages.actors:ActorsStage",
    "events": "dyads.coding.stages.events:EventsStage",
    "merge": "dyads.coding.stages.merge:MergeStage",
}

# An article to its events: sentences worth parsing, the batched spaCy parse, actors,
# event candidates, and the merge of the candidates that report the same event.
CODING = ("select", "parse", "actors", "events", "merge")
GROUPS: dict[str, tuple[str, ...]] = {"code": CODING}

EXTRACT = ("clean",)
CODE = ("clean", *CODING)

StageFactory = Callable[..., Stage[Any, Any]]


def known_names() -> tuple[str, ...]:
    """Every name a pipeline description may use: stages and groups of stages."""
    return (*STAGES, *GROUPS)


def expand(names: Sequence[str]) -> tuple[str, ...]:
    """Stage names with every group name replaced by its stages."""
    return tuple(stage for name in names for stage in GROUPS.get(name, (name,)))


def stage_factory(name: str) -> StageFactory:
    try:
        target = STAGES[name]
    except KeyError:
        known = ", ".join(sorted(known_names()))
        raise PipelineError(f"unknown stage {name!r}; known stages: {known}") from None
    module_name, _, attr = target.partition(":")
    factory: StageFactory = getattr(importlib.import_module(module_name), attr)
    return factory


def build_stage(name: str, settings: Settings) -> Stage[Any, Any]:
    return stage_factory(name)(settings=settings)


def build_pipeline(names: Sequence[str], *, settings: Settings | None = None) -> Pipeline:
    spec = PipelineSpec(stages=tuple(names), settings=settings or Settings())
    return build_from_spec(spec)


def build_from_spec(spec: PipelineSpec) -> Pipeline:
    stages = [build_stage(name, spec.settings) for name in expand(spec.stages)]
    return Pipeline(stages=stages, spec=spec)
