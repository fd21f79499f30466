"""The whole schema a Giao ban file of each version must hold, and the check that it does.

A file is trusted only when its ``sqlite_master`` (every table, index, trigger and
view, with its SQL) is exactly the schema of its version: one added trigger could
delete directives on the next ``done``, one added table and trigger could copy
every note elsewhere. The expected schema of version N is what SQLite makes of
``schema_vN.sql`` in an empty in-memory database (so the FTS5 shadow tables come
out as this SQLite makes them). ``schema_v1.sql`` is frozen as release 1 made it;
the current version's file is written from the models and migrations by
``python -m tracker.store.schema --write``, and a test fails when the two differ.

No peewee here except in ``current_sql``: a read-only command checks the file
with ``sqlite3`` alone.
"""

from __future__ import annotations

import sqlite3
import sys
from functools import cache
from pathlib import Path

# (type, name, tbl_name, sql with whitespace runs made one space; None for autoindexes)
Entry = tuple[str, str, str, str | None]

# Written by SQLite itself (ANALYZE, PRAGMA optimize): statistics, never code that runs.
_SQLITE_OWN = "sqlite_stat%"
_KIND = {"table": "bảng", "index": "chỉ mục", "trigger": "trigger", "view": "view"}
# FTS5 makes these beside a virtual table; they come from its statement, not from ours.
_FTS5_SHADOWS = ("_data", "_idx", "_docsize", "_config", "_content")


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
        from tracker.errors import IncompleteInstallError
        from tracker.install import missing_message

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


def current_sql() -> str:
    """The current version's schema as the code makes it (models, then every
    migration step), as SQL statements, one a line."""
    import peewee as pw

    from tracker.store.migrations import create_schema

    db = pw.SqliteDatabase(":memory:")
    db.connect()
    try:
        with db.atomic():
            create_schema(db)
        rows = db.execute_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
        ).fetchall()
        virtual = [n for t, n, s in rows if t == "table" and s.startswith("CREATE VIRTUAL")]
        shadows = {v + suffix for v in virtual for suffix in _FTS5_SHADOWS}
        version = int(db.execute_sql("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()
    lines = [
        f"-- Giao ban schema version {version}, made by the models and migrations "
        "(python -m tracker.store.schema --write; never edit by hand).",
        "-- When the version changes, this file is kept frozen as it is and a new one written.",
    ]
    lines += [f"{normalize(s)};" for t, n, s in rows if n not in shadows]
    lines.append(f"PRAGMA user_version = {version};")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """``python -m tracker.store.schema [--write]``: print (or write) the current schema file."""
    from tracker.store.migrations import SCHEMA_VERSION

    text = current_sql()
    if argv[:1] == ["--write"]:
        schema_file(SCHEMA_VERSION).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
