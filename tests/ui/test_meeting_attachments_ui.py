"""The meeting's own attachments from the window: the heading's "Tệp đính kèm (N)" button
opens a non-modal panel where files are added (button or drop), opened from a temporary
copy and removed, each an undoable step; checked in the database after every step, on
a meeting with no directive at all (whose notice could only be attached from the
command line before)."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from tracker import attachments, queries, services
from tracker.drafts import MeetingDraft
from tracker.store.models import Attachment, AttachmentContent, Directive
from ui import messages
from ui.main_window import TAB_MEETING, MainWindow
from ui.views.meeting_attachments import MeetingAttachmentsPanel


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    seen: list[BaseException] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, error, *a, **k: seen.append(error))
    return seen


@pytest.fixture
def empty_meeting(window: MainWindow) -> int:
    """A meeting with no directive, logged through the window's bus and shown."""
    changes = window.bus.run(
        services.log_meeting,
        meeting=MeetingDraft(held_on=date(2021, 7, 2), title="Giao ban quý II-2021"),
    )
    mid = changes.created_id
    assert mid is not None
    assert not Directive.select().where(Directive.meeting == mid).exists()
    window.tabs.setCurrentIndex(TAB_MEETING)
    assert window.select_meeting(mid)
    assert window.meeting is not None and window.meeting.id == mid
    return mid


def _open_panel(qtbot, window: MainWindow) -> MeetingAttachmentsPanel:  # noqa: ANN001
    button = window.meeting_header.attachments_button
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    panel = window.meeting_header.attachments_panel
    assert panel is not None
    qtbot.waitExposed(panel)
    assert not panel.isModal()
    return panel


def _names(meeting_id: int) -> list[str]:
    return [a.file_name for a in attachments.for_meeting(meeting_id)]


def _drop(widget: QWidget, paths: list[Path]) -> bool:
    """Drag ``paths`` over ``widget`` and drop them, as the file manager does (the
    handlers called directly: offscreen Qt delivers no drop outside a real drag)."""
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


def test_attach_open_remove_undo_on_a_meeting_without_directives(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    empty_meeting: int,
    tmp_path: Path,
    shown: list[BaseException],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    header = window.meeting_header
    assert header.attachments_button.text() == "Tệp đính kèm…"
    panel = _open_panel(qtbot, window)
    section = panel.section
    assert section.listed() == [] and "02/07/2021" in panel.windowTitle()

    # Thêm tệp… asks for files, then attaches them to the meeting itself.
    notice = tmp_path / "Thông báo kết luận 15-TB.pdf"
    notice.write_bytes(b"%PDF-1.4 notice")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(notice)], ""))
    qtbot.mouseClick(section.add, Qt.MouseButton.LeftButton)
    [row] = attachments.for_meeting(empty_meeting)
    assert (row.file_name, row.size, row.directive_id) == (notice.name, 15, None)
    assert [a.file_name for a in section.listed()] == [notice.name]
    assert header.attachments_button.text() == "Tệp đính kèm (1)…"
    # The meeting list and the details panel are unchanged: still no directive.
    assert window.meeting_directives.rowCount() == 0

    # Mở: the system viewer gets a read-only temporary copy, never the stored bytes' home.
    opened: list[QUrl] = []
    section.opener = opened.append
    section.files.setCurrentItem(section.files.topLevelItem(0))
    assert section.open.isEnabled()
    qtbot.mouseClick(section.open, Qt.MouseButton.LeftButton)
    [url] = opened
    copy = Path(url.toLocalFile())
    assert copy.read_bytes() == notice.read_bytes() and copy != notice
    assert copy.name == notice.name and not copy.stat().st_mode & stat.S_IWUSR

    # Gỡ, then the window's undo puts it back; redo removes it again.
    qtbot.mouseClick(section.remove, Qt.MouseButton.LeftButton)
    assert Attachment.select().count() == 0 and section.listed() == []
    assert header.attachments_button.text() == "Tệp đính kèm…"
    assert AttachmentContent.select().count() == 1  # kept while the undo may need it
    window.actions.undo.trigger()
    assert _names(empty_meeting) == [notice.name]
    assert [a.file_name for a in section.listed()] == [notice.name]
    assert header.attachments_button.text() == "Tệp đính kèm (1)…"
    window.actions.redo.trigger()
    assert _names(empty_meeting) == [] and section.listed() == []
    assert shown == []


def test_panel_follows_the_meeting_shown(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    empty_meeting: int,
    tmp_path: Path,
) -> None:
    panel = _open_panel(qtbot, window)
    a, b = tmp_path / "a.pdf", tmp_path / "b.docx"
    a.write_bytes(b"one")
    b.write_bytes(b"two")
    steps = window.undo_stack.count()
    assert _drop(panel.section, [a, b])  # on the list
    assert sorted(_names(empty_meeting)) == ["a.pdf", "b.docx"]
    assert window.undo_stack.count() == steps + 1  # one step for both
    assert window.meeting_header.attachments_button.text() == "Tệp đính kèm (2)…"
    # The sample meeting: none of its own yet; the panel and the count follow it.
    sample = next(m.id for m in queries.list_meetings() if m.id != empty_meeting)
    assert window.select_meeting(sample)
    assert panel.section.listed() == [] and panel.section.meeting_id == sample
    assert window.meeting_header.attachments_button.text() == "Tệp đính kèm…"
    c = tmp_path / "c.pdf"
    c.write_bytes(b"three")
    assert _drop(panel, [c])  # beside the list, on the panel itself
    assert _names(sample) == ["c.pdf"] and len(_names(empty_meeting)) == 2
    # The directive's tab lists the meeting's file beside its own.
    window.meeting_table.selectRow(0)
    assert [x.file_name for x in window.details.attachments.listed()] == ["c.pdf"]
    # The shown meeting deleted: the panel moves with the window to the one shown next.
    assert window.select_meeting(empty_meeting)
    window.bus.run(services.delete_meeting, meeting_id=empty_meeting)
    assert window.meeting is not None and window.meeting.id == sample
    assert panel.section.meeting_id == sample and panel.heading.text() == window.meeting.title
    assert [x.file_name for x in panel.section.listed()] == ["c.pdf"]


def test_too_large_file_and_folder_are_refused(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    empty_meeting: int,
    tmp_path: Path,
    shown: list[BaseException],
) -> None:
    panel = _open_panel(qtbot, window)
    big = tmp_path / "TB-ket-luan-scan.pdf"
    with big.open("wb") as f:
        f.truncate(26 * 1024 * 1024)
    small = tmp_path / "nho.pdf"
    small.write_bytes(b"ok")
    steps = window.undo_stack.count()
    _drop(panel.section, [small, big])
    [too_big] = shown
    assert str(too_big) == (
        'Tệp "TB-ket-luan-scan.pdf" nặng 26,0 MB, quá giới hạn 25 MB cho mỗi tệp đính kèm. '
        "Hãy nén hoặc chia nhỏ tệp rồi đính kèm lại. Chưa đính kèm gì."
    )
    folder = tmp_path / "Hồ sơ giao ban"
    folder.mkdir()
    _drop(panel, [folder])
    assert len(shown) == 2 and "thư mục" in str(shown[1]) and folder.name in str(shown[1])
    assert Attachment.select().count() == 0 and AttachmentContent.select().count() == 0
    assert window.undo_stack.count() == steps
    assert panel.section.listed() == []
    assert window.meeting_header.attachments_button.text() == "Tệp đính kèm…"
