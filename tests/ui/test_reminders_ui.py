"""The reminder banner at start (once a day, off in Settings, "Xem" narrows the chase
list) and the letter dialog (save one file per organization, recorded in history)."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtWidgets import QSystemTrayIcon

from tests.ui.conftest import AS_OF
from tracker import queries, services
from tracker.filenames import safe_filename
from tracker.reminders import reminders
from tracker.rows import HistoryKind
from tracker.settings import ReportSettings
from ui.main_window.window import TAB_CHASE, MainWindow
from ui.widgets.reminder_banner import ReminderBanner


def test_banner_shows_once_a_day_and_view_narrows_the_list(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """At start the banner names what is overdue; "Xem" lists exactly those directives;
    a second check the same day shows nothing; closing lists everything again."""
    watch = window.reminder_watch
    qtbot.waitUntil(lambda: watch.banner is not None)
    expected = reminders(as_of=AS_OF, within_days=14)
    assert watch.banner.label.text() == watch.text(expected)
    assert f"{len(expected.overdue_ids)} nội dung đã quá hạn" in watch.banner.label.text()
    assert watch.tray is None and not QSystemTrayIcon.isSystemTrayAvailable()
    window.tabs.setCurrentIndex(TAB_CHASE + 1)
    watch.banner.view_button.click()
    assert window.tabs.currentIndex() == TAB_CHASE
    model = window.chase_directives
    qtbot.waitUntil(lambda: model.rowCount() == len(expected.directive_ids))
    assert window.chase_page.only_ids == tuple(sorted(expected.directive_ids))
    assert watch.check() is None  # already shown today
    assert watch.check(force=True) is not None and len(window.findChildren(ReminderBanner)) == 1
    watch.banner.close_button.click()
    assert watch.banner is None and window.chase_page.only_ids is None


def test_an_empty_check_does_not_use_up_the_day(qtbot, db_path: Path) -> None:  # noqa: ANN001
    """A first start on an empty file finds nothing; the sample loaded later that day
    is still reminded of at the next start (the day was not marked as shown)."""
    from tracker import seeding

    first = MainWindow(as_of=AS_OF)
    qtbot.addWidget(first)
    first.show()  # the check runs once the window is painted
    qtbot.waitUntil(lambda: first.reminder_watch.found is not None)  # its start-up check
    assert first.reminder_watch.found.empty and first.reminder_watch.banner is None
    seeding.load_sample()
    again = MainWindow(as_of=AS_OF)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.reminder_watch.banner is not None)


def test_reminders_off_in_settings(qtbot, sample_db: Path) -> None:  # noqa: ANN001
    """With reminders off in Settings, no banner."""
    services.save_settings(settings=ReportSettings(reminders_on=False))
    w = MainWindow(as_of=AS_OF)
    qtbot.addWidget(w)
    assert w.reminder_watch.check(force=True) is None
    assert w.reminder_watch.banner is None
    assert queries.load_settings().reminder_days == 14


def test_settings_dialog_saves_reminder_days(qtbot, sample_db: Path) -> None:  # noqa: ANN001
    """The days and the on/off switch round-trip through the Settings dialog."""
    from ui.dialogs.settings import SettingsDialog

    saved: list[ReportSettings] = []
    dialog = SettingsDialog(settings=ReportSettings(), save=saved.append)
    qtbot.addWidget(dialog)
    dialog.reminder_days.setValue(30)
    dialog.reminders_on.setChecked(False)
    assert not dialog.reminder_days.isEnabled()
    services.save_settings(settings=dialog.settings())
    loaded = queries.load_settings()
    assert (loaded.reminder_days, loaded.reminders_on) == (30, False)


def test_letter_dialog_saves_one_file_each_and_records(
    qtbot,
    sample_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    """Two organizations ticked, "Lưu PDF": two files, each with its report-back form beside
    it, and their items' history says chased."""
    from ui.dialogs import letter as letter_module
    from ui.models.store_bus import StoreBus

    out = tmp_path / "letters"
    out.mkdir()
    monkeypatch.setattr(letter_module, "ask_folder", lambda *_: str(out))
    bus = StoreBus()
    dialog = letter_module.LetterDialog(run=bus, as_of=AS_OF)
    qtbot.addWidget(dialog)
    ids = {o.short_name: o.id for o in queries.list_organizations()}
    dialog.set_checked({ids["MTTQ"], ids["Hội ND"]})
    dialog.quarter.setCurrentIndex(dialog.quarter.findData("2021-Q2"))
    dialog.number.setText("15")
    with qtbot.waitSignal(bus.changed):
        written = dialog.save_each("pdf")
    assert sorted(p.parent for p in written) == [out, out] and all(p.exists() for p in written)
    forms = sorted(out.glob("*-phieu-bao-cao.xlsx"))  # each letter's report-back form
    assert [f.name for f in forms] == sorted(p.stem + "-phieu-bao-cao.xlsx" for p in written)
    first = dialog.letters()[0]
    history = queries.history(first.directive_ids[0])
    assert any(h.kind is HistoryKind.CHASED and "15-CV/" in h.text for h in history)


def test_letter_dialog_unwritable_target_writes_nothing(
    qtbot,
    sample_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    """A folder standing where a letter's file would go: one message, no file, no history."""
    from ui.dialogs import letter as letter_module

    out = tmp_path / "letters"
    out.mkdir()
    errors: list[str] = []
    monkeypatch.setattr(letter_module, "ask_folder", lambda *_: str(out))
    monkeypatch.setattr(letter_module, "show_error", lambda _p, text: errors.append(text))
    dialog = letter_module.LetterDialog(as_of=AS_OF)
    qtbot.addWidget(dialog)
    ids = {o.short_name: o.id for o in queries.list_organizations()}
    dialog.set_checked({ids["MTTQ"], ids["Hội ND"]})
    dialog.quarter.setCurrentIndex(dialog.quarter.findData("2021-Q2"))
    blocker = out / (safe_filename("cong-van-don-doc-Hội ND-2021-Q2") + ".pdf")
    blocker.mkdir()
    assert dialog.save_each("pdf") == []
    assert len(errors) == 1
    assert list(out.iterdir()) == [blocker]
    letters = dialog.letters()
    assert not any(
        h.kind is HistoryKind.CHASED for x in letters for h in queries.history(x.directive_ids[0])
    )
