"""The whole schema a Giao ban file of each version must hold, and the check that it does.

A file is trusted only when its ``sqlite_master`` (every table, index, trigger and
view, with its SQL) is exactly the schema of its version: one added trigger could
delete directives on the next ``done``, one added table and trigger could copy
every note elsewhere. The expected schema of version N is what SQLite makes of
``schema_vN.sql`` in an empty in-memory database (so the FTS5 shadow tables come
out as this SQLite makes them). ``schema_v1.sql`` is frozen as release 1 made it;
the current version's file is written from the models and migrations by
``python -m tracker.store.schema --write``, and a test fails when the two differ.

No peewee here: a read-only command checks the file with ``sqlite3`` alone. The
current schema is written by ``tracker.store.migrations.current_sql``.
"""

from __future__ import annotations

import sqlite3
import sys
from functools import cache
from pathlib import Path

from tracker.errors import IncompleteInstallError
from tracker.shipped import missing_message

# (type, name, tbl_name, sql with whitespace runs made one space; None for autoindexes)
Entry = tuple[str, str, str, str | None]

# Written by SQLite itself (ANALYZE, PRAGMA optimize): statistics, never code that runs.
_SQLITE_OWN = "sqlite_stat%"
_KIND = {"table": "bảng", "index": "chỉ mục", "trigger": "trigger", "view": "view"}
# FTS5 makes these beside a virtual table; they come from its statement, not from ours.
FTS5_SHADOWS = ("_data", "_idx", "_docsize", "_config", "_content")


def schema_file(version: int) -> Path:
    return Path(__file__).with_name(f"schema_v{version}.sql")


def normalize(sql: str | None) -> str | None:
    return None if sql is None else " ".join(sql.split())


def read_schema(conn: sqlite3.Connection) -> frozenset[Entry]:
    """Every schema object of the database ``conn`` is open on."""
    rows = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE ?",
        (_SQLITE_OWN,),
    )
    return frozenset((t, n, tn, normalize(s)) for t, n, tn, s in rows)


@cache
def expected_schema(version: int) -> frozenset[Entry]:
    """The schema a file of ``version`` holds (empty for 0: a new, empty file).

    Raises IncompleteInstallError naming the schema file when it is not installed.
    """
    if version == 0:
        return frozenset()
    path = schema_file(version)
    if not path.is_file():
        what = f'tệp "tracker/store/{path.name}" (cấu trúc dữ liệu)'
        raise IncompleteInstallError(missing_message(what, "chưa mở được tệp dữ liệu"))
    sql = path.read_text(encoding="utf-8")
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(sql)
        return read_schema(conn)
    finally:
        conn.close()


def differences(actual: frozenset[Entry], expected: frozenset[Entry]) -> list[str]:
    """What ``actual`` has that ``expected`` lacks, and the reverse, in Vietnamese words."""
    have = {(e[0], e[1]): e for e in actual}
    want = {(e[0], e[1]): e for e in expected}
    out = []
    for key in sorted(have.keys() | want.keys()):
        kind, name = _KIND.get(key[0], key[0]), key[1][:60]
        if key not in want:
            out.append(f'thừa {kind} "{name}"')
        elif key not in have:
            out.append(f'thiếu {kind} "{name}"')
        elif have[key] != want[key]:
            out.append(f'{kind} "{name}" bị sửa')
    return out


if __name__ == "__main__":
    # The writer lives with the steps it runs; this spelling of the command is kept.
    from tracker.store.migrations import main

    raise SystemExit(main(sys.argv[1:]))
