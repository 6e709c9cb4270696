"""The coding stages as the pipeline runs them: over batches of articles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from dyads.coding.stages.languages import article_language, load_resources
from dyads.coding.stages.parse import ParseStage, find_triggers, needing_entities
from dyads.nlp.parser import SpacyParser
from dyads.records import Article
from dyads.registry import CODING, build_pipeline
from dyads.settings import Settings
from dyads.stage import Drop
from tests.conftest import make_article

TEXTS = (
    ("Turkish troops shelled Kurdish positions in northern Syria on Monday.",),
    ("Russia did not attack Ukraine.", "The weather was mild."),
    ("Germany and France signed a defence agreement.", "He praised the deal."),
    ("Nothing of note happened here.",),
    ("Egypt hosted talks between Israeli and Hamas negotiators in Cairo on Sunday.",),
)


class CountingParser(SpacyParser):
    """The real parser, counting the texts of each call."""

    def __init__(self, *, model: str) -> None:
        super().__init__(model=model)
        self.calls: list[int] = []

    def parse(self, texts: Sequence[str], *, entities: bool = True) -> list[Any]:
        self.calls.append(len(texts))
        return super().parse(texts, entities=entities)


@pytest.fixture(scope="module")
def coding() -> Any:
    pipeline = build_pipeline(CODING)
    pipeline.open()
    return pipeline


def _articles() -> list[Article]:
    articles = [make_article(texts) for texts in TEXTS]
    german = make_article(("Die Türkei und Russland haben ein Abkommen unterzeichnet.",))
    articles.insert(2, make_article(german.paragraphs, language="de", id="de-1"))
    return articles


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "en"), ("en-GB", "en"), ("DE", "de"), ("pt_BR", "pt"), (None, "en"), ("", "en")],
)
def test_article_language_is_a_bare_code_and_unstated_is_english(
    language: str | None, expected: str
) -> None:
    assert article_language(make_article(language=language)) == expected


@pytest.mark.slow
def test_coding_stages_drop_a_language_without_resources(coding: Any) -> None:
    results = coding.run(_articles())
    dropped = [r.dropped for r in results if r.dropped is not None]
    assert dropped == ["select: no coding resources for language 'de'"]
    assert results[2].stage == "select"


@pytest.mark.slow
def test_coding_stages_code_a_batch_as_they_code_each_article_alone(coding: Any) -> None:
    articles = _articles()
    together = coding.run(articles)
    alone = [coding.run([article])[0] for article in articles]
    assert [r.dropped for r in together] == [r.dropped for r in alone]
    events = [r.value.events if r.value else None for r in together]
    assert events == [r.value.events if r.value else None for r in alone]
    assert sum(len(e) for e in events if e) >= 3  # shelled, signed, hosted talks
    assert events[1] == ()  # a negated attack is not emitted


@pytest.mark.slow
def test_parse_stage_parses_a_whole_batch_in_one_call(coding: Any) -> None:
    parse = next(stage for stage in coding.stages if isinstance(stage, ParseStage))
    counting = CountingParser(model=Settings().spacy_model)
    counting.open()
    loaded = parse._parsers["en"]
    parse._parsers["en"] = counting
    try:
        results = coding.run(_articles())
    finally:
        parse._parsers["en"] = loaded
    assert len(counting.calls) == 1
    assert counting.calls[0] >= len(TEXTS)  # every selected sentence of the batch, at once
    assert sum(1 for r in results if r.value is not None) == len(TEXTS)


@pytest.mark.slow
def test_parse_stage_memory_zone_frees_the_batch_words_after_the_batch(coding: Any) -> None:
    parse = next(stage for stage in coding.stages if isinstance(stage, ParseStage))
    strings = parse.parser("en").nlp.vocab.strings
    word = "Zorvankian"
    text = f"{word} troops attacked Ukrainian positions near the border."
    (result,) = coding.run([make_article((text,))])
    assert result.value is not None and result.value.events  # coded inside the zone
    assert word in result.value.events[0].evidence[0].sentence
    assert word not in strings  # and forgotten once the batch left the pipeline


@pytest.mark.slow
def test_article_coder_raises_drop_for_a_language_without_resources(code_stage: Any) -> None:
    with pytest.raises(Drop, match="language 'fr'"):
        code_stage.process(make_article(("La France a signé un accord.",), language="fr"))


# An article of invented people: the event sentence recalls one by surname, another by "she".
RECALLED = (
    "Mirela Oskovic, the commission's new chair, arrived in Nairobi on Monday.",
    "Officials said the weather in Nairobi was mild and the roads were open.",
    "Anton Velikar, who heads the regional council, opened the session.",
    "She met the Ugandan ambassador in Kampala on Tuesday.",
    "Oskovic later criticised Uganda over the border closure.",
    "Later the chair thanked Ugandan officials for the talks, and Kenya was mentioned again.",
)


@pytest.mark.slow
def test_entities_are_recognised_where_an_event_sentence_may_recall_them(coding: Any) -> None:
    parse = next(stage for stage in coding.stages if isinstance(stage, ParseStage))
    parser = parse.parser("en")
    with parser.zone():
        docs = parser.parse(RECALLED, entities=False)
        assert all(not doc.ents for doc in docs)  # the recogniser was left out
        resources = load_resources("en", settings=Settings())
        triggered = [bool(find_triggers(doc, resources)) for doc in docs]
        needed = needing_entities(docs, triggered, resources)
        # 4 ("criticised") reports an event and recalls "Oskovic" of 0; 3 says "she", and 2
        # named the last person before it ("met"); 5 reports thanks (an event) on its own; 1 names
        # nobody an event sentence recalls.
        assert needed == [True, False, True, True, True, True]
        parser.recognise([doc for doc, wanted in zip(docs, needed, strict=True) if wanted])
        assert [ent.text for ent in docs[0].ents if ent.label_ == "PERSON"] == ["Mirela Oskovic"]
        assert not docs[1].ents


@pytest.mark.slow
def test_entities_where_needed_code_the_same_events_as_entities_everywhere(
    coding: Any,
) -> None:
    every = build_pipeline(CODING, settings=Settings(entities="all"))
    with every:
        articles = [*_articles(), make_article(RECALLED, id="recalled")]
        wanted = coding.run(articles)
        full = every.run(articles)
    assert [r.value.events if r.value else None for r in wanted] == [
        r.value.events if r.value else None for r in full
    ]
    recalled = wanted[-1].value
    assert recalled is not None
    assert any(a.name == "Mirela Oskovic" for e in recalled.events for a in e.actors)


@pytest.mark.slow
def test_events_under_the_confidence_floor_are_not_emitted(coding: Any) -> None:
    articles = _articles()
    every = build_pipeline(CODING, settings=Settings(min_confidence=0.0))
    with every:
        found = [e for r in every.run(articles) if r.value for e in r.value.events]
    emitted = [e for r in coding.run(articles) if r.value for e in r.value.events]
    floor = Settings().min_confidence
    assert found and all(e.confidence >= floor for e in emitted)
    assert emitted == [e for e in found if e.confidence >= floor]
    strict = build_pipeline(CODING, settings=Settings(min_confidence=1.0))
    with strict:
        assert not [e for r in strict.run(articles) if r.value for e in r.value.events]
