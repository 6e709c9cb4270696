from __future__ import annotations

import pytest

from dyads.coding.contexts import contexts_for


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("They discussed cooperation in the defense industry.", "military"),
        ("The ministers agreed to expand trade and investment.", "economic"),
        ("Aid agencies delivered relief to refugees.", "humanitarian"),
        ("The court indicted the former minister.", "legal"),
    ],
)
def test_contexts_for_reads_cue_words(text: str, context: str) -> None:
    assert context in contexts_for(text)


def test_contexts_for_keeps_trigger_defaults_sorted() -> None:
    assert contexts_for("They met in the capital.", defaults=("diplomatic",)) == ("diplomatic",)
