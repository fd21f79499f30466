"""What to chase: each organization's unfinished parts due soon or already overdue.

The rule is the chase list's (:func:`tracker.queries.chase_due`): a lead organization's
own part still open or in progress, of a directive with a deadline; standing
(thường xuyên) directives have none and are never listed; carried-over ones are
overdue; extended ones count by their current deadline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from tracker.quarters import Quarter
from tracker.queries import chase_due, list_organizations
from tracker.reminder_dates import (
    DEFAULT_WITHIN_DAYS,
    check_within,
    days_overdue,
    last_due_iso,
)
from tracker.rows import OrganizationRow


class ReminderItem(NamedTuple):
    """One organization's open part of one directive (a tuple: 70,000 are made in
    a second's budget at 300,000 directives)."""

    directive_id: int
    content: str
    due: Quarter
    original_due: Quarter | None  # before an extension (gia hạn), else None
    days_overdue: int  # 0 when not yet overdue

    @property
    def overdue(self) -> bool:
        """Past its deadline quarter's last day."""
        return self.days_overdue > 0


@dataclass(frozen=True)
class ReminderGroup:
    """An organization and its parts to chase, oldest deadline first."""

    organization: OrganizationRow
    items: tuple[ReminderItem, ...]


@dataclass(frozen=True)
class Reminders:
    """The parts due by ``until`` (``within_days`` after ``as_of``), one group per organization."""

    as_of: date
    within_days: int
    groups: tuple[ReminderGroup, ...]

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
        return frozenset(i.directive_id for g in self.groups for i in g.items)

    @property
    def due_soon_ids(self) -> frozenset[int]:
        """Directives some organization still has to finish before its deadline."""
        return frozenset(i.directive_id for g in self.groups for i in g.items if not i.overdue)

    @property
    def overdue_ids(self) -> frozenset[int]:
        """Directives some organization has let pass their deadline."""
        return frozenset(i.directive_id for g in self.groups for i in g.items if i.overdue)


def reminders(*, as_of: date | None = None, within_days: int = DEFAULT_WITHIN_DAYS) -> Reminders:
    """Each organization's own unfinished parts whose deadline quarter ends within
    ``within_days`` of ``as_of``, and those already overdue, in the organizations' order.

    Raises:
        ValidationError: ``within_days`` outside 0…366.
    """
    check_within(within_days)
    as_of = as_of or date.today()
    per_org: dict[int, list[ReminderItem]] = {}
    deadlines: dict[str, tuple[Quarter, int]] = {}  # each quarter parsed once
    for org_id, did, content, due_iso, original_iso in chase_due(last_due_iso(as_of, within_days)):
        known = deadlines.get(due_iso)
        if known is None:
            known = deadlines[due_iso] = (Quarter.from_iso(due_iso), days_overdue(due_iso, as_of))
        original = (
            Quarter.from_iso(original_iso) if original_iso and original_iso != due_iso else None
        )
        item = ReminderItem(did, content, known[0], original, known[1])
        items = per_org.get(org_id)
        if items is None:
            per_org[org_id] = [item]
        else:
            items.append(item)
    groups = tuple(
        ReminderGroup(org, tuple(per_org[org.id]))
        for org in list_organizations()
        if org.id in per_org
    )
    return Reminders(as_of=as_of, within_days=within_days, groups=groups)
