"""Where an event happened: a place the sentence puts it in, else the article's dateline.

A place is a GPE or LOC entity governed by "in" or "at" ("in Nur-Sultan", "in the capital
Nur-Sultan", "at the border town of Kilis"), looked up in the gazetteer. A city beats a
country, since it says more.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from dyads.records import Article, Place

PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


class PlaceLookup(Protocol):
    def lookup(self, name: str, *, country: str | None = None) -> Place | None: ...


def place_in_sentence(sentence: Any, *, gazetteer: PlaceLookup) -> Place | None:
    """The most specific place ``sentence`` (a spaCy span or doc) puts something in."""
    best: Place | None = None
    for entity in _located_entities(sentence.ents):
        place = gazetteer.lookup(entity.text)
        if place is None:
            continue
        if best is None or (best.kind == "country" and place.kind != "country"):
            best = place
    return best


def _located_entities(entities: Iterable[Any]) -> Iterable[Any]:
    """Entities that are the object of a place preposition, directly or through a noun that
    names them ("in the capital Nur-Sultan", "at the border town of Kilis")."""
    for entity in entities:
        if entity.label_ not in PLACE_LABELS:
            continue
        token = entity.root
        for _ in range(3):  # entity -> noun -> "of" -> noun: three steps reach any such frame
            if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS:
                yield entity
                break
            if token.dep_ in {"appos", "compound"}:
                token = token.head
            elif token.dep_ == "pobj" and token.head.lower_ == "of":
                token = token.head.head
            else:
                break


def best_place(places: Iterable[Place | None], *, article: Article) -> Place | None:
    """The most specific of ``places``; the dateline's place when none is known."""
    chosen: Place | None = None
    for place in places:
        if place is None:
            continue
        if chosen is None or (chosen.kind == "country" and place.kind != "country"):
            chosen = place
    if chosen is None and article.dateline is not None:
        return article.dateline.place
    return chosen
