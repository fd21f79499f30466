"""``giaoban directives --json`` read straight to JSON: SQLite writes each row's JSON.

The listing a script reads can hold every directive in the file (300,000 at a
hundred times a province's decade). Going through ``tracker.queries`` would
build a typed ``DirectiveRow`` and ``OwnerRow`` per row, then a dict per row,
then encode them: most of the command's time. Here one statement selects,
sorts and renders the rows with SQLite's JSON functions, and Python only joins
them. Nothing here imports peewee, ``tracker.rows`` or ``tracker.queries``.

The filter means exactly what ``queries.DirectiveFilter`` means for the same
fields (``tests/tracker/test_listing.py`` compares the two), and each object
has the keys and values of the ``DirectiveRow`` it stands for (the test writes the row
as JSON the plain way and compares).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from tracker.errors import NotFoundError
from tracker.quarter_key import iso_of
from tracker.statuses import UNFINISHED_VALUES
from tracker.text import fold

# The rows' one definition of "unfinished", as SQL text (the values are fixed words).
_UNFINISHED_IN = "IN (" + ", ".join(f"'{v}'" for v in UNFINISHED_VALUES) + ")"


def organization_not_found(text: str) -> NotFoundError:
    return NotFoundError(f'Không có tổ chức "{text}". Hãy dùng tên viết tắt, ví dụ "MTTQ".')


def find_organization_id(conn: sqlite3.Connection, text: str) -> int:
    """An organization's id by short or full name, ignoring case and diacritics
    (as ``queries.find_organization``: the first in the organizations' order)."""
    key = fold(text)
    for oid, short, name in conn.execute(
        "SELECT id, short_name, name FROM organization ORDER BY position, id"
    ):
        if key in (fold(short), fold(name)):
            return int(oid)
    raise organization_not_found(text)


def _quarter_iso(d: date) -> str:
    return iso_of(d)


def _like_contains(key: str) -> tuple[str, tuple[str, ...]]:
    """``content_folded`` contains ``key``, wildcards escaped as peewee's ``contains``."""
    if any(c in key for c in "_%\\"):
        escaped = key.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%")
        return "d.content_folded LIKE ? ESCAPE '\\'", (f"%{escaped}%",)
    return "d.content_folded LIKE ?", (f"%{key}%",)


_OWN_STATUS = "(CASE WHEN a.role = 'lead' THEN a.status ELSE d.status END)"


def _status_sql(status: str, column: str, as_of: date) -> tuple[str, list[Any]]:
    """The status filter on ``column`` (queries._status_condition in SQL text)."""
    if status == "open":
        return f"{column} {_UNFINISHED_IN}", []
    if status == "not_started":
        return f"{column} = 'open'", []
    if status in ("in_progress", "done", "cancelled"):
        return f"{column} = ?", [status]
    if status == "overdue":
        return f"{column} {_UNFINISHED_IN} AND d.due_quarter < ?", [_quarter_iso(as_of)]
    if status == "to_chase":
        return f"{column} {_UNFINISHED_IN} AND d.due_quarter <= ?", [
            _quarter_iso(as_of)
        ]
    if status != "all":
        raise ValueError(f"unknown status filter {status!r}")
    return "", []


def directive_conditions(
    *,
    meeting_id: int | None = None,
    quarter: str | None = None,
    quarter_first_day: date | None = None,
    include_carried: bool = False,
    organization_id: int | None = None,
    status: str = "all",
    search: str = "",
    as_of: date,
    postgres: bool = False,
) -> tuple[list[str], list[Any], bool]:
    """SQL conditions on ``directive d`` and their parameters, and whether the
    filter may select a large share of all directives (then a listing walks the
    meetings in date order instead of sorting every match: see
    ``queries._walks_in_meeting_order``)."""
    where: list[str] = []
    params: list[Any] = []
    if meeting_id is not None:
        where.append("d.meeting_id = ?")
        params.append(meeting_id)
    if quarter is not None:
        if include_carried:
            assert quarter_first_day is not None
            where.append(
                "(d.due_quarter = ? OR (d.due_quarter < ? AND "
                "(d.status NOT IN ('done', 'cancelled') OR d.done_on >= ?)))"
            )
            params += [quarter, quarter, quarter_first_day.isoformat()]
        else:
            where.append("d.due_quarter = ?")
            params.append(quarter)
    if organization_id is not None:
        # The status is the organization's own, as queries._status_condition says.
        own, own_params = _status_sql(status, _OWN_STATUS, as_of)
        where.append(
            "EXISTS (SELECT 1 FROM assignment a "
            "WHERE a.directive_id = d.id AND a.organization_id = ?"
            + (f" AND {own}" if own else "")
            + ")"
        )
        params += [organization_id, *own_params]
    if organization_id is None or status in ("open", "overdue", "to_chase"):
        cond, cond_params = _status_sql(status, "d.status", as_of)
        if cond:
            where.append(cond)
            params += cond_params
    key = fold(search)
    if len(key) >= 3 and postgres:
        # The pg_trgm index, as queries.search_condition (tracker.store.pg.search_sql).
        where.append("d.content_folded LIKE ?")
        params.append(_pg_like(key))
    elif len(key) >= 3:
        # The FTS5 trigram index, as queries.search_condition.
        where.append("d.id IN (SELECT rowid FROM directive_fts WHERE directive_fts MATCH ?)")
        params.append('"' + key.replace('"', '""') + '"')
    elif key:
        sql, args = _like_contains(key)
        where.append(sql)
        params += args
    walk = meeting_id is None and quarter is None and not key
    return where, params, walk


# One directive as tests/tracker/test_listing.py's directive_json writes it. Owners in
# queries._rows' order (role, organization position, assignment position, organization
# id); dates as ISO days; overdue as queries' is_overdue: unfinished and due before as_of's quarter.
_OBJECT = (
    "json_object("
    "'id', d.id, 'meeting_id', d.meeting_id, 'position', d.position, 'content', d.content, "
    "'owners', (SELECT json_group_array(json_object("
    "  'org', w.short_name, 'role', w.role, 'status', w.status, "
    "  'done_on', substr(w.done_on, 1, 10))) FROM ("
    "   SELECT o.short_name, a.role, a.status, a.done_on FROM assignment a "
    "   JOIN organization o ON o.id = a.organization_id WHERE a.directive_id = d.id "
    "   ORDER BY a.role, o.position, a.position, o.id) AS w), "
    "'due_quarter', d.due_quarter, 'original_due', d.original_due, 'status', d.status, "
    "'done_on', substr(d.done_on, 1, 10), "
    f"'overdue', json(CASE WHEN d.status {_UNFINISHED_IN} AND d.due_quarter < ? "
    "  THEN 'true' ELSE 'false' END), "
    "'topics', (SELECT json_group_array(n.name) FROM ("
    "   SELECT t.name FROM directive_topic dt JOIN topic t ON t.id = dt.topic_id "
    "   WHERE dt.directive_id = d.id ORDER BY t.name) AS n))"
)


def _pg_like(key: str) -> str:
    from tracker.store.pgtext import like_pattern

    return like_pattern(key)


def pg_json(expr: str) -> str:
    """``expr`` as JSON text ("null" for NULL): strings escaped as SQLite and Python's
    json escape them, UTF-8 kept as is, dates as ISO days."""
    return f"COALESCE(to_json({expr})::text, 'null')"


# The same object on PostgreSQL, as the very text SQLite writes (compact: PostgreSQL's
# own json output puts spaces after the colons), so the rows are only joined here:
# decoding each row's JSON and encoding it again took longer than the query.
_PG_OBJECT = (
    "'{\"id\":' || d.id || ',\"meeting_id\":' || d.meeting_id || ',\"position\":' "
    f"|| d.position || ',\"content\":' || {pg_json('d.content')} || ',\"owners\":[' || "
    "COALESCE((SELECT string_agg("
    f"  '{{\"org\":' || {pg_json('o.short_name')} || ',\"role\":' || {pg_json('a.role')}"
    f"  || ',\"status\":' || {pg_json('a.status')} || ',\"done_on\":' "
    f"  || {pg_json('a.done_on')} || '}}', ',' "
    "  ORDER BY a.role, o.position, a.position, o.id) FROM assignment a "
    "  JOIN organization o ON o.id = a.organization_id WHERE a.directive_id = d.id), '') "
    f"|| '],\"due_quarter\":' || {pg_json('d.due_quarter')} "
    f"|| ',\"original_due\":' || {pg_json('d.original_due')} "
    f"|| ',\"status\":' || {pg_json('d.status')} || ',\"done_on\":' || {pg_json('d.done_on')} "
    f"|| ',\"overdue\":' || CASE WHEN d.status {_UNFINISHED_IN} AND d.due_quarter < ? "
    "  THEN 'true' ELSE 'false' END "
    "|| ',\"topics\":[' || COALESCE((SELECT string_agg(to_json(t.name)::text, ',' "
    "  ORDER BY t.name) FROM directive_topic dt JOIN topic t ON t.id = dt.topic_id "
    "  WHERE dt.directive_id = d.id), '') || ']}'"
)


def _pg_directives_json(conn: Any, where: Sequence[str], params: Sequence[Any], as_of: date) -> str:
    """The listing on PostgreSQL: the matching directives sorted first (narrow rows, in
    memory), then each one's JSON text made, in that order, and joined."""
    from tracker.store.pgtext import translate

    inner = (
        "SELECT d.*, m.held_on AS m_held_on FROM directive d JOIN meeting m "
        "ON m.id = d.meeting_id WHERE true"
        + "".join(f" AND {w}" for w in where)
        + " ORDER BY m.held_on, m.id, d.position, d.id"
    )
    # The outer ORDER BY is the inner one: PostgreSQL knows the rows come sorted (no
    # second sort), and the order no longer rests on the subquery's alone.
    sql = (
        f"SELECT {_PG_OBJECT} FROM ({inner}) AS d "
        "ORDER BY d.m_held_on, d.meeting_id, d.position, d.id"
    )
    rows = conn.execute(translate(sql), (_quarter_iso(as_of), *params)).fetchall()
    return "[" + ",".join([r[0] for r in rows]) + "]"


def directives_json(
    conn: sqlite3.Connection,
    where: Sequence[str],
    params: Sequence[Any],
    *,
    walk: bool,
    as_of: date,
) -> str:
    """The directives the conditions select, in meeting order (meeting date, meeting,
    position, id), as one JSON array: the text of ``giaoban directives --json``."""
    if not isinstance(conn, sqlite3.Connection):  # a psycopg connection (tracker.store.pg)
        return _pg_directives_json(conn, where, params, as_of)
    if walk:
        # FROM meeting CROSS JOIN directive: walks meetings by date and each one's
        # directives by (meeting, position), already in order: no sort of every row.
        source = "FROM meeting m CROSS JOIN directive d WHERE d.meeting_id = m.id"
    else:
        source = "FROM directive d JOIN meeting m ON m.id = d.meeting_id WHERE 1"
    sql = (
        f"SELECT {_OBJECT} {source} "
        + "".join(f" AND {w}" for w in where)
        + " ORDER BY m.held_on, m.id, d.position, d.id"
    )
    factory = conn.text_factory
    conn.text_factory = bytes  # joined as bytes: a 3 MB str join is 10 ms, bytes 1
    try:
        rows = conn.execute(sql, (_quarter_iso(as_of), *params)).fetchall()
    finally:
        conn.text_factory = factory
    return (b"[" + b",".join([r[0] for r in rows]) + b"]").decode("utf-8")
