"""What the coding stages hand each other: an article and what has been found in it so far.

The records from ``parse`` on hold spaCy ``Doc`` objects, which are valid only inside the
memory zone of the batch that parsed them (``StageContext.batch``): the stages after
``parse`` read them while the batch runs, and ``merge`` hands on plain strings only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dyads.coding.candidate import Candidate
from dyads.coding.coder import SentenceInput
from dyads.nlp.sentences import Sentence
from dyads.records import Article, Mention


@dataclass(frozen=True, slots=True, kw_only=True)
class SelectedArticle:
    """An article in a language the coder reads, and its sentences worth parsing."""

    article: Article
    language: str  # a key of ``dyads.coding.stages.languages.LANGUAGES``
    sentences: tuple[Sentence, ...]  # in article order
    # the article is a sports story (``coding.games.sports_story``), read over all its
    # sentences, not only those worth parsing
    sports: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedSentence:
    sentence: Sentence
    doc: Any  # the spaCy Doc of ``sentence.text``
    # the sentence's triggers when ``parse`` found them (to choose the entity sentences)
    triggers: tuple[Any, ...] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedArticle:
    article: Article
    language: str
    sentences: tuple[ParsedSentence, ...]
    sports: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ResolvedArticle:
    """Parsed sentences with the actors resolved in each, and every actor mention."""

    article: Article
    language: str
    sentences: tuple[SentenceInput, ...]
    mentions: tuple[Mention, ...]
    sports: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class CandidateArticle:
    """The event candidates of an article that the settings let through, before merging."""

    article: Article
    candidates: tuple[Candidate, ...]
    mentions: tuple[Mention, ...]
