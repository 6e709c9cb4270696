"""Residual page boilerplate in an article text that should be clean.

A JSONL record's ``text`` is meant to be the article alone, but crawled texts keep some
lines of the page around it, each a paragraph of its own; coded as prose they give false
events and actors such as "EPA South Korea". ``strip_residue`` takes off the paragraphs of
six shapes, each narrow enough that a paragraph of article prose does not take it:

- **a box of teasers on one line**: "MOST READ IN NEWS 'I'M MADDIE!' Student jokes ...",
  "Most Read In TV & Showbiz LEW WANTED ...". The paragraph starts with a box heading of
  several words from the page-text lexicon (``lexicon.HEADINGS``: most read, you might also
  like, read more ...), every word capitalized (ALL CAPS or Title Case), and goes on with
  the teasers. A heading of one word ("Popular", "Related") is what a sentence may start
  with, and so is a heading in sentence case ("Most read the report before voting."): both
  stay. A heading as a label, with its colon and one teaser that is no sentence ("READ MORE:
  Lions escape from a zoo", "Related: Ten things to know"), or a heading alone ("Read
  more"), is a box too.
- **a caption under a photo credit**: "EPA South Korea fired a missile towards the East Sea",
  "AP:Associated Press Tensions on the peninsula are at breaking point". The paragraph starts
  with a photo agency's credit (``CREDITS``), then a capitalized word or a number, and does
  not end like a sentence: captions carry no full stop, while a sentence about an agency
  ("Reuters reported that the talks ended.") ends with one and stays. A paragraph of credits
  alone ("Reuters", "AP - AFP") is a caption's credit too.
- **a line the page-text markers name** (``features.marker_kind``) a caption ("Image
  copyright PA Image caption ...", "... (Photo: Jane Doe/Reuters)"), a copyright footer
  ("Copyright 2018 ... All rights reserved.") or an advertisement label. A caption marker in a
  paragraph that ends like a sentence counts only when the paragraph opens as a caption does
  ("Image copyright", "Image caption", "FILE - "): "getty images" or "photo by" may sit in a
  sentence of news. The other markers (share, sign up, cookies, comments) are phrases of news
  sentences too ("said on Twitter", "urged voters to sign up for ...") and are not read here.
- **a credit line**: "— With assistance by Jane Doe", "(Additional reporting by Jane Doe;
  Editing by John Roe)": a credit phrase then names only, no verb of a sentence.
- **a slide of a photo gallery**: "Photos: North Korea launches rocket State media reported
  ... Hide Caption 3 of 8": the gallery's title after "Photos:", or the slide counter
  ("Hide Caption N of M") that only a gallery prints (``is_gallery_slide``).
- **a media label**: a paragraph that is only "Photo", "Video" or "Image", where the page
  showed one; left above the first paragraph it hides the dateline.
- **a tip-line prompt**: "Do you have a story for the news team? Email us at ...": a request
  for stories that says where to send them ("email us", "call us", an email address).

If every paragraph of a text takes one of these shapes, none is taken off: a text that is
nothing but such lines is more likely a short report misread than an empty article, and
keeping it never loses prose (``clean_article_text`` then codes it as it stands).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

from dyads.clean.pagetext.features import is_teaser_strip, marker_kind
from dyads.clean.pagetext.lexicon import HEADINGS
from dyads.nlp.sentences import ends_like_sentence
from dyads.records import BlockKind, BoilerplateBlock

__all__ = [
    "CREDITS",
    "Residue",
    "box_heading",
    "is_credit_caption",
    "is_credit_line",
    "is_gallery_slide",
    "is_tip_prompt",
    "residue_kind",
    "strip_residue",
]

# Photo credits as the captions of news pages print them before the caption, longest first
# where one starts another ("Getty Images - Getty" before "Getty Images" before "Getty").
# The Sun prints "AP:Associated Press", "Getty - Contributor", "AFP or licensors"; the
# Express "GETTY"; the Independent "Reuters", "EPA", "EFE". A bare "Rex" is not listed: it
# starts a name ("Rex Tillerson"); "Rex Features" and "REX" are.
CREDITS: tuple[str, ...] = (
    "AP:Associated Press",
    "AP Photo",
    "AFP or licensors",
    "AFP/Getty Images",
    "Getty Images - Getty",
    "Getty Images",
    "Getty - Contributor",
    "Getty",
    "EPA-EFE",
    "EPA",
    "AFP",
    "AP",
    "Reuters",
    "PA Wire",
    "PA Images",
    "PA",
    "EFE",
    "Alamy Live News",
    "Alamy",
    "Rex Features",
    "REX/Shutterstock",
    "REX",
    "Shutterstock",
    "SWNS",
    "Splash News",
)
_CREDIT_ALTERNATION = "|".join(
    re.escape(credit)
    for credit in sorted({*CREDITS, *(c.upper() for c in CREDITS)}, key=len, reverse=True)
)
# a credit, then a capitalized word or a number (the caption), "Reuters 84 people died";
# the group is atomic, so "Getty Images photographer ..." is not read as "Getty" + "Images"
_CREDIT_CAPTION = re.compile(rf"(?>{_CREDIT_ALTERNATION}) [\"'“‘]?[A-Z0-9]")
# credits alone, joined by a dash, a slash or a comma: "Reuters", "AP - AFP"
_CREDITS_ONLY = re.compile(
    rf"(?:{_CREDIT_ALTERNATION})(?: ?[-–/,] ?(?:{_CREDIT_ALTERNATION}))*", re.IGNORECASE
)


# The box headings of teaser boxes, case-folded, longest first, each with its kind.
_BOX_KINDS = frozenset({BlockKind.MOST_POPULAR, BlockKind.RECOMMENDED, BlockKind.RELATED})
_BOX_HEADINGS: tuple[tuple[str, BlockKind], ...] = tuple(
    sorted(
        ((phrase, kind) for kind, phrases in HEADINGS if kind in _BOX_KINDS for phrase in phrases),
        key=lambda entry: len(entry[0]),
        reverse=True,
    )
)
# (no phrase names two kinds of box: a unit test keeps it so)
_BOX_KIND_OF = MappingProxyType(dict(_BOX_HEADINGS))
# the punctuation around a heading alone: "Read more:", "» Related", "Read More ..."
_LABEL_NOISE = re.compile(r"[^\w\s'’]+")

# The marker kinds read in an article text, and the openings that make a caption marker
# count in a paragraph that ends like a sentence (a BBC or AP caption may end with a full
# stop; most captions end with their credit).
_MARKER_KINDS = frozenset({BlockKind.CAPTION, BlockKind.FOOTER, BlockKind.ADVERTISEMENT})
_CAPTION_OPENINGS = ("image copyright", "image caption", "file - ")

# "— With assistance by", "(Additional reporting by", "Reporting by", "Editing by" ...
_CREDIT_LINE = re.compile(
    r"[(\[]?(?:[—–-] ?)?(?:with (?:additional )?(?:assistance|reporting)|"
    r"(?:additional )?reporting|writing|editing|compiled) (?:by|from) ",
    re.IGNORECASE,
)
# Words a list of names holds besides the names: "Jane Doe in SEOUL and John Roe; Editing
# by Ann Poe". Any other word in lower case is a word of a sentence ("found", "said").
_NAME_LIST_WORDS = frozenset({"and", "in", "by", "from", "with", "&", "de", "van", "von", "al"})
_NAME_NOISE = re.compile(r"[,;:()\[\].]")

# A request for stories ("Do you have a story for The Sun Online news team?", "If you have a
# story suggestion email ...") with somewhere to send them.
_TIP_REQUEST = re.compile(
    r"\b(?:do you have a (?:story|news tip|tip)|got a (?:story|news tip|tip)\b|"
    r"if you have a (?:story|news tip|tip))",
    re.IGNORECASE,
)
_TIP_ADDRESS = re.compile(r"\b(?:email|e-mail|call|contact) us\b|\S+@\S+\.\w", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Residue:
    """A text's paragraphs with its residual boilerplate taken off and named."""

    paragraphs: tuple[str, ...]  # the paragraphs kept, in order
    dropped: tuple[tuple[BlockKind, str], ...]  # each paragraph taken off, with its kind
    blocks: tuple[BoilerplateBlock, ...]  # the same, as named blocks


def box_heading(paragraph: str) -> tuple[BlockKind, str] | None:
    """The kind and heading of a teaser box printed as one paragraph, or None.

    Three shapes: a box heading of several words, every word capitalized, then the teasers
    ("MOST READ IN NEWS 'HEADLINE' ...", "Most Read In TV ..."); a box heading of any case
    and length as a label, a colon, then one teaser that does not end like a sentence
    ("READ MORE: Lions escape from a zoo", "Related: Ten things to know"); a box heading
    alone ("Read more", "» Related"). A one-word heading without its colon
    ("Popular anger grew") and one in sentence case ("Most read the report") start
    sentences, so they stay. A heading alone is one of the lexicon's phrases exactly: the
    page-text ``heading_kind`` also takes a few more characters ("Related Articles"), which
    in an article text may be a subheading ("Popular Front").
    """
    label, colon, teaser = paragraph.partition(":")
    if colon and teaser.strip() and not ends_like_sentence(teaser):
        kind = _BOX_KIND_OF.get(" ".join(label.casefold().split()))
        if kind is not None:
            return kind, label.strip()
    alone = _BOX_KIND_OF.get(" ".join(_LABEL_NOISE.sub(" ", paragraph.casefold()).split()))
    if alone is not None:
        return alone, paragraph
    folded = paragraph.casefold()
    for phrase, kind in _BOX_HEADINGS:
        if " " in phrase and folded.startswith(phrase + " "):
            heading = paragraph[: len(phrase)]
            if all(word[:1].isupper() for word in heading.split()):
                return kind, heading
            return None
    return None


def is_credit_caption(paragraph: str) -> bool:
    """Whether the paragraph is a caption after a photo credit, or photo credits alone."""
    if _CREDITS_ONLY.fullmatch(paragraph):
        return True
    return _CREDIT_CAPTION.match(paragraph) is not None and not ends_like_sentence(paragraph)


def _marker_residue(paragraph: str) -> BlockKind | None:
    folded = paragraph.casefold()
    kind = marker_kind(folded)
    if kind not in _MARKER_KINDS:
        return None
    if (
        kind is BlockKind.CAPTION
        and ends_like_sentence(paragraph)
        and not folded.startswith(_CAPTION_OPENINGS)
    ):
        return None
    return kind


def is_credit_line(paragraph: str) -> bool:
    """Whether the paragraph names only the reporters or editors who helped.

    After the credit phrase come names: capitalized words and the few small words lists of
    names hold ("and", "in SEOUL", "; Editing by"). A lower-case word of any other kind is
    a sentence's ("Reporting by the agency found that ...").
    """
    opening = _CREDIT_LINE.match(paragraph)
    if opening is None:
        return False
    words = _NAME_NOISE.sub(" ", paragraph[opening.end() :]).split()
    return bool(words) and all(
        word[:1].isupper() or word.casefold() in _NAME_LIST_WORDS for word in words
    )


def is_tip_prompt(paragraph: str) -> bool:
    """Whether the paragraph asks readers for stories and says where to send them."""
    return _TIP_REQUEST.search(paragraph) is not None and _TIP_ADDRESS.search(paragraph) is not None


_GALLERY_OPENING = re.compile(r"^Photos?: \S")
# the label a page prints where a photo or a video sat: "Photo", "Video", "Image:"
_MEDIA_LABEL = re.compile(r"(?:Photo|Video|Image|Graphic|Picture)s?:?", re.IGNORECASE)
_GALLERY_COUNTER = re.compile(r"\bHide Caption \d+ of \d+\b")


def is_gallery_slide(paragraph: str) -> bool:
    """A slide of a photo gallery: opened by "Photos:" and a title, or carrying the slide
    counter "Hide Caption 3 of 8"."""
    return bool(_GALLERY_OPENING.match(paragraph) or _GALLERY_COUNTER.search(paragraph))


def residue_kind(paragraph: str) -> BlockKind | None:
    """The kind of residual boilerplate a paragraph is, or None for a paragraph to keep."""
    box = box_heading(paragraph)
    if box is not None:
        return box[0]
    if is_credit_caption(paragraph) or is_gallery_slide(paragraph):
        return BlockKind.CAPTION
    if _MEDIA_LABEL.fullmatch(paragraph.strip()):
        return BlockKind.CAPTION
    if is_credit_line(paragraph):
        return BlockKind.BYLINE
    if is_tip_prompt(paragraph):
        return BlockKind.FOOTER
    return BlockKind.TEASER if is_teaser_strip(paragraph) else _marker_residue(paragraph)


def _blocks(dropped: Sequence[tuple[BlockKind, str]]) -> tuple[BoilerplateBlock, ...]:
    """One block per teaser box (its heading apart) and one per other kind, in text order."""
    boxes: list[BoilerplateBlock] = []
    items: dict[BlockKind, list[str]] = {}
    for kind, paragraph in dropped:
        box = box_heading(paragraph) if kind in _BOX_KINDS else None
        if box is not None:
            teasers = paragraph[len(box[1]) :].lstrip(" :")
            boxes.append(
                BoilerplateBlock(kind=kind, items=(teasers,) if teasers else (), heading=box[1])
            )
        else:
            kept = items.setdefault(kind, [])
            if paragraph not in kept:
                kept.append(paragraph)
    others = (BoilerplateBlock(kind=kind, items=tuple(texts)) for kind, texts in items.items())
    return (*boxes, *others)


def strip_residue(paragraphs: Sequence[str]) -> Residue:
    """The paragraphs without their residual boilerplate, which is named apart.

    When every paragraph would go, all are kept: see the module docstring.
    """
    kinds = [residue_kind(paragraph) for paragraph in paragraphs]
    if all(kind is not None for kind in kinds):
        return Residue(paragraphs=tuple(paragraphs), dropped=(), blocks=())
    dropped = tuple(
        (kind, paragraph)
        for kind, paragraph in zip(kinds, paragraphs, strict=True)
        if kind is not None
    )
    kept = tuple(p for kind, p in zip(kinds, paragraphs, strict=True) if kind is None)
    return Residue(paragraphs=kept, dropped=dropped, blocks=_blocks(dropped))
