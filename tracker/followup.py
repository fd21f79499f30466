"""The follow-up lists: the quarterly danh sách theo dõi and the open items
to go through before the next giao ban."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tracker.models import Directive, Meeting
from tracker.owners import owner_labels
from tracker.quarters import Quarter
from tracker.queries import directive_rows, list_groups, list_organizations
from tracker.rows import (
    Category,
    CategoryCounts,
    DirectiveRow,
    FollowUpGroup,
    FollowUpReport,
    FollowUpRow,
    GroupRow,
    OwnerRow,
    Status,
)
from tracker.status import categorize

GROUP_BY_ORG = "org"
GROUP_BY_MEETING = "meeting"
DONE_CATEGORIES = (Category.DONE_ON_TIME, Category.DONE_LATE, Category.CANCELLED)


def follow_up_list(
    quarter: Quarter,
    *,
    as_of: date | None = None,
    include_done: bool = True,
    group_by: str = GROUP_BY_ORG,
) -> FollowUpReport:
    """Every directive due in ``quarter``, every earlier one not finished before
    the quarter began (carried over), and the standing ones still running."""
    as_of = as_of or date.today()
    start = quarter.first_day
    unfinished_or_late = Directive.status.in_([Status.OPEN.value, Status.IN_PROGRESS.value]) | (
        (Directive.status == Status.DONE.value) & (Directive.done_on >= start)
    )
    ids = [
        r[0]
        for r in Directive.select(Directive.id)
        .join(Meeting)
        .where(
            (Directive.due_quarter == quarter.iso)
            | ((Directive.due_quarter < quarter.iso) & unfinished_or_late)
            | (
                Directive.due_quarter.is_null()
                & (Meeting.held_on <= quarter.last_day)
                & unfinished_or_late
            )
        )
        .tuples()
    ]
    rows = directive_rows(ids, as_of=as_of)
    return _build(rows, quarter, as_of, include_done, group_by, carried_start=start)


def open_items(*, as_of: date | None = None, group_by: str = GROUP_BY_ORG) -> FollowUpReport:
    """Every directive still unfinished on ``as_of`` from giao ban held up to then
    (something finished after ``as_of`` was not finished yet)."""
    as_of = as_of or date.today()
    unfinished = Directive.status.in_([Status.OPEN.value, Status.IN_PROGRESS.value]) | (
        (Directive.status == Status.DONE.value) & (Directive.done_on > as_of)
    )
    ids = [
        r[0]
        for r in Directive.select(Directive.id)
        .join(Meeting)
        .where(unfinished & (Meeting.held_on <= as_of))
        .tuples()
    ]
    rows = directive_rows(ids, as_of=as_of)
    return _build(rows, None, as_of, False, group_by, carried_start=None)


def report_quarters() -> list[Quarter]:
    """The quarters some directive is due in, oldest first: the report's usual choices."""
    query = (
        Directive.select(Directive.due_quarter)
        .where(Directive.due_quarter.is_null(False))
        .distinct()
        .order_by(Directive.due_quarter)
        .tuples()
    )
    return [Quarter.from_iso(iso) for (iso,) in query]


@dataclass
class _Line:
    directive: DirectiveRow
    owner: OwnerRow | None  # None: the whole directive


def _build(
    directives: list[DirectiveRow],
    quarter: Quarter | None,
    as_of: date,
    include_done: bool,
    group_by: str,
    *,
    carried_start: date | None,
) -> FollowUpReport:
    directives.sort(key=_order_key)
    groups = list_groups()
    totals = _count(categorize(d.status, d.done_on, d.due, as_of) for d in directives)
    per_org: dict[int, list[FollowUpRow]] = defaultdict(list)
    for d in directives:
        for owner in d.leads:
            if carried_start and d.due is not None and quarter and d.due < quarter:
                finished_before = owner.status is Status.CANCELLED or (
                    owner.status is Status.DONE and (owner.done_on or as_of) < carried_start
                )
                if finished_before:
                    continue
            row = _row(d, owner, quarter, as_of, groups)
            if quarter is not None or row.category not in DONE_CATEGORIES:
                per_org[owner.organization_id].append(row)
    orgs = list_organizations()
    per_org_counts = tuple(
        (o.short_name, _count(r.category for r in per_org[o.id])) for o in orgs if per_org[o.id]
    )
    groups: list[FollowUpGroup] = []
    if group_by == GROUP_BY_MEETING:
        by_meeting: dict[int, list[FollowUpRow]] = defaultdict(list)
        titles: dict[int, str] = {}
        for d in sorted(directives, key=lambda d: (d.meeting_held_on, d.meeting_id, d.position)):
            by_meeting[d.meeting_id].append(_row(d, None, quarter, as_of, groups))
            titles[d.meeting_id] = f"Giao ban ngày {d.meeting_held_on:%d/%m/%Y}: {d.meeting_title}"
        for mid, rows in by_meeting.items():
            rows.sort(key=lambda r: (r.due is None, r.due or quarter, 0))
            groups.append(_group(titles[mid], None, mid, rows, include_done))
    else:
        for o in orgs:
            if per_org[o.id]:
                groups.append(_group(o.name, o.id, None, per_org[o.id], include_done))
    groups = [g for g in groups if g.rows]
    return FollowUpReport(
        quarter=quarter,
        as_of=as_of,
        group_by=group_by,
        include_done=include_done,
        groups=tuple(groups),
        totals=totals,
        summary_sentence=summary_sentence(totals),
        per_org_counts=per_org_counts,
    )


def _order_key(d: DirectiveRow) -> tuple:
    # dated first, oldest deadline first; standing after
    return (d.due is None, d.due.key if d.due else 0, d.meeting_held_on, d.position, d.id)


def _row(
    d: DirectiveRow,
    owner: OwnerRow | None,
    quarter: Quarter | None,
    as_of: date,
    groups: list[GroupRow],
) -> FollowUpRow:
    status = owner.status if owner else d.status
    done_on = owner.done_on if owner else d.done_on
    category = categorize(status, done_on, d.due, as_of)
    late = 0
    if category in (Category.OPEN_OVERDUE,) and d.due is not None:
        late = (as_of - d.due.last_day).days
    elif category is Category.DONE_LATE and d.due is not None and done_on is not None:
        late = (done_on - d.due.last_day).days
    carried = d.due if (quarter and d.due is not None and d.due < quarter) else None
    return FollowUpRow(
        directive_id=d.id,
        meeting_id=d.meeting_id,
        meeting_held_on=d.meeting_held_on,
        meeting_title=d.meeting_title,
        content=d.content,
        organization_id=owner.organization_id if owner else None,
        organization_name=owner.name if owner else ", ".join(owner_labels(d.leads, groups)),
        lead_names=owner_labels(d.leads, groups),
        support_names=owner_labels(d.supports, groups),
        due=d.due,
        original_due=d.original_due if d.extended else None,
        carried_from=carried,
        status=status,
        done_on=done_on,
        category=category,
        latest_note=(owner.result_note if owner and owner.result_note else d.latest_note),
        days_overdue=late,
    )


def _group(
    heading: str,
    org_id: int | None,
    meeting_id: int | None,
    rows: list[FollowUpRow],
    include_done: bool,
) -> FollowUpGroup:
    counts = _count(r.category for r in rows)
    if not include_done:
        rows = [r for r in rows if r.category not in DONE_CATEGORIES]
    return FollowUpGroup(heading, org_id, meeting_id, tuple(rows), counts)


def _count(categories: Iterable[Category]) -> CategoryCounts:
    c = Counter(categories)
    return CategoryCounts(
        total=sum(c.values()),
        done_on_time=c[Category.DONE_ON_TIME],
        done_late=c[Category.DONE_LATE],
        open_in_time=c[Category.OPEN_IN_TIME],
        open_overdue=c[Category.OPEN_OVERDUE],
        standing=c[Category.STANDING],
        cancelled=c[Category.CANCELLED],
    )


def summary_sentence(c: CategoryCounts) -> str:
    """The sentence follow-up reports open with, e.g. "Tổng số 12 nội dung chỉ đạo;
    đã hoàn thành 7 (đúng hạn 6, quá hạn 1); chưa hoàn thành 5 (trong hạn 3, quá hạn 2)."."""
    parts = [
        f"Tổng số {c.total} nội dung chỉ đạo",
        f"đã hoàn thành {c.done} (đúng hạn {c.done_on_time}, quá hạn {c.done_late})",
        f"chưa hoàn thành {c.open_in_time + c.open_overdue} "
        f"(trong hạn {c.open_in_time}, quá hạn {c.open_overdue})",
    ]
    if c.standing:
        parts.append(f"thực hiện thường xuyên {c.standing}")
    if c.cancelled:
        parts.append(f"đã hủy {c.cancelled}")
    return "; ".join(parts) + "."
