"""Time of the coding path on one long paragraph: 1,000 sentences against 4,000.

    .venv/bin/python bench/linear.py [--small 1000] [--large 4000]

A page that a bad extraction flattened into one paragraph once cost the square of its length
(the sentence splitter looked back to the paragraph's start from every period, the in-article
merge compared every pair of reports). This writes one paragraph of ``--small`` and one of
``--large`` sentences, cycling through the reports below (written for this benchmark), and
codes each with the stages ``dyads code`` runs (clean, code), in this process, after one
warm-up article has loaded the language model. It prints both times, their ratio (goal: at
most 6 for four times the sentences; linear work gives about 4) and the events found, then
the wall time of ``dyads code`` itself on both files, model loading included.

The per-document bounds (``DYADS_MAX_ARTICLE_CHARS``, ``DYADS_MAX_CODED_SENTENCES``) are
raised for the run, so the whole paragraph is coded rather than rejected.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_RATIO = 6.0

REPORTS = (
    "Turkey and Kazakhstan signed an agreement on rail transit in Ankara on Tuesday.",
    "The Kenyan government accused Uganda of sending troops across the border near Busia.",
    "Police in Nairobi arrested dozens of protesters who demanded lower fuel prices.",
    "Japan pledged humanitarian aid to the Philippines after the typhoon struck Luzon.",
    "The foreign minister of Peru met his Chilean counterpart to discuss fishing rights.",
    "Germany criticized Hungary for blocking the European Union's statement on Ukraine.",
    "Russia and China held joint naval exercises in the Sea of Japan for five days.",
    "The United Nations called on Ethiopia to allow aid convoys into the Tigray region.",
    "India expelled a Pakistani diplomat accused of spying, officials in New Delhi said.",
    "Brazil and Argentina agreed to cooperate on energy and to open their markets further.",
    "Israeli aircraft struck targets in Syria overnight, the Syrian army said on Friday.",
    "France recalled its ambassador from Mali after the junta expelled French journalists.",
)


def paragraph(sentences: int) -> str:
    return " ".join(REPORTS[i % len(REPORTS)] for i in range(sentences))


def code_in_process(paths: list[Path]) -> list[tuple[float, int]]:
    """Seconds and events for each path, coded by one warm pipeline."""
    from dyads.ingest import read_inputs
    from dyads.pipeline import PipelineSpec
    from dyads.records import CodedArticle, Document
    from dyads.registry import CODE, build_from_spec
    from dyads.settings import Settings

    settings = Settings()
    pipeline = build_from_spec(PipelineSpec(stages=CODE, settings=settings))
    results = []
    with pipeline:
        warm = next(iter(read_inputs([str(paths[0].with_name("warm.txt"))], settings=settings)))
        assert isinstance(warm, Document)
        pipeline.process(warm)
        for path in paths:
            (document,) = read_inputs([str(path)], settings=settings)
            assert isinstance(document, Document), document
            began = time.perf_counter()
            result, dropped = pipeline.process(document)
            elapsed = time.perf_counter() - began
            assert isinstance(result, CodedArticle), dropped
            results.append((elapsed, len(result.events)))
    return results


def code_command(path: Path) -> float:
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "dyads.cli.main", "code", str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=4_000)
    args = parser.parse_args()
    os.environ["DYADS_MAX_ARTICLE_CHARS"] = str(10**9)
    os.environ["DYADS_MAX_CODED_SENTENCES"] = str(10**9)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "warm.txt").write_text(paragraph(len(REPORTS)) + "\n")
        paths = []
        for count in (args.small, args.large):
            path = folder / f"paragraph-{count}.txt"
            path.write_text(paragraph(count) + "\n")
            paths.append(path)
        (small, small_events), (large, large_events) = code_in_process(paths)
        ratio = large / small
        print(f"coding path, {args.small:>5} sentences: {small:7.2f} s  {small_events} events")
        print(f"coding path, {args.large:>5} sentences: {large:7.2f} s  {large_events} events")
        print(f"ratio {ratio:.2f} for {args.large / args.small:g}x the sentences (goal <= 6)")
        walls = [code_command(path) for path in paths]
        print(
            f"dyads code (model load included): {walls[0]:.2f} s and {walls[1]:.2f} s, "
            f"ratio {walls[1] / walls[0]:.2f}"
        )
    return 0 if ratio <= GOAL_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
