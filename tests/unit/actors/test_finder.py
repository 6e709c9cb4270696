from __future__ import annotations

from typing import Any

import pytest

from dyads.actors import ActorFinder, ActorTables, ArticleMemory
from dyads.nlp.sentences import split_sentences
from dyads.records import ActorRef, Mention, MentionKind
from tests.conftest import make_article

pytestmark = pytest.mark.slow


def _find(
    parser: Any, tables: ActorTables, *paragraphs: str, dateline: str | None = None
) -> list[list[Mention]]:
    """Mentions per sentence of an invented article, checking every offset on the way."""
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


def _codes(mentions: list[Mention]) -> list[tuple[str | None, str | None]]:
    return [(m.actor.country, m.actor.sector) for m in mentions if m.actor is not None]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Turkey and Greece signed a fisheries accord.", [("TUR", None), ("GRC", None)]),
        ("The U.S. warned Britain about the tariffs.", [("USA", None), ("GBR", None)]),
        ("Kazakhstani envoys welcomed the plan.", [("KAZ", "GOV")]),
        ("Israelis voted on Tuesday.", [("ISR", None)]),
        ("Ankara rejected the proposal on Monday.", [("TUR", "GOV")]),
        ("The Kremlin denied the report.", [("RUS", "GOV")]),
        ("The United Nations condemned the shelling.", [("IGO", "IGO")]),
        ("Human Rights Watch criticised the decree.", [("NGO", "NGO")]),
        ("Hamas fired rockets overnight.", [("PSE", "REB")]),
    ],
)
def test_find_names_countries_capitals_and_organisations(
    spacy_parser: Any, actor_tables: ActorTables, sentence: str, expected: list[Any]
) -> None:
    (mentions,) = _find(spacy_parser, actor_tables, sentence)
    assert _codes(mentions) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Pakistani troops crossed the river.", ("PAK", "MIL")),
        ("Police in Istanbul detained nine people.", ("TUR", "COP")),
        ("Georgian prosecutors charged the mayor.", ("GEO", "JUD")),
        ("Polish lawmakers rejected the bill.", ("POL", "LEG")),
        ("The Kenyan opposition boycotted the vote.", ("KEN", "OPP")),
        ("Colombian rebels freed two hostages.", ("COL", "REB")),
        ("Chilean protesters marched to the palace.", ("CHL", "CVL")),
        ("Kazakhstan's Defense Ministry issued a statement.", ("KAZ", "GOV")),
        ("U.N. peacekeepers patrolled the border.", ("IGO", "MIL")),
    ],
)
def test_find_role_nouns_take_sector_and_country_of_their_modifiers(
    spacy_parser: Any, actor_tables: ActorTables, sentence: str, expected: tuple[str, str]
) -> None:
    (mentions,) = _find(spacy_parser, actor_tables, sentence)
    assert _codes(mentions)[0] == expected


def test_find_coordinated_demonyms_give_one_actor_each(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    text = "Top Polish and Czech officials toured the plant."
    (mentions,) = _find(spacy_parser, actor_tables, text)
    assert _codes(mentions) == [("POL", "GOV"), ("CZE", "GOV")]
    assert {m.text for m in mentions} == {"Top Polish and Czech officials"}


def test_find_person_with_possessive_country_and_title(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    text = "Turkey's Deputy Trade Minister Selim Varol arrived on Monday."
    (mentions,) = _find(spacy_parser, actor_tables, text)
    person = mentions[0]
    assert person.kind is MentionKind.PERSON
    assert person.actor == ActorRef(
        name="Selim Varol",
        text="Turkey's Deputy Trade Minister Selim Varol",
        country="TUR",
        sector="GOV",
        title="Deputy Trade Minister",
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("U.S. President Dale Rimmer spoke first.", ("USA", "GOV", "President")),
        ("Gen. Arlo Pemb, the army chief, resigned.", (None, "MIL", "Gen.")),
        ("Opposition leader Mara Quell called a strike.", (None, "OPP", "Opposition leader")),
    ],
)
def test_find_person_titles_give_sectors(
    spacy_parser: Any, actor_tables: ActorTables, sentence: str, expected: tuple[Any, ...]
) -> None:
    (mentions,) = _find(spacy_parser, actor_tables, sentence)
    actor = mentions[0].actor
    assert actor is not None
    assert (actor.country, actor.sector, actor.title) == expected


def test_find_person_without_country_takes_the_dateline_country_for_an_office(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    text = "Foreign Ministry spokesperson Lin Haoyu said the talks were useful."
    (mentions,) = _find(spacy_parser, actor_tables, text, dateline="CHN")
    assert _codes(mentions)[0] == ("CHN", "GOV")


def test_find_resolves_surname_role_and_pronoun_to_the_first_mention(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = _find(
        spacy_parser,
        actor_tables,
        "Kazakhstan's Energy Minister Aidos Temirov met Chinese investors on Tuesday.",
        "Temirov said the deal was close. The minister praised the investors.",
        '"We are ready," he said.',
    )
    first = found[0][0].actor
    assert first is not None and first.name == "Aidos Temirov"
    later = [m.actor for sentence in found[1:] for m in sentence if m.kind is not MentionKind.ROLE]
    by_role = [m.actor for m in found[2] if m.text == "The minister"]
    for actor in [*later, *by_role]:
        assert actor is not None
        assert (actor.name, actor.country, actor.title) == (
            "Aidos Temirov",
            "KAZ",
            "Energy Minister",
        )
    assert by_role and later


def test_find_place_after_preposition_is_not_an_actor(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    (mentions,) = _find(spacy_parser, actor_tables, "The ministers met in Ankara on Friday.")
    places = [m for m in mentions if m.kind is MentionKind.PLACE]
    assert [(m.text, m.actor, m.place and m.place.country) for m in places] == [
        ("Ankara", None, "TUR")
    ]


def test_find_bare_rebels_take_the_context_country_only_when_clear(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    (with_dateline,) = _find(spacy_parser, actor_tables, "Rebels shelled the town.", dateline="SDN")
    (without,) = _find(spacy_parser, actor_tables, "Rebels shelled the town.")
    assert _codes(with_dateline) == [("SDN", "REB")]
    assert _codes(without) == [(None, "REB")]


def test_find_drops_demonyms_that_describe_things(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    (mentions,) = _find(spacy_parser, actor_tables, "Turkish cuisine is popular.")
    assert mentions == []


def test_actor_for_span_answers_for_a_subject_subtree(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    text = "The Jordanian and Egyptian governments urged Israeli police to withdraw."
    (doc,) = spacy_parser.parse([text])
    finder = ActorFinder(tables=actor_tables)
    memory = ArticleMemory()
    subject = next(t for t in doc if t.dep_ == "nsubj")
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    before = finder.actor_for_span(doc, start, end, memory)
    assert [(a.country, a.sector) for a in before] == [("JOR", "GOV"), ("EGY", "GOV")]
    assert memory.context_country() is None  # an unseen Doc leaves the memory unchanged
    sentence = split_sentences(make_article((text,)))[0]
    finder.find(doc, sentence=sentence, memory=memory)
    obj = next(t for t in doc if t.dep_ == "dobj")
    after = finder.actor_for_span(doc, obj.left_edge.i, obj.right_edge.i + 1, memory)
    assert [(a.country, a.sector) for a in after] == [("ISR", "COP")]


def test_find_pronoun_refers_to_the_last_subject_person(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = _find(
        spacy_parser,
        actor_tables,
        "Greek Finance Minister Petros Lavidis met Italian Trade Minister Carla Orsetti.",
        "Lavidis said the talks had gone well.",
        "He will return in May.",
    )
    pronoun = [m.actor for m in found[2] if m.text == "He"]
    assert pronoun and pronoun[0] is not None
    assert (pronoun[0].name, pronoun[0].country) == ("Petros Lavidis", "GRC")


def test_find_pronoun_recalls_the_owner_of_the_subject_in_its_sentence(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    (mentions,) = _find(
        spacy_parser,
        actor_tables,
        "Greek Finance Minister Petros Lavidis's bid got a boost when he was endorsed by rivals.",
    )
    pronoun = [m.actor for m in mentions if m.text == "he"]
    assert pronoun and pronoun[0] is not None and pronoun[0].name == "Petros Lavidis"


def test_find_pronoun_after_an_unnamed_person_in_its_sentence_recalls_no_one(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = _find(
        spacy_parser,
        actor_tables,
        "Greek Finance Minister Petros Lavidis spoke to reporters in Athens.",
        "The attacker was killed by police; he had pledged allegiance to the group.",
    )
    assert [m.actor for m in found[1] if m.text == "he"] in ([], [None])


def test_find_capital_in_apposition_after_in_is_a_place(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    text = "The delegation toured a shipyard in the capital Ankara."
    (mentions,) = _find(spacy_parser, actor_tables, text, dateline="TUR")
    assert [(m.kind, m.text) for m in mentions if m.actor is None] == [
        (MentionKind.PLACE, "Ankara")
    ]


def test_find_pronoun_prefers_a_subject_earlier_in_its_own_sentence(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = _find(
        spacy_parser,
        actor_tables,
        "Chilean President Rosa Quintana received Peruvian Foreign Minister Tomas Varela.",
        "Varela later told reporters that Lima wanted a new fisheries accord.",
        "Quintana said on Friday that she was ready to sign a deal within weeks.",
        "Nobody named a partner, but she repeated it.",
    )
    pronoun = [m.actor for m in found[2] if m.text == "she"]
    assert pronoun and pronoun[0] is not None
    assert (pronoun[0].name, pronoun[0].country) == ("Rosa Quintana", "CHL")
    # with no subject before it in the sentence, the last subject person is recalled
    later = [m.actor for m in found[3] if m.text == "she"]
    assert later and later[0] is not None and later[0].name == "Rosa Quintana"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the model tags "Ahn Duk" as the person and leaves "-geun" out
        (
            "South Korea's Trade Minister Ahn Duk-geun met Chilean officials in Santiago.",
            "Ahn Duk-geun",
        ),
        # the model makes "Minister" the subject and the name a noun in apposition to it
        (
            "South Korea's Defence Minister Shin Won-sik met Chilean officials in Seoul.",
            "Shin Won-sik",
        ),
    ],
)
def test_find_hyphenated_name_after_a_title_is_the_title_holder(
    spacy_parser: Any, actor_tables: ActorTables, text: str, name: str
) -> None:
    (mentions,) = _find(spacy_parser, actor_tables, text)
    holders = [m.actor for m in mentions if m.actor is not None and m.actor.country == "KOR"]
    assert holders
    assert (holders[0].name, holders[0].sector) == (name, "GOV")
    assert holders[0].title is not None and holders[0].title.endswith("Minister")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Winnipeg Police Service arrested two men on Monday.", ("CAN", "COP")),
        ("Durban police detained three suspects.", ("ZAF", "COP")),
        ("Garissa governor Abdi Hassan condemned the raid.", ("KEN", "GOV")),
        ("A judge of the Kerala High Court granted bail to the activist.", ("IND", "JUD")),
        ("The City of Durban fined the developer.", ("ZAF", None)),
    ],
)
def test_find_body_takes_the_country_of_the_place_in_its_name(
    spacy_parser: Any, actor_tables: ActorTables, text: str, expected: tuple[str, str | None]
) -> None:
    (mentions,) = _find(spacy_parser, actor_tables, text)
    assert expected in _codes(mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Delta Air Lines workers protested outside the terminal.",  # a company, not the state
        "Ferguson police arrested a man.",  # a town below the population prior
        "Mission police arrested a man.",  # towns in two countries
        "Boston Bruins General Manager Don Sweeney criticised the referees.",  # a team
        "The Chicago Tribune praised the new store.",  # a newspaper: not placed by its city
        "The Winnipeg Jets beat the visitors.",  # a team called by a word of the role table
        "Most officials rejected the plan.",  # "Most" is a Czech town, and a word
        "The film honoured Martin Luther King Jr.",  # "Martin" is a Slovak town; "King" no title
    ],
)
def test_find_body_named_like_a_word_or_a_small_town_gets_no_place(
    spacy_parser: Any, actor_tables: ActorTables, text: str
) -> None:
    (mentions,) = _find(spacy_parser, actor_tables, text)
    assert all(country is None for country, _ in _codes(mentions))


def test_find_body_with_a_state_in_its_phrase_keeps_that_state(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    (mentions,) = _find(spacy_parser, actor_tables, "Canadian Winnipeg police arrested a man.")
    assert _codes(mentions)[0] == ("CAN", "COP")
    (mentions,) = _find(spacy_parser, actor_tables, "Turkish police in Paris questioned him.")
    assert ("TUR", "COP") in _codes(mentions)


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # "of State" ends the office; the middle initial is not in the table's name
        ("Secretary of State Mike R. Pompeo met the envoy.", "Mike Pompeo", "Secretary of State"),
        (
            "Minister of Foreign Affairs Wang Yi met the envoy.",
            "Wang Yi",
            "Minister of Foreign Affairs",
        ),
    ],
)
def test_find_title_with_of_before_a_name_and_middle_initials(
    spacy_parser: Any, actor_tables: ActorTables, text: str, name: str, title: str
) -> None:
    (mentions,) = _find(spacy_parser, actor_tables, text)
    person = mentions[0].actor
    assert person is not None
    assert (person.name, person.title, person.sector) == (name, title, "GOV")
    assert person.country in ("USA", "CHN")
