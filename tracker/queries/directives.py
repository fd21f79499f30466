"""Directives: counts, ids, pages and rows, notes and history (as of a date: as_of.py)."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

import peewee as pw

from tracker.chase_rule import DUE_STATUS_INDEX
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
    statements = _ids_statements(flt, SortKey(sort), descending, offset, limit)
    for i, (sql, params) in enumerate(statements):
        try:
            return [r[0] for r in database.execute_sql(sql, params).fetchall()]
        except pw.OperationalError as exc:
            if i == len(statements) - 1 or "no such index" not in str(exc):
                raise
    raise AssertionError("unreachable")


def _ids_statements(
    flt: DirectiveFilter, sort: SortKey, descending: bool, offset: int, limit: int
) -> list[tuple[str, Any]]:
    """The statement reading directive_ids, as plain SQL (peewee's per-row processing
    cost more than the sort); in deadline order, with SQLite's index hint and then the
    same without it, for a database that lacks the index (PostgreSQL drops the hint)."""
    if _walks_in_deadline_order(flt, sort):
        d = "DESC" if descending else "ASC"
        query = _directive_query(flt, Directive.id).order_by(pw.SQL("1"))
        sql, params = query.offset(offset).limit(limit).sql()
        head, _, tail = sql.partition(" ORDER BY 1")
        out = []
        for indexed in (f" INDEXED BY {DUE_STATUS_INDEX}", ""):
            walk = head.replace('FROM "directive" AS "t1"', 'FROM "directive" AS "t1"' + indexed, 1)
            out.append((f'{walk} ORDER BY "t1"."due_quarter" {d}, "t1"."id" {d}{tail}', params))
        return out
    query = _sorted_query(flt, sort, descending, (Directive.id,), join=False)
    return [query.offset(offset).limit(limit).sql()]


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
    return _page(flt, SortKey(sort), descending, offset, limit)[0]


def first_page(
    flt: DirectiveFilter = DirectiveFilter(),
    *,
    sort: SortKey = SortKey.MEETING,
    descending: bool = False,
    limit: int = 200,
) -> tuple[list[DirectiveRow], int | None]:
    """directive_page's first page and, when it is known without another statement, how
    many directives the filter selects (else None: count_directives counts them). A
    short page is the whole list; a text search on a server counts with its page."""
    rows, total = _page(flt, SortKey(sort), descending, 0, limit)
    if len(rows) < limit:
        return rows, len(rows)
    return rows, total


def _page(
    flt: DirectiveFilter, sort: SortKey, descending: bool, offset: int, limit: int
) -> tuple[list[DirectiveRow], int | None]:
    """directive_page, with the total when the statement that read the page counted it."""
    phrase = _search_alone(flt)
    if phrase is not None and sort is SortKey.MEETING and is_postgres(database):
        # The same page on PostgreSQL (_SEARCH_PAGE_PG), and the matches' count, which
        # would cost a second trigram search (2-3 ms at 300,000 directives).
        order = "DESC" if descending else "ASC"
        pattern = like_pattern(fold(flt.search))
        sql = _SEARCH_PAGE_PG.format(order=order)
        base = database.execute_sql(sql, (pattern, limit, offset)).fetchall()
        total = int(base[0][-1]) if base else None
        return _rows(base, as_of=_as_of(flt), with_notes=True), total
    if phrase is not None and sort is SortKey.MEETING:
        # Typing in the search field: the page's rows in one statement that starts
        # from the search index's matches (not from the directive table), sorts
        # them and reads the rows' columns; no ids query and no peewee query.
        order = "DESC" if descending else "ASC"
        base = database.execute_sql(
            _SEARCH_PAGE.format(order=order), (phrase, limit, offset)
        ).fetchall()
        return _rows(base, as_of=_as_of(flt), with_notes=True), None
    # With an organization chosen, seen_by puts its own notes in place of the latest.
    with_notes = flt.organization_id is None
    if is_postgres(database):
        # The page's ids and their rows in one statement: a round trip and a plan less.
        sql, params = _ids_statements(flt, sort, descending, offset, limit)[0]
        base = database.execute_sql(_PAGE_PG.format(ids=sql), params).fetchall()
        rows = _rows(base, as_of=_as_of(flt), with_notes=with_notes)
    else:
        ids = directive_ids(flt, sort=sort, descending=descending, offset=offset, limit=limit)
        rows = directive_rows(ids, as_of=_as_of(flt), with_notes=with_notes)
    if flt.organization_id is not None:
        rows = seen_by(rows, flt.organization_id)  # the organization is the subject
    return rows, None


# The rows of an ids statement's directives, in its order (PostgreSQL: ARRAY() keeps the
# order of its subquery's rows), the columns of _BASE_COLUMNS.
_PAGE_PG = (
    "SELECT d.id, d.meeting_id, m.held_on, m.title, d.position, d.content, d.due_quarter, "
    "d.original_due, d.status, d.done_on, d.version "
    "FROM unnest(ARRAY({ids})) WITH ORDINALITY AS p(id, n) "
    "JOIN directive d ON d.id = p.id JOIN meeting m ON m.id = d.meeting_id ORDER BY p.n"
)


# A text search's page in meeting order (see _order), the columns of _BASE_COLUMNS.
# PostgreSQL: the matches' sort keys only (h), the meetings they are in, looked up by
# their ids (m: ~2,700 at 300,000 directives, where a hash of every meeting cost 5-10
# ms), the page's ids in order (p), then the whole rows of that page only, and last
# how many match. With all the matches' ids only the planner walked the directive
# table's primary key to join them back; with their whole rows it read every meeting.
_SEARCH_PAGE_PG = (
    "WITH h AS MATERIALIZED (SELECT id, meeting_id, position FROM directive "
    "WHERE content_folded LIKE ?), "
    "m AS MATERIALIZED (SELECT id, held_on FROM meeting "
    "WHERE id = ANY(ARRAY(SELECT DISTINCT meeting_id FROM h))), "
    "p AS MATERIALIZED (SELECT h.id FROM h JOIN m ON m.id = h.meeting_id "
    "ORDER BY m.held_on {order}, m.id {order}, h.position, h.id LIMIT ? OFFSET ?) "
    "SELECT d.id, d.meeting_id, m.held_on, m.title, d.position, d.content, d.due_quarter, "
    "d.original_due, d.status, d.done_on, d.version, (SELECT COUNT(*) FROM h) "
    "FROM p JOIN directive d ON d.id = p.id JOIN meeting m ON m.id = d.meeting_id "
    "ORDER BY m.held_on {order}, m.id {order}, d.position, d.id"
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
    base = database.execute_sql(*query.sql()).fetchall()
    return _rows(base, as_of=_as_of(flt), with_notes=with_notes)


# Id lists go to SQLite as one JSON parameter: one statement whatever the count,
# and no per-id work building SQL (peewee's IN lists cost more than the query).
def directive_rows(
    ids: Sequence[int], *, as_of: date | None = None, with_notes: bool = True
) -> list[DirectiveRow]:
    """Rows for the given ids, in that order, with owners, topics and latest note
    (with ``with_notes=False``, only the owners' result notes: less to read).

    Two statements whatever the number of ids, read as plain tuples.
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
        ).fetchall()
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
    with owners, topics and notes read in one statement (_DETAILS)."""
    if not base:
        return []
    ids = [b[0] for b in base]
    param = _ids_param(ids)
    sql = _DETAILS_WITH_NOTES if with_notes else _DETAILS
    params = (*param, *param, *param) if with_notes else (*param, *param)
    orgs: dict[int, tuple[str, str, int]] = {}
    assigned: list[tuple[Any, ...]] = []
    topics: dict[int, list[str]] = defaultdict(list)
    notes: dict[int, tuple[str, str]] = {}
    for tag, did, oid, a, b, c, done_on, pos in database.execute_sql(sql, params).fetchall():
        if tag == 1:
            assigned.append((did, oid, a, pos, b, done_on, c))
        elif tag == 2:
            topics[did].append(a)
        elif tag == 3:
            notes[did] = _note(a, b, c)
        else:
            orgs[did] = (a, b, pos)
    keyed: dict[int, list[tuple[Any, ...]]] = {}
    shared: dict[tuple[Any, ...], OwnerRow] = {}
    for did, oid, role, pos, status, done_on, note in assigned:
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
    for names in topics.values():
        if len(names) > 1:
            names.sort()  # by code point, as SQLite's ORDER BY (a server's collation may differ)
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


def _latest_notes(ids: Sequence[int], organization_id: int | None) -> dict[int, tuple[str, str]]:
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
        f"{_LATEST_NOTES} {by_org}GROUP BY directive_id)",
        (*_ids_param(ids), *params),
    ):
        out[did] = _note(kind, text, short)
    return out


# The newest progress note, or status change with a note ("Đã hoàn thành: ..."), of each
# of the directives in a JSON id list (then any condition on organization_id, and
# "GROUP BY directive_id)"); its one parameter the id list. The kinds are written in:
# as parameters, PostgreSQL planned the statement anew on every run (~0.3 ms, more than
# running it) instead of reusing its prepared plan.
_LATEST_NOTES = (
    "SELECT h.directive_id, h.kind, h.text, o.short_name FROM history_entry h "
    "LEFT JOIN organization o ON o.id = h.organization_id WHERE h.id IN ("
    f"SELECT MAX(id) FROM history_entry WHERE directive_id IN {_IN_IDS} "
    f"AND (kind = '{HistoryKind.NOTE.value}' "
    f"OR (kind = '{HistoryKind.STATUS.value}' AND text LIKE '%:%'))"
)


def _note(kind: str, text: str, short: str | None) -> tuple[str, str]:
    """A _LATEST_NOTES row's note and the short name of the organization it is about."""
    return (text.partition(": ")[2] if kind == HistoryKind.STATUS.value else text, short or "")


# What _rows reads besides the directives' own columns, in one statement: a round trip
# less for each part on a server. Every row is (part, id, organization id, three texts,
# a date, a number): 0 the organizations (a handful: joined in Python rather than in
# SQL, which would also have to sort every owner of every row), 1 the owners, 2 the
# topics, 3 the latest notes (_DETAILS_WITH_NOTES). Parameters: the JSON id list once
# per part that reads it.
_DETAILS = (
    "SELECT 0, id, NULL, short_name, name, NULL, NULL, position FROM organization "
    "UNION ALL SELECT 1, directive_id, organization_id, role, status, result_note, done_on, "
    f"position FROM assignment WHERE directive_id IN {_IN_IDS} "
    "UNION ALL SELECT 2, dt.directive_id, NULL, t.name, NULL, NULL, NULL, NULL "
    f"FROM directive_topic dt JOIN topic t ON t.id = dt.topic_id WHERE dt.directive_id IN {_IN_IDS}"
)
_DETAILS_WITH_NOTES = (
    f"{_DETAILS} UNION ALL SELECT 3, n.directive_id, NULL, n.kind, n.text, n.short_name, NULL, "
    f"NULL FROM ({_LATEST_NOTES} GROUP BY directive_id)) AS n"
)


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
