#!/usr/bin/env python3
"""Code three sets of pages and write their events as canonical JSON Lines, or compare.

    PYTHONPATH=src .venv/bin/python scripts/compare_events.py --out /tmp/events.jsonl
    PYTHONPATH=src .venv/bin/python scripts/compare_events.py --out /tmp/after.jsonl \\
        --compare /tmp/events_before.jsonl

The sets: (a) every file in ``examples/``, (b) the seed page of ``../shared/seed/``, (c) the
articles of ``../shared/eval/news/news_dev.jsonl``. Each goes through the ``dyads code``
pipeline (ingest, the local runner, the registry's ``CODE`` stages); every event is one line
of ``event_to_dict`` with sorted keys, after a line naming its set and one line per input
saying whether it was coded, dropped (and why) or rejected. A refactoring of the pipeline
must leave the file byte for byte the same: ``--compare`` says so, or prints the first lines
that differ and exits 1. Sets whose files are absent (``../shared`` missing) are skipped with
a note on stderr.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# The differing lines shown by --compare: enough to see what moved, short enough to read.
DIFF_LINES = 40


def sets(shared: Path) -> list[tuple[str, list[str]]]:
    """(name, input paths) of every set, in a fixed order."""
    examples = sorted(str(p) for p in (ROOT / "examples").rglob("*") if p.is_file())
    seed = sorted(str(p) for p in (shared / "seed").glob("*.txt"))
    news = shared / "eval" / "news" / "news_dev.jsonl"
    return [
        ("examples", examples),
        ("seed", seed),
        ("news_dev", [str(news)] if news.is_file() else []),
    ]


def canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def coded_lines(name: str, paths: list[str], *, workers: int) -> Iterator[str]:
    """The canonical lines of one set: a header, then per input its fate and its events."""
    from dyads.export.jsonable import event_to_dict
    from dyads.ingest import read_inputs
    from dyads.pipeline import PipelineSpec
    from dyads.registry import CODE
    from dyads.runner.local import run_local
    from dyads.settings import Settings

    settings = Settings()
    yield canonical({"set": name, "inputs": [str(Path(p).relative_to(p_root(p))) for p in paths]})
    spec = PipelineSpec(stages=CODE, settings=settings)
    for outcome in run_local(read_inputs(paths, settings=settings), spec=spec, workers=workers):
        source = str(Path(outcome.source).name) if "/" in outcome.source else outcome.source
        if outcome.rejection is not None:
            yield canonical({"source": source, "rejected": outcome.rejection.error})
            continue
        if outcome.dropped is not None:
            yield canonical({"source": source, "dropped": outcome.dropped})
            continue
        events = outcome.result.events
        yield canonical({"source": source, "events": len(events)})
        for event in events:
            yield canonical(event_to_dict(event))


def p_root(path: str) -> Path:
    """The folder a set's paths are named from: the repository, or ``../shared``."""
    resolved = Path(path).resolve()
    return ROOT if resolved.is_relative_to(ROOT) else SHARED.resolve()


def compare(out: Path, baseline: Path) -> int:
    now = out.read_bytes()
    before = baseline.read_bytes()
    if now == before:
        lines = now.count(b"\n")
        sys.stdout.write(f"identical: {out} == {baseline} ({lines} lines, {len(now)} bytes)\n")
        return 0
    diff = difflib.unified_diff(
        before.decode("utf-8").splitlines(),
        now.decode("utf-8").splitlines(),
        fromfile=str(baseline),
        tofile=str(out),
        lineterm="",
    )
    for number, line in enumerate(diff):
        if number >= DIFF_LINES:
            sys.stdout.write("...\n")
            break
        sys.stdout.write(line[:300] + "\n")
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="where to write the JSONL")
    parser.add_argument("--compare", type=Path, help="a baseline file to compare byte for byte")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the ../shared folder")
    parser.add_argument("--workers", type=int, default=1, help="processes of the local runner")
    args = parser.parse_args()
    counts: dict[str, int] = {}
    with args.out.open("w", encoding="utf-8") as stream:
        for name, paths in sets(args.shared):
            if not paths:
                sys.stderr.write(f"skipped {name}: no files under {args.shared}\n")
                continue
            events = 0
            for line in coded_lines(name, paths, workers=args.workers):
                events += line.startswith('{"actors"')
                stream.write(line + "\n")
            counts[name] = events
    summary = ", ".join(f"{name} {n} events" for name, n in counts.items())
    sys.stdout.write(f"wrote {args.out}: {summary}\n")
    if args.compare is not None:
        return compare(args.out, args.compare)
    return 0


if __name__ == "__main__":
    sys.exit(main())
