"""The giao ban dialog driven like a clerk would: keyboard only, then the database checked."""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tracker import queries, services
from tracker.quarters import Quarter
from ui.meeting_dialog import MeetingDialog

TODAY = date(2021, 4, 5)

# Offscreen has no window manager; these say so, harmlessly, when a popup opens.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


# --- helpers (also used by test_dialogs.py) -------------------------------------------------


@pytest.fixture(autouse=True)
def discard_answers(monkeypatch) -> list[bool]:
    """Closing with unsaved text never blocks on a message box: answer "discard" and
    record each question. A test sets ``discard_answers.answer`` to refuse."""

    class Answers(list):
        answer = True

    answers = Answers()

    def fake(parent):
        answers.append(answers.answer)
        return answers.answer

    monkeypatch.setattr("ui.widgets.form.confirm_discard", fake)
    monkeypatch.setattr("ui.widgets.form.confirm", lambda *a: True)
    return answers


def focused() -> QWidget:
    """The widget that has the keyboard focus.

    The offscreen platform has no window manager: when a completion popup
    closes, the hidden popup (or nothing) stays the active window. Give the
    focus back to the dialog, as the window manager of a desktop does.
    """
    active = QApplication.activeWindow()
    if QApplication.activePopupWidget() is None and (active is None or not active.isVisible()):
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.activateWindow()
                QApplication.processEvents()
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the focus"
    return widget


def type_text(qtbot, text: str, widget: QWidget | None = None) -> None:
    """Type ``text`` into the focused widget. Vietnamese letters go as key events
    with Key_unknown, like an input method (QTest.keyClicks aborts on them)."""
    for ch in text:
        target = widget or focused()
        if ch.isascii():
            qtbot.keyClicks(target, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                QApplication.sendEvent(target, event)
        qtbot.wait(0)


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press one key on the focused widget (or the open completion popup), then let
    queued events run."""
    target = QApplication.activePopupWidget() or focused()
    qtbot.keyClick(target, key, modifier)
    qtbot.wait(1)


def open_dialog(qtbot, **kwargs) -> MeetingDialog:
    kwargs.setdefault("save", lambda m, ds: services.log_meeting(meeting=m, directives=ds))
    kwargs.setdefault("today", TODAY)
    dialog = MeetingDialog(None, **kwargs)
    show(qtbot, dialog)
    return dialog


def show(qtbot, dialog: QWidget) -> None:
    """Show a dialog as the active window, as exec() would."""
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()


def counts() -> tuple[int, int]:
    return queries.count_meetings(), queries.count_directives()


# --- logging a giao ban ---------------------------------------------------------------------


def test_log_giao_ban_with_three_directives_by_keyboard(qtbot, db_path):
    """Date typed, title accepted, three directives typed with Enter between cells
    and rows, leads chosen by keyboard, Ctrl+S: one meeting and three directives saved."""
    dialog = open_dialog(qtbot)
    assert focused() is dialog.held_on
    type_text(qtbot, "1-4-2021")
    press(qtbot, Qt.Key.Key_Tab)  # to Quý đánh giá: suggested from the date
    assert dialog.reviewed.text() == "Quý I-2021"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.title
    assert dialog.title.text() == (
        "Giao ban quý I-2021 với MTTQ và các đoàn thể chính trị - xã hội tỉnh"
    )
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Nội &dung chỉ đạo
    assert focused() is dialog.grid

    # Row 1: the default lead (the MTTQ group), deadline typed as "quý III/2021".
    type_text(qtbot, "Tham gia công tác bầu cử đại biểu Quốc hội khóa XV")
    press(qtbot, Qt.Key.Key_Return)  # → Chủ trì, prefilled
    press(qtbot, Qt.Key.Key_Return)  # → Phối hợp
    type_text(qtbot, "BDV")
    press(qtbot, Qt.Key.Key_Return)  # takes the typed name, → Thời hạn
    type_text(qtbot, "quý III/2021")
    press(qtbot, Qt.Key.Key_Return)  # → Chủ đề
    type_text(qtbot, "Bầu cử")
    press(qtbot, Qt.Key.Key_Return)  # last column: → row 2, Nội dung

    # Row 2: lead chosen from the completion list, standing task ("tx").
    assert dialog.grid.currentIndex().row() == 1
    type_text(qtbot, "Duy trì chế độ giao ban định kỳ")
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "dan van")  # no diacritics still finds "BDV" (Ban Dân vận Tỉnh ủy)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)  # takes the highlighted name
    press(qtbot, Qt.Key.Key_Return)  # commits, → Phối hợp
    press(qtbot, Qt.Key.Key_Tab)  # → Thời hạn
    type_text(qtbot, "tx")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)  # → row 3

    # Row 3: Ctrl+Enter from the content cell skips to the next row; defaults kept.
    type_text(qtbot, "Đẩy mạnh các phong trào thi đua")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.model.rowCount() == 4  # the fourth, empty, is ignored on save
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.messages()
    (meeting,) = queries.list_meetings()
    assert meeting.held_on == date(2021, 4, 1)
    assert meeting.reviewed_quarter == Quarter(2021, 1)
    assert meeting.title.startswith("Giao ban quý I-2021")
    assert len(meeting.attendee_ids) == 7  # every active organization, by default
    rows = queries.list_directives(queries.DirectiveFilter(meeting_id=meeting.id))
    assert [r.content for r in rows] == [
        "Tham gia công tác bầu cử đại biểu Quốc hội khóa XV",
        "Duy trì chế độ giao ban định kỳ",
        "Đẩy mạnh các phong trào thi đua",
    ]
    group = queries.find_owner_ids("MTTQ và các đoàn thể")
    bdv = queries.find_organization("BDV").id
    assert tuple(o.organization_id for o in rows[0].leads) == group
    assert [o.organization_id for o in rows[0].supports] == [bdv]
    assert rows[0].due == Quarter(2021, 3)
    assert rows[0].topics == ("Bầu cử",)
    assert [o.organization_id for o in rows[1].leads] == [bdv]
    assert rows[1].due is None
    assert [o.organization_id for o in rows[2].leads] == [bdv]  # the previous row's lead
    assert rows[2].due == Quarter(2021, 2)  # the meeting's quarter
