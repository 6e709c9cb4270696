"""The clean stage: every ``Document`` becomes an ``Article`` by the cleaner for its media type."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from dyads.errors import ArticleTooLong
from dyads.records import Article, Document, MediaType
from dyads.settings import Settings
from dyads.stage import MapStage


class CleanStage(MapStage[Document, Article]):
    """Dispatch on ``Document.media_type``: page-text dump, HTML, or plain article text.

    The cleaners are imported on first use, so building the stage (in any worker) is cheap.
    An article longer than ``Settings.max_article_chars`` raises ``ArticleTooLong``, which the
    runner records as a rejection naming the input. Every article leaves with its tone
    (``dyads.clean.tone``): the store keeps it and the exports show it.
    """

    name: ClassVar[str] = "clean"
    consumes: ClassVar[type[Document]] = Document
    produces: ClassVar[type[Article]] = Article

    def __init__(self, *, settings: Settings) -> None:
        self.settings = settings

    def process(self, item: Document) -> Article:
        article = self._clean(item)
        length = sum(map(len, article.paragraphs))
        if length > self.settings.max_article_chars:
            raise ArticleTooLong(
                f"{item.source}: the article body has {length:,} characters, over the limit "
                f"of {self.settings.max_article_chars:,} (DYADS_MAX_ARTICLE_CHARS): a page "
                "this long holds many stories, not one article"
            )
        from dyads.clean.tone import article_tone

        return replace(article, tone=article_tone(article))

    def _clean(self, item: Document) -> Article:
        if item.media_type is MediaType.PAGE_TEXT:
            from dyads.clean.pagetext import clean_page_text

            return clean_page_text(item)
        if item.media_type is MediaType.HTML:
            from dyads.clean.html import clean_html

            return clean_html(item, settings=self.settings)
        from dyads.clean.plain import clean_article_text

        return clean_article_text(item)
