"""The seed page codes to what ``seed/expected_events.json`` asks (read from ../shared)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyads.clean.pagetext import clean_page_text
from dyads.records import Article, Document, Event, MediaType, content_id

pytestmark = [pytest.mark.external, pytest.mark.slow]

# Parties the seed's teasers and sidebars name; no event may involve them.
FORBIDDEN_COUNTRIES = {"CHN"}
FORBIDDEN_NAMES = ("Xiaomi", "WHO", "World Health", "EU", "Europe", "FIVB", "Boğaziçi")
MAX_EVENTS = 7


def _coded(shared_dir: Path, code_stage: Any) -> tuple[Article, tuple[Event, ...], dict[str, Any]]:
    expected = json.loads((shared_dir / "seed" / "expected_events.json").read_text("utf-8"))
    text = (shared_dir / "seed" / expected["source_file"]).read_text(encoding="utf-8")
    document = Document(
        id=content_id(text),
        source=expected["source_file"],
        media_type=MediaType.PAGE_TEXT,
        text=text,
    )
    article = clean_page_text(document)
    return article, code_stage.process(article).events, expected


def _parties(event: Event) -> set[str]:
    return {ref.country for ref in (*event.actors, *event.recipients) if ref.country}


def _matches(event: Event, required: dict[str, Any]) -> bool:
    actors = {ref.country for ref in event.actors}
    paragraphs = {e.paragraph for e in event.evidence}
    checks = (
        event.event == required["event"],
        set(required.get("parties_include", ())) <= _parties(event),
        set(required.get("actors_include", ())) <= actors,
        "mode" not in required or event.mode == required["mode"],
        "evidence_paragraph" not in required or required["evidence_paragraph"] in paragraphs,
        "recipient_person" not in required
        or required["recipient_person"] in {r.name for r in event.recipients},
    )
    return all(checks)


def test_seed_events_meeting_is_one_event(shared_dir: Path, code_stage: Any) -> None:
    _, events, expected = _coded(shared_dir, code_stage)
    meeting = expected["required"][0]
    found = [e for e in events if _matches(e, meeting) and e.date is not None]
    found = [e for e in found if e.date.isoformat() == meeting["date"]]
    assert len(found) == 1, events
    event = found[0]
    assert event.place is not None and event.place.country == meeting["place_country"]
    assert event.place.name in meeting["place_any_of"]
    paragraphs = {e.paragraph for e in event.evidence}
    assert len(paragraphs & set(meeting["evidence_any_of_paragraphs"])) >= 2


def test_seed_events_every_required_event(shared_dir: Path, code_stage: Any) -> None:
    _, events, expected = _coded(shared_dir, code_stage)
    first = expected["required"][0]
    for required in expected["required"][1:]:
        direct = any(_matches(e, required) for e in events)
        merged = required.get("may_merge_with_first") and any(
            _matches(e, first)
            and required.get("evidence_paragraph") in {x.paragraph for x in e.evidence}
            for e in events
        )
        assert direct or merged, required["what"]


def test_seed_events_nothing_forbidden(shared_dir: Path, code_stage: Any) -> None:
    article, events, _ = _coded(shared_dir, code_stage)
    assert len(events) <= MAX_EVENTS
    body = article.body
    for event in events:
        assert not _parties(event) & FORBIDDEN_COUNTRIES
        names = " ".join(ref.name for ref in (*event.actors, *event.recipients))
        assert not any(word in names.split() for word in FORBIDDEN_NAMES), names
        for evidence in event.evidence:
            assert body[evidence.start : evidence.end] == evidence.sentence
            assert 1 <= evidence.paragraph <= len(article.paragraphs)
