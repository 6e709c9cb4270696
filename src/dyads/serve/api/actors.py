"""``GET /actors``: actor codes and how many events each takes part in."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from dyads.serve.api.deps import CacheDep, EngineDep, error_responses
from dyads.serve.api.schemas import ActorListOut, actor_count_out
from dyads.store.query import list_actors

router = APIRouter(tags=["actors"])

# A page of actors: every country appears well within it; more on request.
DEFAULT_ACTORS = 100
MAX_ACTORS = 1000


@router.get("/actors", response_model=ActorListOut, responses=error_responses(422))
def read_actors(
    engine: EngineDep,
    cache: CacheDep,
    limit: Annotated[int, Query(ge=1, le=MAX_ACTORS)] = DEFAULT_ACTORS,
) -> ActorListOut:
    def compute() -> ActorListOut:
        return ActorListOut(items=[actor_count_out(c) for c in list_actors(engine, limit=limit)])

    return cache.get(engine, ("actors", limit), compute)
