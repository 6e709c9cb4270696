"""``GET /healthz`` (the service is up and its store answers) and ``GET /stats``."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from dyads import __version__
from dyads.serve.api.deps import CacheDep, EngineDep
from dyads.serve.api.schemas import HealthOut, StatsOut, stats_out
from dyads.store.query import stats

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthOut)
def healthz(engine: EngineDep) -> HealthOut:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return HealthOut(status="ok", version=__version__, database=engine.dialect.name)


@router.get("/stats", response_model=StatsOut, tags=["store"])
def read_stats(engine: EngineDep, cache: CacheDep) -> StatsOut:
    return cache.get(engine, "stats", lambda: stats_out(stats(engine)))
