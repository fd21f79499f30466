"""The main window driven with keys and clicks; every test checks the database afterwards."""

from __future__ import annotations

import subprocess
import sys
import warnings
from datetime import date
from pathlib import Path

import pytest

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from tests.chase_oracle import chase_list
from tracker import queries
from tracker.queries import DirectiveFilter, StatusFilter
from tracker.rows import HistoryKind, Role, Status
from ui import messages
from ui.main_window import TAB_ALL, TAB_CHASE, TAB_MEETING, MainWindow

from .conftest import AS_OF


def _type(widget, text: str) -> None:  # noqa: ANN001
    """Type text one key event per character (non-ASCII keyClicks would abort Qt)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def _statuses() -> dict[int, Status]:
    return {r.id: r.status for r in queries.list_directives(DirectiveFilter(as_of=AS_OF))}


def _select_directive_row(qtbot, window: MainWindow, row: int) -> int:  # noqa: ANN001
    window.tabs.setCurrentIndex(TAB_MEETING)
    table = window.meeting_table
    table.setFocus()
    table.selectRow(row)
    return table.directive_model().row(row).id


def test_first_run_panel_on_empty_database(qtbot, db_path: Path) -> None:
    """An empty database shows the first-run panel with its two ways to start."""
    w = MainWindow(as_of=AS_OF)
    qtbot.addWidget(w)
    w.show()
    assert w.pages.currentWidget() is w.first_run
    assert w.first_run.create_button.isVisible()
    assert not w.actions.mark_done_today.isEnabled()


def test_first_run_sample_button_loads_the_sample(qtbot, db_path: Path) -> None:
    """Clicking "Nạp dữ liệu mẫu" fills the database and opens the normal views."""
    w = MainWindow(as_of=AS_OF)
    qtbot.addWidget(w)
    w.show()
    qtbot.mouseClick(w.first_run.sample_button, Qt.MouseButton.LeftButton)
    assert queries.count_meetings() == 1
    assert w.pages.currentWidget() is w.main_splitter
    assert w.meeting_model.rowCount() == 1
    assert w.meeting_directives.rowCount() == 11


def test_opens_on_the_chase_list(window: MainWindow) -> None:
    """With data, the window opens on "Cần đôn đốc", each directive once; by organization
    the groups are open."""
    assert window.tabs.currentIndex() == TAB_CHASE
    to_chase = queries.DirectiveFilter(status=StatusFilter.TO_CHASE, as_of=AS_OF)
    assert window.chase_directives.rowCount() == queries.count_directives(to_chase) == 9
    assert "9 nội dung cần đôn đốc" in window.count_label.text()
    window.chase_page.by_organization.click()
    groups = chase_list(as_of=AS_OF)
    assert window.chase_model.rowCount() == len(groups)
    first = window.chase_model.index(0, 0)
    assert window.chase_view.isExpanded(first)
    assert window.chase_model.rowCount(first) == len(groups[0][1])
    assert "cần đôn đốc" in window.count_label.text()


def test_ctrl_d_marks_selected_directive_done_today(qtbot, window: MainWindow) -> None:
    """Ctrl+D on a selected directive marks it done (as of the window's today)."""
    did = _select_directive_row(qtbot, window, 2)
    qtbot.keyClick(window.meeting_table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    row = queries.directive(did)
    assert row.status is Status.DONE
    assert row.done_on == AS_OF
    assert window.meeting_directives.row(2).status is Status.DONE


def test_mark_done_with_result_note(qtbot, window: MainWindow, monkeypatch) -> None:  # noqa: ANN001
    """Ctrl+Shift+D asks a date and a result note; both are saved and shown."""
    from ui.dialogs.done import DoneDialog

    def fake_ask(parent, *, save, directive, today=None, organization_id=None):  # noqa: ANN001, ANN202
        save(date(2021, 6, 30), "Đã tổ chức 12 hội nghị", organization_id)
        return True

    monkeypatch.setattr(DoneDialog, "ask", staticmethod(fake_ask))
    did = _select_directive_row(qtbot, window, 4)
    qtbot.keyClick(
        window.meeting_table,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    row = queries.directive(did)
    assert row.status is Status.DONE
    assert row.done_on == date(2021, 6, 30)
    assert all(o.result_note == "Đã tổ chức 12 hội nghị" for o in row.leads)
    assert window.meeting_directives.row(4).latest_note == "Đã tổ chức 12 hội nghị"


def test_undo_and_redo_a_status_change(qtbot, window: MainWindow) -> None:
    """Ctrl+Z puts the database back as it was; Ctrl+Y applies the change again."""
    before = _statuses()
    did = _select_directive_row(qtbot, window, 0)
    qtbot.keyClick(window.meeting_table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert _statuses()[did] is Status.DONE
    qtbot.keyClick(window.meeting_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _statuses() == before
    assert window.meeting_directives.row(0).status is Status.OPEN
    qtbot.keyClick(window.meeting_table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _statuses()[did] is Status.DONE


def test_delete_directive_after_confirming(qtbot, window: MainWindow, monkeypatch) -> None:  # noqa: ANN001
    """Delete asks first; yes removes the directive, and Ctrl+Z brings it back."""
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: asked.append(a) or True)
    did = _select_directive_row(qtbot, window, 5)
    qtbot.keyClick(window.meeting_table, Qt.Key.Key_Delete)
    assert asked
    assert did not in queries.directive_ids()
    assert window.meeting_directives.rowCount() == 10
    qtbot.keyClick(window.meeting_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert did in queries.directive_ids()
    assert window.meeting_directives.rowCount() == 11


def test_declining_the_confirmation_deletes_nothing(qtbot, window: MainWindow, monkeypatch) -> None:  # noqa: ANN001,E501
    """Answering no to the delete question leaves the database as it was."""
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: False)
    _select_directive_row(qtbot, window, 5)
    qtbot.keyClick(window.meeting_table, Qt.Key.Key_Delete)
    assert len(queries.directive_ids()) == 11


def test_filter_all_directives_by_organization(qtbot, window: MainWindow) -> None:
    """Choosing an organization shows exactly its directives, and the status bar counts them."""
    window.tabs.setCurrentIndex(TAB_ALL)
    bdv = queries.find_organization("BDV").id
    combo = window.filter_bar.organization
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(bdv))
    expected = queries.directive_ids(DirectiveFilter(organization_id=bdv))
    assert window.all_directives.ids() == expected
    assert window.all_directives.rowCount() == len(expected) == 2
    assert window.count_label.text() == "2 nội dung"


def test_search_without_diacritics_finds_bau_cu(qtbot, window: MainWindow) -> None:
    """Typing "bau cu" (Ctrl+F, then keys) finds the directives about "bầu cử"."""
    assert window.chase_table.hasFocus()
    qtbot.keyClick(window.chase_table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == TAB_ALL
    search = window.filter_bar.search
    assert search.hasFocus()
    with qtbot.waitSignal(window.filter_bar.filter_changed, timeout=2000):
        qtbot.keyClicks(search, "bau cu")
    expected = queries.directive_ids(DirectiveFilter(search="bau cu"))
    assert len(expected) == 2
    assert window.all_directives.ids() == expected
    assert all("bầu cử" in r.content for r in map(queries.directive, expected))


def test_search_typed_with_a_vietnamese_input_method(qtbot, window: MainWindow) -> None:
    """Text committed by an input method ("bầu cử") filters like plain keys do."""
    window.tabs.setCurrentIndex(TAB_ALL)
    search = window.filter_bar.search
    search.setFocus()
    event = QInputMethodEvent()
    event.setCommitString("bầu cử")
    with qtbot.waitSignal(window.filter_bar.filter_changed, timeout=2000):
        QApplication.sendEvent(search, event)
    assert window.all_directives.ids() == queries.directive_ids(DirectiveFilter(search="bau cu"))


def test_status_and_organization_filters_combine(qtbot, window: MainWindow) -> None:
    """Status "Quá hạn" with an organization gives what tracker.queries gives."""
    window.tabs.setCurrentIndex(TAB_ALL)
    bar = window.filter_bar
    bdv = queries.find_organization("BDV").id
    bar.status.setCurrentIndex(bar.status.findData(StatusFilter.OVERDUE))
    bar.organization.setCurrentIndex(bar.organization.findData(bdv))
    flt = DirectiveFilter(organization_id=bdv, status=StatusFilter.OVERDUE, as_of=AS_OF)
    assert window.all_directives.ids() == queries.directive_ids(flt)
    assert window.all_directives.rowCount() >= 1


def test_empty_progress_note_shows_message_and_saves_nothing(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # noqa: ANN001,E501
    """Enter in an empty note field shows the service's message and records nothing."""
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, err, *a: shown.append(str(err)))
    did = _select_directive_row(qtbot, window, 1)
    before = queries.history(did)
    window.details.note.setFocus()
    qtbot.keyClick(window.details.note, Qt.Key.Key_Return)
    assert shown and "không được để trống" in shown[0]
    assert queries.history(did) == before
    assert window.undo_stack.count() == 0


def test_progress_note_is_saved_from_the_details(qtbot, window: MainWindow) -> None:
    """A note typed in the details panel is added to the directive's history."""
    did = _select_directive_row(qtbot, window, 1)
    note = window.details.note
    note.setFocus()
    _type(note, "Đã ban hành kế hoạch")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    entries = queries.history(did)
    assert entries[-1].kind is HistoryKind.NOTE
    assert entries[-1].text == "Đã ban hành kế hoạch"
    assert note.text() == ""
    assert window.details.history.topLevelItemCount() == len(entries)
    # who wrote it: the login (on a file, the computer's user), in the "Người ghi" column
    from tracker.store.who import os_user

    last = window.details.history.topLevelItem(len(entries) - 1)
    assert entries[-1].who == os_user() and last.text(2) == os_user()
    assert last.text(3) == "Đã ban hành kế hoạch"


def test_one_organization_marked_done_from_the_details(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # noqa: ANN001,E501
    """The details' "đã xong" button marks only the chosen lead organization done."""
    from ui.dialogs.done import DoneDialog

    def accept_as_asked(parent, *, save, directive, today=None, organization_id=None):  # noqa: ANN001, ANN202
        assert directive is not None and directive.id == did
        save(today, "", organization_id)
        return True

    monkeypatch.setattr(DoneDialog, "ask", staticmethod(accept_as_asked))
    did = _select_directive_row(qtbot, window, 2)
    owners = window.details.owners
    owners.setCurrentItem(owners.topLevelItem(1))
    org = window.details.directive.leads[1].organization_id
    qtbot.mouseClick(window.details.owner_done, Qt.MouseButton.LeftButton)
    row = queries.directive(did)
    done = [o.organization_id for o in row.owners if o.status is Status.DONE]
    assert done == [org]
    assert row.status is Status.IN_PROGRESS
    assert all(o.role is Role.LEAD for o in row.leads)


def test_meeting_search_and_year_filter(qtbot, window: MainWindow) -> None:
    """The meeting list filters by year and by title words typed without diacritics."""
    assert window.year.findData(2020) == -1  # only years with a giao ban are offered
    window.year.setCurrentIndex(window.year.findData(2021))
    assert window.meeting_model.rowCount() == 1
    qtbot.keyClicks(window.meeting_search, "khong co")
    qtbot.waitUntil(lambda: window.meeting_model.rowCount() == 0)  # after the typing pause
    assert window.pages.currentWidget() is window.main_splitter
    window.meeting_search.clear()
    qtbot.keyClicks(window.meeting_search, "giao ban quy i")
    qtbot.waitUntil(lambda: window.meeting_model.rowCount() == 1)


def test_layout_is_remembered(qtbot, sample_db: Path) -> None:
    """Column widths and splitter sizes come back the next time the window opens."""
    first = MainWindow(as_of=AS_OF)
    qtbot.addWidget(first)
    first.show()
    first.all_table.horizontalHeader().resizeSection(2, 222)
    first.close()
    second = MainWindow(as_of=AS_OF)
    qtbot.addWidget(second)
    second.show()
    assert second.all_table.horizontalHeader().sectionSize(2) == 222


def test_unexpected_error_is_logged_and_shown_plainly(monkeypatch, caplog) -> None:  # noqa: ANN001
    """The exception hook logs the traceback and shows a plain sentence, not a traceback."""
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, *a: shown.append(text))
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        messages._excepthook(RuntimeError, exc, exc.__traceback__)
    assert "boom" in caplog.text
    assert shown and "Traceback" not in shown[0] and "lỗi không lường trước" in shown[0]


def test_unusable_database_file_offers_choices(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """A file that is not a database gets a plain message with choices; it is not modified."""
    from ui.app import open_interactively

    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(b"hello, this is not a database")
    asked = []
    monkeypatch.setattr(
        messages,
        "choose",
        lambda parent, title, text, choices: asked.append(text) or len(choices) - 1,  # Thoát
    )
    assert open_interactively(str(bad)) is None
    assert "không phải cơ sở dữ liệu" in asked[0]
    assert bad.read_bytes() == b"hello, this is not a database"


@pytest.mark.parametrize("empty", [False, True])
def test_exit_when_shown_prints_milliseconds(sample_db: Path, tmp_path: Path, empty: bool) -> None:
    """`giaoban --exit-when-shown` paints the window, prints the start-up time and exits 0."""
    db = tmp_path / "empty.sqlite3" if empty else sample_db
    result = subprocess.run(
        [sys.executable, "-m", "ui.entry", "--db", str(db), "--exit-when-shown"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip().splitlines()[-1]) > 0


def test_log_a_giao_ban_with_three_directives_by_keyboard(
    qtbot, db_path: Path, monkeypatch
) -> None:  # noqa: ANN001,E501
    """From an empty window: Ctrl+N, a date, three directives typed, Ctrl+S; then Ctrl+Z
    removes the giao ban and Ctrl+Y brings it back with the same ids."""
    from PySide6.QtCore import QTimer

    from tests.ui.test_meeting_dialog import focused, press, type_text
    from ui.dialogs.meeting import MeetingDialog

    monkeypatch.setattr("ui.widgets.form.confirm_discard", lambda parent: True)
    w = MainWindow(as_of=date(2021, 4, 5))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.pages.currentWidget() is w.first_run
    done = []

    def drive(attempts: int = 50) -> None:
        dialog = next(
            (
                x
                for x in QApplication.topLevelWidgets()
                if isinstance(x, MeetingDialog) and x.isVisible()
            ),
            None,
        )
        if dialog is None:  # not open yet: exec() has not started its loop
            if attempts:
                QTimer.singleShot(10, lambda: drive(attempts - 1))
            return
        try:
            # Offscreen has no window manager to hand the focus to a new modal dialog.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                QApplication.setActiveWindow(dialog)
            qtbot.wait(1)
            assert focused() is dialog.held_on
            type_text(qtbot, "1-4-2021")
            press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # the directive grid
            for text in (
                "Tham gia công tác bầu cử",
                "Vận động cử tri đi bầu",
                "Tổng kết công tác dân vận",
            ):
                type_text(qtbot, text)
                press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
            done.append(dialog.result())
        finally:
            if dialog.isVisible():  # a failed step must not leave exec() waiting forever
                dialog.reject()

    with qtbot.waitActive(w):
        w.activateWindow()
    QTimer.singleShot(0, drive)
    qtbot.keyClick(w.first_run.create_button, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert done, "the dialog did not open"
    (meeting,) = queries.list_meetings()
    rows = queries.list_directives(DirectiveFilter(meeting_id=meeting.id))
    assert meeting.held_on == date(2021, 4, 1)
    assert [r.content for r in rows] == [
        "Tham gia công tác bầu cử",
        "Vận động cử tri đi bầu",
        "Tổng kết công tác dân vận",
    ]
    assert all(r.leads for r in rows)
    assert w.pages.currentWidget() is w.main_splitter
    assert w.tabs.currentIndex() == TAB_MEETING
    assert w.meeting_directives.ids() == [r.id for r in rows]

    with qtbot.waitActive(w):
        w.activateWindow()
    qtbot.keyClick(w.meeting_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert queries.count_meetings() == 0
    assert w.pages.currentWidget() is w.first_run
    qtbot.keyClick(w, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert [r.id for r in queries.list_directives()] == [r.id for r in rows]
    assert w.pages.currentWidget() is w.main_splitter


def test_mark_done_with_result_note_through_the_dialog(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # noqa: ANN001
    """Ctrl+Shift+D opens the done dialog; a date and a result note typed, Ctrl+S saves both."""
    from PySide6.QtCore import QTimer

    monkeypatch.setattr("ui.widgets.form.confirm_discard", lambda parent: True)

    from ui.dialogs.done import DoneDialog

    did = _select_directive_row(qtbot, window, 6)
    seen = []

    def drive(attempts: int = 50) -> None:
        dialog = next(
            (
                x
                for x in QApplication.topLevelWidgets()
                if isinstance(x, DoneDialog) and x.isVisible()
            ),
            None,
        )
        if dialog is None:
            if attempts:
                QTimer.singleShot(10, lambda: drive(attempts - 1))
            return
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                QApplication.setActiveWindow(dialog)
            dialog.done_on.setFocus()
            dialog.done_on.selectAll()
            qtbot.keyClicks(dialog.done_on, "30/6/2021")
            dialog.note.setFocus()
            _type(dialog.note, "Đã tổ chức 12 hội nghị")
            qtbot.keyClick(dialog.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
            seen.append(dialog.result())
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, drive)
    qtbot.keyClick(
        window.meeting_table,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert seen, "the done dialog did not open"
    row = queries.directive(did)
    assert row.status is Status.DONE
    assert row.done_on == date(2021, 6, 30)
    assert row.latest_note == "Đã tổ chức 12 hội nghị"
    assert window.meeting_directives.row(6).latest_note == "Đã tổ chức 12 hội nghị"
