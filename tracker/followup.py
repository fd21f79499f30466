"""The follow-up lists: the quarterly danh sách theo dõi and the open items
to go through before the next giao ban."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from tracker.owners import owner_labels
from tracker.quarters import Quarter
from tracker.queries import (
    directive_rows_as_of,
    list_groups,
    list_organizations,
    meeting_refs,
)
from tracker.rows import (
    Category,
    CategoryCounts,
    DirectiveRow,
    FollowUpGroup,
    FollowUpReport,
    FollowUpRow,
    GroupRow,
    MeetingRef,
    OwnerProgress,
    OwnerRow,
    Status,
)
from tracker.status import categorize, derive_status
from tracker.store.models import Directive, Meeting

GROUP_BY_ORG = "org"  # a section per organization (or group) leading: each directive once
GROUP_BY_EACH_ORG = "each-org"  # a section per organization, to send each its own part
GROUP_BY_MEETING = "meeting"
GROUP_BY = (GROUP_BY_ORG, GROUP_BY_EACH_ORG, GROUP_BY_MEETING)
DONE_CATEGORIES = (Category.DONE_ON_TIME, Category.DONE_LATE, Category.CANCELLED)


def follow_up_list(
    quarter: Quarter,
    *,
    as_of: date | None = None,
    include_done: bool = True,
    group_by: str = GROUP_BY_ORG,
) -> FollowUpReport:
    """Every directive due in ``quarter``, every earlier one not finished before
    the quarter began (carried over), and the standing ones still running, from
    giao ban held up to ``as_of``, each as it stood on ``as_of``
    (:func:`tracker.queries.directive_rows_as_of`)."""
    as_of = as_of or date.today()
    start = quarter.first_day
    # A first cut in SQL on what is stored now; the exact test runs on the rows as
    # of the date below. Whatever was finished (or cancelled) after the quarter
    # began, or after ``as_of``, may still count as unfinished then.
    unfinished_or_late = Directive.status.in_(
        [Status.OPEN.value, Status.IN_PROGRESS.value, Status.CANCELLED.value]
    ) | ((Directive.status == Status.DONE.value) & (Directive.done_on >= min(start, as_of)))
    ids = [
        r[0]
        for r in Directive.select(Directive.id)
        .join(Meeting)
        .where(
            (Meeting.held_on <= as_of)
            & (
                (Directive.due_quarter == quarter.iso)
                | ((Directive.due_quarter < quarter.iso) & unfinished_or_late)
                | (
                    Directive.due_quarter.is_null()
                    & (Meeting.held_on <= quarter.last_day)
                    & unfinished_or_late
                )
            )
        )
        .tuples()
    ]
    rows = directive_rows_as_of(ids, as_of)
    return _build(rows, quarter, as_of, include_done, group_by, carried_start=start)


def open_items(*, as_of: date | None = None, group_by: str = GROUP_BY_ORG) -> FollowUpReport:
    """Every directive still unfinished on ``as_of`` from giao ban held up to then,
    each as it stood on that date."""
    as_of = as_of or date.today()
    maybe_unfinished = Directive.status.in_(
        [Status.OPEN.value, Status.IN_PROGRESS.value, Status.CANCELLED.value]
    ) | ((Directive.status == Status.DONE.value) & (Directive.done_on > as_of))
    ids = [
        r[0]
        for r in Directive.select(Directive.id)
        .join(Meeting)
        .where(maybe_unfinished & (Meeting.held_on <= as_of))
        .tuples()
    ]
    rows = directive_rows_as_of(ids, as_of)
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
    org_groups = list_groups()
    orgs = list_organizations()
    per_org: dict[int, list[FollowUpRow]] = defaultdict(list)
    labels: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    listed: list[tuple[DirectiveRow, list[FollowUpRow]]] = []
    for d in directives:
        own_rows = []
        for owner in d.leads:
            if carried_start and quarter and (d.due is None or d.due < quarter):
                finished_before = owner.status is Status.CANCELLED or (
                    owner.status is Status.DONE and (owner.done_on or as_of) < carried_start
                )
                if finished_before:
                    continue
            row = _row(d, owner, quarter, as_of, org_groups, (), labels)
            if quarter is not None or row.category not in DONE_CATEGORIES:
                own_rows.append(row)
                per_org[owner.organization_id].append(row)
        if own_rows:
            listed.append((d, own_rows))
    totals = _count(categorize(d.status, d.done_on, d.due, as_of) for d, _ in listed)
    per_org_counts = tuple(
        (o.name, _count(r.category for r in per_org[o.id])) for o in orgs if per_org[o.id]
    )
    groups: list[FollowUpGroup] = []
    if group_by == GROUP_BY_EACH_ORG:
        for o in orgs:
            if per_org[o.id]:
                groups.append(_group(o.name, o.id, None, per_org[o.id], include_done))
    elif group_by == GROUP_BY_MEETING:
        by_meeting: dict[int, list[FollowUpRow]] = defaultdict(list)
        held: dict[int, DirectiveRow] = {}
        for d, own in sorted(
            listed, key=lambda x: (x[0].meeting_held_on, x[0].meeting_id, x[0].position)
        ):
            by_meeting[d.meeting_id].append(_row(d, None, quarter, as_of, org_groups, own, labels))
            held[d.meeting_id] = d
        refs = meeting_refs(list(held))
        for mid, rows in by_meeting.items():
            rows.sort(key=lambda r: (r.due is None, r.due.key if r.due else 0))
            groups.append(_group(meeting_heading(refs[mid]), None, mid, rows, include_done))
    else:
        # One section per set of leads (an organization, or a group written as the
        # group): each directive once, each lead's own progress in its cells (the
        # leads listed, when some finished before the quarter or, for open items, by now).
        by_leads: dict[tuple[int, ...], list[FollowUpRow]] = defaultdict(list)
        position = {o.id: i for i, o in enumerate(orgs)}
        for d, own in listed:
            key = tuple(sorted((o.organization_id for o in d.leads), key=position.get))
            by_leads[key].append(_row(d, None, quarter, as_of, org_groups, own, labels))
        for key in sorted(by_leads, key=lambda k: (len(k) == 1, [position[i] for i in k])):
            rows = by_leads[key]
            heading = rows[0].lead_names
            name = ", ".join(heading)
            org_id = key[0] if len(key) == 1 else None
            groups.append(_group(name, org_id, None, rows, include_done))
    groups = [g for g in groups if g.rows]
    meetings = meeting_refs(list({d.meeting_id for d, _ in listed}))
    return FollowUpReport(
        quarter=quarter,
        as_of=as_of,
        group_by=group_by,
        include_done=include_done,
        groups=tuple(groups),
        totals=totals,
        summary_sentence=summary_sentence(totals),
        per_org_counts=per_org_counts,
        meetings=tuple(sorted(meetings.values(), key=lambda m: (m.held_on, m.id))),
    )


def meeting_heading(meeting: MeetingRef) -> str:
    """A meeting's section heading: "Giao ban ngày 01/04/2021: … (Thông báo kết luận số …)"."""
    text = f"Giao ban ngày {meeting.held_on:%d/%m/%Y}: {meeting.title}"
    if meeting.notice_ref:
        text += f" (Thông báo kết luận số {meeting.notice_ref})"
    return text


def _order_key(d: DirectiveRow) -> tuple:
    # dated first, oldest deadline first; standing after
    return (d.due is None, d.due.key if d.due else 0, d.meeting_held_on, d.position, d.id)


def _row(
    d: DirectiveRow,
    owner: OwnerRow | None,
    quarter: Quarter | None,
    as_of: date,
    groups: list[GroupRow],
    own_rows: Sequence[FollowUpRow],
    labels: dict[int, tuple[tuple[str, ...], tuple[str, ...]]],
) -> FollowUpRow:
    """A row for ``owner``'s part, or (``owner`` None) for the whole directive, whose
    leads' own rows are ``own_rows``; ``labels`` caches each directive's owner names."""
    names = labels.get(d.id)
    if names is None:
        names = labels[d.id] = (
            owner_labels(d.leads, groups, full=True),
            owner_labels(d.supports, groups, full=True),
        )
    status = owner.status if owner else d.status
    done_on = owner.done_on if owner else d.done_on
    category = categorize(status, done_on, d.due, as_of)
    late = 0
    if category in (Category.OPEN_OVERDUE,) and d.due is not None:
        late = (as_of - d.due.last_day).days
    elif category is Category.DONE_LATE and d.due is not None and done_on is not None:
        late = (done_on - d.due.last_day).days
    carried = d.due if (quarter and d.due is not None and d.due < quarter) else None
    if owner is not None:
        leads: tuple[OwnerRow, ...] = (owner,)
        note = owner.result_note
        progress: tuple[OwnerProgress, ...] = ()
    else:
        by_id = {o.organization_id: o for o in d.leads}
        leads = tuple(by_id[r.organization_id] for r in own_rows if r.organization_id in by_id)
        progress = tuple(
            OwnerProgress(
                r.organization_id or 0,
                by_id[r.organization_id or 0].short_name,
                by_id[r.organization_id or 0].name,
                r.status,
                r.done_on,
                r.category,
                r.latest_note,
            )
            for r in own_rows
        )
        note = progress[0].note if len(progress) == 1 else d.latest_note
        if len(progress) == 1:
            progress = ()
        else:
            status, done_on = derive_status((p.status, p.done_on) for p in progress)
            category = categorize(status, done_on, d.due, as_of)
    return FollowUpRow(
        directive_id=d.id,
        meeting_id=d.meeting_id,
        meeting_held_on=d.meeting_held_on,
        meeting_title=d.meeting_title,
        content=d.content,
        organization_id=owner.organization_id if owner else None,
        organization_name=owner.name if owner else _names(leads, d, names[0], groups),
        lead_names=names[0],
        support_names=names[1],
        due=d.due,
        original_due=d.original_due if d.extended else None,
        carried_from=carried,
        status=status,
        done_on=done_on,
        category=category,
        latest_note=note,
        days_overdue=late,
        owners=progress,
    )


def _names(
    leads: tuple[OwnerRow, ...], d: DirectiveRow, all_leads: tuple[str, ...], groups: list[GroupRow]
) -> str:
    """The leads a whole-directive row stands for, a whole group written as the group."""
    if len(leads) == len(d.leads):
        return ", ".join(all_leads)
    return ", ".join(owner_labels(leads, groups, full=True))


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
    """The figures a báo cáo states, without clauses that count nothing, e.g. "Tổng số
    12 nội dung chỉ đạo; đã hoàn thành 7 (đúng hạn 6, quá hạn 1); chưa hoàn thành 5
    (trong hạn 3, quá hạn 2)."; "Tổng số 2 nội dung chỉ đạo; đã hoàn thành đúng hạn 2."."""
    parts = [f"Tổng số {c.total} nội dung chỉ đạo"]
    parts += _split("đã hoàn thành", (("đúng hạn", c.done_on_time), ("quá hạn", c.done_late)))
    parts += _split("chưa hoàn thành", (("trong hạn", c.open_in_time), ("quá hạn", c.open_overdue)))
    if c.standing:
        parts.append(f"thực hiện thường xuyên {c.standing}")
    if c.cancelled:
        parts.append(f"đã hủy {c.cancelled}")
    return "; ".join(parts) + "."


def _split(label: str, items: tuple[tuple[str, int], ...]) -> list[str]:
    """ "đã hoàn thành 7 (đúng hạn 6, quá hạn 1)", "đã hoàn thành đúng hạn 7", or nothing."""
    present = [(word, n) for word, n in items if n]
    if not present:
        return []
    if len(present) == 1:
        word, n = present[0]
        return [f"{label} {word} {n}"]
    inner = ", ".join(f"{word} {n}" for word, n in present)
    return [f"{label} {sum(n for _, n in present)} ({inner})"]
