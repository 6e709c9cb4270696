"""``actors``: the actor mentions of each parsed sentence, in article order.

The finder reads an article's sentences one after another with one coreference memory per
article (started from the dateline's country), so "he" and "the minister" can stand for
someone named in an earlier sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from dyads.coding.coder import SentenceInput
from dyads.coding.dates import lead_day, publication_day
from dyads.coding.stages.languages import load_all, resources_for
from dyads.coding.stages.records import ParsedArticle, ResolvedArticle
from dyads.records import Mention
from dyads.settings import Settings
from dyads.stage import MapStage, StageContext

if TYPE_CHECKING:
    from dyads.actors.finder import ActorFinder


def seat_country(name: str) -> str | None:
    """The country of the town or province called ``name`` (``Gazetteer.lookup_seat``)."""
    from dyads.geo.gazetteer import default_gazetteer

    place = default_gazetteer().lookup_seat(name)
    return None if place is None else place.country


class ActorsStage(MapStage[ParsedArticle, ResolvedArticle]):
    name: ClassVar[str] = "actors"
    consumes: ClassVar[type[Any]] = ParsedArticle
    produces: ClassVar[type[Any]] = ResolvedArticle

    def __init__(self, *, settings: Settings) -> None:
        self.settings = settings
        self._finders: dict[str, ActorFinder] = {}

    def open(self, ctx: StageContext) -> None:
        from dyads.actors.finder import ActorFinder

        if not self._finders:
            self._finders = {
                language: ActorFinder(tables=resources.tables)
                for language, resources in load_all(settings=self.settings).items()
            }

    def close(self) -> None:
        self._finders = {}  # the finder's cache holds Docs of the last batch

    def process(self, item: ParsedArticle) -> ResolvedArticle:
        from dyads.actors.home import home_country
        from dyads.actors.memory import ArticleMemory
        from dyads.coding.background import reference_year

        finder = resources_for(self._finders, item.language)
        article = item.article
        dateline = article.dateline.place if article.dateline is not None else None
        home = home_country(
            article.body,
            tables=finder.tables,
            dateline=dateline.country if dateline else None,
            url=article.url,
            seat=seat_country,
        )
        published = publication_day(article.published)
        lead = lead_day(article.paragraphs, published=published)
        memory = ArticleMemory(default_country=home, day=published)
        reference = reference_year(article.body) if published is None else None
        sentences: list[SentenceInput] = []
        mentions: list[Mention] = []
        for parsed in item.sentences:
            found = finder.analyse(parsed.doc, sentence=parsed.sentence, memory=memory)
            mentions.extend(found.mentions)
            sentences.append(
                SentenceInput(
                    sentence=parsed.sentence,
                    doc=parsed.doc,
                    units=found.units,
                    published=published,
                    article_id=article.id,
                    reference_year=reference,
                    triggers=parsed.triggers,
                    home=home,
                    lead=lead,
                )
            )
        return ResolvedArticle(
            article=article,
            language=item.language,
            sentences=tuple(sentences),
            mentions=tuple(mentions),
            sports=item.sports,
        )
