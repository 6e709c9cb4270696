"""Inputs named by URL (``s3://bucket/crawl/*.warc.gz``, ``gs://``, ``memory://``), read
through fsspec.

A ``RemotePath`` offers the little of ``pathlib.Path`` the readers use (``name``, ``open``,
``stat``), so a remote file is read exactly like a local one. The filesystem for a scheme
comes from its fsspec package (``s3fs`` for ``s3://``), installed beside dyads.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from dyads.errors import UnreadableInput

INSTALL_HINT = "reading URLs needs fsspec: pip install 'dyads[dask]' (and s3fs for s3://)"


def is_url(argument: str) -> bool:
    """Whether an input argument names a file by URL rather than by local path."""
    scheme, sep, _ = argument.partition("://")
    return bool(sep) and scheme.isalnum() and scheme != "file"


@dataclass(frozen=True, slots=True)
class RemoteStat:
    st_size: int
    st_mtime_ns: int


@dataclass(frozen=True, slots=True)
class RemotePath:
    url: str

    @property
    def name(self) -> str:
        return self.url.rstrip("/").rsplit("/", 1)[-1]

    def open(self, mode: str = "rb") -> IO[bytes]:
        fs, path = _filesystem(self.url)
        try:
            handle: IO[bytes] = fs.open(path, mode)
        except FileNotFoundError:
            raise FileNotFoundError(self.url) from None
        return handle

    def stat(self) -> RemoteStat:
        fs, path = _filesystem(self.url)
        info = fs.info(path)
        modified = info.get("mtime") or info.get("LastModified") or info.get("created") or 0
        stamp = modified.timestamp() if hasattr(modified, "timestamp") else float(modified)
        return RemoteStat(st_size=int(info.get("size") or 0), st_mtime_ns=int(stamp * 1e9))

    def __str__(self) -> str:
        return self.url


def expand_url(argument: str) -> Iterator[RemotePath | UnreadableInput]:
    """The files a URL names: one file, every file under a folder, or a glob's matches."""
    fs, path = _filesystem(argument)
    if any(ch in path for ch in "*?["):
        matches = sorted(fs.glob(path))
    elif fs.isdir(path):
        matches = sorted(fs.find(path))
    elif fs.exists(path):
        matches = [path]
    else:
        yield UnreadableInput(f"{argument}: no such file")
        return
    if not matches:
        yield UnreadableInput(f"{argument}: no file matches this pattern")
    for match in matches:
        if not os.path.basename(match).startswith("."):
            yield RemotePath(str(fs.unstrip_protocol(match)))


def _filesystem(url: str) -> tuple[Any, str]:
    try:
        from fsspec.core import url_to_fs
    except ImportError as exc:  # pragma: no cover - fsspec comes with the dask extra
        raise UnreadableInput(f"{url}: {INSTALL_HINT}") from exc
    try:
        fs, path = url_to_fs(url)
    except (ImportError, ValueError) as exc:
        raise UnreadableInput(f"{url}: {exc}") from exc
    return fs, str(path)
