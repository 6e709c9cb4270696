"""Events told by a noun with parties of its own, and by an adjective predicate."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import coded_events, make_article

pytestmark = pytest.mark.slow


def _countries(refs: Any) -> set[str]:
    return {ref.country for ref in refs}


def _assert_one(
    code_stage: Any, text: str, event: str, *, actors: set[str], recipients: set[str]
) -> None:
    """``text`` codes exactly one ``event``, between these countries."""
    coded = [e for e in coded_events(code_stage, text) if e.event == event]
    assert len(coded) == 1, coded_events(code_stage, text)
    assert _countries(coded[0].actors) == actors
    assert _countries(coded[0].recipients) == recipients


@pytest.mark.parametrize(
    ("text", "event", "actors", "recipients"),
    [
        # the owner acts, the row's preposition names the one acted on
        ("The Finnish minister's criticism of Hungary drew a sharp reply.", "ACCUSE",
         {"FIN"}, {"HUN"}),
        ("Kenya's visit to Uganda lasted two days.", "CONSULT", {"KEN"}, {"UGA"}),
        # "of" names the doer of an act ("the visit of"), what is said of a word said
        ("The visit of the Saudi crown prince to Greece ended on Tuesday.", "CONSULT",
         {"SAU"}, {"GRC"}),
        # an agentive "by" or "from" phrase names the doer
        ("A request by Ghana for wheat reached the ministry.", "REQUEST", {"GHA"}, set()),
        ("Norway's condemnation of the Belarusian crackdown came fast.", "ACCUSE",
         {"NOR"}, {"BLR"}),
        ("The sharp criticism from Norway surprised everyone.", "ACCUSE", {"NOR"}, set()),
        # "between" names those who act together
        ("Talks between Iran and Iraq ended on Monday.", "CONSULT", {"IRN", "IRQ"}, set()),
        # two parties of one country are two: the government and the opposition
        ("Talks between the Ethiopian government and the opposition ended on Monday.",
         "CONSULT", {"ETH"}, set()),
        # a country word on the noun is the doer once the noun has a party of its own; a
        # noun that is the subject of a verb of its own event tells that one act
        ("The Russian bombing of Georgia killed ten.", "ASSAULT", {"RUS"}, {"GEO"}),
        # enacting verbs carry the measure they pass
        ("The Dutch parliament passed sanctions on Belarus.", "SANCTION", {"NLD"}, {"BLR"}),
        # "be in talks": the subject is in them
        ("The Dutch envoy has been in talks with the Chinese.", "CONSULT", {"NLD"}, {"CHN"}),
        ("The Indian minister has been in contact with China on the issue.", "CONSULT",
         {"IND"}, {"CHN"}),
        # "on" a state or an act after be, remain, stay or go: the subject is in it
        ("Kenyan teachers went on strike on Monday over pay.", "PROTEST", {"KEN"}, set()),
        ("Nigerian doctors are on strike for the third week.", "PROTEST", {"NGA"}, set()),
        ("British security services are on high alert after the attacks.", "MOBILIZE",
         {"GBR"}, set()),
        # a word said that is sent goes to the one it is sent to
        ("Kenya sent Uganda a stern warning.", "THREATEN", {"KEN"}, {"UGA"}),
        ("Kenya submitted a request to Uganda.", "REQUEST", {"KEN"}, {"UGA"}),
        # a partnership announced is agreed
        ("Kenya announced a partnership with Ethiopia.", "AGREE", {"KEN"}, {"ETH"}),
        # pressure put, exerted or stepped up on a party asks it to act
        ("The United States is putting pressure on China to cut steel exports.", "REQUEST",
         {"USA"}, {"CHN"}),
        ("France stepped up pressure on Iran to free the journalists.", "REQUEST", {"FRA"},
         {"IRN"}),
        # the owner of an arrest is the one arrested
        ("The Chilean activist's arrest by Peruvian police angered Santiago.", "COERCE",
         {"PER"}, {"CHL"}),
        # an act received: "from" names the doer, the subject of the verb the one acted on
        ("Chile's decision drew condemnation from Peru.", "ACCUSE", {"PER"}, {"CHL"}),
        ("Kenya received a request from Uganda for troops.", "REQUEST", {"UGA"}, {"KEN"}),
        ("The Ghanaian leader won praise from Togo for the deal.", "SUPPORT", {"TGO"},
         {"GHA"}),
        ("The Kenyan minister faced calls from the Ugandan president to resign.", "REQUEST",
         {"UGA"}, {"KEN"}),
        ("The Kenyan minister enjoys support from Uganda.", "SUPPORT", {"UGA"}, {"KEN"}),
        ("The Israeli plan was met with criticism from Egypt.", "ACCUSE", {"EGY"}, {"ISR"}),
        # a threat to act is a threat made; a threat to a place is a danger
        ("Iran's threat to close the strait alarmed Saudi Arabia.", "THREATEN", {"IRN"},
         set()),
        # a reaction caused is done to the cause's owner; protesters are of the place
        ("The Kenyan decision sparked anger from Uganda.", "ACCUSE", {"UGA"}, {"KEN"}),
        ("The Kenyan decision sparked protests in Uganda.", "PROTEST", {"UGA"}, {"KEN"}),
    ],
)  # fmt: skip
def test_noun_with_own_parties_is_an_event(
    code_stage: Any, text: str, event: str, actors: set[str], recipients: set[str]
) -> None:
    _assert_one(code_stage, text, event, actors=actors, recipients=recipients)


@pytest.mark.parametrize(
    "text",
    [
        # no party of the noun's own: the subject of another verb is not its doer
        "Sweden discussed the criticism at length.",
        # a plan, a wish or an undoing over the noun
        "Norway announced plans for talks with Sweden.",
        "Officials said Iran would face sanctions from Canada.",
        "Egypt called off the talks with Sudan.",
        "The upcoming visit of the Thai king to Laos drew crowds.",
        "Austria set up a team to review Slovenia's complaints about the border.",
        # a danger or a standing state, not an act: such nouns count after a light verb only
        "The threat from North Korea shaped the Japanese budget.",
        "North Korea poses a threat to Japan.",
        "The sanctions on Cuba hurt its economy.",
        "Attacks on the Chilean press grew.",
        # a word said needs a speaker; its "of" is what is said
        "Warnings of Danish pressure on Iceland went unheeded.",
        "Criticism of the Danish decision grew.",
        # a meeting needs a second party
        "The Nepali party's committee meeting lasted all night.",
        # an act received that is only looming, or denied
        "Kenya would face criticism from Uganda.",
        "Kenya faces a ban from Uganda.",
        "Kenya received no request from Uganda.",
        # a reaction with no one named to say it, and an alert prompted
        "The Kenyan decision sparked outrage.",
        "The North Korean launch prompted warnings for Japanese residents to take cover.",
        # coming in contact is meeting by chance, not consulting
        "Kenyan soldiers came in contact with Somali militants near the border.",
        # pressure from a market or on no party asks no one
        "Falling oil prices put pressure on the Nigerian budget.",
        "Kenya's economy is under pressure.",
    ],
)
def test_noun_without_an_act_makes_no_event(code_stage: Any, text: str) -> None:
    wanted = {"ACCUSE", "CONSULT", "SANCTION", "THREATEN", "REQUEST", "ASSAULT"}
    assert [e for e in coded_events(code_stage, text) if e.event in wanted] == []


@pytest.mark.parametrize(
    ("text", "event", "actors", "recipients"),
    [
        ("Peru was critical of the Chilean decision.", "ACCUSE", {"PER"}, {"CHL"}),
        ("Spain said it was disappointed in Morocco.", "ACCUSE", {"ESP"}, {"MAR"}),
        ("Syria is opposed to the Turkish plan.", "REJECT", {"SYR"}, {"TUR"}),
        ("Brazil is grateful to Portugal for its help.", "SUPPORT", {"BRA"}, {"PRT"}),
        ("The Ghanaian president was furious with Togo.", "ACCUSE", {"GHA"}, {"TGO"}),
        # anger needs no named target: the one who is angry blames
        ("The Chilean minister was furious.", "ACCUSE", {"CHL"}, set()),
        # horror and dismay blame only a party named
        (
            "The Japanese government was appalled by the Russian bombing.",
            "ACCUSE",
            {"JPN"},
            {"RUS"},
        ),
        # a that-clause names the one blamed, and its act is the complaint's content
        (
            "The Kenyan minister was furious that Uganda closed the border.",
            "ACCUSE",
            {"KEN"},
            {"UGA"},
        ),
        # a feeling quoted with no subject is the speaker's
        (
            'The Kenyan president said: "Very disappointed that Uganda closed the border."',
            "ACCUSE",
            {"KEN"},
            {"UGA"},
        ),
    ],
)
def test_adjective_predicate_is_an_event_of_its_subject(
    code_stage: Any, text: str, event: str, actors: set[str], recipients: set[str]
) -> None:
    _assert_one(code_stage, text, event, actors=actors, recipients=recipients)


@pytest.mark.parametrize(
    "text",
    [
        "Chile said it was not critical of Peru.",
        "Chile would be grateful to Peru.",
        # horror at a happening with no party: sympathy, no blame
        "The Chilean president was horrified by the earthquake.",
    ],
)
def test_adjective_predicate_negated_or_unreal_makes_no_event(code_stage: Any, text: str) -> None:
    assert coded_events(code_stage, text) == ()


def test_noun_governs_only_what_hangs_on_it(code_stage: Any) -> None:
    text = (
        "Peru's criticism of Chile grew as it was announced that Bolivia would meet with Ecuador."
    )
    events = {e.event for e in coded_events(code_stage, text)}
    assert "ACCUSE" in events and events & {"AGREE", "CONSULT"}


def test_noun_with_a_time_only_leaves_the_act_to_its_verb(code_stage: Any) -> None:
    # "on Sunday" is no party: the verb's event keeps the ones it killed
    (coded,) = coded_events(code_stage, "A roadside bombing on Sunday killed two Iraqi soldiers.")
    assert coded.event == "ASSAULT" and _countries(coded.recipients) == {"IRQ"}


@pytest.mark.parametrize(
    ("text", "event", "actors", "recipients"),
    [
        # a feeling expressed, voiced or shown is a stance taken towards its object
        ("Germany expressed outrage at the Russian decision.", "ACCUSE", {"DEU"}, {"RUS"}),
        ("Japan voiced its displeasure with China over the islands.", "ACCUSE",
         {"JPN"}, {"CHN"}),
        ("Saudi Arabia expressed its gratitude to Greece.", "SUPPORT", {"SAU"}, {"GRC"}),
        ("Kenya expressed solidarity with Uganda after the floods.", "SUPPORT",
         {"KEN"}, {"UGA"}),
        # regret or remorse shown for an act concedes it
        ("The Tanzanian minister expressed regret over the deaths of Kenyan fishermen.",
         "CONCEDE", {"TZA"}, {"KEN"}),
    ],
)  # fmt: skip
def test_feeling_expressed_is_an_event(
    code_stage: Any, text: str, event: str, actors: set[str], recipients: set[str]
) -> None:
    _assert_one(code_stage, text, event, actors=actors, recipients=recipients)


@pytest.mark.parametrize(
    "text",
    [
        "The defeat was a disappointment for the Kenyan team.",
        "The Indian outrage at the Pakistani attack grew.",
    ],
)
def test_feeling_not_expressed_makes_no_event(code_stage: Any, text: str) -> None:
    assert [e for e in coded_events(code_stage, text) if e.event == "ACCUSE"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president was greeted with heckling and boos in Kisumu on Monday.",
        "The Kenyan president was greeted with jeers from opposition supporters in Kisumu.",
    ],
)
def test_nouns_a_protest_met_by_the_one_it_is_against(code_stage: Any, text: str) -> None:
    events = code_stage.process(make_article((text,))).events
    protests = [e for e in events if e.event == "PROTEST"]
    assert protests and all("KEN" in {r.country for r in e.recipients} for e in protests)
    assert "SUPPORT" not in [e.event for e in events]  # booed, not welcomed


def test_meetings_with_several_countries_one_by_one_are_several(code_stage: Any) -> None:
    text = "The Kenyan minister held a series of meetings in Kampala and Kigali this week."
    consults = [e for e in coded_events(code_stage, text) if e.event == "CONSULT"]
    assert sorted(c for e in consults for c in _countries(e.recipients)) == ["RWA", "UGA"]
    assert len(consults) == 2
    # a meeting of all together has them all as actors and stays one
    together = "Kenya, Uganda and Rwanda met in Arusha on Monday."
    assert len([e for e in coded_events(code_stage, together) if e.event == "CONSULT"]) == 1


@pytest.mark.parametrize(
    ("text", "actors", "recipients"),
    [
        # blows struck, and the one filmed or seen striking them strikes them
        (
            "A Kenyan protester punched a Ugandan police officer outside the embassy.",
            {"KEN"},
            {"UGA"},
        ),
        ("The Kenyan girl was filmed in December slapping two Ugandan soldiers.", {"KEN"}, {"UGA"}),
    ],
)
def test_blows_and_the_one_seen_striking_them(
    code_stage: Any, text: str, actors: set[str], recipients: set[str]
) -> None:
    _assert_one(code_stage, text, "ASSAULT", actors=actors, recipients=recipients)


@pytest.mark.parametrize(
    ("text", "event", "actors", "recipients"),
    [
        ("Kenyan soldiers are said to have shelled Ugandan villages.", "ASSAULT", {"KEN"}, {"UGA"}),
        ("Ghana is believed to have supplied rifles to Togo.", "AID", {"GHA"}, {"TGO"}),
    ],
)
def test_the_one_said_or_believed_to_have_acted_is_the_actor(
    code_stage: Any, text: str, event: str, actors: set[str], recipients: set[str]
) -> None:
    _assert_one(code_stage, text, event, actors=actors, recipients=recipients)


def test_a_present_participle_on_a_noun_tells_what_the_noun_does(code_stage: Any) -> None:
    text = "Japanese satellites spotted Chinese ships transferring oil to North Korean vessels."
    _assert_one(code_stage, text, "COOPERATE", actors={"CHN"}, recipients={"PRK"})


def test_a_reporter_in_apposition_that_the_parse_hangs_a_past_tense_on_reports(
    code_stage: Any,
) -> None:
    # parsed as 'a newspaper' in apposition to "Papers", with "alleged" a clause on it
    text = (
        'Hostile Ugandan forces are behind the "Nairobi Papers", a state-run Kenyan newspaper '
        "alleged Tuesday, as media worldwide covered the leak."
    )
    accusations = [e for e in coded_events(code_stage, text) if e.event == "ACCUSE"]
    assert [_countries(e.actors) for e in accusations] == [{"KEN"}]


def test_a_country_naming_a_happening_is_no_party_of_it(code_stage: Any) -> None:
    coded = [e for e in coded_events(code_stage, "Kenya criticized the Panama Papers.")]
    assert coded and all("PAN" not in _countries(e.recipients) for e in coded)


def test_a_ball_kicked_is_no_blow(code_stage: Any) -> None:
    text = "The Kenyan striker kicked the ball into the Ugandan goal in the second half."
    assert "ASSAULT" not in [e.event for e in coded_events(code_stage, text)]
