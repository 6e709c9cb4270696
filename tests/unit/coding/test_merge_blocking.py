"""The blocked in-article merge against the all-pairs merge it replaced, and its work.

``_reference_groups`` is the earlier grouping (with the rules added since, such as the one for
one country's news), kept whole: every candidate was compared with
every group and every member of it, which on an article of a thousand reports of one kind
made half a million comparisons. The blocked merge must group exactly as it did.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyads.coding import merge
from dyads.coding.candidate import Candidate
from dyads.coding.dates import ResolvedDate
from dyads.coding.merge import merge_candidates
from dyads.records import ActorRef, Article, Evidence
from tests.conftest import make_article

ARTICLE: Article = make_article(("One.",))

# --- the merge before blocking, as it was ----------------------------------------------------


def _reference_accepts(members: Sequence[Candidate], candidate: Candidate) -> bool:
    first = members[0]
    if (candidate.event, candidate.negated, candidate.hypothetical) != (
        first.event,
        first.negated,
        first.hypothetical,
    ):
        return False
    theirs = candidate.countries
    if not theirs or not all(merge._nested(m.countries, theirs) for m in members):
        return False
    if not candidate.reciprocal and _reference_reversed(members, candidate):
        return False
    if not all(merge._same_actors(m, candidate) for m in members):
        return False
    if len(theirs) == 1 and all(len(m.countries) == 1 for m in members):
        side = merge._actor_side(candidate)
        if not all(merge._named_alike(merge._actor_side(m), side) for m in members):
            return False
    return all(merge._dates_agree(m.date, candidate.date) for m in members)


def _reference_reversed(members: Sequence[Candidate], candidate: Candidate) -> bool:
    acting = {(a.country, a.sector) for a in candidate.actors}
    acted_on = {(r.country, r.sector) for m in members if not m.reciprocal for r in m.recipients}
    return bool(acting & acted_on)


def _reference_groups(candidates: Sequence[Candidate]) -> list[list[Candidate]]:
    groups: list[list[Candidate]] = []
    for candidate in sorted(candidates, key=lambda c: c.evidence.start):
        home = next((g for g in groups if _reference_accepts(g, candidate)), None)
        if home is None:
            home = []
            groups.append(home)
        home.append(candidate)
    return groups


# --- generated candidates --------------------------------------------------------------------

_REFS = st.builds(
    ActorRef,
    name=st.sampled_from(("Turkey", "Kazakhstan", "Muhsin Dere", "police")),
    country=st.sampled_from(("TUR", "KAZ", "ARM", "IGO", None)),
    sector=st.sampled_from((None, "GOV", "MIL", "COP", "CVL")),
    title=st.sampled_from((None, "Minister")),
)
_DATES = st.builds(
    ResolvedDate,
    value=st.sampled_from((date(2021, 2, 4), date(2021, 2, 5), None)),
    method=st.sampled_from(("explicit", "relative", "publication", "unknown")),
)
_PARTS = st.tuples(
    st.sampled_from(("CONSULT", "ACCUSE", "AID")),
    st.lists(_REFS, max_size=3),
    st.lists(_REFS, max_size=2),
    st.booleans(),
    _DATES,
    st.booleans(),
)


def _candidates(parts: Sequence[tuple[Any, ...]]) -> list[Candidate]:
    return [
        _candidate(
            index,
            event=event,
            actors=tuple(actors),
            recipients=tuple(recipients),
            reciprocal=reciprocal,
            when=when,
            negated=negated,
        )
        for index, (event, actors, recipients, reciprocal, when, negated) in enumerate(parts)
    ]


def _candidate(
    index: int,
    *,
    event: str = "CONSULT",
    actors: tuple[ActorRef, ...],
    recipients: tuple[ActorRef, ...] = (),
    reciprocal: bool = False,
    when: ResolvedDate | None = None,
    negated: bool = False,
) -> Candidate:
    start = index * 10
    return Candidate(
        event=event,
        actors=actors,
        recipients=recipients,
        reciprocal=reciprocal,
        date=when or ResolvedDate(value=date(2021, 2, 4), method="publication"),
        evidence=Evidence(
            sentence=f"s{index}", paragraph=1, sentence_index=index, start=start, end=start + 4
        ),
        negated=negated,
        confidence=0.5,
    )


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(_PARTS, max_size=25))
def test_group_candidates_matches_the_all_pairs_merge(parts: list[tuple[Any, ...]]) -> None:
    candidates = _candidates(parts)
    assert merge.group_candidates(candidates) == _reference_groups(candidates)


# --- the work grows with the number of reports, not with its square ------------------------

TUR_GOV = ActorRef(name="Turkey", country="TUR", sector="GOV")
KAZ_GOV = ActorRef(name="Kazakhstan", country="KAZ", sector="GOV")
ARM = ActorRef(name="Armenia", country="ARM")
POLICE = ActorRef(name="police", country="KEN", sector="COP")
PROTESTERS = ActorRef(name="protesters", country="KEN", sector="CVL")
UN = ActorRef(name="United Nations", country="IGO", sector="IGO")
FEB4 = ResolvedDate(value=date(2021, 2, 4), method="explicit")

# One long page reports the same few happenings over and over, the way a site flattened into
# one paragraph repeats its teasers: the same report again, a reversed one, other kinds.
_REPORTS: tuple[dict[str, Any], ...] = (
    {"actors": (TUR_GOV,), "recipients": (KAZ_GOV,)},
    {"actors": (KAZ_GOV,), "recipients": (TUR_GOV,)},
    {"actors": (TUR_GOV, KAZ_GOV), "reciprocal": True, "when": FEB4},
    {"event": "ACCUSE", "actors": (PROTESTERS,), "recipients": (POLICE,)},
    {"event": "ACCUSE", "actors": (UN,), "recipients": (POLICE,)},
    {"event": "AID", "actors": (ARM,), "recipients": (KAZ_GOV,), "negated": True},
)


def _page(count: int) -> list[Candidate]:
    return [_candidate(i, **_REPORTS[i % len(_REPORTS)]) for i in range(count)]


def _comparisons(
    monkeypatch: pytest.MonkeyPatch, group: Callable[[list[Candidate]], object], count: int
) -> int:
    """Calls of the merge's comparisons while ``group`` groups a page of ``count`` reports."""
    calls = [0]

    def counted(function: Callable[..., bool]) -> Callable[..., bool]:
        def wrapper(*args: Any) -> bool:
            calls[0] += 1
            return function(*args)

        return wrapper

    with monkeypatch.context() as patch:
        for name in ("_same_actors", "_nested", "_dates_agree"):
            patch.setattr(merge, name, counted(getattr(merge, name)))
        group(_page(count))
    return calls[0]


def _blocked(candidates: list[Candidate]) -> object:
    events = merge_candidates(candidates, article=ARTICLE)
    assert len(events) == len(_reference_groups(_page(60)))  # the repeats merged
    return events


def test_merge_candidates_comparisons_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    small = _comparisons(monkeypatch, _blocked, 1_000)
    large = _comparisons(monkeypatch, _blocked, 4_000)
    sys.stderr.write(f"merge: {small} comparisons for 1,000 reports, {large} for 4,000\n")
    assert large / small < 6


def test_merge_candidates_reference_comparisons_grew_with_the_square(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The count above sees the fault it guards against (measured on 100 and 400 reports)."""
    small = _comparisons(monkeypatch, _reference_groups, 100)
    large = _comparisons(monkeypatch, _reference_groups, 400)
    assert large / small > 12
