"""Goods sold, supplied or moved to another party are trade, economic cooperation (CAMEO 061,
``data/lexicon.tsv``): "sold grain to", "supplied fuel to", "transferred oil to"; weapons sold
are military cooperation (062). Aid stays aid ("supplied weapons to"), control handed over
stays a concession, and a sale with no buyer is no event. On invented sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import make_article

pytestmark = pytest.mark.slow


def _events(code_stage: Any, text: str) -> list[tuple[str, tuple[str | None, ...]]]:
    events = code_stage.process(make_article((text,))).events
    return [(e.event, tuple(r.country for r in e.recipients)) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan tankers transferred fuel to Ugandan ships on Monday.",
        "Kenyan traders were selling grain to Uganda on Monday.",
        "Kenyan firms have supplied diesel to Ugandan buyers, the Kenyan ministry said on Monday.",
        "Kenyan firms were selling armoured jets to Uganda on Monday.",
    ],
)
def test_goods_sent_to_a_party_are_trade(code_stage: Any, text: str) -> None:
    assert ("COOPERATE", ("UGA",)) in _events(code_stage, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Kenya supplied weapons to Uganda on Monday.", "AID"),
        ("Kenya transferred control of the border post to Uganda on Monday.", "CONCEDE"),
    ],
)
def test_other_things_sent_keep_their_sense(code_stage: Any, text: str, event: str) -> None:
    assert event in [e for e, _ in _events(code_stage, text)]


def test_a_sale_with_no_buyer_is_no_event(code_stage: Any) -> None:
    text = "The Kenyan company was selling its oil products on Monday."
    assert "COOPERATE" not in [e for e, _ in _events(code_stage, text)]


def test_irregular_past_tenses_are_read(code_stage: Any) -> None:
    # "sold" is no regular form of "sell": the sentence must still reach the parser
    assert ("COOPERATE", ("UGA",)) in _events(code_stage, "Kenya sold grain to Uganda.")
    assert ("COOPERATE", ("UGA",)) in _events(code_stage, "Kenyan traders sold fuel to Uganda.")
