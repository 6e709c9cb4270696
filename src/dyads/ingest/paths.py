"""Input arguments to files: directories walked, globs expanded, missing paths reported."""

from __future__ import annotations

import glob
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dyads.errors import UnreadableInput
from dyads.ingest.remote import RemotePath, expand_url, is_url

logger = logging.getLogger(__name__)

STDIN = "-"
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, slots=True, kw_only=True)
class InputFile:
    """One file to read, with the name it is reported under."""

    path: Path | RemotePath
    source: str


def expand(argument: str) -> Iterator[InputFile | UnreadableInput]:
    """The files an argument names, in sorted order, or why it names none.

    A directory is walked recursively, skipping hidden files and directories, following
    symbolic links to directories but never around a loop. A pattern is expanded only when no
    file of that exact name exists. A path the system refuses to look at (no permission on
    it or on a parent, a link loop, a directory that cannot be listed) is an
    ``UnreadableInput`` naming it, and the other paths go on.
    """
    if is_url(argument):
        for found in expand_url(argument):
            if isinstance(found, RemotePath):
                yield InputFile(path=found, source=found.url)
            else:
                yield found
        return
    try:
        yield from _expand_local(argument)
    except OSError as exc:
        yield UnreadableInput(f"{exc.filename or argument}: cannot read: {_reason(exc)}")


def _expand_local(argument: str) -> Iterator[InputFile | UnreadableInput]:
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


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _walk(directory: Path) -> Iterator[InputFile | UnreadableInput]:
    """Files under ``directory`` in sorted order, with a rejection where a directory cannot
    be listed or a link leads back to a directory above it."""
    found: list[tuple[tuple[str, ...], InputFile | UnreadableInput]] = []

    def unlistable(exc: OSError) -> None:
        name = str(exc.filename or directory)
        problem = UnreadableInput(f"{name}: cannot list the directory: {_reason(exc)}")
        found.append((Path(name).parts, problem))

    walked = {os.path.realpath(directory)}
    for root, directories, files in os.walk(directory, onerror=unlistable, followlinks=True):
        kept = []
        for name in sorted(directories):  # sorted: of two links to one directory, the same wins
            if name.startswith("."):
                continue
            problem = _revisit(Path(root, name), walked)
            if problem is not None:
                found.append((Path(root, name).parts, problem))
            elif (real := os.path.realpath(Path(root, name))) not in walked:
                walked.add(real)
                kept.append(name)
        directories[:] = kept
        found.extend(
            (Path(root, name).parts, InputFile(path=Path(root, name), source=str(Path(root, name))))
            for name in files
            if not name.startswith(".")
        )
    for _, entry in sorted(found, key=lambda pair: pair[0]):
        yield entry


def _revisit(path: Path, walked: set[str]) -> UnreadableInput | None:
    """A rejection when ``path`` links to a directory that holds it (a loop, which would
    also lead out of the tree); a second link to a directory read elsewhere is only skipped,
    so its files are read once."""
    real = os.path.realpath(path)
    parent = os.path.realpath(path.parent)
    if parent == real or parent.startswith(real.rstrip(os.sep) + os.sep):
        return UnreadableInput(f"{path}: a symbolic link loop back to {real}")
    if real in walked:
        logger.info("%s: links to %s, a directory read already", path, real)
    return None
