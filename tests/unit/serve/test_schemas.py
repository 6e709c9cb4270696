from __future__ import annotations

from datetime import date

import pytest

from dyads.export.jsonable import stored_event_to_dict
from dyads.records import Span
from dyads.serve.api.schemas import (
    DocumentIn,
    article_out,
    dyad_period_out,
    event_out,
)
from dyads.store.results import DyadPeriod, MarkedEvidence
from tests.conftest import make_article, make_event, make_stored_event


def test_event_out_has_the_fields_of_the_jsonl_export() -> None:
    stored = make_stored_event()
    out = event_out(stored).model_dump(mode="json")
    assert set(out) == set(stored_event_to_dict(stored))
    assert out["num_mentions"] == 3
    assert out["date"] == "2021-02-04"


def test_event_out_carries_evidence_spans() -> None:
    event = make_event()
    evidence = event.evidence[0]
    marked = evidence.__class__(
        sentence=evidence.sentence,
        paragraph=1,
        sentence_index=0,
        start=0,
        end=len(evidence.sentence),
        trigger=Span(start=7, end=10),
        actor_spans=(Span(start=0, end=6),),
    )
    stored = make_stored_event(event.__class__(**{**_fields(event), "evidence": (marked,)}))
    (out,) = event_out(stored).evidence
    assert out.trigger == (7, 10)
    assert out.actors == [(0, 6)]
    assert out.recipients == []


def _fields(event: object) -> dict[str, object]:
    return {name: getattr(event, name) for name in event.__slots__}  # type: ignore[attr-defined]


def test_article_out_keeps_body_offsets_and_boilerplate() -> None:
    article = make_article(("First paragraph.", "Second one."))
    marked = MarkedEvidence(
        event_id="e1",
        event="CONSULT",
        start=18,
        end=29,
        sentence="Second one.",
        trigger_start=18,
        trigger_end=24,
    )
    out = article_out(article, (marked,))
    assert out.body[out.evidence[0].start : out.evidence[0].end] == "Second one."
    assert out.evidence[0].trigger == (18, 24)
    assert out.boilerplate[0].kind == "teaser"


def test_dyad_period_out_names_the_quad_classes() -> None:
    period = DyadPeriod(
        period="2021-02",
        start=date(2021, 2, 1),
        counts=(1, 2, 3, 4),
        total=10,
        goldstein_mean=-1.5,
    )
    out = dyad_period_out(period)
    assert (out.verbal_cooperation, out.material_conflict, out.total) == (1, 4, 10)


@pytest.mark.parametrize(
    "payload",
    [
        {"kind": "video", "content": "x"},
        {"kind": "text", "content": ""},
        {"kind": "text", "content": "x", "extra": 1},
    ],
)
def test_document_in_refuses_bad_payloads(payload: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="validation error"):
        DocumentIn.model_validate(payload)


@pytest.mark.parametrize("field", ["content", "title", "url", "id"])
def test_document_in_refuses_nul_characters(field: str) -> None:
    payload = {"kind": "text", "content": "Talks resumed.", field: "a\x00b"}
    with pytest.raises(ValueError, match="pattern"):
        DocumentIn.model_validate(payload)
