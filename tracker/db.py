"""The one database object: opened by ``open_db`` with pragmas, schema and migrations."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import peewee as pw

from tracker.errors import DatabaseOpenError

database = pw.DatabaseProxy()

APP_NAME = "GiaoBan"
DB_FILENAME = "giaoban.sqlite3"
ENV_VAR = "GIAOBAN_DB"
BUSY_TIMEOUT_MS = 5000
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": BUSY_TIMEOUT_MS,
    "cache_size": -16000,
}


def default_db_path() -> Path:
    """The database file in the platform's user data folder."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / DB_FILENAME


def resolve_target(target: str | os.PathLike[str] | None) -> str:
    """``--db`` value, else ``$GIAOBAN_DB``, else the default file."""
    if target is None or str(target) == "":
        target = os.environ.get(ENV_VAR) or default_db_path()
    return str(target)


def sqlite_path(target: str) -> str | None:
    """The file path of a SQLite target (path or ``sqlite:///`` URL), or None for other URLs."""
    if target.startswith("sqlite:///"):
        return target[len("sqlite:///") :]
    if target.startswith("sqlite://"):
        return target[len("sqlite://") :] or ":memory:"
    if "://" in target:
        return None
    return target


def open_db(target: str | os.PathLike[str] | None = None, *, create: bool = True) -> pw.Database:
    """Open (and create or migrate) the database named by a path or URL.

    Raises DatabaseOpenError with a plain message when the file is not a
    usable Giao ban database; the file is then left untouched.
    """
    from tracker import migrations

    resolved = resolve_target(target)
    path = sqlite_path(resolved)
    if path is None:
        from playhouse.db_url import connect

        db = connect(resolved)
    else:
        if path != ":memory:":
            _check_file(Path(path), create=create)
        db = pw.SqliteDatabase(path, pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        migrations.ensure_schema(db, path)
    except DatabaseOpenError:
        db.close()
        raise
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        db.close()
        raise DatabaseOpenError(
            f'Tệp "{resolved}" không phải cơ sở dữ liệu Giao ban hoặc đã bị hỏng ({exc}).'
        ) from exc
    return db


def close_db() -> None:
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()


def _check_file(path: Path, *, create: bool) -> None:
    if path.exists():
        if path.is_dir():
            raise DatabaseOpenError(f'"{path}" là một thư mục, không phải tệp dữ liệu.')
        with path.open("rb") as fh:
            head = fh.read(16)
        if head and head != b"SQLite format 3\x00":
            raise DatabaseOpenError(
                f'Tệp "{path}" không phải cơ sở dữ liệu Giao ban (không phải tệp SQLite).'
            )
        return
    if not create:
        raise DatabaseOpenError(f'Không tìm thấy tệp dữ liệu "{path}".')
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Created owner-only: these records are nobody else's to read.
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as exc:
        raise DatabaseOpenError(f'Không tạo được tệp dữ liệu "{path}": {exc.strerror}.') from exc
