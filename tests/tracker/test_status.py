"""Unit tests of tracker.status: derived directive status, overdue and the
four follow-up categories."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.quarters import Quarter
from tracker.rows import Category, Status
from tracker.status import categorize, derive_status, is_overdue

Q2 = Quarter(2021, 2)
D = date(2021, 5, 12)

# --- derive_status --------------------------------------------------------------------------


def test_no_leads_is_open() -> None:
    """A directive without lead assignments counts as open, with no done date."""
    assert derive_status([]) == (Status.OPEN, None)


def test_all_open_is_open() -> None:
    """Every lead open: the directive is open."""
    assert derive_status([(Status.OPEN, None)] * 3) == (Status.OPEN, None)


def test_all_done_takes_latest_date() -> None:
    """Every lead done: done, dated by the latest lead's date."""
    leads = [
        (Status.DONE, date(2021, 5, 1)),
        (Status.DONE, date(2021, 6, 20)),
        (Status.DONE, date(2021, 4, 3)),
    ]
    assert derive_status(leads) == (Status.DONE, date(2021, 6, 20))


def test_some_done_is_in_progress() -> None:
    """Some leads done, others open: in progress, no done date."""
    assert derive_status([(Status.DONE, D), (Status.OPEN, None)]) == (Status.IN_PROGRESS, None)


def test_one_in_progress_is_in_progress() -> None:
    """One lead in progress and the rest open: in progress."""
    leads = [(Status.OPEN, None), (Status.IN_PROGRESS, None)]
    assert derive_status(leads) == (Status.IN_PROGRESS, None)


def test_cancelled_leads_are_ignored_for_done() -> None:
    """Done when every lead that is not cancelled is done."""
    leads = [(Status.DONE, D), (Status.CANCELLED, None), (Status.DONE, date(2021, 4, 2))]
    assert derive_status(leads) == (Status.DONE, D)


def test_all_cancelled_is_cancelled() -> None:
    """Every lead cancelled: the directive is cancelled."""
    assert derive_status([(Status.CANCELLED, None)] * 2) == (Status.CANCELLED, None)


def test_cancelled_and_open_is_open() -> None:
    """A cancelled lead does not make an otherwise untouched directive in progress."""
    assert derive_status([(Status.CANCELLED, None), (Status.OPEN, None)]) == (Status.OPEN, None)


_lead = st.tuples(
    st.sampled_from(list(Status)),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
).map(lambda t: (t[0], t[1] if t[0] is Status.DONE else None))


@given(st.lists(_lead, max_size=8))
def test_derived_status_consistent_with_leads(leads: list[tuple[Status, date | None]]) -> None:
    """Property: the derived status follows the rules of issue 2 for any leads."""
    status, done_on = derive_status(leads)
    active = [(s, d) for s, d in leads if s is not Status.CANCELLED]
    if not leads:
        assert (status, done_on) == (Status.OPEN, None)
    elif not active:
        assert (status, done_on) == (Status.CANCELLED, None)
    elif all(s is Status.DONE for s, _ in active):
        assert status is Status.DONE
        assert done_on == max(d for _, d in active)
    else:
        assert done_on is None
        started = any(s in (Status.DONE, Status.IN_PROGRESS) for s, _ in active)
        assert status is (Status.IN_PROGRESS if started else Status.OPEN)


@given(st.lists(_lead, min_size=1, max_size=8))
def test_done_iff_every_active_lead_done(leads: list[tuple[Status, date | None]]) -> None:
    """Property: DONE exactly when at least one lead is active and all active leads are done."""
    status, _ = derive_status(leads)
    active = [s for s, _ in leads if s is not Status.CANCELLED]
    assert (status is Status.DONE) == (bool(active) and all(s is Status.DONE for s in active))


# --- is_overdue -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "due", "as_of", "expected"),
    [
        (Status.OPEN, Q2, date(2021, 6, 30), False),  # the last day itself is in time
        (Status.OPEN, Q2, date(2021, 7, 1), True),
        (Status.IN_PROGRESS, Q2, date(2021, 7, 1), True),
        (Status.DONE, Q2, date(2022, 1, 1), False),
        (Status.CANCELLED, Q2, date(2022, 1, 1), False),
        (Status.OPEN, None, date(2099, 1, 1), False),  # standing: never overdue
        (Status.OPEN, Q2, date(2021, 1, 1), False),
    ],
)
def test_is_overdue(status: Status, due: Quarter | None, as_of: date, expected: bool) -> None:
    """Overdue: not done or cancelled, and the as-of date after the deadline's last day."""
    assert is_overdue(status, due, as_of) is expected


# --- categorize -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "done_on", "due", "as_of", "expected"),
    [
        (Status.DONE, date(2021, 6, 30), Q2, date(2021, 12, 1), Category.DONE_ON_TIME),
        (Status.DONE, date(2021, 7, 1), Q2, date(2021, 12, 1), Category.DONE_LATE),
        (Status.DONE, D, None, date(2021, 12, 1), Category.DONE_ON_TIME),
        (Status.DONE, None, Q2, date(2021, 12, 1), Category.DONE_ON_TIME),
        (Status.OPEN, None, Q2, date(2021, 6, 30), Category.OPEN_IN_TIME),
        (Status.OPEN, None, Q2, date(2021, 7, 1), Category.OPEN_OVERDUE),
        (Status.IN_PROGRESS, None, Q2, date(2021, 7, 1), Category.OPEN_OVERDUE),
        (Status.OPEN, None, None, date(2030, 1, 1), Category.STANDING),
        (Status.CANCELLED, None, Q2, date(2030, 1, 1), Category.CANCELLED),
        # done after the as-of date: not yet done on that date
        (Status.DONE, date(2021, 6, 1), Q2, date(2021, 5, 1), Category.OPEN_IN_TIME),
        (Status.DONE, date(2021, 8, 1), Q2, date(2021, 7, 15), Category.OPEN_OVERDUE),
        (Status.DONE, date(2021, 8, 1), None, date(2021, 7, 15), Category.STANDING),
    ],
)
def test_categorize(
    status: Status, done_on: date | None, due: Quarter | None, as_of: date, expected: Category
) -> None:
    """Each row falls in exactly the category the follow-up reports use."""
    assert categorize(status, done_on, due, as_of) is expected


@given(
    st.sampled_from(list(Status)),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2023, 12, 31)),
    st.one_of(st.none(), st.builds(Quarter, st.integers(2020, 2023), st.integers(1, 4))),
    st.integers(-400, 400),
)
def test_categorize_agrees_with_is_overdue(
    status: Status, done_on: date, due: Quarter | None, shift: int
) -> None:
    """Property: OPEN_OVERDUE exactly when not done by as_of and overdue at as_of."""
    as_of = done_on + timedelta(days=shift)
    category = categorize(status, done_on if status is Status.DONE else None, due, as_of)
    done_by_then = status is Status.DONE and done_on <= as_of
    effective = Status.OPEN if status is Status.DONE and not done_by_then else status
    assert (category is Category.OPEN_OVERDUE) == is_overdue(effective, due, as_of)
