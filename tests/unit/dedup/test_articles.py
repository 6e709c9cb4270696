from __future__ import annotations

import pytest

from dyads.dedup.articles import (
    BANDS,
    MIN_SHINGLES,
    NEAR_DUPLICATE_JACCARD,
    Candidate,
    bands,
    best_story,
    body_hash,
    fingerprint,
    jaccard,
    shingles,
    signature,
)

STORY = (
    "The water ministers of three river states met in a lakeside town on Wednesday and "
    "agreed to share data on dam releases every week during the flood season, according to "
    "a joint statement issued after six hours of talks. The agreement follows a spring in "
    "which sudden releases from an upstream reservoir flooded farmland and cut two highways "
    "downstream. Officials said engineers from each country would staff a joint monitoring "
    "office from next month and that a hotline between the dam operators would be tested "
    "before the rains begin. Environmental groups welcomed the step but said the deal did "
    "not address the silt that has built up behind the dams over two decades."
)
OTHER = (
    "A regional football league postponed its final round after heavy snow closed three "
    "stadiums, the organisers said on Sunday. The clubs involved will play the matches "
    "next weekend if the forecast improves, and tickets already sold remain valid. Fans "
    "who cannot attend on the new date may ask for a refund through the league website "
    "until the end of the month, a spokeswoman said."
)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Turkey met Kazakhstan.", "  turkey  met\nKazakhstan. "),
        ("“Talks,” he said — briefly.", '"talks," he said - briefly.'),
    ],
)
def test_body_hash_ignores_case_space_and_typography(left: str, right: str) -> None:
    assert body_hash(left) == body_hash(right)


def test_body_hash_differs_when_a_word_differs() -> None:
    assert body_hash("Turkey met Kazakhstan.") != body_hash("Turkey met Kyrgyzstan.")


def test_shingles_are_word_five_grams() -> None:
    grams = shingles("One two three four five six")
    assert grams == {"one two three four five", "two three four five six"}


def test_shingles_of_a_short_body_is_the_whole_body() -> None:
    assert shingles("Too short") == {"too short"}
    assert shingles("") == set()


def test_signature_is_deterministic_and_sized() -> None:
    first = signature(shingles(STORY))
    assert first == signature(shingles(STORY))
    assert len(first) == 128 * 8


def test_jaccard_of_a_lightly_edited_copy_passes_the_threshold() -> None:
    copy = STORY.replace("Wednesday", "Thursday").replace("six hours", "seven hours")
    estimate = jaccard(signature(shingles(STORY)), signature(shingles(copy)))
    assert estimate >= NEAR_DUPLICATE_JACCARD


def test_jaccard_of_unrelated_stories_is_low() -> None:
    assert jaccard(signature(shingles(STORY)), signature(shingles(OTHER))) < 0.2


def test_bands_split_the_signature_into_stable_buckets() -> None:
    sig = signature(shingles(STORY))
    buckets = bands(sig)
    assert [band for band, _ in buckets] == list(range(BANDS))
    assert buckets == bands(sig)
    assert len({bucket for _, bucket in buckets}) == BANDS


def test_bands_of_a_near_duplicate_share_a_bucket() -> None:
    copy = STORY.replace("Wednesday", "Thursday")
    shared = set(bands(signature(shingles(STORY)))) & set(bands(signature(shingles(copy))))
    assert shared


def test_fingerprint_of_a_short_body_has_no_signature() -> None:
    short = " ".join(f"w{i}" for i in range(MIN_SHINGLES + 3))
    assert fingerprint(short).signature is None
    assert fingerprint(short).bands == ()
    assert fingerprint(STORY).signature is not None


def test_best_story_picks_the_most_similar_then_the_smallest_id() -> None:
    sig = signature(shingles(STORY))
    near = signature(shingles(STORY.replace("Wednesday", "Thursday")))
    far = signature(shingles(OTHER))
    candidates = [
        Candidate(article_id="a", story_id="s-b", signature=sig),
        Candidate(article_id="b", story_id="s-a", signature=sig),
        Candidate(article_id="c", story_id="s-0", signature=near),
        Candidate(article_id="d", story_id="s-far", signature=far),
    ]
    assert best_story(sig, candidates) == "s-a"
    assert best_story(sig, candidates[2:]) == "s-0"
    assert best_story(sig, candidates[3:]) is None
