"""Background: events a sentence tells as history rather than as the article's news.

News reports what happened in its news cycle; the rest of a story is background: "the
dispute began in 1879", "in 2013 Bolivia filed a lawsuit", "she made news two years ago",
"the U.S. had boycotted the council before". Event data that codes background dates old
events to the day of the article and counts them again every time a story retells them.

A trigger tells background when its own clause (see ``coding.dates``: a word hanging on the
trigger, or elsewhere in its clause) holds

- a year before the article's year, or a date more than ``NEWS_CYCLE_DAYS`` before the
  article's date (a month named alone, or "last month", counts as its middle: "during his
  visit in September", told in December, or "a letter in June", told on July 25, is background; a
  span of the news cycle, "earlier this month", keeps an act news whatever older month
  another clause names);
- in an article without a date, a year told as the time of the act ("In 2013, X filed ...",
  "rejected the appeal in 2018"): news tells its acts by the day, a bare year places an act
  in a past the writer does not date more closely;
- a span of time long past ("two years ago", "last year", "earlier this year", "decades
  ago", "in the past", "since 2014", "previously");
- or when the trigger is in the past perfect ("had signed", "had been arrested"), the tense
  of what came before the news, or told with "once" ("Chile once accused Peru"), or as the
  time of another act ("months after police arrested the suspects"): readings of the verb and
  its clause, which ``coding.tense`` holds, with the past tense that lets a year or a month
  date an act and the clause describing a noun whose year dates only that noun;
- an act told in a past tense as the outcome of a long story ("was eventually indicted",
  "ultimately chose"), as what someone is remembered for ("famously sparred"), or at a time
  told before ("said at the time", "during his tenure", "during the transition"), with no
  date in its clause that keeps it in the news cycle ("eventually agreed on Sunday");
- a past act of a subject named by a role held at the time ("Then-Defence Minister Ana Lopes
  criticized ...");
- an act in a past tense dated only after another the sentence does not name ("The following
  day, the president asked him to drop the inquiry"): a step of a story told before, which
  news dates by the day ("was arrested on Monday and charged the next day" keeps its anchor).

Without a publication date, the reference is the latest year the article names (its most
recent event is the news the rest is set against).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from dyads.coding.dates import DateMention, find_dates, find_months
from dyads.coding.tense import before_past_perfect, in_other_modifier, tense_reason, told_in_past

# ARTICLES.md's news cycle: events older than about a month are background.
NEWS_CYCLE_DAYS = 31
_YEAR = re.compile(r"(?<![\d,.$£€-])\b(?P<year>(?:19|20)\d\d)\b(?![\d-]|,\d)")
# A year of the 16th to 19th century: after a preposition of time only, since a bare "1850" is
# more often a count ("1850 troops") than a year.
_OLD_YEAR = re.compile(
    r"\b(?:in|since|from|until|till|by|before|after|of|between|and)\s+"
    r"(?P<year>1[5-8]\d\d)\b(?![\d-]|,\d)",
    re.IGNORECASE,
)
# Spans of the news cycle that date no day ("earlier this month", "days ago"): an act they
# place is news, whatever older date another clause names.
_RECENT = re.compile(
    r"\b(?:(?:earlier\s+|later\s+)?this\s+(?:week|month)|(?:a\s+few|several|two|three|\d+)"
    r"\s+(?:days|weeks)\s+ago|recently)\b",
    re.IGNORECASE,
)
# Days from a month's last day to its middle.
HALF_MONTH = 15
# Spans that put an act in the past beyond the news cycle. "last month" and "weeks ago" stay
# news (within or at the edge of the cycle).
_PAST = re.compile(
    r"\b(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a|one)\s+"
    r"(?:years?|decades?|centur(?:y|ies))\s+ago"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+months\s+ago"
    r"|last\s+year|earlier\s+(?:this|in\s+the)\s+year|a\s+year\s+earlier|the\s+previous\s+year|in\s+the\s+past|decades?\s+ago"
    r"|since\s+(?:19|20)\d\d|in\s+the\s+(?:19|20)\d0s"
    r"|previously|formerly|that\s+year|the\s+same\s+year|the\s+following\s+year)\b",
    re.IGNORECASE,
)
# Adverbs that tell a past act as the end of a long story or as what a person is remembered
# for: the writer looks back over a career or a case, not at the news ("was eventually
# indicted", "ultimately chose", "famously sparred"). Not "later" or "then", which order the
# steps of the news itself ("police later confirmed").
# "at the time" (not "at the time of ...") and the span of a past role ("during his tenure",
# "during the transition") date an act by a time told before, looking back on it: "the
# ministry said at the time", "met the president during the transition".
_RETOLD = re.compile(
    r"\b(?:eventually|ultimately|famously|at\s+the\s+time\b(?!\s+of)"
    r"|during\s+(?:his|her|their|the)\s+(?:tenure|presidency|premiership|reign|career"
    r"|transition|time\s+in\s+office))\b",
    re.IGNORECASE,
)
# A time told as the one after a time named before ("the following day", "the next week"): in
# a sentence that names no day, it continues a story the writer is retelling.
_SEQUEL = re.compile(
    r"\bthe\s+(?:following|next)\s+(?:day|night|morning|evening|week|month|year)\b",
    re.IGNORECASE,
)
# A year after "in" ("in 2013", "In 2018,", "in the summer of 2021", "in early 2019"): the
# time of an act, not a count or a name.
_IN_YEAR = re.compile(
    r"\b[Ii]n\s+(?:(?:the\s+)?(?:spring|summer|autumn|fall|winter|beginning|start|middle|end"
    r"|first\s+half|second\s+half)\s+of\s+|(?:early|late|mid-?)\s*)?"
    r"(?P<year>(?:19|20)\d\d)\b(?![\d-]|,\d)"
)
# A clause rank (see ``dates.resolve_date``) up to which a time word belongs to the trigger.
OWN_CLAUSE = 1


def reference_year(text: str) -> int | None:
    """The latest year an undated article names: the time of its news."""
    years = [year for _, year in _years(text)]
    return max(years) if years else None


def _years(text: str) -> list[tuple[int, int]]:
    """The years ``text`` names, as (offset, year), in order."""
    found = [(m.start("year"), int(m["year"])) for m in _YEAR.finditer(text)]
    found += [(m.start("year"), int(m["year"])) for m in _OLD_YEAR.finditer(text)]
    return sorted(found)


def background_reason(
    text: str,
    *,
    trigger: object,
    published: date | None,
    reference: int | None,
    own: Callable[[int], int],
) -> str | None:
    """Why the trigger's clause tells background, or None when it may be news."""
    named = _years(text)
    days = find_dates(text, published=published)  # read once for every rule below
    in_clause = [year for start, year in named if own(start) <= OWN_CLAUSE]
    year_now: int | None = reference
    if published is not None:
        reason = _dated_before(
            text, days, published=published, own=own, months=told_in_past(trigger)
        )
        if reason is not None:
            return reason
        year_now = published.year
    elif told_in_past(trigger):
        for match in _IN_YEAR.finditer(text):
            if own(match.start("year")) <= OWN_CLAUSE:
                return f"undated article, set in {match['year']}"
    if year_now is not None:
        # the trigger's own years; without one, for an act told in a subordinate clause, the
        # sentence's ("The war began in 1932, when Bolivia attacked Paraguay"), all of which
        # must lie in the past; a main clause is not dated by a year of a clause under it
        # ("The UN welcomes the release of the fishermen seized in 2014")
        years = in_clause or [
            year for start, year in named if not in_other_modifier(trigger, start)
        ]
        if years and all(y < year_now and _year_is_past(y, published) for y in years):
            return f"set in {years[0]}"
    for match in _PAST.finditer(text):
        if own(match.start()) <= OWN_CLAUSE or _opens_main_clause(text, match.start(), trigger):
            return f"set in the past ({match.group(0)!r})"
    narrated = _narrated(text, days, trigger=trigger, published=published, own=own)
    return narrated or tense_reason(trigger)


def _opens_main_clause(text: str, start: int, trigger: object) -> bool:
    """A time phrase that opens the sentence ("Four months ago, Belgian Islamists ...
    killed") sets the time of its main verb, wherever the parse hangs it."""
    verb: Any = getattr(trigger, "verb", None)
    if verb is None or text[:start].strip(" \"“‘'(") != "":
        return False
    return bool(verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))


def _narrated(
    text: str,
    days: Sequence[DateMention],
    *,
    trigger: object,
    published: date | None,
    own: Callable[[int], int],
) -> str | None:
    """Background told by the way a story is narrated rather than by a date."""
    if told_in_past(trigger):
        reason = _retold(text, days, trigger=trigger, own=own)
        if reason is not None:
            return reason
    if before_past_perfect(trigger) and not _names_recent_day(days, published=published):
        return "the time of an act in the past perfect"
    if told_in_past(trigger) and _done_in_a_past_role(trigger):
        return "done in a role held then ('then-')"
    return None


def _done_in_a_past_role(trigger: object) -> bool:
    """A subject named by a role held at the time ("Then-Defence Minister Ana Lopes criticized
    ..."): the writer sets the act apart from the present, in which the role is another's."""
    verb: Any = getattr(trigger, "verb", None)
    if verb is None:
        return False
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
        words = list(subject.subtree)
        for word, following in pairwise(words):
            if word.lower_ == "then" and following.text == "-":
                return True
    return False


def _names_recent_day(days: Sequence[DateMention], *, published: date | None) -> bool:
    """Whether the sentence names a day of the news cycle ("last week", "on Monday")."""
    if published is None:
        return False
    cutoff = published - timedelta(days=NEWS_CYCLE_DAYS)
    return any(m.value >= cutoff for m in days)


def _retold(
    text: str, days: Sequence[DateMention], *, trigger: object, own: Callable[[int], int]
) -> str | None:
    """A past act told as a story's outcome, or as a step after a time the sentence does not
    name (``days``: the dates the sentence names); a day named in the clause (or, for a step,
    in the sentence) keeps it news."""
    if any(own(m.start) <= OWN_CLAUSE for m in days):
        return None
    for match in _RETOLD.finditer(text):
        if own(match.start()) <= OWN_CLAUSE:
            return f"told looking back ({match.group(0)!r})"
    if days:
        return None
    for match in _SEQUEL.finditer(text):
        if own(match.start()) <= OWN_CLAUSE or _fronted(trigger, match.start()):
            return f"a step of a story retold ({match.group(0)!r})"
    return None


def _fronted(trigger: object, offset: int) -> bool:
    """Whether the word at ``offset`` opens the clause of the verb the trigger's verb is
    coordinated with, before that verb: a time put first covers every verb of the clause
    ("The next day, he cleared the room and asked ..."), one put last only its own."""
    verb: Any = getattr(trigger, "verb", None)
    if verb is None or verb.dep_ != "conj":
        return False
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    opening = first.doc[first.left_edge.i : first.i]
    return any(t.idx <= offset < t.idx + len(t.text) for t in opening)


def _dated_before(
    text: str,
    days: Sequence[DateMention],
    *,
    published: date,
    own: Callable[[int], int],
    months: bool,
) -> str | None:
    """A date before the news cycle in the trigger's clause; or, when the trigger's clause
    has none, in the sentence, every date of which is that old ("After speaking to the
    queen, she resigned on Nov. 28, 1990"). Months named alone count for a past act only:
    "plans to visit Seoul in November", told in September, is a plan for the coming
    November, not last year's."""
    cutoff = published - timedelta(days=NEWS_CYCLE_DAYS)
    found = list(days)
    if months:
        found += find_months(text, published=published)
    found += [
        DateMention(value=published, method="recent", start=m.start(), end=m.end())
        for m in _RECENT.finditer(text)
    ]
    mentions = sorted(found, key=lambda m: m.start)
    own_dates = [m for m in mentions if own(m.start) <= OWN_CLAUSE]
    for mention in own_dates or mentions:
        # a month named alone is as likely any of its days: its middle stands for it
        middle = mention.value - timedelta(days=HALF_MONTH) if mention.method == "month" else None
        if _last_month(text, mention):
            middle = (published.replace(day=1) - timedelta(days=1)).replace(day=HALF_MONTH)
        if (middle or mention.value) >= cutoff:
            return None
    old = own_dates or mentions
    if old:
        return f"dated {old[0].value.isoformat()}, before the news cycle"
    return None


def _last_month(text: str, mention: DateMention) -> bool:
    """ "last month": the month before the article's, which its middle stands for, as for a
    month named alone."""
    return " ".join(text[mention.start : mention.end].lower().split()) == "last month"


def _year_is_past(year: int, published: date | None) -> bool:
    """A bare year before the article's, and more than a news cycle before its date."""
    if published is None:
        return True
    return (published - date(year, 12, 31)).days > NEWS_CYCLE_DAYS
