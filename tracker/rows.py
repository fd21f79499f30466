"""Plain, frozen rows that queries return and views and reports render.

Nothing here touches the database: a row is a snapshot of what was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from tracker.quarters import Quarter
from tracker.statuses import UNFINISHED as UNFINISHED
from tracker.statuses import UNFINISHED_VALUES as UNFINISHED_VALUES
from tracker.statuses import Status as Status


class Role(StrEnum):
    LEAD = "lead"  # chủ trì
    SUPPORT = "support"  # phối hợp


class Category(StrEnum):
    """Where a row falls in a follow-up report, as of a date."""

    DONE_ON_TIME = "done_on_time"  # hoàn thành đúng hạn
    DONE_LATE = "done_late"  # hoàn thành quá hạn
    OPEN_IN_TIME = "open_in_time"  # chưa hoàn thành – trong hạn
    OPEN_OVERDUE = "open_overdue"  # chưa hoàn thành – quá hạn
    STANDING = "standing"  # thường xuyên, chưa hoàn thành
    CANCELLED = "cancelled"  # đã hủy


class HistoryKind(StrEnum):
    CREATED = "created"
    EDITED = "edited"
    STATUS = "status"
    EXTENSION = "extension"
    NOTE = "note"
    CHASED = "chased"  # a reminder letter (công văn đôn đốc) listed it


@dataclass(frozen=True)
class OrganizationRow:
    id: int
    name: str
    short_name: str
    position: int
    active: bool
    in_use: bool = False


@dataclass(frozen=True)
class GroupRow:
    """A named set of organizations chosen as one owner ("MTTQ và các đoàn thể")."""

    id: int
    name: str
    short_name: str
    organization_ids: tuple[int, ...]


@dataclass(frozen=True)
class MeetingRow:
    id: int
    held_on: date
    title: str
    chair_name: str
    chair_position: str
    reviewed_quarter: Quarter | None
    notes: str
    notice_ref: str
    attendee_ids: tuple[int, ...]
    attendee_names: tuple[str, ...]
    directive_count: int
    done_count: int
    version: int


@dataclass(frozen=True)
class OwnerRow:
    """One organization's part in a directive, with its own progress."""

    organization_id: int
    short_name: str
    name: str
    role: Role
    status: Status
    done_on: date | None
    result_note: str


@dataclass(frozen=True)
class DirectiveRow:
    id: int
    meeting_id: int
    meeting_held_on: date
    meeting_title: str
    position: int
    content: str
    due: Quarter | None  # None: thường xuyên (standing)
    original_due: Quarter | None
    status: Status
    done_on: date | None
    overdue: bool  # as of the date the query was asked for
    owners: tuple[OwnerRow, ...]
    topics: tuple[str, ...]
    latest_note: str
    version: int
    latest_note_by: str = ""  # short name of the organization it is about ("": everyone)

    @property
    def leads(self) -> tuple[OwnerRow, ...]:
        return tuple(o for o in self.owners if o.role is Role.LEAD)

    @property
    def supports(self) -> tuple[OwnerRow, ...]:
        return tuple(o for o in self.owners if o.role is Role.SUPPORT)

    @property
    def extended(self) -> bool:
        return self.original_due is not None and self.original_due != self.due


@dataclass(frozen=True)
class HistoryRow:
    id: int
    directive_id: int
    kind: HistoryKind
    happened_on: date
    text: str
    organization_short_name: str | None
    who: str | None = None  # the login that made the change (schema 3; None before it)


@dataclass(frozen=True)
class OwnerProgress:
    """One lead organization's own progress on a directive, as of the report's date."""

    organization_id: int
    short_name: str
    name: str
    status: Status
    done_on: date | None
    category: Category
    note: str  # its own result or latest progress note; never another organization's


@dataclass(frozen=True)
class MeetingRef:
    """A giao ban whose directives a report lists, as the report names it."""

    id: int
    held_on: date
    title: str
    reviewed_quarter: Quarter | None
    notice_ref: str  # số thông báo kết luận, "" when not recorded


@dataclass(frozen=True)
class FollowUpRow:
    """One line of the follow-up list: a directive for one responsible
    organization (or for the whole directive when not split by organization)."""

    directive_id: int
    meeting_id: int
    meeting_held_on: date
    meeting_title: str
    content: str
    organization_id: int | None  # the responsible organization this line is for
    organization_name: str  # its name, or every lead's short name joined
    lead_names: tuple[str, ...]
    support_names: tuple[str, ...]
    due: Quarter | None
    original_due: Quarter | None  # set when the deadline was extended
    carried_from: Quarter | None  # set when due before the report's quarter
    status: Status
    done_on: date | None
    category: Category
    latest_note: str
    days_overdue: int = 0  # days past the deadline's last day, as of the report date
    # Each lead's own progress when the row stands for several leads (a group
    # directive listed once); empty when the row is one organization's.
    owners: tuple[OwnerProgress, ...] = ()
    meeting_notice_ref: str = ""


@dataclass(frozen=True)
class CategoryCounts:
    total: int = 0
    done_on_time: int = 0
    done_late: int = 0
    open_in_time: int = 0
    open_overdue: int = 0
    standing: int = 0
    cancelled: int = 0

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    @property
    def not_done(self) -> int:
        return self.open_in_time + self.open_overdue + self.standing


@dataclass(frozen=True)
class FollowUpGroup:
    """Rows under one heading: an organization, or a meeting."""

    heading: str
    organization_id: int | None
    meeting_id: int | None
    rows: tuple[FollowUpRow, ...]
    counts: CategoryCounts


@dataclass(frozen=True)
class FollowUpReport:
    """The quarterly follow-up list (danh sách theo dõi), ready to render."""

    quarter: Quarter | None  # None for the open-items report (all quarters)
    as_of: date
    group_by: str  # "org" (each directive once), "each-org" or "meeting"
    include_done: bool
    groups: tuple[FollowUpGroup, ...]
    totals: CategoryCounts  # one count per directive (not per organization)
    summary_sentence: str
    # per lead organization (full name), each counting its own part of every directive
    per_org_counts: tuple[tuple[str, CategoryCounts], ...] = field(default_factory=tuple)
    meetings: tuple[MeetingRef, ...] = ()  # the giao ban the listed directives come from

    @property
    def empty(self) -> bool:
        return not any(g.rows for g in self.groups)
