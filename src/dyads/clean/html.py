"""``clean_html``: an HTML page in, the article with its metadata and named boilerplate out.

The strategies are tried in the order ``Settings.html_strategies`` lists, and only those:

- ``trafilatura``: trafilatura's main-text extraction (comments and tables off), one paragraph
  per line of its text output, with its title, date, author and site name;
- ``page-text``: the page-text cleaner run on the page's text (block elements become lines),
  for pages where trafilatura finds nothing.

Whichever strategy yields the body, the shared rules then apply: a dateline opening the first
paragraph is split off (``split_dateline``), a repeated headline and leading byline, timestamp
and dateline lines are moved to the metadata, and boilerplate blocks marked up in the HTML are
named (``page_blocks``). The method is "html" whichever strategy found the body.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dyads.clean.html_blocks import outside_body, page_blocks, published_hint
from dyads.clean.meta import (
    clean_author,
    dateline_line,
    is_timestamp_line,
    parse_byline,
    parse_timestamp,
    site_of,
    split_dateline,
)
from dyads.errors import NoArticleFound, PipelineError
from dyads.records import Article, Dateline, Document, MediaType, content_id
from dyads.settings import Settings

__all__ = ["STRATEGIES", "Extraction", "clean_html", "html_text"]

logger = logging.getLogger(__name__)

# Confidence of a trafilatura body grows with its length up to this many words: a 40-word
# extract is more often a teaser or a caption than the whole article.
_CONFIDENT_WORDS = 250
# An extraction shorter than this is a menu, a caption or a cookie notice, not an article:
# the shortest of the 181 zyte gold bodies has 18 words, the menus of test pages 3 or 4.
_MIN_BODY_WORDS = 10
# Leading paragraphs that may be moved off the body: a headline, a byline, a timestamp and a
# dateline line, each at most once on the pages seen.
_HEAD_PARAGRAPHS = 4
# Tags that start and end a line in the page-text fallback (as a browser's text dump does).
_BLOCK_TAGS = frozenset(
    {
        *("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table"),
        *("section", "article", "header", "footer", "nav", "aside", "blockquote", "pre"),
        *("figure", "figcaption", "dd", "dt", "form"),
    }
)
_INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "head"})
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—›»:]|::)\s+")
# Pages with more h1 elements than this use them for layout; the first few are enough.
_MAX_H1 = 3
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Extraction:
    """What one strategy found: the paragraphs and the metadata it could read."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    published: datetime | date | None = None
    byline: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    confidence: float = 0.0


def _parse(html: str) -> Any:
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise NoArticleFound("the HTML could not be parsed into a document tree")
    return tree


class _Trees:
    """Hands out the page's parsed tree once, then fresh parses (extractors prune the tree)."""

    def __init__(self, html: str, tree: Any) -> None:
        self._html = html
        self._tree = tree

    def take(self) -> Any:
        tree, self._tree = self._tree, None
        return tree if tree is not None else _parse(self._html)


def _date_of(text: str | None) -> date | None:
    parsed = parse_timestamp(text) if text else None
    if isinstance(parsed, datetime):
        return parsed.date()
    return parsed


def _by_trafilatura(trees: _Trees, document: Document) -> Extraction | None:
    import trafilatura

    # a trafilatura ``Document`` (``as_dict`` is off); typed loosely as it also may be a dict
    result: Any = trafilatura.bare_extraction(
        trees.take(),
        url=document.url,
        # no second opinion from trafilatura's bundled readability/justext extractors: the
        # strategy chain is the one in settings. Calibrated on the 181 zyte pages (F1 0.963
        # without them, 0.961 with them) and 300 trafilatura pages (snippet F1 equal within
        # 0.003), at about 15% less time.
        fast=True,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
    )
    text = getattr(result, "text", None) if result is not None else None
    if result is None or not text:
        return None
    paragraphs = tuple(line for line in (_SPACE.sub(" ", raw).strip() for raw in text.split("\n")))
    paragraphs = tuple(paragraph for paragraph in paragraphs if paragraph)
    words = sum(len(paragraph.split()) for paragraph in paragraphs)
    if words < _MIN_BODY_WORDS:
        return None
    author = clean_author(
        result.author,
        sites=(result.sitename, site_of(document.url), site_of(result.url)),
    )
    return Extraction(
        paragraphs=paragraphs,
        title=result.title or None,
        published=_date_of(result.date),
        byline=author,
        site=result.sitename or None,
        url=result.url or None,
        language=result.language or None,
        confidence=round(0.5 + 0.5 * min(1.0, words / _CONFIDENT_WORDS), 3),
    )


def html_text(root: Any) -> str:
    """The visible text of an lxml tree, one line per block element, scripts dropped.

    A block element starts and ends a line, as a browser's text dump breaks them.
    """
    from lxml import etree  # type: ignore[import-untyped]

    parts: list[str] = []
    skipping: Any = None
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if skipping is not None:
            if event == "end" and element is skipping:
                skipping = None
                parts.append(element.tail or "")
            continue
        tag = element.tag if isinstance(element.tag, str) else None
        if event == "start":
            if tag is None or tag in _INVISIBLE_TAGS:
                skipping = element  # comments and scripts: only their tail is text
            else:
                parts.append("\n" if tag in _BLOCK_TAGS else "")
                parts.append(element.text or "")
            continue
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        parts.append(element.tail or "")
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _by_page_text(trees: _Trees, document: Document) -> Extraction | None:
    from dyads.clean.pagetext import clean_page_text

    text = html_text(trees.take())
    if not text.strip():
        return None
    page = Document(
        id=content_id(text), source=document.source, media_type=MediaType.PAGE_TEXT, text=text
    )
    try:
        article = clean_page_text(page)
    except NoArticleFound:
        return None
    return Extraction(
        paragraphs=article.paragraphs,
        title=article.title,
        published=article.published,
        byline=article.byline,
        language=article.language,
        confidence=article.confidence,
    )


STRATEGIES: dict[str, Callable[[_Trees, Document], Extraction | None]] = {
    "trafilatura": _by_trafilatura,
    "page-text": _by_page_text,
}


def _extract(
    document: Document, strategies: tuple[str, ...], trees: _Trees
) -> tuple[str, Extraction]:
    for name in strategies:
        try:
            strategy = STRATEGIES[name]
        except KeyError:
            known = ", ".join(STRATEGIES)
            raise PipelineError(f"unknown HTML strategy {name!r}; known: {known}") from None
        found = strategy(trees, document)
        if found is not None and found.paragraphs:
            return name, found
        logger.debug("%s: strategy %s found no article", document.source, name)
    tried = ", ".join(strategies) or "none"
    raise NoArticleFound(f"{document.source}: no article text in the HTML (strategies: {tried})")


def _leading_metadata(
    paragraphs: tuple[str, ...], titles: tuple[str | None, ...]
) -> tuple[tuple[str, ...], Dateline | None, str | None, datetime | date | None]:
    """Move the headline, byline, timestamp and dateline-only lines off the top of the body."""
    headlines = {_SPACE.sub(" ", title).strip().casefold() for title in titles if title}
    dateline: Dateline | None = None
    byline: str | None = None
    published: datetime | date | None = None
    index = 0
    while index < min(_HEAD_PARAGRAPHS, len(paragraphs) - 1):
        line = paragraphs[index]
        if line.casefold() in headlines:
            pass
        elif is_timestamp_line(line):
            published = published or parse_timestamp(line)
        elif (name := parse_byline(line)) is not None:
            byline = byline or name
        elif dateline is None and (found := dateline_line(line)) is not None:
            dateline = found
        else:
            break
        index += 1
    return paragraphs[index:], dateline, byline, published


def _headline(headings: list[str], title: str | None, site: str | None) -> str | None:
    """The article's headline: the title without the site name that pages append to it.

    A page ``<h1>`` that the title contains is the headline ("Talks resume - The Ledger" with
    ``<h1>Talks resume</h1>``); otherwise a title part equal to the site name is dropped.
    """
    if not title:
        return headings[0] if headings else None
    for heading in headings:
        if heading != title and heading in title and len(heading) >= len(title) // 3:
            return heading
    parts = _TITLE_SEPARATOR.split(title)
    if site and len(parts) > 1:
        kept = [part for part in parts if part.strip().casefold() != site.strip().casefold()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    return title


def _h1_texts(root: Any) -> list[str]:
    texts = (_SPACE.sub(" ", "".join(h1.itertext())).strip() for h1 in root.iter("h1"))
    return [text for text in texts if text][:_MAX_H1]


def _language(declared: str | None, found: Extraction, paragraphs: tuple[str, ...]) -> str:
    """The page's declared language (``<html lang>``), else a guess from the body's words."""
    from dyads.clean.pagetext.language import guess_language

    tag = (declared or found.language or "").strip().lower()
    code = re.split(r"[-_]", tag, maxsplit=1)[0]
    if len(code) == 2 and code.isalpha():
        return code
    return guess_language(" ".join(paragraphs[:5]))


def _published(found: Extraction, hint: datetime | date | None) -> datetime | date | None:
    """The markup's time when it agrees with the extracted day (it adds the time of day)."""
    if hint is None:
        return found.published
    if found.published is None:
        return hint
    hint_day = hint.date() if isinstance(hint, datetime) else hint
    found_day = found.published.date() if isinstance(found.published, datetime) else found.published
    return hint if hint_day == found_day else found.published


def clean_html(document: Document, *, settings: Settings) -> Article:
    """Clean an HTML document into an ``Article``; ``NoArticleFound`` when it holds none."""
    if document.media_type is not MediaType.HTML:
        raise PipelineError(f"clean_html reads HTML documents, not {document.media_type}")
    root = _parse(document.text)
    headings = _h1_texts(root)
    marked = page_blocks(root)
    hint = published_hint(root)
    declared_language = root.get("lang")
    # the metadata above is read first: the first strategy takes this tree and prunes it
    method, found = _extract(document, settings.html_strategies, _Trees(document.text, root))
    title = _headline(headings, found.title, found.site) or document.title
    paragraphs, dateline, byline, stamp = _leading_metadata(
        found.paragraphs, (title, found.title, *headings)
    )
    if dateline is None and paragraphs:
        dateline, first = split_dateline(paragraphs[0])
        paragraphs = (first, *paragraphs[1:]) if first else paragraphs[1:]
    if not paragraphs:
        raise NoArticleFound(f"{document.source}: the HTML holds only a headline and metadata")
    url = found.url or document.url
    article = Article(
        id=document.external_id or document.id,
        document_id=document.id,
        source=document.source,
        url=url,
        site=site_of(url) or found.site,
        title=title,
        published=_published(found, hint) or stamp or document.published,
        dateline=dateline,
        byline=found.byline or byline,
        language=_language(declared_language, found, paragraphs),
        paragraphs=paragraphs,
        boilerplate=outside_body(marked, paragraphs),
        method="html",
        confidence=found.confidence,
    )
    logger.debug("%s: %d paragraphs by %s", document.source, len(paragraphs), method)
    return article
