"""Start the window: Qt application, language, style, database, and the start-up timer."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from tracker.errors import DatabaseOpenError, TrackerError
from tracker.shipped import missing_message
from tracker.store.db import open_db
from tracker.store.dbfile import resolve_target, sqlite_path
from ui import assets, i18n, launch_clock, messages
from ui.first_paint import FirstPaintWatcher

ORGANIZATION = "GiaoBan"
BACKUP_AT_THE_LATEST_MS = 2000  # the daily backup runs after the first paint, or by then
APPLICATION = "GiaoBan"

log = logging.getLogger("giaoban")


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names (for QSettings), icon and style sheet."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or sys.argv[:1] or ["giaoban"])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Giao ban")
    app.setWindowIcon(assets.icon("app"))
    app.setStyleSheet(assets.stylesheet())
    return app


def open_interactively(target: str | None, parent: QWidget | None = None) -> str | None:
    """Open the database, offering another file or a backup when it cannot be used: the
    target opened, or None to quit. (The day's backup follows the window's first paint.)"""
    # the server's names and the password question: only at start, and both are small
    from tracker.store import pg
    from ui.dialogs import connect_server

    # only when the file cannot be opened
    from ui.dialogs import open_failure as open_failure_dialog

    # No --db: the server chosen last time in Tệp ▸ Kết nối máy chủ…, else the file.
    current = resolve_target(target or connect_server.remembered_target())
    password: str | None = None
    while True:
        try:
            open_db(current, password=password)
        except DatabaseOpenError as exc:
            log.warning("Không mở được %s: %s", current, exc.message)
            if isinstance(exc, pg.ConnectError) and exc.needs_password:
                asked = connect_server.ask_password(parent, pg.parse_url(current))
                if asked is not None:
                    password = asked  # this connection only, never stored
                    continue
            choice = open_failure_dialog.ask(parent, exc)
            if choice is open_failure_dialog.Next.RESTORE:
                open_failure_dialog.restore(parent, current)
                continue
            if choice is not open_failure_dialog.Next.OPEN_OTHER:
                return None
            path, _ = QFileDialog.getOpenFileName(
                parent,
                QApplication.translate("app", "Mở tệp dữ liệu Giao ban"),
                os.path.dirname(current),
                QApplication.translate(
                    "app", "Dữ liệu Giao ban (*.sqlite3 *.db *.sqlite);;Mọi tệp (*)"
                ),
            )
            if path:
                current = path
            continue
        return current


def _warn_if_incomplete() -> None:
    """Name the shipped files that are missing (a damaged install), once, at start;
    the window still opens for what does not need them."""
    # reads the shipped files' list: once, after the window is up
    from tracker.install import missing_data_files

    problems = [missing_message(f'tệp "{name}"') for name in assets.missing_files()]
    problems += missing_data_files()
    if problems:
        log.warning("Bản cài đặt thiếu tệp: %s", problems)
        messages.show_error(None, "\n\n".join(problems))


def _daily_backup(target: str) -> None:
    """The day's first opening copies the file; a failure is logged, never blocks work."""
    from tracker.store.backup import daily_backup  # after the first paint

    path = sqlite_path(target)
    if not path or path == ":memory:":
        return
    try:
        daily_backup(path)
    except TrackerError as exc:
        log.warning("Chưa sao lưu hằng ngày được: %s", exc.message)


def run(args: argparse.Namespace) -> int:
    """Open the window on ``args.db``; with ``args.exit_when_shown`` time the first paint."""
    started = launch_clock.STARTED
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    from ui.install_check import missing_platform_plugin, report_fatal  # checked before Qt starts

    problem = missing_platform_plugin()
    if problem:  # Qt would abort with an English message, or none at all on Windows
        report_fatal(problem)
        return 1
    app = create_application()
    lang = getattr(args, "lang", None) or i18n.saved_language()
    i18n.install(app, lang)
    messages.install_excepthook()
    _warn_if_incomplete()
    exit_when_shown = bool(getattr(args, "exit_when_shown", False))
    opened: str | None = None
    if exit_when_shown:
        try:
            open_db(getattr(args, "db", None))
        except DatabaseOpenError as exc:
            print(f"giaoban: lỗi: {exc.message}", file=sys.stderr)
            return 2
    else:
        opened = open_interactively(getattr(args, "db", None))
        if opened is None:
            return 1

    from ui.main_window import MainWindow  # the window's modules: after the platform check

    window = MainWindow()
    after_paint: list[Callable[[], None]] = []
    if opened is not None:
        # The day's backup copies the whole file: it waits until the window is on
        # screen (or two seconds, should the window never be painted).
        target = opened
        backed_up: list[bool] = []

        def back_up() -> None:
            if not backed_up:
                backed_up.append(True)
                _daily_backup(target)

        from tracker.store import integrity  # only with a file to back up

        if integrity.is_large(target):
            # Opened without its integrity check: it runs now, in the background, and
            # the day's backup follows it only if the file is healthy (a damaged copy
            # must not push a good one out of the backups kept).
            def check_then_back_up() -> None:
                window.watch_integrity(target)
                window.integrity_watch.finished.connect(
                    lambda problem: None if problem else back_up()
                )

            after_paint.append(check_then_back_up)
        else:
            after_paint.append(back_up)
            QTimer.singleShot(BACKUP_AT_THE_LATEST_MS, back_up)
    if exit_when_shown:

        def finish() -> None:
            print(f"{(time.perf_counter() - started) * 1000:.0f}")
            sys.stdout.flush()
            app.exit(0)

        after_paint.append(finish)
    if after_paint:

        def when_painted() -> None:
            for step in after_paint:
                step()

        FirstPaintWatcher(window.first_paint_targets(), when_painted)
    window.show()
    return app.exec()
