"""Consistent copies of the database with SQLite's online backup API, and restoring them.

Backups live in a ``backups`` folder beside the data file (owner-only: folder
0o700, files 0o600), named ``<stem>-YYYYMMDD-HHMMSS-<kind>.sqlite3`` where kind
is ``daily`` (taken on opening, at most once a day), ``manual`` (Sao lưu ngay),
``before-restore`` or ``before-schema-N``. Only daily copies are rotated
(the newest of each of the last 14 days and of each of the last 12 months are
kept); the others are rare and kept until the clerk deletes them.

Every copy is written beside its name, integrity-checked, then renamed
(tracker.safe_write): a backup file that exists is complete. Each is a
self-contained file (rollback journal, no -wal beside it).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import peewee as pw

from tracker.errors import DatabaseOpenError, TrackerError
from tracker.safe_write import (
    OutputError,
    check_source,
    check_target,
    commit,
    remove,
    why,
    write_temp,
    write_verified,
)
from tracker.store.dbfile import (
    BACKUP_DIR_NAME,
    SQLITE_MAGIC,
    inspect_file,
    is_busy,
    resolve_busy_timeout,
    side_files,
    sqlite_path,
)
from tracker.store.netfs import refuse_network_location
from tracker.store.proxy import database
from tracker.store.version import APPLICATION_ID

KEEP_DAILY = 14
KEEP_MONTHLY = 12
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<kind>[a-z][a-z0-9-]*)\.sqlite3$"
)


class BackupError(TrackerError):
    """A backup could not be taken, or a file offered for restore is not a usable backup."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file, as File ▸ Khôi phục lists it."""

    path: Path
    taken_at: datetime
    size: int
    kind: str


def backup_dir(db_path: str | os.PathLike[str]) -> Path:
    return Path(db_path).resolve().parent / BACKUP_DIR_NAME


def backup_name(db_path: str | os.PathLike[str], kind: str, when: datetime) -> Path:
    """A new file name in the backups folder (never an existing one)."""
    folder = backup_dir(db_path)
    stem = Path(db_path).stem
    stamp = when.strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{stem}-{stamp}-{kind}.sqlite3"
    n = 1
    while candidate.exists() or candidate.with_name(candidate.name + ".part").exists():
        n += 1
        candidate = folder / f"{stem}-{stamp}-{n}-{kind}.sqlite3"
    return candidate


def _make_folder(folder: Path) -> None:
    existed = folder.exists()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not existed:
        os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask


def _sqlite_copy(source: sqlite3.Connection) -> Callable[[Path], None]:
    """A writer for tracker.safe_write: ``source`` online-backed-up into the path given,
    as one self-contained file (rollback journal: no -wal or -shm to lose in a copy)."""

    def write(path: Path) -> None:
        out = sqlite3.connect(path)
        try:
            source.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()

    return write


def _copy_from(source: sqlite3.Connection, dest: str | os.PathLike[str]) -> Path:
    """Online-backup ``source`` into ``dest``, written and checked beside it first."""
    target = Path(dest)
    _make_folder(target.parent)
    try:
        return write_verified(target, _sqlite_copy(source), "sqlite")
    except sqlite3.Error as exc:
        raise BackupError(f'Không sao lưu được vào "{dest}" ({_why(exc)}).') from exc


def backup_to(db: pw.Database, dest: str | os.PathLike[str]) -> Path:
    """Copy the open database to ``dest`` (a consistent snapshot, even mid-use)."""
    try:
        return _copy_from(db.connection(), dest)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f'Không sao lưu được vào "{dest}" ({_why(exc)}).') from exc


def backup_file(db_path: str | os.PathLike[str], dest: str | os.PathLike[str]) -> Path:
    """Copy the database file at ``db_path`` to ``dest`` with a connection of its own."""
    try:
        src = sqlite3.connect(db_path, timeout=resolve_busy_timeout() / 1000)
        try:
            return _copy_from(src, dest)
        finally:
            src.close()
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f'Không sao lưu được vào "{dest}" ({_why(exc)}).') from exc


def _why(exc: BaseException) -> str:
    return why(exc)


def backup_before_migration(db: pw.Database, db_path: str, from_version: int) -> Path:
    dest = backup_name(db_path, f"before-schema-{from_version + 1}", datetime.now())
    return _copy_from(db.connection(), dest)


def backup_now(dest: str | os.PathLike[str] | None = None) -> Path:
    """Back up the open database to ``dest`` (a file, or a folder to put a dated
    file in) or to a dated file in the backups folder."""
    db = database.obj
    if dest is None:
        dest = backup_name(db.database, "manual", datetime.now())
    elif Path(dest).is_dir():
        dest = Path(dest) / backup_name(db.database, "manual", datetime.now()).name
    return backup_to(db, dest)


# --- daily backups and rotation -------------------------------------------------------------


def list_backups(db_path: str | os.PathLike[str]) -> list[BackupInfo]:
    """The backups of ``db_path`` in its backups folder, newest first."""
    folder = backup_dir(db_path)
    stem = Path(db_path).stem
    out = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for p in entries:
        m = _NAME.match(p.name)
        if m is None or m["stem"] != stem or not p.is_file():
            continue
        try:
            taken = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
            size = p.stat().st_size
        except (ValueError, OSError):
            continue
        out.append(BackupInfo(p, taken, size, m["kind"]))
    out.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return out


def daily_backup(db_path: str | os.PathLike[str], *, now: datetime | None = None) -> Path | None:
    """On opening: a consistent copy unless one was taken today; then rotate.

    Returns the new file, or None when today's copy already exists.
    """
    now = now or datetime.now()
    if any(b.kind == "daily" and b.taken_at.date() == now.date() for b in list_backups(db_path)):
        return None
    path = backup_file(db_path, backup_name(db_path, "daily", now))
    rotate(db_path, today=now.date())
    return path


def rotate(
    db_path: str | os.PathLike[str],
    *,
    today: date,
    keep_daily: int = KEEP_DAILY,
    keep_monthly: int = KEEP_MONTHLY,
) -> list[Path]:
    """Delete daily backups beyond the newest of each of the last ``keep_daily``
    days and of each of the last ``keep_monthly`` months; returns what was deleted.

    Days and months count those that have a backup, so a clerk away for a month
    still finds the last two weeks of work. Copies dated after ``today`` (a
    clock set wrong) are kept and do not count.
    """
    dailies = [b for b in list_backups(db_path) if b.kind == "daily"]
    keep: set[Path] = {b.path for b in dailies if b.taken_at.date() > today}
    days: dict[date, BackupInfo] = {}
    months: dict[tuple[int, int], BackupInfo] = {}
    for b in dailies:  # newest first: the first seen of a day or month is its newest
        d = b.taken_at.date()
        if d > today:
            continue
        days.setdefault(d, b)
        months.setdefault((d.year, d.month), b)
    keep.update(days[d].path for d in sorted(days, reverse=True)[:keep_daily])
    keep.update(months[m].path for m in sorted(months, reverse=True)[:keep_monthly])
    deleted = []
    for b in dailies:
        if b.path not in keep:
            try:
                b.path.unlink()
                deleted.append(b.path)
            except OSError:
                pass  # another window rotated it first, or it is in use: next time
    return deleted


# --- restore --------------------------------------------------------------------------------


def check_backup(source: str | os.PathLike[str]) -> int:
    """Check, without writing to it, that ``source`` is a healthy Giao ban
    database this version can open; returns its schema version."""
    src = Path(source)
    if not src.exists():
        raise BackupError(f'Không tìm thấy bản sao lưu "{src}".')
    try:
        check_source(src)
        return inspect_file(src, require_writable=False)
    except (DatabaseOpenError, OutputError) as exc:
        raise BackupError(f"Không khôi phục từ tệp này: {exc}") from exc


def check_restore_target(target: Path) -> None:
    """Refuse to restore over anything but a Giao ban database: a link, a device, a
    text file, another program's SQLite file. A damaged or empty Giao ban file is
    accepted: restoring is its remedy."""
    try:
        check_target(target)
    except OutputError as exc:
        raise BackupError(f"Không khôi phục vào đây. {exc}") from exc

    def refuse(what: str) -> BackupError:
        return BackupError(
            f'Tệp "{target}" {what}, không phải cơ sở dữ liệu Giao ban: không khôi phục đè lên '
            "nó, tệp được giữ nguyên. Hãy chọn đúng tệp dữ liệu Giao ban (--db)."
        )

    try:
        if not target.exists() or target.stat().st_size == 0:
            return
        with target.open("rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise BackupError(f'Không đọc được tệp "{target}" ({_why(exc)}).') from exc
    if not head.startswith(SQLITE_MAGIC):
        raise refuse("không phải tệp SQLite")
    try:
        conn = sqlite3.connect(target.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.Error:
        return  # unreadable: a damaged file, which restoring replaces
    ours = app_id == APPLICATION_ID or {"meeting", "directive", "assignment"} <= tables
    if app_id not in (0, APPLICATION_ID) or (tables and not ours):
        raise refuse("là cơ sở dữ liệu SQLite của một chương trình khác")


def restore_from(source: str | os.PathLike[str], db_path: str) -> Path | None:
    """Replace the data with a backup, backing the current file up first.

    The backup and the target are checked before anything is touched: a damaged,
    foreign or newer backup, or a target that is not a Giao ban database, is refused
    and the current file stays as it was. Returns the copy of the current file
    taken first (None when there was no file).

    The backup is first copied and checked beside the target (tracker.safe_write).
    A healthy current file is then overwritten through SQLite's backup API, under
    its write lock, so another window with the file open sees the restored data
    rather than a file swapped away beneath it; a damaged one is replaced.
    """
    src = Path(source)
    target = Path(sqlite_path(db_path) or db_path)
    if target.exists() and src.exists() and src.resolve() == target.resolve():
        raise BackupError("Tệp sao lưu được chọn chính là tệp dữ liệu đang dùng.")
    check_backup(src)
    check_restore_target(target)
    refuse_network_location(target)  # the restored file must be usable where it goes
    try:
        src_conn = sqlite3.connect(src.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            staged = write_temp(target, _sqlite_copy(src_conn), "sqlite")
        finally:
            src_conn.close()
    except sqlite3.Error as exc:
        raise BackupError(f'Không đọc được bản sao lưu "{src}" ({_why(exc)}).') from exc
    try:
        if not target.exists():
            commit(staged, target)
            return None
        saved = _save_current(target)
        if _healthy(target):
            staged_conn = sqlite3.connect(staged)
            dest = sqlite3.connect(target, timeout=resolve_busy_timeout() / 1000)
            try:
                staged_conn.backup(dest)
            except sqlite3.Error as exc:
                if is_busy(exc):
                    raise BackupError(
                        "Tệp dữ liệu đang được một chương trình khác ghi; chưa khôi phục. "
                        "Hãy thử lại sau ít giây."
                    ) from exc
                raise BackupError(
                    f"Không khôi phục được ({_why(exc)}); dữ liệu hiện tại giữ nguyên."
                ) from exc
            finally:
                dest.close()
                staged_conn.close()
        else:
            # A damaged file: its journal files belong to it and must not be replayed
            # into the restored data.
            for side in side_files(target):
                if side.exists():
                    side.unlink()
            commit(staged, target)
        return saved
    finally:
        remove(staged)


def _healthy(path: Path) -> bool:
    """Readable SQLite that passes quick_check; an empty file is not (SQLite would call
    it an empty database, but here it stands for data that went missing)."""
    try:
        if path.stat().st_size == 0:
            return False
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return False


def _save_current(target: Path) -> Path:
    """Keep the file about to be replaced: a consistent copy when it is readable
    SQLite, else its bytes as they are (and its -wal), for someone to rescue."""
    dest = backup_name(target, "before-restore", datetime.now())
    if _healthy(target):
        return backup_file(target, dest)
    try:
        _make_folder(dest.parent)
        write_verified(dest, lambda out: shutil.copyfile(target, out), "bytes")
        wal = target.with_name(target.name + "-wal")
        if wal.exists():
            saved_wal = dest.with_name(dest.name + "-wal.saved")
            write_verified(saved_wal, lambda out: shutil.copyfile(wal, out), "bytes")
    except (OSError, OutputError) as exc:
        raise BackupError(
            f"Không sao lưu được tệp hiện tại trước khi khôi phục ({_why(exc)}); chưa khôi phục."
        ) from exc
    return dest
