"""``clean_page_text``: a page dump in, the article and its named boilerplate out."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from dyads.clean.meta import site_of, split_dateline
from dyads.clean.pagetext.body import BodySpan, select_body
from dyads.clean.pagetext.classify import boilerplate_blocks
from dyads.clean.pagetext.features import PageFeatures, line_features
from dyads.clean.pagetext.head import Head, read_head
from dyads.clean.pagetext.header import split_header
from dyads.clean.pagetext.language import guess_language_of
from dyads.clean.pagetext.lines import PageLines, split_lines
from dyads.errors import NoArticleFound
from dyads.records import Article, BlockKind, BoilerplateBlock, Dateline, Document

logger = logging.getLogger(__name__)

# A body shorter than this many words of prose is not an article: a gallery, an index page
# or an error page. News briefs run from about 40 words; the rule keeps them.
_MIN_BODY_WORDS = 25
# Confidence grows with the body's length up to this many prose words (a short wire brief is
# less certain to be the whole article than a 300-word report) ...
_CONFIDENT_WORDS = 300
# ... and with how clearly the body stands out: its weight against the next best run's.
_CONFIDENCE_FLOOR = 0.2


@dataclass(frozen=True, slots=True, kw_only=True)
class PageTextOptions:
    """How ``clean_page_text`` reads a page."""

    min_body_words: int = _MIN_BODY_WORDS
    keep_boilerplate: bool = True  # name and keep the other blocks (off: a little faster)


def _paragraphs(
    lines: PageLines, feats: PageFeatures, body: BodySpan, head: Head
) -> tuple[tuple[int, ...], Dateline | None, tuple[str, ...]]:
    """Body line indices, the dateline and the paragraphs, metadata lines taken out."""
    used = {i for i, _ in head.lines}
    title = head.title.casefold() if head.title else None
    kept = tuple(i for i in body.lines if i not in used and feats.folded[i] != title)
    texts = [lines.texts[i] for i in kept]
    dateline = head.dateline
    if texts and dateline is None:
        dateline, rest = split_dateline(texts[0])
        if dateline is not None:
            texts[0] = rest
    seen: set[str] = set()
    unique: list[str] = []
    for text in texts:
        if text and text not in seen:
            seen.add(text)
            unique.append(text)
    return kept, dateline, tuple(unique)


def _confidence(body: BodySpan, feats: PageFeatures) -> float:
    length = min(1.0, body.prose_words / _CONFIDENT_WORDS)
    kept = len(body.lines) or 1
    prose_share = sum(1 for i in body.lines if feats.prose[i]) / kept
    return max(_CONFIDENCE_FLOOR, min(1.0, length * (0.5 + 0.5 * prose_share)))


def _metadata_blocks(lines: PageLines, head: Head) -> tuple[BoilerplateBlock, ...]:
    blocks: dict[BlockKind, list[str]] = {}
    for i, kind in head.lines:
        items = blocks.setdefault(kind, [])
        if lines.texts[i] not in items:
            items.append(lines.texts[i])
    return tuple(BoilerplateBlock(kind=k, items=tuple(v)) for k, v in blocks.items())


def clean_page_text(document: Document, *, options: PageTextOptions | None = None) -> Article:
    """The article in a page-text dump, every other block named and kept aside.

    Raises ``NoArticleFound`` when no run of prose long enough to be an article is found.
    """
    options = options or PageTextOptions()
    header, text = split_header(document.text)
    lines = split_lines(text)
    feats = line_features(lines)
    body = select_body(feats, lines.markers, lines.texts)
    if body.prose_words < options.min_body_words:
        # imported here: dyads.clean.plain imports this package's language guesser
        from dyads.clean.plain import clean_article_text, is_plain_prose

        if header is None and is_plain_prose(feats.prose, lines.markers):
            return clean_article_text(document)
        raise NoArticleFound(
            f"{document.source}: no article ({body.prose_words} words of prose, "
            f"{options.min_body_words} needed)"
        )
    hint = document.title or (header.title if header else None)
    head = read_head(lines, feats, body.lines, hint)
    kept, dateline, paragraphs = _paragraphs(lines, feats, body, head)
    blocks: tuple[BoilerplateBlock, ...] = ()
    if options.keep_boilerplate:
        skip = {*kept, *(i for i, _ in head.lines)}
        blocks = _metadata_blocks(lines, head) + boilerplate_blocks(
            lines.texts, feats, skip=skip, body_start=body.start
        )
    published = head.published or document.published or (header.date if header else None)
    return Article(
        id=document.external_id or document.id,
        document_id=document.id,
        source=document.source,
        url=document.url,
        site=site_of(document.url),
        title=head.title,
        published=published,
        dateline=dateline,
        byline=head.byline,
        language=guess_language_of(paragraphs),
        paragraphs=paragraphs,
        boilerplate=blocks,
        method="page-text",
        confidence=_confidence(body, feats),
    )
