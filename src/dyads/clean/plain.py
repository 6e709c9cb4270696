"""``clean_article_text``: an article body that is already clean becomes an ``Article``.

The text comes from a JSONL record's ``text`` field, so there is no page around it to strip:
only paragraphs to split, whitespace to normalise, the residual lines of the page a crawler
left in it to set aside (captions, "MOST READ" boxes, credit and tip lines: see
``dyads.clean.residue``) and a leading dateline to take off.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dyads.clean.meta import site_of, split_dateline
from dyads.clean.pagetext.language import guess_language
from dyads.clean.residue import strip_residue
from dyads.errors import NoArticleFound
from dyads.records import Article, Dateline, Document

METHOD = "article-text"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_SPACE = re.compile(r"\s+")


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs split on blank lines, or on every newline when the text has no blank line.

    Whitespace inside a paragraph (wrapped lines, tabs, no-break spaces) becomes one space.
    """
    chunks = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    paragraphs = (_SPACE.sub(" ", chunk).strip() for chunk in chunks)
    return tuple(paragraph for paragraph in paragraphs if paragraph)


def is_plain_prose(prose: Sequence[bool], markers: Sequence[str]) -> bool:
    """Whether a text whose lines are ``prose`` (shaped like running text) with list
    ``markers`` is nothing but running text: no menu, heading, label or list item around it.

    Such a text, even one sentence long ("Japan and South Korea agreed on Monday to ..." in
    a .txt file or on standard input), is an article as it stands, not a page dump whose
    article is missing; the page-text cleaner hands it to ``clean_article_text``.
    """
    return bool(prose) and all(prose) and not any(markers)


def clean_article_text(document: Document) -> Article:
    """The article a clean body describes; ``NoArticleFound`` when it holds no text.

    The id is the record's own id when it has one, so results can be joined back to it.
    Residual boilerplate paragraphs are set aside as the article's named ``boilerplate``
    before the dateline is read, so a caption above the first paragraph does not hide it.
    """
    residue = strip_residue(split_paragraphs(document.text))
    paragraphs = residue.paragraphs
    dateline: Dateline | None = None
    if paragraphs:
        dateline, rest = split_dateline(paragraphs[0])
        if dateline is not None:
            paragraphs = (rest, *paragraphs[1:]) if rest.strip() else paragraphs[1:]
    if not paragraphs:
        raise NoArticleFound(f"{document.source}: the article text is empty")
    return Article(
        id=document.external_id or document.id,
        document_id=document.id,
        source=document.source,
        url=document.url,
        site=site_of(document.url),
        title=document.title,
        published=document.published,
        dateline=dateline,
        language=guess_language(" ".join(paragraphs)),
        paragraphs=paragraphs,
        boilerplate=residue.blocks,
        method=METHOD,
        confidence=1.0,
    )
