"""``select``: an article's language and its sentences worth parsing.

A sentence is worth parsing when some word of it is a form of a trigger lemma (a set
lookup, no model) and the actor tables say it may name an actor (or it holds a pronoun that
may stand for one named before), or it tells in the passive an act only a state's police or
courts do ("a 16-year-old was arrested"), whose actor the coder finds without a name.
Parsing is most of the cost of coding, and most sentences of a news page report no event
between actors.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from dyads.coding.authority import BEFALLING_SECTORS
from dyads.coding.games import sports_story
from dyads.coding.lexicon import surface_forms
from dyads.coding.speech import might_report
from dyads.coding.stages.languages import (
    CodingResources,
    article_language,
    load_all,
)
from dyads.coding.stages.records import SelectedArticle
from dyads.errors import PipelineError
from dyads.records import Article
from dyads.settings import Settings
from dyads.stage import Drop, MapStage, StageContext


class SelectStage(MapStage[Article, SelectedArticle]):
    name: ClassVar[str] = "select"
    consumes: ClassVar[type[Any]] = Article
    produces: ClassVar[type[Any]] = SelectedArticle

    def __init__(self, *, settings: Settings) -> None:
        self.settings = settings
        self._resources: dict[str, CodingResources] = {}

    def open(self, ctx: StageContext) -> None:
        if not self._resources:
            self._resources = load_all(settings=self.settings)

    def process(self, item: Article) -> SelectedArticle:
        from dyads.nlp.sentences import bounded_for_coding, split_sentences

        if not self._resources:
            raise PipelineError("the select stage was used before open()")
        language = article_language(item)
        if language not in self._resources:
            raise Drop(f"no coding resources for language {language!r}")
        resources = self._resources[language]
        sentences = split_sentences(item)
        chosen = bounded_for_coding(
            [s for s in sentences if _worth_parsing(s.text, resources)],
            limit=self.settings.max_coded_sentences,
        )
        return SelectedArticle(
            article=item,
            language=language,
            sentences=tuple(chosen),
            sports=sports_story([s.text for s in sentences]),
        )


# A state act told in the passive with no party named ("A 16-year-old was arrested at the
# scene"): the authorities of the article's country did it (``coding.authority``).
_PARTICIPLES = sorted(
    form for verb in BEFALLING_SECTORS for form in surface_forms(verb) if form.endswith("ed")
)
_AUTHORITY_ACT = re.compile(
    r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?(?:" + "|".join(_PARTICIPLES) + r")\b",
    re.IGNORECASE,
)


def _worth_parsing(text: str, resources: CodingResources) -> bool:
    # what a party says may tell an event with no trigger word in it (``coding.speech``)
    told = resources.lexicon.might_trigger(text) or might_report(text)
    if not told:
        return False
    return resources.tables.might_name_actor(text) or _AUTHORITY_ACT.search(text) is not None
