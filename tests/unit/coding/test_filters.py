"""Rules of the language that keep a trigger from reporting an event, on invented sentences:
forecasts and advice told with "warn", accidents, unasserted frames, questions, one act told
by two words, solo drills, stated mobilization plans, passive relative clauses."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import coded_events, coded_types, make_article

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        # a forecast, not a threat
        "Peru's foreign minister warned that the dispute will hurt trade with Chile.",
        "The Kenyan president warned it could lead to a regional arms race.",
        # a claim, not a commitment
        "The Bolivian leader vowed that his final goal is a fair share of the sea.",
        # an assertion, not a demand
        "Ecuador insisted that there was no breach of the accord with Colombia.",
        # help with a clause that reports no act
        "Dutch engineers helped Ghana finish its new dam on the Volta river.",
    ],
)
def test_filters_clause_without_act_makes_no_event(code_stage: Any, text: str) -> None:
    assert coded_events(code_stage, text) == ()


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Turkey warned that it would retaliate against Syria.", "THREATEN"),
        ("Chile promised to deal fairly with Bolivian traders.", "AGREE"),
        ("Russia warned Georgia to pull its troops back.", "THREATEN"),
    ],
)
def test_filters_clause_with_act_keeps_event(code_stage: Any, text: str, event: str) -> None:
    assert event in coded_types(code_stage, text)


@pytest.mark.parametrize(
    "text",
    [
        "Chilean officials warned residents to stay indoors during the storm.",
        "Norway warned its citizens to avoid travel to the border region.",
    ],
)
def test_filters_warning_to_the_public_is_not_a_threat(code_stage: Any, text: str) -> None:
    assert "THREATEN" not in coded_types(code_stage, text)


@pytest.mark.parametrize(
    "text",
    [
        "Fourteen Peruvian miners were killed in a bus crash near Cusco.",
        "Floods killed dozens of Bangladeshi villagers on Tuesday.",
        "Seven Kenyans were injured after a bus overturned in Nairobi.",
        "Two Ugandans died after their trains collided near Kampala.",
    ],
)
def test_filters_accidents_are_not_assaults(code_stage: Any, text: str) -> None:
    assert "ASSAULT" not in coded_types(code_stage, text)


def test_filters_attack_in_a_crash_stays_an_assault(code_stage: Any) -> None:
    text = "A bomb planted by militants killed twelve Pakistani soldiers and caused a bus crash."
    assert "ASSAULT" in coded_types(code_stage, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Greek minister was able to meet Turkish officials only once.",
        "The Tunisian migrant was supposed to be deported by Italy last year.",
        "Nobody thought Serbia would attack Kosovo.",
        # an option weighed, not a choice made
        "Norway is considering buying tanks from Germany.",
        "The Czech government is weighing sending troops to Slovakia.",
        "Peru mulled expelling Chile's ambassador.",
        # nor is one talked over
        "Norway discussed imposing sanctions on Russia.",
        "Denmark debated revising its deal with Norway.",
    ],
)
def test_filters_unasserted_frames_are_not_emitted(code_stage: Any, text: str) -> None:
    assert coded_events(code_stage, text) == ()


def test_filters_question_is_not_a_request(code_stage: Any) -> None:
    text = "Mexican lawmakers asked whether the United States had sent agents across the border."
    assert "REQUEST" not in coded_types(code_stage, text)


def test_filters_light_verb_and_noun_tell_one_act(code_stage: Any) -> None:
    events = coded_events(code_stage, "Japan and India conducted a joint naval drill.")
    assert [e.event for e in events] == ["COOPERATE"]


def test_filters_solo_drill_is_mobilize(code_stage: Any) -> None:
    assert coded_types(code_stage, "The Iranian navy conducted a live-fire drill.") == ["MOBILIZE"]


def test_filters_stated_mobilization_plan_is_mobilize(code_stage: Any) -> None:
    text = "India said it would send 2,000 more soldiers to the border with China."
    assert coded_types(code_stage, text) == ["MOBILIZE"]


def test_filters_movement_with_no_known_traveller_is_no_visit(code_stage: Any) -> None:
    assert coded_events(code_stage, "A cargo flight arrived safely in Lima on Sunday.") == ()


def test_filters_passive_relative_clause_noun_is_acted_on(code_stage: Any) -> None:
    text = "Belgium expelled a Moroccan imam who had been accused by Belgian prosecutors of fraud."
    accused = [e for e in coded_events(code_stage, text) if e.event == "ACCUSE"]
    for event in accused:
        assert "MAR" not in {a.country for a in event.actors}


@pytest.mark.parametrize(
    "text",
    [
        "The Swiss bank released the names of its Kenyan clients.",
        "The Danish newspaper released a leak of Panamanian files.",
        "The agency provided reassurance to Irish customers.",
    ],
)
def test_filters_non_political_objects_make_no_event(code_stage: Any, text: str) -> None:
    assert coded_events(code_stage, text) == ()


@pytest.mark.parametrize(
    "text",
    [
        # trading news: the subject is a market or a price, not a party
        "Brazilian bank stocks rallied against the dollar after the vote.",
        "Turkish shares collapsed on Monday as the lira fell.",
        # an act done "without" is an act not done
        "Indian troops held the ridge for a week without firing on Chinese positions.",
        # one party talking about a subject is commentary, not a meeting
        "A Canadian economist discussed the effects of the new tariffs.",
        # people of one party arguing a question in public hold no meeting
        "Conservative Canadians have debated whether the envoy looked weak by staying silent.",
    ],
)
def test_filters_markets_without_and_commentary_make_no_event(code_stage: Any, text: str) -> None:
    assert coded_types(code_stage, text) == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Brazilian farmers rallied against the new land law in Brasilia.", "PROTEST"),
        ("Indian troops fired on Chinese positions without warning.", "ASSAULT"),
        ("The Canadian minister discussed the tariffs with her Mexican counterpart.", "CONSULT"),
        ("Canadian and Mexican ministers discussed whether to extend the truce.", "CONSULT"),
    ],
)
def test_filters_keep_acts_by_parties(code_stage: Any, text: str, event: str) -> None:
    assert event in coded_types(code_stage, text)


@pytest.mark.parametrize(
    "text",
    [
        "Have Chilean officials accused Peru of spying?",
        "Will Russia attack Ukraine before the winter?",
        '"Why did Serbia expel our diplomats?" the Croatian minister asked.',
    ],
)
def test_filters_a_direct_question_asserts_no_event(code_stage: Any, text: str) -> None:
    assert coded_events(code_stage, text) == ()


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Ukraine's foreign minister called Russia a terrorist state on Monday.", "RUS"),
        ("The Chinese foreign ministry called the American report baseless.", "USA"),
    ],
)
def test_calling_a_party_a_crime_or_a_lie_is_an_accusation(
    code_stage: Any, text: str, recipient: str
) -> None:
    (event,) = coded_events(code_stage, text)
    assert event.event == "ACCUSE" and event.mode == "disapprove"
    assert [r.country for r in event.recipients] == [recipient]


def test_calling_a_raid_a_crime_codes_the_accusation_not_the_raid(code_stage: Any) -> None:
    text = "A Palestinian spokesman called the Israeli raid a crime on Tuesday."
    assert coded_types(code_stage, text) == ["ACCUSE"]


@pytest.mark.parametrize(
    "text",
    [
        "The Turkish president talked with journalists aboard his plane.",
        "The French president met newspaper editors in Paris on Monday.",
        "Kenya's foreign minister spoke to a reporter for a Nairobi newspaper.",
    ],
)
def test_filters_talk_with_the_press_is_no_consultation(code_stage: Any, text: str) -> None:
    assert "CONSULT" not in coded_types(code_stage, text)


def test_filters_a_question_from_the_press_is_no_request(code_stage: Any) -> None:
    text = "Asked by reporters to comment on the Syrian offer, the Turkish president smiled."
    assert "REQUEST" not in coded_types(code_stage, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan newspaper's requests to speak with Uganda's attorney general went unanswered.",
        "Reporters asked the Ugandan army for comment on the raid but received no answer.",
        "Uganda's embassy declined a request for an interview on the border dispute.",
    ],
)
def test_filters_asking_for_a_comment_or_an_interview_is_the_press_at_work(
    code_stage: Any, text: str
) -> None:
    assert not {"REQUEST", "REJECT"} & set(coded_types(code_stage, text))


def test_filters_a_party_asking_for_help_still_asks(code_stage: Any) -> None:
    assert "REQUEST" in coded_types(code_stage, "Kenya asked Uganda for help after the floods.")


def test_filters_a_meeting_with_a_party_and_the_press_stays(code_stage: Any) -> None:
    text = "The Turkish president met the Greek prime minister and reporters in Athens."
    assert "CONSULT" in coded_types(code_stage, text)


def test_filters_a_finding_is_no_agreement(code_stage: Any) -> None:
    text = "South Korean officials determined that the rocket had reached orbit."
    assert coded_types(code_stage, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president held a rally in Mombasa on Saturday.",
        "Odinga addressed a campaign rally in Kisumu on Sunday.",
    ],
)
def test_filters_one_persons_rally_is_no_protest(code_stage: Any, text: str) -> None:
    assert "PROTEST" not in coded_types(code_stage, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan opposition supporters held a rally in Nairobi on Monday.",
        "The Kenyan opposition leader led a rally against the government in Nairobi.",
    ],
)
def test_filters_rallies_of_many_or_against_someone_are_protests(
    code_stage: Any, text: str
) -> None:
    assert "PROTEST" in coded_types(code_stage, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a "must" of inference is no demand
        ("The Ugandan army must be behind the attack, Kenya said.", "REQUEST"),
        (
            "The Kenyan driver must have broken through the Ugandan barriers, police said.",
            "REQUEST",
        ),
        # deaths in a crash, whoever investigates it, are an accident
        (
            "Kenyan investigators are looking into what caused a plane to crash in the north, "
            "killing ten Ugandan citizens.",
            "ASSAULT",
        ),
        # an occasion to meet is no meeting
        (
            "It will be a good occasion for Korean businesspeople to meet Indian officials.",
            "CONSULT",
        ),
    ],
)
def test_filters_inference_accident_description_and_occasion(
    code_stage: Any, text: str, absent: str
) -> None:
    assert absent not in coded_types(code_stage, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Kenya's president said Uganda must withdraw its troops.", "REQUEST"),
        # a verb with a prefix before a hyphen is read by its stem
        ("Kenyan police re-arrested the Ugandan opposition leader.", "COERCE"),
        ("Kenya said Uganda's election results must be re-examined.", "REQUEST"),
        # a demand on a verb of no lexicon row: the sentence is read for its "must"
        ("Kenya's president said Uganda must annul the deal.", "REQUEST"),
        (
            "Ugandan rebels attacked a Kenyan village after the floods, killing ten people.",
            "ASSAULT",
        ),
        ("Kenya issued a statement demanding that Uganda withdraw its troops.", "REQUEST"),
    ],
)
def test_filters_demands_attacks_and_issued_words_stay(
    code_stage: Any, text: str, event: str
) -> None:
    assert event in coded_types(code_stage, text)


def test_filters_one_who_describes_an_act_told_by_a_noun_did_not_do_it(code_stage: Any) -> None:
    text = "The French president described the use of a truck to kill Tunisian people as a crime."
    events = code_stage.process(make_article((text,))).events
    assert all("FRA" not in {a.country for a in e.actors} for e in events if e.event == "ASSAULT")


def test_filters_a_permission_granted_is_coded_not_its_use(code_stage: Any) -> None:
    types = coded_types(code_stage, "Kenya allowed Uganda to send troops to Somalia.")
    assert "CONCEDE" in types and "MOBILIZE" not in types
    assert "MOBILIZE" not in coded_types(
        code_stage, "The new corridor will allow Chad to send troops."
    )


@pytest.mark.parametrize(
    "text",
    [
        # the disaster kills
        "NAIROBI, Dec 31 (Reuters) - A plane crash in Kenya on Sunday killed ten Ugandan citizens.",
        # the one who faced the attacks did not kill
        "Kenya, like Uganda, has faced a series of militant attacks this year, killing dozens.",
    ],
)
def test_filters_no_killer_in_disasters_and_attacks_faced(code_stage: Any, text: str) -> None:
    events = code_stage.process(make_article((text,))).events
    assert all(not {a.country for a in e.actors} & {"KEN", "UGA"} for e in events)


@pytest.mark.parametrize(
    ("text", "consult"),
    [
        # one body meeting as itself meets no one
        ("The Kenyan party's core committee met under the chair of Raila Odinga on Monday.", False),
        ("The Ghanaian cabinet convened in Accra on Tuesday.", False),
        # a body's meeting attended or chaired by its own members
        (
            "The Kenyan party's core committee meeting was attended by its chairman Raila "
            "Odinga and Kenyan senator Moses Wetangula.",
            False,
        ),
        ("The Ghanaian cabinet meeting was chaired by President Nana Akufo-Addo.", False),
        # a body meeting another, or two bodies, do consult
        ("The Kenyan committee met with Ugandan officials on Monday.", True),
        ("The Kenyan committee and the Ugandan council met in Kampala on Monday.", True),
        ("The Kenyan president attended the cabinet meeting with the Ugandan envoy.", True),
    ],
)
def test_a_body_sitting_is_no_consultation(code_stage: Any, text: str, consult: bool) -> None:
    assert ("CONSULT" in coded_types(code_stage, text)) is consult


@pytest.mark.parametrize(
    ("text", "assault"),
    [
        # force used on an animal, directly or through what the shot kills
        ("American police shot the gorilla in Cincinnati on Saturday.", False),
        ("An American zoo official said a keeper fired the shot that killed the ape.", False),
        ("The dog was shot by Kenyan police in Nairobi on Monday.", False),
        # on a person it is an assault
        ("American police shot the protester in Cincinnati on Saturday.", True),
    ],
)
def test_force_used_on_an_animal_is_no_event(code_stage: Any, text: str, assault: bool) -> None:
    assert ("ASSAULT" in coded_types(code_stage, text)) is assault
