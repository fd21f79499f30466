"""The integrity check of a large file, run where it costs no start-up time.

``inspect_file`` runs ``PRAGMA quick_check`` on every file up to
``QUICK_CHECK_MAX_BYTES`` (64 MB) before opening it. A larger file is opened without
it, and checked afterwards: by the window in the background after its first paint
(``check_file`` on its own read-only connection, in a thread), and by a command line
write before it writes (``verify_before_writing``; about 1–3 ms a MB, so ~0.1–0.3 s
for a 70 MB file). A file found damaged is remembered here (``mark_damaged``): from
then on every write refuses (``refuse_if_damaged``, called by every service) with the
damaged-file message, until the file is restored from a backup (``forget``).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

from tracker.store.dbfile import (
    QUICK_CHECK_MAX_BYTES,
    damaged_error,
    is_busy,
    is_damage,
    resolve_busy_timeout,
)

_lock = threading.Lock()
_damaged: dict[str, str] = {}  # resolved path → what the check found


def _key(path: str | os.PathLike[str]) -> str:
    return str(Path(path).resolve())


def is_large(path: str | os.PathLike[str]) -> bool:
    """True for a file opened without its integrity check (checked afterwards)."""
    try:
        return Path(path).stat().st_size > QUICK_CHECK_MAX_BYTES
    except OSError:
        return False


def check_file(path: str | os.PathLike[str], timeout_ms: int | None = None) -> str | None:
    """Run quick_check on a read-only connection of its own; None when the file is
    healthy, else what SQLite found. Waits (and retries) while another program holds a
    lock; a lock held past the busy timeout is reported as busy, not as damage."""
    timeout = resolve_busy_timeout(timeout_ms) / 1000
    deadline = time.monotonic() + max(timeout, 1.0)
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    while True:
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
            try:
                rows = conn.execute("PRAGMA quick_check").fetchall()
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            if is_busy(exc) and time.monotonic() < deadline:
                time.sleep(0.05)
                continue
            if is_busy(exc):
                raise
            return str(exc)
        if rows == [("ok",)]:
            return None
        return "; ".join(str(r[0]) for r in rows[:3])


def mark_damaged(path: str | os.PathLike[str], problem: str) -> None:
    with _lock:
        _damaged[_key(path)] = problem


def damage_of(path: str | os.PathLike[str] | None) -> str | None:
    """What the check found wrong with ``path``, or None (healthy or not checked)."""
    if path is None or str(path) in ("", ":memory:"):
        return None
    with _lock:
        return _damaged.get(_key(path))


def forget(path: str | os.PathLike[str]) -> None:
    """The file was replaced (restored from a backup): its old verdict no longer holds."""
    with _lock:
        _damaged.pop(_key(path), None)


def refuse_if_damaged(path: str | os.PathLike[str] | None) -> None:
    """Raise the damaged-file message when ``path`` was found damaged: nothing more may
    be written into it (SQLite could spread the damage to what is still intact)."""
    if damage_of(path) is not None:
        raise damaged_error(path)


def note_damage(exc: BaseException, path: str | os.PathLike[str] | None) -> bool:
    """Remember ``path`` as damaged when ``exc`` is SQLite finding it so; True then."""
    if path is None or not is_damage(exc):
        return False
    mark_damaged(path, str(exc))
    return True


def verify_before_writing(path: str | os.PathLike[str] | None) -> None:
    """For a command line write on a large file: the check it skipped at opening, now,
    before anything is written. Raises the damaged-file message (exit 2)."""
    if path is None or str(path) in ("", ":memory:") or not is_large(path):
        refuse_if_damaged(path)
        return
    problem = check_file(path)
    if problem is not None:
        mark_damaged(path, problem)
        raise damaged_error(path)
