"""``giaoban remind --json`` read straight to JSON: the database writes each item.

At 300,000 directives the reminders list about 67,000 (organization, directive)
pairs. Building a ``ReminderItem`` and then a dict for each and encoding them took
four times as long as the CLI search; here one statement selects the chase list's
rows (tracker/chase_rule.py) with their deadline's lateness joined from a small
table of quarters, and renders each item; Python sorts and joins bytes. Nothing
here imports peewee or ``tracker.queries``.

Each item has the keys and values ``tracker.reminders`` gives the same item
(tests/tracker/test_reminder_listing.py compares the two on both backends).
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_left
from datetime import date
from typing import Any

from tracker.chase_rule import CHASE_DIRECTIVE, CHASE_TABLES, CHASE_WHERE
from tracker.quarter_key import iso_key, split_iso
from tracker.reminder_dates import check_within, days_overdue, last_due_iso

# On SQLite: json_object writes the item in C.
_SQLITE_ITEM = (
    "json_object('directive_id', d.id, 'content', d.content, 'due', d.due_quarter, "
    "'extended_from', CASE WHEN d.original_due <> d.due_quarter THEN d.original_due END, "
    "'overdue', json(late.overdue), 'days_overdue', late.days)"
)


def _pg_item() -> str:
    """The same text on PostgreSQL (its own json output spaces the colons)."""
    from tracker.listing import pg_json

    return (
        "'{\"directive_id\":' || d.id || ',\"content\":' || " + pg_json("d.content")
        + " || ',\"due\":' || " + pg_json("d.due_quarter") + " || ',\"extended_from\":' || "
        + pg_json("CASE WHEN d.original_due <> d.due_quarter THEN d.original_due END")
        + " || ',\"overdue\":' || late.overdue || ',\"days_overdue\":' || late.days || '}'"
    )  # fmt: skip


def _quarters(first: str, last: str) -> list[str]:
    """Every quarter from ``first`` to ``last``, in order (stored forms)."""
    y, n = split_iso(first)
    end = split_iso(last)
    out = []
    while (y, n) <= end:
        out.append(iso_key(y, n))
        y, n = (y, n + 1) if n < 4 else (y + 1, 1)
    return out


def _lateness(conn: Any, as_of: date, last: str) -> list[tuple[str, int, str, int]]:
    """(quarter, days overdue, JSON boolean, its rank) for each deadline quarter that counts."""
    row = conn.execute("SELECT MIN(due_quarter) FROM directive").fetchone()
    if row is None or row[0] is None or row[0] > last:
        return []
    late = []
    for k, q in enumerate(_quarters(row[0], last)):
        days = days_overdue(q, as_of)
        late.append((q, days, "true" if days > 0 else "false", k))
    return late


# Each item's place as one integer: organization, then deadline, then directive (a
# sort of integers: a third of the Python time of four columns per row;
# directive ids stay below 2**32, quarters below 2**12, organizations below 2**19).
_ORG_UNIT = 1 << 44
_ID_MASK = (1 << 32) - 1
_KEY = f"a.organization_id * {_ORG_UNIT} + late.k * CAST({1 << 32} AS BIGINT) + d.id"


def _items(
    conn: Any, late: list[tuple[str, int, str, int]], last: str
) -> tuple[list[int], list[Any]]:
    """Every item's place, in order, and its JSON (bytes on SQLite, left undecoded).

    The (organization, directive) pairs are read narrow and each directive's JSON once:
    at 300,000 directives 67,000 pairs share 26,000 directives, and reading and
    rendering each text per pair was most of the command's time.
    """
    postgres = not isinstance(conn, sqlite3.Connection)
    values = ", ".join(["(?, ?, ?, ?)"] * len(late))
    late_table = f"WITH late(q, days, overdue, k) AS (VALUES {values}) "
    pairs_sql = (
        f"{late_table}SELECT {_KEY} FROM late CROSS JOIN {CHASE_TABLES.format(indexed='')} "
        f"WHERE d.due_quarter = late.q AND {CHASE_WHERE}"
    )
    items_sql = (
        f"{late_table}SELECT d.id, {_pg_item() if postgres else _SQLITE_ITEM} "
        f"FROM late CROSS JOIN directive d WHERE d.due_quarter = late.q AND {CHASE_DIRECTIVE}"
    )  # every pair's directive is among these (the rule's directive side): no EXISTS
    params = [v for row in late for v in row] + [last]
    if postgres:
        from tracker.store.pgtext import translate

        pairs = conn.execute(translate(pairs_sql), params).fetchall()
        json_of = {i: j.encode() for i, j in conn.execute(translate(items_sql), params)}
    else:
        pairs = conn.execute(pairs_sql, params).fetchall()
        before = conn.text_factory
        conn.text_factory = bytes  # no decoding of the texts into str and encoding back
        try:
            json_of = dict(conn.execute(items_sql, params).fetchall())
        finally:
            conn.text_factory = before
    places = sorted([int(r[0]) for r in pairs])  # organization, deadline, directive
    return places, [json_of[p & _ID_MASK] for p in places]


def reminders_json(conn: Any, *, as_of: date, within_days: int) -> list[bytes]:
    """The reminders as the UTF-8 text of ``giaoban remind --json``, in pieces to write
    one after the other: the day, the number of days, and each organization with
    something due, in the organizations' order, with its items oldest deadline first.

    Raises:
        ValidationError: ``within_days`` outside 0…366.
    """
    check_within(within_days)
    last = last_due_iso(as_of, within_days)
    late = _lateness(conn, as_of, last)
    places, items = _items(conn, late, last) if late else ([], [])
    head = json.dumps(
        {"as_of": as_of.isoformat(), "within_days": within_days}, separators=(",", ":")
    )
    out = [head[:-1].encode(), b',"organizations":[']
    for oid, short, name in conn.execute(
        "SELECT id, short_name, name FROM organization ORDER BY position, id"
    ):
        lo, hi = bisect_left(places, oid * _ORG_UNIT), bisect_left(places, (oid + 1) * _ORG_UNIT)
        if lo == hi:
            continue
        org = json.dumps(
            {"id": oid, "short_name": short, "name": name},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        out += [b"," if len(out) > 2 else b"", org[:-1].encode(), b',"items":[']
        out += [b",".join(items[lo:hi]), b"]}"]
    out.append(b"]}")
    return out
