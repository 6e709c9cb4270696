"""Publication timestamps as pages print them.

``parse_timestamp`` reads the absolute forms news pages use ("February 05 2021 08:55:51",
"Published 5 Feb 2021, 8:55 AM ET", "2021-02-05T08:55:51+03:00", "Feb. 4, 2021") and returns
an aware ``datetime`` when the page names a zone, a naive one when it gives a time without a
zone, and a ``date`` when it gives no time. Relative forms ("5 hours ago") give ``None``: they
mean nothing without the moment the page was fetched.

Zone abbreviations become fixed offsets (``ZONES``). "ET", "CT", "MT" and "PT" (US time, either
standard or daylight) take the offset in force on that date under the US rule since 2007
(daylight from the second Sunday of March to the first Sunday of November). "IST" is read as
India Standard Time, the common reading in English-language news.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache

__all__ = ["ZONES", "is_timestamp_line", "parse_timestamp"]

# Offsets in hours east of UTC.
ZONES: dict[str, float] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "WET": 0,
    "BST": 1,
    "IST": 5.5,
    "CET": 1,
    "CEST": 2,
    "WAT": 1,
    "EET": 2,
    "EEST": 3,
    "SAST": 2,
    "CAT": 2,
    "EAT": 3,
    "MSK": 3,
    "TRT": 3,
    "AST": 3,  # Arabia Standard Time, the reading in Gulf and Middle East outlets
    "GST": 4,
    "PKT": 5,
    "WIB": 7,
    "ICT": 7,
    "SGT": 8,
    "HKT": 8,
    "PHT": 8,
    "AWST": 8,
    "JST": 9,
    "KST": 9,
    "ACST": 9.5,
    "AEST": 10,
    "AEDT": 11,
    "NZST": 12,
    "NZDT": 13,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
}
# US zones named without standard/daylight: (standard offset) + 1 hour in US daylight time.
_US_ZONES: dict[str, int] = {"ET": -5, "CT": -6, "MT": -7, "PT": -8}

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_ZONE_NAMES = "|".join(sorted([*ZONES, *_US_ZONES], key=len, reverse=True))


def _time(lead: str) -> str:
    """An optional time after a date: "08:55:51", "8:55 AM ET", "10.31 GMT", "T08:55+03:00"."""
    return (
        rf"(?:{lead}(?P<hour>\d{{1,2}})[:.h](?P<minute>\d\d)"
        r"(?:[:.](?P<second>\d\d)(?:\.\d+)?)?"
        r"\s*(?P<ampm>[ap]\.?m\.?)?"
        rf"(?:\s*\(?(?P<zone>{_ZONE_NAMES})\b\)?|\s*(?P<offset>Z|[+-]\d\d:?\d\d)"
        r"|\s*(?:UTC|GMT)\s*(?P<gmtoffset>[+-]\d{1,2}(?::?\d\d)?))?)?"
    )


# between a printed date and its time: ", 8:55", " at 8:55", " - 8:55", " | 8:55"
_AFTER_DATE = _time(r"(?:,|\s)\s*(?:at\s+|-\s+|\|\s+|/\s+)?")
_AFTER_ISO_DATE = _time(r"(?:T|\s+|,\s*)")
# Each form; whether it names the month in words (its matches in an ASCII line then hold a
# month's first three letters); and the characters one of which its other matches hold.
_FORMS = tuple(
    (re.compile(pattern, re.IGNORECASE), named, needs)
    for pattern, named, needs in (
        # 2021-02-05T08:55:51+03:00, 2017-09-15 17:52, 2021/02/05
        (rf"\b{_YEAR}[-/](?P<nmonth>\d\d)[-/](?P<day>\d\d){_AFTER_ISO_DATE}", False, "-/"),
        # February 05 2021 08:55:51, Feb. 4, 2021, March 3rd, 2021 at 5:30 p.m. ET
        (rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}{_AFTER_DATE}", True, ""),
        # 5 Feb 2021, 8:55 AM ET; Friday 5 February 2021 10.31 GMT; 5th of May 2020
        (rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}{_AFTER_DATE}", True, ""),
        # 05.02.2021 14:30 (day first, as European pages print it)
        (rf"\b{_DAY}\.(?P<nmonth>\d{{1,2}})\.{_YEAR}{_AFTER_DATE}", False, "."),
    )
)
_MONTH_STARTS = tuple(dict.fromkeys(name[:3] for name in _MONTHS))
_DECORATION = re.compile(
    r"(?:published|updated|last\s+updated|posted|modified|first\s+published|date|on|at|"
    r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"[•|·:,/\-–—()\s]|\.)*",
    re.IGNORECASE,
)


def _us_daylight(day: date) -> bool:
    """US daylight saving time: second Sunday of March to first Sunday of November."""
    march_first = date(day.year, 3, 1)
    start = march_first + timedelta(days=(6 - march_first.weekday()) % 7 + 7)
    november_first = date(day.year, 11, 1)
    end = november_first + timedelta(days=(6 - november_first.weekday()) % 7)
    return start <= day < end


def _offset(text: str) -> timezone:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours = int(digits[:-2] if len(digits) > 2 else digits)
    minutes = int(digits[-2:]) if len(digits) > 2 else 0
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _zone(match: re.Match[str], day: date) -> timezone | None:
    name = (match.group("zone") or "").upper()
    if name in _US_ZONES:
        hours = _US_ZONES[name] + (1 if _us_daylight(day) else 0)
        return timezone(timedelta(hours=hours))
    if name:
        return UTC if ZONES[name] == 0 else timezone(timedelta(hours=ZONES[name]))
    offset = match.group("offset")
    if offset:
        return UTC if offset.upper() == "Z" else _offset(offset)
    gmt = match.group("gmtoffset")
    if gmt:
        return _offset(gmt if ":" in gmt or len(gmt) > 3 else f"{gmt}:00")
    return None


def _hour(match: re.Match[str]) -> int:
    hour = int(match.group("hour"))
    ampm = (match.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        return hour + 12
    if ampm == "am" and hour == 12:
        return 0
    return hour


def _build(match: re.Match[str]) -> datetime | date | None:
    groups = match.groupdict()
    month = int(groups["nmonth"]) if groups.get("nmonth") else _MONTHS[groups["month"].lower()]
    try:
        day = date(int(groups["year"]), month, int(groups["day"]))
        if groups["hour"] is None:
            return day
        moment = datetime(
            day.year, day.month, day.day, _hour(match), int(groups["minute"]),
            int(groups["second"] or 0),
        )  # fmt: skip
    except ValueError:
        return None  # "February 30", "25:70": not a timestamp
    zone = _zone(match, day)
    return moment.replace(tzinfo=zone) if zone is not None else moment


# A page's cleaner asks about the same few lines several times (the body's date walls, the
# head's title candidates, its timestamp line and then that line's parse): the last few
# dozen answers are kept, enough for one page and too few to grow.
@lru_cache(maxsize=64)
def _first_match(text: str) -> re.Match[str] | None:
    # every form prints the year in full (19xx or 20xx)
    if "19" not in text and "20" not in text:
        return None  # most lines of a page: no date can be in them
    # case-insensitive matching reads a few non-ASCII letters as ASCII ones ("ſ" as "s"):
    # only an ASCII line is known to name no month when it holds no month's first letters
    month = not text.isascii() or any(map(text.lower().__contains__, _MONTH_STARTS))
    found = [
        match
        for form, named, needs in _FORMS
        if (month if named else any(map(text.__contains__, needs))) and (match := form.search(text))
    ]
    return min(found, key=lambda match: match.start()) if found else None


def parse_timestamp(text: str) -> datetime | date | None:
    """The first absolute date or date-time in ``text``, with its zone when printed."""
    match = _first_match(text)
    return _build(match) if match is not None else None


def is_timestamp_line(line: str) -> bool:
    """Whether ``line`` holds a timestamp and nothing else but decorations.

    Decorations are labels ("Published", "Updated:"), weekday names, bullets and bars:
    "  • February 05 2021 08:55:51" and "Updated: 2017-09-15 17:52 | 3 min read"... the latter is
    not only a timestamp, so only the former passes.
    """
    match = _first_match(line)
    if match is None or _build(match) is None:
        return False
    before, after = line[: match.start()], line[match.end() :]
    return _DECORATION.fullmatch(before) is not None and _DECORATION.fullmatch(after) is not None
