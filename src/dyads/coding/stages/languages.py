"""Per-language coding resources: which languages the coder reads, and what it reads them with.

Only English has resources today: a trigger lexicon, actor tables (countries, demonyms,
organisations, role nouns, leaders) and a spaCy model. An article in any other language is
dropped by the ``select`` stage, never coded with English rules. A language joins by adding
its row to ``LANGUAGES`` and its loaders below.

``Article.language`` is what the cleaner says: the page's declared language, else a guess
from its commonest words that answers English when the text is too short to tell
(``dyads.clean.pagetext.language``). So the cleaner's "en" already covers "could not tell",
and an article without a language (one built by hand) is taken the same way, as English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from dyads.errors import PipelineError
from dyads.records import Article
from dyads.settings import Settings

if TYPE_CHECKING:
    from dyads.actors.tables import ActorTables
    from dyads.coding.lexicon import Lexicon
    from dyads.coding.places import PlaceLookup

# The languages with coding resources, by ISO 639-1 code.
LANGUAGES = ("en",)
# What an article with no language is taken to be (see the module docstring).
UNSTATED = "en"
_SUBTAG = re.compile(r"[-_]")
T = TypeVar("T")


@dataclass(frozen=True, slots=True, kw_only=True)
class CodingResources:
    """What the coding stages read one language with (each is loaded once per process)."""

    lexicon: Lexicon
    tables: ActorTables
    gazetteer: PlaceLookup


def article_language(article: Article) -> str:
    """The article's language as a bare lower-case code ("en-GB" -> "en")."""
    tag = (article.language or "").strip().lower()
    return _SUBTAG.split(tag, maxsplit=1)[0] or UNSTATED


def spacy_model(language: str, *, settings: Settings) -> str:
    """The spaCy pipeline package that parses ``language``."""
    if language == "en":
        return settings.spacy_model
    raise PipelineError(f"no spaCy model for language {language!r}; known: {LANGUAGES}")


def load_resources(language: str, *, settings: Settings) -> CodingResources:
    """The lexicon, actor tables and gazetteer of ``language`` (cached by their loaders)."""
    if language != "en":
        raise PipelineError(f"no coding resources for language {language!r}; known: {LANGUAGES}")
    from dyads.actors.tables import ActorTables
    from dyads.coding.lexicon import default_lexicon
    from dyads.geo.gazetteer import default_gazetteer

    return CodingResources(
        lexicon=default_lexicon(petrarch_verbs=settings.petrarch_verbs),
        tables=ActorTables.load(),
        gazetteer=default_gazetteer(),
    )


def load_all(*, settings: Settings) -> dict[str, CodingResources]:
    return {language: load_resources(language, settings=settings) for language in LANGUAGES}


def resources_for(loaded: Mapping[str, T], language: str) -> T:
    """``loaded[language]``, or ``PipelineError`` for a stage used before ``open``."""
    try:
        return loaded[language]
    except KeyError:
        raise PipelineError(
            f"no {language!r} resources loaded: the stage was used before open()"
        ) from None
