"""The details panel's attachments: added through the section (as its button does, and
by a simulated drop of files), stored in the database, opened from a temporary copy,
removed, and every step undone and redone from the window's undo stack."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from tracker import attachments
from tracker.store.models import Attachment, AttachmentContent
from ui import messages
from ui.main_window import TAB_MEETING, MainWindow
from ui.undo_commands import redo_step, undo_step
from ui.views.attachments_section import AttachmentsSection


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    seen: list[BaseException] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, error, *a, **k: seen.append(error))
    return seen


def _select_first(w: MainWindow) -> int:
    w.tabs.setCurrentIndex(TAB_MEETING)
    w.meeting_table.selectRow(0)
    row = w.details.directive
    assert row is not None
    return row.id


def _drop(widget: AttachmentsSection, paths: list[Path]) -> bool:
    """Drag ``paths`` over ``widget`` and drop them, as the file manager does (the
    handlers called directly: offscreen Qt delivers no drop outside a real drag);
    whether both the drag and the drop were taken."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    args = (Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    enter = QDragEnterEvent(QPoint(5, 5), *args)
    enter.ignore()
    widget.dragEnterEvent(enter)
    drop = QDropEvent(QPointF(5, 5), *args)
    drop.ignore()
    widget.dropEvent(drop)
    return enter.isAccepted() and drop.isAccepted()


def test_add_open_remove_and_undo(
    window: MainWindow, tmp_path: Path, shown: list[BaseException]
) -> None:
    did = _select_first(window)
    section = window.details.attachments
    report = tmp_path / "Báo cáo MTTQ quý II.pdf"
    report.write_bytes(b"%PDF-1.4 report")
    assert section.add_files([report])
    assert [a.file_name for a in attachments.for_directive(did)] == [report.name]
    assert [a.file_name for a in section.listed()] == [report.name]
    # Undo and redo from the window's stack.
    undo_step(window.undo_stack)
    assert attachments.for_directive(did) == [] and section.listed() == []
    redo_step(window.undo_stack)
    assert [a.file_name for a in section.listed()] == [report.name]
    # Opened from a read-only temporary copy, through the system viewer.
    opened: list[QUrl] = []
    section.opener = opened.append
    section.files.setCurrentItem(section.files.topLevelItem(0))
    copy = section.open_current()
    assert copy is not None and copy.read_bytes() == report.read_bytes()
    assert copy != report and opened == [QUrl.fromLocalFile(str(copy))]
    # Removed, then the removal undone.
    assert section.remove_current()
    assert Attachment.select().count() == 0 and section.listed() == []
    undo_step(window.undo_stack)
    assert [a.file_name for a in attachments.for_directive(did)] == [report.name]
    assert shown == []


def test_dropped_files_are_attached_as_one_step(window: MainWindow, tmp_path: Path) -> None:
    did = _select_first(window)
    section = window.details.attachments
    a, b = tmp_path / "a.docx", tmp_path / "b.xlsx"
    a.write_bytes(b"first")
    b.write_bytes(b"first")  # the same content: stored once
    steps = window.undo_stack.count()
    assert _drop(section, [a, b])
    assert sorted(x.file_name for x in attachments.for_directive(did)) == ["a.docx", "b.xlsx"]
    assert AttachmentContent.select().count() == 1
    assert window.undo_stack.count() == steps + 1
    undo_step(window.undo_stack)
    assert attachments.for_directive(did) == []


def test_meeting_attachment_shows_with_its_directives(window: MainWindow, tmp_path: Path) -> None:
    _select_first(window)
    row = window.details.directive
    assert row is not None
    notice = tmp_path / "TB-ket-luan.pdf"
    notice.write_bytes(b"notice")
    assert window.details.attachments.add_files([notice], meeting=True)
    assert [a.file_name for a in attachments.for_meeting(row.meeting_id)] == [notice.name]
    window.meeting_table.selectRow(1)
    assert [a.file_name for a in window.details.attachments.listed()] == [notice.name]
    undo_step(window.undo_stack)
    assert attachments.for_meeting(row.meeting_id) == []


def test_too_large_file_and_folder_are_refused(
    window: MainWindow, tmp_path: Path, shown: list[BaseException]
) -> None:
    _select_first(window)
    big = tmp_path / "lon.pdf"
    with big.open("wb") as f:
        f.truncate(26 * 1024 * 1024)
    small = tmp_path / "nho.pdf"
    small.write_bytes(b"ok")
    steps = window.undo_stack.count()
    assert not window.details.attachments.add_files([small, big])
    _drop(window.details.attachments, [tmp_path])
    assert "25 MB" in str(shown[0]) and "thư mục" in str(shown[1])
    assert Attachment.select().count() == 0 and AttachmentContent.select().count() == 0
    assert window.undo_stack.count() == steps


def test_a_program_is_not_opened(
    window: MainWindow, tmp_path: Path, shown: list[BaseException]
) -> None:
    _select_first(window)
    section = window.details.attachments
    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ")
    assert section.add_files([exe])
    opened: list[QUrl] = []
    section.opener = opened.append
    section.files.setCurrentItem(section.files.topLevelItem(0))
    assert section.open_current() is None and opened == []
    assert "chương trình" in str(shown[0])


def test_closing_the_window_deletes_contents_nothing_names(
    window: MainWindow, tmp_path: Path
) -> None:
    _select_first(window)
    gone = tmp_path / "bo.pdf"
    gone.write_bytes(b"removed before closing")
    assert window.details.attachments.add_files([gone])
    undo_step(window.undo_stack)
    assert AttachmentContent.select().count() == 1  # kept while the redo could need it
    window.close()
    assert AttachmentContent.select().count() == 0


def test_menu_entry_attaches_the_chosen_files(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Theo dõi → Đính kèm tệp… asks for files, then attaches them to the directive shown."""
    from PySide6.QtWidgets import QFileDialog

    did = _select_first(window)
    chosen = tmp_path / "bao-cao.xlsx"
    chosen.write_bytes(b"PK report")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(chosen)], ""))
    assert window.actions.attach_file.isEnabled()
    window.actions.attach_file.trigger()
    [row] = attachments.for_directive(did)
    assert (row.file_name, row.size) == ("bao-cao.xlsx", len(b"PK report"))
    assert "(1)" in window.details.pages.tabText(1)
