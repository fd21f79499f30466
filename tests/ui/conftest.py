"""Fixtures for widget tests: private QSettings, and the main window on the sample data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication, QSettings

AS_OF = date(2021, 7, 20)  # a day in quý III-2021: the sample's quý II tasks are overdue


@pytest.fixture(autouse=True)
def private_settings(qapp, tmp_path: Path) -> Iterator[Path]:  # noqa: ANN001
    """QSettings go to a temporary folder, so tests share no state with each other or the user."""
    folder = tmp_path / "settings"
    QCoreApplication.setOrganizationName("GiaoBanTest")
    QCoreApplication.setApplicationName("GiaoBanTest")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def window(qtbot, sample_db: Path):  # noqa: ANN001, ANN201
    """The main window on the sample giao ban, seen as of 20/07/2021, with the report
    settings already saved (a clerk past the first report: nothing asks them first)."""
    from tracker import services
    from tracker.settings import ReportSettings
    from ui.main_window import MainWindow

    services.save_settings(settings=ReportSettings())

    w = MainWindow(as_of=AS_OF)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    with qtbot.waitActive(w):  # shortcuts need the active window
        w.show()
        w.activateWindow()
    return w
