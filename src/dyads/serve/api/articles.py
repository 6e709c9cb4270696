"""``GET /articles/{id}``: the clean article, its boilerplate apart, and where it reports events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path

from dyads.serve.api.deps import EngineDep, error_responses
from dyads.serve.api.events import ID
from dyads.serve.api.schemas import ArticleOut, article_view_out
from dyads.store.query import get_article

router = APIRouter(tags=["articles"])


@router.get(
    "/articles/{article_id}", response_model=ArticleOut, responses=error_responses(404, 422)
)
def read_article(
    engine: EngineDep, article_id: Annotated[str, Path(pattern=ID, max_length=200)]
) -> ArticleOut:
    view = get_article(engine, article_id)
    if view is None:
        raise HTTPException(404, f"no article {article_id}")
    return article_view_out(view)
