"""Attachments (issue 12 part 4): stored once per content, listed without their bytes,
refused whole when too large or not a file, carried by export/import, copy-db and undo;
the ``attach``/``attachments``/``detach`` commands. On SQLite and on PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from tracker import attachments, cli, exchange, queries, services, undo
from tracker.attachment_services import attach, attach_file, detach, purge_unused_contents
from tracker.errors import NotFoundError, StaleEditError, ValidationError
from tracker.store.db import close_db, open_db
from tracker.store.models import Attachment, AttachmentContent

BOTH_BACKENDS = True  # conftest: each test on SQLite and on PostgreSQL


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(args))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def first_directive() -> int:
    return queries.list_directives()[0].id


def first_meeting() -> int:
    return queries.list_directives()[0].meeting_id


def counts() -> tuple[int, int]:
    return Attachment.select().count(), AttachmentContent.select().count()


def test_same_content_is_stored_once_and_listed_without_bytes(sample_db: Path) -> None:
    did, mid = first_directive(), first_meeting()
    body = b"%PDF-1.4 bao cao\n" * 100
    a = attach(file_name="Báo cáo MTTQ.pdf", data=body, directive_id=did)
    b = attach(file_name="ban sao.pdf", data=body, meeting_id=mid)
    assert a.stored and not b.stored
    assert counts() == (2, 1)
    [row] = attachments.for_directive(did)
    assert (row.file_name, row.size, row.media_type) == (
        "Báo cáo MTTQ.pdf",
        len(body),
        "application/pdf",
    )
    assert row.sha256 == hashlib.sha256(body).hexdigest()
    assert [r.file_name for r in attachments.for_meeting(mid)] == ["ban sao.pdf"]
    assert attachments.content(row.id) == body
    # The listing query names no column of the contents' bytes.
    sql, _ = (
        attachments.Attachment.select(*attachments._LISTED)
        .join(AttachmentContent, on=(Attachment.content == AttachmentContent.id))
        .sql()
    )
    assert '"data"' not in sql
    # Removing one keeps the shared content for the other; removing both and purging drops it.
    detach(attachment_id=a.attachment_id, purge=True)
    assert counts() == (1, 1)
    detach(attachment_id=b.attachment_id)
    assert counts() == (0, 1)
    assert purge_unused_contents() == 1
    assert counts() == (0, 0)


def test_unsafe_names_are_made_safe(sample_db: Path) -> None:
    did = first_directive()
    done = attach(file_name="..\\..\\evil/x\u202egpj.exe\x07", data=b"x", directive_id=did)
    row = attachments.get(done.attachment_id)
    assert "/" not in row.file_name and "\\" not in row.file_name
    assert all(ch.isprintable() for ch in row.file_name) and "\u202e" not in row.file_name


def test_too_large_folder_and_fifo_refused_writing_nothing(sample_db: Path, tmp_path: Path) -> None:
    did = first_directive()
    big = tmp_path / "ho-so-lon.pdf"
    with big.open("wb") as f:
        f.truncate(26 * 1024 * 1024)
    with pytest.raises(ValidationError, match="quá giới hạn 25 MB"):
        attach_file(big, directive_id=did)
    with pytest.raises(ValidationError, match="quá giới hạn 25 MB"):
        attach(file_name="x.bin", data=b"\0" * (25 * 1024 * 1024 + 1), directive_id=did)
    with pytest.raises(ValidationError, match="thư mục"):
        attach_file(tmp_path, directive_id=did)
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "ong"
        os.mkfifo(fifo)
        with pytest.raises(ValidationError, match="không phải tệp thông thường"):
            attach_file(fifo, directive_id=did)
    with pytest.raises(NotFoundError):
        attach(file_name="a.txt", data=b"a", directive_id=999_999)
    assert counts() == (0, 0)


def test_undo_of_attach_and_detach(sample_db: Path) -> None:
    did, mid = first_directive(), first_meeting()
    before, _, after = undo.record(
        lambda: attach(file_name="bc.docx", data=b"report", directive_id=did).changes,
        directives=[did],
    )
    assert len(attachments.for_directive(did)) == 1
    undo.put_back(before, after)
    assert attachments.for_directive(did) == []
    # Meeting attachments go back through the meeting header's snapshot.
    attach(file_name="tb-ket-luan.pdf", data=b"notice", meeting_id=mid)
    [row] = attachments.for_meeting(mid)
    before, _, after = undo.record(lambda: detach(attachment_id=row.id), headers=[mid])
    assert attachments.for_meeting(mid) == []
    undo.put_back(before, after)
    assert attachments.for_meeting(mid) == [row]
    # Its content purged meanwhile: the undo back to "detached" then forward refuses clearly.
    before, _, after = undo.record(lambda: detach(attachment_id=row.id), headers=[mid])
    purge_unused_contents()
    with pytest.raises(StaleEditError, match="xóa hẳn"):
        undo.put_back(before, after)
    assert attachments.for_meeting(mid) == []


def test_deleting_a_directive_and_undoing_keeps_its_attachments(sample_db: Path) -> None:
    did = first_directive()
    attach(file_name="a.pdf", data=b"a", directive_id=did)
    rows = attachments.for_directive(did)
    before, _, after = undo.record(
        lambda: services.delete_directives(directive_ids=[did]), directives=[did]
    )
    assert Attachment.select().count() == 0
    undo.put_back(before, after)
    assert attachments.for_directive(did) == rows


def test_export_import_round_trip(sample_db: Path, tmp_path: Path) -> None:
    did, mid = first_directive(), first_meeting()
    body = bytes(range(256)) * 50
    attach(file_name="bc.pdf", data=body, directive_id=did)
    attach(file_name="tb.pdf", data=body, meeting_id=mid)
    attach(file_name="khac.txt", data=b"khac", meeting_id=mid)
    data = exchange.export_data()
    text = exchange.dumps(data)
    assert len(data["attachment_contents"]) == 2
    close_db()
    target = tmp_path / "imported.sqlite3"
    open_db(str(target))
    exchange.import_data(json.loads(text))
    assert exchange.dumps(exchange.export_data()) == text
    [row] = attachments.for_directive(did)
    assert attachments.content(row.id) == body
    assert counts() == (3, 2)
    # A forged content is refused whole: nothing of the file written.
    forged = json.loads(text)
    sha = next(iter(forged["attachment_contents"]))
    forged["attachment_contents"][sha] = "aGVsbG8="
    close_db()
    open_db(str(tmp_path / "other.sqlite3"))
    with pytest.raises(Exception, match="không khớp mã sha256"):
        exchange.import_data(forged)
    assert counts() == (0, 0) and not queries.list_directives()


def test_cli_attach_list_detach(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    did, mid = first_directive(), first_meeting()
    close_db()
    db = str(sample_db)
    report = tmp_path / "Báo cáo.pdf"
    report.write_bytes(b"%PDF report")
    code, out, err = run(capsys, "attach", str(did), str(report), "--db", db)
    assert code == 0, err
    assert "Báo cáo.pdf" in out and f"nội dung chỉ đạo {did}" in out
    code, out, err = run(capsys, "attach", str(mid), str(report), "--meeting", "--db", db)
    assert code == 0 and "không lưu thêm" in out
    code, out, _ = run(capsys, "attachments", str(did), "--json", "--db", db)
    [item] = json.loads(out)
    assert item["file_name"] == "Báo cáo.pdf" and item["size"] == len(b"%PDF report")
    code, out, _ = run(capsys, "attachments", str(mid), "--meeting", "--db", db)
    assert code == 0 and "Báo cáo.pdf" in out
    big = tmp_path / "lon.zip"
    with big.open("wb") as f:
        f.truncate(26 * 1024 * 1024)
    code, out, err = run(capsys, "attach", str(did), str(big), "--db", db)
    assert code == 2 and "25 MB" in err and "Traceback" not in err
    code, _, err = run(capsys, "attach", str(did), str(tmp_path), "--db", db)
    assert code == 2 and "thư mục" in err
    code, _, err = run(capsys, "attach", "999999", str(report), "--db", db)
    assert code == 2 and "999999" in err
    code, out, err = run(capsys, "detach", str(item["id"]), "--db", db)
    assert code == 0 and "Đã gỡ" in out
    code, _, err = run(capsys, "detach", str(item["id"]), "--db", db)
    assert code == 2 and "Không có tệp đính kèm" in err
    code, out, _ = run(capsys, "attachments", str(did), "--db", db)
    assert code == 0 and "chưa có tệp đính kèm" in out
    open_db(db)
    assert counts() == (1, 1)  # the meeting's copy keeps the shared content


def test_schema_2_database_gains_the_attachment_tables(db_path: Path) -> None:
    """The step to schema 3 on either backend: a schema-2 database (its attachment
    tables and its history's author column dropped, its version set back) gets them
    again on opening."""
    from tracker.store.migrations import SCHEMA_VERSION, schema_version
    from tracker.store.pg import is_postgres
    from tracker.store.proxy import database

    db = database.obj
    db.execute_sql("DROP TABLE attachment")
    db.execute_sql("DROP TABLE attachment_content")
    db.execute_sql("ALTER TABLE history_entry DROP COLUMN who")
    db.execute_sql("ALTER TABLE meeting DROP COLUMN changed_by")  # and schema 4's columns
    db.execute_sql("ALTER TABLE directive DROP COLUMN changed_by")
    if is_postgres(db):
        db.execute_sql("UPDATE giaoban_schema SET version = 2")
    else:
        db.execute_sql("PRAGMA user_version = 2")
    close_db()
    open_db(str(db_path))
    assert schema_version(database.obj) == SCHEMA_VERSION
    from tracker.seeding import load_sample

    load_sample()
    done = attach(file_name="a.bin", data=b"\x00\xff" * 10, directive_id=first_directive())
    assert attachments.content(done.attachment_id) == b"\x00\xff" * 10
