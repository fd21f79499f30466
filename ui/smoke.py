"""``giaoban --smoke``: start the program as a clerk would and open every dialog once.

For checking an installed copy or a frozen bundle, where a module or data file
left out only shows when something uses it. On a temporary database (never the
clerk's) and offscreen unless a platform is asked for: imports every module,
checks the shipped files and Qt plugins, loads the sample, shows the main window
and opens and closes each dialog through the window's own commands. Prints one
line per step; exit status 0 when everything was there, 1 otherwise.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import tempfile
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

# The window's commands that open a dialog, each run once with a directive selected.
DIALOG_COMMANDS = (
    "new_meeting",
    "edit_meeting",
    "new_directive",
    "edit_directive",
    "mark_selected_done",
    "add_note_to_current",
    "extend_current",
    "open_report",
    "open_open_items_report",
    "open_letter",
    "import_reply",
    "import_xlsx",
    "open_organizations",
    "open_settings",
    "restore_backup",
    "connect_server",
    "show_about",
)
PACKAGES = ("tracker", "ui")


def all_modules() -> list[str]:
    """Every module of the program's packages, as installed (or frozen)."""
    names: list[str] = []
    for package in PACKAGES:
        root = importlib.import_module(package)
        names.append(package)
        for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
            if not info.name.endswith("__main__"):
                names.append(info.name)
    return names


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="giaoban-smoke-") as tmp:
        return _run(args, Path(tmp))


def _run(args: argparse.Namespace, tmp: Path) -> int:
    from ui.install_check import missing_platform_plugin  # before Qt: the plugin check

    failures: list[str] = []
    problem = missing_platform_plugin()
    if problem:
        print(f"THIẾU: {problem}")
        return 1

    from PySide6.QtCore import QSettings, qInstallMessageHandler  # Qt once the plugin is there

    # The clerk's settings (window size, language) are neither read nor changed.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))

    from ui import i18n  # Qt once the plugin is there
    from ui.app import create_application  # Qt once the plugin is there
    from ui.install_check import missing_after_start  # Qt once the plugin is there

    def qt_message(_kind: object, _context: object, text: str) -> None:
        if "propagateSizeHints" not in text:  # the offscreen platform's own remark
            print(f"Qt: {text}", file=sys.stderr)

    qInstallMessageHandler(qt_message)
    app = create_application()
    i18n.install(app, getattr(args, "lang", None) or "vi")
    errors: list[str] = []
    sys.excepthook = lambda t, v, tb: errors.append("".join(traceback.format_exception(t, v, tb)))

    for name in all_modules():
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - every failure is reported, then the next
            failures.append(f"mô-đun {name}: {type(exc).__name__}: {exc}")
    import tracker  # after the loop above, which imports every module itself

    where = Path(tracker.__file__ or "").parent.parent
    print(f"mô-đun: {len(all_modules())} đã nạp từ {where}")
    for message in missing_after_start():
        failures.append(message)

    try:
        _window_and_dialogs(args, tmp, app, failures)
    except Exception as exc:  # noqa: BLE001 - reported as a failure of the run
        failures.append(f"{type(exc).__name__}: {exc}")
    failures += [f"ngoại lệ: {e}" for e in errors]
    for failure in failures:
        print(f"THIẾU/LỖI: {failure}")
    print("smoke: OK" if not failures else f"smoke: {len(failures)} lỗi")
    return 0 if not failures else 1


def _window_and_dialogs(
    args: argparse.Namespace, tmp: Path, app: QApplication, failures: list[str]
) -> None:
    """The sample in a new database, the main window, then each dialog opened and closed."""
    from PySide6.QtCore import QTimer  # Qt once the plugin is there
    from PySide6.QtWidgets import QApplication, QDialog  # Qt once the plugin is there

    from tracker import queries, seeding, services  # after the loop's import check
    from tracker.store.db import close_db, open_db  # after the loop's import check
    from ui.main_window import TAB_MEETING, MainWindow  # Qt once the plugin is there

    open_db(args.db or str(tmp / "smoke.sqlite3"))
    seeding.load_sample()
    # The province and issuing body counted as confirmed: reports open at once (the
    # settings dialog, asked before a first report otherwise, is opened on its own below).
    services.save_settings(settings=queries.load_settings())
    window = MainWindow()
    window.show()
    app.processEvents()
    window.grab()  # paints every child once
    window.tabs.setCurrentIndex(TAB_MEETING)
    window.meeting_table.setFocus()
    window.meeting_table.selectRow(0)
    app.processEvents()
    print(f"cửa sổ chính: {window.windowTitle()}")

    seen: list[str] = []

    def close_modal() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        modal.grab()
        seen.append(type(modal).__name__)
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()

    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(close_modal)
    for command in DIALOG_COMMANDS:
        before = len(seen)
        poll.start()
        try:
            getattr(window.commands, command)()
        except Exception as exc:  # noqa: BLE001
            failures.append(f"lệnh {command}: {type(exc).__name__}: {exc}")
        poll.stop()
        opened = seen[before:]
        if not opened:
            failures.append(f"lệnh {command}: không mở hộp thoại nào")
        print(f"{command}: {', '.join(opened) or '—'}")
    window.close()
    app.processEvents()
    close_db()
