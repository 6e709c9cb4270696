from __future__ import annotations

from datetime import date

import pytest

from dyads.errors import QueryError
from dyads.store.summary import bucket_series, next_period, period_label, period_start


@pytest.mark.parametrize(
    ("day", "by", "start", "label"),
    [
        (date(2021, 2, 4), "day", date(2021, 2, 4), "2021-02-04"),
        (date(2021, 2, 4), "week", date(2021, 2, 1), "2021-W05"),
        (date(2021, 1, 2), "week", date(2020, 12, 28), "2020-W53"),
        (date(2021, 2, 28), "month", date(2021, 2, 1), "2021-02"),
        (date(2021, 12, 31), "year", date(2021, 1, 1), "2021"),
    ],
)
def test_period_start_and_label(day: date, by: str, start: date, label: str) -> None:
    assert period_start(day, by) == start
    assert period_label(start, by) == label


@pytest.mark.parametrize(
    ("start", "by", "following"),
    [
        (date(2021, 1, 31), "day", date(2021, 2, 1)),
        (date(2021, 12, 27), "week", date(2022, 1, 3)),
        (date(2021, 1, 1), "month", date(2021, 2, 1)),
        (date(2021, 12, 1), "month", date(2022, 1, 1)),
        (date(2020, 1, 1), "year", date(2021, 1, 1)),
    ],
)
def test_next_period_steps_one_period(start: date, by: str, following: date) -> None:
    assert next_period(start, by) == following


def test_period_start_refuses_an_unknown_period() -> None:
    with pytest.raises(QueryError, match="unknown period"):
        period_start(date(2021, 1, 1), "fortnight")


def test_bucket_series_counts_quads_means_goldstein_and_fills_gaps() -> None:
    rows = [
        (date(2021, 1, 5), 1, 1.0),
        (date(2021, 1, 20), 4, -10.0),
        (date(2021, 1, 21), None, None),
        (date(2021, 3, 2), 3, -2.0),
    ]
    january, february, march = bucket_series(rows, by="month")
    assert (january.period, january.counts, january.total) == ("2021-01", (1, 0, 0, 1), 3)
    assert january.goldstein_mean == -4.5  # over the two scored events only
    assert (february.total, february.goldstein_mean) == (0, None)
    assert (march.counts, march.goldstein_mean) == ((0, 0, 1, 0), -2.0)


def test_bucket_series_of_no_rows_is_empty() -> None:
    assert bucket_series([], by="week") == ()
