"""PLOVER contexts of an event: the trigger's defaults plus cue words in the sentence.

Cue words are stems matched at the start of a word ("defen" matches defense, defence,
defensive). The context names follow the CAMEO-to-PLOVER table (``data/plover_cameo.tsv``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

CUES: Mapping[str, tuple[str, ...]] = {
    "military": (
        "military",
        "defen",
        "army",
        "troop",
        "soldier",
        "weapon",
        "missile",
        "armed forces",
        "navy",
        "naval",
        "air force",
    ),
    "economic": (
        "trade",
        "invest",
        "econom",
        "tariff",
        "export",
        "import",
        "business",
        "bank",
        "financ",
        "loan",
        "industr",
    ),
    "humanitarian": ("humanitarian", "refugee", "relief", "famine", "displaced"),
    "legal": ("court", "judge", "trial", "prosecut", "lawsuit", "indict", "extradit"),
    "political_institutions": ("parliament", "constitution", "reform"),
    "elections": ("election", "vote", "ballot", "polls"),
    "human_rights": ("human rights", "torture"),
    "crime": ("crime", "criminal", "smuggl", "trafficking", "drug"),
    "corruption": ("corruption", "bribe", "embezzl"),
    "intelligence": ("intelligence", "espionage", "spy"),
    "peacekeeping": ("peacekeep",),
    "cbrn": ("chemical weapon", "nuclear", "biological weapon"),
}

_PATTERNS = {
    context: re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")", re.IGNORECASE)
    for context, cues in CUES.items()
}


def contexts_for(text: str, *, defaults: Iterable[str] = ()) -> tuple[str, ...]:
    """``defaults`` followed by every context whose cue words occur in ``text``, sorted."""
    found = set(defaults)
    found.update(context for context, pattern in _PATTERNS.items() if pattern.search(text))
    return tuple(sorted(found))
