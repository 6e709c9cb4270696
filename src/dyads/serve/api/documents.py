"""``POST /documents``: run the pipeline on one page and store the article and its events.

The pipeline is built on the first request and kept for the life of the application (loading
spaCy takes seconds), in a child process (``coding_process``) so that coding does not hold
the interpreter lock the reads need; a writer thread waits for it and stores the result.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, HTTPException, Request

from dyads.errors import ExtractionError, InputError
from dyads.jobs.post import store_posted
from dyads.records import Document, MediaType, content_id
from dyads.serve.api.coding_process import CodingStopped, PipelineProcess
from dyads.serve.api.deps import EngineDep, KeyDep, SettingsDep, error_responses
from dyads.serve.api.schemas import DocumentIn, DocumentOut, article_out, coded_event_out
from dyads.settings import Settings
from dyads.sink import NotAnArticle, coded_article

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from dyads.serve.keys import ApiKey

logger = logging.getLogger(__name__)
router = APIRouter(tags=["documents"])

MEDIA_TYPES = {
    "page": MediaType.PAGE_TEXT,
    "html": MediaType.HTML,
    "text": MediaType.ARTICLE_TEXT,
}


class PipelineHolder:
    """One pipeline per application, built on first use in a child process."""

    def __init__(self, stages: tuple[str, ...]) -> None:
        self.stages = stages
        self._child = PipelineProcess(stages)

    def process(self, document: Document, settings: Settings) -> tuple[Any, str | None]:
        try:
            return self._child.process(document, settings)
        except CodingStopped as exc:
            raise HTTPException(503, str(exc), headers={"Retry-After": "1"}) from exc

    def close(self) -> None:
        self._child.close()


def to_document(body: DocumentIn, *, key_name: str) -> Document:
    return Document(
        id=content_id(body.content),
        source=body.url or f"api:{key_name}",
        media_type=MEDIA_TYPES[body.kind],
        text=body.content,
        external_id=body.id,
        url=body.url,
        title=body.title,
        published=body.date,
    )


@router.post(
    "/documents",
    status_code=201,
    response_model=DocumentOut,
    responses=error_responses(401, 413, 422),
)
async def post_document(
    request: Request, body: DocumentIn, engine: EngineDep, settings: SettingsDep, key: KeyDep
) -> DocumentOut:
    """Cleans, codes and stores the document in a writer thread (``app.state.writers``, a
    ``WriteGate``): coding takes a tenth of a second to a minute, and the first request
    loads the language model; reads go on meanwhile in theirs. When every writer is busy
    and the line is full, the answer is 503 with Retry-After."""
    work = partial(process_document, request.app.state.pipeline, body, engine, settings, key)
    out: DocumentOut = await request.app.state.writers.run(work)
    return out


def process_document(
    holder: PipelineHolder, body: DocumentIn, engine: Engine, settings: Settings, key: ApiKey
) -> DocumentOut:
    document = to_document(body, key_name=key.name)
    try:
        result, dropped = holder.process(document, settings)
    except (InputError, ExtractionError) as exc:
        raise HTTPException(422, f"{type(exc).__name__}: {exc}") from exc
    if dropped is not None:
        raise HTTPException(422, f"no article: {dropped}")
    try:
        item = coded_article(result)
    except NotAnArticle as exc:
        raise HTTPException(500, str(exc)) from exc
    store_posted(engine, item=item, document=document, key_name=key.name)
    logger.info("stored article %s with %d events", item.article.id, len(item.events))
    return DocumentOut(
        article=article_out(item.article), events=[coded_event_out(e) for e in item.events]
    )
