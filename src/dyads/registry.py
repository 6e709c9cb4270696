"""The one table from stage name to factory.

Factories are named by import path and imported only when a pipeline is built, so importing
this module loads nothing heavy and a worker process builds fresh stages from names alone.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

from dyads.errors import PipelineError
from dyads.pipeline import Pipeline, PipelineSpec
from dyads.settings import Settings
from dyads.stage import MapStage

STAGES: dict[str, str] = {
    "clean": "dyads.clean.stage:CleanStage",
    "code": "dyads.coding.stage:CodeStage",
}

EXTRACT = ("clean",)
CODE = ("clean", "code")


def stage_factory(name: str) -> type[MapStage[Any, Any]]:
    try:
        target = STAGES[name]
    except KeyError:
        known = ", ".join(sorted(STAGES))
        raise PipelineError(f"unknown stage {name!r}; known stages: {known}") from None
    module_name, _, attr = target.partition(":")
    factory: type[MapStage[Any, Any]] = getattr(importlib.import_module(module_name), attr)
    return factory


def build_stage(name: str, settings: Settings) -> MapStage[Any, Any]:
    factory = stage_factory(name)
    return factory(settings=settings)  # type: ignore[call-arg]


def build_pipeline(names: Sequence[str], *, settings: Settings | None = None) -> Pipeline:
    spec = PipelineSpec(stages=tuple(names), settings=settings or Settings())
    return build_from_spec(spec)


def build_from_spec(spec: PipelineSpec) -> Pipeline:
    stages = [build_stage(name, spec.settings) for name in spec.stages]
    return Pipeline(stages=stages, spec=spec)
