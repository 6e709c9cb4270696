"""The date of an event: a date the sentence names, resolved against the publication date.

Forms read: "Feb. 4", "February 4, 2021", "4 February", "2021-02-04", weekdays ("on Tuesday":
the latest such day on or before publication), "yesterday", "today", "last week", "last month"
(a week or a month back; a rough date, but the nearest one the text gives). A month and day
without a year take the publication year, or the year before when that would put them after
publication. A sentence without a date gets the date its article's lead gives the news
(``lead_day``: "... said on Monday" in the first paragraph), else the publication date; no
publication date gives none.

A month named alone ("in September", "during June") is no date of an event, but it places an
act in time: ``find_months`` reads it for the background rule (``coding.background``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_DAY = re.compile(
    _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH
    + r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_WEEKDAY = re.compile(r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_RELATIVE = re.compile(
    r"\b(?P<word>yesterday|today|last\s+week|last\s+month|earlier\s+this\s+week)\b",
    re.IGNORECASE,
)
# A month named alone, after a preposition or a word of time that makes it the time of an act
# ("in September", "during June", "early March"). "since" is left out: "since October" reaches
# up to the news. Capitalised only: "may" is mostly the modal.
_MONTH_ALONE = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?|[Tt]hrough|[Uu]ntil|[Bb]y|[Ll]ast|[Oo]f)\s*"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b(?!\s+[0-3]?\d\b)(?:,?\s+(?P<year>(?:19|20)\d\d))?"
)
RELATIVE_DAYS = {
    "yesterday": 1,
    "today": 0,
    "last week": 7,
    "earlier this week": 2,
    "last month": 30,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention:
    """A date named in a sentence, resolved, with its place in the sentence."""

    value: date
    method: str  # explicit | relative
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ResolvedDate:
    value: date | None
    method: str  # explicit | relative | lead | publication | unknown
    # taken from another clause of the sentence than the act's own: the best guess the
    # sentence gives, but it may date another act ("passed sanctions last week, after the
    # test of Nov. 29"), so it does not keep two reports of one act apart
    borrowed: bool = False


def publication_day(published: datetime | date | None) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    return published


def find_dates(text: str, *, published: date | None) -> tuple[DateMention, ...]:
    """Every date form in ``text`` that can be resolved, in order of position."""
    found: list[DateMention] = []
    for pattern in (_MONTH_DAY, _DAY_MONTH, _ISO):
        for match in pattern.finditer(text):
            value = _calendar_date(match, published=published)
            if value is not None and not _overlaps(found, match.start(), match.end()):
                found.append(_mention(value, "explicit", match))
    if published is not None:
        for match in _WEEKDAY.finditer(text):
            back = (published.weekday() - WEEKDAYS.index(match["weekday"].lower())) % 7
            found.append(_mention(published - timedelta(days=back), "relative", match))
        for match in _RELATIVE.finditer(text):
            key = " ".join(match["word"].lower().split())
            found.append(
                _mention(published - timedelta(days=RELATIVE_DAYS[key]), "relative", match)
            )
    return tuple(sorted(found, key=lambda m: m.start))


# How far before publication the lead's date may lie and still be the day of the news.
LEAD_DAYS = 7
# Paragraphs the lead is looked for in: a photo caption may come first.
LEAD_PARAGRAPHS = 2
# A caption: "File - In this Monday, March 3 file photo", "[Photo/Agencies]".
_CAPTION = re.compile(r"\bphoto\b|\bcaption\b", re.IGNORECASE)
_DAY_WORDS = frozenset({"yesterday", "today"})


def lead_day(paragraphs: Sequence[str], *, published: date | None) -> date | None:
    """The day of the news, from the article's lead: the first day an act is told on ("said
    on Monday", "said Friday", "on Feb. 4", "yesterday") within ``LEAD_DAYS`` before
    publication, in the first ``LEAD_PARAGRAPHS`` paragraphs that are not photo captions.
    Wire copy dates the main happening once, in the lead, and tells the rest of the story
    without dates: the statements quoted below were made that day, not on the day of
    publication. A week or a month ("last week's attacks") names a span, often the
    background, not the day."""
    if published is None:
        return None
    for paragraph in paragraphs[:LEAD_PARAGRAPHS]:
        if _CAPTION.search(paragraph):
            continue
        for mention in find_dates(paragraph, published=published):
            if not _day_of_an_act(paragraph, mention):
                continue
            if timedelta(0) <= published - mention.value <= timedelta(days=LEAD_DAYS):
                return mention.value
    return None


# Words before a day that make it the edge of a span, not the day of an act.
_SPAN_WORDS = frozenset({"since", "until", "till", "by", "before", "after", "from", "through"})


def _day_of_an_act(paragraph: str, mention: DateMention) -> bool:
    """A day an act is told on: "on Monday", "on Feb. 4", "said Friday" (wire style),
    "yesterday"; not a span's edge ("since Monday") nor a week or month ("last week")."""
    told = paragraph[mention.start : mention.end].lower()
    before = paragraph[: mention.start].split()
    previous = before[-1].lower().strip(",") if before else ""
    if previous == "on" or told in _DAY_WORDS:
        return True
    return told in WEEKDAYS and previous not in _SPAN_WORDS


def find_months(text: str, *, published: date) -> tuple[DateMention, ...]:
    """Months named alone in ``text``, each as its last day: in the publication year, or the
    year before when the month comes after publication ("in September" in a March article)."""
    found: list[DateMention] = []
    for match in _MONTH_ALONE.finditer(text):
        month = MONTHS[match["month"][:3].lower()]
        year = int(match["year"]) if match["year"] else published.year
        if not match["year"] and month > published.month:
            year -= 1
        following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        found.append(_mention(following - timedelta(days=1), "month", match))
    return tuple(found)


# How far from the trigger (``own`` rank) a date still belongs to its act: its own clause.
_OWN_CLAUSE = 1


def resolve_date(
    text: str,
    *,
    published: date | None,
    near: int | None = None,
    own: Callable[[int], int] | None = None,
    lead: date | None = None,
) -> ResolvedDate:
    """The date of an event told in ``text``; ``near`` is the trigger's offset in ``text``;
    ``lead`` the day of the news its article's lead gives (``lead_day``), for a sentence
    that names no date.

    ``own`` ranks a character offset by how closely it belongs to the trigger's clause (lower
    is closer); closer dates win ("after talks on Monday, the army shelled the town on
    Wednesday": Wednesday for the shelling). Then the nearest to the trigger wins, an explicit
    date over a relative one at equal distance.
    """
    mentions = find_dates(text, published=published)
    if mentions:
        anchor = near if near is not None else 0
        best = min(
            mentions,
            key=lambda m: (
                own(m.start) if own is not None else 0,
                min(abs(m.start - anchor), abs(m.end - anchor)),
                m.method != "explicit",
            ),
        )
        borrowed = own is not None and own(best.start) > _OWN_CLAUSE
        return ResolvedDate(value=best.value, method=best.method, borrowed=borrowed)
    if lead is not None:
        return ResolvedDate(value=lead, method="lead")
    if published is not None:
        return ResolvedDate(value=published, method="publication")
    return ResolvedDate(value=None, method="unknown")


def _mention(value: date, method: str, match: re.Match[str]) -> DateMention:
    return DateMention(value=value, method=method, start=match.start(), end=match.end())


def _overlaps(found: list[DateMention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in found)


def _calendar_date(match: re.Match[str], *, published: date | None) -> date | None:
    month_text = match["month"].lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text[:3])
    day = int(match["day"])
    year_text = match["year"]
    if year_text:
        year = int(year_text)
    elif published is not None:
        year = published.year
    else:
        return None
    try:
        value = date(year, month or 0, day)
    except ValueError:
        return None
    if not year_text and published is not None and value > published:
        try:
            value = value.replace(year=year - 1)
        except ValueError:
            return None
    return value
