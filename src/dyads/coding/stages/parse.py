"""``parse``: every selected sentence of a batch of articles through spaCy at once.

``nlp.pipe`` over the sentences of many articles fills the model's batches far better than
one call per article (a news article has a handful of sentences worth parsing). The batch is
parsed inside one spaCy memory zone per language, entered into ``StageContext.batch``: it
stays open while the later stages read the Docs, and closes when the batch has passed every
stage, so a worker's vocabulary does not grow with the number of articles it codes.

The named-entity recogniser, the costliest part of the parse, runs after the rest and only
on the sentences that need it (``Settings.entities``): those with an event word, and earlier
sentences of the same article in which a proper noun of such a sentence first appears, so
the article memory still knows who "Rice" is when "Rice urged ..." reports the event. An
event's sentence and everything its actors are recalled from are read exactly as before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any, ClassVar

from dyads.coding.stages.languages import (
    LANGUAGES,
    CodingResources,
    load_all,
    resources_for,
    spacy_model,
)
from dyads.coding.stages.records import ParsedArticle, ParsedSentence, SelectedArticle
from dyads.errors import PipelineError
from dyads.settings import Settings
from dyads.stage import BatchStage, StageContext

if TYPE_CHECKING:
    from dyads.nlp.parser import SpacyParser


# Pronouns that recall a person named earlier in the article.
PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})


class ParseStage(BatchStage[SelectedArticle, ParsedArticle]):
    name: ClassVar[str] = "parse"
    consumes: ClassVar[type[Any]] = SelectedArticle
    produces: ClassVar[type[Any]] = ParsedArticle

    def __init__(self, *, settings: Settings) -> None:
        self.settings = settings
        self._parsers: dict[str, SpacyParser] = {}
        self._resources: dict[str, CodingResources] = {}
        self._zoned: ExitStack | None = None  # the batch whose memory zones are open

    def open(self, ctx: StageContext) -> None:
        from dyads.nlp.parser import SpacyParser

        if not self._resources:
            self._resources = load_all(settings=self.settings)
        for language in LANGUAGES:
            if language not in self._parsers:
                parser = SpacyParser(
                    model=spacy_model(language, settings=self.settings),
                    attribute_table=self.settings.spacy_attribute_table,
                )
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
        self._resources = {}
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
        every = self.settings.entities == "all"
        for language, indices in by_language.items():
            parser = self.parser(language)
            texts = [s.text for index in indices for s in items[index].sentences]
            docs = iter(parser.parse(texts, entities=every))
            articles = {index: [next(docs) for _ in items[index].sentences] for index in indices}
            # the triggers found to choose the entity sentences serve the events stage too
            triggers: dict[int, list[tuple[Any, ...] | None]] = {
                index: [None] * len(articles[index]) for index in indices
            }
            if not every:
                resources = resources_for(self._resources, language)
                wanted: list[Any] = []
                for index in indices:
                    found = [find_triggers(doc, resources) for doc in articles[index]]
                    triggers[index] = list(found)
                    needed = needing_entities(articles[index], [bool(t) for t in found], resources)
                    wanted += [
                        doc for doc, need in zip(articles[index], needed, strict=True) if need
                    ]
                parser.recognise(wanted)
            for index in indices:
                item = items[index]
                parsed = tuple(
                    ParsedSentence(sentence=s, doc=doc, triggers=found)
                    for s, doc, found in zip(
                        item.sentences, articles[index], triggers[index], strict=True
                    )
                )
                results[index] = ParsedArticle(
                    article=item.article,
                    language=item.language,
                    sentences=parsed,
                    sports=item.sports,
                )
        return results


def find_triggers(doc: Any, resources: CodingResources) -> tuple[Any, ...]:
    from dyads.coding.triggers import find_triggers as triggers_of

    return tuple(triggers_of(doc, lexicon=resources.lexicon))


def needing_entities(
    docs: Sequence[Any], triggered: Sequence[bool], resources: CodingResources
) -> list[bool]:
    """Which of an article's parsed sentences (in order) the entity recogniser must read,
    given which of them hold a trigger.

    A sentence with an event word needs its entities. So does an earlier sentence holding a
    proper noun (outside the table names) that a later such sentence holds too: the person or
    body is named there in full, and the event's sentence recalls it by that word. And when
    such a sentence says "he" or "she", the latest sentence before it that names someone the
    tables do not know needs them: the pronoun may stand for that person.
    """
    needed = list(triggered)
    nouns = [_untabled_proper_nouns(doc, resources) for doc in docs]
    last_named: int | None = None  # the latest sentence so far naming someone untabled
    for position, doc in enumerate(docs):
        if needed[position] and last_named is not None and _personal_pronoun(doc):
            needed[last_named] = True  # "he" recalls the person named last
        if nouns[position]:
            last_named = position
    recalled: set[str] = set()  # proper nouns of the event sentences after the one at hand
    for position in range(len(docs) - 1, -1, -1):
        if needed[position]:
            recalled |= nouns[position]
        elif nouns[position] & recalled:
            needed[position] = True
    return needed


def _personal_pronoun(doc: Any) -> bool:
    return any(token.lower_ in PERSONAL_PRONOUNS for token in doc)


def _untabled_proper_nouns(doc: Any, resources: CodingResources) -> set[str]:
    """The proper nouns of ``doc`` (lower case) that no actor-table name covers."""
    covered: set[int] = set()
    for start, end, _ in resources.tables.find_names(doc.text):
        covered.update(range(start, end))
    return {token.lower_ for token in doc if token.pos_ == "PROPN" and token.idx not in covered}
