"""The dashboard's pages: overview, dyad, country, event, article, map and search.

Every list of events takes the same filters (``listing.form_filters``) and shows how many
events match and a button for the API's CSV of its rows.

Pages are rendered on the server from the same store reads the API uses; the only scripts
are our ``static/dyads.js`` and the Plotly bundle served from the installed ``plotly`` wheel.
"""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine

from dyads.errors import QueryError
from dyads.serve.api.deps import CacheDep, EngineDep
from dyads.serve.api.schemas import dyad_period_out
from dyads.serve.web.filters import ListFilters, event_filter
from dyads.serve.web.labels import ORGANISATION_CODES, code_label, party, party_title, side_label
from dyads.serve.web.listing import FiltersDep, choices, event_list
from dyads.serve.web.pages import article_paragraphs, evidence_items
from dyads.serve.web.queries import (
    PartnerCount,
    country_partners,
    event_places,
    event_series,
    organisations_between,
    top_dyads,
)
from dyads.store.filters import EventFilter
from dyads.store.query import dyad_series, get_article, get_event, stats
from dyads.watch.health import feeds_overview

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.filters["party"] = party
templates.env.filters["party_title"] = party_title
templates.env.filters["code_label"] = code_label
templates.env.globals["watched_feeds"] = feeds_overview  # the overview's feeds panel
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

# Rows in the overview's "latest events", a dyad's or a country's table and a page of
# search results: a screenful each (and one CSV download of them).
LATEST_ROWS = 20
DYAD_ROWS = 50
SEARCH_ROWS = 50

CursorQ = Annotated[str | None, Query(max_length=1000)]


def plotly_bundle() -> Path | None:
    """``plotly.min.js`` as shipped inside the installed ``plotly`` wheel."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or spec.origin is None:
        return None
    bundle = Path(spec.origin).parent / "package_data" / "plotly.min.js"
    return bundle if bundle.is_file() else None


def _page(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    return templates.TemplateResponse(request, name, context, status_code=status)


def _not_found(request: Request, message: str) -> Response:
    return _page(request, "not_found.html", status=404, message=message)


@router.get("/static/vendor/plotly.min.js")
def plotly_js() -> Response:
    bundle = plotly_bundle()
    if bundle is None:
        raise HTTPException(404, "plotly is not installed: pip install 'dyads[serve]'")
    return FileResponse(bundle, media_type="text/javascript")


@router.get("/")
def overview(
    *,
    request: Request,
    engine: EngineDep,
    cache: CacheDep,
    read: FiltersDep,
    cursor: CursorQ = None,
) -> Response:
    def compute() -> dict[str, Any]:
        busiest = top_dyads(engine)
        sides = {(d.a, d.b): dyad_sides(engine, d.a, d.b) for d in busiest}
        return {"stats": stats(engine), "top_dyads": busiest, "sides": sides}

    listed = event_list(
        engine=engine, cache=cache, read=read, limit=LATEST_ROWS, cursor=cursor, path="/"
    )
    return _page(
        request,
        "overview.html",
        listed=listed,
        choices=choices(engine, cache),
        **cache.get(engine, "overview", compute),
    )


def dyad_sides(engine: Engine, a: str, b: str) -> tuple[str, str]:
    """How a dyad's two sides are shown: codes, and organisation codes by the names of the
    organisations in its events ("EU – RUS" for IGO-RUS)."""
    return (
        side_label(a, organisations_between(engine, a, b) if a in ORGANISATION_CODES else ()),
        side_label(b, organisations_between(engine, b, a) if b in ORGANISATION_CODES else ()),
    )


def dyad_chart_data(engine: Engine, a: str, b: str, lf: ListFilters) -> list[dict[str, Any]]:
    """The dyad's series as ``GET /dyads/{a}/{b}`` answers it, with the page's filters (a
    one-way dyad is its forward pair, read the other way round when backward)."""
    first, second = (b, a) if lf.direction == "backward" else (a, b)
    series = dyad_series(
        engine,
        first,
        second,
        since=lf.since,
        until=lf.until,
        type=lf.type or None,
        min_confidence=lf.min_confidence,
        directed=lf.direction != "either",
    )
    return [dyad_period_out(p).model_dump(mode="json") for p in series]


@router.get("/dyad/{a}/{b}")
def dyad_page(
    *,
    request: Request,
    engine: EngineDep,
    cache: CacheDep,
    read: FiltersDep,
    a: str,
    b: str,
    cursor: CursorQ = None,
) -> Response:
    a, b = a.upper(), b.upper()
    try:
        EventFilter(between=(a, b))
    except QueryError as exc:
        return _not_found(request, str(exc))
    path = f"/dyad/{a}/{b}"
    # the pair is the page's country filter: a country= of the query string is not (the
    # chart, which reads the dyad's own series, could not follow it)
    read = replace(read, filters=replace(read.filters, country=""))
    listed = event_list(
        engine=engine,
        cache=cache,
        read=read,
        limit=DYAD_ROWS,
        cursor=cursor,
        path=path,
        dyad=(a, b),
    )
    lf = read.filters
    series: list[dict[str, Any]] = []
    if listed.error is None:
        key = ("dyad-page", a, b, lf)
        series = cache.get(engine, key, lambda: dyad_chart_data(engine, a, b, lf))
    sides = cache.get(engine, ("dyad-sides", a, b), lambda: dyad_sides(engine, a, b))
    return _page(
        request,
        "dyad.html",
        a=a,
        b=b,
        sides=sides,
        by="month",
        series=series,
        listed=listed,
        choices=choices(engine, cache),
    )


@router.get("/country/{code}")
def country_page(
    *,
    request: Request,
    engine: EngineDep,
    cache: CacheDep,
    read: FiltersDep,
    code: str,
    cursor: CursorQ = None,
) -> Response:
    code = code.upper()
    try:
        EventFilter(actor=code)
    except QueryError as exc:
        return _not_found(request, str(exc))
    own = replace(read.filters, country=code)
    read = replace(read, filters=own)
    listed = event_list(
        engine=engine,
        cache=cache,
        read=read,
        limit=DYAD_ROWS,
        cursor=cursor,
        path=f"/country/{code}",
    )
    series: list[dict[str, Any]] = []
    partners: list[tuple[PartnerCount, tuple[str, str]]] = []
    if listed.error is None:
        flt = event_filter(own, limit=1)

        def compute() -> tuple[list[dict[str, Any]], list[tuple[PartnerCount, tuple[str, str]]]]:
            periods = event_series(engine, filter=flt)
            found = [
                (p, dyad_sides(engine, code, p.code))
                for p in country_partners(engine, code, filter=flt)
            ]
            return [dyad_period_out(p).model_dump(mode="json") for p in periods], found

        series, partners = cache.get(engine, ("country-page", flt), compute)
    return _page(
        request,
        "country.html",
        code=code,
        label=code_label(code),
        series=series,
        partners=partners,
        # a partner's dyad page with the same dates, type, confidence and words
        dyad_query=replace(own, country="", side="actor").query(),
        listed=listed,
        choices=choices(engine, cache),
    )


@router.get("/event/{event_id}")
def event_page(request: Request, engine: EngineDep, event_id: str) -> Response:
    detail = get_event(engine, event_id)
    if detail is None:
        return _not_found(request, f"no event {event_id}")
    return _page(
        request,
        "event.html",
        ev=detail.stored.event,
        stored=detail.stored,
        evidence=evidence_items(detail),
    )


@router.get("/article/{article_id}")
def article_page(request: Request, engine: EngineDep, article_id: str) -> Response:
    view = get_article(engine, article_id)
    if view is None:
        return _not_found(request, f"no article {article_id}")
    return _page(
        request,
        "article.html",
        article=view.article,
        paragraphs=article_paragraphs(view),
        events=view.evidence,
    )


@router.get("/map")
def map_page(request: Request, engine: EngineDep, cache: CacheDep) -> Response:
    def compute() -> list[dict[str, Any]]:
        return [
            {"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon, "events": p.events}
            for p in event_places(engine)
        ]

    return _page(request, "map.html", places=cache.get(engine, "map", compute))


@router.get("/search")
def search_page(
    *,
    request: Request,
    engine: EngineDep,
    cache: CacheDep,
    read: FiltersDep,
    cursor: CursorQ = None,
) -> Response:
    listed = event_list(
        engine=engine, cache=cache, read=read, limit=SEARCH_ROWS, cursor=cursor, path="/search"
    )
    status = 422 if listed.error else 200
    return _page(
        request,
        "search.html",
        status,
        query=read.filters.q,
        listed=listed,
        choices=choices(engine, cache),
    )


def install_web(app: FastAPI) -> None:
    """Add the pages and the static files to ``app``."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
