"""Staged copies that a killed backup, restore or migration leaves beside a 22 MB database (SIGKILL
at several moments of the copy and its check) are removed at the next start, and the data
is whole: ``python -m pytest tests/tracker/test_leftovers.py -q -s | grep FIGURES``."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker import safe_write
from tracker.store.version import SCHEMA_VERSION

FIGURES: Counter[str] = Counter()
DELAYS = (0.0, 0.05, 0.15, 0.3, 0.6)  # seconds after the staged file appears


@pytest.fixture(scope="module", autouse=True)
def figures() -> Iterator[None]:
    yield
    print(
        f"\nFIGURES leftovers: {FIGURES['trials']} SIGKILLs of backup/restore/migration on a "
        f"{FIGURES['mb']} MB file, {FIGURES['left']} left a staged copy "
        f"({FIGURES['left_mb']} MB), {FIGURES['remaining']} remained after the next start, "
        f"{FIGURES['lost']} databases lost or damaged"
    )


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("GIAOBAN_DB", None)
    return env


def giaoban(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        capture_output=True, text=True, env=_env(), timeout=300,
    )  # fmt: skip


def staged(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if safe_write.TEMP_MARK in p.name]


def fingerprint(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT id, content, status FROM directive ORDER BY id").fetchall()
    finally:
        conn.close()
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 23 MB database (20,000 synthetic directives) and a backup of it."""
    folder = tmp_path_factory.mktemp("big")
    db = folder / "source.sqlite3"
    assert giaoban("demo", "--synthetic", "20000", "--db", str(db)).returncode == 0
    FIGURES["mb"] = round(db.stat().st_size / 2**20)
    return db


def kill_when_staged(args: list[str], folder: Path, delay: float) -> bool:
    """Start ``giaoban ARGS``, SIGKILL it ``delay`` s after a staged file appears in
    ``folder``; True when it was killed before it finished."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tracker", *args],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(),
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not staged(folder) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    time.sleep(delay)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return killed and proc.returncode == -signal.SIGKILL


def _trial(folder: Path, db: Path, allowed: set[str]) -> None:
    left = staged(folder)
    FIGURES["trials"] += 1
    FIGURES["left"] += bool(left)
    FIGURES["left_mb"] += round(sum(p.stat().st_size for p in left) / 2**20)
    start = giaoban("meetings", "--db", str(db))  # the next start
    assert start.returncode == 0, start.stderr
    remaining = staged(folder)
    FIGURES["remaining"] += len(remaining)
    ok = fingerprint(db) in allowed
    FIGURES["lost"] += not ok
    assert remaining == [] and ok


@pytest.mark.parametrize("delay", DELAYS)
def test_killed_backup_leaves_nothing_after_the_next_start(
    big: Path, tmp_path: Path, delay: float
) -> None:
    """SIGKILL during ``backup`` (copy or integrity check): the staged copy in the backups
    folder is gone after the next start; no backup file is half there."""
    db = tmp_path / "giaoban.sqlite3"
    shutil.copyfile(big, db)
    before = fingerprint(db)
    kill_when_staged(["backup", "--db", str(db)], tmp_path, delay)
    # A kill that lands after the verified copy was moved into place (the process was
    # still closing) leaves a whole backup: allowed. A partial one never is.
    backups = tmp_path / "backups"
    for kept in (p for p in backups.iterdir() if not p.name.startswith(".")):
        assert fingerprint(kept) == before, f"{kept.name} is not a whole backup"
    _trial(tmp_path, db, {before})


@pytest.mark.parametrize("delay", DELAYS)
def test_killed_restore_leaves_nothing_after_the_next_start(
    big: Path, tmp_path: Path, delay: float
) -> None:
    """SIGKILL during ``restore`` (staging, saving the current file, writing into it): the
    staged copy beside the database is gone after the next start, and the database holds
    its old data or the backup's, whole."""
    db = tmp_path / "giaoban.sqlite3"
    assert giaoban("demo", "--db", str(db)).returncode == 0
    before, after = fingerprint(db), fingerprint(big)
    kill_when_staged(["restore", str(big), "--db", str(db)], tmp_path, delay)
    _trial(tmp_path, db, {before, after})


def test_a_live_process_s_staged_file_is_kept(tmp_path: Path) -> None:
    """A staged file of a process still running (this one) is not removed; a dead one's is,
    and so is one a day old whatever its pid."""
    mine = safe_write.temp_path(tmp_path / "a.sqlite3")
    mine.write_bytes(b"x")
    dead = tmp_path / f".b.sqlite3{safe_write.TEMP_MARK}999999999-0123abcd.sqlite3"
    dead.write_bytes(b"x")
    old = safe_write.temp_path(tmp_path / "c.sqlite3")
    old.write_bytes(b"x")
    os.utime(old, (time.time() - 2 * 86400,) * 2)
    kept = tmp_path / "giaoban.sqlite3.notes"  # not ours
    kept.write_bytes(b"x")
    assert sorted(safe_write.remove_stale(tmp_path)) == sorted([dead, old])
    assert mine.exists() and kept.exists()


def _downgrade_to_v1(db: Path) -> None:
    """What release 1 would have made of the same data: schema 1 exactly."""
    conn = sqlite3.connect(db)
    # schema 4's additions, then schema 3's, then schema 2's
    conn.execute('ALTER TABLE "meeting" DROP COLUMN "changed_by"')
    conn.execute('ALTER TABLE "directive" DROP COLUMN "changed_by"')
    conn.execute('DROP TABLE "attachment"')
    conn.execute('DROP TABLE "attachment_content"')
    conn.execute('ALTER TABLE "history_entry" DROP COLUMN "who"')
    conn.execute('DROP INDEX "history_entry_directive_id_kind"')
    conn.execute("PRAGMA application_id = 0")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


@pytest.mark.parametrize("delay", DELAYS[:3])
def test_killed_migration_leaves_nothing_after_the_next_start(
    big: Path, tmp_path: Path, delay: float
) -> None:
    """SIGKILL while opening a 22 MB schema-1 file copies it before migrating: the staged
    copy is gone after the next start, which migrates the file with its data whole."""
    db = tmp_path / "giaoban.sqlite3"
    shutil.copyfile(big, db)
    _downgrade_to_v1(db)
    before = fingerprint(db)
    kill_when_staged(["meetings", "--db", str(db)], tmp_path, delay)
    _trial(tmp_path, db, {before})
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
