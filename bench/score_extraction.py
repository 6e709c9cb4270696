"""Score the page-text cleaner on the extraction evaluation sets and time it.

    .venv/bin/python bench/score_extraction.py zyte-lynx preds.jsonl
    .venv/bin/python bench/score_extraction.py zyte-w3m preds.jsonl --half check
    .venv/bin/python bench/score_extraction.py trafilatura-w3m preds.jsonl
    .venv/bin/python bench/score_extraction.py zyte-lynx preds.jsonl --compare-trafilatura

Writes one ``{"id", "body"}`` line per page (the dateline text, if any, then the
paragraphs), runs the set's scorer (``score.py`` from the evaluation data) on it and prints
the cleaner's time per page. ``--half dev`` / ``--half check`` keep one of two fixed random
halves of the Zyte ids: rules are tuned on ``dev`` and only checked on ``check``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from dyads.clean.meta import split_dateline
from dyads.clean.pagetext import clean_page_text
from dyads.errors import NoArticleFound
from dyads.records import Article, Document, MediaType, content_id

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared"
SETS = {
    "zyte-lynx": ("zyte/lynx", ".txt"),
    "zyte-w3m": ("zyte/w3m", ".txt"),
    "zyte-lynx80": ("zyte/lynx80", ".txt"),
    "trafilatura-w3m": ("trafilatura/w3m", ".txt.gz"),
}


def in_half(page_id: str, half: str) -> bool:
    """A fixed random half of the ids: the sha256 of the id decides, so both halves are stable."""
    if half == "all":
        return True
    bit = hashlib.sha256(page_id.encode("utf-8")).digest()[0] & 1
    return bit == (0 if half == "dev" else 1)


def read_pages(folder: Path, suffix: str, half: str) -> Iterator[tuple[str, str]]:
    for path in sorted(folder.glob(f"*{suffix}")):
        page_id = path.name[: -len(suffix)]
        if not in_half(page_id, half):
            continue
        raw = gzip.decompress(path.read_bytes()) if suffix.endswith(".gz") else path.read_bytes()
        yield page_id, raw.decode("utf-8", errors="replace")


def prediction_body(article: Article) -> str:
    """The scorer's body: the gold keeps a dateline that opens the first paragraph."""
    parts = list(article.paragraphs)
    if article.dateline is not None and parts:
        parts[0] = f"{article.dateline.text} {parts[0]}"
    return "\n".join(parts)


def predict(pages: list[tuple[str, str]]) -> tuple[list[dict[str, str]], float]:
    rows: list[dict[str, str]] = []
    elapsed = 0.0
    # warm up: the gazetteer behind dateline places loads once per process
    split_dateline("ANKARA, Feb 4 (Reuters) - Turkey said on Thursday.")
    for page_id, text in pages:
        document = Document(
            id=content_id(text), source=page_id, media_type=MediaType.PAGE_TEXT, text=text
        )
        started = time.perf_counter()
        try:
            body = prediction_body(clean_page_text(document))
        except NoArticleFound:
            body = ""
        elapsed += time.perf_counter() - started
        rows.append({"id": page_id, "body": body})
    return rows, elapsed


def time_trafilatura(data: Path, ids: list[str]) -> float:
    """Seconds trafilatura takes to extract the same Zyte pages from their HTML."""
    import trafilatura

    html = [gzip.decompress((data / "zyte" / "html" / f"{i}.html.gz").read_bytes()) for i in ids]
    started = time.perf_counter()
    for page in html:
        trafilatura.extract(page.decode("utf-8", errors="replace"))
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set", choices=sorted(SETS))
    parser.add_argument("output", type=Path, help="predictions JSONL to write")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--half", choices=("all", "dev", "check"), default="all")
    parser.add_argument("--per-doc", type=Path, help="per-page scores (TSV)")
    parser.add_argument("--compare-trafilatura", action="store_true")
    args = parser.parse_args()
    data = args.shared / "eval" / "extraction"
    folder, suffix = SETS[args.set]
    pages = list(read_pages(data / folder, suffix, args.half))
    rows, elapsed = predict(pages)
    args.output.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    per_page_ms = 1000 * elapsed / max(1, len(rows))
    print(f"{args.set} ({args.half}): {len(rows)} pages, {per_page_ms:.2f} ms per page")
    if args.compare_trafilatura and args.set.startswith("zyte"):
        other = time_trafilatura(data, [r["id"] for r in rows])
        print(
            f"trafilatura on HTML: {1000 * other / len(rows):.2f} ms per page, "
            f"{other / elapsed:.1f}x slower"
        )
    command = [sys.executable, str(data / "score.py"), str(args.output), "--bootstrap", "0"]
    if args.set.startswith("trafilatura"):
        command += ["--snippets", str(data / "trafilatura" / "evaldata.json")]
    else:
        gold = json.loads((data / "zyte" / "ground-truth.json").read_text(encoding="utf-8"))
        subset = {r["id"]: gold[r["id"]] for r in rows}
        gold_path = args.output.with_suffix(".gold.json")
        gold_path.write_text(json.dumps(subset), encoding="utf-8")
        command += ["--gold", str(gold_path)]
        if args.per_doc:
            command += ["--per-doc", str(args.per_doc)]
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
