"""An event's confidence as a probability: a logistic model over a few cues of its reports.

The coder rates each sentence's report by hand-set factors (``coder._confidence``: the
lexicon row's weight, the arguments found, the parse path). Whether a merged event is right
also depends on what no single sentence's rating holds: whether the lead tells it, how deep in
the parse its trigger lies, how many sentences report it, whether it is quoted. ``event_cues``
reads such cues of one merged event; ``ConfidenceModel`` turns those its file names into the
probability that the event is right, with weights fitted by ``scripts/calibrate_confidence.py``
on the whole-article development set and kept in ``data/confidence.tsv`` (figures only; the
script chose the rating, a weak rating, the lead and the depth). ``fit_logistic`` is that fit: an
L2-penalised logistic regression solved by Newton's method, with numpy (which spaCy brings).
A model file that does not parse raises ``dyads.errors.LexiconError`` (a table of the coder
that does not parse).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from dyads.coding.candidate import Candidate
from dyads.errors import LexiconError
from dyads.records import Event

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

MODEL_FILE = "confidence.tsv"
# The quad class of a PLOVER type, as CAMEO's quad classes hold its commonest codes (an
# event's own ``quad`` is missing when its mode names no CAMEO code): material acts, and
# conflict. REQUEST is mostly an appeal (CAMEO 02, verbal cooperation); PROTEST is CAMEO 14,
# verbal conflict.
MATERIAL_EVENTS = frozenset(
    {"COOPERATE", "AID", "RETREAT", "CONCEDE", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"}
)
CONFLICT_EVENTS = frozenset(
    {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"}
)
# The lead of a news article: its first sentences (title and first paragraph) state the news.
LEAD_SENTENCES = 3
# Quotation marks, straight and typographic.
_QUOTE = re.compile('["“”]')
# Words that report speech ("X said", "according to"): what follows is a claim, not a deed.
_REPORTED = re.compile(r"\b(?:said|says|told|according to|stated|added)\b", re.IGNORECASE)
# The hand rating is read as log-odds (its low end separates right from wrong events better
# than its value does), bounded so that a rating of 0 or 1 stays a finite cue.
RATING_BOUNDS = (0.01, 0.99)
# The hand rating under which the coder emitted nothing before this model: on the development
# articles none of the 21 events rated under it was right (a step the log-odds do not give).
WEAK_RATING = 0.3
# Newton's method on this convex loss converges in a handful of steps; these bound it.
_NEWTON_STEPS = 50
_NEWTON_TOLERANCE = 1e-9


def noisy_or(values: Sequence[float]) -> float:
    """The chance that at least one of independent reports is right."""
    miss = 1.0
    for value in values:
        miss *= 1.0 - value
    return 1.0 - miss


def event_cues(event: Event, members: Sequence[Candidate]) -> dict[str, float]:
    """The cues of a merged event (``members``: its candidates), by name, each a number."""
    lead = max(members, key=lambda m: m.confidence)
    sentences = {m.evidence.sentence_index for m in members}
    countries = [r.country for r in (*event.actors, *event.recipients) if r.country]
    both = any(a.country for a in event.actors) and any(r.country for r in event.recipients)
    reciprocal = any(m.reciprocal for m in members)
    rating = noisy_or([m.confidence for m in members])
    return {
        "rating": _logit(rating),
        "weak": float(rating < WEAK_RATING),
        "mentions": math.log(len(sentences)),
        "noun": float(lead.noun),
        "fallback": float(lead.fallback_row),
        "material": float(event.event in MATERIAL_EVENTS),
        "conflict": float(event.event in CONFLICT_EVENTS),
        "dyad": float(both or (reciprocal and len(set(countries)) > 1)),
        "lead": float(min(sentences) < LEAD_SENTENCES),
        "quoted": float(bool(_QUOTE.search(lead.evidence.sentence))),
        "reported": float(bool(_REPORTED.search(lead.evidence.sentence))),
        "depth": float(lead.depth),
    }


# The names of every cue ``event_cues`` gives, in its order (a model may use any of them).
CUES: tuple[str, ...] = (
    "rating",
    "weak",
    "mentions",
    "noun",
    "fallback",
    "material",
    "conflict",
    "dyad",
    "lead",
    "quoted",
    "reported",
    "depth",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ConfidenceModel:
    """A logistic model: P(right) = 1 / (1 + exp(-(intercept + sum of weight x cue)))."""

    intercept: float
    weights: Mapping[str, float]

    def probability(self, cues: Mapping[str, float]) -> float:
        score = self.intercept + sum(w * cues[name] for name, w in self.weights.items())
        return _sigmoid(score)

    def to_tsv(self, *, header: Sequence[str]) -> str:
        """The model as ``data/confidence.tsv`` keeps it, under ``header`` comment lines."""
        lines = [f"# {line}".rstrip() for line in header]
        lines.append("cue\tweight")
        lines.append(f"intercept\t{self.intercept:.4f}")
        lines.extend(f"{name}\t{weight:.4f}" for name, weight in self.weights.items())
        return "\n".join(lines) + "\n"


def _logit(value: float) -> float:
    """The log-odds of ``value``, kept within those of ``RATING_BOUNDS``."""
    low, high = RATING_BOUNDS
    clipped = min(max(value, low), high)
    return math.log(clipped / (1.0 - clipped))


def _sigmoid(score: float) -> float:
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    exp = math.exp(score)
    return exp / (1.0 + exp)


def read_model(text: str, *, source: str) -> ConfidenceModel:
    """A model from the text of a model file: ``#`` comments, a header, cue-weight rows."""
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    if not rows or rows[0] != ["cue", "weight"]:
        raise LexiconError(f"{source}: the header must be 'cue<TAB>weight'")
    known = set(CUES)
    weights: dict[str, float] = {}
    intercept: float | None = None
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != 2:  # a cue and its weight
            raise LexiconError(f"{source} row {number}: expected 2 columns")
        name, value = row[0].strip(), row[1].strip()
        try:
            weight = float(value)
        except ValueError:
            raise LexiconError(f"{source} row {number}: {value!r} is no number") from None
        if name == "intercept":
            intercept = weight
        elif name in known:
            weights[name] = weight
        else:
            raise LexiconError(f"{source} row {number}: unknown cue {name!r}")
    if intercept is None:
        raise LexiconError(f"{source}: no intercept row")
    return ConfidenceModel(intercept=intercept, weights=weights)


@cache
def default_model() -> ConfidenceModel:
    """The packaged model (``data/confidence.tsv``), read once per process."""
    text = resources.files("dyads.data").joinpath(MODEL_FILE).read_text("utf-8")
    return read_model(text, source=f"dyads/data/{MODEL_FILE}")


def load_model(path: Path) -> ConfidenceModel:
    return read_model(path.read_text("utf-8"), source=str(path))


def fit_logistic(
    rows: npt.ArrayLike, right: npt.ArrayLike, *, l2: float
) -> tuple[float, np.ndarray]:
    """(intercept, weights) of a logistic regression of ``right`` (0/1) on ``rows`` (one row
    of cue values per event), penalised by ``l2`` times the squared weights (not the
    intercept) of the cues scaled to unit spread, so that the penalty treats a 0/1 cue and a
    count alike. The penalised log-likelihood is concave: Newton's method finds its top. The
    weights returned apply to the cues as given."""
    import numpy as np

    x = np.asarray(rows, dtype=float)
    y = np.asarray(right, dtype=float)
    centre = x.mean(axis=0)
    spread = x.std(axis=0)
    spread[spread == 0] = 1.0
    design = np.hstack([np.ones((x.shape[0], 1)), (x - centre) / spread])
    penalty = np.full(design.shape[1], l2)
    penalty[0] = 0.0
    beta = np.zeros(design.shape[1])
    for _ in range(_NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-(design @ beta)))
        gradient = design.T @ (y - p) - penalty * beta
        hessian = (design.T * (p * (1.0 - p))) @ design + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta = beta + step
        if float(np.max(np.abs(step))) < _NEWTON_TOLERANCE:
            break
    weights = beta[1:] / spread
    return float(beta[0] - centre @ weights), weights
