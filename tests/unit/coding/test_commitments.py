"""A stated commitment to act or to keep a position is an agreement (PLOVER AGREE, CAMEO 03x),
not support: "affirmed their determination to", "will stick to its stance"; support affirmed
stays SUPPORT. On invented sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import make_article

pytestmark = pytest.mark.slow


def _types(code_stage: Any, text: str) -> list[str]:
    return [e.event for e in code_stage.process(make_article((text,))).events]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Uganda affirmed their determination to end the dispute on Monday.",
        "Peru and Chile reaffirmed their commitment to the ceasefire on Monday.",
        "The Kenyan government will stick to its stance that Uganda must withdraw its troops.",
    ],
)
def test_commitment_is_agreement(code_stage: Any, text: str) -> None:
    types = _types(code_stage, text)
    assert "AGREE" in types
    assert "SUPPORT" not in types


def test_affirmed_support_stays_support(code_stage: Any) -> None:
    assert _types(code_stage, "Kenya reaffirmed its support for Uganda on Monday.") == ["SUPPORT"]
