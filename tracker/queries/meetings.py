"""Meetings: the filter, pages and rows, and how reports name a meeting."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import peewee as pw

from tracker.errors import NotFoundError
from tracker.quarters import Quarter
from tracker.queries.values import _IN_IDS, _date, _day, _ids_param
from tracker.rows import (
    MeetingRef,
    MeetingRow,
    Status,
)
from tracker.store.models import (
    Meeting,
)
from tracker.store.pg import is_postgres
from tracker.store.proxy import database
from tracker.text import fold

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
    return int(_meeting_query(flt).count())


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


def meeting_refs(ids: Sequence[int]) -> dict[int, MeetingRef]:
    """How reports name the giao ban ``ids``: date, title, quarter reviewed, notice number."""
    return {
        mid: MeetingRef(
            mid, _day(held_on), title, Quarter.from_iso(reviewed) if reviewed else None, notice
        )
        for mid, held_on, title, reviewed, notice in database.execute_sql(
            "SELECT id, held_on, title, reviewed_quarter, notice_ref FROM meeting "
            f"WHERE id IN {_IN_IDS}",
            _ids_param(ids),
        )
    }


