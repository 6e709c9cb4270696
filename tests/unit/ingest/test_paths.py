"""Paths the system refuses: each is a rejection naming it, and the other inputs go on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dyads.ingest import read_inputs
from dyads.records import Document, Rejection
from dyads.settings import Settings

PAGE = "Turkey and Kazakhstan signed an agreement on rail transit in Ankara on Tuesday.\n"

# Reads the inputs named on its command line and prints one JSON line per item: run under
# the ``unprivileged`` prefix, where file modes are obeyed.
_READER = """
import json, sys
from dyads.ingest import read_inputs
from dyads.records import Rejection
from dyads.settings import Settings
for item in read_inputs(sys.argv[1:], settings=Settings()):
    if isinstance(item, Rejection):
        print(json.dumps([item.source, item.error, item.message]))
    else:
        print(json.dumps([item.source, None, None]))
"""


def _read(paths: list[str]) -> list[tuple[str, str | None, str | None]]:
    out = []
    for item in read_inputs(paths, settings=Settings()):
        if isinstance(item, Rejection):
            out.append((item.source, item.error, item.message))
        else:
            out.append((item.source, None, None))
    return out


def _read_unprivileged(prefix: list[str], paths: list[str], cwd: Path) -> list[list[str | None]]:
    done = subprocess.run(
        [*prefix, sys.executable, "-c", _READER, *paths],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
        env=os.environ,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


_LOCKED = ("locked", "tree/closed", "tree/secret.txt")


def _make_locked_tree(root: Path) -> None:
    """ok.txt; locked/ (mode 000) holding x.html; tree/ with a readable page, an unreadable
    page and an unreadable subdirectory."""
    (root / "ok.txt").write_text(PAGE)
    for folder in ("locked", "tree/closed"):
        (root / folder).mkdir(parents=True)
    for page in ("locked/x.html", "tree/a.txt", "tree/closed/y.txt", "tree/secret.txt"):
        (root / page).write_text(PAGE)
    for locked in _LOCKED:
        (root / locked).chmod(0)


def test_read_inputs_unreadable_parent_file_and_directory_are_rejections(
    unprivileged: list[str], tmp_path: Path
) -> None:
    _make_locked_tree(tmp_path)
    try:
        found = _read_unprivileged(
            unprivileged, ["ok.txt", "locked/x.html", "locked", "tree"], cwd=tmp_path
        )
    finally:
        for locked in _LOCKED:
            (tmp_path / locked).chmod(0o755)
    assert found == [
        ["ok.txt", None, None],
        ["locked/x.html", "UnreadableInput", "cannot read: Permission denied"],
        ["locked", "UnreadableInput", "cannot list the directory: Permission denied"],
        ["tree/a.txt", None, None],
        ["tree", "UnreadableInput", "tree/closed: cannot list the directory: Permission denied"],
        ["tree/secret.txt", "UnreadableInput", "cannot open: Permission denied"],
    ]


def test_read_inputs_symlink_loop_of_files_is_a_rejection(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "loopa").symlink_to(tmp_path / "loopb")
    (tmp_path / "loopb").symlink_to(tmp_path / "loopa")
    found = _read([str(tmp_path), str(tmp_path / "loopa")])
    loop = "cannot open: Too many levels of symbolic links"
    assert found == [
        (str(tmp_path / "a.txt"), None, None),
        (str(tmp_path / "loopa"), "UnreadableInput", loop),
        (str(tmp_path / "loopb"), "UnreadableInput", loop),
        (str(tmp_path / "loopa"), "UnreadableInput", loop),
    ]


def test_read_inputs_directory_link_loop_is_a_rejection_and_files_read_once(
    tmp_path: Path,
) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "a.txt").write_text(PAGE)
    (tmp_path / "sub" / "deeper" / "up").symlink_to(tmp_path / "sub")  # a loop
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text(PAGE)
    (tmp_path / "sub" / "linked").symlink_to(tmp_path / "elsewhere")  # followed
    (tmp_path / "sub" / "again").symlink_to(tmp_path / "elsewhere")  # read once only
    found = _read([str(tmp_path / "sub")])
    sub = tmp_path / "sub"
    assert found == [
        (str(sub / "again" / "b.txt"), None, None),
        (str(sub / "deeper" / "a.txt"), None, None),
        (
            str(sub),
            "UnreadableInput",
            f"{sub / 'deeper' / 'up'}: a symbolic link loop back to {os.path.realpath(sub)}",
        ),
    ]


def test_read_inputs_path_that_vanishes_before_it_is_read(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(PAGE.replace("Tuesday", name))
    items = read_inputs([str(tmp_path)], settings=Settings())
    first = next(items)
    (tmp_path / "b.txt").unlink()
    rest = list(items)
    assert isinstance(first, Document)
    assert [(r.source, r.message) for r in rest if isinstance(r, Rejection)] == [
        (str(tmp_path / "b.txt"), "no such file")
    ]


def test_read_inputs_parent_the_system_refuses_to_look_at(tmp_path: Path) -> None:
    """A parent whose name is too long: the look at the path itself fails, as it does for a
    parent without permission, and the next argument is still read."""
    (tmp_path / "ok.txt").write_text(PAGE)
    refused = str(tmp_path / ("x" * 300) / "page.html")
    found = _read([refused, str(tmp_path / "ok.txt")])
    assert found == [
        (refused, "UnreadableInput", "cannot read: File name too long"),
        (str(tmp_path / "ok.txt"), None, None),
    ]


def test_read_inputs_error_while_reading_a_record_file_is_a_rejection(tmp_path: Path) -> None:
    """A file that opens but fails when read (``/proc/self/mem`` answers EIO at offset 0):
    the rejection names it and the next input is read."""
    if not Path("/proc/self/mem").exists():
        pytest.skip("needs Linux's /proc/self/mem to fail a read for real")
    failing = tmp_path / "failing.jsonl"
    failing.symlink_to("/proc/self/mem")
    (tmp_path / "ok.txt").write_text(PAGE)
    found = _read([str(failing), str(tmp_path / "ok.txt")])
    assert found == [
        (str(failing), "UnreadableInput", "cannot read: Input/output error"),
        (str(tmp_path / "ok.txt"), None, None),
    ]
