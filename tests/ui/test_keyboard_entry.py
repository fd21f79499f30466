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
from ui.dialogs.done import DoneDialog
from ui.widgets.form import confirm_discard as real_confirm_discard

from .test_meeting_dialog import discard_answers, focused, press, show, type_text  # noqa: F401

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


# --- organization names in the grid ----------------------------------------------------------


def open_meeting_dialog(qtbot):
    from .test_meeting_dialog import open_dialog

    return open_dialog(qtbot)


def type_lead(qtbot, dialog, text: str, key: Qt.Key) -> None:
    """Type the directive's content, then ``text`` in Chủ trì ended by ``key``."""
    from ui.views.directive_grid import Column

    dialog.grid.go_to(0, Column.CONTENT)
    type_text(qtbot, "Tổng kết công tác dân vận")
    press(qtbot, Qt.Key.Key_Return)  # → Chủ trì, its editor open with the default
    press(qtbot, Qt.Key.Key_Backspace)  # the prefilled text is selected: cleared
    type_text(qtbot, text)
    press(qtbot, key)


def saved_leads(qtbot) -> list[str]:
    """Ctrl+S, then the saved directive's lead short names from the database."""
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    (meeting,) = queries.list_meetings()
    (row,) = queries.list_directives(queries.DirectiveFilter(meeting_id=meeting.id))
    return [o.short_name for o in row.leads]


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Ban Dân vận", Qt.Key.Key_Return),  # the full name without "Tỉnh ủy"
        ("Ban Dân vận Tỉnh ủy", Qt.Key.Key_Return),  # the full name
        ("Ban Dân vận Tỉnh ủy", Qt.Key.Key_Tab),
        ("BDV", Qt.Key.Key_Tab),  # the short name
        ("dan van", Qt.Key.Key_Return),  # no diacritics, the one name offered
    ],
)
def test_lead_typed_as_full_or_short_name_is_saved(qtbot, db_path, typed, key):
    """Chủ trì takes the full name, its first words, the short name or the one
    suggestion offered, with Enter or Tab, while the suggestions are showing."""
    dialog = open_meeting_dialog(qtbot)
    type_lead(qtbot, dialog, typed, key)
    assert saved_leads(qtbot) == ["BDV"], dialog.messages()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Ban Dân vận", "BDV"),
        ("Hội Nông dân", "Hội ND"),
        ("Liên đoàn Lao động, Ban Dân vận", "LĐLĐ tỉnh, BDV"),
        ("mttq va cac doan the", "MTTQ và các đoàn thể"),
    ],
)
def test_full_name_without_its_tail_is_read_with_the_popup_closed(
    qtbot, db_path, typed, expected
):
    """The first words of exactly one full name are that organization, also when
    no suggestion list is showing."""
    from ui.views.directive_grid import Column

    dialog = open_meeting_dialog(qtbot)
    dialog.grid.go_to(0, Column.SUPPORTS)
    type_text(qtbot, typed)
    popup = QApplication.activePopupWidget()
    if popup is not None:
        popup.hide()
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.model.row(0).supports == expected
    assert not dialog.model.row(0).problems


def test_highlighted_suggestion_is_taken_with_tab(qtbot, db_path):
    """Down highlights a suggestion among several ("hoi" → Hội ND, …); Tab takes it."""
    dialog = open_meeting_dialog(qtbot)
    from ui.views.directive_grid import Column

    dialog.grid.go_to(0, Column.CONTENT)
    type_text(qtbot, "Tổng kết công tác dân vận")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Backspace)
    type_text(qtbot, "hoi")
    popup = QApplication.activePopupWidget()
    assert popup is not None and popup.model().rowCount() > 1
    press(qtbot, Qt.Key.Key_Down)
    label = popup.currentIndex().data().split(" — ")[0]
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.model.row(0).leads == label
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    (meeting,) = queries.list_meetings()
    (row,) = queries.list_directives(queries.DirectiveFilter(meeting_id=meeting.id))
    assert tuple(o.organization_id for o in row.leads) == queries.find_owner_ids(label)


def test_ambiguous_beginning_says_which_names_fit(qtbot, db_path):
    """ "Hội" alone fits several organizations: kept as typed, refused, naming them."""
    dialog = open_meeting_dialog(qtbot)
    type_lead(qtbot, dialog, "Hội", Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert dialog.messages()["directives"] == (
        'Dòng 1, cột Chủ trì: Tên "Hội" có thể là Hội ND, Hội LHPN, Hội CCB. '
        "Hãy gõ rõ hơn, hoặc chọn trong danh sách gợi ý."
    )
    assert queries.count_meetings() == 0


def test_suggestion_popup_stays_inside_the_dialog(qtbot, db_path):
    """In a narrow dialog the suggestion list is as wide as its names allow but no
    wider than the dialog, and lies inside it (and inside the screen)."""
    from ui.views.directive_grid import Column

    dialog = open_meeting_dialog(qtbot)
    dialog.resize(620, dialog.height())
    qtbot.wait(10)
    dialog.grid.go_to(0, Column.SUPPORTS)
    type_text(qtbot, "t")  # every name with a "t": long full names
    popup = QApplication.activePopupWidget()
    assert popup is not None and popup.isVisible()
    frame = dialog.frameGeometry()
    screen = dialog.screen().availableGeometry()
    shown = popup.geometry()
    assert frame.left() <= shown.left() and shown.right() <= frame.right(), (frame, shown)
    assert screen.contains(shown), (screen, shown)
    names_width = popup.sizeHintForColumn(0)
    assert shown.width() >= min(names_width, frame.width()) - 4, (names_width, shown)


# --- Escape in the grid, Escape on a dialog ----------------------------------------------------


def test_escape_in_a_cell_restores_it_and_ctrl_z_brings_the_text_back(qtbot, db_path):
    """Esc while typing a sentence puts back the cell's previous text and keeps the
    editor open; Ctrl+Z brings the sentence back and Enter saves it in the row."""
    from ui.views.directive_grid import Column

    dialog = open_meeting_dialog(qtbot)
    dialog.grid.go_to(0, Column.CONTENT)
    type_text(qtbot, "Tổng kết công tác dân vận")
    editor = focused()
    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.grid.state() == dialog.grid.State.EditingState
    assert focused() is editor and editor.text() == ""
    assert "Ctrl+Z" in dialog.grid_hint.message()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == "Tổng kết công tác dân vận"
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.model.row(0).content == "Tổng kết công tác dân vận"


def test_escape_on_an_edited_cell_restores_the_saved_text(qtbot, db_path, discard_answers):  # noqa: F811
    """Esc while changing a cell's sentence gives back the sentence it had; two more
    Esc close the editor and then ask before closing the dialog."""
    from ui.views.directive_grid import Column

    dialog = open_meeting_dialog(qtbot)
    dialog.grid.go_to(0, Column.CONTENT)
    type_text(qtbot, "Tổng kết công tác dân vận")
    press(qtbot, Qt.Key.Key_Return)  # committed, → Chủ trì
    dialog.grid.go_to(0, Column.CONTENT)
    press(qtbot, Qt.Key.Key_F2)
    press(qtbot, Qt.Key.Key_Backspace)
    type_text(qtbot, "Sai")
    press(qtbot, Qt.Key.Key_Escape)
    assert focused().text() == "Tổng kết công tác dân vận"
    discard_answers.answer = False
    press(qtbot, Qt.Key.Key_Escape)  # closes the editor
    assert discard_answers == []
    press(qtbot, Qt.Key.Key_Escape)  # the dialog asks
    assert discard_answers == [False]
    assert dialog.isVisible()
    assert dialog.model.row(0).content == "Tổng kết công tác dân vận"


def test_deadline_typed_equal_to_the_default_is_shown_as_a_value(qtbot, db_path):
    """ "Quý II-2021" typed where the default is Quý II-2021 shows as typed text (not
    the greyed italic default) and stays when the meeting date moves to July."""
    from ui.views.directive_grid import Column

    dialog = open_meeting_dialog(qtbot)  # today 05/04/2021: default Quý II-2021
    index = dialog.model.index(0, Column.DUE)
    assert index.data(Qt.ItemDataRole.FontRole) is not None  # the default: italic
    dialog.grid.go_to(0, Column.DUE)
    press(qtbot, Qt.Key.Key_F2)
    press(qtbot, Qt.Key.Key_Backspace)
    type_text(qtbot, "quý II/2021")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.model.row(0).due == "Quý II-2021"
    assert index.data(Qt.ItemDataRole.FontRole) is None
    assert index.data(Qt.ItemDataRole.ForegroundRole) is None
    dialog.held_on.setFocus()
    dialog.held_on.selectAll()
    type_text(qtbot, "1/7/2021")
    assert index.data() == "Quý II-2021"


def test_second_escape_on_the_question_does_not_close(qtbot, sample_db, monkeypatch):
    """With a result typed, Esc asks (a real message box); Esc on the question keeps
    the dialog and the text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from ui.widgets import form

    monkeypatch.setattr(form, "confirm_discard", real_confirm_discard)
    dialog = done_dialog(qtbot)
    dialog.note.setFocus()
    type_text(qtbot, RESULT)
    asked: list[str] = []

    def answer_with_escape() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        shown = [b for b in boxes if b.isVisible()]
        if shown:
            asked.append(shown[0].text())
            qtbot.keyClick(shown[0], Qt.Key.Key_Escape)
        elif len(asked) < 1:
            QTimer.singleShot(20, answer_with_escape)

    QTimer.singleShot(20, answer_with_escape)
    try:
        press(qtbot, Qt.Key.Key_Escape)
        assert asked == ["Các nội dung đã nhập chưa được lưu. Đóng cửa sổ và bỏ các nội dung này?"]
        assert dialog.isVisible()
        assert dialog.note.toPlainText() == RESULT
    finally:
        dialog.note.clear()  # closing at the end of the test must not ask


# --- every dialog: no button that Enter or typing presses by surprise ----------------------------


def _dialogs(sample_db):
    """Each dialog of the application, built on the sample data, with the name of
    the button Enter may press from a text field (None: no button)."""
    from tracker.quarters import Quarter
    from tracker.settings import ReportSettings
    from ui.dialogs.backup import RestoreDialog
    from ui.dialogs.directive import DirectiveDialog
    from ui.dialogs.extend import ExtendDialog
    from ui.dialogs.meeting import MeetingDialog
    from ui.dialogs.note import NoteDialog
    from ui.dialogs.organizations import OrganizationsDialog
    from ui.dialogs.settings import SettingsDialog
    from ui.report.dialog import ReportDialog

    row = sample_row(2)
    ignore = lambda *a, **k: None  # noqa: E731
    yield DoneDialog(None, save=ignore, directive=row, today=AFTER), None
    yield DirectiveDialog(None, save=ignore, directive=row, default_due=Quarter(2021, 2)), None
    yield ExtendDialog(None, save=ignore, directive=row), "save_button"
    yield NoteDialog(None, save=ignore, directive=row), None
    yield SettingsDialog(None, settings=ReportSettings(), save=ignore), "save_button"
    yield OrganizationsDialog(None, run=lambda fn, **kw: fn(**kw)), None
    yield MeetingDialog(None, save=ignore, today=AFTER), None
    yield RestoreDialog(None, db_path=sample_db), None
    yield ReportDialog(None, as_of=AFTER), None


def test_no_dialog_has_an_auto_default_button(qtbot, sample_db):
    """Once shown, no push button of any dialog is auto-default, and only the
    dialogs meant to save on Enter (one-line forms) have a default button."""
    for dialog, default_name in _dialogs(sample_db):
        show(qtbot, dialog)
        buttons = dialog.findChildren(QPushButton)
        assert buttons, type(dialog).__name__
        assert [b.text() for b in buttons if b.autoDefault()] == [], type(dialog).__name__
        defaults = [b for b in buttons if b.isDefault()]
        expected = [getattr(dialog, default_name)] if default_name else []
        assert defaults == expected, (type(dialog).__name__, [b.text() for b in defaults])
        dialog.hide()


def test_letters_on_a_button_reach_the_field_before_it_when_none_was_typed_in(qtbot):
    """A dialog whose focus starts on a button: letters typed go to the text field
    before it in the tab order, not nowhere."""
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    from ui.widgets.keyboard_safety import KeyboardSafety

    dialog = QDialog()
    field = QLineEdit(dialog)
    button = QPushButton("OK", dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addWidget(button)
    KeyboardSafety.install(dialog)
    button.setFocus()
    show(qtbot, dialog)
    assert focused() is button
    type_text(qtbot, "Kết quả")
    assert field.text() == "Kết quả" and focused() is field
    assert not button.autoDefault() and not button.isDefault()


def test_typing_on_through_a_stray_tab_never_presses_save(qtbot, sample_db):
    """Typing the result, a Tab by mistake, then " tới 100% cơ sở": the space and the
    words go on in Kết quả; nothing is saved until Ctrl+Enter."""
    dialog = done_dialog(qtbot)
    dialog.note.setFocus()
    type_text(qtbot, "Đã tổ chức hội nghị triển khai")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.save_button
    type_text(qtbot, " tới 100% cơ sở")
    assert dialog.isVisible()
    assert dialog.note.toPlainText() == "Đã tổ chức hội nghị triển khai tới 100% cơ sở"
    assert queries.directive(sample_row(1).id).status is Status.OPEN
    ctrl_enter(qtbot)
    saved = queries.directive(sample_row(1).id)
    assert {o.result_note for o in saved.leads} == {
        "Đã tổ chức hội nghị triển khai tới 100% cơ sở"
    }


def test_space_on_a_button_reached_deliberately_presses_it(qtbot, sample_db, monkeypatch):
    """After a pause (or when nothing was being typed), Tab to the save button and
    Space saves, as keyboard users expect; a rescued space is given back only once."""
    from ui.widgets import keyboard_safety

    dialog = done_dialog(qtbot)
    dialog.note.setFocus()
    type_text(qtbot, "Đã xong")
    monkeypatch.setattr(keyboard_safety, "TYPING_PAUSE_S", 0.0)  # the clerk paused
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.save_button
    press(qtbot, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    saved = queries.directive(sample_row(1).id)
    assert {o.result_note for o in saved.leads} == {"Đã xong"}


def test_second_space_after_a_rescue_presses_the_button(qtbot, sample_db):
    """Typing, Tab, Space (given back to Kết quả), Tab, Space: the second time the
    button is pressed — a keyboard user is never stuck."""
    dialog = done_dialog(qtbot)
    dialog.note.setFocus()
    type_text(qtbot, "Đã xong")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.isVisible() and focused() is dialog.note
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    saved = queries.directive(sample_row(1).id)
    assert {o.result_note for o in saved.leads} == {"Đã xong"}  # the trailing space trimmed
