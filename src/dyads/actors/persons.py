"""Where a parsed sentence names persons: the token ranges of personal names.

spaCy's PERSON entities are the start, corrected at their edges: title and country words the
model took into the name are left out ("Turkish Minister Muhsin Dere": Muhsin Dere), as is a
trailing "'s"; capitalised words it left out before the name ("Aidos" of "Aidos Temirov") or
a hyphenated part after it ("Ahn Duk-geun") are taken in. Two more sources catch the names
the small model misses: listed leaders it tagged as something else ("Erdogan" as an
organisation), unless inside a longer name ("Trump Tower"), and a run of capitalised proper
nouns right after a capitalised office word ("Energy Minister Aidos Temirov").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyads.actors.tables import ActorTables
from dyads.nlp.parser import ROMANISED_NAME

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Longest personal name taken after a title without spaCy's help ("Maria del Carmen Ortiz").
_MAX_NAME_WORDS = 4

# Words after which capitalised words complete an office, not begin a name.
_OFFICE_PREPOSITIONS = frozenset({"of", "for"})


def person_spans(doc: Doc, tables: ActorTables, named: set[int]) -> list[tuple[int, int]]:
    """Token ranges of person names: spaCy's PERSON entities, and names after a title.

    The small English model misses many foreign names ("Energy Minister Aidos Temirov"), so
    a run of capitalised proper nouns right after a capitalised office word is a name too.
    """
    spans: list[tuple[int, int]] = []
    taken: set[int] = {
        i for ent in doc.ents if ent.label_ != "PERSON" for i in range(ent.start, ent.end)
    }
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.end - 1 in named:
            continue  # "Sri Lanka", "Ugandan" tagged PERSON: the table name wins
        first = _first_name_token(doc, ent, tables, named)
        last = ent.end - 1
        while last >= first and doc[last].pos_ == "PART":  # a trailing "'s"
            last -= 1
        last = _hyphenated_end(doc, last)
        first = _name_start(doc, first, tables, named)
        if first <= last:
            spans.append((first, last))
            taken.update(range(first, last + 1))
    spans += _leader_spans(doc, tables, named, taken)
    for token in doc:
        entry = tables.roles.get(token.lower_)
        if entry is None or not entry.is_title or not token.text[:1].isupper():
            continue
        last = token.i
        while last + 1 < len(doc) and last - token.i < _MAX_NAME_WORDS:
            following = doc[last + 1]
            if following.i in taken or not _may_be_name(following, tables, named):
                break
            last += 1
        if last > token.i and doc[last].dep_ != "compound":
            spans.append((token.i + 1, last))
            taken.update(range(token.i + 1, last + 1))
    return spans


def _name_start(doc: Doc, first: int, tables: ActorTables, named: set[int]) -> int:
    """The first word of a name, with the capitalised words before the entity that the model
    left out ("Aidos" of "Aidos Temirov"), unless they follow "of" or "for": those end an
    office ("Secretary of State Rex Tillerson", "Minister of Foreign Affairs Wang Yi")."""
    start = first
    while start > 0 and _may_be_name(doc[start - 1], tables, named):
        start -= 1
    if start < first and start > 0 and doc[start - 1].lower_ in _OFFICE_PREPOSITIONS:
        return first
    return start


def _hyphenated_end(doc: Doc, last: int) -> int:
    """The end of a name whose hyphenated part the model left out ("Ahn Duk" of
    "Ahn Duk-geun"), or whose romanised given name, one token, it left out ("Moon" of
    "Moon Jae-in": ``ROMANISED_NAME``)."""
    if last + 1 < len(doc) and ROMANISED_NAME.fullmatch(doc[last + 1].text):
        return last + 1
    while (
        last + 2 < len(doc)
        and doc[last + 1].text == "-"
        and not doc[last].whitespace_
        and not doc[last + 1].whitespace_
        and doc[last + 2].is_alpha
    ):
        last += 2
    return last


def _leader_spans(
    doc: Doc, tables: ActorTables, named: set[int], taken: set[int]
) -> list[tuple[int, int]]:
    """Listed leaders' names spaCy did not tag as persons ("Erdogan" as an organisation).

    A name inside a longer entity or table name ("Trump Tower", "Bush administration") is
    part of that name, not a person.
    """
    spans: list[tuple[int, int]] = []
    outer: dict[int, tuple[int, int]] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            outer.update((i, (ent.start, ent.end)) for i in range(ent.start, ent.end))
    for start, end, _ in tables.leaders.find(doc.text):
        span = doc.char_span(start, end)
        if span is None or any(i in named for i in range(span.start, span.end)):
            continue
        last = doc[span.end - 1]
        if last.dep_ == "compound" and last.head.pos_ == "PROPN" and last.head.i >= span.end:
            continue  # "Trump Tower": a longer proper name spaCy did not tag
        bounds = [outer[i] for i in range(span.start, span.end) if i in outer]
        if any(low < span.start or high > span.end for low, high in bounds):
            continue
        if any(i in taken and i not in outer for i in range(span.start, span.end)):
            continue  # already a PERSON span
        spans.append((span.start, span.end - 1))
        taken.update(range(span.start, span.end))
    return spans


def _may_be_name(token: Token, tables: ActorTables, named: set[int]) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.i not in named
        and token.lower_ not in tables.roles
    )


def _first_name_token(doc: Doc, ent: Span, tables: ActorTables, named: set[int]) -> int:
    """The first token of a PERSON entity after any title or country words spaCy included."""
    first = ent.start
    for i in range(ent.start, ent.end - 1):
        token = doc[i]
        if i in named or token.pos_ == "PART" or tables.roles.get(token.lower_) is not None:
            first = i + 1
    return first
