"""``GET /healthz`` (the service is up, and which of its parts is down) and ``GET /stats``."""

from __future__ import annotations

import logging
from typing import Any, Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from dyads.serve.api.deps import CacheDep, EngineDep
from dyads.serve.api.errors import RETRY_AFTER_S
from dyads.serve.api.schemas import StatsOut, stats_out
from dyads.store.engine import mask_url, scrub
from dyads.store.query import stats
from dyads.version import __version__

logger = logging.getLogger(__name__)
router = APIRouter(tags=["health"])

# Characters of a driver's error kept in the report: its first line says what failed.
REASON_CHARS = 200


class PartOut(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    status: Literal["ok", "down"]
    url: str = Field(description="where the part is, any password masked")
    reason: str | None = Field(default=None, description="why it is down")


class HealthReport(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    status: Literal["ok", "unavailable"]
    version: str
    database: str = Field(description="the store's kind: sqlite or postgresql")
    parts: dict[str, PartOut] = Field(description="each part the service needs, by name")


def database_part(engine: Engine) -> PartOut:
    """Whether the store answers a query now, and if not, the first line of why."""
    full = engine.url.render_as_string(hide_password=False)
    url = mask_url(full)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        reason = scrub(str(getattr(exc, "orig", None) or exc).strip(), full)
        first = (reason.splitlines() or [type(exc).__name__])[0][:REASON_CHARS]
        logger.warning("health check: database %s is down: %s", url, first)
        return PartOut(status="down", url=url, reason=first)
    return PartOut(status="ok", url=url)


@router.get(
    "/healthz",
    response_model=HealthReport,
    responses={503: {"model": HealthReport, "description": "a part is down (named in parts)"}},
)
def healthz(engine: EngineDep) -> Any:
    parts = {"database": database_part(engine)}
    healthy = all(part.status == "ok" for part in parts.values())
    report = HealthReport(
        status="ok" if healthy else "unavailable",
        version=__version__,
        database=engine.dialect.name,
        parts=parts,
    )
    if healthy:
        return report
    headers = {"Retry-After": str(RETRY_AFTER_S)}
    return JSONResponse(report.model_dump(mode="json"), status_code=503, headers=headers)


@router.get("/stats", response_model=StatsOut, tags=["store"])
def read_stats(engine: EngineDep, cache: CacheDep) -> StatsOut:
    return cache.get(engine, "stats", lambda: stats_out(stats(engine)))
