"""Residual page boilerplate in a JSONL article text: named and set aside, prose kept."""

from __future__ import annotations

import pytest

from dyads.clean.pagetext.lexicon import HEADINGS
from dyads.clean.plain import clean_article_text
from dyads.clean.residue import box_heading, residue_kind, strip_residue
from dyads.errors import NoArticleFound
from dyads.records import BlockKind, MediaType
from tests.conftest import make_document

LEDE = (
    "NAIROBI, Kenya — Kenya's parliament on Tuesday rejected a bill to raise fuel taxes "
    "after a week of protests in Mombasa and Kisumu."
)
BODY = (
    "Opposition leaders said the vote showed the government had lost the argument, "
    "while the finance minister promised a new budget in March."
)
BOX = (
    "MOST READ IN NEWS 'GOAT ON THE RUNWAY' Pilot halts landing at Eldoret FLOOD ALERT "
    "Rivers burst their banks in Budalangi"
)
CAPTION = "EPA Police fired tear gas at protesters outside parliament in Nairobi on Monday"
AGENCY_SENTENCE = "Reuters reported that the talks ended."
SENTENCE_CASE = "Most read the report before voting."
CREDIT = "— With assistance by Wanjiru Kamau"
TIP = "Do you have a story for our news desk? Email us at desk@example.com or call 0100 200 300"
BBC_CAPTION = "Image copyright Getty Images Image caption Protesters gathered outside parliament"
FOOTER = "Copyright 2019 Example News Ltd. All rights reserved."


def _article_text(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def test_clean_article_text_sets_residue_aside_and_keeps_prose() -> None:
    text = _article_text(
        LEDE, CAPTION, BODY, AGENCY_SENTENCE, SENTENCE_CASE, BOX, BBC_CAPTION, CREDIT, TIP
    )
    article = clean_article_text(make_document(text, media_type=MediaType.ARTICLE_TEXT))
    assert article.dateline is not None
    assert article.paragraphs[1:] == (BODY, AGENCY_SENTENCE, SENTENCE_CASE)
    assert article.paragraphs[0].startswith("Kenya's parliament on Tuesday rejected")
    kinds = {block.kind: block for block in article.boilerplate}
    assert set(kinds) == {
        BlockKind.MOST_POPULAR,
        BlockKind.CAPTION,
        BlockKind.BYLINE,
        BlockKind.FOOTER,
    }
    assert kinds[BlockKind.MOST_POPULAR].heading == "MOST READ"
    assert kinds[BlockKind.MOST_POPULAR].items == (BOX.removeprefix("MOST READ "),)
    assert kinds[BlockKind.CAPTION].items == (CAPTION, BBC_CAPTION)
    assert kinds[BlockKind.BYLINE].items == (CREDIT,)
    assert kinds[BlockKind.FOOTER].items == (TIP,)


# a caption under a photo credit, and the bare label where a photo sat
@pytest.mark.parametrize("leading", [CAPTION, "Photo"])
def test_clean_article_text_reads_the_dateline_under_a_leading_caption(leading: str) -> None:
    text = _article_text(leading, LEDE, BODY)
    article = clean_article_text(make_document(text, media_type=MediaType.ARTICLE_TEXT))
    assert article.dateline is not None
    assert article.paragraphs == (LEDE.split("— ", 1)[1], BODY)


@pytest.mark.parametrize(
    ("paragraph", "kind"),
    [
        (BOX, BlockKind.MOST_POPULAR),
        ("Most Read In Sport LIONS ROAR Harambee Stars win in Accra", BlockKind.MOST_POPULAR),
        ("You Might Also Like Ten new roads for Nakuru", BlockKind.RECOMMENDED),
        ("READ MORE: Matatu strike ends in Thika", BlockKind.RELATED),
        ("Related: Five things to know about the fuel bill", BlockKind.RELATED),
        ("Read more", BlockKind.RELATED),
        (CAPTION, BlockKind.CAPTION),
        ("AP:Associated Press Traders watch screens at the Nairobi bourse", BlockKind.CAPTION),
        ("Getty - Contributor A boda boda rider waits at a petrol station", BlockKind.CAPTION),
        ("AFP or licensors 84 shops stayed shut in Kisumu", BlockKind.CAPTION),
        ("Reuters Ruto says 'the bill will return'", BlockKind.CAPTION),
        ("Reuters", BlockKind.CAPTION),
        ("AP - AFP", BlockKind.CAPTION),
        (BBC_CAPTION, BlockKind.CAPTION),
        ("A matatu burns in Kisumu on Monday. (Jane Doe/Example Agency)", BlockKind.CAPTION),
        (FOOTER, BlockKind.FOOTER),
        (TIP, BlockKind.FOOTER),
        (CREDIT, BlockKind.BYLINE),
        ("With reporting by Otieno Odhiambo", BlockKind.BYLINE),
        ("Additional reporting by Akinyi Ochieng in KISUMU and Paul Mwangi", BlockKind.BYLINE),
        ("(Reporting by Amina Yusuf; Editing by Peter Kariuki)", BlockKind.BYLINE),
        ("Advertisement", BlockKind.ADVERTISEMENT),
        # the slides of a photo gallery
        ("Photos: Floods in Kisumu A family wades through the water.", BlockKind.CAPTION),
        ("Matatus stand in the flooded market. Hide Caption 4 of 12", BlockKind.CAPTION),
        # the label where a photo or a video sat
        ("Photo", BlockKind.CAPTION),
        ("Video:", BlockKind.CAPTION),
    ],
)
def test_residue_kind_names_boilerplate(paragraph: str, kind: BlockKind) -> None:
    assert residue_kind(paragraph) is kind


@pytest.mark.parametrize(
    "paragraph",
    [
        LEDE,
        BODY,
        AGENCY_SENTENCE,
        SENTENCE_CASE,
        # a one-word heading starts sentences; a heading in sentence case too
        "Popular anger grew as prices rose in Eldoret",
        "Most read the statement as a climbdown by the treasury",
        "Related Stories about the bill ran in every paper",
        # an agency or a credit word opening a finished sentence
        "EPA officials visited the Athi river on Monday.",
        'AP reporters asked the minister about the bill. "No comment," he said.',
        "Reuters Kenya bureau chief Jane Doe was expelled, officials said!",
        "Getty Images photographer John Doe took the picture in Nairobi.",
        "PA Governor John Doe signed the law on Friday.",
        "Rex Tillerson visited Nairobi in March 2018",
        # lower case after the credit
        "Reuters was unable to confirm the report",
        # a credit phrase opening a sentence; a credit inside a sentence
        "Reporting by the local press found that the tender was rigged.",
        "The series ran on Citizen TV. Additional reporting by Akinyi Ochieng.",
        # a label and a full sentence after it
        "Latest news: the senate will vote on the bill on Thursday.",
        # markers this module does not read: news sentences hold them
        "The governor said on Twitter that the roads would reopen.",
        "He urged farmers to sign up for the new insurance scheme.",
        "Do you have a story? the reporter asked the minister.",
        # photos named in a sentence
        "Photos of the flooded market were shared widely on Monday.",
        "Video footage showed the crowd.",
    ],
)
def test_residue_kind_keeps_prose(paragraph: str) -> None:
    assert residue_kind(paragraph) is None


def test_box_heading_keeps_the_heading_as_printed() -> None:
    assert box_heading("Most Read In Sport LIONS ROAR Stars win") == (
        BlockKind.MOST_POPULAR,
        "Most Read",
    )
    assert box_heading("ALSO READ: Dog found on a porch") == (BlockKind.RELATED, "ALSO READ")


def test_strip_residue_keeps_a_text_that_is_all_residue() -> None:
    residue = strip_residue((CAPTION, CREDIT))
    assert residue.paragraphs == (CAPTION, CREDIT)
    assert residue.dropped == ()
    assert residue.blocks == ()


def test_clean_article_text_keeps_a_lone_caption_like_paragraph() -> None:
    article = clean_article_text(make_document(CAPTION, media_type=MediaType.ARTICLE_TEXT))
    assert article.paragraphs == (CAPTION,)
    assert article.boilerplate == ()


def test_clean_article_text_still_finds_no_article_in_an_empty_text() -> None:
    with pytest.raises(NoArticleFound):
        clean_article_text(make_document(" \n\n ", media_type=MediaType.ARTICLE_TEXT))


def test_strip_residue_records_each_dropped_paragraph_once_per_block() -> None:
    residue = strip_residue((LEDE, "Reuters", BODY, "Reuters", "Read more"))
    assert residue.paragraphs == (LEDE, BODY)
    assert [kind for kind, _ in residue.dropped] == [
        BlockKind.CAPTION,
        BlockKind.CAPTION,
        BlockKind.RELATED,
    ]
    related, captions = residue.blocks
    assert (related.kind, related.heading, related.items) == (
        BlockKind.RELATED,
        "Read more",
        (),
    )
    assert (captions.kind, captions.items) == (BlockKind.CAPTION, ("Reuters",))


def test_box_headings_name_one_kind_each() -> None:
    boxes = (BlockKind.MOST_POPULAR, BlockKind.RECOMMENDED, BlockKind.RELATED)
    phrases = [p for kind, ps in HEADINGS if kind in boxes for p in ps]
    assert len(phrases) == len(set(phrases))


def test_a_strip_of_teasers_in_a_record_text_is_set_aside() -> None:
    from dyads.clean.residue import strip_residue

    strip = (
        "more on the sea GREEN TIDE Algae bloom covers the bay in a week HIGH WATER Floods "
        "close the coast road for a day DEEP DIVE Divers find an old wreck near the pier"
    )
    body = "The Kenyan navy searched the bay on Monday after the floods, officials said."
    residue = strip_residue((body, strip))
    assert residue.paragraphs == (body,)
    assert [b.kind for b in residue.blocks] == [BlockKind.TEASER]
