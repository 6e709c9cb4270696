"""Inputs named by URL go through fsspec: here its in-memory filesystem stands in for s3://."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import fsspec
import pytest

from dyads.ingest import read_inputs
from dyads.ingest.remote import is_url
from dyads.records import Document, MediaType, Rejection
from dyads.runner.shards import plan_shards, read_shard
from dyads.settings import Settings

PAGE = "Ghana and Togo agreed on Monday to reopen their border crossing at Aflao.\n"


@pytest.fixture
def bucket() -> Iterator[str]:
    fs = fsspec.filesystem("memory")
    root = "/dyads-test-bucket"
    fs.pipe(f"{root}/pages/a.txt", PAGE.encode())
    fs.pipe(f"{root}/pages/b.txt.gz", gzip.compress(PAGE.replace("Monday", "Friday").encode()))
    records = [{"id": f"r{n}", "text": f"Report {n}: {PAGE}"} for n in range(3)]
    fs.pipe(f"{root}/batch.jsonl", "".join(json.dumps(r) + "\n" for r in records).encode())
    yield f"memory://{root}"
    fs.rm(root, recursive=True)


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        ("s3://bucket/crawl/*.warc.gz", True),
        ("memory://x/y.txt", True),
        ("file:///tmp/a.txt", False),
        ("data/pages/a.txt", False),
        ("C:/pages/a.txt", False),
    ],
)
def test_is_url_tells_urls_from_paths(argument: str, expected: bool) -> None:
    assert is_url(argument) is expected


def test_remote_glob_folder_and_jsonl_are_read_like_local_files(bucket: str) -> None:
    items = list(read_inputs([f"{bucket}/pages/*", f"{bucket}/batch.jsonl"], settings=Settings()))
    documents = [item for item in items if isinstance(item, Document)]
    assert len(documents) == 5
    assert documents[0].source == f"{bucket}/pages/a.txt"
    assert documents[0].media_type is MediaType.PAGE_TEXT
    assert "Friday" in documents[1].text  # gunzipped
    assert [d.external_id for d in documents[2:]] == ["r0", "r1", "r2"]


def test_remote_missing_file_is_a_rejection(bucket: str) -> None:
    (item,) = read_inputs([f"{bucket}/nope.txt"], settings=Settings())
    assert isinstance(item, Rejection)
    assert item.error == "UnreadableInput"


def test_remote_jsonl_splits_into_record_shards(bucket: str) -> None:
    plan = plan_shards([f"{bucket}/batch.jsonl"], records_per_shard=2)
    assert [(s.start, s.stop) for s in plan.shards] == [(0, 2), (2, None)]
    read = [d for shard in plan.shards for d in read_shard(shard, limit=10_000)]
    assert [d.external_id for d in read if isinstance(d, Document)] == ["r0", "r1", "r2"]
