"""The reminders' calendar: which deadline quarters count as due by a day, and how
late a deadline is. In stored quarter forms ("2021-Q2") and without peewee, so that
``remind --json`` (tracker/reminder_listing.py) and ``tracker.reminders`` share it.
"""

from __future__ import annotations

from datetime import date, timedelta

from tracker.errors import ValidationError
from tracker.quarter_key import iso_key, last_day, number_of, split_iso

DEFAULT_WITHIN_DAYS = 14
MAX_WITHIN_DAYS = 366


def check_within(within_days: int) -> None:
    """Raises ValidationError for a number of days outside 0…366."""
    if isinstance(within_days, bool) or not 0 <= within_days <= MAX_WITHIN_DAYS:
        raise ValidationError(
            f"Số ngày nhắc trước phải từ 0 đến {MAX_WITHIN_DAYS}, không phải {within_days}.",
            field="within",
        )


def last_due_iso(as_of: date, within_days: int) -> str:
    """The latest deadline quarter that ends within ``within_days`` of ``as_of``: every
    deadline up to it is due soon or overdue."""
    until = as_of + timedelta(days=within_days)
    year, number = until.year, number_of(until)
    if last_day(year, number) > until:
        year, number = (year, number - 1) if number > 1 else (year - 1, 4)
    return iso_key(year, number)


def days_overdue(due_iso: str, as_of: date) -> int:
    """Days from the deadline quarter's last day to ``as_of``; 0 when not yet past."""
    return max((as_of - last_day(*split_iso(due_iso))).days, 0)
