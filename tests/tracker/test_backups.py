"""Backups: a consistent daily copy on opening with bounded rotation, backup and restore
from code and the command line, the current file saved first, damaged backups refused."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tracker import cli, exchange, services
from tracker.store import backup
from tracker.store.backup import BackupError
from tracker.store.db import close_db, open_db
from tracker.store.models import Meeting, Organization
from tracker.store.version import SCHEMA_VERSION

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def export_of(path: Path) -> dict[str, Any]:
    """The JSON export of the database file at ``path`` (opened and closed again)."""
    open_db(str(path), create=False)
    try:
        return exchange.export_data()
    finally:
        close_db()


def _change_everything() -> None:
    """Edits of several kinds, so that a restore has something to undo."""
    first = Meeting.select().order_by(Meeting.id).first()
    services.delete_meeting(meeting_id=first.id)
    services.add_organization(name="Hội Người cao tuổi tỉnh", short_name="NCT")


def _state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


# --- daily backups and rotation -------------------------------------------------------------


def test_daily_backup_once_a_day(sample_db: Path) -> None:
    """The first opening of a day takes a copy, later openings that day do not; the next
    day takes another."""
    day1 = datetime(2024, 3, 5, 8, 0)
    first = backup.daily_backup(sample_db, now=day1)
    assert first is not None and first.exists()
    assert backup.daily_backup(sample_db, now=day1 + timedelta(hours=6)) is None
    second = backup.daily_backup(sample_db, now=day1 + timedelta(days=1))
    assert second is not None and second != first
    assert [b.kind for b in backup.list_backups(sample_db)] == ["daily", "daily"]


def test_daily_backup_is_a_consistent_self_contained_copy(sample_db: Path) -> None:
    """Taken while this connection is in the middle of an uncommitted change, the copy has
    the committed data only, passes integrity_check and needs no -wal file."""
    from tracker.store.db import database

    committed = exchange.export_data()
    with database.obj.atomic():
        Organization.create(name="Chưa lưu", short_name="CL", position=99)
        path = backup.daily_backup(sample_db, now=datetime(2024, 3, 5, 8, 0))
    assert path is not None
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no -wal, no .part
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    close_db()
    assert export_of(path) == committed


def _fake_daily(db: Path, when: datetime) -> Path:
    p = backup.backup_dir(db) / f"{db.stem}-{when:%Y%m%d-%H%M%S}-daily.sqlite3"
    p.parent.mkdir(exist_ok=True)
    p.write_bytes(b"x")
    return p


def test_rotation_keeps_14_daily_and_12_monthly(tmp_path: Path) -> None:
    """After two years of daily copies (two on some days), rotation keeps the newest copy
    of each of the last 14 days and of each of the last 12 months, and nothing else
    daily; manual and before-restore copies are never rotated."""
    db = tmp_path / "giaoban.sqlite3"
    start = datetime(2022, 1, 1, 8, 0)
    days = [start + timedelta(days=i) for i in range(730)]
    for when in days:
        _fake_daily(db, when)
        if when.day == 10:
            _fake_daily(db, when + timedelta(hours=5))  # a second copy that day
    keep_manual = backup.backup_dir(db) / f"{db.stem}-20220101-090000-manual.sqlite3"
    keep_manual.write_bytes(b"m")
    keep_restore = backup.backup_dir(db) / f"{db.stem}-20220102-090000-before-restore.sqlite3"
    keep_restore.write_bytes(b"r")
    today = days[-1].date()  # 31 December 2023
    backup.rotate(db, today=today)
    left = {(b.taken_at, b.kind) for b in backup.list_backups(db)}
    daily = sorted(t for t, k in left if k == "daily")
    expected_days = {today - timedelta(days=i) for i in range(14)}
    newest_of_month = {
        max(d for d in days if (d.year, d.month) == (y, m))
        for y, m in {(2023, mo) for mo in range(1, 13)}
    }
    expected = {datetime.combine(d, start.time()) for d in expected_days} | newest_of_month
    assert set(daily) == expected
    assert len(daily) == 14 + 11  # December's newest is also one of the 14 days
    assert keep_manual.exists() and keep_restore.exists()


def test_rotation_stays_bounded_day_after_day(tmp_path: Path) -> None:
    """Opening every day for 400 days never leaves more than 14 + 12 daily copies."""
    db = tmp_path / "giaoban.sqlite3"
    most = 0
    for i in range(400):
        when = datetime(2023, 1, 1, 8) + timedelta(days=i)
        _fake_daily(db, when)
        backup.rotate(db, today=when.date())
        most = max(most, len(backup.list_backups(db)))
    assert most <= 26
    assert len(backup.list_backups(db)) >= 14


def test_rotation_ignores_copies_dated_in_the_future(tmp_path: Path) -> None:
    """A copy stamped after today (a clock set wrong) is kept and does not push out real ones."""
    db = tmp_path / "giaoban.sqlite3"
    future = _fake_daily(db, datetime(2030, 1, 1))
    for i in range(14):
        _fake_daily(db, datetime(2024, 1, 1) + timedelta(days=i))
    deleted = backup.rotate(db, today=date(2024, 1, 14))
    assert deleted == [] and future.exists()


@posix_only
def test_backups_are_owner_only(sample_db: Path) -> None:
    """Backup files are 0o600 and the backups folder 0o700, whatever the umask."""
    old = os.umask(0o022)
    try:
        daily = backup.daily_backup(sample_db, now=datetime(2024, 3, 5))
        manual = backup.backup_now()
        outside = backup.backup_now(sample_db.parent / "ra-ngoai.sqlite3")
    finally:
        os.umask(old)
    assert daily is not None
    for p in (daily, manual, outside):
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    assert stat.S_IMODE(daily.parent.stat().st_mode) == 0o700


# --- backup and restore ---------------------------------------------------------------------


def test_restored_database_exports_the_same_json(sample_db: Path) -> None:
    """Back up, change things, restore: the export equals the one taken at backup time,
    and the state just before the restore was itself backed up first."""
    at_backup = exchange.export_data()
    copy = backup.backup_now()
    _change_everything()
    changed = exchange.export_data()
    assert changed != at_backup
    close_db()
    saved = backup.restore_from(copy, str(sample_db))
    assert saved is not None and saved.parent == backup.backup_dir(sample_db)
    assert export_of(sample_db) == at_backup
    assert export_of(saved) == changed


def test_restore_under_an_open_connection(sample_db: Path) -> None:
    """With the database still open (the window, or another window), a restore writes
    through SQLite's locking, so the open connection reads the restored data."""
    copy = backup.backup_now()
    meetings = Meeting.select().count()
    _change_everything()
    assert Meeting.select().count() == meetings - 1
    backup.restore_from(copy, str(sample_db))
    assert Meeting.select().count() == meetings
    assert not Organization.select().where(Organization.short_name == "NCT").exists()


def _damaged_copies(good: Path, folder: Path) -> dict[str, Path]:
    folder.mkdir()
    out = {}
    text = folder / "van-ban.sqlite3"
    text.write_text("không phải cơ sở dữ liệu", "utf-8")
    out["text file"] = text
    empty = folder / "rong.sqlite3"
    empty.touch()
    out["empty file"] = empty
    cut = folder / "cat-cut.sqlite3"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    out["truncated"] = cut
    bad = folder / "hong.sqlite3"
    data = bytearray(good.read_bytes())
    rng = random.Random(7)  # the same damage every run, so a failure reproduces
    for page in range(2, len(data) // 4096, 2):
        data[page * 4096 + 50 : page * 4096 + 3000] = rng.randbytes(2950)
    bad.write_bytes(bytes(data))
    out["damaged pages"] = bad
    newer = folder / "moi-hon.sqlite3"
    shutil.copyfile(good, newer)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    out["newer schema"] = newer
    other = folder / "khac.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    out["another program's file"] = other
    out["missing file"] = folder / "khong-co.sqlite3"
    return out


def test_restore_refuses_a_damaged_backup_without_touching_the_current_file(
    sample_db: Path, tmp_path: Path
) -> None:
    """Each unusable backup is refused with BackupError before anything happens: the current
    file keeps its bytes and mtime and no copy of it is made."""
    good = backup.backup_now(tmp_path / "good.sqlite3")
    close_db()
    before = _state(sample_db)
    for name, bad in _damaged_copies(good, tmp_path / "bad").items():
        with pytest.raises(BackupError) as raised:
            backup.restore_from(bad, str(sample_db))
        assert "\n" not in str(raised.value), name
        assert _state(sample_db) == before, name
    assert backup.list_backups(sample_db) == []


def test_restore_over_a_damaged_current_file_keeps_its_bytes(
    sample_db: Path, tmp_path: Path
) -> None:
    """When the current file is itself damaged (why one restores), it is replaced and its
    bytes are kept in the backups folder for someone to rescue."""
    expected = exchange.export_data()
    good = backup.backup_now(tmp_path / "good.sqlite3")
    close_db()
    damaged = b"SQLite format 3\x00" + random.Random(8).randbytes(20_000)
    sample_db.write_bytes(damaged)
    saved = backup.restore_from(good, str(sample_db))
    assert saved is not None and saved.read_bytes() == damaged
    assert export_of(sample_db) == expected


def test_restore_of_an_older_schema_backup_is_migrated_on_opening(tmp_path: Path) -> None:
    """A backup from schema 1 restores and is brought to the current schema when opened."""
    from tests.tracker.test_migrations import build_v1, pragma

    old = tmp_path / "cu" / "giaoban.sqlite3"
    old.parent.mkdir()
    build_v1(old)
    target = tmp_path / "giaoban.sqlite3"
    open_db(str(target))
    close_db()
    backup.restore_from(old, str(target))
    assert pragma(target, "user_version") == 1
    open_db(str(target))
    close_db()
    assert pragma(target, "user_version") == SCHEMA_VERSION


def test_cli_backup_and_restore(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`giaoban backup DEST`, a change, `giaoban restore DEST`: the data is back; a damaged
    file makes `restore` exit 2 with one line and leaves the data file alone."""
    at_backup = exchange.export_data()
    dest = tmp_path / "ban-sao.sqlite3"
    close_db()
    assert cli.main(["backup", str(dest), "--db", str(sample_db)]) == 0
    assert cli.main(["backup", str(tmp_path), "--db", str(sample_db)]) == 0  # into a folder
    assert len(list(tmp_path.glob("giaoban-*-manual.sqlite3"))) == 1
    open_db(str(sample_db))
    _change_everything()
    close_db()
    capsys.readouterr()
    assert cli.main(["restore", str(dest), "--db", str(sample_db)]) == 0
    assert "Đã khôi phục" in capsys.readouterr().out
    assert export_of(sample_db) == at_backup
    junk = tmp_path / "rac.sqlite3"
    junk.write_bytes(b"rac" * 100)
    before = _state(sample_db)
    assert cli.main(["restore", str(junk), "--db", str(sample_db)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "không phải tệp SQLite" in err
    assert _state(sample_db) == before
