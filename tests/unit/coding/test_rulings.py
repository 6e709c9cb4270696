"""A court that rules against an act or a plan rejects it (REJECT 120, the court's act), and the
act it rules against is not told as done: "ruled against forcing Peru to negotiate" is no
meeting. On invented sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import coded_types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "The International Court of Justice ruled against forcing Peru to negotiate with Chile.",
        "The Supreme Court of Kenya ruled against the government's plan to close the camp.",
    ],
)
def test_ruling_against_is_rejection(code_stage: Any, text: str) -> None:
    types = coded_types(code_stage, text)
    assert "REJECT" in types
    assert "CONSULT" not in types
