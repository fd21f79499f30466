"""First run: the province and issuing body asked before anything is printed, saved
through the settings; the conclusion notice number in the window's meeting header."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from tracker import queries, services
from tracker.settings import ReportSettings
from ui.main_window import MainWindow
from ui.main_window.meeting_header import MeetingHeader

from .conftest import AS_OF
from .test_meeting_dialog import discard_answers, focused, press, type_text  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def new_window(qtbot) -> MainWindow:  # noqa: ANN001
    w = MainWindow(as_of=AS_OF)
    qtbot.addWidget(w)
    w.resize(1024, 600)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    return w


def test_first_run_panel_shows_the_defaults_and_saves_what_is_typed(
    qtbot, db_path: Path, monkeypatch
) -> None:  # noqa: ANN001
    """On a new database the panel shows today's defaults (Nam Định, Ban Dân vận);
    the province typed there is saved (the dating place follows it) when the clerk
    starts the first giao ban."""
    from ui.dialogs.meeting import MeetingDialog

    opened: list[bool] = []
    monkeypatch.setattr(MeetingDialog, "ask", staticmethod(lambda *a, **k: opened.append(True)))
    assert not queries.settings_saved()
    w = new_window(qtbot)
    panel = w.first_run
    assert (panel.province.text(), panel.issuing_body.currentText()) == ("Nam Định", "Ban Dân vận")
    panel.province.setFocus()
    panel.province.selectAll()
    type_text(qtbot, "Hà Tĩnh")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.issuing_body
    panel.issuing_body.lineEdit().selectAll()
    type_text(qtbot, "Ban Tuyên giáo và Dân vận")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.create_button
    press(qtbot, Qt.Key.Key_Space)
    assert opened == [True]
    saved = queries.load_settings()
    assert (saved.province, saved.place_name, saved.issuing_body) == (
        "Hà Tĩnh",
        "Hà Tĩnh",
        "Ban Tuyên giáo và Dân vận",
    )
    assert saved.issuer_code == ReportSettings().issuer_code  # the rest kept


def test_first_report_asks_for_the_settings_once(
    qtbot, sample_db: Path, monkeypatch
) -> None:  # noqa: ANN001
    """With settings never saved (a database made by the command line), the first
    report opens the settings first, marked as the first time; cancelling opens no
    report; once saved, reports open directly."""
    from ui.dialogs.settings import SettingsDialog
    from ui.report.dialog import ReportDialog

    asked: list[bool] = []
    answers = [False, True]

    def fake_settings(parent, *, settings, save, first_time=False):  # noqa: ANN001, ANN202
        asked.append(first_time)
        assert settings == ReportSettings()  # today's defaults shown
        if answers.pop(0):
            save(settings)
            return True
        return False

    reports: list[str] = []
    monkeypatch.setattr(SettingsDialog, "ask", staticmethod(fake_settings))
    monkeypatch.setattr(ReportDialog, "ask", staticmethod(lambda *a, **k: reports.append("r")))
    w = new_window(qtbot)
    w.actions.report.trigger()
    assert (asked, reports) == ([True], [])  # cancelled: no report
    w.actions.open_items_report.trigger()
    assert (asked, reports) == ([True, True], ["r"])
    assert queries.settings_saved()
    w.actions.report.trigger()
    assert (asked, reports) == ([True, True], ["r", "r"])


def test_first_time_note_in_the_settings_dialog(qtbot, db_path: Path) -> None:  # noqa: ANN001
    """Asked before the first report, the settings dialog says why it is shown."""
    from ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(None, settings=ReportSettings(), save=lambda s: None, first_time=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.first_time_note.isVisible()
    assert "Trước khi in lần đầu" in dialog.first_time_note.text()
    plain = SettingsDialog(None, settings=ReportSettings(), save=lambda s: None)
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.first_time_note.isVisible()


def test_meeting_header_shows_the_notice_number(qtbot, sample_db: Path) -> None:  # noqa: ANN001
    """The meeting header shows the conclusion notice number typed for the giao ban,
    or "(chưa ghi)" while there is none."""
    header = MeetingHeader()
    qtbot.addWidget(header)
    (meeting,) = queries.list_meetings()
    header.show_meeting(queries.meeting(meeting.id))
    assert header.notice_ref.text() == "(chưa ghi)"
    set_notice("125-TB/TU")
    header.show_meeting(queries.meeting(meeting.id))
    assert header.notice_ref.text() == "125-TB/TU"
    assert header.notice_ref.accessibleName() == "Thông báo kết luận số"


def set_notice(notice: str) -> None:
    """Give the sample giao ban a conclusion notice number."""
    from tracker.drafts import MeetingDraft

    (meeting,) = queries.list_meetings()
    m = queries.meeting(meeting.id)
    services.update_meeting(
        meeting_id=m.id,
        meeting=MeetingDraft(
            held_on=m.held_on,
            title=m.title,
            chair_name=m.chair_name,
            chair_position=m.chair_position,
            attendee_ids=m.attendee_ids,
            reviewed_quarter=m.reviewed_quarter,
            notes=m.notes,
            notice_ref=notice,
        ),
        expected_version=m.version,
    )


def test_window_header_shows_the_notice_number(qtbot, sample_db: Path) -> None:  # noqa: ANN001
    """In the window, the Giao ban view's header carries the notice number."""
    set_notice("125-TB/TU")
    w = new_window(qtbot)
    w.actions.view_meeting.trigger()
    assert w.meeting_header.notice_ref.isVisible()
    assert w.meeting_header.notice_ref.text() == "125-TB/TU"
