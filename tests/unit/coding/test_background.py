"""Only what an article reports as news: background, parties of no known country, play.

Invented sentences; the article is dated 2021-02-05 unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dyads.actors.home import home_country
from dyads.actors.tables import ActorTables
from dyads.coding.background import reference_year
from dyads.records import Event
from tests.conftest import make_article

pytestmark = pytest.mark.slow


def _events(code_stage: Any, *paragraphs: str, **fields: Any) -> tuple[Event, ...]:
    events: tuple[Event, ...] = code_stage.process(make_article(paragraphs, **fields)).events
    return events


@pytest.mark.parametrize(
    "text",
    [
        # a year before the article's
        "In 2009, Peru signed a border treaty with Ecuador.",
        "The war began in 1932, when Bolivia attacked Paraguay.",
        "The feud began in 1864, when Paraguay invaded Brazil.",
        # a date well before the news cycle, in the trigger's clause or alone in the sentence
        "Chile expelled two Peruvian diplomats on March 3, 2019.",
        "After talks with Japan, Korea signed the accord on June 2, 2020.",
        # a span long past
        "Two years ago, Ghana accused Togo of smuggling cocoa.",
        # a span that opens the sentence dates its main verb, however the parse hangs it
        "Four months ago, Belgian Islamists linked to the Paris attackers killed 32 people "
        "at the Brussels airport.",
        "Senegal recalled its ambassador from Gambia last year.",
        "Canada previously boycotted the summit over human rights.",
        # the past perfect outside reported speech
        "Niger had expelled the French ambassador before the talks began.",
        # a month named alone, well before the article's date (2021-02-05)
        "During his visit to Paris in November, the Indian minister met President Macron.",
        "The Chilean president criticized Peru earlier this year over the fishing dispute.",
        # "once" as an adverb of a past act
        "Chile once accused Peru of stealing its fish.",
        # an infinitive takes the time of the verb it completes
        "In 2019, the Cuban government strove to deny reports from the United States.",
        # an act told as the start of a span, or months before another act
        "It was the first meeting the two parties have held since Sudanese troops shelled the "
        "camp.",
        "Months after Kenyan police arrested the smugglers, the case remains open.",
        # a relative "in which" clause takes the time of the setting it tells of
        "Ukraine's president gave an interview that year in which he criticised Russia.",
        # a tally over a span that starts with a past happening
        "More than 2,000 people have been killed by Myanmar security forces since the coup.",
        # a past act told as a story's outcome or as what someone is remembered for
        "The Kenyan minister was eventually charged by prosecutors with fraud.",
        "Peru ultimately recalled its ambassador from Chile.",
        "He famously clashed with Brazil's president at a summit, at which Lula accused "
        "Venezuela of meddling.",
        # a step dated only after a time the sentence does not name, first of its clause
        "The next day, the Kenyan president cleared the room and urged the minister to resign.",
        # a subject named by a role held at the time
        "Then-Kenyan President Mwai Kibaki accused Uganda of arming the rebels.",
        # a time told before: "at the time", the span of a past role
        "The Iranian foreign ministry condemned the strike at the time.",
        "The Brazilian senator met the Argentine president during the transition.",
        # an act that times a verb in the past perfect comes before a time already past
        "The scandal had broken when Kenyan police arrested the governor.",
        "The case had come to light after Ugandan soldiers tried to attack the camp.",
    ],
)
def test_background_makes_no_event(code_stage: Any, text: str) -> None:
    assert _events(code_stage, text) == ()


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # reported speech shifts the news into the past perfect
        ("Norway said on Tuesday that it had expelled two Russian diplomats.", "SANCTION"),
        ("Russia, Norway said, had sent troops across the border.", "MOBILIZE"),
        # a date inside the news cycle
        ("Chile expelled two Peruvian diplomats on Feb. 2.", "SANCTION"),
        # a number of the 19th century's range is a count, not a year, without "in"
        ("Russia deployed 1850 troops to the Ukrainian border.", "MOBILIZE"),
        # a month alone inside the news cycle, and one that reaches up to the news
        ("Chile expelled two Peruvian diplomats in January.", "SANCTION"),
        ("Chile has expelled Peruvian diplomats since November.", "SANCTION"),
        ("Kenyan police have arrested 40 protesters since Monday.", "COERCE"),
        # the act of the main clause after "months after": the news
        ("Months after the crash, Kenyan police arrested the pilot on Tuesday.", "COERCE"),
        # "once" as a conjunction or in "once again"
        ("Once the talks ended, Chile accused Peru of stealing its fish.", "ACCUSE"),
        ("Chile accused Peru once again of stealing its fish.", "ACCUSE"),
        # a year in a clause that describes a noun dates the noun, not the act
        ("The UN welcomed the release of Peruvian fishermen who were seized in 2014.", "SUPPORT"),
        # a month after the article's month, for a plan, is the coming one
        ("The Peruvian president plans to visit Chile in March.", "AGREE"),
        # an adverb of outcome with a day of the news in the clause
        ("Chile eventually expelled two Peruvian diplomats on Tuesday.", "SANCTION"),
        # the step after a day the sentence names
        ("Kenyan police arrested the activist on Monday and charged him the next day.", "ACCUSE"),
        # "at the time of" names the time of a happening, which may be news
        ("Kenyan police arrested the driver at the time of the crash.", "COERCE"),
        # a day of the news cycle in the sentence keeps the act that times a past perfect
        ("The governor had left on Monday when Kenyan police arrested his aide.", "COERCE"),
    ],
)
def test_background_keeps_the_news(code_stage: Any, text: str, event: str) -> None:
    assert event in [e.event for e in _events(code_stage, text)]


def test_background_future_year_is_no_history(code_stage: Any) -> None:
    # a year named as a deadline, not as the time of the act
    assert _events(code_stage, "Kenya and Uganda signed an accord to end the dispute by 2030.")


def test_background_undated_article_measures_years_against_its_latest(code_stage: Any) -> None:
    history = "In 2013, Bolivia filed a lawsuit against Chile at the court."
    news = "In 2018, the court ruled against Bolivia."
    events = _events(code_stage, news, history, published=None)
    assert all("2013" not in e.evidence[0].sentence for e in events)
    assert reference_year(f"{history}\n{news}") == 2018


def test_background_month_of_another_clause_leaves_a_standing_state(code_stage: Any) -> None:
    # the month dates the resolution's adoption, not the ban it puts in force
    text = "Such transfers are prohibited by a UN resolution that was adopted in September."
    assert "COERCE" in [e.event for e in _events(code_stage, text, published=date(2021, 1, 3))]


def test_background_undated_article_year_of_a_past_act_is_history(code_stage: Any) -> None:
    # without a date, a bare year told as the time of a past act places it in the past,
    # even the latest year the article names
    events = _events(code_stage, "In 2018, Bolivia filed a lawsuit against Chile.", published=None)
    assert events == ()
    for time in ("In the summer of 2018", "In early 2018"):
        text = f"{time}, Bolivia filed a lawsuit against Chile."
        assert _events(code_stage, text, published=None) == ()
    # an infinitive done at the time of the verb it completes takes that verb's tense
    text = "In 2018, Kenyan police tried to arrest the Ugandan activist."
    assert _events(code_stage, text, published=None) == ()


def test_background_undated_article_year_of_a_plan_stays(code_stage: Any) -> None:
    events = _events(code_stage, "Kenya will host talks with Uganda in 2030.", published=None)
    assert [e.event for e in events] == ["AGREE"]


def test_no_party_of_a_known_country_makes_no_event(code_stage: Any) -> None:
    assert _events(code_stage, "Analysts accused the company of hiding its losses.") == ()


@pytest.mark.parametrize(
    "text",
    [
        "Kenya will battle Ghana in their final match of the tournament on Sunday.",
        "The striker attacked the Brazil defence before he scored two goals.",
    ],
)
def test_sport_is_no_conflict(code_stage: Any, text: str) -> None:
    assert not [e for e in _events(code_stage, text) if e.event in {"ASSAULT", "THREATEN"}]


def test_home_country_from_dateline_or_dominant_name() -> None:
    tables = ActorTables.load()
    text = "Bangladesh votes. In Dhaka, parties met. Bangladesh police arrested two men."
    assert home_country(text, tables=tables) == "BGD"
    assert home_country("Peru and Chile met.", tables=tables) is None  # no dominant country
    assert home_country("Peru and Chile met.", tables=tables, dateline="CHL") == "CHL"


def test_outlet_country_from_the_web_address() -> None:
    from dyads.actors.home import outlet_country

    assert outlet_country("https://www.example.co.nz/news/1") == "NZL"
    assert outlet_country("http://paper.example.co.uk/a") == "GBR"  # .uk, not ISO's GB
    assert outlet_country("example.com.na") == "NAM"  # a bare host
    assert outlet_country("https://example.com/world") is None  # a generic domain
    assert outlet_country("https://example.tv/") is None  # a country code sold as generic
    assert outlet_country(None) is None


def test_home_country_from_the_outlet_when_the_article_names_its_country_most() -> None:
    tables = ActorTables.load()
    local = "Parliament passed the bill. New Zealand's opposition called it rushed."
    assert home_country(local, tables=tables, url="https://news.example.co.nz/a") == "NZL"
    assert home_country(local, tables=tables) is None  # named once: no dominant country
    # an American story on a British site: Britain named no more often than America
    story = "The zoo in Ohio shot the gorilla. American viewers were angry. Britain reacted."
    assert home_country(story, tables=tables, url="https://x.co.uk/") is None
    assert home_country(story + " Britain, too.", tables=tables, url="https://x.co.uk/") == "GBR"
    # a country named only by its demonym is not enough
    assert home_country("A British designer spoke.", tables=tables, url="https://x.co.uk/") is None


def test_home_country_places_unlisted_people_and_bodies(code_stage: Any) -> None:
    paragraphs = (
        "Bangladesh prepares for the vote.",
        "The election in Bangladesh is due in January.",
        "Rahim Uddin accused the ruling party of rigging the vote.",
    )
    events = _events(code_stage, *paragraphs, published=date(2022, 7, 20))
    accuse = [e for e in events if e.event == "ACCUSE"]
    assert accuse and accuse[0].actors[0].country == "BGD"


def test_prefilter_lets_acronyms_and_unlisted_names_through() -> None:
    tables = ActorTables.load()
    assert tables.might_name_actor("Later the PPP rejected the offer.")
    assert tables.might_name_actor("On Friday, Arturo Valencia threatened the reporters.")
    assert not tables.might_name_actor("Prices rose sharply in the spring.")


def test_background_month_alone_stands_for_its_middle(code_stage: Any) -> None:
    # told on July 25, a letter "in June" is as likely from early June as from late June
    text = "The Cambodian prime minister appealed in a letter in June to Myanmar to spare them."
    assert _events(code_stage, text, published=date(2022, 7, 25)) == ()


def test_background_last_month_stands_for_its_middle(code_stage: Any) -> None:
    text = "Last month, the Chilean government signed a fishing accord with Japan."
    assert _events(code_stage, text, published=date(2022, 7, 25)) == ()
    assert _events(code_stage, text, published=date(2022, 7, 4))


def test_background_span_of_the_news_cycle_keeps_the_act(code_stage: Any) -> None:
    # "earlier this month" places the sanctions; the month of the launches dates only those
    text = "Earlier this month, the UN imposed new sanctions on Iran over missile tests in May."
    events = _events(code_stage, text, published=date(2021, 7, 10))
    assert "SANCTION" in [e.event for e in events]


def test_an_undated_sentence_takes_the_day_of_the_news_from_the_lead(code_stage: Any) -> None:
    paragraphs = (
        "The Chilean foreign minister said on Monday that Chile would reopen the border.",
        "He also urged Peru to release the detained fishermen.",
    )
    events = _events(code_stage, *paragraphs, published=date(2022, 7, 20))  # a Wednesday
    (request,) = [e for e in events if e.event == "REQUEST"]
    assert (request.date, request.date_method) == (date(2022, 7, 18), "lead")


def test_home_country_from_the_outlet_and_its_own_towns() -> None:
    """A national paper's local story that names towns of its country and no country."""
    from dyads.coding.stages.actors import seat_country as seat

    tables = ActorTables.load()
    local = (
        "A brawl broke out at a shopping centre in Durban on Tuesday. Police in Durban said "
        "two men were held, and a third was arrested later in Pietermaritzburg."
    )
    url = "https://news.example.co.za/local/1"
    assert home_country(local, tables=tables, url=url, seat=seat) == "ZAF"
    # without the places or the outlet, nothing says where the story happens
    assert home_country(local, tables=tables, url=url) is None
    assert home_country(local, tables=tables, url="https://example.com/a", seat=seat) is None
    # a foreign story on the same site names the other country's towns
    abroad = "Police in Boston said two men were held after a brawl in Chicago on Tuesday."
    assert home_country(abroad, tables=tables, url=url, seat=seat) is None
    # one mention is not enough
    once = "A brawl broke out at a shopping centre in Durban on Tuesday."
    assert home_country(once, tables=tables, url=url, seat=seat) is None


def test_home_country_from_the_towns_of_a_story_that_names_a_foreign_capital() -> None:
    """Local news that names a foreign capital more often than its own country: its towns
    and provinces, two or more of them, say where it happens."""
    from dyads.coding.stages.actors import seat_country as seat

    tables = ActorTables.load()
    story = (
        "Police in Kerala arrested a trader on Tuesday. He had been held in Mysuru before, "
        "said officers in Kerala. The men had travelled to Abu Dhabi and met a partner in "
        "Abu Dhabi, who died there."
    )
    assert home_country(story, tables=tables) == "ARE"  # the capital named twice
    assert home_country(story, tables=tables, seat=seat) == "IND"
    # one town named again and again is not enough: it may be a homonym
    again = story.replace("Mysuru", "Kerala")
    assert home_country(again, tables=tables, seat=seat) == "ARE"
    # towns do not make a home where the countries named make none
    assert home_country("Kerala and Mysuru. Peru and Chile met.", tables=tables, seat=seat) is None
