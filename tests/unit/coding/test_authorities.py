"""State acts told in the passive with no agent: the authorities of the place are the actor."""

from __future__ import annotations

from typing import Any

import pytest

from dyads.records import Dateline, Event, Place
from tests.conftest import make_article

pytestmark = pytest.mark.slow

NAIROBI = Dateline(text="NAIROBI", place=Place(name="Nairobi", country="KEN"))


def _events(code_stage: Any, *paragraphs: str, dateline: Dateline | None = None) -> list[Event]:
    article = make_article(paragraphs, dateline=dateline)
    return list(code_stage.process(article).events)


def _parties(refs: Any) -> set[tuple[str | None, str | None]]:
    return {(ref.country, ref.sector) for ref in refs}


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        ("A Kenyan activist was arrested in Nairobi on Tuesday.", "COERCE", "KEN", "KEN"),
        ("A British tourist was detained in Dubai on Sunday.", "COERCE", "ARE", "GBR"),
        ("Two Chilean students were charged in Lima with sedition.", "ACCUSE", "PER", "CHL"),
        ("A Polish trucker was jailed in Berlin for six months.", "COERCE", "DEU", "POL"),
    ],
)
def test_agentless_passive_actor_is_the_state_of_the_named_place(
    code_stage: Any, text: str, event: str, actor: str, recipient: str
) -> None:
    (coded,) = (e for e in _events(code_stage, text) if e.event == event)
    assert {ref.country for ref in coded.actors} == {actor}
    assert {ref.country for ref in coded.recipients} == {recipient}


def test_agentless_passive_sector_follows_the_verb(code_stage: Any) -> None:
    arrest, charge = (
        next(iter(_events(code_stage, text)))
        for text in (
            "A Kenyan activist was detained in Nairobi on Tuesday.",
            "A Kenyan activist was indicted in Nairobi on Tuesday.",
        )
    )
    assert _parties(arrest.actors) == {("KEN", "COP")}
    assert _parties(charge.actors) == {("KEN", "JUD")}


def test_agentless_passive_conjunct_shares_the_subject_and_the_place(code_stage: Any) -> None:
    text = "A Mexican trucker was stopped and arrested in Denver on Friday."
    (coded,) = (e for e in _events(code_stage, text) if e.event == "COERCE")
    assert _parties(coded.actors) == {("USA", "COP")}
    assert {ref.country for ref in coded.recipients} == {"MEX"}


def test_agentless_passive_takes_the_home_country_for_its_own_people(code_stage: Any) -> None:
    own, foreign = (
        _events(code_stage, text, dateline=NAIROBI)
        for text in (
            "Two Kenyan students were charged with sedition on Monday.",
            "Two Ugandan students were charged with sedition on Monday.",
        )
    )
    assert _parties(own[0].actors) == {("KEN", "JUD")}
    # a foreigner charged where the sentence does not say: an unknown party
    assert _parties(foreign[0].actors) == {(None, "UNK")}
    assert {ref.country for ref in foreign[0].recipients} == {"UGA"}


def test_agentless_passive_on_someone_unnamed_is_the_home_authorities_act(
    code_stage: Any,
) -> None:
    # no word of the sentence names a party: the prefilter still lets it through, and the one
    # arrested, a person the news does not name, is someone it befalls
    (arrest,) = _events(code_stage, "A 16-year-old was arrested at the scene.", dateline=NAIROBI)
    assert (arrest.event, _parties(arrest.actors)) == ("COERCE", {("KEN", "COP")})


def test_agentless_passive_keeps_a_named_agent_and_other_verbs(code_stage: Any) -> None:
    (agent,) = _events(code_stage, "Two Kenyan students were arrested by Ugandan police.")
    assert _parties(agent.actors) == {("UGA", "COP")}
    # killing is not an act only a state carries out: the perpetrator stays unknown
    (killed,) = _events(code_stage, "Two Kenyan students were killed in Kampala on Monday.")
    assert killed.actors == ()


def test_agentless_passive_negated_or_hypothetical_is_not_emitted(code_stage: Any) -> None:
    for text in (
        "The Kenyan activist was not arrested in Nairobi.",
        "The Kenyan activist could be arrested in Nairobi if he returns.",
    ):
        assert not [e for e in _events(code_stage, text) if e.event == "COERCE"], text


def test_passive_clause_borrows_no_agent_from_the_clause_above(code_stage: Any) -> None:
    text = "The Kenyan envoy was in Kampala when two Ugandan guards were shot dead."
    (coded,) = (e for e in _events(code_stage, text) if e.event == "ASSAULT")
    assert coded.actors == ()  # the envoy did not shoot them
    assert {ref.country for ref in coded.recipients} == {"UGA"}
