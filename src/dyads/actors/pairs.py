"""Words for the two parties of a bilateral story: "the two sides", "both countries".

A report of talks between two states names them together ("China and Russia", "Israeli and
Hamas negotiators", "Abe and Trump") and then calls them "the two sides", "both countries",
"the two leaders" or "the two neighbours": "The two sides signed a memorandum", "Both
countries agreed to expand trade". Such a phrase stands for the last two parties of different
states the article named together (for "leaders", "presidents" and "ministers" the last two
persons); it names no one when the article has named no such pair. The two states named last
are not enough: a sentence on Tillerson's call to China and Russia ends on North Korea.

The phrase is a plural noun of this list with "both" or "two" on it ("the two sides", "both
governments"), never a bare plural ("sides") nor "the two parties", which in domestic news
are two political parties, not two states.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# ("two states" is left out: "a solution of two states" names no parties.)
# Plural nouns that, with "both" or "two", stand for the two states of the story; the sector
# of the actors they name (None: the states as such).
PAIR_NOUNS: dict[str, str | None] = {
    "sides": "GOV",
    "countries": None,
    "nations": None,
    "governments": "GOV",
    "leaders": "GOV",
    "presidents": "GOV",
    "ministers": "GOV",
    "neighbours": None,
    "neighbors": None,
    "allies": None,
    "delegations": "GOV",
    "capitals": "GOV",
}
_QUANTIFIERS = frozenset({"both", "two"})
# The prefilter's source: the phrase as written, before any parse ("the two sides").
PAIR_PHRASE = r"(?:both|two)\s+(?:" + "|".join(PAIR_NOUNS) + r")"


# Nouns of the pair that stand for two persons rather than two states.
PERSON_NOUNS = frozenset({"leaders", "presidents", "ministers"})


def pair_sector(token: Token) -> tuple[bool, str | None]:
    """Whether ``token`` heads a two-party phrase, and the sector of the actors it names.

    "both" may come first ("both countries") or float after a pronoun-like head, which the
    parse attaches as a determiner or predeterminer; "two" hangs as a number ("the two sides").
    """
    word = token.lower_
    if word not in PAIR_NOUNS or token.tag_ != "NNS":
        return False, None
    if any(child.lower_ in _QUANTIFIERS and child.i < token.i for child in token.children):
        return True, PAIR_NOUNS[word]
    return False, None
