"""One event per happening: sentences of an article that report the same act are merged.

Two candidates report the same happening when they have the same event type (and, for an
investigation, the same mode: ``DISTINCT_MODES``), the same negation and hypothetical flags,
party countries of which one set holds the other (the lead says "Turkey and Kazakhstan
discussed", the next sentence "Dere met Yermekbayev") for every sentence already in the group,
actors that may be the same party (in one country's news, where every party shares the
country, also called alike: a word of a name in common, or the state itself; and there a
named speaker's words do not join words told with no one saying them), and dates that
agree. A date taken from the lead or the publication
date agrees with any date: the sentence named none, and news articles tell one happening over
several sentences that date it once. So does a date borrowed from another clause of the
sentence than the act's own (``ResolvedDate.borrowed``): it may date another act.

The work grows with the number of sentences, not with its square: a candidate is compared
only with the groups that could take it (same type and flags, a party country in common with
the group's first member), and a group checks each distinct country set, actor side and date
of its members once, so a report repeated a thousand times costs one check, not a thousand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from dyads.coding.candidate import Candidate
from dyads.coding.confidence import ConfidenceModel, default_model, event_cues, noisy_or
from dyads.coding.dates import ResolvedDate
from dyads.coding.derive import derive
from dyads.coding.places import best_place
from dyads.records import ActorRef, Article, Event, content_id
from dyads.version import __version__

CODER = "dyads-rules"


_Block = tuple[str, bool, bool, str]  # event type, negated, hypothetical, a party country
# Modes of an act that is never the same happening as a report of another mode of its type:
# an investigation is a body's proceeding, not the blame or the charge told beside it ("police
# are investigating the assaults"; "the police chief has been criticised for the response").
DISTINCT_MODES = frozenset({"investigate"})


@dataclass(slots=True)
class _Cluster:
    """A group of candidates, with what ``accepts`` reads of its members kept once per
    distinct value: the outcome of each check depends on nothing else."""

    members: list[Candidate] = field(default_factory=list)
    country_sets: dict[frozenset[str], None] = field(default_factory=dict)
    actor_sides: dict[frozenset[_Party], Candidate] = field(default_factory=dict)
    dates: dict[tuple[bool, dt.date | None], ResolvedDate] = field(default_factory=dict)
    acted_on: set[tuple[str | None, str | None]] = field(default_factory=set)
    forces: set[_Force] = field(default_factory=set)

    @property
    def first(self) -> Candidate:
        return self.members[0]

    def add(self, candidate: Candidate) -> None:
        self.members.append(candidate)
        self.country_sets.setdefault(candidate.countries, None)
        self.actor_sides.setdefault(_actor_side(candidate), candidate)
        self.dates.setdefault(_date_key(candidate.date), candidate.date)
        self.forces.add(_force(candidate))
        if not candidate.reciprocal:
            self.acted_on.update((r.country, r.sector) for r in candidate.recipients)

    def _domestic(self, countries: frozenset[str]) -> bool:
        """The candidate (its ``countries``) and every member have parties of one country
        only (nested sets of one country each: the same country)."""
        return len(countries) == 1 and all(len(member) == 1 for member in self.country_sets)

    def _actors_agree(self, candidate: Candidate) -> bool:
        """Some actor of the candidate may be one of each member's (``_same_actors``), and in
        one country's news may be called alike (``_named_alike``)."""
        if not all(_same_actors(m, candidate) for m in self.actor_sides.values()):
            return False
        side = _actor_side(candidate)
        if not self._domestic(candidate.countries):
            return True
        if side and candidate.event in CONTENT_TYPES and not any(self.actor_sides):
            # in one country's news, words told with no one saying them ("the police chief
            # has been criticized") are no report of what a named party said later
            return False
        return all(_named_alike(member, side) for member in self.actor_sides)

    def accepts(self, candidate: Candidate) -> bool:
        first = self.first
        if (candidate.event, candidate.negated, candidate.hypothetical) != (
            first.event,
            first.negated,
            first.hypothetical,
        ):
            return False
        if _distinct_modes(first.mode, candidate.mode) or _distinct_contents(first, candidate):
            return False
        theirs = candidate.countries
        if not theirs or not all(_nested(countries, theirs) for countries in self.country_sets):
            return False
        if not candidate.reciprocal and _reversed(self.acted_on, candidate):
            return False
        if not self._actors_agree(candidate) or self._force_apart(candidate):
            return False
        return all(_dates_agree(d, candidate.date) for d in self.dates.values())

    def _force_apart(self, candidate: Candidate) -> bool:
        """Force by police or troops on another than the civilians of an attack with no
        named attacker, in the group or in the candidate (``_forces_on_another``)."""
        if candidate.event not in FORCE_EVENTS:
            return False
        theirs = _force(candidate)
        return any(
            _forces_on_another(mine, theirs) or _forces_on_another(theirs, mine)
            for mine in self.forces
        )


# Types whose clause says what is agreed or asked: two of them with different contents are two
# happenings even between the same parties ("agreed to form a team", "agreed to enhance trade").
CONTENT_TYPES = frozenset({"AGREE", "REQUEST", "SUPPORT", "ACCUSE", "REJECT"})


def _distinct_contents(a: Candidate, b: Candidate) -> bool:
    return (
        a.event in CONTENT_TYPES and bool(a.content) and bool(b.content) and a.content != b.content
    )


# Acts of force, where the forces of order also use force on the attacker.
FORCE_EVENTS = frozenset({"ASSAULT"})
CIVILIAN = "CVL"


class _Force(NamedTuple):
    """All that ``_forces_on_another`` reads of a candidate."""

    named: bool  # it names an actor
    armed: bool  # it names actors, every one of them police or troops
    on_civilians: bool  # a civilian is among those it acts on


def _force(candidate: Candidate) -> _Force:
    actors = candidate.actors
    return _Force(
        named=bool(actors),
        armed=bool(actors) and all(a.sector in _ARMED for a in actors),
        on_civilians=any(r.sector == CIVILIAN for r in candidate.recipients),
    )


def _forces_on_another(armed: _Force, victims: _Force) -> bool:
    """Police or troops using force on someone other than the civilians an attack with no
    named attacker hit: "80 people were killed" and "police shot and killed the driver" are
    two happenings, and the police did not kill the 80."""
    return not victims.named and victims.on_civilians and armed.armed and not armed.on_civilians


def _distinct_modes(a: str | None, b: str | None) -> bool:
    """Two modes of one type that tell different happenings (``DISTINCT_MODES``)."""
    return a != b and bool({a, b} & DISTINCT_MODES)


def _actor_side(candidate: Candidate) -> frozenset[_Party]:
    """All that ``_same_actors`` reads of a candidate."""
    return frozenset(_party(a) for a in candidate.actors)


def _date_key(value: ResolvedDate) -> tuple[bool, dt.date | None]:
    """All that ``_dates_agree`` reads of a date."""
    return (_loose(value), value.value)


def _blocks(candidate: Candidate) -> list[_Block]:
    """The blocks a candidate is filed under: one per party country. A group takes a
    candidate only when its first member shares the type, the flags and a country (nested
    non-empty country sets share one), so no other group need be asked."""
    kind = (candidate.event, candidate.negated, candidate.hypothetical)
    return [(*kind, country) for country in sorted(candidate.countries)]


def _same_actors(a: Candidate, b: Candidate) -> bool:
    """Some actor of one may be an actor of the other: the same country (or body) and the
    same sector, a missing sector matching any ("Turkey" and "Turkey's minister" may be one
    party; Kenyan protesters and the United Nations are not), and not two office holders of
    different names and offices (``_other_person``). A side with no actor matches.
    Without this, every act of one kind in a country's domestic news (protesters demanding,
    a bar association urging, the UN calling on the government) would become one event."""
    if not a.actors or not b.actors:
        return True
    return any(
        x.country == y.country and _sectors_agree(x.sector, y.sector) and not _other_person(x, y)
        for x in _actor_side(a)
        for y in _actor_side(b)
    )


class _Party(NamedTuple):
    """What the merge reads of an actor: its country and sector, the words of its name,
    whether it is the state itself ("Germany"), and for a person who holds an office the
    words of the office (``_other_person``)."""

    country: str | None
    sector: str | None
    name: frozenset[str] = frozenset()
    office: frozenset[str] = frozenset()
    state: bool = False


def _party(ref: ActorRef) -> _Party:
    office = frozenset() if ref.title is None else _words(ref.title)
    state = ref.country is not None and ref.name == _country_name(ref.country)
    return _Party(ref.country, ref.sector, _words(ref.name), office, state)


def _country_name(code: str) -> str | None:
    from dyads.actors.tables import ActorTables

    return ActorTables.load().country_name(code)


def _named_alike(a: frozenset[_Party], b: frozenset[_Party]) -> bool:
    """In one country's news every party shares the country, so two acts of one type are one
    happening only when their actors may be the same by name: a word of a name in common
    ("the police", "Cologne police"), or one side named as the state itself ("Germany"). A
    side with no actor matches. Victims who accuse the police and a chancellor outraged at
    the attacks made two accusations."""
    if not a or not b:
        return True
    return any(x.state or y.state or x.name & y.name for x in a for y in b)


# Words of a name or an office that say nothing of who holds it: honorifics before a name,
# the small words of an office ("Minister of State for Trade").
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "of", "the", "for", "and"})


def _words(text: str) -> frozenset[str]:
    return frozenset(word.strip(".,'’").casefold() for word in text.split()) - _HONORIFICS - {""}


def _other_person(a: _Party, b: _Party) -> bool:
    """Two holders of offices whose names share no word and whose offices share no word are
    two people: a foreign minister who denied a report and an ambassador who "also denied"
    it made two denials. A name shared ("Ayla Koru", "Ms. Koru"), or an office ("the
    president" of the country whose president is named), may be one person."""
    if not (a.name and b.name and a.office and b.office):
        return False
    return not (a.name & b.name or a.office & b.office)


# News calls the same armed men "border guards", "police" and "forces" in one story.
_ARMED = frozenset({"MIL", "COP"})


def _sectors_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or (a in _ARMED and b in _ARMED)


def _nested(a: frozenset[str], b: frozenset[str]) -> bool:
    """One set of party countries holds the other. Checked against every member, not their
    union: a cluster must not grow by steps from {A} through {A, B} to {B}, which joins
    unrelated acts of A and of B."""
    return bool(a) and (a <= b or b <= a)


def _reversed(acted_on: set[tuple[str | None, str | None]], candidate: Candidate) -> bool:
    """True when a directed member acts on a country that ``candidate`` has acting
    (``acted_on``: the recipients of the group's directed members)."""
    return any((a.country, a.sector) in acted_on for a in candidate.actors)


def _dates_agree(a: ResolvedDate, b: ResolvedDate) -> bool:
    return _loose(a) or _loose(b) or a.value == b.value


# Dates of a sentence that named none: the lead's day of the news, or the publication date.
_UNDATED = frozenset({"lead", "publication"})


def _loose(value: ResolvedDate) -> bool:
    """A date that agrees with any: the lead's day or the publication date (the sentence
    named none), or one borrowed from another clause of its sentence."""
    return value.method in _UNDATED or value.borrowed


def merge_candidates(
    candidates: Iterable[Candidate], *, article: Article, model: ConfidenceModel | None = None
) -> tuple[Event, ...]:
    """Events of an article: candidates grouped greedily in reading order, then combined; each
    event's confidence is ``model``'s probability (default: the packaged model) that it is
    right (``dyads.coding.confidence``)."""
    model = default_model() if model is None else model
    events = []
    for members in group_candidates(candidates):
        event = combine(members, article=article)
        events.append(
            replace(event, confidence=round(model.probability(event_cues(event, members)), 4))
        )
    return tuple(events)


def group_candidates(candidates: Iterable[Candidate]) -> list[list[Candidate]]:
    """The candidates of an article in groups that report one happening each.

    Each candidate, in reading order, joins the earliest group that accepts it, or starts a
    new one.
    """
    clusters: list[_Cluster] = []
    blocks: dict[_Block, list[int]] = {}
    for candidate in sorted(candidates, key=lambda c: c.evidence.start):
        keys = _blocks(candidate)
        possible = sorted({number for key in keys for number in blocks.get(key, ())})
        home = next((n for n in possible if clusters[n].accepts(candidate)), None)
        if home is None:
            home = len(clusters)
            clusters.append(_Cluster())
            for key in keys:  # a group is filed under its first member's countries
                blocks.setdefault(key, []).append(home)
        clusters[home].add(candidate)
    return [cluster.members for cluster in clusters]


def combine(members: Sequence[Candidate], *, article: Article) -> Event:
    """One event of a group of candidates; its confidence the noisy-or of theirs (the chance
    that one report is right, were they independent), which ``merge_candidates`` replaces."""
    lead = max(members, key=lambda m: m.confidence)
    actors, recipients = _sides(members)
    date = _best_date(m.date for m in members)
    evidence = sorted(
        {m.evidence.sentence_index: m.evidence for m in members}.values(), key=lambda e: e.start
    )
    all_actors, all_recipients = _best_refs(actors), _best_refs(recipients)
    countries = sorted({r.country or r.name for r in (*all_actors, *all_recipients)})
    first = evidence[0]
    key = f"{article.id}|{lead.event}|{','.join(countries)}|{date.value}|{first.start}-{first.end}"
    event = Event(
        id=content_id(key)[:32],
        article_id=article.id,
        event=lead.event,
        mode=next((m.mode for m in sorted(members, key=lambda m: -m.confidence) if m.mode), None),
        contexts=tuple(sorted({c for m in members for c in m.contexts})),
        actors=all_actors,
        recipients=all_recipients,
        date=date.value,
        date_method=date.method,
        place=best_place((m.place for m in members), article=article),
        evidence=tuple(evidence),
        negated=lead.negated,
        hypothetical=lead.hypothetical,
        confidence=round(noisy_or([m.confidence for m in members]), 4),
        coder=CODER,
        coder_version=__version__,
    )
    return derive(event, cameo_hint=lead.cameo_hint)


def _sides(members: Sequence[Candidate]) -> tuple[list[ActorRef], list[ActorRef]]:
    """Actors and recipients of the merged event. A directed report wins: a party that a
    reciprocal sentence has acting, but that another sentence shows acted on, is a recipient."""
    directed = [m for m in members if not m.reciprocal]
    acted_on = {r.country for m in directed for r in m.recipients} - {None}
    acting = {a.country for m in directed for a in m.actors}
    moved = acted_on - acting
    actors = [a for m in members for a in m.actors if not (m.reciprocal and a.country in moved)]
    recipients = [r for m in members for r in m.recipients]
    recipients += [a for m in members for a in m.actors if m.reciprocal and a.country in moved]
    return actors, recipients


def _best_date(dates: Iterable[ResolvedDate]) -> ResolvedDate:
    order = {"explicit": 0, "relative": 1, "lead": 2, "publication": 3, "unknown": 4}
    return min(dates, key=lambda d: order.get(d.method, 4))


def _specificity(ref: ActorRef) -> int:
    """A person with a title says more than a bare country: 2 for a title, 1 for a sector."""
    return 2 * int(ref.title is not None) + int(ref.sector is not None)


def _best_refs(refs: Sequence[ActorRef]) -> tuple[ActorRef, ...]:
    """Per country, the most specific references (distinct names kept), in order of first
    appearance."""
    best: dict[str | None, int] = {}
    for ref in refs:
        best[ref.country] = max(best.get(ref.country, -1), _specificity(ref))
    kept: dict[tuple[str | None, str], ActorRef] = {}
    for ref in refs:
        if _specificity(ref) == best[ref.country]:
            kept.setdefault((ref.country, ref.name), ref)
    return tuple(kept.values())
