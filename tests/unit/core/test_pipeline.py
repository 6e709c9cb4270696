from __future__ import annotations

from typing import Any, ClassVar

import pytest

from dyads import __all__ as public_names
from dyads.errors import PipelineError
from dyads.pipeline import Pipeline, PipelineSpec
from dyads.records import Article, Document
from dyads.registry import build_pipeline
from dyads.runner.base import RunStats, process_item
from dyads.settings import Settings
from dyads.stage import Drop, MapStage
from tests.conftest import make_document


class Upper(MapStage[Document, Document]):
    name: ClassVar[str] = "upper"
    consumes: ClassVar[type[Any]] = Document
    produces: ClassVar[type[Any]] = Document

    def process(self, item: Document) -> Document:
        if item.text == "drop":
            raise Drop("asked to")
        if item.text == "boom":
            raise ValueError("exploded")
        return item


class NeedsArticle(MapStage[Article, Article]):
    name: ClassVar[str] = "needs-article"
    consumes: ClassVar[type[Any]] = Article
    produces: ClassVar[type[Any]] = Article


def _pipeline(*stages: MapStage[Any, Any]) -> Pipeline:
    return Pipeline(stages=stages, spec=PipelineSpec(stages=(), settings=Settings()))


def test_public_api_is_pinned() -> None:
    assert sorted(public_names) == sorted(
        [
            "ActorRef",
            "Article",
            "BlockKind",
            "BoilerplateBlock",
            "CodedArticle",
            "CountryCodes",
            "Dateline",
            "Document",
            "Event",
            "Evidence",
            "MediaType",
            "Mention",
            "Place",
            "Rejection",
            "__version__",
            "aggregate",
            "code_text",
            "country_codes",
            "extract",
            "read_dyads",
            "read_events",
        ]
    )


def test_pipeline_validate_rejects_mismatched_stages() -> None:
    with pytest.raises(PipelineError, match="consumes Article"):
        _pipeline(Upper(), NeedsArticle())


def test_registry_unknown_stage_names_known_ones() -> None:
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        build_pipeline(["nope"])


def test_runner_records_error_drop_and_result() -> None:
    pipeline = _pipeline(Upper())
    stats = RunStats()
    outcomes = [process_item(pipeline, make_document(t)) for t in ("ok", "drop", "boom")]
    for outcome in outcomes:
        stats.add(outcome)
    assert outcomes[0].result is not None
    assert outcomes[1].dropped == "upper: asked to"
    rejection = outcomes[2].rejection
    assert rejection is not None
    assert (rejection.stage, rejection.error, rejection.message) == (
        "upper",
        "ValueError",
        "exploded",
    )
    assert (stats.results, stats.dropped, stats.rejected) == (1, 1, 1)
