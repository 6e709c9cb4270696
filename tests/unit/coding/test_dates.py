from __future__ import annotations

from datetime import date

import pytest

from dyads.coding.dates import find_dates, find_months, lead_day, resolve_date

PUBLISHED = date(2021, 2, 5)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected", "method"),
    [
        ("The ministers met on Feb. 4 in the capital.", date(2021, 2, 4), "explicit"),
        ("The ministers met Feb 4 in the capital.", date(2021, 2, 4), "explicit"),
        ("The ministers met on February 3, 2021.", date(2021, 2, 3), "explicit"),
        ("The ministers met on 3 February.", date(2021, 2, 3), "explicit"),
        ("The ministers met on 2021-01-30.", date(2021, 1, 30), "explicit"),
        ("The ministers met on December 30.", date(2020, 12, 30), "explicit"),
        ("The ministers met on Tuesday.", date(2021, 2, 2), "relative"),
        ("The ministers met on Friday.", date(2021, 2, 5), "relative"),
        ("The ministers met yesterday.", date(2021, 2, 4), "relative"),
        ("The ministers met today.", date(2021, 2, 5), "relative"),
        ("The ministers met last week.", date(2021, 1, 29), "relative"),
        ("The ministers met in the capital.", date(2021, 2, 5), "publication"),
    ],
)
def test_resolve_date_reads_each_form(text: str, expected: date, method: str) -> None:
    resolved = resolve_date(text, published=PUBLISHED)
    assert (resolved.value, resolved.method) == (expected, method)


def test_resolve_date_without_publication_is_unknown() -> None:
    resolved = resolve_date("The ministers met in the capital.", published=None)
    assert (resolved.value, resolved.method) == (None, "unknown")


def test_resolve_date_prefers_the_date_nearest_the_trigger() -> None:
    text = "The army shelled the town on Wednesday, a day after talks on Thursday failed."
    near = text.index("shelled")
    assert resolve_date(text, published=PUBLISHED, near=near).value == date(2021, 2, 3)


def test_resolve_date_prefers_a_date_in_the_trigger_clause() -> None:
    text = "After talks on Monday, the army shelled the town on Wednesday."
    clause = text.index(", the army")
    resolved = resolve_date(
        text, published=PUBLISHED, near=text.index("shelled"), own=lambda at: int(at < clause)
    )
    assert resolved.value == date(2021, 2, 3)


def test_find_dates_ignores_impossible_days() -> None:
    assert find_dates("They met on February 31.", published=PUBLISHED) == ()


def test_find_dates_does_not_read_may_the_modal() -> None:
    assert find_dates("Talks may resume soon.", published=PUBLISHED) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month after publication's month is last year's
        ("During his visit in September, they met.", date(2020, 9, 30)),
        ("The ministers met in January.", date(2021, 1, 31)),
        ("They signed the accord in early March 2019.", date(2019, 3, 31)),
        ("Troops left by mid-December.", date(2020, 12, 31)),
    ],
)
def test_find_months_reads_a_month_alone_as_its_last_day(text: str, expected: date) -> None:
    assert [m.value for m in find_months(text, published=PUBLISHED)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met on January 30.",  # a day: find_dates reads it
        "Talks may resume soon, officials may say.",  # the modal
        "Attacks have risen since October.",  # a span that reaches the news
    ],
)
def test_find_months_leaves_days_modals_and_spans(text: str) -> None:
    assert find_months(text, published=PUBLISHED) == ()


def test_a_date_of_another_clause_is_kept_but_marked_borrowed() -> None:
    text = "The council passed sanctions, after the missile test of Nov. 29."
    published = date(2017, 12, 5)
    own = resolve_date(text, published=published, near=12, own=lambda at: 0)
    other = resolve_date(text, published=published, near=12, own=lambda at: 2)
    assert own.value == other.value == date(2017, 11, 29)
    assert (own.borrowed, other.borrowed) == (False, True)


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (("The Chilean minister said on Wednesday that talks would resume.",), date(2021, 2, 3)),
        (("LIMA (Wire) - Peru recalled its envoy Tuesday, officials said.",), date(2021, 2, 2)),
        (("Peru recalled its envoy yesterday.",), date(2021, 2, 4)),
        # a photo caption comes first: the lead is the next paragraph
        (
            ("In this Monday, Feb. 1 file photo, the minister waves.", "Peru said on Thursday."),
            date(2021, 2, 4),
        ),
        # a week names a span, often the background; a span's edge is no day of an act
        (("Rebels claimed last week's attack on the base.",), None),
        (("Fighting has raged since Monday in the north.",), None),
        # a day long before publication is the background, not the news
        (("The ministers met on January 2 and agreed on a plan.",), None),
        # the lead is looked for in the first two paragraphs only
        (("Talks go on.", "Delegates arrive.", "Peru said on Thursday."), None),
    ],
)
def test_lead_day_is_the_day_an_act_is_told_on_in_the_lead(
    paragraphs: tuple[str, ...], expected: date | None
) -> None:
    assert lead_day(paragraphs, published=PUBLISHED) == expected


def test_a_sentence_without_a_date_takes_the_lead_day() -> None:
    lead = date(2021, 2, 3)
    resolved = resolve_date("He also urged calm.", published=PUBLISHED, lead=lead)
    assert (resolved.value, resolved.method) == (lead, "lead")
    dated = resolve_date("He spoke again on Friday.", published=PUBLISHED, lead=lead)
    assert (dated.value, dated.method) == (PUBLISHED, "relative")
