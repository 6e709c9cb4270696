"""Datelines, timestamps, bylines and sites: the metadata every cleaner shares."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from dyads.clean.meta import (
    clean_author,
    dateline_line,
    is_timestamp_line,
    parse_byline,
    parse_timestamp,
    site_of,
    split_dateline,
)


@pytest.mark.parametrize(
    ("paragraph", "dateline", "country", "rest"),
    [
        ("ANKARA, Feb 4 (Reuters) - Turkey said it would.", "ANKARA, Feb 4 (Reuters)", "TUR",
         "Turkey said it would."),
        ("WASHINGTON (AP) — The Senate voted.", "WASHINGTON (AP)", "USA", "The Senate voted."),
        ("BEIJING -- China on Friday said.", "BEIJING", "CHN", "China on Friday said."),
        ("NUR SULTAN: Kazakhstan said.", "NUR SULTAN", "KAZ", "Kazakhstan said."),
        ("LONDON, March 3 (Xinhua) -- Britain said.", "LONDON, March 3 (Xinhua)", "GBR",
         "Britain said."),
        ("UNITED NATIONS, Jan 5 (AFP) - The council met.", "UNITED NATIONS, Jan 5 (AFP)", None,
         "The council met."),
        ("Nairobi, Kenya (CNN) — Kenya's president spoke.", "Nairobi, Kenya (CNN)", "KEN",
         "Kenya's president spoke."),
        ("(Reuters) - Turkey said.", "(Reuters)", None, "Turkey said."),
        ("WASHINGTON, D.C. — Lawmakers said.", "WASHINGTON, D.C.", "USA", "Lawmakers said."),
        ("SAN FRANCISCO, Calif., Jan 3 (Reuters) - A company said.",
         "SAN FRANCISCO, Calif., Jan 3 (Reuters)", "USA", "A company said."),
        ("KABUL, Afghanistan — Fighters advanced.", "KABUL, Afghanistan", "AFG",
         "Fighters advanced."),
        ("SÃO PAULO (Reuters) - Brazil said.", "SÃO PAULO (Reuters)", "BRA", "Brazil said."),
        ("ISTANBUL — \"We will not stop,\" he said.", "ISTANBUL", "TUR",
         "\"We will not stop,\" he said."),
        ("GENEVA, 4 February (Reuters) - Talks resumed.", "GENEVA, 4 February (Reuters)", "CHE",
         "Talks resumed."),
        ("MOSCOW, Feb. 4, 2021 (TASS) -- Russia said.", "MOSCOW, Feb. 4, 2021 (TASS)", "RUS",
         "Russia said."),
        ("KYIV (AP)—Ukraine said.", "KYIV (AP)", "UKR", "Ukraine said."),
        # a state abbreviation or a province narrows the town to its country
        ("MELBOURNE, Fla. - A rocket rose.", "MELBOURNE, Fla.", "USA", "A rocket rose."),
        ("LONDON, Ontario - The council met.", "LONDON, Ontario", "CAN", "The council met."),
        ("CAPE CANAVERAL, Fla. - A rocket rose.", "CAPE CANAVERAL, Fla.", "USA",
         "A rocket rose."),
        # title case, for a town or province the gazetteer knows by that name
        ("Srinagar- Two bodies were found.", "Srinagar", "IND", "Two bodies were found."),
        ("Islamabad: The court ruled.", "Islamabad", "PAK", "The court ruled."),
    ],
)  # fmt: skip
def test_split_dateline_finds_datelines(
    paragraph: str, dateline: str, country: str | None, rest: str
) -> None:
    found, remainder = split_dateline(paragraph)
    assert found is not None
    assert found.text == dateline
    assert (found.place.country if found.place else None) == country
    assert remainder == rest


@pytest.mark.parametrize(
    "paragraph",
    [
        "The U.S. -- and its allies -- said so.",
        "In 2019, the army said - something.",
        "U.S. -- and its allies agreed.",
        "BREAKING - The army said.",
        "Note: This story was updated.",
        "Mr. Smith - who led the talks - said.",
        "Turkey and Kazakhstan on Feb. 4 discussed cooperation.",
        "EXCLUSIVE: The minister resigned.",
        "Here is the plan: first, talks.",
        'He said: "We are ready."',
        "One thing is clear — the deal is off.",
        "NATO allies — including Turkey — met.",
        "Turkey - The country voted.",  # a country in title case is a sentence's subject
        "Kenya: The vote was held.",
        "Wonderland - The show opened.",  # a title-case word that is no known town
        "",
    ],
)
def test_split_dateline_leaves_sentence_starts(paragraph: str) -> None:
    assert split_dateline(paragraph) == (None, paragraph)


def test_split_dateline_resolves_alternate_name() -> None:
    found, _ = split_dateline("NUR SULTAN, Feb 4 (AA) - Officials met.")
    assert found is not None and found.place is not None
    assert (found.place.name, found.place.country) == ("Astana", "KAZ")


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("NUR SULTAN", "Astana"),
        ("  ANKARA  ", "Ankara"),
        ("ANKARA (AA)", "Ankara"),
        ("WASHINGTON -", "Washington"),
        ("PARIS", "Paris"),
        ("(Reuters)", None),
    ],
)
def test_dateline_line_accepts_dateline_lines(line: str, place: str | None) -> None:
    found = dateline_line(line)
    assert found is not None
    assert (found.place.name if found.place else None) == place


@pytest.mark.parametrize(
    "line",
    ["WORLD", "TURKEY", "MOST POPULAR", "SPORTS", "ECONOMY", "Istanbul", "Recommended", "",
     "BREAKING", "Turkey, Kazakhstan to boost defense industry cooperation"],
)  # fmt: skip
def test_dateline_line_rejects_headings(line: str) -> None:
    assert dateline_line(line) is None


EASTERN_STANDARD = timezone(timedelta(hours=-5))
EASTERN_DAYLIGHT = timezone(timedelta(hours=-4))
CENTRAL_EUROPE = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February 05 2021 08:55:51", datetime(2021, 2, 5, 8, 55, 51)),
        ("Published 5 Feb 2021, 8:55 AM ET", datetime(2021, 2, 5, 8, 55, tzinfo=EASTERN_STANDARD)),
        ("Updated: 2017-09-15 17:52", datetime(2017, 9, 15, 17, 52)),
        ("2021-02-05T08:55:51+03:00",
         datetime(2021, 2, 5, 8, 55, 51, tzinfo=timezone(timedelta(hours=3)))),
        ("Feb. 4, 2021", date(2021, 2, 4)),
        ("Friday 5 February 2021 10.31 GMT", datetime(2021, 2, 5, 10, 31, tzinfo=UTC)),
        ("5 hours ago", None),
        ("Yesterday", None),
        ("Mon, 15 Feb 2021 10:00:00 +0000", datetime(2021, 2, 15, 10, 0, tzinfo=UTC)),
        ("05.02.2021 14:30", datetime(2021, 2, 5, 14, 30)),
        ("March 3rd, 2021 at 5:30 p.m. ET", datetime(2021, 3, 3, 17, 30, tzinfo=EASTERN_STANDARD)),
        ("July 4, 2020 12:15 PM ET", datetime(2020, 7, 4, 12, 15, tzinfo=EASTERN_DAYLIGHT)),
        ("2021-07-01T10:00:00Z", datetime(2021, 7, 1, 10, 0, tzinfo=UTC)),
        ("Jan 5, 2021 12:00 AM EST", datetime(2021, 1, 5, 0, 0, tzinfo=EASTERN_STANDARD)),
        ("1 June 2019 09:00 BST", datetime(2019, 6, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))),
        ("12 March 2020 18:00 CET", datetime(2020, 3, 12, 18, 0, tzinfo=CENTRAL_EUROPE)),
        ("2020-03-12 18:00 UTC", datetime(2020, 3, 12, 18, 0, tzinfo=UTC)),
        ("Posted on September 15, 2017", date(2017, 9, 15)),
        ("2021-02-30", None),
        ("Room 2021 opens at 10:30", None),
    ],
)  # fmt: skip
def test_parse_timestamp_reads_forms(text: str, expected: datetime | date | None) -> None:
    parsed = parse_timestamp(text)
    assert parsed == expected
    if isinstance(expected, datetime):
        assert isinstance(parsed, datetime)
        assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("  • February 05 2021 08:55:51", True),
        ("Published 5 Feb 2021, 8:55 AM ET", True),
        ("Updated: 2017-09-15 17:52", True),
        ("| Friday 5 February 2021 10.31 GMT |", True),
        ("5 hours ago", False),
        ("Updated: 2017-09-15 17:52 | 3 min read", False),
        ("Turkey and Kazakhstan on Feb. 4, 2021 discussed cooperation.", False),
    ],
)
def test_is_timestamp_line_only_timestamps(line: str, expected: bool) -> None:
    assert is_timestamp_line(line) is expected


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Smith", "Jane Smith"),
        ("By JANE SMITH and John Doe, Reuters", "Jane Smith, John Doe"),
        ("Jane Smith | Reporter", "Jane Smith"),
        ("by Jane Smith, Staff Writer", "Jane Smith"),
        ("Written by Ahmet Yilmaz", "Ahmet Yilmaz"),
        ("By: Maria de la Cruz", "Maria de la Cruz"),
        ("By Jane Smith, John Doe and Ali Kaya", "Jane Smith, John Doe, Ali Kaya"),
        ("By the way, this is not a byline", None),
        ("By Reuters", None),
        ("Home | News", None),
        ("Turkey and Kazakhstan discussed cooperation.", None),
    ],
)
def test_parse_byline_names(line: str, names: str | None) -> None:
    assert parse_byline(line) == names


SITES = ("Daily Courier", "dailycourier.example")


@pytest.mark.parametrize(
    ("author", "names"),
    [
        ("Jane Smith", "Jane Smith"),
        ("Von Jana Schmidt", "Jana Schmidt"),
        ("Par Jeanne Martin", "Jeanne Martin"),
        ("Por: Juana Pérez", "Juana Pérez"),
        ("View all posts by Jane Smith", "Jane Smith"),
        ("Zeige alle Beiträge von Jana Schmidt", "Jana Schmidt"),
        ("Autor: Jan Nowak", "Jan Nowak"),
        ("责任编辑：王明", "王明"),
        # the site beside a person is dropped, in either order and spelt as its host
        ("Daily Courier, Jane Smith", "Jane Smith"),
        ("Jane Smith, Dailycourier Example", "Jane Smith"),
        # alone, the site (a blog, an association) is its own author
        ("Daily Courier", "Daily Courier"),
        ("Jane Smith, John Doe, Jane Smith", "Jane Smith, John Doe"),
        ("Jane Smith; Von John Doe", "Jane Smith, John Doe"),
        # form labels and comment heads name nobody
        ("Name", None),
        ("Admin, Jane Smith", "Jane Smith"),
        ("Reader99 says", None),
        ("Edward Said", "Edward Said"),
        ("By", None),
        ("Von:, Jana Schmidt", "Jana Schmidt"),
        ("", None),
        (None, None),
    ],
)
def test_clean_author_keeps_the_names(author: str | None, names: str | None) -> None:
    assert clean_author(author, sites=SITES) == names


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.reuters.com/world/x", "reuters.com"),
        ("http://news.example.org/a?b=c", "news.example.org"),
        ("bbc.co.uk/news", "bbc.co.uk"),
        ("HTTPS://WWW.Example.COM/", "example.com"),
        (None, None),
        ("", None),
    ],
)
def test_site_of_host_without_www(url: str | None, site: str | None) -> None:
    assert site_of(url) == site
