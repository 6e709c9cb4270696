"""How long ``dyads code`` takes on one short article, start to finish, in a fresh process.

    PYTHONPATH=src .venv/bin/python bench/startup.py [--ref GITREF] [--repeat 3]

Runs ``dyads code`` on a two-paragraph article (written here) in new Python processes and
prints the fastest CPU seconds (user + system of the child) and wall seconds of ``--repeat``
runs: with the gazetteer cache empty (the first run on a machine) and filled (every later
run). With ``--ref``, the same runs of the code at that git revision (checked out into a
temporary worktree, with this checkout's virtual environment) are timed side by side, and the
difference printed: what the work since then added to a start.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (
    "ANKARA, March 3 (Wire) - Turkey urged Greece on Tuesday to withdraw its troops from "
    "the islands near its coast.\n\n"
    "Greece's foreign minister rejected the demand and accused Ankara of provocation.\n"
)
RUN = "import sys; from dyads.cli.main import main; sys.exit(main())"


@dataclass(frozen=True, slots=True)
class Run:
    cpu: float
    wall: float


def one_run(src: Path, article: Path, cache: Path) -> Run:
    env = {**os.environ, "PYTHONPATH": str(src), "DYADS_CACHE_DIR": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", RUN, "code", str(article)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        cwd=src.parent,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(cpu=cpu, wall=wall)


def timings(src: Path, article: Path, *, repeat: int, work: Path) -> tuple[Run, Run]:
    """The fastest start with an empty cache and with a filled one."""
    cold: list[Run] = []
    warm: list[Run] = []
    for index in range(repeat):
        cache = work / f"cache-{src.parent.name}-{index}"
        cold.append(one_run(src, article, cache))  # builds and keeps the gazetteer
        warm.append(one_run(src, article, cache))
    return min(cold, key=lambda r: r.cpu), min(warm, key=lambda r: r.cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default=None, help="a git revision to time side by side")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; fastest counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        article = work / "article.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        sources = {"this checkout": ROOT / "src"}
        if args.ref:
            tree = work / "ref"
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.ref],
                check=True,
                capture_output=True,
            )
            sources[f"at {args.ref}"] = tree / "src"
        try:
            results = {
                label: timings(src, article, repeat=args.repeat, work=work)
                for label, src in sources.items()
            }
        finally:
            if args.ref:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(work / "ref")],
                    check=False,
                    capture_output=True,
                )
    for label, (cold, warm) in results.items():
        print(
            f"dyads code, one short article, {label:<22} "
            f"first run {cold.cpu:5.2f} s CPU ({cold.wall:5.2f} s wall)   "
            f"later runs {warm.cpu:5.2f} s CPU ({warm.wall:5.2f} s wall)"
        )
    if args.ref:
        (now_cold, now_warm), (then_cold, then_warm) = results.values()
        print(
            f"added since {args.ref}: first run {now_cold.cpu - then_cold.cpu:+.2f} s CPU, "
            f"later runs {now_warm.cpu - then_warm.cpu:+.2f} s CPU"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
