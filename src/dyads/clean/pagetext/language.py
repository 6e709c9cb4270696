"""A cheap language guess: which language's commonest words a text uses most.

Only tells English from the languages news sites in our sources most often use; anything
else, or a text too short to say, stays English (the pipeline's coder reads English only, so
the guess is there to flag pages it should not trust).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import compress, repeat
from operator import not_


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
# Every ASCII character but a letter (the ASCII characters ``_WORD`` does not take), as a
# space: on the page's UTF-8 bytes it splits the ASCII words apart.
_ASCII_NON_LETTERS = bytes.maketrans(
    bytes(c for c in range(128) if not chr(c).isalpha()),
    bytes(ord(" ") for c in range(128) if not chr(c).isalpha()),
)
# The first few hundred words decide; reading further changes no answer and costs time.
_SAMPLE_CHARS = 3000
# Fewer words than this say nothing reliable about the language.
_MIN_WORDS = 40
# Another language must beat English by this factor: short shared words ("de", "la", "in")
# would otherwise flip English pages that quote a name or two.
_MARGIN = 1.5


def _word_counts(sample: str) -> tuple[int, Counter[str]]:
    """How many words (runs of letters, as ``_WORD`` finds them) ``sample`` has, and how many
    times each case-folded word occurs.

    Most words are ASCII letters between ASCII non-letters: they are split off and lowered
    on the UTF-8 bytes (ASCII case folding is lowering), and only the pieces with other
    characters ("l’état", "für") are read with the expression. Only the counts matter, so
    the two kinds of words need not keep their order.
    """
    pieces = sample.encode("utf-8", "surrogatepass").translate(_ASCII_NON_LETTERS).split()
    letters = list(map(bytes.isalpha, pieces))
    plain = b" ".join(compress(pieces, letters)).lower().decode("ascii")
    mixed = b" ".join(compress(pieces, map(not_, letters))).decode("utf-8", "surrogatepass")
    words = plain.split()
    others = _WORD.findall(mixed)
    # case folding maps each character on its own, so the words can be folded in one call
    if others:
        words.extend(" ".join(others).casefold().split(" "))
    return len(words), Counter(words)


def guess_language(text: str) -> str:
    count, counts = _word_counts(text[:_SAMPLE_CHARS])
    if count < _MIN_WORDS:
        return "en"
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
