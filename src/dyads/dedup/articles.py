"""Article fingerprints: an exact hash of the normalised body and a MinHash signature.

A syndicated copy of a wire story differs from the original by a headline, a word or two,
a sentence trimmed at the end. Its body hash catches the identical copies; its MinHash over
word 5-shingles catches the edited ones. The LSH bands are stored (``article_bands``) so a
copy that arrives in a later run, or through another writer, still finds its story.

Tuning (with ``NUM_PERM`` 128 split into ``BANDS`` 16 x ``ROWS`` 8): a pair with Jaccard
similarity s shares at least one band with probability 1 - (1 - s^8)^16, which is 0.95 at
s = 0.8, 0.50 at s = 0.73 and 0.06 at s = 0.5. Candidates are then confirmed on the full
signature (``NEAR_DUPLICATE_JACCARD``), whose estimate has a standard error of
sqrt(s(1-s)/128) ~ 0.035 at s = 0.8.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 5
SEED = 1  # fixed so every process and every run computes the same signatures
# Pinned for the same reason: stored signatures stay comparable if datasketch's default moves.
SCHEME = "affine32"
# Two copies of one wire story: two words changed in a 300-word story leave ~93% of the
# 5-shingles shared; two different stories on the same topic share well under 30%. 0.8 is
# the usual syndication threshold and sits between them with room for the estimate's error.
NEAR_DUPLICATE_JACCARD = 0.8
# Below 10 shingles (a body of under 14 words) one changed word moves the similarity by 10%
# or more, so such bodies are matched exactly or not at all.
MIN_SHINGLES = 10

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_TYPOGRAPHIC = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Fingerprint:
    """What dedup needs of an article body."""

    body_hash: str  # sha256 of the normalised body
    signature: bytes | None  # MinHash values, uint64 little-endian; None when too short
    bands: tuple[tuple[int, str], ...]  # (band, bucket) pairs for LSH


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """An stored article that shares an LSH band with a new one."""

    article_id: str
    story_id: str
    signature: bytes


def normalise_body(body: str) -> str:
    """Case, typographic quotes and dashes, and whitespace folded away."""
    text = unicodedata.normalize("NFKC", body).translate(_TYPOGRAPHIC).casefold()
    return _SPACE.sub(" ", text).strip()


def body_hash(body: str) -> str:
    return hashlib.sha256(normalise_body(body).encode("utf-8")).hexdigest()


def shingles(body: str, *, size: int = SHINGLE_WORDS) -> set[str]:
    """Word ``size``-grams of the normalised body (the whole body when it is shorter)."""
    words = _WORD.findall(normalise_body(body))
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@lru_cache(maxsize=1)
def _template() -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)


def signature(grams: Iterable[str]) -> bytes:
    """The MinHash signature of a shingle set as bytes."""
    import numpy as np
    from datasketch import MinHash

    template = _template()
    minhash = MinHash(
        num_perm=NUM_PERM, seed=SEED, permutations=template.permutations, scheme=SCHEME
    )
    minhash.update_batch([gram.encode("utf-8") for gram in grams])
    return np.asarray(minhash.hashvalues, dtype="<u8").tobytes()


def bands(sig: bytes) -> tuple[tuple[int, str], ...]:
    """The LSH bucket of each band: a short hash of the band's rows."""
    width = ROWS * 8
    return tuple(
        (band, hashlib.blake2b(sig[band * width : (band + 1) * width], digest_size=8).hexdigest())
        for band in range(BANDS)
    )


def fingerprint(body: str) -> Fingerprint:
    grams = shingles(body)
    if len(grams) < MIN_SHINGLES:
        return Fingerprint(body_hash=body_hash(body), signature=None, bands=())
    sig = signature(grams)
    return Fingerprint(body_hash=body_hash(body), signature=sig, bands=bands(sig))


def jaccard(left: bytes, right: bytes) -> float:
    """The MinHash estimate of the Jaccard similarity of two signatures."""
    import numpy as np

    a = np.frombuffer(left, dtype="<u8")
    b = np.frombuffer(right, dtype="<u8")
    if a.shape != b.shape:
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)


def best_story(
    sig: bytes, candidates: Sequence[Candidate], *, threshold: float = NEAR_DUPLICATE_JACCARD
) -> str | None:
    """The story of the most similar candidate at or above ``threshold``.

    Ties go to the smallest story id, so the choice never depends on row order.
    """
    scored = [(jaccard(sig, c.signature), c.story_id) for c in candidates]
    passing = [(score, story) for score, story in scored if score >= threshold]
    if not passing:
        return None
    best = max(score for score, _ in passing)
    return min(story for score, story in passing if score == best)
