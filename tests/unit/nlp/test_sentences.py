from __future__ import annotations

import pytest

from dyads.nlp.sentences import split_sentences
from tests.conftest import make_article


def _texts(*paragraphs: str) -> list[str]:
    return [s.text for s in split_sentences(make_article(paragraphs))]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The talks ended. Both sides left.", ["The talks ended.", "Both sides left."]),
        ("Did they agree? Nobody knows! Fine.", ["Did they agree?", "Nobody knows!", "Fine."]),
        ("Talks resumed on Feb. 4 in the capital.", ["Talks resumed on Feb. 4 in the capital."]),
        ("Gen. Ada Lorne and Lt. Col. Brisk met.", ["Gen. Ada Lorne and Lt. Col. Brisk met."]),
        (
            "Mr. Vell and Dr. Oro spoke at St. Anne's.",
            ["Mr. Vell and Dr. Oro spoke at St. Anne's."],
        ),
        ("Envoy J. Marsh flew in.", ["Envoy J. Marsh flew in."]),
        ("The U.S. Navy and U.N. teams left.", ["The U.S. Navy and U.N. teams left."]),
        (
            "Aid went to the U.S. The minister said so.",
            ["Aid went to the U.S.", "The minister said so."],
        ),
        ("It began at 9 a.m. Police said so.", ["It began at 9 a.m.", "Police said so."]),
        ("Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]),
        ("Resolution No. 12 passed.", ["Resolution No. 12 passed."]),
        ('"We will stay," he said. They left.', ['"We will stay," he said.', "They left."]),
        ('He said: "We will stay." Then he left.', ['He said: "We will stay."', "Then he left."]),
        ("“It is over.” The crowd cheered.", ["“It is over.”", "The crowd cheered."]),
        ("Talks went on... Then a deal came.", ["Talks went on...", "Then a deal came."]),
        (
            "Talks went on (the third round). Then they ended.",
            ["Talks went on (the third round).", "Then they ended."],
        ),
        # a space lost between sentences, but not a web address or an abbreviation
        (
            "They met in the capital.During the talks both sides left.",
            ["They met in the capital.", "During the talks both sides left."],
        ),
        (
            "See www.Example.org or example.Com.net today.",
            ["See www.Example.org or example.Com.net today."],
        ),
        ("Prices rose in Nov.The talks went on.", ["Prices rose in Nov.The talks went on."]),
    ],
)
def test_split_sentences_handles_news_punctuation(paragraph: str, expected: list[str]) -> None:
    assert _texts(paragraph) == expected


def test_split_sentences_offsets_index_the_body() -> None:
    article = make_article(("First one. Second one.", "  Third one.\nFourth line"))
    sentences = split_sentences(article)
    assert [s.text for s in sentences] == ["First one.", "Second one.", "Third one.", "Fourth line"]
    assert [s.paragraph for s in sentences] == [1, 1, 2, 2]
    assert [s.index for s in sentences] == [0, 1, 2, 3]
    for sentence in sentences:
        assert article.body[sentence.start : sentence.end] == sentence.text


def test_split_sentences_of_an_empty_article_is_empty() -> None:
    assert split_sentences(make_article(())) == ()


def test_bounded_for_coding_rejects_more_sentences_than_the_bound() -> None:
    from dyads.errors import ArticleTooLong
    from dyads.nlp.sentences import bounded_for_coding

    found = split_sentences(make_article(("The talks ended. " * 30,)))
    assert bounded_for_coding(found, limit=30) == found
    with pytest.raises(ArticleTooLong, match="30 sentences to code, over the limit of 29"):
        bounded_for_coding(found, limit=29)
