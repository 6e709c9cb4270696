"""``GET /dyads/{a}/{b}``: events between two actors per period, by quad class."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from dyads.serve.api.deps import CacheDep, EngineDep, error_responses
from dyads.serve.api.events import CODE
from dyads.serve.api.schemas import DyadSeriesOut, dyad_period_out
from dyads.store.query import dyad_series

router = APIRouter(tags=["dyads"])


@router.get("/dyads/{a}/{b}", response_model=DyadSeriesOut, responses=error_responses(422))
def read_dyad(
    engine: EngineDep,
    cache: CacheDep,
    a: Annotated[str, Path(pattern=CODE, description="an actor code, e.g. TUR")],
    b: Annotated[str, Path(pattern=CODE)],
    by: Annotated[Literal["day", "week", "month"], Query()] = "month",
) -> DyadSeriesOut:
    a, b = a.upper(), b.upper()

    def compute() -> DyadSeriesOut:
        periods = dyad_series(engine, a, b, by=by)
        return DyadSeriesOut(a=a, b=b, by=by, periods=[dyad_period_out(p) for p in periods])

    return cache.get(engine, ("dyad", a, b, by), compute)
