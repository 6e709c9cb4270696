"""Charges and investigations (``coding.proceedings``): ACCUSE from the body that charges or
investigates to the one charged or investigated, whichever side the sentence tells."""

from __future__ import annotations

from typing import Any

import pytest

from dyads.records import Event
from tests.conftest import make_article

pytestmark = pytest.mark.slow


def _events(code_stage: Any, *paragraphs: str) -> tuple[Event, ...]:
    events: tuple[Event, ...] = code_stage.process(make_article(paragraphs)).events
    return events


def _accusations(code_stage: Any, *paragraphs: str) -> list[Event]:
    return [e for e in _events(code_stage, *paragraphs) if e.event == "ACCUSE"]


def _countries(refs: Any) -> set[str]:
    return {ref.country for ref in refs}


@pytest.mark.parametrize(
    ("text", "mode", "actors", "recipients"),
    [
        # the one charged is the subject; the charging authority is the place's
        ("Police said the Peruvian businessman was facing charges of fraud in Canada.",
         "allege", {"CAN"}, {"PER"}),
        ("The Zambian opposition leader faces prosecution in Zambia.", "allege", {"ZMB"},
         {"ZMB"}),
        # the body is named on the noun: "by" or as a modifier
        ("The French minister is under investigation by Belgian prosecutors.",
         "investigate", {"BEL"}, {"FRA"}),
        ("The Kenyan senator's dealings are part of an FBI investigation.",
         "investigate", {"USA"}, {"KEN"}),
        # charges brought, filed or pressed against someone
        ("Indian prosecutors brought charges against the Pakistani businessman.",
         "allege", {"IND"}, {"PAK"}),
        ("Greek police filed charges against the Turkish captain.",
         "allege", {"GRC"}, {"TUR"}),
        # a body of the state investigating a crime names no party investigated
        ("German police are investigating a series of burglaries.", "investigate", {"DEU"},
         set()),
        # an investigation taken up with no agent is the authority's of the place
        ("Further investigation has been taken up in Kenya.", "investigate", {"KEN"}, set()),
    ],
)  # fmt: skip
def test_proceeding_is_an_accusation(
    code_stage: Any, text: str, mode: str, actors: set[str], recipients: set[str]
) -> None:
    coded = _accusations(code_stage, text)
    assert len(coded) == 1, coded
    assert coded[0].mode == mode
    assert _countries(coded[0].actors) == actors
    assert _countries(coded[0].recipients) == recipients


@pytest.mark.parametrize(
    "text",
    [
        # "charged with" a duty, a price charged, a charge taken
        "The Brazilian officials charged with enforcing the law met on Monday.",
        "The Chilean committee was charged with the task of drafting a constitution.",
        "The Kenyan bank charged customers a fee of $5.",
        "The French minister took charge of the Interior Ministry.",
        "Visitors to the Egyptian museum enter free of charge.",
        # charges dropped are no charges brought
        "The Indian government dropped all charges against the British activist.",
        # a possible or planned proceeding
        "The French minister could face charges in Belgium.",
        "Spanish police will investigate the burglaries in Madrid.",
        "Spanish police are going to carry out an investigation in Madrid.",
        # an inquiry into an accident, or by someone who is no authority
        "German police are investigating the cause of the crash.",
        "Swiss scientists are investigating the outbreak.",
    ],
)
def test_no_proceeding_makes_no_accusation(code_stage: Any, text: str) -> None:
    assert _accusations(code_stage, text) == []


def test_charge_to_a_crime_stays_a_charge(code_stage: Any) -> None:
    """A crime told by a verb ("charged with killing") is no duty."""
    coded = _accusations(code_stage, "Irish police charged the British man with killing a guard.")
    assert [e.mode for e in coded] == ["allege"]
    assert _countries(coded[0].actors) == {"IRL"}


def test_investigation_and_criticism_stay_two_events(code_stage: Any) -> None:
    """An investigation is the body's proceeding, not the blame told beside it."""
    coded = _accusations(
        code_stage,
        "German police are investigating the assaults in Cologne.",
        "The German police chief has been criticised for the slow response.",
    )
    assert sorted(e.mode or "" for e in coded) == ["disapprove", "investigate"]
