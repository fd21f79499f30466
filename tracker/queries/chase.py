"""Cần đôn đốc: unfinished lead assignments due this quarter or earlier, per organization."""

from __future__ import annotations

from datetime import date
from typing import Any

import peewee as pw

from tracker.chase_rule import CHASE_TABLES, CHASE_WHERE, DUE_STATUS_INDEX
from tracker.quarters import Quarter
from tracker.queries.directives import directive_rows, seen_by
from tracker.queries.organizations import list_organizations
from tracker.rows import (
    DirectiveRow,
    OrganizationRow,
)
from tracker.store.proxy import database

_CHASE_FROM = f"FROM {CHASE_TABLES} WHERE {CHASE_WHERE} "


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


def chase_due(until_iso: str) -> list[tuple[int, int, str, str, str | None]]:
    """The chase list's (lead organization, directive) pairs whose deadline quarter is
    ``until`` or earlier, as (organization id, directive id, content, due quarter,
    original due), oldest deadline first: one statement, no row objects (reminders)."""
    rows = _chase_sql(
        "SELECT a.organization_id, d.id, d.content, d.due_quarter, d.original_due", "",
        (until_iso,),
    )  # fmt: skip
    # Sorted here: SQLite's ORDER BY sorts the texts along (a second at 67,000 rows).
    rows.sort(key=lambda r: (r[3], r[1]))
    return rows


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
            # Assignments first: each organization's are read through its own index.
            "SELECT o.id FROM organization o WHERE EXISTS (SELECT 1 FROM assignment a "
            f"CROSS JOIN directive d WHERE a.organization_id = o.id AND {CHASE_WHERE})",
            (current,),
        )
    }
    return [org for org in list_organizations() if org.id in having]


def chase_page(
    organization_id: int, *, as_of: date | None = None, offset: int = 0, limit: int = 100
) -> list[DirectiveRow]:
    """One page of an organization's part of the chase list, oldest deadline first.

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


