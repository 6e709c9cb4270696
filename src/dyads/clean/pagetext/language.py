"""A cheap language guess: which language's commonest words a text uses most.

Only tells English from the languages news sites in our sources most often use; anything
else, or a text too short to say, stays English (the pipeline's coder reads English only, so
the guess is there to flag pages it should not trust).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import repeat


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# The commonest short function words of each language (facts of the languages, not tuned).
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words("the of and to in is that for it was on with as by at from be are"),
    "de": _words("der die und das ist nicht mit sich auf für den dem ein eine auch"),
    "fr": _words("le la les et des est une pour dans qui que sur pas par au du"),
    "es": _words("el la los las y que en por con una para del se es al como"),
    "it": _words("il di che la per non una sono della con gli nel alla anche"),
    "pt": _words("o os as que não uma para com por do da dos das em se ao"),
    "nl": _words("de het een en van is dat op te zijn niet met voor ook"),
    "tr": _words("ve bir bu da de için ile olarak daha çok gibi en ama"),
}
_WORD = re.compile(r"[^\W\d_]+")
# The first few hundred words decide; reading further changes no answer and costs time.
_SAMPLE_CHARS = 3000
# Fewer words than this say nothing reliable about the language.
_MIN_WORDS = 40
# Another language must beat English by this factor: short shared words ("de", "la", "in")
# would otherwise flip English pages that quote a name or two.
_MARGIN = 1.5


def guess_language(text: str) -> str:
    words = _WORD.findall(text[:_SAMPLE_CHARS])
    if len(words) < _MIN_WORDS:
        return "en"
    # case folding maps each character on its own, so the words can be folded in one call
    counts = Counter(" ".join(words).casefold().split(" "))
    get = counts.get
    hits = {lang: sum(map(get, stop, repeat(0))) for lang, stop in _STOPWORDS.items()}
    best = max(hits, key=lambda lang: hits[lang])
    if best != "en" and hits[best] > _MARGIN * hits["en"]:
        return best
    return "en"


def guess_language_of(paragraphs: tuple[str, ...]) -> str:
    """``guess_language`` of the paragraphs joined by spaces, joining only what it reads."""
    length = 0
    for n, paragraph in enumerate(paragraphs):
        length += len(paragraph) + 1
        if length > _SAMPLE_CHARS:
            return guess_language(" ".join(paragraphs[: n + 1]))
    return guess_language(" ".join(paragraphs))
