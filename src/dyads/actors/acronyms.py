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
# Units whose words are a person's name, not a body's: they define no initials.
_PERSON_KINDS = frozenset({MentionKind.PERSON})


def acronym_of(doc: Doc, unit: Unit) -> str | None:
    """The acronym a unit is, if it is one capitalised word alone ("JIT", "the EC")."""
    if unit.first != unit.last:
        return None
    word = doc[unit.first].text
    return word if _looks_like_acronym(word) else None


def defined_acronyms(doc: Doc, unit: Unit) -> list[str]:
    """The acronyms a unit (a body's name just resolved) defines, explicitly or not."""
    words = [t.text for t in doc[_name_start(doc, unit) : unit.last + 1] if not t.is_punct]
    if len(words) < _MIN_LETTERS:
        return []
    found: list[str] = []
    bracketed = _bracketed_after(doc, unit.last)
    if bracketed is not None and bracketed.upper() in _initials(words):
        found.append(bracketed)
    capitalised = all(w[:1].isupper() for w in words if w.lower() not in _SMALL_WORDS)
    if unit.kind not in _PERSON_KINDS and capitalised:
        found.extend(i for i in _initials(words) if _MIN_LETTERS <= len(i) <= _MAX_LETTERS)
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
    if last + 3 >= len(doc) + 1:
        return None
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
    letters = [c for c in word if c.isalpha()]
    return (
        _MIN_LETTERS <= len(word) <= _MAX_LETTERS
        and len(letters) == len(word)
        and sum(c.isupper() for c in letters) >= len(letters) - 1
        and word[0].isupper()
        and word[-1].isupper()
    )
