"""What routers share: the store engine, the API-key check, documented error responses."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, Security
from fastapi.responses import Response
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic_core import to_json
from sqlalchemy import Engine

from dyads.serve.api.cache import ReadCache
from dyads.serve.api.schemas import ErrorBody
from dyads.serve.keys import ApiKey, verify_key
from dyads.settings import Settings

DESCRIPTIONS = {
    400: "a malformed cursor (pass next_cursor back unchanged)",
    401: "missing or unknown API key",
    404: "no such resource",
    413: "request body too large",
    414: "request target (path and query) too long",
    422: "invalid query or body",
    503: "the database is unavailable: retry after the Retry-After header's seconds",
}
# Every route reads the store, and any request may carry an over-long target.
ALWAYS = (414, 503)


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for ``codes`` and ``ALWAYS``, all with the ``ErrorBody`` shape."""
    return {
        code: {"model": ErrorBody, "description": DESCRIPTIONS[code]}
        for code in sorted({*codes, *ALWAYS})
    }


def json_bytes(value: object) -> bytes:
    """``value`` (plain dicts, lists, strings, numbers, None) as compact UTF-8 JSON."""
    return to_json(value)


class JsonBytes(Response):
    """A JSON body already encoded (by ``json_bytes``): what list and series reads return,
    so a cached answer is sent as it is. Their ``response_model`` still documents it."""

    media_type = "application/json"


CACHE_HEADER = "X-Cache"


def cached_json(
    cache: ReadCache, engine: Engine, key: Hashable, compute: Callable[[], bytes]
) -> JsonBytes:
    """The answer for ``key`` from ``cache`` (or ``compute``), telling in ``X-Cache``
    whether it was reused (``hit``) or computed (``miss``)."""
    body, reused = cache.lookup(engine, key, compute)
    return JsonBytes(body, headers={CACHE_HEADER: "hit" if reused else "miss"})


# These only read the application's state: ``async`` so that FastAPI calls them in the
# event loop, where a plain ``def`` would cost each a trip through the thread pool.


async def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_cache(request: Request) -> ReadCache:
    cache: ReadCache = request.app.state.cache
    return cache


EngineDep = Annotated[Engine, Depends(get_engine)]
CacheDep = Annotated[ReadCache, Depends(get_cache)]
SettingsDep = Annotated[Settings, Depends(get_settings)]

_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)
_bearer = HTTPBearer(auto_error=False)


def require_key(
    engine: EngineDep,
    api_key: Annotated[str | None, Security(_api_key_header)] = None,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)] = None,
) -> ApiKey:
    """The key presented in ``X-API-Key`` or ``Authorization: Bearer``; 401 otherwise."""
    secret = api_key or (bearer.credentials if bearer is not None else None)
    if not secret:
        raise HTTPException(401, "this endpoint needs an API key (X-API-Key or Bearer)")
    key = verify_key(engine, secret)
    if key is None:
        raise HTTPException(401, "unknown or revoked API key")
    return key


KeyDep = Annotated[ApiKey, Depends(require_key)]
