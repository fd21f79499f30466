"""File ▸ Sao lưu ngay / Khôi phục…, the restore list with dates and sizes, and the
restore choice when the data file cannot be opened; checked on the database afterwards."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tracker import exchange, services
from tracker.store import backup
from tracker.store.models import Meeting
from ui import messages
from ui.dialogs import backup as backup_dialog
from ui.dialogs import open_failure as open_failure_dialog
from ui.dialogs.backup import RestoreDialog, format_size


def _some_backups(db: Path) -> list[Path]:
    made = [
        backup.daily_backup(db, now=datetime(2024, 3, 4, 8, 15, 0)),
        backup.daily_backup(db, now=datetime(2024, 3, 5, 8, 30, 0)),
        backup.backup_now(),
    ]
    return [p for p in made if p is not None]


def test_restore_dialog_lists_backups_newest_first_with_dates_and_sizes(
    qtbot, sample_db: Path
) -> None:  # noqa: ANN001
    """Each backup is a row with its date and time, its kind and its size; accepting a
    selected row gives its file."""
    made = _some_backups(sample_db)
    dialog = RestoreDialog(None, db_path=sample_db)
    qtbot.addWidget(dialog)
    rows = [
        [dialog.list.topLevelItem(i).text(c) for c in range(3)]
        for i in range(dialog.list.topLevelItemCount())
    ]
    assert len(rows) == 3
    assert rows[1][:2] == ["05/03/2024 08:30:00", "Tự động hằng ngày"]
    assert rows[2][:2] == ["04/03/2024 08:15:00", "Tự động hằng ngày"]
    assert rows[0][1] == "Sao lưu ngay"
    assert rows[1][2] == format_size(made[1].stat().st_size) and rows[1][2].endswith("KB")
    assert dialog.restore_button.isEnabled()
    dialog.list.setCurrentItem(dialog.list.topLevelItem(2))
    dialog.accept()
    assert dialog.chosen() == made[0]


def test_restore_dialog_without_backups_says_so(qtbot, db_path: Path) -> None:  # noqa: ANN001
    """With no backups the list says where it looked and Khôi phục is disabled."""
    dialog = RestoreDialog(None, db_path=db_path)
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItemCount() == 0
    assert not dialog.restore_button.isEnabled()
    assert "Chưa có bản sao lưu" in dialog.empty_label.text()
    assert not dialog.empty_label.isHidden()


def test_format_size() -> None:
    """Sizes read the Vietnamese way, with a decimal comma."""
    assert format_size(1_300_000) == "1,2 MB"
    assert format_size(655_360) == "640 KB"
    assert format_size(10) == "1 KB"


def _patch_flow(monkeypatch: pytest.MonkeyPatch, chosen: Path) -> dict[str, list[Any]]:
    said: dict[str, list[Any]] = {"info": [], "error": [], "confirm": []}
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda cls, parent, db: chosen))
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: said["confirm"].append(a[2]) or True)
    monkeypatch.setattr(messages, "show_info", lambda p, text, title="": said["info"].append(text))
    monkeypatch.setattr(
        messages, "show_error", lambda p, err, title="": said["error"].append(str(err))
    )
    return said


def test_restore_interactively_restores_and_says_where_the_old_data_went(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Choosing a backup and confirming puts its data back; the message names the copy
    of the data that was replaced."""
    at_backup = exchange.export_data()
    copy = backup.backup_now()
    services.delete_meeting(meeting_id=Meeting.select().first().id)
    said = _patch_flow(monkeypatch, copy)
    assert backup_dialog.restore_interactively(None, str(sample_db)) is True
    assert exchange.export_data() == at_backup
    assert said["error"] == [] and "before-restore" in said["info"][0]


def test_a_damaged_backup_is_refused_and_the_data_stays(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged file chosen for restore gives a message and changes nothing."""
    before = exchange.export_data()
    junk = tmp_path / "hong.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x01" * 5000)
    said = _patch_flow(monkeypatch, junk)
    assert backup_dialog.restore_interactively(None, str(sample_db)) is False
    assert said["error"] and said["info"] == []
    assert exchange.export_data() == before


def test_back_up_now_writes_a_copy_and_says_where(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sao lưu ngay puts a manual copy in the backups folder and names it."""
    said = _patch_flow(monkeypatch, sample_db)
    path = backup_dialog.back_up_now(None)
    assert path is not None and path.exists()
    assert [b.kind for b in backup.list_backups(sample_db)] == ["manual"]
    assert str(path) in said["info"][0]


def test_open_failure_offers_open_restore_and_quit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The message after a failed opening offers the three ways on, quitting on Escape."""
    from tracker.errors import DatabaseOpenError

    seen: list[list[str]] = []
    monkeypatch.setattr(
        messages, "choose", lambda parent, title, text, choices: seen.append(choices) or 1
    )
    assert (
        open_failure_dialog.ask(None, DatabaseOpenError("hỏng")) is open_failure_dialog.Next.RESTORE
    )
    labels = [c.replace("&", "") for c in seen[0]]
    assert labels == ["Mở tệp khác…", "Khôi phục bản sao lưu…", "Thoát"]


def test_window_file_menu_backs_up_and_restores(window, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """File ▸ Sao lưu ngay writes a copy; File ▸ Khôi phục… puts it back, the window shows
    the restored data and its undo steps (about replaced records) are gone."""
    labels = [a.text().replace("&", "") for a in window.file_menu.actions()]
    assert "Sao lưu ngay" in labels and "Khôi phục…" in labels
    said = _patch_flow(monkeypatch, Path())
    window.actions.back_up.trigger()
    copy = backup.list_backups(window_db(window))[0].path
    meetings = window.meeting_model.total
    first = Meeting.select().first().id
    services.delete_meeting(meeting_id=first)
    window.reload_all()
    assert window.meeting_model.total == meetings - 1
    said = _patch_flow(monkeypatch, copy)
    window.undo_stack.push(_noop_command())
    window.actions.restore.trigger()
    assert said["error"] == []
    assert Meeting.select().count() == meetings
    assert window.meeting_model.total == meetings
    assert window.undo_stack.count() == 0


def window_db(window) -> Path:  # noqa: ANN001
    from tracker.store.db import database

    return Path(database.obj.database)


def _noop_command():  # noqa: ANN202
    from PySide6.QtGui import QUndoCommand

    return QUndoCommand("thử")


def test_start_up_offers_a_backup_when_the_file_is_damaged(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    """A damaged file at start-up: choosing "Khôi phục bản sao lưu…" and a backup restores
    it and the start continues with the restored data; the damaged bytes are kept."""
    from tracker.seeding import load_sample
    from tracker.store.db import close_db, open_db
    from ui.app import open_interactively

    path = tmp_path / "giaoban.sqlite3"
    open_db(str(path))
    load_sample()
    expected = exchange.export_data()
    good = backup.backup_now()
    close_db()
    path.write_bytes(b"")  # emptied by a failed copy
    answers = iter([open_failure_dialog.Next.RESTORE])
    monkeypatch.setattr(open_failure_dialog, "ask", lambda parent, exc: next(answers))
    _patch_flow(monkeypatch, good)
    assert open_interactively(str(path)) == str(path)
    assert exchange.export_data() == expected
    kept = [b for b in backup.list_backups(path) if b.kind == "before-restore"]
    assert len(kept) == 1 and kept[0].size == 0
    close_db()


def test_busy_database_keeps_the_edit_on_screen_to_retry(qtbot, sample_db: Path) -> None:  # noqa: ANN001
    """While another process holds the write lock past the wait, saving a note shows the
    busy message in the dialog, which stays open with the text; after release, saving again
    works and the note is in the database once."""
    import os
    import subprocess
    import sys

    from tracker import queries
    from tracker.store.db import open_db
    from tracker.store.models import HistoryEntry
    from ui.dialogs.note import NoteDialog

    open_db(str(sample_db), busy_timeout_ms=300)
    row = queries.directive(queries.directive_ids(queries.DirectiveFilter())[0])
    dialog = NoteDialog(
        None,
        save=lambda text, org: services.add_note(
            directive_id=row.id, text=text, organization_id=org
        ),
        directive=row,
    )
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Đã họp triển khai")
    root = Path(__file__).resolve().parents[2]
    holder = subprocess.Popen(
        [sys.executable, str(root / "tests/tracker/safety_worker.py"), "hold", str(sample_db), "1"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert holder.stdout is not None and holder.stdout.readline().startswith("LOCKED")
    dialog.try_accept()
    assert "chương trình khác" in dialog.messages()[""]
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.text.toPlainText() == "Đã họp triển khai"
    holder.communicate(timeout=30)
    dialog.try_accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    notes = HistoryEntry.select().where(
        (HistoryEntry.directive == row.id) & (HistoryEntry.text == "Đã họp triển khai")
    )
    assert notes.count() == 1
