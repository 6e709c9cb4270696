"""The confidence model: its fit, the packaged weights, the cues of a merged event."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from dyads.coding.candidate import Candidate
from dyads.coding.confidence import (
    CUES,
    ConfidenceModel,
    default_model,
    event_cues,
    fit_logistic,
    noisy_or,
    read_model,
)
from dyads.coding.dates import ResolvedDate
from dyads.coding.merge import combine, merge_candidates
from dyads.errors import LexiconError
from dyads.records import ActorRef, Evidence
from tests.conftest import make_article

ARTICLE = make_article(("One.", "Two.", "Three.", "Four.", "Five."))
FRA = ActorRef(name="France", country="FRA", sector="GOV")
MLI = ActorRef(name="Mali", country="MLI", sector="GOV")


def _candidate(index: int, *, sentence: str, confidence: float, depth: int = 0) -> Candidate:
    start = index * 10
    return Candidate(
        event="ACCUSE",
        actors=(FRA,),
        recipients=(MLI,),
        date=ResolvedDate(value=date(2022, 3, 1), method="explicit"),
        evidence=Evidence(
            sentence=sentence, paragraph=index + 1, sentence_index=index, start=start, end=start + 5
        ),
        confidence=confidence,
        depth=depth,
    )


def test_fit_logistic_recovers_a_known_ordering() -> None:
    # right = 1 more often with a larger first cue, less often with a larger second; the
    # third is noise
    rng = np.random.default_rng(7)
    rows = rng.normal(size=(2000, 3))
    truth = 2.0 * rows[:, 0] - 1.0 * rows[:, 1] + 0.5
    right = rng.random(2000) < 1.0 / (1.0 + np.exp(-truth))
    intercept, weights = fit_logistic(rows, right, l2=1.0)
    assert weights[0] > -weights[1] > abs(weights[2])
    assert weights[0] == pytest.approx(2.0, abs=0.3)
    assert weights[1] == pytest.approx(-1.0, abs=0.3)
    assert intercept == pytest.approx(0.5, abs=0.3)


def test_fit_logistic_penalty_shrinks_the_weights() -> None:
    rng = np.random.default_rng(3)
    rows = rng.normal(size=(300, 2))
    right = rng.random(300) < 1.0 / (1.0 + np.exp(-(1.5 * rows[:, 0] + 0.8 * rows[:, 1])))
    _, loose = fit_logistic(rows, right, l2=0.01)
    _, tight = fit_logistic(rows, right, l2=100.0)
    assert np.all(np.abs(tight) < np.abs(loose))


def test_fit_logistic_weights_apply_to_unscaled_cues() -> None:
    # the same data with its first cue in other units: the fit scales it, the weight follows
    rng = np.random.default_rng(11)
    rows = rng.normal(size=(500, 2))
    right = rng.random(500) < 1.0 / (1.0 + np.exp(-(rows[:, 0] - rows[:, 1])))
    _, plain = fit_logistic(rows, right, l2=1.0)
    _, scaled = fit_logistic(rows * [10.0, 1.0] + [5.0, 0.0], right, l2=1.0)
    assert scaled[0] * 10.0 == pytest.approx(plain[0])
    assert scaled[1] == pytest.approx(plain[1])


def test_default_model_probabilities_rise_with_the_rating() -> None:
    model = default_model()
    assert set(model.weights) <= set(CUES)
    base = dict.fromkeys(CUES, 0.0)
    ratings = [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95]
    probabilities = []
    for rating in ratings:
        merged = [_candidate(0, sentence="France accused Mali.", confidence=rating)]
        event = combine(merged, article=ARTICLE)
        probabilities.append(model.probability({**base, **event_cues(event, merged)}))
    assert all(0.0 <= p <= 1.0 for p in probabilities)
    assert probabilities == sorted(probabilities) and probabilities[0] < probabilities[-1]


def test_event_cues_of_a_merged_event() -> None:
    later = [
        _candidate(4, sentence="Paris said Mali was to blame.", confidence=0.6, depth=2),
        _candidate(5, sentence="France blamed “the junta” again.", confidence=0.5),
    ]
    event = combine(later, article=ARTICLE)
    cues = event_cues(event, later)
    assert set(cues) == set(CUES)
    assert cues["mentions"] == pytest.approx(np.log(2))
    assert cues["lead"] == 0.0 and cues["weak"] == 0.0
    # the surest report (the first) gives the sentence cues
    assert (cues["reported"], cues["quoted"], cues["depth"]) == (1.0, 0.0, 2.0)
    assert (cues["dyad"], cues["conflict"], cues["material"]) == (1.0, 1.0, 0.0)
    assert cues["rating"] == pytest.approx(np.log(0.8 / 0.2))


def test_event_cues_mark_the_lead_and_a_weak_rating() -> None:
    first = [_candidate(0, sentence="France accused Mali.", confidence=0.2)]
    cues = event_cues(combine(first, article=ARTICLE), first)
    assert (cues["lead"], cues["weak"], cues["mentions"]) == (1.0, 1.0, 0.0)


def test_merge_candidates_confidence_is_the_models_probability() -> None:
    reports = [_candidate(0, sentence="France accused Mali.", confidence=0.7)]
    flat = ConfidenceModel(intercept=0.0, weights={})
    (event,) = merge_candidates(reports, article=ARTICLE, model=flat)
    assert event.confidence == 0.5
    lead = ConfidenceModel(intercept=-1.0, weights={"lead": 2.0})
    (event,) = merge_candidates(reports, article=ARTICLE, model=lead)
    assert event.confidence == pytest.approx(1.0 / (1.0 + np.exp(-1.0)), abs=1e-4)


def test_model_file_round_trip() -> None:
    model = ConfidenceModel(intercept=-0.5, weights={"rating": 0.75, "lead": 1.25})
    text = model.to_tsv(header=["written for a test"])
    assert text.startswith("# written for a test\n")
    assert read_model(text, source="test") == model


@pytest.mark.parametrize(
    "text",
    [
        "feature\tweight\nintercept\t0\n",  # another header
        "cue\tweight\nrating\t1\n",  # no intercept
        "cue\tweight\nintercept\t0\nsunspots\t1\n",  # a cue the coder does not give
        "cue\tweight\nintercept\tzero\n",  # not a number
        "cue\tweight\nintercept\t0\t1\n",  # three columns
    ],
)
def test_read_model_rejects_a_malformed_file(text: str) -> None:
    with pytest.raises(LexiconError):
        read_model(text, source="test")


def test_noisy_or_of_independent_reports() -> None:
    assert noisy_or([]) == 0.0
    assert noisy_or([0.5, 0.5]) == pytest.approx(0.75)
