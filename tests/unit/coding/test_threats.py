"""A thing that "threatens to" have an effect threatens no one (``coding.threats``): a party,
a person or a pronoun for one must be the subject. On invented sentences."""

from __future__ import annotations

from typing import Any

import pytest

from dyads.coding.dropped import Collector
from tests.conftest import coded_types, make_article

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "The political crisis in Peru is threatening to hurt trade with Chile, officials said.",
        "A tropical storm threatens to flood the Kenyan capital Nairobi, the weather agency said.",
    ],
)
def test_threats_of_things_are_not_coded(code_stage: Any, text: str) -> None:
    assert "THREATEN" not in coded_types(code_stage, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan government threatened to close the border with Uganda on Monday.",
        "Uganda threatened to expel the Kenyan ambassador on Monday.",
        "Kenyan president William Ruto threatened to sue Uganda on Monday.",
        # a name compounded with the subject
        "The al-Shabaab terror network threatened to attack Kenya on Monday.",
        # a person threatens, and a threat's condition does not make it hypothetical
        "A man threatened to kill the Kenyan journalist if she did not stop her reporting.",
        "The Kenyan government threatened to close the border if Uganda did not pay.",
        # a vow to punish is a threat
        "The Kenyan president vowed to punish Uganda for the raid on Monday.",
    ],
)
def test_threats_of_parties_stay(code_stage: Any, text: str) -> None:
    assert "THREATEN" in coded_types(code_stage, text)


def test_threat_with_a_condition_is_made_by_someone(code_stage: Any) -> None:
    # the subject names no party the finder knows, but a condition on another's act is set
    text = "Nomads of the Syrian plateau threatened today to block the road unless Jordan paid."
    with Collector() as collected:
        code_stage.process(make_article((text,)))
    reasons = [d.reason for d in collected.dropped]
    assert "the clause it takes reports no act" not in reasons


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # a company's plan restricts its own business
        ("The British bank Barclays announced that it would ban cryptocurrency purchases.", False),
        # a state's plan, or a plan against a party, is a threat
        ("Greece plans to impose restrictions on its labour market, officials said.", True),
        ("The British bank Barclays announced that it would boycott Israel over the war.", True),
    ],
)
def test_a_private_party_plan_threatens_only_a_party_named(
    code_stage: Any, text: str, threat: bool
) -> None:
    assert ("THREATEN" in coded_types(code_stage, text)) is threat
