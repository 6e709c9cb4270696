"""The home country of an article: where its news happens, when the article makes that clear.

Local news names its own country rarely and its people, parties and offices often: "the
election commission", "the opposition leader", "police" are the country's own. A party that
the tables cannot place takes the article's home country:

- the dateline's country, when the article has a dateline;
- otherwise the country that the article's country names and capitals point to
  most, when it holds at least ``DOMINANT_SHARE`` of those mentions and is named at least
  ``MIN_MENTIONS`` times (an article about two countries equally has no home country).
"""

from __future__ import annotations

from collections import Counter

from dyads.actors.tables import ActorTables
from dyads.records import MentionKind

# Judgement, checked on the whole-article development set: a country with half the mentions
# is the article's subject in local news; foreign news names several countries in turn.
DOMINANT_SHARE = 0.5
MIN_MENTIONS = 2
# Demonyms are left out: sports teams and companies carry them ("the Indians", "the Pakistan
# Telecommunication Company") where the country's name would not stand.
_STATE_KINDS = frozenset({MentionKind.COUNTRY, MentionKind.CAPITAL})
_ISO_LENGTH = 3
_NOT_STATES = frozenset({"IGO", "NGO", "IMG"})


def home_country(text: str, *, tables: ActorTables, dateline: str | None = None) -> str | None:
    """The article's home country (ISO-3), or None when the article does not make it clear."""
    if dateline:
        return dateline
    counts = Counter(
        entry.code
        for _, _, entry in tables.find_names(text)
        if entry.kind in _STATE_KINDS
        and len(entry.code) == _ISO_LENGTH
        and entry.code not in _NOT_STATES
    )
    if not counts:
        return None
    (code, top), total = counts.most_common(1)[0], sum(counts.values())
    if top >= MIN_MENTIONS and top / total >= DOMINANT_SHARE:
        return code
    return None
