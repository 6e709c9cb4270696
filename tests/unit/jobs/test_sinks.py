"""Sinks and the hand-over between runners and sinks: the store, a Parquet dataset, the
batched "already stored" check, and a Dask shard run in this process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from dyads.ingest import read_inputs
from dyads.jobs.dataset import ParquetSink, read_dataset
from dyads.jobs.sinks import StoreSink, StoreSinkSpec
from dyads.pipeline import PipelineSpec
from dyads.records import CodedArticle, Document, Rejection
from dyads.runner.dask import Target, process_shard
from dyads.runner.shards import plan_shards
from dyads.settings import Settings
from dyads.sink import NotAnArticle, coded_article, skip_stored
from dyads.store.engine import open_store
from dyads.store.writer import StoreWriter
from tests.conftest import make_article, make_coded, make_document, write_invented_news


def test_coded_article_keeps_a_clean_article_without_events() -> None:
    article = make_article()
    assert coded_article(article) == CodedArticle(article=article)
    coded = make_coded(("Turkey and Kazakhstan discussed cooperation.",))
    assert coded_article(coded) is coded
    with pytest.raises(NotAnArticle, match="str"):
        coded_article("not an article")


def _documents_queries(engine: Any) -> list[str]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "documents" in statement:
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    return seen


def test_skip_stored_asks_the_sink_once_per_chunk(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    sink = StoreSink(StoreWriter(engine), run_id="r1")
    documents = [make_document(f"Page number {n}.") for n in range(10)]
    held = documents[2:5]
    for document in held:
        coded = CodedArticle(article=make_article(id=document.id, document_id=document.id))
        sink.write([coded], documents={document.id: document})
    queries = _documents_queries(engine)
    skipped: list[str] = []
    fresh = list(
        skip_stored(documents, stored=sink.stored, chunk=4, on_skip=lambda d: skipped.append(d.id))
    )
    assert [d.id for d in fresh] == [d.id for d in documents if d not in held]
    assert skipped == [d.id for d in held]
    assert len(queries) == 3  # ten documents, four a question
    engine.dispose()


def test_parquet_sink_writes_a_shard_when_it_is_finished(tmp_path: Path) -> None:
    sink = ParquetSink(str(tmp_path))
    document = make_document("A page.")
    coded = CodedArticle(article=make_article(document_id=document.id))
    rejection = Rejection(source="bad.html", stage="ingest", error="EmptyInput", message="")
    sink.write([coded], documents={document.id: document})
    sink.write([rejection], documents={})
    assert sink.done_shards() == frozenset()
    sink.finish_shard(shard_id="s1", source="in.jsonl", stats={"items": 2, "rejected": 1})
    assert sink.done_shards() == {"s1"}
    records = list(read_dataset(str(tmp_path)))
    assert [item for item, _ in records] == [coded, rejection]
    meta = records[0][1]
    assert meta is not None and meta.id == document.id and meta.source == document.source


def test_process_shard_reports_what_a_writing_worker_stored(tmp_path: Path) -> None:
    news = write_invented_news(tmp_path / "news.jsonl", 6)
    url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = open_store(url)
    (shard,) = plan_shards([str(news)]).shards
    spec = PipelineSpec(stages=("clean",), settings=Settings())
    target = Target(sink=StoreSinkSpec(db_url=url, run_id="r1"), on_worker=True, batch_size=4)
    report = process_shard(shard, spec, target)
    assert report.items == ()  # the worker wrote them itself
    assert report.written.stored == 6
    assert StoreWriter(engine).done_shards() == {shard.id}
    again = process_shard(shard, spec, target)
    assert again.skipped == 6 and again.written.stored == 0 and again.stats.items == 0
    engine.dispose()


def test_process_shard_returns_results_to_a_single_writer(tmp_path: Path) -> None:
    news = write_invented_news(tmp_path / "news.jsonl", 3)
    url = f"sqlite:///{tmp_path / 'store.db'}"
    open_store(url).dispose()
    (shard,) = plan_shards([str(news)]).shards
    spec = PipelineSpec(stages=("clean",), settings=Settings())
    report = process_shard(shard, spec, Target(sink=StoreSinkSpec(db_url=url, run_id="r1")))
    expected = [d for d in read_inputs([str(news)], settings=Settings())]
    assert all(isinstance(d, Document) for d in expected)
    assert [i.article.document_id for i in report.items if isinstance(i, CodedArticle)] == [
        d.id for d in expected
    ]
    assert {m.id for m in report.documents} == {d.id for d in expected}
    assert report.written.stored == 0
