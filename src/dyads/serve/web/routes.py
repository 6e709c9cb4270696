"""The dashboard's pages: overview, dyad, event, article, map and search.

Pages are rendered on the server from the same store reads the API uses; the only scripts
are our ``static/dyads.js`` and the Plotly bundle served from the installed ``plotly`` wheel.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine

from dyads.errors import QueryError
from dyads.serve.api.deps import CacheDep, EngineDep
from dyads.serve.api.schemas import dyad_period_out
from dyads.serve.web.pages import article_paragraphs, evidence_items
from dyads.serve.web.queries import event_places, top_dyads
from dyads.store.filters import EventFilter
from dyads.store.query import dyad_series, get_article, get_event, query_events, stats
from dyads.store.results import EventPage
from dyads.watch.health import feeds_overview

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals["watched_feeds"] = feeds_overview  # the overview's feeds panel
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

# Rows in the overview's "latest events" and a dyad page's table: a screenful each.
LATEST_ROWS = 20
DYAD_ROWS = 50


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
def overview(request: Request, engine: EngineDep, cache: CacheDep) -> Response:
    def compute() -> dict[str, Any]:
        latest = query_events(engine, filter=EventFilter(limit=LATEST_ROWS))
        return {"stats": stats(engine), "latest": latest.items, "top_dyads": top_dyads(engine)}

    return _page(request, "overview.html", **cache.get(engine, "overview", compute))


def dyad_chart_data(engine: Engine, a: str, b: str) -> list[dict[str, Any]]:
    return [dyad_period_out(p).model_dump(mode="json") for p in dyad_series(engine, a, b)]


@router.get("/dyad/{a}/{b}")
def dyad_page(
    *,
    request: Request,
    engine: EngineDep,
    cache: CacheDep,
    a: str,
    b: str,
    cursor: Annotated[str | None, Query()] = None,
) -> Response:
    a, b = a.upper(), b.upper()
    try:
        flt = EventFilter(between=(a, b), limit=DYAD_ROWS, cursor=cursor)
        page = query_events(engine, filter=flt)
    except QueryError as exc:
        return _not_found(request, str(exc))
    series = cache.get(engine, ("dyad-page", a, b), lambda: dyad_chart_data(engine, a, b))
    next_url = f"/dyad/{a}/{b}?cursor={page.next_cursor}" if page.next_cursor else None
    return _page(
        request, "dyad.html", a=a, b=b, by="month", series=series, page=page, next_url=next_url
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
    q: Annotated[str, Query()] = "",
    actor: Annotated[str, Query()] = "",
    type: Annotated[str, Query()] = "",
    cursor: Annotated[str | None, Query()] = None,
) -> Response:
    context: dict[str, Any] = {"query": q, "actor": actor, "type": type}
    try:
        flt = EventFilter(text=q or None, actor=actor or None, type=type or None, cursor=cursor)
        page = query_events(engine, filter=flt)
    except QueryError as exc:
        empty = EventPage(items=())
        return _page(request, "search.html", 422, page=empty, error=str(exc), **context)
    next_url = None
    if page.next_cursor:
        params = {"q": q, "actor": actor, "type": type, "cursor": page.next_cursor}
        next_url = "/search?" + urlencode(params)
    return _page(request, "search.html", page=page, next_url=next_url, error=None, **context)


def install_web(app: FastAPI) -> None:
    """Add the pages and the static files to ``app``."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
