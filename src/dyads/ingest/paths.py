"""Input arguments to files: directories walked, globs expanded, missing paths reported."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dyads.errors import UnreadableInput
from dyads.ingest.remote import RemotePath, expand_url, is_url

STDIN = "-"
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, slots=True, kw_only=True)
class InputFile:
    """One file to read, with the name it is reported under."""

    path: Path | RemotePath
    source: str


def expand(argument: str) -> Iterator[InputFile | UnreadableInput]:
    """The files an argument names, in sorted order, or why it names none.

    A directory is walked recursively, skipping hidden files and directories. A pattern is
    expanded only when no file of that exact name exists.
    """
    if is_url(argument):
        for found in expand_url(argument):
            if isinstance(found, RemotePath):
                yield InputFile(path=found, source=found.url)
            else:
                yield found
        return
    path = Path(argument)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists() or path.is_symlink() or not _GLOB_CHARACTERS & set(argument):
        yield InputFile(path=path, source=argument)
    else:
        matches = sorted(glob.glob(argument, recursive=True))
        if not matches:
            yield UnreadableInput(f"{argument}: no file matches this pattern")
        for match in matches:
            if Path(match).is_dir():
                yield from _walk(Path(match))
            else:
                yield InputFile(path=Path(match), source=match)


def _walk(directory: Path) -> Iterator[InputFile]:
    found: list[Path] = []
    for root, directories, files in os.walk(directory):
        directories[:] = [name for name in directories if not name.startswith(".")]
        found.extend(Path(root, name) for name in files if not name.startswith("."))
    for path in sorted(found, key=lambda path: path.parts):
        yield InputFile(path=path, source=str(path))
