"""``Unit``: one naming expression of a sentence, the working value of the actor finder.

Its own module so that ``dyads.actors.units`` (which builds units) and
``dyads.actors.recall`` (which builds the units of pronouns and remembered surnames, and is
called by ``units``) both import it, one way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dyads.actors.leaders import LeaderEntry
from dyads.actors.tables import NameEntry, RoleEntry
from dyads.actors.titles import Title
from dyads.records import ActorRef, MentionKind, Place


@dataclass(slots=True, kw_only=True, eq=False)
class Unit:
    """One naming expression in a sentence (a working value of the finder, not a record)."""

    kind: MentionKind
    first: int  # token range of the unit's own words, inclusive
    last: int
    head: int
    entry: NameEntry | None = None
    role: RoleEntry | None = None
    person: str | None = None  # a name as written ("Muhsin Dere")
    title: Title | None = None
    place: Place | None = None
    recalled: ActorRef | None = None  # a pronoun's or surname's antecedent
    pronoun: str | None = None  # "it" / "its" / "they" / "their": read from the memory
    person_pronoun: bool = False  # "he" / "she": a subject before it in the sentence wins
    pair: bool = False  # "the two sides", "both countries": two parties named together
    pair_sector: str | None = None
    pair_persons: bool = False  # "the two leaders": two persons named together
    leader: LeaderEntry | None = None  # a listed leader's name ("Putin")
    modifiers: list[Unit] = field(default_factory=list)
    modifies: Unit | None = None
    locative: bool = False  # a place after "in" / "at": where, not who
    contextual: bool = False  # an office or body given the article's context country

    def tokens(self) -> range:
        return range(self.first, self.last + 1)
