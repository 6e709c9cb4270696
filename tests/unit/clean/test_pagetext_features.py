"""Line features: box headings, boilerplate markers, prose shape, language."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyads.clean.pagetext.features import (
    _CJK,
    _fold_page,
    heading_kind,
    is_prose,
    line_features,
    marker_kind,
    word_count,
)
from dyads.clean.pagetext.headings import _KEY_CHARS
from dyads.clean.pagetext.language import (
    _ANY_STOP,
    _WORD,
    _word_counts,
    guess_language,
    guess_language_of,
)
from dyads.clean.pagetext.lexicon import HEADINGS
from dyads.clean.pagetext.lines import split_lines
from dyads.records import BlockKind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("MOST POPULAR", BlockKind.MOST_POPULAR),
        ("Most Read", BlockKind.MOST_POPULAR),
        ("Trending", BlockKind.MOST_POPULAR),
        ("Recommended", BlockKind.RECOMMENDED),
        ("You may also like", BlockKind.RECOMMENDED),
        ("Related Articles", BlockKind.RELATED),
        ("Read more:", BlockKind.RELATED),
        ("Mehr zum Thema", BlockKind.RELATED),
        ("3 Comments", BlockKind.COMMENTS),
        ("Top Rated Comments", BlockKind.COMMENTS),
        ("Leave a Reply", BlockKind.COMMENTS),
        ("Share this article", BlockKind.SHARE),
        ("Advertisement", BlockKind.ADVERTISEMENT),
        ("Sign up", BlockKind.SUBSCRIBE),
        ("Privacy Policy", BlockKind.FOOTER),
        ("Menu", BlockKind.NAVIGATION),
    ],
)
def test_heading_kind_names_boxes(text: str, kind: BlockKind) -> None:
    assert heading_kind(text) is kind


@pytest.mark.parametrize(
    "text",
    [
        "Global market share",
        "The committee shared its report with the ministry on Monday.",
        "Turkey, Kazakhstan to boost defense industry cooperation",
        "",
    ],
)
def test_heading_kind_ignores_other_lines(text: str) -> None:
    assert heading_kind(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("We use cookies to improve your experience.", BlockKind.COOKIE),
        ("© 2021 Elden Courier", BlockKind.FOOTER),
        ("All rights reserved.", BlockKind.FOOTER),
        ("Share on Facebook", BlockKind.SHARE),
        ("Sign up for our daily newsletter", BlockKind.SUBSCRIBE),
        ("[INS: :INS]", BlockKind.ADVERTISEMENT),
        ("Volunteers clear mud from a street. (AP Photo/Lena Marsh)", BlockKind.CAPTION),
        ("Photo: Daniel Oyelaran/Getty Images", BlockKind.CAPTION),
        ("Image caption Residents wait at a shelter", BlockKind.CAPTION),
        ("Crowds gather on the pier at dusk. (Tomas Rye/Elden Courier)", BlockKind.CAPTION),
        ("The ring of dust around the young star. (NASA/ESA)", BlockKind.CAPTION),
        ("In this photo taken Monday, divers search the harbour.", BlockKind.CAPTION),
        ("Maria Lind on March 3, 2021 at 4:12 pm said:", BlockKind.COMMENTS),
        ("2 days ago at 07:52 am", BlockKind.COMMENTS),
        ("Rating: 36 Votes", BlockKind.COMMENTS),
    ],
)
def test_marker_kind_finds_boilerplate_lines(text: str, kind: BlockKind) -> None:
    assert marker_kind(text.casefold()) is kind


@pytest.mark.parametrize(
    "text",
    [
        "The ministers said the agreement would be signed in Ankara next month.",
        "Get the premium plan free for a month (then $4.99/mo).",
    ],
)
def test_marker_kind_passes_article_sentence(text: str) -> None:
    assert marker_kind(text.casefold()) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Share on Facebook", BlockKind.SHARE),
        (
            "The retailer earned $2.8 billion, or $2.53 a share on revenue of $27 billion, "
            "as sales at stores open a year rose 3.6 percent, short of the 4.8 percent "
            "analysts had expected.",
            None,
        ),
        ("Sign up for our daily newsletter", BlockKind.SUBSCRIBE),
        (
            "Farmers who sign up for the scheme before March will receive a grant towards "
            "the cost of new hedges, the ministry said, adding that about 4,000 farms had "
            "already applied and that a second round would open next year if the money "
            "lasted, though officials would not say how much of it was left in the fund.",
            None,
        ),
    ],
)
def test_line_features_reads_share_and_signup_phrases_in_paragraphs_as_text(
    text: str, kind: BlockKind | None
) -> None:
    feats = line_features(split_lines(text))
    assert feats.marker == (kind,)


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        ("The council approved the plan on Tuesday after a long debate.", True),
        ('"We held a long and fruitful meeting," he added.', True),
        ("He declined to comment.", False),  # too short to weigh as prose
        ("Turkey, Kazakhstan to boost defense industry cooperation", False),
        ("Home", False),
    ],
)
def test_is_prose_reads_sentence_shape(text: str, prose: bool) -> None:
    assert is_prose(text, word_count(text)) is prose


def test_word_count_counts_cjk_characters() -> None:
    assert word_count("東京都は十一日新しい計画を発表した") >= 8


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The minister said that the talks with the delegation were useful and that " * 4, "en"),
        (
            "Der Minister sagte, dass die Gespräche mit der Delegation nicht einfach und auch " * 4,
            "de",
        ),
        (
            "Le ministre a dit que les discussions avec la délégation sont utiles pour le pays "
            * 4,
            "fr",
        ),
        ("Short text", "en"),
    ],
)
def test_guess_language_by_stopwords(text: str, language: str) -> None:
    assert guess_language(text) == language


_MARKER_PAGE = [
    "We use cookies to improve your experience.",
    "The harbour council met on Tuesday and approved the plan, officials said.",
    "© 2021 Elden Courier",
    "Share on Facebook",
    "Print this article",
    "Sign up for our daily newsletter",
    "[INS: :INS]",
    "Reply",
    "+12 votes",
    "Volunteers clear mud from a street. (AP Photo/Lena Marsh)",
    "FILE - The old bridge over the river in 2019.",
    "Maria Lind on March 3, 2021 at 4:12 pm said:",
    "2 days ago at 07:52 am",
    "Rating: 36 Votes",
    "Report",
    "Photographers waited outside the court as the verdict was read.",
    "Crowds gather on the pier at dusk. (Tomas Rye/Elden Courier)",
    "Comments (12)",
    "١٢ votes",
    "Jane Roe/Elden Courier said:",
    "Share",
    "Report (3)",
    "Print edition (Jane Roe/Elden Courier)",
    "File - the harbour wall before the storm",
    "Share this (Tomas Rye/Elden Courier).",
    "Votes were counted (all of them)",
    "3 comments (Tomas Rye/Elden Courier)",
]


def test_line_features_markers_agree_with_marker_kind() -> None:
    lines = split_lines("\n\n".join(_MARKER_PAGE))
    feats = line_features(lines)
    assert list(feats.marker) == [marker_kind(text.casefold()) for text in lines.texts]


def test_line_features_reads_a_line_printed_twice_the_same_way() -> None:
    # lines are tested once per distinct folded text: "SHARE" and "Share" are one line
    page = [*_MARKER_PAGE, *(text.upper() for text in _MARKER_PAGE), *_HEADING_PAGE * 2]
    lines = split_lines("\n\n".join(page))
    feats = line_features(lines)
    assert list(feats.marker) == [marker_kind(text.casefold()) for text in lines.texts]
    assert list(feats.heading) == [heading_kind(text) for text in lines.texts]


def test_line_features_lists_the_lines_cut_with_an_ellipsis() -> None:
    page = ["A lede cut short ...", "Read more", "Another lede…", "Not cut.", "Last one..."]
    lines = split_lines("\n\n".join(page))
    assert line_features(lines).cut == (0, 2, 4)


def test_case_folding_keeps_spaces_and_cjk_characters() -> None:
    # markers are read on the folded line, whose words must be the line's own
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert word_count(every.casefold()) == word_count(every)
    assert every.casefold().count(" ") == every.count(" ")


def test_line_features_headings_agree_with_heading_kind() -> None:
    page = ["Most Popular", "Related Articles", "Top Rated Comments", "Market share rose", "News"]
    lines = split_lines("\n\n".join(page))
    assert list(line_features(lines).heading) == [heading_kind(text) for text in page]


def test_heading_phrases_are_long_enough_to_index() -> None:
    assert all(len(phrase) >= _KEY_CHARS for _, phrases in HEADINGS for phrase in phrases)


_HEADING_PAGE = [
    "Most Popular",
    "Comments (12)",
    "Don't miss:",
    "Related tags:",
    "Nov. 19, 2019 8:03 am ET",
    "U.S. stocks",
    "Most-Popular",
    "TOP_STORIES",
    "(button) Join the conversation",
    "Lire aussi »",
    "Plus de «Themen»",
    "12",
    "Leserkommentare (3)",
    "Weitere Artikel …",
    "Read more of it",
    "The most popular",
    "a b popular",
    "Mehr zum Thema:",
    "“Most Popular”",
    "• Related",
    "— Comments —",
    "12 Kommentare",
    "Top-Stories:",
    "...",
    "Related: the 12 best",
    "Share’s price",
    "Comments’",
]


def test_line_features_noisy_headings_agree_with_heading_kind() -> None:
    lines = split_lines("\n\n".join(_HEADING_PAGE))
    assert list(line_features(lines).heading) == [heading_kind(text) for text in _HEADING_PAGE]


@pytest.mark.parametrize("repeat", [1, 20, 60, 200])
def test_guess_language_of_paragraphs_agrees_with_joined_text(repeat: int) -> None:
    paragraphs = (
        "Der Minister sagte, dass die Gespräche nicht einfach sind.",
        "The minister said that the talks were useful.",
    ) * repeat
    assert guess_language_of(paragraphs) == guess_language(" ".join(paragraphs))


@pytest.mark.parametrize(
    "text",
    [
        "The minister said that the talks were useful, and THE talks go on.",
        "Straße, für l’état d'été İSTANBUL ÇOK ſe x_y a1b ² ½ ﬁne ǅemal — “quoted” words",
        "日本語のテキスト and 中文 text, 한국어 too",
        "",
        "123 456 ... !!!",
        "Für die Straße und für DIE Stadt: não, ÇOK için, the end",
    ],
)
def test_word_counts_agree_with_the_word_expression(text: str) -> None:
    words = _WORD.findall(text)
    count, counts = _word_counts(text)
    assert count == len(words)
    folded = (word.casefold().encode("utf-8") for word in words)
    assert counts == Counter(word for word in folded if word in _ANY_STOP)


_FOLD_CASES = [
    "Plain ASCII Text, With Capitals",
    "curly ’quotes’ — dashes … and «guillemets»",
    "Straße in İSTANBUL and ΣΟΦΙΑ, ſ and K (kelvin)",
    "ǅemal and ﬁne ligatures",
    "日本語 and 中文, 한국어 too",
    "lone \ud800 surrogate",
    "",
]


@pytest.mark.parametrize("text", _FOLD_CASES)
def test_fold_page_is_case_folding(text: str) -> None:
    folded, cjk = _fold_page(text)
    assert folded == text.casefold()
    assert cjk == (_CJK.search(text) is not None)


@given(st.text())
def test_fold_page_is_case_folding_on_any_text(text: str) -> None:
    folded, cjk = _fold_page(text)
    assert folded == text.casefold()
    assert cjk == (_CJK.search(text) is not None)


def test_a_strip_of_teasers_run_together_is_a_teaser_marker() -> None:
    strip = (
        "more on the sea GREEN TIDE Algae bloom covers the bay in a week HIGH WATER Floods "
        "close the coast road for a day DEEP DIVE Divers find an old wreck near the pier"
    )
    prose = (
        "The NATO and UN envoys met in the capital, where the EU delegation of the "
        "UNITED NATIONS DEVELOPMENT PROGRAMME joined them, officials said on Monday."
    )
    feats = line_features(split_lines(f"{strip}\n{prose}"))
    assert feats.marker[0] is BlockKind.TEASER
    assert feats.marker[1] is None  # capitals in running text, not kickers before headlines
