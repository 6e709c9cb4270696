"""Force and threat words in the language of games: "Kenya will battle Ghana in the final",
"the Packers beat the Bears", "beat the Indians 8-7" report play, not conflict; "beat her
rival, 120 votes to 95" reports a vote won, not a beating.

A sports story as a whole (``sports_story``: many of its sentences hold a word of games)
reports play, trades and praise among teams, coaches and fans, whatever the verbs: its
events count only when a state's government, army, police, courts or lawmakers, or an
intergovernmental body, take part (``state_party``): "the president congratulated the
team" or "ministers will boycott the World Cup" stay, "the coach praised his quarterback"
and "the club had permission to talk to the coach" do not."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dyads.coding.triggers import Trigger
from dyads.records import ActorRef

# Words found only in the language of games and competitions (not "final", "team" or
# "match", which politics uses too). A sentence holding one tells play when its trigger is
# one of force or threat.
SPORT_WORDS = frozenset(
    {"tournament", "championship", "championships", "league", "season", "fifa", "uefa",
     "olympic", "olympics", "nba", "nfl", "goal", "goals", "striker", "midfielder",
     "quarterback", "playoff", "playoffs", "semifinal", "semi-final", "quarterfinal",
     "rookie", "coach", "stadium", "scored", "innings", "wicket", "touchdown", "game",
     "games", "cup", "medal", "medals", "squad", "friendly"}
)  # fmt: skip
# Verbs of winning, and words of a vote: a contest at the ballot box, not force.
WINNING_VERBS = frozenset({"beat", "defeat", "trounce", "rout", "crush", "edge", "oust"})
BALLOT_WORDS = frozenset(
    {"votes", "ballot", "ballots", "runoff", "run-off", "primary", "primaries", "seats"}
)
# A score as one token or three ("8-7", "8 - 7"); up to two digits a side, so that no date
# ("2017-09") nor a span of years reads as one.
SCORE = re.compile(r"\d{1,2}[-\u2013]\d{1,2}")
SCORE_DASHES = frozenset({"-", "\u2013"})
SPORT_SENSITIVE_EVENTS = frozenset({"ASSAULT", "THREATEN", "COERCE", "MOBILIZE", "RETREAT"})


def is_sport(trigger: Trigger) -> bool:
    """Force and threat words in a sentence about a game: "Kenya will battle Ghana in the
    final", "the Packers beat the Bears", "started all nine games" report play, not conflict."""
    if trigger.event not in SPORT_SENSITIVE_EVENTS:
        return False
    words = {t.lower_ for t in trigger.token.doc}
    if trigger.verb.lemma_.lower() in WINNING_VERBS and (words & BALLOT_WORDS or _score(trigger)):
        # "she beat her rival, 120 votes to 95": a vote won, not a beating; "beat the
        # Indians 8-7": a game won by a score
        return True
    return bool(words & SPORT_WORDS)


def _score(trigger: Trigger) -> bool:
    """A score in the sentence: a number, a dash and a number ("8-7", "3 - 1")."""
    doc = trigger.token.doc
    return any(
        SCORE.fullmatch(f"{doc[i].text}-{doc[i + 2].text}") and doc[i + 1].text in SCORE_DASHES
        for i in range(len(doc) - 2)
    ) or any(SCORE.fullmatch(t.text) for t in doc)


# A story is about sport when at least this share of its sentences (and this many) hold a
# word of games: a political story that mentions a match or the Olympics stays below it.
SPORTS_STORY_SHARE = 0.3
SPORTS_STORY_MIN_SENTENCES = 3
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "IGO"})
_WORD = re.compile(r"[a-z][a-z\-]+")


def sports_story(sentences: Sequence[str]) -> bool:
    """Whether enough of an article's sentences hold a word of games (``SPORT_WORDS``)."""
    sporting = sum(1 for text in sentences if set(_WORD.findall(text.lower())) & SPORT_WORDS)
    return sporting >= SPORTS_STORY_MIN_SENTENCES and sporting >= SPORTS_STORY_SHARE * len(
        sentences
    )


def state_party(refs: Sequence[ActorRef]) -> bool:
    """Whether a state body or an intergovernmental one is among the parties."""
    return any(ref.sector in STATE_SECTORS or ref.country == "IGO" for ref in refs)
