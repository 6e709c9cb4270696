"""The attribute table sets what spaCy's attribute ruler sets, token for token."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from dyads.nlp.attributes import AttributeTable, compile_rules, use_attribute_table

# Rules of every kind the table reads, in an order where later ones override earlier ones.
RULES: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past"}},
    {"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET"}},
    {"patterns": [[{"TAG": "IN"}]], "attrs": {"POS": "ADP"}},
    {"patterns": [[{"TAG": "RB"}]], "attrs": {"POS": "ADV"}},
    # a word exception over the tag rule
    {
        "patterns": [[{"TAG": "IN", "LOWER": {"IN": ["that", "because"]}}]],
        "attrs": {"POS": "SCONJ"},
    },
    # a regular expression on the form, with a lemma
    {"patterns": [[{"TAG": "RB", "LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}},
    # a dependency test with NOT_IN
    {"patterns": [[{"LOWER": "so", "DEP": {"NOT_IN": ["advmod"]}}]], "attrs": {"POS": "CCONJ"}},
    # two tokens, the second takes the attributes
    {"patterns": [[{"LOWER": "had"}, {"LOWER": "better"}]], "attrs": {"POS": "AUX"}, "index": -1},
    # a later rule on the same token wins over the two-token rule before it
    {"patterns": [[{"LOWER": "better", "TAG": "RB"}]], "attrs": {"MORPH": "Degree=Cmp"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
]

WORDS = [
    (
        ["The", "minister", "said", "that", "talks", "failed"],
        ["DT", "NN", "VBD", "IN", "NNS", "VBD"],
    ),
    (
        ["They", "had", "better", "not", "go", "so", "far"],
        ["PRP", "VBD", "RB", "RB", "VB", "RB", "RB"],
    ),
    (
        ["It", "did", "n't", "end", "because", "of", "rain"],
        ["PRP", "VBD", "RB", "VB", "IN", "IN", "NN"],
    ),
    (["So", " ", "what"], ["RB", "_SP", "WP"]),
]
DEPS = {"so": "cc", "far": "advmod"}


def annotation(doc: Any) -> list[tuple[str, str, str, str]]:
    return [(t.pos_, str(t.morph), t.lemma_, t.tag_) for t in doc]


def blank_docs(nlp: Any) -> list[Any]:
    from spacy.tokens import Doc

    return [
        Doc(
            nlp.vocab,
            words=words,
            spaces=[True] * len(words),
            tags=tags,
            deps=[DEPS.get(w.lower(), "dep") for w in words],
            heads=[0] * len(words),
        )
        for words, tags in WORDS
    ]


@pytest.fixture
def blank() -> Any:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(RULES)  # type: ignore[attr-defined]
    return nlp


def test_every_kind_of_rule_sets_what_the_ruler_sets(blank: Any) -> None:
    ruler = blank.get_pipe("attribute_ruler")
    rules = compile_rules(ruler.patterns, blank.vocab)
    assert rules is not None
    table = AttributeTable(rules, strings=blank.vocab.strings)
    by_ruler = [annotation(ruler(doc)) for doc in blank_docs(blank)]
    by_table = [annotation(table(doc)) for doc in blank_docs(blank)]
    assert by_table == by_ruler
    # the rules did their work: an exception, a lemma, a two-token rule, a later rule's win
    first, second, third, _ = by_table
    assert first[3][0] == "SCONJ" and third[4][0] == "SCONJ" and third[5][0] == "ADP"
    assert third[2][2] == "not" and second[3][2] == ""  # "n't" matches, "not" does not
    assert second[2] == ("AUX", "Degree=Cmp", "", "RB")
    assert second[5][0] == "CCONJ" and second[6][0] == "ADV"  # "so" as cc: NOT_IN holds


def test_the_table_remembers_without_changing_what_it_sets(blank: Any) -> None:
    ruler = blank.get_pipe("attribute_ruler")
    rules = compile_rules(ruler.patterns, blank.vocab)
    assert rules is not None
    table = AttributeTable(rules, strings=blank.vocab.strings)
    once = [annotation(table(doc)) for doc in blank_docs(blank)]
    again = [annotation(table(doc)) for doc in blank_docs(blank)]
    assert once == again


@pytest.mark.parametrize(
    "token",
    [
        {"LENGTH": 3},
        {"LOWER": "a", "OP": "+"},
        {"TAG": {"REGEX": "^NN"}},
        {"LOWER": {"FUZZY": "a"}},
    ],
)
def test_a_rule_the_table_cannot_read_keeps_the_ruler(token: dict[str, Any]) -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns([*RULES, {"patterns": [[token]], "attrs": {"POS": "X"}}])  # type: ignore[attr-defined]
    assert compile_rules(ruler.patterns, nlp.vocab) is None
    assert use_attribute_table(nlp) is False
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_a_pipeline_without_a_ruler_is_left_alone() -> None:
    import spacy

    nlp = spacy.blank("en")
    assert use_attribute_table(nlp) is False
    assert nlp.pipe_names == []


# Sentences written for this test: contractions, possessives, auxiliaries, particles, numbers.
SENTENCES = [
    "The ministers didn't agree, but they'd better meet again before the vote in May.",
    "Isn't it true that the army's commanders have been arrested twice since 2019?",
    "She's said she won't resign; her party's leaders are n't so sure.",
    "Protesters gathered outside the embassy, chanting slogans against the new tax law.",
    "Police ain't saying whether the 23-year-old suspect was released on bail.",
    '"We will not be intimidated," the foreign minister told reporters in Ankara.',
]


def test_the_installed_model_annotates_the_same_with_the_table() -> None:
    from dyads.nlp.parser import SpacyParser
    from dyads.settings import Settings

    model = Settings().spacy_model
    stock = SpacyParser(model=model, attribute_table=False)
    table = SpacyParser(model=model)
    assert type(table.nlp.get_pipe("attribute_ruler")).__name__ == "AttributeTable"
    assert type(stock.nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert stock.nlp.pipe_names == table.nlp.pipe_names
    assert [annotation(d) for d in table.parse(SENTENCES)] == [
        annotation(d) for d in stock.parse(SENTENCES)
    ]


# Sentences of real news compared: enough to meet every common rule, few enough to stay quick.
NEWS_SENTENCES = 600


def test_real_news_is_annotated_the_same_with_the_table(shared_dir: Path) -> None:
    from dyads.nlp.parser import SpacyParser
    from dyads.settings import Settings

    news = shared_dir / "eval" / "news" / "news_dev.jsonl"
    if not news.is_file():
        pytest.skip(f"no news articles at {news}")
    sentences: list[str] = []
    with news.open(encoding="utf-8") as stream:
        for line in stream:
            text = str(json.loads(line)["text"])
            sentences += [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
            if len(sentences) >= NEWS_SENTENCES:
                break
    model = Settings().spacy_model
    stock = SpacyParser(model=model, attribute_table=False)
    table = SpacyParser(model=model)
    with stock.zone(), table.zone():
        expected = [annotation(d) for d in stock.parse(sentences, entities=False)]
        found = [annotation(d) for d in table.parse(sentences, entities=False)]
    assert found == expected
