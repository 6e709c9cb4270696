"""A cheap language guess: which language's commonest words a text uses most.

Only tells English from the languages news sites in our sources most often use; anything
else, or a text too short to say, stays English (the pipeline's coder reads English only, so
the guess is there to flag pages it should not trust).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import filterfalse, repeat


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
# On UTF-8 bytes: every ASCII character but a letter (the ASCII characters ``_WORD`` does not
# take) becomes a space, which splits the ASCII words apart, and every ASCII capital its
# small letter (ASCII case folding is lowering). Other bytes stay as they are.
_ASCII_FOLD = bytes(
    c if c >= 128 or chr(c).islower() else ord(chr(c).lower()) if chr(c).isalpha() else ord(" ")
    for c in range(256)
)
# The stop words as UTF-8, the form ``_word_counts`` counts words in.
_STOPBYTES: dict[str, frozenset[bytes]] = {
    lang: frozenset(word.encode("utf-8") for word in stop) for lang, stop in _STOPWORDS.items()
}
# Every stop word, and those spelt in ASCII (only they can be a piece of ASCII letters).
_ANY_STOP = frozenset().union(*_STOPBYTES.values())
_ASCII_STOP = frozenset(word for word in _ANY_STOP if word.isascii())
# The first few hundred words decide; reading further changes no answer and costs time.
_SAMPLE_CHARS = 3000
# Fewer words than this say nothing reliable about the language.
_MIN_WORDS = 40
# Another language must beat English by this factor: short shared words ("de", "la", "in")
# would otherwise flip English pages that quote a name or two.
_MARGIN = 1.5


def _word_counts(sample: str) -> tuple[int, Counter[bytes]]:
    """How many words (runs of letters, as ``_WORD`` finds them) ``sample`` has, and how many
    times each stop word occurs among them, case-folded, as UTF-8.

    Most words are ASCII letters between ASCII non-letters: they are split off and lowered
    on the UTF-8 bytes in one pass. Only the pieces with other characters ("l’état", "für")
    are read with the expression, and case-folded in one call (case folding maps each
    character on its own). Only the stop words are counted one by one: the others only add
    to the number of words.
    """
    pieces = sample.encode("utf-8", "surrogatepass").translate(_ASCII_FOLD).split()
    if sample.isascii():
        return len(pieces), Counter(filter(_ANY_STOP.__contains__, pieces))
    mixed = list(filterfalse(bytes.isascii, pieces))
    counts = Counter(filter(_ASCII_STOP.__contains__, pieces))
    others = _WORD.findall(b" ".join(mixed).decode("utf-8", "surrogatepass"))
    if others:
        folded = " ".join(others).casefold().encode("utf-8", "surrogatepass").split()
        counts.update(filter(_ANY_STOP.__contains__, folded))
    return len(pieces) - len(mixed) + len(others), counts


def guess_language(text: str) -> str:
    count, counts = _word_counts(text[:_SAMPLE_CHARS])
    if count < _MIN_WORDS:
        return "en"
    get = counts.get
    hits = {lang: sum(map(get, stop, repeat(0))) for lang, stop in _STOPBYTES.items()}
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
