"""Boilerplate blocks: kinds from headings, teaser labels, markers and position; items."""

from __future__ import annotations

import pytest

from dyads.clean.pagetext import clean_page_text
from dyads.errors import NoArticleFound
from dyads.records import BlockKind, BoilerplateBlock
from tests.conftest import make_document

BODY = "\n\n".join(
    f"The harbour council met on Tuesday and approved plan number {n} after a long debate."
    for n in range(5)
)


def _blocks(before: str, after: str) -> tuple[BoilerplateBlock, ...]:
    page = f"{before}\n\n{BODY}\n\n{after}"
    return clean_page_text(make_document(page)).boilerplate


def _kinds(blocks: tuple[BoilerplateBlock, ...]) -> dict[BlockKind, tuple[str, ...]]:
    return {block.kind: block.items for block in blocks}


@pytest.mark.parametrize(
    ("after", "kind", "items"),
    [
        (
            "MOST POPULAR\n  1. Storm hits coast\n    Storm hits coast",
            BlockKind.MOST_POPULAR,
            ("Storm hits coast",),
        ),
        (
            "Recommended\nNew metro opens\n\nNew metro opens\nFestival returns",
            BlockKind.RECOMMENDED,
            ("New metro opens", "Festival returns"),
        ),
        ("Related\n  • Ferry timetable changes", BlockKind.RELATED, ("Ferry timetable changes",)),
        ("Share this article\n  • Facebook\n  • Email", BlockKind.SHARE, ("Facebook", "Email")),
        ("© 2021 Elden Courier", BlockKind.FOOTER, ("© 2021 Elden Courier",)),
    ],
)
def test_boilerplate_after_body_named(after: str, kind: BlockKind, items: tuple[str, ...]) -> None:
    assert _kinds(_blocks("Harbour plan approved", after))[kind] == items


def test_boilerplate_labelled_teaser_keeps_headline_not_lede() -> None:
    after = (
        "WORLD Leaders meet in Brussels\n\nLeaders meet in Brussels\n\n"
        "European leaders met in Brussels on Thursday to discuss the budget for next year."
    )
    (teaser,) = [b for b in _blocks("Harbour plan approved", after) if b.kind is BlockKind.TEASER]
    assert teaser.heading == "WORLD"
    assert teaser.items == ("Leaders meet in Brussels",)


def test_boilerplate_menu_before_body_is_navigation() -> None:
    blocks = _blocks("  • Home\n  • Local\n  • Sport\n\nHarbour plan approved today", "")
    assert BlockKind.NAVIGATION in _kinds(blocks)


def test_boilerplate_cookie_notice_named() -> None:
    notice = (
        "We use cookies to improve your experience. By continuing you agree to our use of cookies."
    )
    assert _kinds(_blocks(notice, ""))[BlockKind.COOKIE] == (notice,)


def test_clean_page_text_without_prose_raises() -> None:
    with pytest.raises(NoArticleFound):
        clean_page_text(make_document("  • Home\n  • News\n  • Sport\n\n© 2021 Site"))
