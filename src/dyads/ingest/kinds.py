"""The one table of input kinds: how an input is recognised, read and cut into shards.

``read_inputs`` and ``read_file`` (which reader reads a file), standard input (which reader
reads an unnamed stream), the shard planner (``runner.shards``: which files are cut into
ranges of records, and how they are counted), the progress total and the help of
``dyads run`` all read ``INPUT_KINDS``; none of them names a kind.

A file's name decides its kind: the first kind that lists the name's suffix (``.gz`` looked
through, case ignored), else ``FALLBACK``. Standard input has no name: the first kind whose
``sniff`` accepts the head of the stream reads it, else ``FALLBACK``.

A shard is a range of the items a reader yields (read back with ``itertools.islice``), so a
kind is cut into shards by giving it a ``RecordCount``: the number of items a file yields,
counted before the run. Without one, a file is one shard.

The files a new kind needs are listed in the ``dyads.ingest`` docstring: its reader module,
its entry here, its test.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from dyads.errors import InputError, UnreadableInput
from dyads.ingest.base import FileReader, InputPath, ReadOptions, StreamReader, reject
from dyads.ingest.files import read_html_file, read_page_file, read_page_stream
from dyads.ingest.jsonl import count_jsonl_records, looks_like_jsonl, read_jsonl, read_jsonl_stream
from dyads.ingest.warc import count_warc_items, read_warc
from dyads.records import Document, Rejection

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordCount:
    """How many items a file of a kind yields, so it can be cut into ranges of records."""

    count: Callable[[InputPath], int]  # may raise OSError, EOFError or an InputError
    quick: bool  # the count skims the file (lines) rather than reading every record


class Sniff(Protocol):
    """Whether a stream that opens with ``head`` (all of it when ``complete``) is of a kind."""

    def __call__(self, head: bytes, *, complete: bool) -> bool: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class InputKind:
    """One kind of input: how it is recognised, read, counted for shards and described."""

    name: str
    suffixes: tuple[str, ...]  # lower case, with the dot; ``.gz`` after them is looked through
    read: FileReader
    summary: str  # what a file of this kind holds, for help texts
    records: RecordCount | None = None  # None: a file is one shard
    read_stream: StreamReader | None = None  # None: never read from standard input
    sniff: Sniff | None = None  # None: standard input is this kind only as FALLBACK


# Tried in this order on standard input; a name claimed by no kind is read as FALLBACK.
INPUT_KINDS: dict[str, InputKind] = {
    kind.name: kind
    for kind in (
        InputKind(
            name="html",
            suffixes=(".html", ".htm", ".xhtml"),
            read=read_html_file,
            summary="one HTML page",
        ),
        InputKind(
            name="jsonl",
            suffixes=(".jsonl", ".ndjson"),
            read=read_jsonl,
            summary="one document per line: an object with 'text', 'page' or 'html', "
            "and 'id', 'url', 'title', 'date' if known",
            records=RecordCount(count=count_jsonl_records, quick=True),
            read_stream=read_jsonl_stream,
            sniff=looks_like_jsonl,
        ),
        InputKind(
            name="warc",
            suffixes=(".warc",),
            read=read_warc,
            summary="one document per HTML response record of a web archive",
            records=RecordCount(count=count_warc_items, quick=False),
        ),
        InputKind(
            name="page",
            suffixes=(),
            read=read_page_file,
            summary="one page (.txt, ...): HTML when it opens like HTML, else a rendered "
            "page dumped as text",
            read_stream=read_page_stream,
        ),
    )
}
FALLBACK = "page"


def kind_for_name(name: str) -> InputKind:
    """The kind a file name announces (``.gz`` looked through), else ``FALLBACK``."""
    lowered = name.lower().removesuffix(".gz")
    dot = lowered.rfind(".")
    if dot >= 0 and "/" not in lowered[dot:]:
        for kind in INPUT_KINDS.values():
            if lowered[dot:] in kind.suffixes:
                return kind
    return INPUT_KINDS[FALLBACK]


def stream_kind(head: bytes, *, complete: bool) -> InputKind:
    """The first kind that takes a stream opening with ``head`` (the whole stream when
    ``complete``) for its own."""
    for kind in INPUT_KINDS.values():
        if kind.read_stream and kind.sniff and kind.sniff(head, complete=complete):
            return kind
    return INPUT_KINDS[FALLBACK]


def read_path(
    path: InputPath, *, source: str, options: ReadOptions
) -> Iterator[Document | Rejection]:
    """The documents of one file, read the way its name says.

    An error of the system while the file is read (a disk that fails, a file that turns out
    unreadable after it opened) ends that file with a rejection naming it; the documents
    already read from it stand.
    """
    try:
        yield from kind_for_name(path.name).read(path, source=source, options=options)
    except OSError as exc:
        problem = UnreadableInput(f"cannot read: {exc.strerror or exc}")
        yield reject(source, problem)


def count_records(path: InputPath) -> int | None:
    """How many items the file yields, counted before reading it; None for a file of a kind
    that is read whole (one shard), or one that cannot be counted."""
    records = kind_for_name(path.name).records
    if records is None:
        return None
    try:
        return records.count(path)
    except (OSError, EOFError, InputError) as exc:
        logger.debug("%s: not split into shards (%s)", path, exc)
        return None


def help_lines() -> list[str]:
    """One line per kind (its suffixes and what a file of it holds), then how standard input
    is told apart, for help texts."""
    lines = []
    for kind in INPUT_KINDS.values():
        names = ", ".join(kind.suffixes) if kind.suffixes else "any other name"
        lines.append(f"{kind.name} ({names}): {kind.summary}")
    sniffed = [kind.name for kind in INPUT_KINDS.values() if kind.read_stream and kind.sniff]
    tried = f"{' or '.join(sniffed)} when its opening says so, else " if sniffed else ""
    lines.append(f"- (standard input): {tried}{FALLBACK}")
    return lines
