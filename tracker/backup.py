"""Consistent copies of the database with SQLite's online backup API."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

import peewee as pw

BACKUP_DIR_NAME = "backups"


def backup_dir(db_path: str | os.PathLike[str]) -> Path:
    return Path(db_path).resolve().parent / BACKUP_DIR_NAME


def backup_to(db: pw.Database, dest: str | os.PathLike[str]) -> Path:
    """Copy the open database to ``dest`` (a consistent snapshot, even mid-use)."""
    target = Path(dest)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    if tmp.exists():
        tmp.unlink()
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    out = sqlite3.connect(tmp)
    try:
        db.connection().backup(out)
    finally:
        out.close()
    os.replace(tmp, target)
    return target


def backup_before_migration(db: pw.Database, db_path: str, from_version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{Path(db_path).stem}-before-schema-{from_version + 1}-{stamp}.sqlite3"
    return backup_to(db, backup_dir(db_path) / name)


def backup_now(dest: str | os.PathLike[str] | None = None) -> Path:
    """Back up the open database to ``dest`` or to a dated file in the backups folder."""
    from tracker.db import database

    db = database.obj
    if dest is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = backup_dir(db.database) / f"giaoban-{stamp}.sqlite3"
    return backup_to(db, dest)


def restore_from(source: str | os.PathLike[str], db_path: str) -> Path:
    """Replace the database file with a backup, backing the current file up first."""
    from tracker.db import close_db, open_db, sqlite_path
    from tracker.errors import DatabaseOpenError

    src = Path(source)
    target = Path(sqlite_path(db_path) or db_path)
    # Open the backup read-only first: a damaged backup must not replace good data.
    try:
        conn = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseOpenError(f'Bản sao lưu "{src}" không đọc được: {exc}.') from exc
    if ok != "ok":
        raise DatabaseOpenError(f'Bản sao lưu "{src}" đã bị hỏng, không khôi phục.')
    if target.exists():
        open_db(str(target), create=False)
        backup_now()
        close_db()
    src_conn = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        tmp = target.with_name(target.name + ".restore")
        out = sqlite3.connect(tmp)
        src_conn.backup(out)
        out.close()
    finally:
        src_conn.close()
    for suffix in ("-wal", "-shm"):
        side = target.with_name(target.name + suffix)
        if side.exists():
            side.unlink()
    os.replace(tmp, target)
    return target
