"""The giao ban dialog driven like a clerk would: keyboard only, then the database checked."""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tracker import queries, services
from tracker.quarters import Quarter
from ui.dialogs.meeting import MeetingDialog
from ui.views.directive_grid import Column

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


def _alive_and_visible(widget: QWidget | None) -> bool:
    try:
        return widget is not None and widget.isVisible()
    except RuntimeError:  # a completion popup deleted with its editor
        return False


def focused() -> QWidget:
    """The widget that has the keyboard focus.

    The offscreen platform has no window manager: when a completion popup
    closes, the hidden popup (or nothing) stays the active window. Give the
    focus back to the dialog, as the window manager of a desktop does.
    """
    active = QApplication.activeWindow()
    if QApplication.activePopupWidget() is None and not _alive_and_visible(active):
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
    """Show a dialog (or any widget) as the active window, as exec() would."""
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
    press(qtbot, Qt.Key.Key_Tab)  # Số thông báo kết luận: not known yet
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


def edit_cell(qtbot, dialog: MeetingDialog, row: int, column: Column, text: str) -> None:
    """Go to a cell and replace its text by typing, then Enter."""
    dialog.grid.go_to(row, column)
    press(qtbot, Qt.Key.Key_F2)  # opens the editor with its text selected
    press(qtbot, Qt.Key.Key_Backspace)
    type_text(qtbot, text)
    QApplication.activePopupWidget() and QApplication.activePopupWidget().hide()
    press(qtbot, Qt.Key.Key_Return)


def save_refused(qtbot, dialog: MeetingDialog) -> dict[str, str]:
    """Press Ctrl+S, check the dialog stayed open and nothing was saved; return the
    messages shown, by field."""
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert counts() == (0, 0)
    return dialog.messages()


# --- bad input: a message beside the field, nothing saved ----------------------------------


def test_row_without_content_is_refused(qtbot, db_path):
    """A row with a supporting organization but no content shows "Dòng 1: hãy ghi
    nội dung chỉ đạo." beside the grid, selects the cell and saves nothing."""
    dialog = open_dialog(qtbot)
    edit_cell(qtbot, dialog, 0, Column.SUPPORTS, "BDV")
    messages = save_refused(qtbot, dialog)
    assert messages["directives"] == "Dòng 1: hãy ghi nội dung chỉ đạo."
    assert dialog.grid.currentIndex().row() == 0
    assert dialog.grid.currentIndex().column() == Column.CONTENT
    assert dialog.model.row(0).supports == "BDV"  # kept


def test_row_without_lead_is_refused(qtbot, db_path):
    """Clearing the lead organization of a row refuses the save with a per-row message."""
    dialog = open_dialog(qtbot)
    edit_cell(qtbot, dialog, 0, Column.CONTENT, "Tổng kết công tác dân vận")
    edit_cell(qtbot, dialog, 0, Column.LEADS, "")
    messages = save_refused(qtbot, dialog)
    assert messages["directives"] == "Dòng 1: hãy chọn cơ quan chủ trì."
    assert dialog.grid.currentIndex().column() == Column.LEADS


def test_unknown_organization_is_kept_and_refused(qtbot, db_path):
    """A lead that is no known organization stays as typed, marked, and is refused."""
    dialog = open_dialog(qtbot)
    edit_cell(qtbot, dialog, 0, Column.CONTENT, "Tổng kết công tác dân vận")
    edit_cell(qtbot, dialog, 0, Column.LEADS, "Sở Xây dựng")
    messages = save_refused(qtbot, dialog)
    assert messages["directives"].startswith('Dòng 1, cột Chủ trì: Không có tổ chức hay nhóm "Sở')
    index = dialog.model.index(0, Column.LEADS)
    assert index.data() == "Sở Xây dựng"
    assert "Sở Xây dựng" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_deadline_year_out_of_range_is_refused(qtbot, db_path):
    """ "Quý II-1800" as a deadline is refused with the year range, beside the grid."""
    dialog = open_dialog(qtbot)
    edit_cell(qtbot, dialog, 0, Column.CONTENT, "Tổng kết công tác dân vận")
    edit_cell(qtbot, dialog, 0, Column.DUE, "Quý II-1800")
    messages = save_refused(qtbot, dialog)
    assert messages["directives"] == (
        "Dòng 1, cột Thời hạn: Năm phải từ 1945 đến 2100, không phải 1800."
    )
    assert dialog.model.row(0).due == "Quý II-1800"


def test_date_that_does_not_exist_is_refused(qtbot, db_path):
    """31/02/2021 is shown as a date that does not exist, beside the date field."""
    dialog = open_dialog(qtbot)
    type_text(qtbot, "31/02/2021")
    press(qtbot, Qt.Key.Key_Tab)  # leaving the field already says so
    assert dialog.message("held_on").message() == 'Ngày "31/02/2021" không có thật.'
    messages = save_refused(qtbot, dialog)
    assert messages["held_on"] == 'Ngày "31/02/2021" không có thật.'
    assert focused() is dialog.held_on


def test_meeting_date_far_in_future_is_refused(qtbot, db_path):
    """A meeting dated 2090 is refused beside the date: the year is surely a typo."""
    dialog = open_dialog(qtbot)
    type_text(qtbot, "1/4/2090")
    messages = save_refused(qtbot, dialog)
    assert messages["held_on"] == (
        "Ngày giao ban 01/04/2090 ở quá xa trong tương lai; hãy kiểm tra lại năm."
    )


def test_empty_title_is_refused(qtbot, db_path):
    """An emptied title is refused beside the title field."""
    dialog = open_dialog(qtbot)
    dialog.title.setFocus()
    dialog.title.selectAll()
    press(qtbot, Qt.Key.Key_Backspace)
    assert save_refused(qtbot, dialog)["title"] == "Hãy ghi tiêu đề cuộc giao ban."


def test_error_from_save_is_shown_beside_its_field(qtbot, db_path):
    """A TrackerError raised by save() appears beside the field it names, or at the
    top when it names none; the dialog stays open with everything typed."""
    from tracker.errors import DatabaseBusyError, ValidationError

    errors = [
        ValidationError("Số thông báo quá dài.", field="notice_ref"),
        DatabaseBusyError("Bận."),
    ]

    def save(meeting, directives):
        raise errors.pop(0)

    dialog = open_dialog(qtbot, save=save)
    edit_cell(qtbot, dialog, 0, Column.CONTENT, "Tổng kết công tác dân vận")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.messages() == {"notice_ref": "Số thông báo quá dài."}
    assert focused() is dialog.notice_ref
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.messages() == {"": "Bận."}
    assert dialog.isVisible()
    assert dialog.model.row(0).content == "Tổng kết công tác dân vận"


# --- closing, editing, small behaviours ---------------------------------------------------


def test_closing_with_unsaved_text_asks_first(qtbot, db_path, discard_answers):
    """Esc with a directive typed asks "Bỏ các nội dung đã nhập?" (after a first Esc
    leaves the cell being edited); refusing keeps the dialog and the text, accepting
    closes it and saves nothing."""
    dialog = open_dialog(qtbot)
    edit_cell(qtbot, dialog, 0, Column.CONTENT, "Tổng kết công tác dân vận")
    discard_answers.answer = False
    assert dialog.grid.state() == dialog.grid.State.EditingState  # Enter opened Chủ trì
    press(qtbot, Qt.Key.Key_Escape)  # the first Esc only leaves the cell
    assert discard_answers == []
    press(qtbot, Qt.Key.Key_Escape)
    assert discard_answers == [False]
    assert dialog.isVisible()
    dialog.close()  # the window's close button asks too
    assert discard_answers == [False, False]
    assert dialog.isVisible()
    discard_answers.answer = True
    press(qtbot, Qt.Key.Key_Escape)
    assert discard_answers == [False, False, True]
    assert not dialog.isVisible()
    assert counts() == (0, 0)


def test_closing_untouched_dialog_does_not_ask(qtbot, db_path, discard_answers):
    """Esc on the dialog as it opened closes it without a question."""
    dialog = open_dialog(qtbot)
    press(qtbot, Qt.Key.Key_Escape)
    assert discard_answers == []
    assert not dialog.isVisible()


def test_title_follows_date_until_edited(qtbot, db_path):
    """The suggested title follows the date; once the clerk types a title it stays."""
    dialog = open_dialog(qtbot)
    type_text(qtbot, "6/10/2022")
    assert dialog.reviewed.text() == "Quý III-2022"
    assert dialog.title.text().startswith("Giao ban quý III-2022 ")
    assert dialog.model.index(0, Column.DUE).data() == "Quý IV-2022"
    dialog.title.setFocus()
    dialog.title.selectAll()
    type_text(qtbot, "Giao ban chuyên đề")
    dialog.held_on.setFocus()
    dialog.held_on.selectAll()
    type_text(qtbot, "5/1/2023")
    assert dialog.title.text() == "Giao ban chuyên đề"
    assert dialog.reviewed.text() == "Quý IV-2022"


def test_delete_key_removes_an_empty_row(qtbot, db_path):
    """Delete on an empty row removes it; on a row with text it does nothing."""
    dialog = open_dialog(qtbot)
    edit_cell(qtbot, dialog, 0, Column.CONTENT, "Tổng kết công tác dân vận")
    dialog.grid.next_row()
    dialog.grid.commit_editor()
    assert dialog.model.rowCount() == 2
    press(qtbot, Qt.Key.Key_Delete)
    assert dialog.model.rowCount() == 1
    press(qtbot, Qt.Key.Key_Delete)
    assert dialog.model.rowCount() == 1
    assert dialog.model.row(0).content == "Tổng kết công tác dân vận"


def test_edit_meeting_header(qtbot, sample_db):
    """Editing a saved giao ban changes its header through update_meeting; the grid
    is read-only and save() gets no directives."""
    meeting = queries.list_meetings()[0]
    directives = queries.list_directives(queries.DirectiveFilter(meeting_id=meeting.id))
    calls = []

    def save(draft, drafts):
        calls.append(drafts)
        services.update_meeting(
            meeting_id=meeting.id, meeting=draft, expected_version=meeting.version
        )

    dialog = open_dialog(qtbot, save=save, meeting=meeting, directives=directives)
    assert dialog.model.rowCount() == len(directives)
    assert not dialog.model.flags(dialog.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert dialog.title.text() == meeting.title  # no suggestion over a saved title
    dialog.notice_ref.setFocus()
    type_text(qtbot, "125-TB/TU")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert calls == [[]]
    saved = queries.meeting(meeting.id)
    assert saved.notice_ref == "125-TB/TU"
    assert saved.attendee_ids == meeting.attendee_ids
    assert saved.directive_count == len(directives)


def test_entry_model_passes_qtmodeltester(qtmodeltester, db_path):
    """The entry model behaves as Qt expects, also after rows are added and removed."""
    from ui.views.directive_grid import DirectiveEntryModel
    from ui.widgets import OrgCatalog

    model = DirectiveEntryModel(OrgCatalog.load(), default_due=Quarter(2021, 2))
    model.setData(model.index(0, Column.CONTENT), "Nội dung")
    model.insert_row(1)
    model.setData(model.index(1, Column.DUE), "tx")
    qtmodeltester.check(model)
    model.remove_row(0)
    qtmodeltester.check(model)


def test_deadline_problem_shows_while_typing(qtbot, db_path):
    """Typing a deadline the parser rejects shows why beside the grid before Enter;
    a fixed deadline clears it."""
    dialog = open_dialog(qtbot)
    dialog.grid.go_to(0, Column.DUE)
    press(qtbot, Qt.Key.Key_F2)
    type_text(qtbot, "quý V")
    assert dialog.grid_hint.message() == 'Không có quý "V" (trong "quý V"): quý chỉ từ I đến IV.'
    press(qtbot, Qt.Key.Key_Backspace)
    type_text(qtbot, "IV")
    assert dialog.grid_hint.message() == ""


def test_tab_leaves_the_grid_after_its_last_cell(qtbot, db_path):
    """Tab walks the cells and, from the last one, moves on to the Lưu button."""
    dialog = open_dialog(qtbot)
    dialog.grid.go_to(0, Column.DUE)
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.grid.currentIndex().column() == Column.TOPICS
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.save_button


def test_date_field_reads_short_forms_and_offers_a_calendar(qtbot):
    """ "1/4" takes the default year and is rewritten as 01/04/2021 on leaving;
    Alt+Down opens a calendar whose Enter sets the date."""
    from ui.widgets import DateField

    field = DateField()
    field.set_default_year(2021)
    show(qtbot, field)
    type_text(qtbot, "1/4")
    assert field.date() == date(2021, 4, 1)
    field.validate()
    assert field.text() == "01/04/2021"
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = QApplication.activePopupWidget()
    assert popup is not None
    days = popup.focusWidget()  # the calendar's table of days
    qtbot.keyClick(days, Qt.Key.Key_Right)
    qtbot.keyClick(days, Qt.Key.Key_Return)
    assert field.date() == date(2021, 4, 2)


def test_row_resembling_an_open_directive_is_marked_and_still_saved(qtbot, sample_db):
    """A typed row that repeats an open directive (other case, a word added) is marked
    with the existing directive and its giao ban; the save goes through all the same."""
    dialog = open_dialog(qtbot)
    edit_cell(
        qtbot, dialog, 0, Column.CONTENT, "Tập trung triển khai thực hiện tốt hơn việc tham "
        "gia công tác bầu cử"
    )
    warning = dialog.model.duplicate(0)
    assert "#1" in warning and "01/04/2021" in warning and "bầu cử" in warning
    index = dialog.model.index(0, Column.CONTENT)
    assert dialog.model.data(index, Qt.ItemDataRole.ToolTipRole) == warning
    assert dialog.model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    edit_cell(qtbot, dialog, 0, Column.CONTENT, "Một việc khác hẳn về giao thông nông thôn")
    assert dialog.model.duplicate(0) == ""
    edit_cell(qtbot, dialog, 0, Column.CONTENT, "TẬP TRUNG TRIỂN KHAI THỰC HIỆN TỐT VIỆC THAM "
              "GIA CÔNG TÁC BẦU CỬ")  # fmt: skip
    assert dialog.model.duplicate(0)
    before = counts()
    assert dialog.save_form()
    assert counts() == (before[0] + 1, before[1] + 1)
