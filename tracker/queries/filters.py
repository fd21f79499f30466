"""The directive filter: the one definition of what the window lists, as peewee conditions
(the CLI's fast path in tracker.listing builds its SQL from the same words)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import cast

import peewee as pw

from tracker.quarters import Quarter
from tracker.rows import (
    UNFINISHED_VALUES,
    Role,
    Status,
)
from tracker.store.models import (
    Assignment,
    Directive,
    DirectiveTopic,
    Meeting,
    Topic,
)
from tracker.store.pg import search_sql
from tracker.store.proxy import database
from tracker.text import fold

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
    unfinished = column.in_(UNFINISHED_VALUES)
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


