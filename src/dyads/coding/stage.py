"""``ArticleCoder``: the coding stages chained over one article at a time.

The pipeline codes batches of articles through the registered stages (``select``, ``parse``,
``actors``, ``events``, ``merge``; see ``dyads.coding.stages``). Evaluation and tests ask
about one article at a time, sometimes for the candidates the settings would not emit;
this is that door onto the same stages, loaded once.
"""

from __future__ import annotations

from typing import Any

from dyads.coding.candidate import Candidate
from dyads.pipeline import Pipeline, PipelineSpec
from dyads.records import Article, CodedArticle, Mention
from dyads.settings import Settings
from dyads.stage import Drop


class ArticleCoder:
    """Codes one article; ``Drop`` when the coder does not read its language."""

    def __init__(self, *, settings: Settings) -> None:
        self.settings = settings
        self._emitted: Pipeline | None = None
        self._everything: Pipeline | None = None

    def open(self) -> None:
        """Load the stages' resources (spaCy, tables, gazetteer); done once."""
        from dyads.coding.stages.events import EventsStage
        from dyads.registry import CODING, build_from_spec

        if self._emitted is not None:
            return
        spec = PipelineSpec(stages=CODING, settings=self.settings)
        self._emitted = build_from_spec(spec)
        self._emitted.open()
        # the same loaded stages, but an events stage that lets every candidate through
        everything = self.settings.model_copy(
            update={"emit_negated": True, "emit_hypothetical": True}
        )
        found = (*self._emitted.stages[:-2], EventsStage(settings=everything))
        self._everything = Pipeline(stages=found, spec=spec)
        self._everything.open()

    def close(self) -> None:
        for pipeline in (self._emitted, self._everything):
            if pipeline is not None:
                pipeline.close()
        self._emitted = self._everything = None

    def process(self, article: Article) -> CodedArticle:
        """The article with the events the settings let through, and its actor mentions."""
        self.open()
        assert self._emitted is not None
        coded: CodedArticle = _one(self._emitted, article)
        return coded

    def candidates(self, article: Article) -> tuple[list[Candidate], tuple[Mention, ...]]:
        """Every event candidate of every sentence, negated and hypothetical ones included."""
        self.open()
        assert self._everything is not None
        found = _one(self._everything, article)
        return list(found.candidates), found.mentions


def _one(pipeline: Pipeline, article: Article) -> Any:
    result, dropped = pipeline.process(article)
    if dropped is not None:
        raise Drop(dropped)
    return result
