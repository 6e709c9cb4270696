"""The only fixture file: paths, builders of records, and the ../shared guard."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from dyads.records import (
    ActorRef,
    Article,
    BlockKind,
    BoilerplateBlock,
    Document,
    Event,
    Evidence,
    MediaType,
    content_id,
)

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SHARED = Path(os.environ.get("DYADS_SHARED", ROOT.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout (or ``$DYADS_SHARED``); skip when it is absent."""
    if not (SHARED / "seed").is_dir():
        pytest.skip(f"needs the evaluation data in {SHARED} (../shared beside the checkout)")
    return SHARED


@pytest.fixture(scope="session")
def seed_page(shared_dir: Path) -> Path:
    pages = sorted((shared_dir / "seed").glob("*.txt"))
    if not pages:
        pytest.skip(f"no seed page in {shared_dir / 'seed'}")
    return pages[0]


@pytest.fixture(scope="session")
def golden_dir() -> Path:
    return GOLDEN


def make_document(
    text: str = "Body.", *, media_type: MediaType = MediaType.PAGE_TEXT, **fields: Any
) -> Document:
    fields.setdefault("source", "test")
    return Document(id=content_id(text), media_type=media_type, text=text, **fields)


def make_article(
    paragraphs: tuple[str, ...] = ("Turkey and Kazakhstan discussed cooperation.",),
    **fields: Any,
) -> Article:
    body = "\n\n".join(paragraphs)
    fields.setdefault("id", content_id(body))
    fields.setdefault("document_id", fields["id"])
    fields.setdefault("source", "test")
    fields.setdefault("published", date(2021, 2, 5))
    fields.setdefault("method", "article-text")
    fields.setdefault("confidence", 1.0)
    fields.setdefault(
        "boilerplate", (BoilerplateBlock(kind=BlockKind.TEASER, items=("Other news",)),)
    )
    return Article(paragraphs=paragraphs, **fields)


def coded_events(code_stage: Any, text: str) -> tuple[Event, ...]:
    """The events the coder finds in an article of one paragraph, ``text``."""
    events: tuple[Event, ...] = code_stage.process(make_article((text,))).events
    return events


def coded_types(code_stage: Any, text: str) -> list[str]:
    """The event types the coder finds in an article of one paragraph, ``text``."""
    return [e.event for e in coded_events(code_stage, text)]


def find_in_article(parser: Any, tables: Any, *paragraphs: str) -> list[list[Any]]:
    """The actor mentions of each sentence of an article made of ``paragraphs``, found with
    one memory for the whole article (as the coder finds them)."""
    from dyads.actors import ActorFinder, ArticleMemory
    from dyads.nlp.sentences import split_sentences

    article = make_article(paragraphs)
    sentences = split_sentences(article)
    docs = parser.parse([s.text for s in sentences])
    finder = ActorFinder(tables=tables)
    memory = ArticleMemory()
    return [
        list(finder.find(doc, sentence=sentence, memory=memory))
        for sentence, doc in zip(sentences, docs, strict=True)
    ]


def named_countries(mentions: list[Any], text: str) -> list[str]:
    """The countries of the mentions written ``text`` among ``mentions`` (one sentence's)."""
    return [m.actor.country for m in mentions if m.text == text and m.actor and m.actor.country]


def make_event(
    *,
    article: Article | None = None,
    event: str = "CONSULT",
    actors: tuple[tuple[str, str], ...] = (("Turkey", "TUR"),),
    recipients: tuple[tuple[str, str], ...] = (("Kazakhstan", "KAZ"),),
    when: date = date(2021, 2, 4),
    **fields: Any,
) -> Event:
    article = article or make_article()
    sentence = article.paragraphs[0]
    fields.setdefault("id", content_id(f"{article.id}|{event}|{actors}|{recipients}|{when}"))
    fields.setdefault("confidence", 0.8)
    return Event(
        article_id=article.id,
        event=event,
        actors=tuple(ActorRef(name=n, text=n, country=c, sector="GOV") for n, c in actors),
        recipients=tuple(ActorRef(name=n, text=n, country=c, sector="GOV") for n, c in recipients),
        date=when,
        date_method="explicit",
        evidence=(
            Evidence(sentence=sentence, paragraph=1, sentence_index=0, start=0, end=len(sentence)),
        ),
        **fields,
    )


@pytest.fixture
def builders() -> Iterator[Any]:
    """The record builders, for tests that prefer a fixture to an import."""

    class _Builders:
        document = staticmethod(make_document)
        article = staticmethod(make_article)
        event = staticmethod(make_event)

    yield _Builders


__all__ = ["datetime", "make_article", "make_document", "make_event"]


def make_stored_event(event: Event | None = None, **fields: Any) -> Any:
    """A ``StoredEvent`` as the store's read side returns it (an event plus its counts)."""
    from dyads.store.results import StoredEvent

    fields.setdefault("num_mentions", 3)
    fields.setdefault("num_articles", 2)
    fields.setdefault("num_sources", 2)
    fields.setdefault("url", "https://news.example.org/world/2021/02/05/talks")
    fields.setdefault("title", "Ministers meet in the capital")
    fields.setdefault("site", "news.example.org")
    fields.setdefault("language", "en")
    return StoredEvent(event=event or make_event(), **fields)


# --- the store: one suite, run against SQLite and PostgreSQL -----------------------------

POSTGRES_TEST_URL = os.environ.get(
    "DYADS_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty store: a SQLite file, or a fresh schema on ``$DYADS_TEST_POSTGRES``.

    The PostgreSQL case skips with a reason when the server is unreachable; each test gets
    its own schema (dropped afterwards) so no test sees another's rows.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    yield from _postgres_schema_url()


def _postgres_schema_url() -> Iterator[str]:
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    from dyads.store.engine import normalise_url

    url = make_url(normalise_url(POSTGRES_TEST_URL))
    admin = create_engine(url, connect_args={"connect_timeout": 3})
    schema = f"dyads_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL at {url.render_as_string()} is unreachable: {exc.orig}")
    scoped = url.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def make_coded(
    paragraphs: tuple[str, ...],
    *,
    site: str = "news.example.org",
    events: tuple[tuple[str, tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]], ...] = (
        ("CONSULT", (("Turkey", "TUR"),), (("Kazakhstan", "KAZ"),)),
    ),
    when: date = date(2021, 2, 4),
    **fields: Any,
) -> Any:
    """A ``CodedArticle`` from ``site`` (its URL is unique per site and body) with events
    given as (type, actors, recipients); each event's evidence is the first paragraph."""
    from dyads.records import CodedArticle

    body_id = content_id("\n\n".join(paragraphs))[:12]
    fields.setdefault("url", f"https://{site}/news/{body_id}")
    fields.setdefault("id", content_id(f"{site}|{body_id}"))
    article = make_article(paragraphs, site=site, **fields)
    coded = tuple(
        make_event(article=article, event=kind, actors=actors, recipients=recipients, when=when)
        for kind, actors, recipients in events
    )
    return CodedArticle(article=article, events=coded)


def write_invented_news(path: Path, count: int) -> Path:
    """A JSONL file of ``count`` short invented reports, each between a different pair of
    countries, for runs of the whole pipeline into a store."""
    import json

    pairs = [
        ("Turkey", "Kazakhstan"), ("France", "Germany"), ("Japan", "India"),
        ("Brazil", "Argentina"), ("Kenya", "Ethiopia"), ("Canada", "Mexico"),
        ("Poland", "Ukraine"), ("Egypt", "Sudan"), ("Chile", "Peru"), ("Norway", "Sweden"),
    ]  # fmt: skip
    verbs = [
        ("met", "to discuss trade and energy links"),
        ("signed an agreement with", "on defence cooperation"),
        ("criticised", "over a border dispute"),
        ("pledged aid to", "after severe floods"),
    ]
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            actor, recipient = pairs[n % len(pairs)]
            verb, topic = verbs[(n // len(pairs)) % len(verbs)]
            text = (
                f"The foreign minister of {actor} {verb} {recipient} on Tuesday {topic}, "
                f"officials said. Report number {n} was filed from the capital.\n"
                f"Talks between the two governments are expected to continue next month, "
                f"a spokesman for the ministry in {actor} told reporters."
            )
            record = {
                "id": f"invented-{n:04d}",
                "url": f"https://wire{n % 3}.example.com/world/{n:04d}",
                "title": f"{actor} and {recipient}: report {n}",
                "date": f"2021-03-{1 + n % 28:02d}",
                "text": text,
            }
            handle.write(json.dumps(record) + "\n")
    return path


# -- serving: a few invented articles whose events carry located evidence --------------------

# (site, title, published, paragraphs, events); each event: (type, sentence, trigger, actor
# (name, text, ISO-3), recipient (name, text, ISO-3), quad, goldstein, date, place
# (name, ISO-3, lat, lon)). Texts written for these tests in the style of a wire report.
SERVE_ARTICLES: tuple[tuple[Any, ...], ...] = (
    (
        "wire.example.com",
        "Ministers discuss trade corridor",
        date(2021, 3, 3),
        (
            "ASTANA, March 3 - Turkish Foreign Minister Selin Aydin met her Kazakh "
            "counterpart in Astana on Tuesday to discuss a trade corridor.",
            "Kazakhstan agreed to expand rail freight to Turkey, the ministry said.",
        ),
        (
            (
                "CONSULT",
                0,
                "met",
                ("Selin Aydin", "Turkish Foreign Minister Selin Aydin", "TUR"),
                ("Kazakhstan", "Kazakh counterpart", "KAZ"),
                1,
                1.0,
                date(2021, 3, 2),
                ("Astana", "KAZ", 51.18, 71.45),
            ),
            (
                "COOPERATE",
                1,
                "agreed",
                ("Kazakhstan", "Kazakhstan", "KAZ"),
                ("Turkey", "Turkey", "TUR"),
                2,
                6.0,
                date(2021, 3, 2),
                ("Astana", "KAZ", 51.18, 71.45),
            ),
        ),
    ),
    (
        "daily.example.net",
        "Ankara criticises customs delay",
        date(2021, 4, 10),
        (
            "ANKARA - Turkish officials accused Kazakhstan of delaying the customs deal on "
            "Saturday.",
            "A spokesman said talks would resume next month.",
        ),
        (
            (
                "ACCUSE",
                0,
                "accused",
                ("Turkey", "Turkish officials", "TUR"),
                ("Kazakhstan", "Kazakhstan", "KAZ"),
                3,
                -2.0,
                date(2021, 4, 10),
                ("Ankara", "TUR", 39.93, 32.86),
            ),
        ),
    ),
    (
        "wire.example.com",
        "New limits on grain shipments",
        date(2021, 5, 1),
        (
            "KYIV - Russia imposed new restrictions on Ukrainian grain shipments, officials "
            "in Kyiv said on Saturday.",
        ),
        (
            (
                "SANCTION",
                0,
                "imposed",
                ("Russia", "Russia", "RUS"),
                ("Ukraine", "Ukrainian", "UKR"),
                4,
                -5.0,
                date(2021, 5, 1),
                ("Kyiv", "UKR", 50.45, 30.52),
            ),
        ),
    ),
)


def make_reported_event(article: Article, spec: tuple[Any, ...]) -> Event:
    """An event of ``article`` whose evidence sentence and spans are located in its body."""
    from dyads.records import Place, Span

    kind, sentence_index, trigger, actor, recipient, quad, goldstein, when, place = spec
    body = article.body
    sentence = article.paragraphs[sentence_index]
    start = body.index(sentence)

    def span(text: str) -> Span:
        at = body.index(text, start)
        return Span(start=at, end=at + len(text))

    evidence = Evidence(
        sentence=sentence,
        paragraph=sentence_index + 1,
        sentence_index=sentence_index,
        start=start,
        end=start + len(sentence),
        trigger=span(trigger),
        actor_spans=(span(actor[1]),),
        recipient_spans=(span(recipient[1]),),
        article_id=article.id,
    )
    return Event(
        id=content_id(f"{article.id}|{kind}|{sentence_index}"),
        article_id=article.id,
        event=kind,
        actors=(ActorRef(name=actor[0], text=actor[1], country=actor[2], sector="GOV"),),
        recipients=(ActorRef(name=recipient[0], text=recipient[1], country=recipient[2]),),
        date=when,
        date_method="explicit",
        place=Place(name=place[0], country=place[1], lat=place[2], lon=place[3]),
        evidence=(evidence,),
        confidence=0.8,
        coder_version="test",
        quad=quad,
        goldstein=goldstein,
    )


def make_serve_articles() -> tuple[Any, ...]:
    """``SERVE_ARTICLES`` as coded articles, ready for ``StoreWriter.write_batch``."""
    from dyads.records import CodedArticle

    out = []
    for site, title, published, paragraphs, specs in SERVE_ARTICLES:
        article = make_article(
            paragraphs,
            site=site,
            title=title,
            published=published,
            url=f"https://{site}/{content_id(title)[:8]}",
        )
        events = tuple(make_reported_event(article, spec) for spec in specs)
        out.append(CodedArticle(article=article, events=events))
    return tuple(out)


def fill_store(url: str) -> Any:
    """Open the store at ``url`` and write the serving articles into it; return the engine."""
    from dyads.store import open_store
    from dyads.store.writer import StoreWriter

    engine = open_store(url)
    writer = StoreWriter(engine)
    run_id = writer.start_run(command="tests", inputs=[], settings={})
    writer.write_batch(list(make_serve_articles()), run_id=run_id)
    return engine


# -- the dashboard: a longer history beside the serving articles ---------------------------

# Reports written for the dashboard's browser test, each its own article: parties of one
# country in different sectors, organisations as actors, and (below) a dyad reported month
# after month. (sentence, type, quad, goldstein, actor, recipient, date, confidence); a
# party is (name, ISO-3 or organisation code, PLOVER sector).
DASHBOARD_REPORTS: tuple[tuple[Any, ...], ...] = (
    (
        "Kenyan police fired tear gas at protesters in central Nairobi on Tuesday.",
        "ASSAULT",
        4,
        -9.0,
        ("Kenyan police", "KEN", "COP"),
        ("protesters", "KEN", "CVL"),
        date(2021, 3, 16),
        0.9,
    ),
    (
        "Protesters in Nairobi demanded that the government release detained students.",
        "DEMAND",
        3,
        -5.0,
        ("protesters", "KEN", "CVL"),
        ("Kenyan government", "KEN", "GOV"),
        date(2021, 3, 17),
        0.6,
    ),
    (
        "The United Nations delivered food aid to families in eastern Ukraine.",
        "AID",
        2,
        7.0,
        ("United Nations", "IGO", "IGO"),
        ("Ukraine", "UKR", "GOV"),
        date(2021, 4, 20),
        0.85,
    ),
    (
        "The European Union imposed new sanctions on Russian officials.",
        "SANCTION",
        4,
        -5.0,
        ("European Union", "IGO", "IGO"),
        ("Russia", "RUS", "GOV"),
        date(2021, 4, 22),
        0.75,
    ),
)

# The Kazakhstan-Turkey history: one kind of report per month in turn, three years long,
# every fifth month quiet. (sentence template, type, quad, goldstein, Turkey acts).
DASHBOARD_MONTHLY: tuple[tuple[str, str, int, float, bool], ...] = (
    (
        "Turkish and Kazakh trade ministers held talks on transit tariffs in {}.",
        "CONSULT",
        1,
        1.0,
        True,
    ),
    (
        "Kazakhstan agreed to extend its rail freight deal with Turkey in {}.",
        "COOPERATE",
        2,
        6.0,
        False,
    ),
    ("Turkey accused Kazakhstan of delaying customs clearance in {}.", "ACCUSE", 3, -2.0, True),
    ("Turkey sent winter relief supplies to Kazakhstan in {}.", "AID", 2, 7.0, True),
)
# Confidences the monthly reports take in turn (a cycle of three against four kinds).
DASHBOARD_CONFIDENCES = (0.55, 0.7, 0.9)


def _dashboard_report(
    sentence: str, spec: tuple[Any, ...], *, site: str = "history.example.org"
) -> Any:
    from dataclasses import replace

    from dyads.records import CodedArticle

    kind, quad, goldstein, actor, recipient, when, confidence = spec
    article = make_article((sentence,), site=site, published=when, title=sentence[:60])
    event = make_event(
        article=article,
        event=kind,
        when=when,
        quad=quad,
        goldstein=goldstein,
        confidence=confidence,
    )
    parties = [
        (ActorRef(name=name, text=name, country=code, sector=sector),)
        for name, code, sector in (actor, recipient)
    ]
    event = replace(event, actors=parties[0], recipients=parties[1])
    return CodedArticle(article=article, events=(event,))


def make_dashboard_articles() -> tuple[Any, ...]:
    """``DASHBOARD_REPORTS`` and the monthly Kazakhstan-Turkey history as coded articles."""
    out = [_dashboard_report(sentence, spec) for sentence, *spec in DASHBOARD_REPORTS]
    turkey, kazakhstan = ("Turkey", "TUR", "GOV"), ("Kazakhstan", "KAZ", "GOV")
    for month in range(36):
        if month % 5 == 4:
            continue
        day = date(2018 + month // 12, month % 12 + 1, 10)
        template, kind, quad, goldstein, turkey_acts = DASHBOARD_MONTHLY[month % 4]
        actor, recipient = (turkey, kazakhstan) if turkey_acts else (kazakhstan, turkey)
        confidence = DASHBOARD_CONFIDENCES[month % 3]
        spec = (kind, quad, goldstein, actor, recipient, day, confidence)
        out.append(_dashboard_report(template.format(day.strftime("%B %Y")), spec))
    return tuple(out)


def fill_dashboard_store(url: str) -> Any:
    """``fill_store`` and the dashboard's longer history; return the engine."""
    from dyads.store.writer import StoreWriter

    engine = fill_store(url)
    writer = StoreWriter(engine)
    run_id = writer.start_run(command="tests", inputs=[], settings={})
    writer.write_batch(list(make_dashboard_articles()), run_id=run_id)
    return engine


@pytest.fixture
def api_engine(store_url: str) -> Any:
    """A store holding ``SERVE_ARTICLES`` (SQLite, and PostgreSQL when configured)."""
    engine = fill_store(store_url)
    yield engine
    engine.dispose()


@pytest.fixture
def api_client(api_engine: Any) -> Iterator[Any]:
    """A test client of the API and dashboard over ``api_engine``.

    ``POST /documents`` runs the cleaning stage only, so these tests need no spaCy model;
    the full pipeline is exercised by the slow tests that build their own application.
    """
    from fastapi.testclient import TestClient

    from dyads.serve.api.app import create_app
    from dyads.settings import Settings

    settings = Settings(db=api_engine.url.render_as_string(hide_password=False))
    app = create_app(settings, engine=api_engine, stages=("clean",))
    with TestClient(app) as client:
        yield client


@pytest.fixture
def api_key(api_engine: Any) -> str:
    """The secret of a fresh API key in ``api_engine``'s store."""
    from dyads.serve.keys import create_key

    return create_key(api_engine, name="tests").secret


# --- the read side: a small store of invented reports for queries and exports ------------

# (site, published, paragraphs, (type, actors, recipients, date, quad, goldstein)); every
# event's evidence is the first paragraph. The two ACCUSE reports of 1 March from two
# outlets merge into one canonical event; CONSULT TUR/AZE shares its date with them.
QUERY_ARTICLES: tuple[Any, ...] = (
    (
        "a.example",
        date(2021, 2, 4),
        (
            "Turkish and Kazakh foreign ministers held talks on transit corridors on Thursday.",
            "The ministers did not take questions.",
        ),
        ("CONSULT", (("Turkey", "TUR"),), (("Kazakhstan", "KAZ"),), date(2021, 2, 4), 1, 1.0),
    ),
    (
        "b.example",
        date(2021, 2, 11),
        ("Kazakhstan agreed to expand rail freight with Turkey, its transport ministry said.",),
        ("AGREE", (("Kazakhstan", "KAZ"),), (("Turkey", "TUR"),), date(2021, 2, 11), 1, 3.0),
    ),
    (
        "c.example",
        date(2021, 3, 1),
        ("Russia accused Ukraine of shelling a border village overnight.",),
        ("ACCUSE", (("Russia", "RUS"),), (("Ukraine", "UKR"),), date(2021, 3, 1), 3, -2.0),
    ),
    (
        "h.example",
        date(2021, 3, 2),
        ("Moscow blamed Kyiv for artillery fire on a frontier hamlet, a spokesman said.",),
        ("ACCUSE", (("Russia", "RUS"),), (("Ukraine", "UKR"),), date(2021, 3, 1), 3, -2.0),
    ),
    (
        "i.example",
        date(2021, 3, 1),
        ("Turkey and Azerbaijan consulted on a joint pipeline tender in Baku.",),
        ("CONSULT", (("Turkey", "TUR"),), (("Azerbaijan", "AZE"),), date(2021, 3, 1), 1, 1.0),
    ),
    (
        "d.example",
        date(2021, 3, 15),
        ("Ukraine demanded that Russia withdraw troops from the frontier.",),
        ("DEMAND", (("Ukraine", "UKR"),), (("Russia", "RUS"),), date(2021, 3, 15), 3, -5.0),
    ),
    (
        "e.example",
        date(2021, 4, 2),
        ("Turkey pledged emergency aid to Kazakhstan after the spring floods.",),
        ("AID", (("Turkey", "TUR"),), (("Kazakhstan", "KAZ"),), date(2021, 4, 2), 2, 7.0),
    ),
    (
        "g.example",
        date(2021, 4, 9),
        ("Kazakh officials criticised an unnamed neighbour over water quotas.",),
        ("ACCUSE", (("Kazakhstan", "KAZ"),), (), None, 3, -2.0),
    ),
)


# More invented reports for the aggregates, in the shape of ``QUERY_ARTICLES``: a joint
# action, several countries on a side, the same two countries on both sides, an IGO, a
# domestic event without a Goldstein score, an actor of no country, and two events of one
# site (so that distinct sources are fewer than the events' sources added up).
AGGREGATE_ARTICLES: tuple[Any, ...] = (
    (
        "a.example",
        date(2021, 3, 5),
        ("Japan and South Korea agreed to resume defence talks, officials said.",),
        ("AGREE", (("Japan", "JPN"), ("South Korea", "KOR")), (), date(2021, 3, 5), 1, 3.0),
    ),
    (
        "b.example",
        date(2021, 3, 20),
        ("Turkish and Kazakh troops fired on Russian positions near the border.",),
        (
            "ASSAULT",
            (("Turkey", "TUR"), ("Kazakhstan", "KAZ")),
            (("Russia", "RUS"),),
            date(2021, 3, 20),
            4,
            -9.0,
        ),
    ),
    (
        "b.example",
        date(2021, 3, 22),
        ("Turkey and Russia accused each other of breaking the ceasefire.",),
        (
            "ACCUSE",
            (("Turkey", "TUR"), ("Russia", "RUS")),
            (("Russia", "RUS"), ("Turkey", "TUR")),
            date(2021, 3, 22),
            3,
            -2.0,
        ),
    ),
    (
        "j.example",
        date(2022, 1, 10),
        ("The United Nations asked Sudan to open aid corridors to Darfur.",),
        ("REQUEST", (("United Nations", "IGO"),), (("Sudan", "SDN"),), date(2022, 1, 10), 1, -0.5),
    ),
    (
        "j.example",
        date(2022, 1, 12),
        ("Sudanese troops attacked protesters in Khartoum, witnesses said.",),
        ("ASSAULT", (("Sudan", "SDN"),), (("Sudan", "SDN"),), date(2022, 1, 12), 4, None),
    ),
    (
        "k.example",
        date(2022, 2, 1),
        ("Gunmen seized a bus near the Kenyan border town of Mandera.",),
        ("COERCE", (("Gunmen", None),), (("Kenya", "KEN"),), date(2022, 2, 1), 4, -7.0),
    ),
)


def make_query_articles(specs: tuple[Any, ...] = QUERY_ARTICLES) -> tuple[Any, ...]:
    """``specs`` (``QUERY_ARTICLES`` by default) as coded articles, ready for
    ``StoreWriter.write_batch``."""
    from dyads.records import CodedArticle

    out = []
    for site, published, paragraphs, spec in specs:
        kind, actors, recipients, when, quad, goldstein = spec
        article = make_article(
            paragraphs,
            site=site,
            published=published,
            title=f"{kind.title()} report",
            url=f"https://{site}/news/{content_id(paragraphs[0])[:10]}",
        )
        event = make_event(
            article=article,
            event=kind,
            actors=actors,
            recipients=recipients,
            when=when,
            quad=quad,
            goldstein=goldstein,
        )
        out.append(CodedArticle(article=article, events=(event,)))
    return tuple(out)


@pytest.fixture
def query_engine(store_url: str) -> Iterator[Any]:
    """A store (SQLite, and PostgreSQL when reachable) holding ``QUERY_ARTICLES``."""
    from dyads.store import open_store
    from dyads.store.writer import StoreWriter

    engine = open_store(store_url)
    writer = StoreWriter(engine)
    run_id = writer.start_run(command="tests", inputs=[], settings={})
    writer.write_batch(list(make_query_articles()), run_id=run_id)
    yield engine
    engine.dispose()


@pytest.fixture
def aggregate_engine(store_url: str) -> Iterator[Any]:
    """A store (SQLite, and PostgreSQL when reachable) holding ``QUERY_ARTICLES`` and
    ``AGGREGATE_ARTICLES``."""
    from dyads.store import open_store
    from dyads.store.writer import StoreWriter

    engine = open_store(store_url)
    writer = StoreWriter(engine)
    run_id = writer.start_run(command="tests", inputs=[], settings={})
    articles = make_query_articles() + make_query_articles(AGGREGATE_ARTICLES)
    writer.write_batch(list(articles), run_id=run_id)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def spacy_parser() -> Any:
    """The real spaCy pipeline of ``Settings.spacy_model``, loaded once per test session."""
    from dyads.nlp.parser import SpacyParser
    from dyads.settings import Settings

    parser = SpacyParser(model=Settings().spacy_model)
    parser.open()
    return parser


@pytest.fixture(scope="session")
def actor_tables() -> Any:
    """The package's actor tables (countries, organisations, roles), read once per session."""
    from dyads.actors.tables import ActorTables

    return ActorTables.load()


@pytest.fixture
def api_schema(api_client: Any) -> Any:
    """The API's OpenAPI schema as schemathesis loads it, calling the app in process."""
    import schemathesis

    return schemathesis.openapi.from_asgi("/openapi.json", api_client.app)


@pytest.fixture
def served_dashboard(tmp_path: Path) -> Iterator[str]:
    """``dyads serve`` in a subprocess on a free localhost port, over a SQLite store filled
    with the serving articles and the dashboard's history."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    db = tmp_path / "served.db"
    fill_dashboard_store(f"sqlite:///{db}").dispose()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "dyads.cli.main", "serve", "--db", str(db)]
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        server = subprocess.Popen([*command, "--port", str(port)], stderr=sink)
    base = f"http://127.0.0.1:{port}"
    try:
        while True:  # until the app answers; a server that exits fails the fixture instead
            if server.poll() is not None:
                raise RuntimeError(f"dyads serve exited: {log.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{base}/healthz") as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    """Headless Chromium driven by selenium through the system chromedriver."""
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if chromium is None or driver_path is None:
        pytest.skip("needs chromium and chromedriver: apt-get install chromium chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def code_stage() -> Any:
    """The event coder, opened once per session (spaCy, actor tables and gazetteer loaded).

    It emits every event whatever its confidence: the tests that use it check the coder's
    rules; the confidence floor has tests of its own (``test_stages.py``, ``test_cli.py``).
    """
    from dyads.coding.stage import ArticleCoder
    from dyads.settings import Settings

    coder = ArticleCoder(settings=Settings(min_confidence=0.0))
    coder.open()
    return coder


@pytest.fixture(scope="session")
def hand_lexicon_code_stage() -> Any:
    """The event coder with the hand-written lexicon alone (no PETRARCH-2 verb rows)."""
    from dyads.coding.stage import ArticleCoder
    from dyads.settings import Settings

    coder = ArticleCoder(settings=Settings(petrarch_verbs=False))
    coder.open()
    return coder


# -- permissions: a command prefix under which file modes are obeyed -------------------------


@pytest.fixture(scope="session")
def unprivileged(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """A command prefix under which a mode-000 file cannot be read: nothing for a normal
    user; for root, ``setpriv`` dropping the capabilities that let root read past modes.
    Skips with the reason when neither works here."""
    import shutil
    import subprocess

    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root and setpriv is not installed: file modes cannot be tested")
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    locked = tmp_path_factory.mktemp("locked") / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    probe = subprocess.run([*prefix, "cat", str(locked)], capture_output=True, check=False)
    if probe.returncode == 0:
        pytest.skip("setpriv could not take away root's right to read past file modes here")
    return prefix


# --- failing parts: a TCP link to PostgreSQL that a test can cut and restore ---------------


class TcpLink:
    """A TCP forwarder on a free localhost port to ``target``: ``cut()`` drops every open
    connection and refuses new ones (a database that went away), ``restore()`` forwards
    again (the database is back)."""

    def __init__(self, target: tuple[str, int]) -> None:
        import socket
        import threading

        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)  # how often the accept loop looks at ``stopped``
        self.port: int = self.listener.getsockname()[1]
        self.up = threading.Event()
        self.up.set()
        self.stopped = threading.Event()
        self.sockets: list[Any] = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        import socket
        import threading

        while not self.stopped.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            if not self.up.is_set():
                client.close()
                continue
            server = socket.create_connection(self.target)
            with self.lock:
                self.sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: Any, sink: Any) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                TcpLink._drop(end)

    @staticmethod
    def _drop(end: Any) -> None:
        import contextlib
        import socket

        with contextlib.suppress(OSError):  # already closed by the other side
            end.shutdown(socket.SHUT_RDWR)
        end.close()

    def cut(self) -> None:
        self.up.clear()
        with self.lock:
            ends, self.sockets = self.sockets, []
        for end in ends:
            self._drop(end)

    def restore(self) -> None:
        self.up.set()

    def close(self) -> None:
        self.stopped.set()
        self.thread.join()
        self.cut()
        self.listener.close()


@pytest.fixture
def pg_link() -> Iterator[tuple[TcpLink, str]]:
    """A fresh PostgreSQL schema holding the serving articles, and a ``TcpLink`` to the
    server with the schema's URL through it (a password added: trust auth ignores it,
    and nothing the API answers may show it)."""
    from sqlalchemy.engine import make_url

    for url in _postgres_schema_url():
        fill_store(url).dispose()
        parsed = make_url(url)
        link = TcpLink((parsed.host or "127.0.0.1", parsed.port or 5432))
        through = parsed.set(host="127.0.0.1", port=link.port, password=PG_TEST_PASSWORD)
        try:
            yield link, through.render_as_string(hide_password=False)
        finally:
            link.close()


PG_TEST_PASSWORD = "s3cret-Pa55"


@pytest.fixture(scope="session")
def long_page() -> str:
    """An invented article body of about 100 kB (600 paragraphs, within the per-document
    bounds of ``Settings``): a page the pipeline takes seconds over."""
    paragraphs = [
        f"Officials of Chile met officials of Peru in Lima on Tuesday to discuss item {n} of "
        "the fisheries accord, a spokesman for the ministry said in a statement to reporters."
        for n in range(600)
    ]
    return "\n\n".join(paragraphs)


# -- watching feeds: a local news site on 127.0.0.1 -------------------------------------------


@pytest.fixture
def feed_site() -> Iterator[Any]:
    """A real HTTP server in a thread serving feeds and invented articles (tests/feedsite.py)."""
    from tests.feedsite import FeedSite

    site = FeedSite().start()
    try:
        yield site
    finally:
        site.close()
