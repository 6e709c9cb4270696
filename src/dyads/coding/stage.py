"""``CodeStage``: an article in, the article and its PLOVER events out.

Only sentences worth it are parsed: a sentence is parsed when some word of it is a form of a
trigger lemma (a set lookup, no model) and the actor tables say it may name an actor (or it
holds a pronoun that may stand for one named before). The parsed sentences go through spaCy in
one batch per article; the actor finder reads them in article order, so its coreference memory
sees what came before.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from dyads.coding.background import reference_year
from dyads.coding.candidate import Candidate
from dyads.coding.coder import SentenceInput, code_sentence
from dyads.coding.dates import publication_day
from dyads.coding.lexicon import Lexicon, default_lexicon
from dyads.coding.merge import merge_candidates
from dyads.records import Article, CodedArticle, Event, Mention
from dyads.settings import Settings
from dyads.stage import MapStage, StageContext

if TYPE_CHECKING:
    from dyads.actors.finder import ActorFinder
    from dyads.actors.tables import ActorTables
    from dyads.coding.places import PlaceLookup
    from dyads.nlp.parser import SpacyParser
    from dyads.nlp.sentences import Sentence

logger = logging.getLogger(__name__)


class CodeStage(MapStage[Article, CodedArticle]):
    name: ClassVar[str] = "code"
    consumes: ClassVar[type[Any]] = Article
    produces: ClassVar[type[Any]] = CodedArticle

    def __init__(self, *, settings: Settings) -> None:
        self.settings = settings
        self._lexicon: Lexicon | None = None
        self._parser: SpacyParser | None = None
        self._tables: ActorTables | None = None
        self._finder: ActorFinder | None = None
        self._gazetteer: PlaceLookup | None = None

    def open(self, ctx: StageContext) -> None:
        from dyads.actors.finder import ActorFinder
        from dyads.actors.tables import ActorTables
        from dyads.geo.gazetteer import default_gazetteer
        from dyads.nlp.parser import SpacyParser

        if self._parser is not None:
            return
        self._lexicon = default_lexicon()
        self._parser = SpacyParser(model=self.settings.spacy_model)
        self._parser.open()
        self._tables = ActorTables.load()
        self._finder = ActorFinder(tables=self._tables)
        self._gazetteer = default_gazetteer()

    @property
    def parser(self) -> SpacyParser | None:
        """The spaCy parser, once ``open`` has loaded it."""
        return self._parser

    def close(self) -> None:
        self._parser = None
        self._finder = None

    def process(self, item: Article) -> CodedArticle:
        events, mentions = self.code(item)
        return CodedArticle(article=item, events=events, mentions=mentions)

    def code(self, article: Article) -> tuple[tuple[Event, ...], tuple[Mention, ...]]:
        """Events (those the settings let through) and the actor mentions of ``article``.

        The article is coded inside a spaCy memory zone, so a worker's memory does not grow
        with the number of articles it has coded; events and mentions hold plain strings only.
        """
        if self._parser is None:
            self.open(StageContext(settings=self.settings))
        assert self._parser is not None
        with self._parser.zone():
            candidates, mentions = self.candidates(article)
            kept = [c for c in candidates if self._emits(c)]
            return merge_candidates(kept, article=article), mentions

    def candidates(self, article: Article) -> tuple[list[Candidate], tuple[Mention, ...]]:
        """Every event candidate of every sentence, negated and hypothetical ones included."""
        from dyads.actors.home import home_country
        from dyads.actors.memory import ArticleMemory
        from dyads.nlp.sentences import bounded_for_coding, split_sentences

        if self._parser is None:
            self.open(StageContext(settings=self.settings))
        assert self._parser is not None and self._finder is not None
        assert self._lexicon is not None
        chosen = bounded_for_coding(
            self.worth_parsing(split_sentences(article)), limit=self.settings.max_coded_sentences
        )
        if not chosen:
            return [], ()
        docs = self._parser.parse([s.text for s in chosen])
        dateline = article.dateline.place if article.dateline is not None else None
        home = home_country(
            article.body,
            tables=self._finder.tables,
            dateline=dateline.country if dateline else None,
        )
        memory = ArticleMemory(default_country=home)
        published = publication_day(article.published)
        reference = reference_year(article.body) if published is None else None
        candidates: list[Candidate] = []
        mentions: list[Mention] = []
        for sentence, doc in zip(chosen, docs, strict=True):
            found = self._finder.analyse(doc, sentence=sentence, memory=memory)
            mentions.extend(found.mentions)
            item = SentenceInput(
                sentence=sentence,
                doc=doc,
                units=found.units,
                published=published,
                article_id=article.id,
                reference_year=reference,
            )
            candidates.extend(
                code_sentence(
                    item,
                    lexicon=self._lexicon,
                    gazetteer=self._gazetteer,
                    names=self._finder.tables.find_names,
                    countries=self._finder.tables.country_name,
                )
            )
        return candidates, tuple(mentions)

    def worth_parsing(self, sentences: Sequence[Sentence]) -> list[Sentence]:
        assert self._lexicon is not None and self._tables is not None
        return [
            s
            for s in sentences
            if self._lexicon.might_trigger(s.text) and self._tables.might_name_actor(s.text)
        ]

    def _emits(self, candidate: Candidate) -> bool:
        if candidate.negated and not self.settings.emit_negated:
            return False
        return not (candidate.hypothetical and not self.settings.emit_hypothetical)
