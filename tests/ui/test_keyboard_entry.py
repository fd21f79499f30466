"""Keyboard entry that cannot lose text: tab order, buttons that typing cannot press,
Ctrl+Enter, organization names, Escape in the grid. Driven by keys, database checked."""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QPushButton

from tracker import queries, services
from tracker.rows import Status
from ui.done_dialog import DoneDialog

from .test_meeting_dialog import discard_answers, focused, press, show, type_text  # noqa: F401,F811

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")

AFTER = date(2021, 7, 10)  # a day after the sample giao ban of 1 April 2021
RESULT = "Đã tổ chức hội nghị triển khai ngày 15/4, có báo cáo số 25-BC/MTTQ"


def sample_row(position: int):
    """The sample giao ban's directive number ``position``."""
    meeting = queries.list_meetings()[0]
    rows = queries.list_directives(queries.DirectiveFilter(meeting_id=meeting.id))
    return next(r for r in rows if r.position == position)


def done_dialog(qtbot, position: int = 1) -> DoneDialog:
    """The done dialog on a sample directive (number 1 has six leads), saving for real."""
    row = sample_row(position)
    dialog = DoneDialog(
        None,
        save=lambda on, note, org: services.mark_done(
            directive_ids=[row.id], on=on, note=note, organization_id=org
        ),
        directive=row,
        today=AFTER,
    )
    show(qtbot, dialog)
    return dialog


def ctrl_enter(qtbot) -> None:
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


# --- the done dialog --------------------------------------------------------------------------


def test_done_dialog_tab_order_is_date_organization_result_buttons(qtbot, sample_db):
    """Tab walks Ngày → Cơ quan → Kết quả → the save button → Hủy, as they read."""
    dialog = done_dialog(qtbot)
    seen = [focused()]
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(focused())
    assert seen == [
        dialog.done_on,
        dialog.organization,
        dialog.note,
        dialog.save_button,
        dialog.cancel_button,
    ]


def test_done_dialog_single_lead_skips_the_hidden_organization(qtbot, sample_db):
    """With one lead there is no organization choice: Tab goes Ngày → Kết quả."""
    dialog = done_dialog(qtbot, position=10)  # led by BDV alone
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.note


def test_done_dialog_result_typed_by_keyboard_is_saved_with_ctrl_enter(qtbot, sample_db):
    """Date, Tab, Tab, a sentence with spaces, Ctrl+Enter: done on that date with the
    whole sentence as the result."""
    dialog = done_dialog(qtbot)
    type_text(qtbot, "5/7")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, RESULT)
    assert dialog.isVisible()  # no space pressed any button
    ctrl_enter(qtbot)
    assert not dialog.isVisible()
    saved = queries.directive(sample_row(1).id)
    assert saved.status is Status.DONE
    assert {o.result_note for o in saved.leads} == {RESULT}
    assert {o.done_on for o in saved.leads} == {date(2021, 7, 5)}


def test_letters_typed_on_the_save_button_go_to_the_result(qtbot, sample_db):
    """One Tab too many lands on the save button; the sentence typed there goes into
    Kết quả (letters and spaces) and nothing is saved until Ctrl+Enter."""
    dialog = done_dialog(qtbot)
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.save_button
    type_text(qtbot, "Đã tổ chức hội nghị")
    assert dialog.isVisible()
    assert focused() is dialog.note
    assert dialog.note.toPlainText() == "Đã tổ chức hội nghị"
    assert queries.directive(sample_row(1).id).status is Status.OPEN
    ctrl_enter(qtbot)
    saved = queries.directive(sample_row(1).id)
    assert {o.result_note for o in saved.leads} == {"Đã tổ chức hội nghị"}


def test_enter_in_the_date_moves_on_and_never_saves(qtbot, sample_db):
    """Enter in the date goes to the next field; the dialog has no default button."""
    dialog = done_dialog(qtbot)
    assert not any(b.isDefault() or b.autoDefault() for b in dialog.findChildren(QPushButton))
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert focused() is dialog.organization
    assert queries.directive(sample_row(1).id).status is Status.OPEN


def test_enter_on_a_focused_button_presses_that_button(qtbot, sample_db):
    """Enter on the focused Hủy closes without saving (it does not press another button)."""
    dialog = done_dialog(qtbot)
    dialog.cancel_button.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert queries.directive(sample_row(1).id).status is Status.OPEN


def _grab(widget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


@pytest.fixture
def app_style(qapp):
    """The application's style sheet, as ui.app applies it at start-up."""
    from ui import assets

    qapp.setStyleSheet(assets.stylesheet())
    yield
    qapp.setStyleSheet("")


def test_focused_button_is_visibly_different(qtbot, sample_db, app_style):
    """With the application's style, the button with the keyboard focus is drawn
    clearly differently from the same button without it."""
    dialog = done_dialog(qtbot)
    plain = _grab(dialog.save_button)
    dialog.save_button.setFocus(Qt.FocusReason.TabFocusReason)
    assert focused() is dialog.save_button
    lit = _grab(dialog.save_button)
    assert plain.size() == lit.size()
    differing = sum(
        plain.pixel(x, y) != lit.pixel(x, y)
        for x in range(0, plain.width(), 2)
        for y in range(0, plain.height(), 2)
    )
    assert differing > (plain.width() * plain.height() // 4) // 10  # not a faint dotted line
