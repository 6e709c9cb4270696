"""What the event and article pages show, cut into highlighted runs for the templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from dyads.records import PARAGRAPH_SEPARATOR, Evidence
from dyads.serve.web.highlight import Mark, Run, runs, shifted
from dyads.store.results import ArticleView, EventDetail, StoredMention


@dataclass(frozen=True, slots=True, kw_only=True)
class EvidenceItem:
    """One evidence sentence of an event, with trigger, actor and recipient marked."""

    runs: tuple[Run, ...]
    article_id: str
    paragraph: int
    title: str | None = None
    site: str | None = None
    published: datetime | date | None = None


def evidence_marks(evidence: Evidence) -> tuple[Mark, ...]:
    """Trigger, actor and recipient spans of ``evidence``, in body offsets."""
    marks = [Mark(start=s.start, end=s.end, kind="actor") for s in evidence.actor_spans]
    marks += [Mark(start=s.start, end=s.end, kind="recipient") for s in evidence.recipient_spans]
    if evidence.trigger is not None:
        marks.append(Mark(start=evidence.trigger.start, end=evidence.trigger.end, kind="trigger"))
    return tuple(marks)


def _item(mention: StoredMention) -> EvidenceItem:
    evidence = mention.evidence
    marks = shifted(evidence_marks(evidence), evidence.start)
    return EvidenceItem(
        runs=runs(evidence.sentence, marks),
        article_id=mention.article_id,
        paragraph=evidence.paragraph,
        title=mention.title,
        site=mention.site,
        published=mention.published,
    )


def evidence_items(detail: EventDetail) -> tuple[EvidenceItem, ...]:
    """Every mention of the event; the event's own evidence when no mention is stored."""
    if detail.mentions:
        return tuple(_item(m) for m in detail.mentions)
    event = detail.stored.event
    return tuple(
        _item(
            StoredMention(
                evidence=e,
                article_id=e.article_id or event.article_id,
                title=detail.stored.title,
                site=detail.stored.site,
            )
        )
        for e in event.evidence
    )


def article_paragraphs(view: ArticleView) -> tuple[tuple[Run, ...], ...]:
    """Each paragraph cut into runs: evidence sentences and their triggers marked."""
    marks: list[Mark] = []
    for item in view.evidence:
        marks.append(Mark(start=item.start, end=item.end, kind="evidence"))
        if item.trigger_start is not None and item.trigger_end is not None:
            marks.append(Mark(start=item.trigger_start, end=item.trigger_end, kind="trigger"))
    out = []
    offset = 0
    for paragraph in view.article.paragraphs:
        out.append(runs(paragraph, shifted(marks, offset)))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return tuple(out)
