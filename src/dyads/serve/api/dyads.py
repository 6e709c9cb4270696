"""``GET /dyads/{a}/{b}``: events between two actors per period, by quad class."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from dyads.serve.api.deps import CacheDep, EngineDep, cached_json, error_responses, json_bytes
from dyads.serve.api.events import CODE, MIN_CONFIDENCE
from dyads.serve.api.schemas import DyadSeriesOut, dyad_period_json
from dyads.store.query import dyad_series

router = APIRouter(tags=["dyads"])


@router.get("/dyads/{a}/{b}", response_model=DyadSeriesOut, responses=error_responses(422))
def read_dyad(
    *,
    engine: EngineDep,
    cache: CacheDep,
    a: Annotated[str, Path(pattern=CODE, description="an actor code, e.g. TUR")],
    b: Annotated[str, Path(pattern=CODE)],
    by: Annotated[Literal["day", "week", "month"], Query()] = "month",
    since: Annotated[dt.date | None, Query()] = None,
    until: Annotated[dt.date | None, Query()] = None,
    type: Annotated[
        str | None, Query(pattern=r"^[A-Za-z_]{1,32}$", description="PLOVER event type")
    ] = None,
    min_confidence: Annotated[float | None, MIN_CONFIDENCE] = None,
    directed: Annotated[
        bool, Query(description="only A acting on B (default: either way, and joint actions)")
    ] = False,
) -> Response:
    a, b = a.upper(), b.upper()

    def compute() -> bytes:
        series = dyad_series(
            engine,
            a,
            b,
            by=by,
            since=since,
            until=until,
            type=type,
            min_confidence=min_confidence,
            directed=directed,
        )
        periods = [dyad_period_json(p) for p in series]
        return json_bytes({"a": a, "b": b, "by": by, "periods": periods})

    key = ("dyad", a, b, by, since, until, type, min_confidence, directed)
    return cached_json(cache, engine, key, compute)
