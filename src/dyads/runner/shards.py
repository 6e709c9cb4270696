"""Shards: the unit of work a distributed run hands to a worker.

A shard is one input file, or a contiguous range of records of a large file of a kind that
counts its records (``RecordCount`` in ``dyads.ingest.kinds``: JSONL, WARC).
Its id hashes the file's path, size and modification time and the record range, so a rerun
over unchanged inputs finds the same ids and skips the shards that were completed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from dyads.ingest import read_file
from dyads.ingest.base import InputPath, reject
from dyads.ingest.kinds import count_records
from dyads.ingest.paths import InputFile, expand
from dyads.ingest.remote import RemotePath, is_url
from dyads.records import Document, Rejection, content_id

# Records per shard of a file that counts its records (JSONL, WARC): 500 articles take a
# worker 10-30 s to code on one core (measured on the news benchmark), long enough to
# amortise task overhead, short enough that a lost worker costs little and results returned
# to a single writer stay small.
RECORDS_PER_SHARD = 500


@dataclass(frozen=True, slots=True, kw_only=True)
class Shard:
    id: str
    path: str
    source: str
    start: int = 0  # first record (0-based) of the range
    stop: int | None = None  # one past the last record; None = to the end


@dataclass(frozen=True, slots=True, kw_only=True)
class ShardPlan:
    shards: tuple[Shard, ...]
    rejections: tuple[Rejection, ...]  # arguments that name no readable file


def plan_shards(
    paths: Sequence[str], *, workers: int = 1, records_per_shard: int = RECORDS_PER_SHARD
) -> ShardPlan:
    """Shards for every file the arguments name, in input order.

    Files of a kind that counts its records are cut into ranges of ``records_per_shard``
    records; when that gives fewer shards than ``workers``, the ranges shrink until every
    worker has one (a 120-record file on two workers is two shards of 60, not one of 120
    and an idle worker).
    """
    files: list[tuple[InputFile, int | None]] = []
    rejections: list[Rejection] = []
    for argument in paths:
        for entry in expand(argument):
            if isinstance(entry, InputFile):
                files.append((entry, count_records(entry.path)))
            else:
                rejections.append(reject(argument, entry))
    size = _shard_size(
        [count for _, count in files], workers=workers, records_per_shard=records_per_shard
    )
    shards = [
        shard for entry, count in files for shard in _file_shards(entry, count=count, size=size)
    ]
    return ShardPlan(shards=tuple(shards), rejections=tuple(rejections))


def _shard_size(counts: Sequence[int | None], *, workers: int, records_per_shard: int) -> int:
    """Records per shard: ``records_per_shard``, or fewer when that leaves workers idle.

    ``counts`` has one entry per file: its records, or None for a file that is one shard.
    """
    splittable = [count for count in counts if count]
    shards = sum(-(-count // records_per_shard) for count in splittable)
    whole = len(counts) - len(splittable)
    if whole + shards >= workers or not splittable:
        return records_per_shard
    wanted = workers - whole  # shards the splittable files must give between them
    even = -(-sum(splittable) // wanted)  # ranges of equal length, when the files allow it
    if sum(-(-count // even) for count in splittable) < wanted:
        even = sum(splittable) // wanted  # shorter ranges always give enough shards
    return max(1, min(records_per_shard, even))


def read_shard(shard: Shard, *, limit: int) -> Iterator[Document | Rejection]:
    """The documents (and rejections) of one shard, in file order."""
    path = RemotePath(shard.path) if is_url(shard.path) else Path(shard.path)
    entry = InputFile(path=path, source=shard.source)
    yield from islice(read_file(entry, limit=limit), shard.start, shard.stop)


def _file_shards(entry: InputFile, *, count: int | None, size: int) -> Iterator[Shard]:
    stamp = _stamp(entry.path)
    if count is None or count <= size:
        yield Shard(id=content_id(f"{stamp}|all"), path=str(entry.path), source=entry.source)
        return
    for start in range(0, count, size):
        # the last shard reads to the end, so a damaged tail is reported exactly once
        stop = start + size if start + size < count else None
        yield Shard(
            id=content_id(f"{stamp}|{start}:{stop or ''}"),
            path=str(entry.path),
            source=entry.source,
            start=start,
            stop=stop,
        )


def _stamp(path: InputPath) -> str:
    where = str(path) if isinstance(path, RemotePath) else str(path.resolve())
    try:
        status = path.stat()
    except OSError:
        return where
    return f"{where}|{status.st_size}|{status.st_mtime_ns}"
