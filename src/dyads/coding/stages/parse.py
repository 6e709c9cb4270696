"""``parse``: every selected sentence of a batch of articles through spaCy at once.

``nlp.pipe`` over the sentences of many articles fills the model's batches far better than
one call per article (a news article has a handful of sentences worth parsing). The batch is
parsed inside one spaCy memory zone per language, entered into ``StageContext.batch``: it
stays open while the later stages read the Docs, and closes when the batch has passed every
stage, so a worker's vocabulary does not grow with the number of articles it codes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any, ClassVar

from dyads.coding.stages.languages import LANGUAGES, spacy_model
from dyads.coding.stages.records import ParsedArticle, ParsedSentence, SelectedArticle
from dyads.errors import PipelineError
from dyads.settings import Settings
from dyads.stage import BatchStage, StageContext

if TYPE_CHECKING:
    from dyads.nlp.parser import SpacyParser


class ParseStage(BatchStage[SelectedArticle, ParsedArticle]):
    name: ClassVar[str] = "parse"
    consumes: ClassVar[type[Any]] = SelectedArticle
    produces: ClassVar[type[Any]] = ParsedArticle

    def __init__(self, *, settings: Settings) -> None:
        self.settings = settings
        self._parsers: dict[str, SpacyParser] = {}
        self._zoned: ExitStack | None = None  # the batch whose memory zones are open

    def open(self, ctx: StageContext) -> None:
        from dyads.nlp.parser import SpacyParser

        for language in LANGUAGES:
            if language not in self._parsers:
                parser = SpacyParser(model=spacy_model(language, settings=self.settings))
                parser.open()
                self._parsers[language] = parser

    def parser(self, language: str) -> SpacyParser:
        """The loaded parser of ``language``."""
        try:
            return self._parsers[language]
        except KeyError:
            raise PipelineError(
                f"no {language!r} parser loaded: the stage was used before open()"
            ) from None

    def close(self) -> None:
        self._parsers = {}
        self._zoned = None

    def run(self, items: Sequence[SelectedArticle], ctx: StageContext) -> list[Any]:
        if self._zoned is not ctx.batch:  # once per batch: memory zones must not nest
            for parser in self._parsers.values():
                ctx.batch.enter_context(parser.zone())
            self._zoned = ctx.batch
        by_language: dict[str, list[int]] = defaultdict(list)
        for index, item in enumerate(items):
            by_language[item.language].append(index)
        results: list[Any] = [None] * len(items)
        for language, indices in by_language.items():
            texts = [s.text for index in indices for s in items[index].sentences]
            docs = iter(self.parser(language).parse(texts))
            for index in indices:
                item = items[index]
                parsed = tuple(ParsedSentence(sentence=s, doc=next(docs)) for s in item.sentences)
                results[index] = ParsedArticle(
                    article=item.article, language=item.language, sentences=parsed
                )
        return results
