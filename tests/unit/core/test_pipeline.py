from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, ClassVar

import pytest

from dyads import __all__ as public_names
from dyads.errors import PipelineError
from dyads.pipeline import Pipeline, PipelineSpec
from dyads.records import Article, CodedArticle, Document, MediaType, Rejection
from dyads.registry import CODE, STAGES, build_pipeline, expand, known_names
from dyads.runner.base import RunStats, process_batch
from dyads.runner.local import run_local
from dyads.settings import Settings
from dyads.stage import BatchStage, Drop, MapStage, StageContext
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


def _pipeline(*stages: BatchStage[Any, Any]) -> Pipeline:
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
    outcomes = process_batch(pipeline, [make_document(t) for t in ("ok", "drop", "boom")])
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


class Whole(BatchStage[Document, Document]):
    """A batch stage that fails as a whole when any item of its batch is "bang"."""

    name: ClassVar[str] = "whole"
    consumes: ClassVar[type[Any]] = Document
    produces: ClassVar[type[Any]] = Document

    def __init__(self) -> None:
        self.batches: list[int] = []

    def run(self, items: Sequence[Document], ctx: StageContext) -> list[Any]:
        self.batches.append(len(items))
        if any(item.text == "bang" for item in items):
            raise ValueError("one of these exploded")
        return [replace(item, title="seen") for item in items]


def test_pipeline_batch_failure_is_retried_item_by_item_to_find_the_culprit() -> None:
    whole = Whole()
    pipeline = _pipeline(Upper(), whole)
    texts = ("a", "drop", "bang", "b", "c")
    outcomes = process_batch(pipeline, [make_document(t) for t in texts])
    assert [o.result.title if o.result else None for o in outcomes] == [
        "seen",
        None,
        None,
        "seen",
        "seen",
    ]
    assert outcomes[1].dropped == "upper: asked to"
    rejection = outcomes[2].rejection
    assert rejection is not None
    assert (rejection.stage, rejection.message) == ("whole", "one of these exploded")
    # the drop never reached the batch stage; the failed batch of four ran again one by one
    assert whole.batches == [4, 1, 1, 1, 1]


def test_pipeline_batch_passes_rejections_through_in_order() -> None:
    read_error = Rejection(source="bad", stage="ingest", error="EmptyInput", message="empty")
    items = [make_document("a"), read_error, make_document("boom"), make_document("b")]
    outcomes = process_batch(_pipeline(Upper()), items)
    assert [o.source for o in outcomes] == ["test"] * 1 + ["bad"] + ["test"] * 2
    assert outcomes[1].rejection is read_error
    assert [o.result is not None for o in outcomes] == [True, False, False, True]


class Scoped(MapStage[Document, Document]):
    """Opens a resource into the batch's scope; the next stage checks it is still open."""

    name: ClassVar[str] = "scoped"
    consumes: ClassVar[type[Any]] = Document
    produces: ClassVar[type[Any]] = Document

    def __init__(self) -> None:
        self.events: list[str] = []

    def open(self, ctx: StageContext) -> None:
        self.ctx = ctx

    def process(self, item: Document) -> Document:
        if not self.events or self.events[-1] == "closed":
            self.events.append("opened")
            self.ctx.batch.callback(self.events.append, "closed")
        return item


class Reader(MapStage[Document, Document]):
    name: ClassVar[str] = "reader"
    consumes: ClassVar[type[Any]] = Document
    produces: ClassVar[type[Any]] = Document

    def __init__(self, scoped: Scoped) -> None:
        self.scoped = scoped

    def process(self, item: Document) -> Document:
        return replace(item, title=self.scoped.events[-1])


def test_pipeline_batch_scope_lives_until_the_batch_passed_every_stage() -> None:
    scoped = Scoped()
    pipeline = _pipeline(scoped, Reader(scoped))
    first = pipeline.run([make_document("a"), make_document("b")])
    second = pipeline.run([make_document("c")])
    assert [r.value.title for r in (*first, *second)] == ["opened"] * 3
    assert scoped.events == ["opened", "closed", "opened", "closed"]


def test_pipeline_process_raises_an_items_error_naming_the_stage() -> None:
    pipeline = _pipeline(Upper())
    assert pipeline.process(make_document("drop")) == (None, "upper: asked to")
    with pytest.raises(ValueError, match="exploded") as raised:
        pipeline.process(make_document("boom"))
    assert raised.value.__dict__["dyads_stage"] == "upper"


def test_registry_code_names_the_coding_stages_in_order() -> None:
    assert CODE == ("clean", "select", "parse", "actors", "events", "merge")
    assert expand(("clean", "code")) == CODE
    assert set(CODE) <= set(STAGES)
    assert "code" in known_names()


def test_registry_coding_stages_fit_together() -> None:
    pipeline = build_pipeline(("clean", "code"))  # builds the stages; loads nothing yet
    assert [stage.name for stage in pipeline.stages] == list(CODE)
    assert pipeline.produces is CodedArticle


@pytest.mark.parametrize("workers", [1, 2])
def test_run_local_batches_keep_input_order(workers: int) -> None:
    texts = [f"Paragraph number {n} of the page." for n in range(7)]
    items: list[Document | Rejection] = [
        make_document(t, source=f"doc{n}", media_type=MediaType.ARTICLE_TEXT)
        for n, t in enumerate(texts)
    ]
    items.insert(3, Rejection(source="unreadable", stage="ingest", error="E", message="m"))
    spec = PipelineSpec(stages=("clean",), settings=Settings())
    outcomes = list(run_local(items, spec=spec, workers=workers, batch_size=2))
    assert [o.source for o in outcomes] == [item.source for item in items]
    assert outcomes[3].rejection is not None
    bodies = [o.result.paragraphs for o in outcomes if o.result is not None]
    assert [body[0] for body in bodies] == texts
