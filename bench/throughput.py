"""Throughput of extract -> code, batched and one article at a time, against plain spaCy.

    PYTHONPATH=src .venv/bin/python bench/throughput.py [--news ../shared/eval/news/news_dev.jsonl]
        [--limit N] [--batch-size 32] [--repeat 2]

Each record's ``text`` is fed as an article text (``id`` kept, ``date`` as publication date)
through the ``clean`` and coding stages, four ways:

- one article at a time (batches of 1), the entity recogniser on every parsed sentence
  (``Settings(entities="all")``), spaCy's own attribute ruler
  (``spacy_attribute_table=False``): each article alone through every stage, with its own
  ``nlp.pipe`` call and spaCy memory zone. That is what coding was before the stages took
  batches (``Pipeline.process`` per item, ``CodeStage`` parsing one article's sentences per
  call, with the whole stock model), so this line stands for "before";
- in batches of ``--batch-size`` articles, the same model, entities on every sentence: one
  ``nlp.pipe`` over the selected sentences of the whole batch (what batching alone gives);
- in batches, entities only where needed (``Settings.entities``), spaCy's ruler;
- in batches, entities where needed, the attribute ruler's rules run as a lookup table
  (``Settings.spacy_attribute_table``): the defaults, as the runners code now.

Then the same texts go through ``nlp.pipe`` of the full, stock spaCy pipeline. Prints articles per
second for each, the batched-over-single speed-up, the ratio dyads/spaCy, and the peak
resident memory of the process after extract -> code and after everything. Times are CPU
seconds of this process (``time.process_time``): the machines this runs on are shared, and
CPU time is what another process's load disturbs least; wall seconds are printed beside them.
Each way runs ``--repeat`` times, alternating, and the fastest run counts. Model loading and a
warm-up on the first articles are left out of every timing.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dyads.coding.stages.parse import ParseStage
from dyads.pipeline import Pipeline
from dyads.records import Document, MediaType, content_id
from dyads.registry import CODE, build_pipeline
from dyads.runner.base import BATCH_SIZE, in_batches
from dyads.settings import Settings

# Articles coded before the timings, so that neither way pays for lazily built tables.
WARM_UP = 8
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


@dataclass(frozen=True, slots=True, kw_only=True)
class Timing:
    cpu: float  # CPU seconds of this process
    wall: float
    events: int


def time_dyads(pipeline: Pipeline, documents: list[Document], *, batch_size: int) -> Timing:
    """Extract -> code over ``documents``, ``batch_size`` at a time."""
    events = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for _item, outcome in in_batches(pipeline, documents, size=batch_size):
        if outcome.result is not None:
            events += len(outcome.result.events)
    return Timing(cpu=time.process_time() - cpu, wall=time.perf_counter() - wall, events=events)


@dataclass(frozen=True, slots=True, kw_only=True)
class Way:
    label: str
    pipeline: Pipeline
    batch_size: int


def fastest(ways: list[Way], documents: list[Document], *, repeat: int) -> list[Timing]:
    """The fastest of ``repeat`` runs of each way, the ways alternating."""
    best: list[Timing | None] = [None] * len(ways)
    for _ in range(repeat):
        for index, way in enumerate(ways):
            timing = time_dyads(way.pipeline, documents, batch_size=way.batch_size)
            previous = best[index]
            if previous is None or timing.cpu < previous.cpu:
                best[index] = timing
    return [timing for timing in best if timing is not None]


def time_spacy(documents: list[Document], nlp: Any) -> float:
    """Seconds for the full spaCy pipeline over the same texts (the same loaded model)."""
    texts = [d.text for d in documents]
    start = time.process_time()
    for _doc in nlp.pipe(texts):
        pass
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=DEFAULT_NEWS, help="news JSONL file")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="articles a batch")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each way; fastest counts")
    args = parser.parse_args()
    if not args.news.is_file():
        print(f"no news file at {args.news}", file=sys.stderr)
        return 2
    documents = read_news(args.news, args.limit)
    stock = {"spacy_attribute_table": False}
    every = build_pipeline(CODE, settings=Settings(entities="all", **stock))
    needed = build_pipeline(CODE, settings=Settings(entities="needed", **stock))
    default = build_pipeline(CODE, settings=Settings())
    size = args.batch_size
    ways = [
        Way(label="one at a time, all", pipeline=every, batch_size=1),
        Way(label=f"batches of {size}, all", pipeline=every, batch_size=size),
        Way(label=f"batches of {size}, needed", pipeline=needed, batch_size=size),
        Way(label=f"batches of {size}, table", pipeline=default, batch_size=size),
    ]
    for pipeline in (every, needed, default):
        pipeline.open()
        time_dyads(pipeline, documents[:WARM_UP], batch_size=WARM_UP)  # lazy tables, caches
    timings = fastest(ways, documents, repeat=args.repeat)
    dyads_peak = peak_rss_mb()
    parse = next(stage for stage in every.stages if isinstance(stage, ParseStage))
    spacy_seconds = time_spacy(documents, parse.parser("en").nlp)  # the stock model
    before, batched_all, batched_needed, now = timings
    n = len(documents)
    print(f"articles              {n}")
    print(
        f"events coded          {now.events} (before: {before.events}; "
        f"batches, all: {batched_all.events}; batches, needed: {batched_needed.events})"
    )
    for way, timing in zip(ways, timings, strict=True):
        print(
            f"extract+code {way.label:<22} {n / timing.cpu:6.1f} articles/s  "
            f"({timing.cpu:.1f} s CPU, {timing.wall:.1f} s wall)"
        )
    print(
        f"speed-up over before: batching {before.cpu / batched_all.cpu:.2f}x, "
        f"and entities where needed {before.cpu / batched_needed.cpu:.2f}x, "
        f"and the attribute table {before.cpu / now.cpu:.2f}x CPU "
        f"({before.wall / now.wall:.2f}x wall)"
    )
    print(f"spaCy nlp.pipe        {n / spacy_seconds:7.1f} articles/s  ({spacy_seconds:.1f} s CPU)")
    print(
        f"ratio dyads/spaCy     {spacy_seconds / now.cpu:7.2f}x (now)  "
        f"{spacy_seconds / before.cpu:.2f}x (before)"
    )
    print(f"peak RSS extract+code {dyads_peak:6.0f} MB (three pipelines loaded)")
    print(f"peak RSS after all    {peak_rss_mb():6.0f} MB")
    # Batching and the attribute table must not change what is coded; the entity rule may,
    # in a few events.
    same = batched_all.events == before.events and now.events == batched_needed.events
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
