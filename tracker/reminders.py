"""What to chase: each organization's unfinished parts due soon or already overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tracker.errors import ValidationError
from tracker.followup import due_items
from tracker.rows import Category, FollowUpGroup

DEFAULT_WITHIN_DAYS = 14
MAX_WITHIN_DAYS = 366


@dataclass(frozen=True)
class Reminders:
    """The parts due by ``until`` (``within_days`` after ``as_of``), one group per organization."""

    as_of: date
    within_days: int
    groups: tuple[FollowUpGroup, ...]

    @property
    def until(self) -> date:
        """The last day a deadline quarter may end on to count as due soon."""
        return self.as_of + timedelta(days=self.within_days)

    @property
    def empty(self) -> bool:
        """Nothing is due soon nor overdue."""
        return not self.groups

    @property
    def directive_ids(self) -> frozenset[int]:
        """Every directive listed for some organization."""
        return frozenset(r.directive_id for g in self.groups for r in g.rows)

    @property
    def due_soon_ids(self) -> frozenset[int]:
        """Directives some organization still has to finish before its deadline."""
        return frozenset(
            r.directive_id for g in self.groups for r in g.rows
            if r.category is Category.OPEN_IN_TIME
        )  # fmt: skip

    @property
    def overdue_ids(self) -> frozenset[int]:
        """Directives some organization has let pass their deadline."""
        return frozenset(
            r.directive_id for g in self.groups for r in g.rows
            if r.category is Category.OPEN_OVERDUE
        )  # fmt: skip


def reminders(*, as_of: date | None = None, within_days: int = DEFAULT_WITHIN_DAYS) -> Reminders:
    """Each organization's own unfinished parts whose deadline quarter ends within
    ``within_days`` of ``as_of``, and those already overdue (carried over and extended
    ones by their current deadline); standing directives are never listed.

    Raises:
        ValidationError: ``within_days`` outside 0…366.
    """
    if isinstance(within_days, bool) or not 0 <= within_days <= MAX_WITHIN_DAYS:
        raise ValidationError(
            f"Số ngày nhắc trước phải từ 0 đến {MAX_WITHIN_DAYS}, không phải {within_days}.",
            field="within",
        )
    as_of = as_of or date.today()
    report = due_items(as_of=as_of, until=as_of + timedelta(days=within_days))
    return Reminders(as_of=as_of, within_days=within_days, groups=report.groups)
