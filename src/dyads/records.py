"""The frozen records every stage speaks.

A stage never mutates a record; it returns a new one (``dataclasses.replace``).
Collections are tuples, datetimes carry their zone where the page gives one, and a
publication date without a time is a plain ``date``.

Flow::

    Document --clean--> Article --nlp/actors/coding--> CodedArticle (Article + Events)
    anything that fails --------------------------------> Rejection
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


def content_id(text: str) -> str:
    """The sha256 hex digest of ``text`` encoded as UTF-8: the id of a document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class MediaType(StrEnum):
    """What a document's text is, which decides the cleaner that reads it."""

    PAGE_TEXT = "text/x-page-dump"  # a rendered page flattened to text (lynx, w3m, a crawler)
    HTML = "text/html"
    ARTICLE_TEXT = "text/plain"  # an article body that is already clean


class BlockKind(StrEnum):
    """Kinds of page block a cleaner names (body blocks are kept, the rest set aside)."""

    TITLE = "title"
    TIMESTAMP = "timestamp"
    DATELINE = "dateline"
    BYLINE = "byline"
    BODY = "body"
    MOST_POPULAR = "most_popular"
    RECOMMENDED = "recommended"
    TEASER = "teaser"
    RELATED = "related"
    NAVIGATION = "navigation"
    SHARE = "share"
    COOKIE = "cookie"
    FOOTER = "footer"
    CAPTION = "caption"
    COMMENTS = "comments"
    ADVERTISEMENT = "advertisement"
    SUBSCRIBE = "subscribe"
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One input page as read from a file, a JSONL record, a WARC record or a POST."""

    id: str  # sha256 of ``text`` (see ``content_id``)
    source: str  # where it came from: a path, ``path#line``, ``warc-path#offset``, ``-``
    media_type: MediaType
    text: str
    encoding: str = "utf-8"  # the encoding the bytes were decoded from
    fetched_at: datetime | None = None
    # hints from the container; a cleaner prefers what the page itself says
    external_id: str | None = None  # a JSONL record's ``id``: kept as the article id
    url: str | None = None
    title: str | None = None
    published: datetime | date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A resolved place: a city from the gazetteer, or a whole country."""

    name: str
    country: str | None  # ISO 3166-1 alpha-3
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    kind: str = "city"  # city | country | region


@dataclass(frozen=True, slots=True, kw_only=True)
class Dateline:
    text: str  # as printed, e.g. "NUR SULTAN" or "ANKARA, Feb 4 (Reuters)"
    place: Place | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BoilerplateBlock:
    """A block of the page that is not the article, kept aside with its kind."""

    kind: BlockKind
    items: tuple[str, ...]  # one entry per headline / link / line, deduplicated in order
    heading: str | None = None  # "MOST POPULAR", "Recommended", "WORLD", ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    id: str  # the document id, or the JSONL input's ``id``
    document_id: str
    source: str
    url: str | None = None
    site: str | None = None
    title: str | None = None
    published: datetime | date | None = None
    dateline: Dateline | None = None
    byline: str | None = None
    language: str | None = "en"
    paragraphs: tuple[str, ...] = ()
    boilerplate: tuple[BoilerplateBlock, ...] = ()
    method: str = ""  # the cleaner that produced it: "page-text", "html", "article-text"
    confidence: float = 0.0
    tone: float | None = None  # -10 (negative) .. +10 (positive): ``dyads.clean.tone``

    @property
    def body(self) -> str:
        """The body text: paragraphs joined by a blank line. Evidence offsets index into it."""
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)


PARAGRAPH_SEPARATOR = "\n\n"


class MentionKind(StrEnum):
    COUNTRY = "country"
    DEMONYM = "demonym"
    CAPITAL = "capital"  # a capital used for its government ("Ankara said")
    PERSON = "person"
    ORGANISATION = "organisation"
    IGO = "igo"
    NGO = "ngo"
    GROUP = "group"
    ROLE = "role"  # a role noun: "the army", "police", "protesters"
    PLACE = "place"


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorRef:
    """Who acted or was acted on, as PLOVER describes an actor."""

    name: str  # canonical name: "Muhsin Dere", "Turkey", "United Nations"
    text: str = ""  # as written in the evidence sentence
    country: str | None = None  # ISO-3, or an IGO code such as "IGO"/"UNO"/"NATO"
    sector: str | None = None  # PLOVER sector: GOV, MIL, COP, JUD, LEG, OPP, REB, BUS, ...
    title: str | None = None  # office: "Deputy National Defense Minister"


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A span of an article that names an actor or a place."""

    text: str
    start: int  # character offsets into ``Article.body``
    end: int
    kind: MentionKind
    actor: ActorRef | None = None
    place: Place | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    start: int  # offsets into ``Article.body``
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """One sentence that reports an event, located in the article body."""

    sentence: str
    paragraph: int  # 1-based index into ``Article.paragraphs``
    sentence_index: int  # 0-based index of the sentence in the article
    start: int  # offsets of the sentence into ``Article.body``
    end: int
    trigger: Span | None = None
    actor_spans: tuple[Span, ...] = ()
    recipient_spans: tuple[Span, ...] = ()
    article_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    id: str
    article_id: str
    event: str  # PLOVER event type: AGREE, CONSULT, ...
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    actors: tuple[ActorRef, ...] = ()
    recipients: tuple[ActorRef, ...] = ()
    date: date | None = None
    date_method: str = "unknown"  # explicit | relative | lead | publication | unknown
    place: Place | None = None
    evidence: tuple[Evidence, ...] = ()
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.0
    coder: str = "dyads-rules"
    coder_version: str = ""
    cameo: str | None = None
    quad: int | None = None
    goldstein: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CodedArticle:
    """An article and the events coded from it: what the store writes."""

    article: Article
    events: tuple[Event, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Rejection:
    """An input or item that could not be processed, and why."""

    source: str
    stage: str  # "ingest", "clean", "code", ...
    error: str  # exception class name
    message: str
    document_id: str | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())
