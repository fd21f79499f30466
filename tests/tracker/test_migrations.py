"""Older schema versions migrate forward on opening, a backup taken first, data intact;
a migration that fails or cannot be backed up leaves the file at its old version."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tracker import queries
from tracker.errors import DatabaseOpenError, DiskFullError
from tracker.store import backup, migrations
from tracker.store.db import close_db, open_db
from tracker.store.schema import schema_file

SCHEMA_V1 = Path(migrations.__file__).with_name("schema_v1.sql")
V1_ROWS = {
    "organization": [
        (1, "Ban Dân vận Tỉnh ủy", "BDV", 1, 1),
        (2, "Ủy ban MTTQ tỉnh", "MTTQ", 2, 1),
    ],
    "org_group": [(1, "Khối Dân vận", "Khối DV", 1)],
    "org_group_member": [(1, 1, 1), (2, 1, 2)],
    "setting": [("signer_name", "Nguyễn Văn A")],
    "meeting": [
        (
            7,
            "2021-04-01",
            "Giao ban quý I-2021",
            "giao ban quy i-2021",
            "Đ/c Trưởng ban",
            "Trưởng ban",
            "2021-Q1",
            "Ghi chú",
            "123-TB/BDVTU",
            3,
        ),
    ],
    "meeting_attendee": [(1, 7, 2)],
    "directive": [
        (
            11,
            7,
            1,
            "Tổ chức bầu cử đại biểu Quốc hội",
            "to chuc bau cu dai bieu quoc hoi",
            "2021-Q3",
            "2021-Q2",
            "in_progress",
            None,
            4,
        ),
        (
            12,
            7,
            2,
            "Sơ kết dân vận khéo",
            "so ket dan van kheo",
            None,
            None,
            "done",
            "2021-05-01",
            2,
        ),
    ],
    "assignment": [
        (1, 11, 1, "lead", 0, "done", "2021-06-01", "Xong phần việc"),
        (2, 11, 2, "lead", 1, "open", None, ""),
        (3, 12, 2, "lead", 0, "done", "2021-05-01", "Đã sơ kết"),
    ],
    "extension": [(1, 11, "2021-Q2", "2021-Q3", "2021-06-15", "Chờ hướng dẫn")],
    "topic": [(1, "Bầu cử")],
    "directive_topic": [(1, 11, 1)],
    "history_entry": [
        (1, 11, "created", "2021-04-01", None, "Giao nhiệm vụ"),
        (2, 11, "note", "2021-05-10", 1, "Đã họp triển khai"),
        (3, 12, "status", "2021-05-01", 2, "Hoàn thành (01/05/2021): Đã sơ kết"),
    ],
}


# Schema 3's history_entry.who of the rows above (a schema-3 file names its writers).
V3_WHO = ("tp_dan_van", None, "nva")


def build_v1(path: Path, *, version: int = 1) -> None:
    """A database exactly as release ``version`` made it (its frozen DDL written out,
    not create_tables), with a row in every table of version 1."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = wal")
    conn.execute("PRAGMA synchronous = off")  # a test fixture: speed over durability
    ddl = schema_file(version).read_text("utf-8")
    conn.executescript("BEGIN;\n" + ddl + "COMMIT;\n")
    for table, rows in V1_ROWS.items():
        if table == "history_entry" and version >= 3:
            rows = [(*r, who) for r, who in zip(rows, V3_WHO, strict=True)]
        marks = ", ".join("?" * len(rows[0]))
        conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def test_version_2_database_gains_the_attachment_tables(tmp_path: Path) -> None:
    """A v2 file (schema_v2.sql as frozen) migrates to 3: rows intact, backup taken,
    the attachment tables added and usable."""
    from tracker import attachments
    from tracker.attachment_services import attach

    path = tmp_path / "giaoban.sqlite3"
    build_v1(path, version=2)
    before = dump(path)
    open_db(str(path))
    try:
        attach(file_name="tb.pdf", data=b"notice", meeting_id=7)
        assert [r.file_name for r in attachments.for_meeting(7)] == ["tb.pdf"]
    finally:
        close_db()
    assert pragma(path, "user_version") == migrations.SCHEMA_VERSION
    kinds = [b.kind for b in backup.list_backups(path)]
    assert "before-schema-3" in kinds
    assert dump(path) == before


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every v1 table, its v1 columns, read with plain sqlite3."""
    conn = sqlite3.connect(path)
    try:
        return {
            t: [r[: len(V1_ROWS[t][0])] for r in conn.execute(f"SELECT * FROM {t} ORDER BY 1")]
            for t in V1_ROWS
        }
    finally:
        conn.close()


def schema(path: Path) -> set[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")
        return {(t, n, " ".join(s.replace('"', "").split())) for t, n, s in rows}
    finally:
        conn.close()


def pragma(path: Path, name: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"PRAGMA {name}").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def v1(tmp_path: Path) -> Path:
    path = tmp_path / "giaoban.sqlite3"
    build_v1(path)
    return path


def test_version_1_database_migrates_with_data_intact(v1: Path) -> None:
    """Opening a v1 file brings it to the current schema with every row unchanged and
    readable through the queries (search included)."""
    before = dump(v1)
    open_db(str(v1))
    try:
        m = queries.meeting(7)
        assert (m.title, m.held_on, m.directive_count) == (
            "Giao ban quý I-2021",
            date(2021, 4, 1),
            2,
        )
        d = queries.directive(11)
        assert d.content == "Tổ chức bầu cử đại biểu Quốc hội" and d.due.iso == "2021-Q3"
        assert [r.text for r in queries.history(11)][-1] == "Đã họp triển khai"
        assert queries.latest_notes([11, 12]) == {11: "Đã họp triển khai", 12: "Đã sơ kết"}
        found = queries.list_directives(queries.DirectiveFilter(search="bau cu"))
        assert [r.id for r in found] == [11]
    finally:
        close_db()
    assert pragma(v1, "user_version") == migrations.SCHEMA_VERSION == 4
    assert pragma(v1, "application_id") == migrations.APPLICATION_ID
    assert dump(v1) == before
    assert _whos(v1) == [None, None, None]  # entries made before schema 3 name no one


def _whos(path: Path) -> list[object]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT who FROM history_entry ORDER BY id")]
    finally:
        conn.close()


def test_version_2_database_gets_the_who_column(tmp_path: Path) -> None:
    """A schema-2 file (release 2's frozen DDL) migrates to 3 after a backup at version 2:
    rows intact, the old entries naming no one, the schema that of a new file, and the
    next change recorded with this computer's user name."""
    from tracker import services
    from tracker.store.who import os_user

    path = tmp_path / "v2" / "giaoban.sqlite3"
    path.parent.mkdir()
    build_v1(path, version=2)
    before = dump(path)
    open_db(str(path))
    try:
        services.add_note(directive_id=12, organization_id=2, text="Ghi thêm", on=date(2021, 6, 1))
        assert [h.who for h in queries.history(12)] == [None, os_user()]
    finally:
        close_db()
    assert pragma(path, "user_version") == migrations.SCHEMA_VERSION
    copies = [b for b in backup.list_backups(path) if b.kind == "before-schema-3"]
    assert len(copies) == 1 and pragma(copies[0].path, "user_version") == 2
    after = dump(path)
    assert after["history_entry"][:3] == before["history_entry"]
    fresh = tmp_path / "new" / "giaoban.sqlite3"
    open_db(str(fresh))
    close_db()
    assert schema(path) == schema(fresh)


def _changed_by(path: Path) -> dict[str, list[object]]:
    conn = sqlite3.connect(path)
    try:
        return {
            t: [r[0] for r in conn.execute(f"SELECT changed_by FROM {t} ORDER BY id")]
            for t in ("meeting", "directive")
        }
    finally:
        conn.close()


def test_version_3_database_learns_who_changed_meetings(tmp_path: Path) -> None:
    """A schema-3 file (its frozen DDL, rows in every table, history naming its writers)
    migrates to 4 after a backup at version 3: rows and names intact, meetings and
    directives naming no last writer yet, the schema that of a new file. An edit based
    on an older version is then refused without a name; the next edit records this
    computer's user, and an edit based on the version before it names them."""
    from tracker import services
    from tracker.drafts import MeetingDraft
    from tracker.errors import StaleEditError
    from tracker.store.who import os_user

    path = tmp_path / "v3" / "giaoban.sqlite3"
    path.parent.mkdir()
    build_v1(path, version=3)
    before = dump(path)
    open_db(str(path))
    try:
        m = queries.meeting(7)
        draft = MeetingDraft(
            held_on=m.held_on,
            title="Giao ban quý I năm 2021",
            chair_name=m.chair_name,
            chair_position=m.chair_position,
            attendee_ids=m.attendee_ids,
            reviewed_quarter=m.reviewed_quarter,
            notes=m.notes,
            notice_ref=m.notice_ref,
        )
        with pytest.raises(StaleEditError) as refused:
            services.update_meeting(meeting_id=7, meeting=draft, expected_version=2)
        assert str(refused.value).startswith(
            "Cuộc giao ban này vừa được sửa ở nơi khác (bản số 3, bạn đang sửa bản số 2)."
        )
        services.update_meeting(meeting_id=7, meeting=draft, expected_version=3)
        with pytest.raises(StaleEditError, match=f"này đã được {os_user()} thay đổi ở nơi khác"):
            services.update_meeting(meeting_id=7, meeting=draft, expected_version=3)
    finally:
        close_db()
    assert pragma(path, "user_version") == migrations.SCHEMA_VERSION == 4
    copies = [b for b in backup.list_backups(path) if b.kind == "before-schema-4"]
    assert len(copies) == 1 and pragma(copies[0].path, "user_version") == 3
    with pytest.raises(sqlite3.OperationalError, match="no such column"):
        _changed_by(copies[0].path)  # the copy is the schema-3 file as it was
    after = dump(path)
    assert after["meeting"][0][2] == "Giao ban quý I năm 2021"
    assert {t: r for t, r in after.items() if t != "meeting"} == {
        t: r for t, r in before.items() if t != "meeting"
    }
    assert _whos(path) == list(V3_WHO)
    assert _changed_by(path) == {"meeting": [os_user()], "directive": [None, None]}
    fresh = tmp_path / "new" / "giaoban.sqlite3"
    open_db(str(fresh))
    close_db()
    assert schema(path) == schema(fresh)


def test_migration_takes_a_backup_first(v1: Path) -> None:
    """A copy of the v1 file, at version 1 with the same rows, is in the backups folder."""
    before = dump(v1)
    open_db(str(v1))
    close_db()
    copies = [b for b in backup.list_backups(v1) if b.kind == "before-schema-2"]
    assert len(copies) == 1
    assert pragma(copies[0].path, "user_version") == 1
    assert dump(copies[0].path) == before


def test_migrated_schema_equals_a_new_database(v1: Path, tmp_path: Path) -> None:
    """A migrated v1 file ends with exactly the tables, indexes and triggers of a new file."""
    open_db(str(v1))
    close_db()
    fresh = tmp_path / "new" / "giaoban.sqlite3"
    open_db(str(fresh))
    close_db()
    assert schema(v1) == schema(fresh)
    assert any(n == "history_entry_directive_id_kind" for _, n, _ in schema(v1))


def test_new_index_serves_the_latest_notes_query(v1: Path) -> None:
    """The schema-2 index is what SQLite uses for the latest-note lookup."""
    from tracker.store.db import database
    from tracker.store.models import HistoryEntry

    open_db(str(v1))
    try:
        query = HistoryEntry.select(HistoryEntry.directive, HistoryEntry.id).where(
            HistoryEntry.directive.in_([11, 12]) & (HistoryEntry.kind == "note")
        )
        sql, params = query.sql()
        plan = " ".join(
            str(r[-1]) for r in database.obj.execute_sql("EXPLAIN QUERY PLAN " + sql, params)
        )
    finally:
        close_db()
    assert "history_entry_directive_id_kind" in plan


def test_failed_step_leaves_the_file_at_version_1(
    v1: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step that fails halfway is rolled back whole: still version 1, no new index,
    same rows; the next opening migrates normally."""
    real = migrations.STEPS[1]

    def half_then_fail(db) -> None:  # noqa: ANN001
        real(db)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(migrations.STEPS, 1, half_then_fail)
    before = dump(v1)
    with pytest.raises(DatabaseOpenError):
        open_db(str(v1))
    close_db()
    assert pragma(v1, "user_version") == 1
    assert pragma(v1, "application_id") == 0
    assert not any(n == "history_entry_directive_id_kind" for _, n, _ in schema(v1))
    assert dump(v1) == before
    monkeypatch.undo()
    open_db(str(v1))
    close_db()
    assert pragma(v1, "user_version") == migrations.SCHEMA_VERSION


def test_no_migration_without_a_backup(v1: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the backup cannot be written the file is not migrated and the message says so."""

    def no_space(*args: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(migrations, "backup_before_migration", no_space)
    with pytest.raises((DatabaseOpenError, DiskFullError), match="sao lưu"):
        open_db(str(v1))
    close_db()
    assert pragma(v1, "user_version") == 1


def test_schema_versions_tried() -> None:
    """Every earlier schema version has a builder in this file (1, 2 and 3)."""
    earlier = list(range(1, migrations.SCHEMA_VERSION))
    print(f"\nFIGURES migrations: earlier schema versions built and opened: {earlier}")
    assert earlier == [1, 2, 3] and set(migrations.STEPS) == set(earlier)
    assert all(schema_file(v).is_file() for v in earlier)
