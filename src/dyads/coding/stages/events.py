"""``events``: the event candidates of every resolved sentence, those the settings emit.

Negated ("did not attack") and hypothetical ("could impose sanctions") candidates are found
like the others and flagged; they go on only when ``Settings.emit_negated`` /
``emit_hypothetical`` say so.
"""

from __future__ import annotations

from typing import Any, ClassVar

from dyads.coding.candidate import Candidate
from dyads.coding.coder import code_sentence
from dyads.coding.dropped import at, report
from dyads.coding.games import state_party
from dyads.coding.stages.languages import CodingResources, load_all, resources_for
from dyads.coding.stages.records import CandidateArticle, ResolvedArticle
from dyads.settings import Settings
from dyads.stage import MapStage, StageContext


class EventsStage(MapStage[ResolvedArticle, CandidateArticle]):
    name: ClassVar[str] = "events"
    consumes: ClassVar[type[Any]] = ResolvedArticle
    produces: ClassVar[type[Any]] = CandidateArticle

    def __init__(self, *, settings: Settings) -> None:
        self.settings = settings
        self._resources: dict[str, CodingResources] = {}

    def open(self, ctx: StageContext) -> None:
        if not self._resources:
            self._resources = load_all(settings=self.settings)

    def process(self, item: ResolvedArticle) -> CandidateArticle:
        article_id = item.article.id
        kept = tuple(c for c in self.candidates(item) if self._emits(c, article_id=article_id))
        if item.sports:
            # a sports story reports play, trades and praise, unless a state takes part
            kept = tuple(c for c in kept if self._in_sports_story(c, article_id=article_id))
        return CandidateArticle(article=item.article, candidates=kept, mentions=item.mentions)

    def candidates(self, item: ResolvedArticle) -> list[Candidate]:
        """Every candidate of every sentence, negated and hypothetical ones included."""
        resources = resources_for(self._resources, item.language)
        tables = resources.tables
        found: list[Candidate] = []
        for sentence in item.sentences:
            found.extend(
                code_sentence(
                    sentence,
                    lexicon=resources.lexicon,
                    gazetteer=resources.gazetteer,
                    names=tables.find_names,
                    countries=tables.country_name,
                )
            )
        return found

    def _in_sports_story(self, candidate: Candidate, *, article_id: str) -> bool:
        """Whether a candidate of a sports story has a state party, the reason reported
        when not."""
        if state_party((*candidate.actors, *candidate.recipients)):
            return True
        reason = "a sports story with no state party"
        report(at(candidate.evidence, article_id=article_id, event=candidate.event, reason=reason))
        return False

    def _emits(self, candidate: Candidate, *, article_id: str) -> bool:
        reason = None
        if candidate.negated and not self.settings.emit_negated:
            reason = "negated"
        elif candidate.hypothetical and not self.settings.emit_hypothetical:
            reason = "hypothetical or intended, not done"
        if reason is None:
            return True
        report(at(candidate.evidence, article_id=article_id, event=candidate.event, reason=reason))
        return False
