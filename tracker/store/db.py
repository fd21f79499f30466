"""The one database object: opened by ``open_db`` with pragmas, schema and migrations.

An existing file is inspected read-only first (``inspect_file``, which lives in
``tracker.store.dbfile`` with the other file-level checks and imports no peewee): a
file that is not a healthy Giao ban database of a schema this version knows, or
that cannot be written, is refused with a one-line Vietnamese message and left
exactly as it was. A new file is built beside its final name and moved into place, so a
crash while creating it never leaves an empty or half-made file behind.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import peewee as pw

from tracker.errors import DatabaseOpenError, DiskFullError
from tracker.oserrors import is_disk_full, reason
from tracker.safe_write import temp_path
from tracker.store.dbfile import (  # noqa: F401 (re-exported: the file checks live there)
    APP_NAME,
    BUSY_ENV_VAR,
    BUSY_TIMEOUT_MS,
    DB_FILENAME,
    ENV_VAR,
    OPENED_NOTHING,
    QUICK_CHECK_MAX_BYTES,
    SIDE_SUFFIXES,
    SQLITE_MAGIC,
    _check_writable_folder,
    busy_error,
    default_db_path,
    disk_full_as_message,
    disk_full_error,
    inspect_file,
    is_busy,
    remove_leftovers,
    resolve_busy_timeout,
    resolve_target,
    side_files,
    sqlite_path,
)
from tracker.store.migrations import ensure_schema
from tracker.store.netfs import refuse_network_location
from tracker.store.proxy import database

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # FULL: a change reported saved survives a power cut too, not only a crash.
    # One fsync per save costs nothing at a clerk's typing speed.
    "synchronous": "full",
    "busy_timeout": BUSY_TIMEOUT_MS,
    "cache_size": -16000,
}


def _sqlite(path: str, timeout_ms: int) -> pw.SqliteDatabase:
    pragmas = {**PRAGMAS, "busy_timeout": timeout_ms}
    return pw.SqliteDatabase(path, pragmas=pragmas, timeout=timeout_ms / 1000)


def open_db(
    target: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    busy_timeout_ms: int | None = None,
    password: str | None = None,
) -> pw.Database:
    """Open (and create or migrate) the database named by a path or URL.

    Raises DatabaseOpenError with a plain one-line message when the file is
    not a usable Giao ban database; the file is then left untouched. A
    ``postgresql://`` URL opens a server database (tracker.store.pg); ``password``
    is used for that connection only, else libpq's password file is read.
    """
    close_db()
    timeout = resolve_busy_timeout(busy_timeout_ms)
    resolved = resolve_target(target)
    path = sqlite_path(resolved)
    if path is None:
        from tracker.store import pg

        if not pg.is_pg_url(resolved):
            raise DatabaseOpenError(
                f'"{resolved}" không phải tệp dữ liệu hay địa chỉ máy chủ postgresql://.'
            )
        target_pg = pg.parse_url(resolved)
        server = pg.PgDatabase(target_pg, password)
        database.initialize(server)
        try:
            server.connect(reuse_if_open=True)
        except pw.DatabaseError as exc:
            raise pg.ConnectError(pg.connect_error_message(target_pg, exc), exc) from exc
        try:
            ensure_schema(server, None)
        except DatabaseOpenError:
            server.close()
            raise
        except pw.DatabaseError as exc:
            server.close()
            raise DatabaseOpenError(
                f"Cơ sở dữ liệu {target_pg.display()} không dùng được cho Giao ban ({exc})."
            ) from exc
        return server
    else:
        if path != ":memory:":
            refuse_network_location(path)  # before anything is created or read
            file = Path(path)
            if not file.exists() and not file.is_symlink():
                if not create:
                    raise DatabaseOpenError(f'Không tìm thấy tệp dữ liệu "{file}".')
                _create_file(file, timeout)
            inspect_file(file, timeout_ms=timeout)
            remove_leftovers(file)
        db: pw.Database = _sqlite(path, timeout)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        ensure_schema(db, path)
    except (DatabaseOpenError, DiskFullError):
        db.close()
        raise
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        db.close()
        if is_busy(exc):
            raise busy_error() from exc
        if is_disk_full(exc, path):  # opening (the -shm, a migration) found no room
            raise disk_full_error(path, OPENED_NOTHING) from exc
        raise DatabaseOpenError(
            f'Tệp "{resolved}" không phải cơ sở dữ liệu Giao ban hoặc đã bị hỏng ({exc}).'
        ) from exc
    return db


def close_db() -> None:
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()


# --- creating a new file --------------------------------------------------------------------


def _create_file(path: Path, timeout_ms: int) -> None:
    """Build a new, complete database beside ``path`` and move it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseOpenError(f'Không tạo được thư mục "{path.parent}" ({reason(exc)}).') from exc
    _check_writable_folder(path.parent)
    tmp = temp_path(path)  # a name remove_stale knows, if this process is killed
    _remove(tmp, *side_files(tmp))
    try:
        # Created owner-only: these records are nobody else's to read. SQLite
        # gives the -wal and -shm files the mode of the database file.
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        db = _sqlite(str(tmp), timeout_ms)
        database.initialize(db)
        try:
            with disk_full_as_message(path, "chưa tạo được tệp dữ liệu mới"):
                db.connect()
                ensure_schema(db, None)
        finally:
            db.close()
        try:
            os.link(tmp, path)  # never replaces a file another window made meanwhile
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
    except OSError as exc:
        raise DatabaseOpenError(f'Không tạo được tệp dữ liệu "{path}" ({reason(exc)}).') from exc
    finally:
        _remove(tmp, *side_files(tmp))


def _remove(*paths: Path) -> None:
    for p in paths:
        try:
            p.unlink()
        except FileNotFoundError:
            pass
