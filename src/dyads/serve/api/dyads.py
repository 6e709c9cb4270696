"""``GET /dyads/{a}/{b}``: events between two actors per period, by quad class."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from dyads.serve.api.deps import CacheDep, EngineDep, cached_json, error_responses, json_bytes
from dyads.serve.api.events import CODE
from dyads.serve.api.schemas import DyadSeriesOut, dyad_period_json
from dyads.store.query import dyad_series

router = APIRouter(tags=["dyads"])


@router.get("/dyads/{a}/{b}", response_model=DyadSeriesOut, responses=error_responses(422))
def read_dyad(
    engine: EngineDep,
    cache: CacheDep,
    a: Annotated[str, Path(pattern=CODE, description="an actor code, e.g. TUR")],
    b: Annotated[str, Path(pattern=CODE)],
    by: Annotated[Literal["day", "week", "month"], Query()] = "month",
) -> Response:
    a, b = a.upper(), b.upper()

    def compute() -> bytes:
        periods = [dyad_period_json(p) for p in dyad_series(engine, a, b, by=by)]
        return json_bytes({"a": a, "b": b, "by": by, "periods": periods})

    return cached_json(cache, engine, ("dyad", a, b, by), compute)
