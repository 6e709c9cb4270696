"""The table of input kinds: names decide the kind, standard input is sniffed, help lists all."""

from __future__ import annotations

import pytest

from dyads.cli.main import build_parser
from dyads.cli.parser import subparsers
from dyads.ingest.kinds import FALLBACK, INPUT_KINDS, kind_for_name, stream_kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("story.html", "html"),
        ("STORY.HTM", "html"),
        ("story.xhtml.gz", "html"),
        ("batch.jsonl", "jsonl"),
        ("batch.ndjson.gz", "jsonl"),
        ("crawl.warc", "warc"),
        ("crawl.warc.gz", "warc"),
        ("page.txt", "page"),
        ("page.txt.gz", "page"),
        ("README", "page"),
        ("archive.gz", "page"),
        ("a.b/c", "page"),  # a dot in a folder name is not a suffix
    ],
)
def test_kind_for_name_reads_the_suffix_through_gzip(name: str, kind: str) -> None:
    assert kind_for_name(name).name == kind


def test_input_kinds_claim_each_suffix_once_and_read_standard_input_by_fallback() -> None:
    suffixes = [suffix for kind in INPUT_KINDS.values() for suffix in kind.suffixes]
    assert len(suffixes) == len(set(suffixes))
    assert all(suffix == suffix.lower() and suffix.startswith(".") for suffix in suffixes)
    assert all(name == kind.name for name, kind in INPUT_KINDS.items())
    assert INPUT_KINDS[FALLBACK].read_stream is not None


@pytest.mark.parametrize(
    ("head", "complete", "kind"),
    [
        (b'{"text": "a"}\n{"text": "b"}\n', True, "jsonl"),
        (b'{"text": "a"}\n{"tex', False, "jsonl"),  # the cut last line is not judged
        (b"<!doctype html><html>", True, "page"),
        (b'{"text": "a"}\nnot json\n', True, "page"),
        (b"", True, "page"),
    ],
)
def test_stream_kind_sniffs_standard_input(head: bytes, complete: bool, kind: str) -> None:
    assert stream_kind(head, complete=complete).name == kind


def test_run_help_lists_every_input_kind_from_the_table() -> None:
    run = next(p for p in subparsers(build_parser()) if p.prog.endswith(" run"))
    text = " ".join(run.format_help().split())
    for kind in INPUT_KINDS.values():
        assert f"{kind.name} (" in text
        assert " ".join(kind.summary.split()) in text
        for suffix in kind.suffixes:
            assert suffix in text
