"""Write the HTML cleaner's predictions for the zyte pages, and its metadata accuracy.

    python bench/score_html.py [--data ../shared/eval/extraction] [--out preds.jsonl]
    python3 ../shared/eval/extraction/score.py preds.jsonl

The body written for scoring is the dateline text followed by the paragraphs, joined by
newlines, because the zyte gold keeps the datelines that open articles. With ``--metadata N``
it also checks title, date and author against trafilatura's evaluation set on N pages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
import unicodedata
from pathlib import Path

from trafilatura.utils import decode_file

from dyads.clean.html import clean_html
from dyads.errors import NoArticleFound
from dyads.records import Article, Document, MediaType, content_id
from dyads.settings import Settings

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "extraction"


def html_document(path: Path, *, url: str | None = None) -> Document:
    with gzip.open(path) as stream:
        raw = stream.read()
    text = decode_file(raw)  # the page's declared or detected encoding
    return Document(
        id=content_id(text), source=str(path), media_type=MediaType.HTML, text=text, url=url
    )


def scoring_body(article: Article) -> str:
    head = [article.dateline.text] if article.dateline else []
    return "\n".join([*head, *article.paragraphs])


def write_predictions(data: Path, out: Path, *, limit: int | None) -> None:
    truth = json.loads((data / "zyte" / "ground-truth.json").read_text())
    settings = Settings()
    pages = sorted((data / "zyte" / "html").glob("*.html.gz"))[:limit]
    started = time.perf_counter()
    with out.open("w") as sink:
        for path in pages:
            page_id = path.name.split(".")[0]
            document = html_document(path, url=truth.get(page_id, {}).get("url"))
            try:
                body = scoring_body(clean_html(document, settings=settings))
            except NoArticleFound:
                body = ""
            sink.write(json.dumps({"id": page_id, "body": body}) + "\n")
    elapsed = time.perf_counter() - started
    print(f"{len(pages)} pages in {elapsed:.1f} s ({len(pages) / elapsed:.1f} docs/s) -> {out}")


def _norm(value: str | list[str] | None) -> str:
    text = ", ".join(value) if isinstance(value, list) else value
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(folded.replace(";", ",").split())


def score_metadata(data: Path, *, limit: int | None) -> None:
    gold = json.loads((data / "trafilatura" / "evaldata.json").read_text())
    settings = Settings()
    hits = {"title": [0, 0], "date": [0, 0], "author": [0, 0]}
    for url, entry in list(gold.items())[:limit]:
        document = html_document(data / "trafilatura" / "html" / f"{entry['id']}.html.gz", url=url)
        try:
            article = clean_html(document, settings=settings)
        except NoArticleFound:
            article = None
        found = {
            "title": article.title if article else None,
            "date": str(article.published)[:10] if article and article.published else None,
            "author": article.byline if article else None,
        }
        for field, counts in hits.items():
            if entry.get(field):
                counts[1] += 1
                counts[0] += _norm(found[field]) == _norm(entry[field])
    for field, (right, total) in hits.items():
        print(f"{field:7s} {right}/{total} = {right / max(total, 1):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=Path("preds-html.jsonl"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--metadata", type=int, default=0, help="pages of trafilatura's set")
    args = parser.parse_args()
    write_predictions(args.data, args.out, limit=args.limit)
    if args.metadata:
        score_metadata(args.data, limit=args.metadata)


if __name__ == "__main__":
    main()
