from __future__ import annotations

from typing import Any

import pytest

from dyads.errors import ModelNotInstalled
from dyads.nlp.parser import SpacyParser


def test_spacy_parser_loads_nothing_until_open() -> None:
    parser = SpacyParser(model="a_model_that_is_not_installed")
    assert parser.model == "a_model_that_is_not_installed"


def test_spacy_parser_open_names_the_missing_model_and_how_to_install_it() -> None:
    parser = SpacyParser(model="a_model_that_is_not_installed")
    with pytest.raises(ModelNotInstalled, match="pip install a-model-that-is-not-installed"):
        parser.open()


@pytest.mark.slow
def test_spacy_parser_parse_returns_one_full_doc_per_text(spacy_parser: Any) -> None:
    docs = spacy_parser.parse(["Velmoran troops crossed the river.", "Talks ended."])
    assert [doc.text for doc in docs] == ["Velmoran troops crossed the river.", "Talks ended."]
    first = docs[0]
    assert first[1].lemma_ == "troop"
    assert first[2].dep_ == "ROOT"
    assert first[1].head.i == 2


@pytest.mark.slow
def test_spacy_parser_keeps_a_prefixed_verb_whole(spacy_parser: Any) -> None:
    text = "Kenya re-imposed a Uganda-wide ban on a co-hosted, pre-war fair."
    (doc,) = spacy_parser.parse([text])
    words = [t.text for t in doc]
    assert {"re-imposed", "co-hosted", "pre-war"} <= set(words)
    assert "Uganda-wide" not in words  # other hyphens split as spaCy splits them
    assert next(t for t in doc if t.text == "re-imposed").pos_ == "VERB"


@pytest.mark.slow
def test_spacy_parser_keeps_a_romanised_given_name_whole(spacy_parser: Any) -> None:
    text = "President Pak Sun-ok met Ri Mun-gol's envoy on a Tokyo-bound, Kenya-led flight."
    (doc,) = spacy_parser.parse([text])
    words = [t.text for t in doc]
    assert {"Sun-ok", "Mun-gol"} <= set(words)
    assert "Tokyo-bound" not in words and "Kenya-led" not in words
    assert next(t for t in doc if t.text == "Sun-ok").dep_ != "prep"
