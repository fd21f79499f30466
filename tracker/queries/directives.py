"""Directives: counts, ids, pages and rows, notes and history (as of a date: as_of.py)."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

import peewee as pw

from tracker.errors import NotFoundError
from tracker.quarters import Quarter
from tracker.queries.filters import (
    DirectiveFilter,
    SortKey,
    _as_of,
    _directive_conditions,
    _directive_query,
    _order,
    _search_alone,
    _walks_in_deadline_order,
    _walks_in_meeting_order,
)
from tracker.queries.values import (
    _IN_IDS,
    _ROLES,
    _STATUSES,
    DUE_STATUS_INDEX,
    _date,
    _day,
    _ids_param,
)
from tracker.rows import (
    UNFINISHED,
    DirectiveRow,
    HistoryKind,
    HistoryRow,
    OwnerRow,
    Role,
)
from tracker.status import is_overdue
from tracker.store.models import (
    Directive,
    HistoryEntry,
    Meeting,
    Organization,
)
from tracker.store.pg import is_postgres, like_pattern, search_sql
from tracker.store.proxy import database
from tracker.text import fold


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
        # The same page on PostgreSQL: the trigram index's matching rows, read whole
        # once (MATERIALIZED), then their meetings. With only the matches' ids
        # materialized the planner walked the directive table's primary key to join
        # them back (300,000 rows: "bau cu" 64 ms, now 13 ms; no case measured slower).
        order = "DESC" if descending else "ASC"
        pattern = like_pattern(fold(flt.search))
        sql = _SEARCH_PAGE_PG.format(order=order)
        base = list(database.execute_sql(sql, (pattern, limit, offset)))
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


# A text search's page in meeting order (see _order), the columns of _BASE_COLUMNS.
_SEARCH_PAGE_PG = (
    "WITH d AS MATERIALIZED (SELECT id, meeting_id, position, content, due_quarter, "
    "original_due, status, done_on, version FROM directive WHERE content_folded LIKE ?) "
    "SELECT d.id, d.meeting_id, m.held_on, m.title, d.position, d.content, d.due_quarter, "
    "d.original_due, d.status, d.done_on, d.version "
    "FROM d JOIN meeting m ON m.id = d.meeting_id "
    "ORDER BY m.held_on {order}, m.id {order}, d.position, d.id LIMIT ? OFFSET ?"
)

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
        late = r.overdue and own.status in UNFINISHED
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
        HistoryRow(h[0], h[1], HistoryKind(h[2]), _day(h[3]), h[4], h[5], h[6])
        for h in HistoryEntry.select(
            HistoryEntry.id,
            HistoryEntry.directive,
            HistoryEntry.kind,
            HistoryEntry.happened_on,
            HistoryEntry.text,
            Organization.short_name,
            HistoryEntry.who,
        )
        .join(Organization, pw.JOIN.LEFT_OUTER)
        .where(HistoryEntry.directive == directive_id)
        .order_by(HistoryEntry.happened_on, HistoryEntry.id)
        .tuples()
    ]


def letters_sent(as_of: date | None = None) -> dict[int, int]:
    """Directive id → how many reminder letters listed it (for any organization), up to
    ``as_of``; directives never chased are absent."""
    query = HistoryEntry.select(HistoryEntry.directive, pw.fn.COUNT(HistoryEntry.id)).where(
        HistoryEntry.kind == HistoryKind.CHASED.value
    )
    if as_of is not None:
        query = query.where(HistoryEntry.happened_on <= as_of)
    return dict(query.group_by(HistoryEntry.directive).tuples())
