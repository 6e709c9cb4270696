"""Office titles in front of a name: "Turkey's Deputy National Defense Minister Muhsin Dere".

A title is the run of words right before a name (or a role noun) that holds at least one word
of the role table: "Deputy National Defense Minister", "Foreign Ministry spokesperson",
"Industry and Infrastructure Development Minister", "Gen.". The run stops at a country name, a
possessive, a determiner or punctuation; "and", "of" and "for" may sit inside it.

The sector of a title is that of its office word ("minister" -> GOV), unless a word of the
title names a body with a sector of its own that says more: "army chief" -> MIL,
"opposition leader" -> OPP, "police chief" -> COP, "Supreme Court judge" -> JUD.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyads.actors.tables import ActorTables, RoleEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Sectors of bodies that, inside a title, say more than the office word does: the chief of an
# army is military even though "chief" alone would be civil government.
_DEFINING_SECTORS = frozenset(
    {"MIL", "COP", "REB", "OPP", "JUD", "LEG", "SPY", "PTY", "EDU", "LAB", "REL", "MED", "BUS"}
)
_INNER_WORDS = frozenset({"and", "of", "for", "&", "-"})
_TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Title:
    text: str  # "Deputy National Defense Minister"
    sector: str
    start: int  # token index of its first word
    end: int  # token index after its last word


def role_key(tokens: list[Token]) -> str:
    """The lower-case table key of a token run ("secretary-general", "prime minister")."""
    parts = []
    for token in tokens:
        parts.append(token.lower_)
        parts.append(" " if token.whitespace_ else "")
    return "".join(parts[:-1]).strip()


def roles_in(doc: Doc, start: int, end: int, tables: ActorTables) -> list[RoleEntry]:
    """The role-table phrases inside tokens [start, end), longest match first, left to right
    (the hand-written ones: a dictionary agent word describes, inside a title)."""
    found = []
    i = start
    while i < end:
        for size in range(min(tables.max_role_words, end - i), 0, -1):
            entry = tables.roles.get(role_key(list(doc[i : i + size])))
            if entry is not None and not entry.dictionary:
                found.append(entry)
                i += size
                break
        else:
            i += 1
    return found


def title_sector(entries: list[RoleEntry]) -> str | None:
    """The sector of a title made of these role-table phrases (see the module docstring)."""
    for entry in entries:
        if not entry.is_title and entry.sector in _DEFINING_SECTORS:
            return entry.sector
    return entries[-1].sector if entries else None


def read_title(
    doc: Doc, *, before: int, floor: int, tables: ActorTables, stop: Collection[int] = ()
) -> Title | None:
    """The title ending just before token ``before``, not reaching below token ``floor``.

    ``stop`` holds token indices that end the run (a country name, an organisation).
    """
    start = before
    while start > floor and _may_be_in_title(doc[start - 1], stop):
        start -= 1
    while start < before and doc[start].lower_ in _INNER_WORDS:
        start += 1  # a title never starts with "and" / "of"
    entries = roles_in(doc, start, before, tables)
    if not entries:
        return None
    sector = title_sector(entries)
    if sector is None:
        return None
    text = doc[start:before].text
    return Title(text=text, sector=sector, start=start, end=before)


def _may_be_in_title(token: Token, stop: Collection[int]) -> bool:
    if token.i in stop:
        return False
    if token.lower_ in _INNER_WORDS:
        return True
    if token.pos_ in _TITLE_POS:
        return True
    return token.text.endswith(".") and token.text[:1].isupper()  # "Gen.", "Lt."
