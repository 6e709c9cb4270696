"""Throughput of extract -> code against plain spaCy over the same news articles.

    .venv/bin/python bench/throughput.py [--news ../shared/eval/news/news_dev.jsonl] [--limit N]

Each record's ``text`` is fed as an article text (``id`` kept, ``date`` as publication date)
through the ``clean`` and ``code`` stages; then the same texts go through ``nlp.pipe`` of the
full spaCy pipeline. Prints articles per second for both, their ratio (dyads over spaCy), and
the peak resident memory of the process after extract -> code and after both. Model loading
is left out of both timings; the plain run reuses the model the coder loaded.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from dyads.records import Document, MediaType, content_id
from dyads.registry import build_pipeline
from dyads.settings import Settings

DEFAULT_NEWS = Path(__file__).resolve().parent.parent.parent / "shared/eval/news/news_dev.jsonl"


def read_news(path: Path, limit: int | None) -> list[Document]:
    documents: list[Document] = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if not line.strip():
                continue
            record = json.loads(line)
            text = str(record["text"])
            published = date.fromisoformat(record["date"]) if record.get("date") else None
            documents.append(
                Document(
                    id=content_id(text),
                    source=f"{path.name}#{record.get('id')}",
                    media_type=MediaType.ARTICLE_TEXT,
                    text=text,
                    external_id=record.get("id"),
                    url=record.get("url"),
                    title=record.get("title"),
                    published=published,
                )
            )
            if limit is not None and len(documents) >= limit:
                break
    return documents


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def time_dyads(documents: list[Document], settings: Settings) -> tuple[float, int, Any]:
    """Seconds for extract -> code, events coded, and the loaded spaCy pipeline."""
    pipeline = build_pipeline(("clean", "code"), settings=settings)
    pipeline.open()
    events = 0
    start = time.perf_counter()
    for coded in pipeline.run(documents):
        events += len(coded.events)
    elapsed = time.perf_counter() - start
    parser = pipeline.stages[-1].parser
    return elapsed, events, parser.nlp


def time_spacy(documents: list[Document], nlp: Any) -> float:
    """Seconds for the full spaCy pipeline over the same texts (the same loaded model)."""
    texts = [d.text for d in documents]
    start = time.perf_counter()
    for _doc in nlp.pipe(texts):
        pass
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=DEFAULT_NEWS, help="news JSONL file")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args()
    if not args.news.is_file():
        print(f"no news file at {args.news}", file=sys.stderr)
        return 2
    documents = read_news(args.news, args.limit)
    settings = Settings()
    dyads_seconds, events, nlp = time_dyads(documents, settings)
    dyads_peak = peak_rss_mb()
    spacy_seconds = time_spacy(documents, nlp)
    n = len(documents)
    print(f"articles            {n}")
    print(f"events coded        {events}")
    print(f"dyads extract+code  {n / dyads_seconds:8.1f} articles/s  ({dyads_seconds:.1f} s)")
    print(f"spaCy nlp.pipe      {n / spacy_seconds:8.1f} articles/s  ({spacy_seconds:.1f} s)")
    print(f"ratio dyads/spaCy   {spacy_seconds / dyads_seconds:8.2f}x")
    print(f"peak RSS extract+code {dyads_peak:6.0f} MB")
    print(f"peak RSS after both   {peak_rss_mb():6.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
