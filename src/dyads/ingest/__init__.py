"""Readers that turn inputs into ``Document`` records, and bad inputs into ``Rejection``s.

Inputs are files, directories (walked recursively, sorted, hidden files skipped), glob
patterns and ``-`` for standard input. A file's name decides how it is read:

==============================  ================================================
``.html``/``.htm``/``.xhtml``   one HTML page (``HTML``), gzipped or not
``.jsonl``/``.ndjson`` (+.gz)   one document per line (see ``ingest.jsonl``)
``.warc``/``.warc.gz``          one document per HTML response record
``.txt``, ``.txt.gz``, other    one page: ``HTML`` when it opens like HTML
                                (``<!doctype html``, ``<html``), else a
                                rendered-page text dump (``PAGE_TEXT``)
==============================  ================================================

Nothing here raises for a bad input: each problem becomes a ``Rejection`` (stage
``"ingest"``, error = the ``dyads.errors`` class name) and the other inputs go on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from dyads.errors import UnreadableInput
from dyads.ingest.base import InputKind, kind_for_name, reject
from dyads.ingest.encoding import decode
from dyads.ingest.files import read_page_file
from dyads.ingest.jsonl import read_jsonl
from dyads.ingest.paths import STDIN, InputFile, expand
from dyads.ingest.stdin import read_stdin
from dyads.ingest.warc import WarcStats, read_warc
from dyads.records import Document, Rejection
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
    """The documents of one file, read the way its name says.

    An error of the system while the file is read (a disk that fails, a file that turns out
    unreadable after it opened) ends that file with a rejection naming it; the documents
    already read from it stand.
    """
    kind = kind_for_name(entry.path.name)
    try:
        if kind is InputKind.JSONL:
            yield from read_jsonl(entry.path, source=entry.source, limit=limit)
        elif kind is InputKind.WARC:
            yield from read_warc(entry.path, source=entry.source, limit=limit, stats=warc_stats)
        else:
            yield read_page_file(entry.path, source=entry.source, limit=limit)
    except OSError as exc:
        problem = UnreadableInput(f"cannot read: {exc.strerror or exc}")
        yield reject(entry.source, problem)
