"""``giaoban copy-db``: SQLite → PostgreSQL → SQLite keeps everything, so the JSON
export of each copy is the source's, byte for byte; and ``backup`` on a server."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from tracker import cli, exchange, seeding, services
from tracker.store.db import close_db, open_db
from tracker.store.models import HistoryEntry, Organization, Setting
from tracker.store.who import os_user


def _export(target: str) -> str:
    open_db(target, create=False)
    try:
        return exchange.dumps(exchange.export_data())
    finally:
        close_db()


def test_copy_to_server_and_back_keeps_everything(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Meetings and directives (with who last changed each), assignments, history,
    settings, groups, attachments and an inactive organization survive SQLite →
    PostgreSQL → SQLite; the app keeps working on the copy."""
    src = str(tmp_path / "src.sqlite3")
    open_db(src)
    seeding.load_sample()
    seeding.synthetic(300, seed=5, today=date(2024, 6, 1))
    Setting.create(key="report.signer", value="Nguyễn Văn A")
    Organization.update(active=False).where(Organization.id == 3).execute()
    from tracker.attachment_services import attach

    attach(file_name="tb.pdf", data=bytes(range(256)) * 9, meeting_id=1)
    attach(file_name="bc.pdf", data=bytes(range(256)) * 9, directive_id=1)
    histories = HistoryEntry.select().count()
    close_db()
    assert histories > 0
    source = _export(src)
    assert cli.main(["copy-db", src, pg_url]) == 0
    assert "Đã chép" in capsys.readouterr().out
    assert _export(pg_url) == source
    assert len(json.loads(source)["attachment_contents"]) == 1
    open_db(pg_url)  # the loaded tables are vacuumed and analyzed, not left to autovacuum
    from tracker.store.proxy import database

    ((vacuumed, analyzed),) = database.execute_sql(
        "SELECT last_vacuum, last_analyze FROM pg_stat_user_tables WHERE relname = 'directive'"
    ).fetchall()
    close_db()
    assert vacuumed is not None and analyzed is not None
    first = json.loads(source)["meetings"][0]  # who wrote each version goes along too
    assert first["changed_by"] == first["directives"][0]["changed_by"] == os_user()
    back = str(tmp_path / "back.sqlite3")
    assert cli.main(["copy-db", pg_url, back]) == 0
    assert _export(back) == source
    # The copy takes new records with new ids (the sequences were moved past the copied ids).
    open_db(pg_url)
    from tracker.drafts import MeetingDraft

    changes = services.log_meeting(meeting=MeetingDraft(held_on=date(2024, 7, 1), title="Mới"))
    assert changes.created_id is not None
    close_db()
    data = json.loads(_export(pg_url))
    assert len(data["meetings"]) == len(json.loads(source)["meetings"]) + 1


def test_copy_into_a_database_with_meetings_is_refused(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A destination that already holds meetings is left exactly as it was."""
    src = str(tmp_path / "src.sqlite3")
    open_db(src)
    seeding.load_sample()
    close_db()
    open_db(pg_url)
    seeding.synthetic(20, seed=1)
    close_db()
    before = _export(pg_url)
    assert cli.main(["copy-db", src, pg_url]) == 2
    assert "đã có dữ liệu" in capsys.readouterr().err
    assert _export(pg_url) == before


def test_backup_on_the_server_says_what_it_wrote(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``backup`` on PostgreSQL writes a pg_dump file (pg_dump installed here) and says so."""
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    open_db(pg_url)
    seeding.load_sample()
    close_db()
    assert cli.main(["backup", "--db", pg_url, str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "pg_dump" in out
    dumps = list(tmp_path.glob("*.dump"))
    assert len(dumps) == 1 and dumps[0].read_bytes()[:5] == b"PGDMP"


def test_backup_on_the_server_without_pg_dump_writes_json(pg_url: str, tmp_path: Path) -> None:
    """Without pg_dump the backup is the JSON export, which imports back."""
    from tracker.server_backup import JSON, backup_server

    open_db(pg_url)
    seeding.load_sample()
    expected = exchange.dumps(exchange.export_data())
    path, how = backup_server(tmp_path, use_pg_dump=False)
    close_db()
    assert how == JSON
    assert path.read_text(encoding="utf-8") == expected
