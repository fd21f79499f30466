"""An edit saved from a dialog after another person changed the same record: the dialog
stays open with everything typed and says who changed it; nothing of it is written.
The giao ban's header behaves as a directive does."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import pytest

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.tracker.test_who import _draft, as_login
from tests.ui.test_meeting_dialog import press, type_text
from tracker import queries, services
from tracker.drafts import DirectiveDraft
from ui.main_window import TAB_MEETING, MainWindow
from ui.widgets.form import FormDialog

# Offscreen has no window manager; these say so, harmlessly, when a popup opens.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def _in_dialog(qtbot, kind: type[FormDialog], act: Callable[[FormDialog], None]) -> list[str]:  # noqa: ANN001
    """Run ``act`` on the dialog of ``kind`` once its exec() has started, then close it
    (answering "discard" to the unsaved-text question); returns ["done"] when it ran."""
    done: list[str] = []

    def drive(attempts: int = 50) -> None:
        dialog = next(
            (x for x in QApplication.topLevelWidgets() if isinstance(x, kind) and x.isVisible()),
            None,
        )
        if dialog is None:  # exec() has not started its loop yet
            if attempts:
                QTimer.singleShot(10, lambda: drive(attempts - 1))
            return
        try:
            with warnings.catch_warnings():  # offscreen: no window manager gives it focus
                warnings.simplefilter("ignore", DeprecationWarning)
                QApplication.setActiveWindow(dialog)
            qtbot.wait(1)
            act(dialog)
            done.append("done")
        finally:
            if dialog.isVisible():  # a failed step must not leave exec() waiting forever
                dialog.reject()

    QTimer.singleShot(0, drive)
    return done


@pytest.fixture(autouse=True)
def discard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.widgets.form.confirm_discard", lambda parent: True)


def _replace(qtbot, field, text: str) -> None:  # noqa: ANN001
    field.setFocus()
    field.selectAll()
    type_text(qtbot, text)


def test_meeting_edit_refused_names_who_and_keeps_the_text(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """The clerk opens the giao ban's header; meanwhile nva saves a notice number for it;
    the clerk's Ctrl+S is refused beside the form naming nva, the dialog stays open with
    the title and notes typed, and the stored giao ban is nva's."""
    from ui.dialogs.meeting import MeetingDialog

    meeting = window.meeting
    assert meeting is not None
    seen: dict[str, object] = {}

    def act(dialog: FormDialog) -> None:
        assert isinstance(dialog, MeetingDialog)
        with as_login("nva"):
            services.update_meeting(
                meeting_id=meeting.id, meeting=_draft(meeting, notice_ref="7-TB/TU")
            )
        _replace(qtbot, dialog.title, "Giao ban khối dân vận quý I-2021")
        dialog.notes.setFocus()
        type_text(qtbot, "Bổ sung ý kiến của đồng chí Chủ tịch")
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        seen.update(
            visible=dialog.isVisible(),
            messages=dialog.messages(),
            title=dialog.title.text(),
            notes=dialog.notes.toPlainText(),
        )

    done = _in_dialog(qtbot, MeetingDialog, act)
    window.commands.edit_meeting()
    assert done == ["done"]
    assert seen["visible"] is True
    assert seen["messages"] == {
        "": f"Cuộc giao ban này đã được nva thay đổi ở nơi khác (bản số {meeting.version + 1}, "
        f"bạn đang sửa bản số {meeting.version}). Dữ liệu đã được tải lại; hãy xem và sửa lại."
    }
    assert seen["title"] == "Giao ban khối dân vận quý I-2021"
    assert seen["notes"] == "Bổ sung ý kiến của đồng chí Chủ tịch" + meeting.notes
    stored = queries.meeting(meeting.id)
    assert (stored.title, stored.notes, stored.notice_ref) == (
        meeting.title,
        meeting.notes,
        "7-TB/TU",
    )
    assert window.meeting is not None and window.meeting.notice_ref == "7-TB/TU"  # reloaded
    assert window.undo_stack.count() == 0  # the refused edit is no undo step


def test_directive_edit_refused_names_who_and_keeps_the_text(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """The same with a directive: nva files it under a topic while the clerk edits it."""
    from ui.dialogs.directive import DirectiveDialog

    window.tabs.setCurrentIndex(TAB_MEETING)
    window.meeting_table.selectRow(0)
    row = window.current_directive()
    assert row is not None
    seen: dict[str, object] = {}

    def act(dialog: FormDialog) -> None:
        assert isinstance(dialog, DirectiveDialog)
        with as_login("nva"):
            services.update_directive(
                directive_id=row.id,
                directive=DirectiveDraft(
                    content=row.content,
                    lead_ids=tuple(o.organization_id for o in row.leads),
                    due=row.due,
                    topics=("Bầu cử",),
                ),
            )
        _replace(qtbot, dialog.content, "Nội dung do thư ký sửa")
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        seen.update(
            visible=dialog.isVisible(),
            messages=dialog.messages(),
            content=dialog.content.toPlainText(),
        )

    done = _in_dialog(qtbot, DirectiveDialog, act)
    window.commands.edit_directive()
    assert done == ["done"]
    assert seen["visible"] is True
    assert seen["messages"] == {
        "": f"Nội dung chỉ đạo này đã được nva thay đổi ở nơi khác (bản số {row.version + 1}, "
        f"bạn đang sửa bản số {row.version}). Dữ liệu đã được tải lại; hãy xem và sửa lại."
    }
    assert seen["content"] == "Nội dung do thư ký sửa"
    assert queries.directive(row.id).content == row.content
