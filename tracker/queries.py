"""Every read: frozen rows built with a fixed number of queries, never one per row."""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any, cast

import peewee as pw

from tracker.errors import NotFoundError
from tracker.listing import organization_not_found
from tracker.quarters import Quarter
from tracker.rows import (
    DirectiveRow,
    GroupRow,
    HistoryKind,
    HistoryRow,
    MeetingRef,
    MeetingRow,
    OrganizationRow,
    OwnerRow,
    Role,
    Status,
)
from tracker.settings import ReportSettings
from tracker.status import derive_status, is_overdue, read_status_entry
from tracker.store.db import database
from tracker.store.models import (
    Assignment,
    Directive,
    DirectiveTopic,
    HistoryEntry,
    Meeting,
    Organization,
    Setting,
    Topic,
)
from tracker.store.pg import is_postgres, search_sql
from tracker.text import fold

# --- organizations --------------------------------------------------------------------------


def list_organizations(*, include_inactive: bool = True) -> list[OrganizationRow]:
    # One index probe per organization, not a DISTINCT over every assignment.
    used = {
        r[0]
        for r in database.execute_sql(
            "SELECT o.id FROM organization o WHERE "
            "EXISTS (SELECT 1 FROM assignment a WHERE a.organization_id = o.id) OR "
            "EXISTS (SELECT 1 FROM meeting_attendee m WHERE m.organization_id = o.id)"
        )
    }
    query = Organization.select().order_by(Organization.position, Organization.id)
    if not include_inactive:
        query = query.where(Organization.active == True)  # noqa: E712 (peewee expression)
    return [
        OrganizationRow(o.id, o.name, o.short_name, o.position, o.active, o.id in used)
        for o in query
    ]


def list_groups() -> list[GroupRow]:
    # Plain statements: the directive table reads the groups on every reload.
    members: dict[int, list[int]] = defaultdict(list)
    for group_id, org_id in database.execute_sql(
        "SELECT m.group_id, m.organization_id FROM org_group_member m "
        "JOIN organization o ON o.id = m.organization_id ORDER BY o.position"
    ):
        members[group_id].append(org_id)
    return [
        GroupRow(gid, name, short, tuple(members[gid]))
        for gid, name, short in database.execute_sql(
            "SELECT id, name, short_name FROM org_group ORDER BY position, id"
        )
    ]


def find_organization(text: str) -> OrganizationRow:
    """An organization by short or full name, ignoring case and diacritics."""
    key = fold(text)
    for org in list_organizations():
        if key in (fold(org.short_name), fold(org.name)):
            return org
    raise organization_not_found(text)


def find_owner_ids(text: str) -> tuple[int, ...]:
    """Organization ids named by a short/full name or by a group's name."""
    key = fold(text)
    for group in list_groups():
        if key in (fold(group.short_name), fold(group.name)):
            return group.organization_ids
    return (find_organization(text).id,)


def list_topics() -> list[str]:
    return [t.name for t in Topic.select(Topic.name).order_by(Topic.name)]


def load_settings() -> ReportSettings:
    return ReportSettings.from_strings({s.key: s.value for s in Setting.select()})


def settings_saved() -> bool:
    """Whether the report settings were ever saved (else the defaults are a guess)."""
    return Setting.select().exists()


# --- meetings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingFilter:
    search: str = ""
    year: int | None = None


def _meeting_query(flt: MeetingFilter) -> pw.ModelSelect:
    query = Meeting.select(Meeting.id)
    if flt.year is not None:
        query = query.where(
            (Meeting.held_on >= date(flt.year, 1, 1)) & (Meeting.held_on <= date(flt.year, 12, 31))
        )
    key = fold(flt.search)
    if key:
        query = query.where(Meeting.title_folded.contains(key))
    return query


def count_meetings(flt: MeetingFilter = MeetingFilter()) -> int:
    return _meeting_query(flt).count()


def meeting_page(
    flt: MeetingFilter = MeetingFilter(), *, offset: int = 0, limit: int = 200
) -> list[MeetingRow]:
    """Meetings newest first, one page of them."""
    ids = [
        r[0]
        for r in _meeting_query(flt)
        .order_by(Meeting.held_on.desc(), Meeting.id.desc())
        .offset(offset)
        .limit(limit)
        .tuples()
    ]
    return meeting_rows(ids)


def list_meetings(flt: MeetingFilter = MeetingFilter()) -> list[MeetingRow]:
    return meeting_page(flt, offset=0, limit=-1)


def meeting_years() -> list[int]:
    """Years that have a meeting, newest first: one held_on index seek per year
    (a recursive skip-scan), not a read of every meeting."""
    if is_postgres(database):
        return [
            int(y)
            for (y,) in database.execute_sql(
                "SELECT DISTINCT EXTRACT(YEAR FROM held_on)::int FROM meeting ORDER BY 1 DESC"
            )
        ]
    return [
        int(y)
        for (y,) in database.execute_sql(
            "WITH RECURSIVE years(y) AS ("
            " SELECT substr(MIN(held_on), 1, 4) FROM meeting"
            " UNION ALL"
            " SELECT (SELECT substr(MIN(held_on), 1, 4) FROM meeting"
            "  WHERE held_on >= printf('%04d-01-01', years.y + 1))"
            " FROM years WHERE years.y IS NOT NULL)"
            " SELECT y FROM years WHERE y IS NOT NULL ORDER BY y DESC"
        )
    ]


def meeting_rows(ids: Sequence[int]) -> list[MeetingRow]:
    """Rows for the given ids, in the given order (three statements, plain tuples)."""
    ids = list(ids)
    if not ids:
        return []
    param = _ids_param(ids)
    sql = database.execute_sql
    counts = {
        mid: (total, done)
        for mid, total, done in sql(
            "SELECT meeting_id, COUNT(*), SUM(status = ?) FROM directive "
            f"WHERE meeting_id IN {_IN_IDS} GROUP BY meeting_id",
            (Status.DONE.value, *param),
        )
    }
    attendees: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for mid, oid, short in sql(
        "SELECT ma.meeting_id, o.id, o.short_name FROM meeting_attendee ma "
        "JOIN organization o ON o.id = ma.organization_id "
        f"WHERE ma.meeting_id IN {_IN_IDS} ORDER BY o.position",
        param,
    ):
        attendees[mid].append((oid, short))
    by_id = {
        r[0]: r
        for r in sql(
            "SELECT id, held_on, title, chair_name, chair_position, reviewed_quarter, notes, "
            f"notice_ref, version FROM meeting WHERE id IN {_IN_IDS}",
            param,
        )
    }
    rows = []
    for mid in ids:
        m = by_id.get(mid)
        if m is None:
            continue
        total, done = counts.get(mid, (0, 0))
        held_on = _date(m[1])
        assert held_on is not None
        rows.append(
            MeetingRow(
                id=mid,
                held_on=held_on,
                title=m[2],
                chair_name=m[3],
                chair_position=m[4],
                reviewed_quarter=Quarter.from_iso(m[5]) if m[5] else None,
                notes=m[6],
                notice_ref=m[7],
                attendee_ids=tuple(a for a, _ in attendees[mid]),
                attendee_names=tuple(n for _, n in attendees[mid]),
                directive_count=total,
                done_count=int(done or 0),
                version=m[8],
            )
        )
    return rows


def meeting(meeting_id: int) -> MeetingRow:
    rows = meeting_rows([meeting_id])
    if not rows:
        raise NotFoundError(f"Không tìm thấy cuộc giao ban mã số {meeting_id}.")
    return rows[0]


# --- directives -----------------------------------------------------------------------------


class StatusFilter(StrEnum):
    ALL = "all"
    OPEN = "open"  # chưa hoàn thành: open or in progress
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"
    OVERDUE = "overdue"
    NOT_STARTED = "not_started"  # status open exactly
    TO_CHASE = "to_chase"  # cần đôn đốc: unfinished and due this quarter or earlier


class SortKey(StrEnum):
    MEETING = "meeting"  # meeting date, then position
    CONTENT = "content"
    DUE = "due"
    STATUS = "status"
    DONE_ON = "done_on"


@dataclass(frozen=True)
class DirectiveFilter:
    """What the all-directives view and ``giaoban directives`` select."""

    meeting_id: int | None = None
    quarter: Quarter | None = None
    include_carried: bool = False  # with quarter: also earlier ones not finished before it
    organization_id: int | None = None  # any owner, lead or support
    lead_only: bool = False
    # With organization_id, the status is that organization's own (see _status_condition).
    status: StatusFilter = StatusFilter.ALL
    search: str = ""
    topic: str | None = None
    as_of: date | None = None  # for "overdue"; today when None
    ids: tuple[int, ...] | None = field(default=None)


def _as_of(flt: DirectiveFilter) -> date:
    return flt.as_of or date.today()


def _fts_phrase(key: str) -> str:
    return '"' + key.replace('"', '""') + '"'


def search_condition(text: str) -> pw.Expression | None:
    """Diacritics-insensitive substring match over the content: FTS5 trigram
    index for three characters or more, a scan below that."""
    key = fold(text)
    if not key:
        return None
    if len(key) >= 3:
        return Directive.id.in_(pw.SQL(*search_sql(database, key)))
    return Directive.content_folded.contains(key)


def _directive_query(flt: DirectiveFilter, *columns: pw.Field) -> pw.ModelSelect:
    query = Directive.select(*(columns or (Directive.id,)))
    conditions = _directive_conditions(flt)
    if conditions:
        query = query.where(*conditions)
    return query


def _directive_conditions(flt: DirectiveFilter) -> list[pw.Expression]:
    conditions: list[pw.Expression] = []
    if flt.ids is not None:
        conditions.append(Directive.id.in_(list(flt.ids)))
    if flt.meeting_id is not None:
        conditions.append(Directive.meeting == flt.meeting_id)
    if flt.quarter is not None:
        q = flt.quarter.iso
        if flt.include_carried:
            start = flt.quarter.first_day
            carried = (Directive.due_quarter < q) & (
                Directive.status.not_in([Status.DONE.value, Status.CANCELLED.value])
                | (Directive.done_on >= start)
            )
            conditions.append((Directive.due_quarter == q) | carried)
        else:
            conditions.append(Directive.due_quarter == q)
    status = StatusFilter(flt.status)
    if flt.organization_id is not None:
        # Correlated: one (directive, organization) index probe per directive looked
        # at, so a page stops early instead of first listing every id the
        # organization owns (half of all directives for a busy one).
        owns = (Assignment.directive == Directive.id) & (
            Assignment.organization == flt.organization_id
        )
        if flt.lead_only:
            owns &= Assignment.role == Role.LEAD.value
        own = _status_condition(status, _own_status(), flt)
        if own is not None:
            owns &= own
        conditions.append(pw.fn.EXISTS(Assignment.select(pw.SQL("1")).where(owns)))
    # An organization's lead assignment that is unfinished leaves its directive
    # unfinished too (status.derive_status), so the directive's own status narrows
    # these filters through its index without changing what they select.
    if flt.organization_id is None or status in _UNFINISHED_FILTERS:
        cond = _status_condition(status, Directive.status, flt)
        if cond is not None:
            conditions.append(cond)
    cond = search_condition(flt.search)
    if cond is not None:
        conditions.append(cond)
    if flt.topic:
        topic_ids = Topic.select(Topic.id).where(Topic.name == flt.topic)
        conditions.append(
            Directive.id.in_(
                DirectiveTopic.select(DirectiveTopic.directive).where(
                    DirectiveTopic.topic.in_(topic_ids)
                )
            )
        )
    return conditions


_UNFINISHED_FILTERS = (StatusFilter.OPEN, StatusFilter.OVERDUE, StatusFilter.TO_CHASE)


def _own_status() -> pw.ColumnBase:
    """The status an owner reads as its own: a lead's assignment status; a supporting
    organization has no status of its own and shares its directive's."""
    lead = Assignment.role == Role.LEAD.value
    return pw.Case(None, [(lead, Assignment.status)], Directive.status)


def _status_condition(
    status: StatusFilter, column: pw.ColumnBase, flt: DirectiveFilter
) -> pw.Expression | None:
    """The status filter on ``column``: the directive's status, or with an organization
    chosen, that organization's own (_own_status), so "Tỉnh đoàn + Quá hạn" never
    lists what Tỉnh đoàn has finished while others have not. The one rule for both."""
    unfinished = column.in_([Status.OPEN.value, Status.IN_PROGRESS.value])
    current = Quarter.of(_as_of(flt)).iso
    if status is StatusFilter.OPEN:
        return unfinished
    if status is StatusFilter.NOT_STARTED:
        return cast(pw.Expression, column == Status.OPEN.value)
    if status in (StatusFilter.IN_PROGRESS, StatusFilter.DONE, StatusFilter.CANCELLED):
        return cast(pw.Expression, column == status.value)
    if status is StatusFilter.OVERDUE:
        return unfinished & (Directive.due_quarter < current)
    if status is StatusFilter.TO_CHASE:
        return unfinished & (Directive.due_quarter <= current)
    return None


def _walks_in_meeting_order(flt: DirectiveFilter) -> bool:
    """Whether a page in meeting order is best read by walking the meetings in
    date order, rather than by sorting every directive the filter selects.

    True when the filter may select a large share of all directives (nothing,
    a status, an organization): the walk stops after one page, while the sort
    reads every match (a status selects 10-90%: up to 270,000 rows at 100x a
    province's decade). A meeting, ids, a quarter, a topic or a text search
    select few, which are sorted faster than walked past.
    """
    return (
        flt.ids is None
        and flt.meeting_id is None
        and flt.quarter is None
        and not flt.topic
        and not fold(flt.search)
    )


def _walks_in_deadline_order(flt: DirectiveFilter, sort: SortKey) -> bool:
    """Whether a page in deadline order is best read by walking the (deadline, status)
    index: a filter that selects only unfinished directives with a deadline (the chase
    list, overdue) may hold tens of thousands; sorting them all costs ~60 ms at
    300,000 directives, the walk ~1 ms. In that order, ties go by id."""
    return (
        sort is SortKey.DUE
        and StatusFilter(flt.status) in (StatusFilter.OVERDUE, StatusFilter.TO_CHASE)
        and _walks_in_meeting_order(flt)
    )


def _order(sort: SortKey, descending: bool) -> list[pw.Ordering]:
    def d(expr: pw.Node) -> pw.Ordering:
        return expr.desc() if descending else expr.asc()

    tail = [Directive.position.asc(), Directive.id.asc()]
    if sort is SortKey.MEETING:
        return [d(Meeting.held_on), d(Meeting.id), *tail]
    if sort is SortKey.CONTENT:
        return [d(Directive.content_folded), Directive.id.asc()]
    if sort is SortKey.DUE:
        # standing (NULL) last either way
        return [Directive.due_quarter.is_null(), d(Directive.due_quarter), *tail]
    if sort is SortKey.STATUS:
        return [d(Directive.status), Directive.due_quarter.asc(), *tail]
    return [Directive.done_on.is_null(), d(Directive.done_on), *tail]


def _search_alone(flt: DirectiveFilter) -> str | None:
    """The FTS phrase of a filter that is a text search (3 characters or more) and
    nothing else, else None."""
    key = fold(flt.search)
    if len(key) >= 3 and flt == DirectiveFilter(search=flt.search, as_of=flt.as_of):
        return _fts_phrase(key)
    return None


def count_directives(flt: DirectiveFilter = DirectiveFilter()) -> int:
    phrase = _search_alone(flt)
    if phrase is not None and is_postgres(database):
        sub, params = search_sql(database, fold(flt.search))
        count = database.execute_sql(f"SELECT COUNT(*) FROM {sub} AS hits", params).fetchone()
        return int(count[0])
    if phrase is not None:
        # A text search alone: the search index counts its matches itself.
        return int(
            database.execute_sql(
                "SELECT COUNT(*) FROM directive_fts WHERE directive_fts MATCH ?", (phrase,)
            ).fetchone()[0]
        )
    # COUNT(*) on the query itself: peewee's count() wraps it in a subquery,
    # which keeps SQLite from counting a whole table from its page counts.
    query = Directive.select(pw.fn.COUNT(pw.SQL("*")))
    conditions = _directive_conditions(flt)
    if conditions:
        query = query.where(*conditions)
    if flt.organization_id is None and _walks_in_deadline_order(flt, SortKey.DUE):
        # Unfinished with a deadline by now: the (deadline, status) index holds all
        # it needs, ~55 ms at 300,000 directives where the status index takes ~150.
        sql, params = query.sql()
        indexed = sql.replace(
            'FROM "directive" AS "t1"', f'FROM "directive" AS "t1" INDEXED BY {DUE_STATUS_INDEX}', 1
        )
        try:
            return int(database.execute_sql(indexed, params).fetchone()[0] or 0)
        except pw.OperationalError as exc:
            if "no such index" not in str(exc):
                raise
    return int(query.scalar() or 0)


def directive_ids(
    flt: DirectiveFilter = DirectiveFilter(),
    *,
    sort: SortKey = SortKey.MEETING,
    descending: bool = False,
    offset: int = 0,
    limit: int = -1,
) -> list[int]:
    """Ids of the directives the filter selects, sorted, optionally one page."""
    sort = SortKey(sort)
    if _walks_in_deadline_order(flt, sort):
        d = "DESC" if descending else "ASC"
        query = _directive_query(flt, Directive.id).order_by(pw.SQL("1"))
        sql, params = query.offset(offset).limit(limit).sql()
        head, _, tail = sql.partition(" ORDER BY 1")
        for indexed in (f" INDEXED BY {DUE_STATUS_INDEX}", ""):
            walk = head.replace('FROM "directive" AS "t1"', 'FROM "directive" AS "t1"' + indexed, 1)
            try:
                rows = database.execute_sql(
                    f'{walk} ORDER BY "t1"."due_quarter" {d}, "t1"."id" {d}{tail}', params
                )
                return [r[0] for r in rows]
            except pw.OperationalError as exc:
                if not indexed or "no such index" not in str(exc):
                    raise
    query = _sorted_query(flt, sort, descending, (Directive.id,), join=False)
    query = query.offset(offset).limit(limit)
    # Executed as plain SQL: peewee's per-row processing cost more than the sort.
    return [r[0] for r in database.execute_sql(*query.sql())]


def _sorted_query(
    flt: DirectiveFilter,
    sort: SortKey,
    descending: bool,
    columns: Sequence[pw.Node],
    *,
    join: bool,
) -> pw.ModelSelect:
    """The filter's directives in display order; ``join`` makes Meeting's columns
    available whatever the sort."""
    if sort is SortKey.MEETING and _walks_in_meeting_order(flt):
        # FROM meeting CROSS JOIN directive: SQLite then walks the meetings through
        # their held_on index and each one's directives through (meeting, position),
        # already in display order, and stops after ``limit`` rows.
        query = (
            Meeting.select(*columns)
            .join(Directive, pw.JOIN.CROSS)
            .where(Directive.meeting == Meeting.id, *_directive_conditions(flt))
        )
    else:
        query = _directive_query(flt, *columns)
        if sort is SortKey.MEETING or join:
            query = query.join(Meeting)
    return query.order_by(*_order(sort, descending))


def directive_page(
    flt: DirectiveFilter = DirectiveFilter(),
    *,
    sort: SortKey = SortKey.MEETING,
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[DirectiveRow]:
    """One page of what the filter selects; with an organization chosen, as that
    organization sees it (seen_by)."""
    phrase = _search_alone(flt)
    if phrase is not None and SortKey(sort) is SortKey.MEETING and is_postgres(database):
        # The same page on PostgreSQL: the trigram index's matches first (MATERIALIZED
        # keeps the planner from walking every meeting and probing each directive).
        order = "DESC" if descending else "ASC"
        sub, params = search_sql(database, fold(flt.search))
        sql = f"WITH hits AS MATERIALIZED {sub} " + _SEARCH_PAGE_PG.format(order=order)
        base = list(database.execute_sql(sql, (*params, limit, offset)))
        return _rows(base, as_of=_as_of(flt), with_notes=True)
    if phrase is not None and SortKey(sort) is SortKey.MEETING:
        # Typing in the search field: the page's rows in one statement that starts
        # from the search index's matches (not from the directive table), sorts
        # them and reads the rows' columns; no ids query and no peewee query.
        order = "DESC" if descending else "ASC"
        base = list(database.execute_sql(_SEARCH_PAGE.format(order=order), (phrase, limit, offset)))
        return _rows(base, as_of=_as_of(flt), with_notes=True)
    ids = directive_ids(flt, sort=sort, descending=descending, offset=offset, limit=limit)
    rows = directive_rows(ids, as_of=_as_of(flt))
    if flt.organization_id is not None:
        return seen_by(rows, flt.organization_id)  # the organization is the subject
    return rows


_SEARCH_PAGE_PG = (
    "SELECT d.id, d.meeting_id, m.held_on, m.title, d.position, d.content, d.due_quarter, "
    "d.original_due, d.status, d.done_on, d.version "
    "FROM hits JOIN directive d ON d.id = hits.id JOIN meeting m ON m.id = d.meeting_id "
    "ORDER BY m.held_on {order}, m.id {order}, d.position, d.id LIMIT ? OFFSET ?"
)


# A text search's page in meeting order (see _order), the columns of _BASE_COLUMNS.
_SEARCH_PAGE = (
    "SELECT d.id, d.meeting_id, m.held_on, m.title, d.position, d.content, d.due_quarter, "
    "d.original_due, d.status, d.done_on, d.version "
    "FROM directive_fts f CROSS JOIN directive d ON d.id = f.rowid "
    "CROSS JOIN meeting m ON m.id = d.meeting_id WHERE directive_fts MATCH ? "
    "ORDER BY m.held_on {order}, m.id {order}, d.position, d.id LIMIT ? OFFSET ?"
)


def list_directives(
    flt: DirectiveFilter = DirectiveFilter(), *, with_notes: bool = True
) -> list[DirectiveRow]:
    """Every directive the filter selects; ``with_notes=False`` skips reading the
    latest progress notes (``latest_note`` then holds only owners' result notes).

    The rows' own columns come with the sort, in one statement.
    """
    query = _sorted_query(flt, SortKey.MEETING, False, _BASE_COLUMNS, join=True)
    base = list(database.execute_sql(*query.sql()))
    return _rows(base, as_of=_as_of(flt), with_notes=with_notes)


# Id lists go to SQLite as one JSON parameter: one statement whatever the count,
# and no per-id work building SQL (peewee's IN lists cost more than the query).
_IN_IDS = "(SELECT value FROM json_each(?))"
_ROLES = {r.value: r for r in Role}
_STATUSES = {s.value: s for s in Status}


def _ids_param(ids: Sequence[int]) -> tuple[str]:
    return (json.dumps([int(i) for i in ids]),)


def directive_rows(
    ids: Sequence[int], *, as_of: date | None = None, with_notes: bool = True
) -> list[DirectiveRow]:
    """Rows for the given ids, in that order, with owners, topics and latest note
    (with ``with_notes=False``, only the owners' result notes: one statement less).

    Five statements whatever the number of ids, read as plain tuples.
    """
    ids = list(ids)
    if not ids:
        return []
    found = {
        row[0]: row
        for row in database.execute_sql(
            "SELECT d.id, d.meeting_id, m.held_on, m.title, d.position, d.content, "
            "d.due_quarter, d.original_due, d.status, d.done_on, d.version "
            "FROM directive d JOIN meeting m ON m.id = d.meeting_id "
            f"WHERE d.id IN {_IN_IDS}",
            _ids_param(ids),
        )
    }
    base = [found[i] for i in ids if i in found]
    return _rows(base, as_of=as_of or date.today(), with_notes=with_notes)


def directive_rows_as_of(ids: Sequence[int], as_of: date) -> list[DirectiveRow]:
    """Rows for ``ids`` as they stood on ``as_of``: the one "as of" rule of the reports.

    Each lead's status, done date and note are those recorded on or before
    ``as_of`` (read back from the status history when something changed after
    it); the directive's status follows from its leads, and its latest note is
    the newest one recorded by then. Something done after ``as_of`` was not done.
    """
    rows = directive_rows(ids, as_of=as_of, with_notes=False)
    if not rows:
        return rows
    entries: dict[int, list[tuple[date, int | None, str, str]]] = defaultdict(list)
    for did, kind, on, org_id, text in database.execute_sql(
        "SELECT directive_id, kind, happened_on, organization_id, text FROM history_entry "
        f"WHERE directive_id IN {_IN_IDS} AND kind IN (?, ?) ORDER BY happened_on, id",
        (*_ids_param([r.id for r in rows]), HistoryKind.STATUS.value, HistoryKind.NOTE.value),
    ):
        entries[did].append((_date(on), org_id, kind, text))  # type: ignore[arg-type]
    return [_as_of_row(r, entries.get(r.id, []), as_of) for r in rows]


def _as_of_row(
    row: DirectiveRow, entries: list[tuple[date, int | None, str, str]], as_of: date
) -> DirectiveRow:
    """``row`` as it stood on ``as_of`` (``entries``: its status and note history, oldest
    first)."""
    status_kind = HistoryKind.STATUS.value
    changed_later: set[int | None] = set()  # organizations (None: every lead) changed after
    notes: dict[int | None, tuple[int, str]] = {}  # newest note by organization, by then
    latest = ""
    for index, (on, org_id, kind, text) in enumerate(entries):
        if on > as_of:
            if kind == status_kind:
                changed_later.add(org_id)
            continue
        note = read_status_entry(text)[1] if kind == status_kind else text
        if note:
            notes[org_id] = (index, note)
            latest = note
    owners = []
    touched = False
    for o in row.owners:
        if o.role is Role.LEAD:
            later = None in changed_later or o.organization_id in changed_later
            new = _as_of_owner(o, entries, as_of, later, notes, bool(entries))
            touched = touched or new is not o
            owners.append(new)
        else:
            owners.append(o)
    if not latest:
        latest = next((o.result_note for o in owners if o.role is Role.LEAD and o.result_note), "")
    if not touched:
        return row if latest == row.latest_note else replace(row, latest_note=latest)
    status, done_on = derive_status((o.status, o.done_on) for o in owners if o.role is Role.LEAD)
    return replace(
        row,
        owners=tuple(owners),
        status=status,
        done_on=done_on,
        overdue=is_overdue(status, row.due, as_of),
        latest_note=latest,
    )


def _as_of_owner(
    owner: OwnerRow,
    entries: list[tuple[date, int | None, str, str]],
    as_of: date,
    changed_later: bool,
    notes: dict[int | None, tuple[int, str]],
    has_history: bool,
) -> OwnerRow:
    """One lead's status, done date and note on ``as_of``: its own or the directive-wide
    history (``notes``: the newest note of each, by then)."""
    status, done_on = owner.status, owner.done_on
    if changed_later:
        status, done_on = Status.OPEN, None
        for on, org_id, kind, text in entries:
            if on > as_of or kind != HistoryKind.STATUS.value:
                continue
            if org_id is None or org_id == owner.organization_id:
                found = read_status_entry(text)[0]
                if found is not None:
                    status, done_on = found, (on if found is Status.DONE else None)
    elif status is Status.DONE and done_on is not None and done_on > as_of:
        status, done_on = Status.OPEN, None  # done after the date, recorded without history
    own, shared = notes.get(owner.organization_id), notes.get(None)
    if own or shared:
        note = max(n for n in (own, shared) if n)[1]
    elif has_history or status is not owner.status:
        note = ""
    else:
        note = owner.result_note  # recorded without history (imported data)
    if (status, done_on, note) == (owner.status, owner.done_on, owner.result_note):
        return owner
    return replace(owner, status=status, done_on=done_on, result_note=note)


def meeting_refs(ids: Sequence[int]) -> dict[int, MeetingRef]:
    """How reports name the giao ban ``ids``: date, title, quarter reviewed, notice number."""
    return {
        mid: MeetingRef(
            mid, _date(held_on), title, Quarter.from_iso(reviewed) if reviewed else None, notice
        )
        for mid, held_on, title, reviewed, notice in database.execute_sql(
            "SELECT id, held_on, title, reviewed_quarter, notice_ref FROM meeting "
            f"WHERE id IN {_IN_IDS}",
            _ids_param(ids),
        )
    }


_BASE_COLUMNS = (
    Directive.id,
    Directive.meeting,
    Meeting.held_on,
    Meeting.title,
    Directive.position,
    Directive.content,
    Directive.due_quarter,
    Directive.original_due,
    Directive.status,
    Directive.done_on,
    Directive.version,
)


def _rows(base: list[tuple[Any, ...]], *, as_of: date, with_notes: bool) -> list[DirectiveRow]:
    """DirectiveRows for the directives' own columns (``_BASE_COLUMNS``, in order),
    with owners, topics and notes read in one statement each."""
    if not base:
        return []
    ids = [b[0] for b in base]
    param = _ids_param(ids)
    sql = database.execute_sql
    # A handful of organizations: joined here rather than in SQL, which would
    # also have to sort every owner of every row.
    orgs = {
        oid: (short, name, pos)
        for oid, short, name, pos in sql("SELECT id, short_name, name, position FROM organization")
    }
    keyed: dict[int, list[tuple[Any, ...]]] = {}
    shared: dict[tuple[Any, ...], OwnerRow] = {}
    for did, oid, role, pos, status, done_on, note in sql(
        "SELECT directive_id, organization_id, role, position, status, done_on, result_note "
        f"FROM assignment WHERE directive_id IN {_IN_IDS}",
        param,
    ):
        # Rows are immutable and most owners alike ("MTTQ, support, open"): share them.
        same = (oid, role, status, done_on, note)
        owner = shared.get(same)
        if owner is None:
            short, name, _ = orgs[oid]
            owner = shared[same] = OwnerRow(
                oid,
                short,
                name,
                _ROLES[role],
                _STATUSES[status],
                _date(done_on) if done_on else None,
                note,
            )
        entry = (role, orgs[oid][2], pos, oid, owner)
        found = keyed.get(did)
        if found is None:
            keyed[did] = [entry]
        else:
            found.append(entry)
    owners: dict[int, tuple[OwnerRow, ...]] = {}
    result_notes: dict[int, tuple[str, str]] = {}
    for did, entries in keyed.items():
        if len(entries) > 1:
            entries.sort()  # role, organization position, position, id: never the row
        owners[did] = own = tuple(e[4] for e in entries)
        for o in own:
            if o.result_note:
                result_notes[did] = (o.result_note, o.short_name)
                break
    topics: dict[int, list[str]] = defaultdict(list)
    for did, name in sql(
        "SELECT dt.directive_id, t.name FROM directive_topic dt JOIN topic t "
        f"ON t.id = dt.topic_id WHERE dt.directive_id IN {_IN_IDS} ORDER BY t.name",
        param,
    ):
        topics[did].append(name)
    notes = _latest_notes(ids, None) if with_notes else {}
    quarters: dict[str | None, Quarter | None] = {None: None}
    days: dict[Any, date | None] = {None: None}
    no_topics: tuple[str, ...] = ()
    rows = []
    for b in base:
        did = b[0]
        due = quarters.get(b[6], _MISSING)
        if due is _MISSING:
            due = quarters[b[6]] = Quarter.from_iso(b[6])
        original = quarters.get(b[7], _MISSING)
        if original is _MISSING:
            original = quarters[b[7]] = Quarter.from_iso(b[7])
        held_on = days.get(b[2], _MISSING)
        if held_on is _MISSING:
            held_on = days[b[2]] = _date(b[2])
        status = _STATUSES[b[8]]
        note, note_by = notes.get(did) or result_notes.get(did) or _NO_NOTE
        rows.append(
            DirectiveRow(
                id=did,
                meeting_id=b[1],
                meeting_held_on=held_on,
                meeting_title=b[3],
                position=b[4],
                content=b[5],
                due=due,
                original_due=original,
                status=status,
                done_on=_date(b[9]) if b[9] else None,
                overdue=is_overdue(status, due, as_of),
                owners=owners.get(did, ()),
                topics=tuple(topics[did]) if did in topics else no_topics,
                latest_note=note,
                version=b[10],
                latest_note_by=note_by,
            )
        )
    return rows


_MISSING: Any = object()
_NO_NOTE = ("", "")


def latest_notes(ids: Sequence[int], *, organization_id: int | None = None) -> dict[int, str]:
    """The newest progress note or result text of each directive; with
    ``organization_id``, the newest that organization wrote or that concerns every
    owner (no organization named), never another organization's."""
    return {did: text for did, (text, _) in _latest_notes(ids, organization_id).items()}


def _latest_notes(
    ids: Sequence[int], organization_id: int | None
) -> dict[int, tuple[str, str]]:
    """latest_notes, each with the short name of the organization it is about ("")."""
    by_org = ""
    params: tuple[Any, ...] = ()
    if organization_id is not None:
        # IFNULL: a plain "organization_id = ?" lets SQLite walk that organization's
        # whole history (200 ms) instead of these directives' entries.
        by_org = "AND IFNULL(organization_id, ?) = ? "
        params = (organization_id, organization_id)
    out = {}
    for did, kind, text, short in database.execute_sql(
        "SELECT h.directive_id, h.kind, h.text, o.short_name FROM history_entry h "
        "LEFT JOIN organization o ON o.id = h.organization_id WHERE h.id IN ("
        "SELECT MAX(id) FROM history_entry "
        f"WHERE directive_id IN {_IN_IDS} AND (kind = ? OR (kind = ? AND text LIKE '%:%')) "
        f"{by_org}GROUP BY directive_id)",
        (*_ids_param(ids), HistoryKind.NOTE.value, HistoryKind.STATUS.value, *params),
    ):
        text = text.partition(": ")[2] if kind == HistoryKind.STATUS.value else text
        out[did] = (text, short or "")
    return out


def seen_by(rows: Sequence[DirectiveRow], organization_id: int) -> list[DirectiveRow]:
    """The rows as one organization's list shows them: where it leads, its own status,
    completion date, lateness and result; its own notes (or notes for every owner),
    never another organization's result. A supporting organization sees the
    directive's status, as the status filter does (_own_status)."""
    if not rows:
        return []
    notes = _latest_notes([r.id for r in rows], organization_id)
    out = []
    for r in rows:
        own = next(
            (o for o in r.owners if o.organization_id == organization_id and o.role is Role.LEAD),
            None,
        )
        note, by = notes.get(r.id, ("", ""))
        if own is None:
            out.append(dataclasses.replace(r, latest_note=note, latest_note_by=by))
            continue
        late = r.overdue and own.status in (Status.OPEN, Status.IN_PROGRESS)
        out.append(
            dataclasses.replace(
                r,
                status=own.status,
                done_on=own.done_on,
                overdue=late,
                latest_note=own.result_note or note,
                latest_note_by=own.short_name if own.result_note else by,
            )
        )
    return out


def directive(directive_id: int, *, as_of: date | None = None) -> DirectiveRow:
    rows = directive_rows([directive_id], as_of=as_of)
    if not rows:
        raise NotFoundError(f"Không tìm thấy nội dung chỉ đạo mã số {directive_id}.")
    return rows[0]


def history(directive_id: int) -> list[HistoryRow]:
    """The follow-up of one directive, oldest first."""
    return [
        HistoryRow(h[0], h[1], HistoryKind(h[2]), _date(h[3]), h[4], h[5])
        for h in HistoryEntry.select(
            HistoryEntry.id,
            HistoryEntry.directive,
            HistoryEntry.kind,
            HistoryEntry.happened_on,
            HistoryEntry.text,
            Organization.short_name,
        )
        .join(Organization, pw.JOIN.LEFT_OUTER)
        .where(HistoryEntry.directive == directive_id)
        .order_by(HistoryEntry.happened_on, HistoryEntry.id)
        .tuples()
    ]


def _chase_query(as_of: date, *columns: pw.Node) -> pw.ModelSelect:
    """(lead organization, directive) pairs still to chase: unfinished and due by now."""
    current = Quarter.of(as_of).iso
    return (
        Assignment.select(*columns)
        .join(Directive)
        .where(
            (Assignment.role == Role.LEAD.value)
            & Assignment.status.in_([Status.OPEN.value, Status.IN_PROGRESS.value])
            & (Directive.due_quarter <= current)
        )
    )


def chase_list(*, as_of: date | None = None) -> list[tuple[OrganizationRow, list[DirectiveRow]]]:
    """Cần đôn đốc: per lead organization, its unfinished directives that are
    overdue or due this quarter, oldest deadline first."""
    as_of = as_of or date.today()
    pairs = (
        _chase_query(as_of, Assignment.organization, Directive.id)
        .order_by(Directive.due_quarter, Directive.id)
        .tuples()
    )
    per_org: dict[int, list[int]] = defaultdict(list)
    for org_id, did in pairs:
        per_org[org_id].append(did)
    all_ids = list(dict.fromkeys(i for ids in per_org.values() for i in ids))
    rows = {r.id: r for r in directive_rows(all_ids, as_of=as_of)}
    return [
        (org, seen_by([rows[i] for i in per_org[org.id] if i in rows], org.id))
        for org in list_organizations()
        if per_org.get(org.id)
    ]


# Lead assignments still to chase. A lead that is open or in progress means its
# directive is too (services derive the directive's status from its leads), so the
# directive-side status term is redundant; it lets a page walk the (due_quarter,
# status) index in deadline order, reading only index entries until the page is full.
_CHASE_FROM = (
    "FROM directive d {indexed} CROSS JOIN assignment a "
    "WHERE d.status IN ('open', 'in_progress') AND d.due_quarter <= ? "
    "AND a.directive_id = d.id AND a.role = 'lead' AND a.status IN ('open', 'in_progress') "
)
DUE_STATUS_INDEX = "directive_due_status"  # migrations.EXTRA_INDEXES


def _chase_sql(
    select: str, tail: str, params: tuple[Any, ...], *, walk: bool = False
) -> list[tuple[Any, ...]]:
    """Run a chase statement; with ``walk``, through the deadline index (without it,
    in a file made before that index existed, SQLite chooses)."""
    for indexed in (f"INDEXED BY {DUE_STATUS_INDEX}", "") if walk else ("",):
        try:
            sql = select + " " + _CHASE_FROM.format(indexed=indexed) + tail
            return list(database.execute_sql(sql, params))
        except pw.OperationalError as exc:
            if indexed and "no such index" in str(exc):
                continue
            raise
    raise AssertionError("unreachable")


def chase_counts(*, as_of: date | None = None) -> list[tuple[OrganizationRow, int, int]]:
    """The chase list's headings without its rows: (organization, to chase, of which
    overdue), in the organizations' order. One grouped query, for windows that page in."""
    as_of = as_of or date.today()
    current = Quarter.of(as_of).iso
    counts = {
        org_id: (n, int(overdue or 0))
        for org_id, n, overdue in _chase_sql(
            "SELECT a.organization_id, COUNT(*), SUM(d.due_quarter < ?)",
            "GROUP BY a.organization_id",
            (current, current),
        )
    }
    return [(org, *counts[org.id]) for org in list_organizations() if org.id in counts]


def chase_count(*, as_of: date | None = None, limit: int = -1) -> int:
    """How many rows the chase list has (organization, directive pairs); with
    ``limit``, counting stops there, which walks only that far into the index."""
    as_of = as_of or date.today()
    current = Quarter.of(as_of).iso
    ((n,),) = _chase_sql(
        "SELECT COUNT(*) FROM (SELECT 1", "LIMIT ?)", (current, limit), walk=limit >= 0
    )
    return int(n)


def chase_organizations(*, as_of: date | None = None) -> list[OrganizationRow]:
    """The organizations with something to chase, in their order, without counting
    it: for each, its unfinished assignments are read until the first that counts."""
    as_of = as_of or date.today()
    current = Quarter.of(as_of).iso
    having = {
        r[0]
        for r in database.execute_sql(
            "SELECT o.id FROM organization o WHERE EXISTS (SELECT 1 FROM assignment a "
            "JOIN directive d ON d.id = a.directive_id WHERE a.organization_id = o.id "
            "AND a.status IN ('open', 'in_progress') AND a.role = 'lead' "
            "AND d.due_quarter <= ?)",
            (current,),
        )
    }
    return [org for org in list_organizations() if org.id in having]


def chase_page(
    organization_id: int, *, as_of: date | None = None, offset: int = 0, limit: int = 100
) -> list[DirectiveRow]:
    """One page of an organization's part of the chase list, in chase_list's order.

    Walks the directives in deadline order and stops after the page (first pages
    take a millisecond at 300,000 directives; sorting the backlog took 25-50).
    """
    as_of = as_of or date.today()
    current = Quarter.of(as_of).iso
    ids = [
        r[0]
        for r in _chase_sql(
            "SELECT d.id",
            "AND a.organization_id = ? ORDER BY d.due_quarter, d.id LIMIT ? OFFSET ?",
            (current, organization_id, limit, offset),
            walk=True,
        )
    ]
    return seen_by(directive_rows(ids, as_of=as_of), organization_id)


def _date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value  # type: ignore[return-value]
    return date.fromisoformat(str(value)[:10])
