"""Readers that turn inputs into ``Document`` records, and bad inputs into ``Rejection``s.

Inputs are files, directories (walked recursively, sorted, hidden files skipped), glob
patterns, URLs (``ingest.remote``) and ``-`` for standard input. How each is read is its
input kind, looked up in the one table ``INPUT_KINDS`` (``ingest.kinds``; ``dyads run
--help`` lists the kinds).

Nothing here raises for a bad input: each problem becomes a ``Rejection`` (stage
``"ingest"``, error = the ``dyads.errors`` class name) and the other inputs go on.

Adding an input kind
--------------------
A new kind is one reader module and one table entry; nothing else names a kind:

- ``src/dyads/ingest/<kind>.py``: a ``FileReader`` (``path, *, source, options`` to
  documents and rejections), and, to be cut into shards, a function counting the items a
  file yields; for standard input, a ``StreamReader`` and a sniff of the stream's head;
- ``src/dyads/ingest/kinds.py``: its ``InputKind`` in ``INPUT_KINDS`` (name, suffixes,
  reader, help summary, ``RecordCount``, stream reader and sniff);
- ``tests/unit/ingest/test_<kind>.py``: its documents and rejections.

The walker, the reader dispatch, standard input, the shard planner, the progress total and
the help of ``dyads run`` then know it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, BinaryIO

from dyads.ingest.base import ReadOptions, reject
from dyads.ingest.encoding import decode
from dyads.ingest.kinds import read_path
from dyads.ingest.paths import STDIN, InputFile, expand
from dyads.ingest.stdin import read_stdin
from dyads.ingest.warc import WarcStats
from dyads.records import Document, Rejection

if TYPE_CHECKING:
    from dyads.settings import Settings

__all__ = ["WarcStats", "decode", "read_file", "read_inputs"]


def read_inputs(
    paths: Sequence[str],
    *,
    settings: Settings,
    stdin: BinaryIO | None = None,
    warc_stats: WarcStats | None = None,
) -> Iterator[Document | Rejection]:
    """Documents and rejections for ``paths``, in input order, streaming.

    ``stdin`` is read for ``-`` (the process's standard input when not given);
    ``warc_stats`` collects the record counts of WARC inputs.
    """
    limit = settings.max_input_bytes
    for argument in paths:
        if argument == STDIN:
            yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer, limit=limit)
            continue
        for entry in expand(argument):
            if isinstance(entry, InputFile):
                yield from read_file(entry, limit=limit, warc_stats=warc_stats)
            else:
                yield reject(argument, entry)


def read_file(
    entry: InputFile, *, limit: int, warc_stats: WarcStats | None = None
) -> Iterator[Document | Rejection]:
    """The documents of one file, read by the kind its name says (``ingest.kinds``)."""
    options = ReadOptions(limit=limit, warc_stats=warc_stats)
    yield from read_path(entry.path, source=entry.source, options=options)
