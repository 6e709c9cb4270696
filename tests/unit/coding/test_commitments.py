"""A stated commitment to act or to keep a position is an agreement (PLOVER AGREE, CAMEO 03x),
not support: "affirmed their determination to", "will stick to its stance"; support affirmed
stays SUPPORT. On invented sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import coded_types, make_article

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Uganda affirmed their determination to end the dispute on Monday.",
        "Peru and Chile reaffirmed their commitment to the ceasefire on Monday.",
        "The Kenyan government will stick to its stance that Uganda must withdraw its troops.",
    ],
)
def test_commitment_is_agreement(code_stage: Any, text: str) -> None:
    types = coded_types(code_stage, text)
    assert "AGREE" in types
    assert "SUPPORT" not in types


def test_affirmed_support_stays_support(code_stage: Any) -> None:
    assert coded_types(code_stage, "Kenya reaffirmed its support for Uganda on Monday.") == [
        "SUPPORT"
    ]


def test_parties_welcoming_the_signing_of_their_agreement_agree(code_stage: Any) -> None:
    text = "Kenya and Uganda welcomed the signing of a number of agreements on trade."
    events = code_stage.process(make_article((text,))).events
    assert [e.event for e in events] == ["AGREE"]
    assert {a.country for a in events[0].actors} == {"KEN", "UGA"}


def test_one_party_welcoming_the_accord_of_others_supports_it(code_stage: Any) -> None:
    text = "Kenya welcomed the signing of the peace accord between Sudan and South Sudan."
    assert [e.event for e in code_stage.process(make_article((text,))).events] == ["SUPPORT"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # working with another party now: the two are in consultation
        ("Kenyan officials are working with Uganda to reopen the border crossing.", "CONSULT"),
        # promised: cooperation promised is an agreement
        ("Kenya said it would work with Uganda to reopen the border crossing.", "AGREE"),
    ],
)
def test_working_with_a_party(code_stage: Any, text: str, event: str) -> None:
    events = [e for e in code_stage.process(make_article((text,))).events if e.event == event]
    assert len(events) == 1
    assert {a.country for a in events[0].actors} == {"KEN"}
    assert {r.country for r in events[0].recipients} == {"UGA"}


def test_working_with_no_party_is_no_event(code_stage: Any) -> None:
    text = "The Kenyan teacher has worked with children for years in the village school."
    assert coded_types(code_stage, text) == []


def test_backing_down_concedes(code_stage: Any) -> None:
    text = "The Kenyan government backed down on its threat to close the Ugandan border."
    assert "CONCEDE" in coded_types(code_stage, text)


def test_past_work_together_is_a_career(code_stage: Any) -> None:
    text = "The Kenyan minister worked with Ugandan officials at a bank before his appointment."
    assert "CONSULT" not in coded_types(code_stage, text)


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # a plan's act is not done; a pledge's is an intent (to use force: a threat)
        (
            "Kenya's plan to expel Ugandan traders drew criticism from the opposition.",
            "SANCTION",
            None,
        ),
        (
            "The Kenyan president's pledge to punish the Ugandan smugglers was welcomed.",
            "SANCTION",
            "THREATEN",
        ),
    ],
)
def test_acts_on_nouns_of_plan_and_promise(
    code_stage: Any, text: str, absent: str, present: str | None
) -> None:
    types = coded_types(code_stage, text)
    assert absent not in types
    if present is not None:
        assert present in types


def test_closing_a_border_restricts_movement(code_stage: Any) -> None:
    events = code_stage.process(
        make_article(("Kenya closed its border with Uganda on Monday.",))
    ).events
    assert "COERCE" in [e.event for e in events]
