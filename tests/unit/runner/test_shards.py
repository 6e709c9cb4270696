"""Shard planning: record ranges of large files, and enough shards for every worker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyads.runner.shards import RECORDS_PER_SHARD, plan_shards


def _jsonl(path: Path, records: int) -> Path:
    lines = (json.dumps({"id": f"r{i}", "text": f"Story {i}."}) for i in range(records))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_plan_shards_cuts_a_small_jsonl_into_one_shard_per_worker(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "batch.jsonl", 120)
    assert len(plan_shards([str(path)]).shards) == 1
    plan = plan_shards([str(path)], workers=2)
    assert [(s.start, s.stop) for s in plan.shards] == [(0, 60), (60, None)]
    assert len({s.id for s in plan.shards}) == 2


@pytest.mark.parametrize(
    ("records", "workers"),
    [([5], 4), ([121], 2), ([3, 3], 4), ([1, 1, 1, 5], 5), ([7], 3), ([2], 8)],
)
def test_plan_shards_gives_every_worker_a_shard_when_records_allow(
    tmp_path: Path, records: list[int], workers: int
) -> None:
    paths = [str(_jsonl(tmp_path / f"f{i}.jsonl", n)) for i, n in enumerate(records)]
    shards = plan_shards(paths, workers=workers).shards
    assert len(shards) >= min(workers, sum(records))
    covered = {
        (s.path, i) for s in shards for i in range(s.start, s.stop or records[paths.index(s.path)])
    }
    assert len(covered) == sum(records)  # every record in exactly one range


def test_plan_shards_counts_single_files_towards_the_workers(tmp_path: Path) -> None:
    pages = [tmp_path / f"page{i}.txt" for i in range(3)]
    for page in pages:
        page.write_text("Kenya and Uganda agreed to build a railway link.", encoding="utf-8")
    jsonl = _jsonl(tmp_path / "batch.jsonl", 40)
    plan = plan_shards([*map(str, pages), str(jsonl)], workers=4)
    assert len(plan.shards) == 4  # three pages and the whole JSONL: no cut needed
    plan = plan_shards([*map(str, pages), str(jsonl)], workers=5)
    assert len(plan.shards) == 5


def test_plan_shards_keeps_full_ranges_when_workers_are_busy(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "big.jsonl", 2 * RECORDS_PER_SHARD + 1)
    plan = plan_shards([str(path)], workers=2)
    assert [s.start for s in plan.shards] == [0, RECORDS_PER_SHARD, 2 * RECORDS_PER_SHARD]
