"""Acronyms an article defines: "the joint investigation team (JIT)", "the Election
Commission ... the EC".

News names a body in full once and by its initials afterwards. The initials mean what the
article made them mean, not what a table says they mean elsewhere: "EC" in a Bangladeshi
story on the vote is the Election Commission, not the European Commission; "JIT" is the team
the story named, which no table holds. A body defines an acronym

- explicitly, by the acronym in brackets right after its name, when the acronym's letters are
  the initials of the name's words ("the joint investigation team (JIT)", "National Unity
  Government (NUG)"), the small words ("of", "the", "and") counted or not;
- implicitly, by a name of two or more capitalised words ("Election Commission" defines "EC"):
  only names that are not persons' ("Ana Maria Lopes" defines nothing).

A later unit that is the acronym alone ("the EC", "JIT") is the body it stands for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyads.actors.unit import Unit
from dyads.records import MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Lengths of an acronym: "EC", "NUG", "PTI", "KCNA", "UNHCR".
_MIN_LETTERS = 2
_MAX_LETTERS = 6
# Words an acronym may leave out or keep: "Ministry of Defence (MoD)", "NSC", "NAACP".
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "to", "de", "&"})
# A name of one word defines no initials.
_MIN_WORDS = 2


def acronym_of(doc: Doc, unit: Unit) -> str | None:
    """The acronym a unit is, if it is one capitalised word alone ("JIT", "the EC")."""
    if unit.first != unit.last:
        return None
    word = doc[unit.first].text
    return word if _looks_like_acronym(word) else None


def defined_acronyms(doc: Doc, unit: Unit) -> list[str]:
    """The acronyms a unit (a body's name just resolved) defines, explicitly or not."""
    words = [t.text for t in doc[_name_start(doc, unit) : unit.last + 1] if not t.is_punct]
    if len(words) < _MIN_WORDS:
        return []
    initials = _initials(words)
    found: list[str] = []
    bracketed = _bracketed_after(doc, unit.last)
    if bracketed is not None and bracketed.upper() in initials:
        found.append(bracketed)
    capitalised = all(w[:1].isupper() for w in words if w.lower() not in _SMALL_WORDS)
    if unit.kind is not MentionKind.PERSON and capitalised:
        found.extend(i for i in initials if _MIN_LETTERS <= len(i) <= _MAX_LETTERS)
    return found


def _name_start(doc: Doc, unit: Unit) -> int:
    """The first word of the name that ends the unit: its own words and the compound or
    adjective words before them ("National Unity" of "National Unity Government")."""
    start = unit.first
    while start > 0 and doc[start - 1].dep_ in _NAME_DEPS and doc[start - 1].head.i <= unit.last:
        start -= 1
    return start


_NAME_DEPS = frozenset({"compound", "amod", "nmod"})


def _bracketed_after(doc: Doc, last: int) -> str | None:
    """ "(ACR)" right after token ``last``."""
    window = doc[last + 1 : last + 4]
    if len(window) != 3 or window[0].text != "(" or window[2].text != ")":
        return None
    word = window[1].text
    return word if _looks_like_acronym(word) else None


def _initials(words: list[str]) -> set[str]:
    """The initials of a name and of its endings of two words or more, with its small words
    and without them ("NAACP", "MD"; "EC" of "Bangladeshi Election Commission")."""
    found: set[str] = set()
    for start in range(len(words) - 1):
        rest = words[start:]
        found.add("".join(w[0] for w in rest).upper())
        found.add("".join(w[0] for w in rest if w.lower() not in _SMALL_WORDS).upper())
    return found


def _looks_like_acronym(word: str) -> bool:
    """Letters only, capitals at both ends and at most one small letter ("EC", "MoD")."""
    return (
        _MIN_LETTERS <= len(word) <= _MAX_LETTERS
        and word.isalpha()
        and sum(c.isupper() for c in word) >= len(word) - 1
        and word[0].isupper()
        and word[-1].isupper()
    )
