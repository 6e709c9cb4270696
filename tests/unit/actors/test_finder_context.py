from __future__ import annotations

from typing import Any

import pytest

from dyads.actors import ActorFinder, ActorTables, ArticleMemory
from dyads.nlp.sentences import split_sentences
from dyads.records import ActorRef, Mention
from tests.conftest import make_article

pytestmark = pytest.mark.slow


def _find(
    parser: Any, tables: ActorTables, *paragraphs: str, dateline: str | None = None
) -> list[list[Mention]]:
    article = make_article(paragraphs)
    sentences = split_sentences(article)
    docs = parser.parse([s.text for s in sentences])
    finder = ActorFinder(tables=tables)
    memory = ArticleMemory(default_country=dateline)
    found = []
    for sentence, doc in zip(sentences, docs, strict=True):
        mentions = list(finder.find(doc, sentence=sentence, memory=memory))
        for mention in mentions:
            assert article.body[mention.start : mention.end] == mention.text
        found.append(mentions)
    return found


def _actor(mentions: list[Mention], text: str) -> ActorRef:
    actors = [m.actor for m in mentions if m.text == text and m.actor is not None]
    assert actors, f"no actor for {text!r} in {[m.text for m in mentions]}"
    return actors[0]


def test_find_counterpart_takes_the_demonym_and_the_possessor_office(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    text = "Dutch Trade Minister Pieter Hasselman received his Chilean counterpart on Friday."
    (mentions,) = _find(spacy_parser, actor_tables, text)
    actor = _actor(mentions, "his Chilean counterpart")
    assert (actor.country, actor.sector, actor.title) == ("CHL", "GOV", "Trade Minister")


def test_find_counterpart_without_demonym_is_the_other_state_of_the_sentence(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = _find(
        spacy_parser,
        actor_tables,
        "Norwegian Foreign Minister Ingrid Falk flew to Vietnam on Sunday.",
        "Falk and her counterpart signed a shipping accord in Hanoi.",
    )
    actor = _actor(found[1], "her counterpart")
    assert (actor.country, actor.sector) == ("VNM", "GOV")


def test_find_surname_tagged_as_organisation_is_the_remembered_person(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = _find(
        spacy_parser,
        actor_tables,
        "Ghana's Interior Minister Kwesi Adomako visited Togo on Monday.",
        "Adomako said the border would reopen. Adomako also met traders.",
    )
    later = [m.actor for sentence in found[1:] for m in sentence if m.text == "Adomako"]
    assert len(later) == 2
    assert all(a is not None and (a.name, a.country) == ("Kwesi Adomako", "GHA") for a in later)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Students rallied outside the Congress building in Lima.", "PER"),
        ("The Congress of Colombia approved the budget.", "COL"),
        ("The Philippine Congress approved the budget.", "PHL"),
        ("Congress approved the defence budget on Tuesday.", "USA"),
        ("The U.S. Congress approved the budget in Lima's absence.", "USA"),
    ],
)
def test_find_bare_congress_is_american_only_when_nothing_names_another_state(
    spacy_parser: Any, actor_tables: ActorTables, text: str, country: str
) -> None:
    (mentions,) = _find(spacy_parser, actor_tables, text)
    congress = [m.actor for m in mentions if m.actor is not None and m.actor.sector == "LEG"]
    assert congress and congress[0].country == country


def test_find_shared_name_takes_the_dateline_state_that_uses_it(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    (mentions,) = _find(
        spacy_parser, actor_tables, "Congress rejected the mining bill.", dateline="PHL"
    )
    assert _actor(mentions, "Congress").country == "PHL"
    (elsewhere,) = _find(
        spacy_parser, actor_tables, "Congress rejected the mining bill.", dateline="FRA"
    )
    assert _actor(elsewhere, "Congress").country == "USA"


def test_find_delegation_takes_the_country_of_the_person_it_accompanies(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = _find(
        spacy_parser,
        actor_tables,
        "Austrian Chancellor Lukas Brenner arrived in Nairobi on Monday.",
        "An accompanying delegation toured a flower farm.",
        "The visiting delegation later met Kenyan officials.",
        dateline="KEN",
    )
    first = _actor(found[1], "An accompanying delegation")
    second = _actor(found[2], "The visiting delegation")
    assert (first.country, second.country) == ("AUT", "AUT")
    assert _actor(found[2], "Kenyan officials").country == "KEN"


def test_find_delegation_without_a_person_keeps_the_context_country(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    (mentions,) = _find(
        spacy_parser, actor_tables, "The delegation toured a flower farm.", dateline="KEN"
    )
    assert _actor(mentions, "The delegation").country == "KEN"


def test_find_it_and_its_refer_to_the_last_body_subject(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = _find(
        spacy_parser,
        actor_tables,
        "Bolivia rejected the arbitration ruling on Monday.",
        "It said the tribunal had no jurisdiction.",
        "NATO said its troops would stay in the region.",
    )
    assert _actor(found[1], "It").country == "BOL"
    assert _actor(found[2], "its troops").country == "IGO"


def test_find_they_refers_to_the_last_plural_subject(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = _find(
        spacy_parser,
        actor_tables,
        "Malian rebels seized two towns overnight.",
        "They said the army had fled.",
    )
    actor = _actor(found[1], "They")
    assert (actor.country, actor.sector) == ("MLI", "REB")


def test_find_pronoun_it_is_no_actor_without_an_actor_verb_or_antecedent(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = _find(
        spacy_parser,
        actor_tables,
        "Bolivia rejected the arbitration ruling on Monday.",
        "It is unclear whether the talks will resume.",
    )
    assert [m.text for m in found[1]] == []
    (alone,) = _find(spacy_parser, actor_tables, "It said the tribunal had no jurisdiction.")
    assert "It" not in [m.text for m in alone]


def test_find_its_on_what_the_subject_acts_on_is_not_a_second_party(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = _find(
        spacy_parser,
        actor_tables,
        "Mali and Portugal held talks on Monday.",
        "Portugal withdrew its troops.",
        "Portugal said its troops had left.",
    )
    withdrawn = _actor(found[1], "its troops")
    assert withdrawn.country is None  # two states named, and "its" is Portugal's own
    assert _actor(found[2], "its troops").country == "PRT"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("President Bush met the envoys.", "President Bush", ("USA", "GOV")),
        ("Putin criticised the sanctions.", "Putin", ("RUS", "GOV")),
        ("Erdogan hosted the summit.", "Erdogan", ("TUR", "GOV")),
        ("Xi Jinping hosted the summit.", "Xi Jinping", ("CHN", "GOV")),
        ("Netanyahu rejected the plan.", "Netanyahu", ("ISR", "GOV")),
        # the spokespersons wire text quotes most, named with an office but no state
        (
            "Foreign Ministry spokeswoman Hua Chunying rejected the plan.",
            "Foreign Ministry spokeswoman Hua Chunying",
            ("CHN", "GOV"),
        ),
    ],
)
def test_find_listed_leader_without_country_takes_the_leaders_table(
    spacy_parser: Any, actor_tables: ActorTables, text: str, name: str, expected: tuple[str, str]
) -> None:
    (mentions,) = _find(spacy_parser, actor_tables, text)
    actor = _actor(mentions, name)
    assert (actor.country, actor.sector) == expected


def test_find_country_in_the_phrase_beats_the_leaders_table(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    text = "Canadian businessman Tony Blair Smythe opened a mine."
    (mentions,) = _find(spacy_parser, actor_tables, text)
    countries = {m.actor.country for m in mentions if m.actor is not None}
    assert "GBR" not in countries


def test_find_leader_name_inside_a_longer_name_is_no_person(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    (mentions,) = _find(spacy_parser, actor_tables, "The Trump Tower lobby was closed.")
    assert all(m.actor is None or m.actor.country != "USA" for m in mentions)


@pytest.mark.parametrize(
    ("text", "role", "country"),
    [
        # police, courts and "the authorities" act where the sentence puts the act
        ("Police detained two students at the airport in Kampala.", "Police", "UGA"),
        ("The trader was sentenced in Arusha, prosecutors said.", "prosecutors", "TZA"),
        ("Two students were held in Kerala, the authorities said.", "the authorities", "IND"),
        ("Investigators questioned two students in Arusha.", "Investigators", "TZA"),
        ("A magistrate in Kampala remanded the trader.", "A magistrate in Kampala", "UGA"),
        # with no place, or a place they were not in ("fled into"), the dateline's country
        ("Police detained two students on Monday.", "Police", "KEN"),
        ("Police said the suspect fled into Uganda.", "Police", "KEN"),
        # a body with a country of its own keeps it; an army acts abroad
        ("Kenyan police detained two students in Kampala.", "Kenyan police", "KEN"),
        ("The army shelled positions in Somalia on Monday.", "The army", "KEN"),
    ],
)
def test_find_local_authority_takes_the_state_of_the_sentence_place(
    spacy_parser: Any, actor_tables: ActorTables, text: str, role: str, country: str
) -> None:
    (mentions,) = _find(spacy_parser, actor_tables, text, dateline="KEN")
    assert _actor(mentions, role).country == country


@pytest.mark.parametrize(
    ("first", "second", "role", "country"),
    [
        # "the" + an office or a singular body: the one named with that word before
        (
            "A spokesperson for the Peruvian Foreign Ministry confirmed the talks.",
            "The spokesperson said the delegations would meet again.",
            "The spokesperson",
            "PER",
        ),
        (
            "A Bolivian court fined the miners on Monday.",
            "The court also ordered the mine closed.",
            "The court",
            "BOL",
        ),
        (
            "The Trump administration imposed tariffs on Kenyan tea.",
            "The administration also barred two traders.",
            "The administration",
            "USA",
        ),
        # the government of the story's state, even after a foreign one was named
        (
            "The talks were brokered by the Norwegian government.",
            "The government said the talks would go on.",
            "The government",
            "KEN",
        ),
        # a plural noun is as often generic as the group named before
        (
            "Peruvian media reported the talks.",
            "The minister spoke to the media on Monday.",
            "the media",
            "KEN",
        ),
    ],
)
def test_find_definite_role_noun_refers_to_the_one_named_with_it(
    spacy_parser: Any,
    actor_tables: ActorTables,
    *,
    first: str,
    second: str,
    role: str,
    country: str,
) -> None:
    _, mentions = _find(spacy_parser, actor_tables, first, second, dateline="KEN")
    assert _actor(mentions, role).country == country


@pytest.mark.parametrize(
    ("text", "office", "country"),
    [
        (
            "A spokesman for the Chilean Foreign Ministry denied the report.",
            "A spokesman for the Chilean Foreign Ministry",
            "CHL",
        ),
        (
            "An adviser to Secretary-General Antonio Guterres denied the report.",
            "An adviser to Secretary-General Antonio Guterres",
            "IGO",
        ),
    ],
)
def test_find_office_takes_the_state_of_the_body_it_serves(
    spacy_parser: Any, actor_tables: ActorTables, text: str, office: str, country: str
) -> None:
    (mentions,) = _find(spacy_parser, actor_tables, text, dateline="KEN")
    assert [m.actor.country for m in mentions if m.text == office and m.actor] == [country]


@pytest.mark.parametrize(
    ("first", "second", "role", "country"),
    [
        # armed groups are the state's where the story puts the fighting
        (
            "American jets struck positions in Syria on Monday.",
            "The militants fired rockets at the base.",
            "The militants",
            "SYR",
        ),
        ("Rebels attacked a convoy near Aleppo.", "", "Rebels", "SYR"),
        # with no place named, the article's context country
        ("The army said the rebels had fled.", "", "the rebels", "USA"),
    ],
)
def test_find_armed_group_takes_the_state_of_the_fighting(
    spacy_parser: Any,
    actor_tables: ActorTables,
    *,
    first: str,
    second: str,
    role: str,
    country: str,
) -> None:
    found = _find(spacy_parser, actor_tables, *[p for p in (first, second) if p], dateline="USA")
    assert _actor(found[-1], role).country == country


@pytest.mark.parametrize(
    ("sentence", "body", "sector"),
    [
        ("The prosecution rejected the request on Friday.", "The prosecution", "JUD"),
        ("The precinct said on Sunday that the officer was punished.", "The precinct", "COP"),
        ("The city council approved the plan on Monday.", "The city council", "GOV"),
        ("The extremist group freed the girls on Saturday.", "The extremist group", "REB"),
        ("The legislator said the bill was unfair.", "The legislator", "LEG"),
    ],
)
def test_find_state_bodies_take_the_country_the_article_places_its_news_in(
    spacy_parser: Any, actor_tables: ActorTables, sentence: str, body: str, sector: str
) -> None:
    found = _find(
        spacy_parser, actor_tables, "A dog attacked a boy at an apartment in Ulsan.", sentence
    )
    actor = _actor(found[1], body)
    assert (actor.country, actor.sector) == ("KOR", sector)


def test_find_he_is_the_office_holder_subject_before_it(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = _find(
        spacy_parser,
        actor_tables,
        "US President Donald Trump said on Monday that talks would go on.",
        "The Kenyan president said he was disappointed that Uganda closed the border.",
    )
    assert _actor(found[1], "he").country == "KEN"
