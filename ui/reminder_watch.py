"""At start, at most once a day: a banner (and a tray message where a tray exists)
saying what is due soon, whose "Xem" narrows the chase list to those items."""

from __future__ import annotations

import logging
import sqlite3
from datetime import date

from peewee import DatabaseError

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon, QToolBar

from tracker import queries
from tracker.errors import TrackerError
from tracker.reminders import Reminders, reminders
from ui.widgets.reminder_banner import ReminderBanner

log = logging.getLogger(__name__)
LAST_SHOWN = "reminders/lastShown"  # ISO date of the day the banner was last shown


class ReminderWatch(QObject):
    """Checks once a day what is due and offers the list; the window wires it.

    ``window`` needs ``chase_page`` (with ``show_only``) and ``actions.view_chase``.
    """

    def __init__(self, window: QMainWindow, *, as_of: date | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._as_of = as_of
        self.found: Reminders | None = None
        self.bar: QToolBar | None = None
        self.banner: ReminderBanner | None = None
        self.tray: QSystemTrayIcon | None = None

    def check(self, *, force: bool = False) -> Reminders | None:
        """Show the banner when reminders are on, something is due and it has not
        been shown today (``force``: show anyway); returns what was found."""
        today = self._as_of or date.today()
        settings = QSettings()
        if not force and settings.value(LAST_SHOWN, "", type=str) == today.isoformat():
            return None
        try:
            options = queries.load_settings()
            if not options.reminders_on:
                return None
            found = reminders(as_of=today, within_days=options.reminder_days)
        except (TrackerError, DatabaseError, sqlite3.DatabaseError) as exc:
            # A busy, damaged or unreachable database: the views and the integrity
            # check tell the clerk; a reminder that cannot be read waits for tomorrow.
            log.warning("Không kiểm tra được nội dung đến hạn: %s", exc)
            return None
        self.found = found
        if found.empty:
            return found  # the day is not used up: data loaded later today is checked
        settings.setValue(LAST_SHOWN, today.isoformat())
        self._show(self.text(found))
        return found

    def text(self, found: Reminders) -> str:
        """ "12 nội dung đến hạn trong 14 ngày tới, 3 nội dung đã quá hạn"."""
        soon = len(found.due_soon_ids - found.overdue_ids)
        late = len(found.overdue_ids)
        parts = []
        if soon:
            parts.append(
                self.tr("%n nội dung đến hạn trong {days} ngày tới", None, soon).format(
                    days=found.within_days
                )
            )
        if late:
            parts.append(self.tr("%n nội dung đã quá hạn", None, late))
        return ", ".join(parts)

    def view(self) -> None:
        """The chase list, narrowed to what the reminder found."""
        if self.found is None:
            return
        self._window.actions.view_chase.trigger()  # type: ignore[attr-defined]
        self._window.chase_page.show_only(self.found.directive_ids)  # type: ignore[attr-defined]

    def dismiss(self) -> None:
        """Close the banner and the tray icon; the chase list lists everything again."""
        if self.bar is not None:
            self._window.removeToolBar(self.bar)
            self.bar.deleteLater()
            self.bar = self.banner = None
        if self.tray is not None:
            self.tray.hide()
            self.tray.deleteLater()
            self.tray = None
        page = self._window.chase_page  # type: ignore[attr-defined]
        if page.only_ids is not None:
            page.show_only(None)

    def _keep_height(self, height: int) -> None:
        """Back to ``height`` (which fitted the screen) as far as the views can give
        the banner its row."""
        window = self._window
        height = max(height, window.minimumSizeHint().height())
        if window.height() != height:
            window.resize(window.width(), height)

    def _show(self, text: str) -> None:
        if self.banner is not None:  # checked again while shown: one banner, new words
            self.banner.label.setText(text)
            return
        self.bar = QToolBar(self.tr("Nhắc việc"), self._window)
        self.bar.setObjectName("reminderBar")
        self.bar.setMovable(False)
        self.bar.setFloatable(False)
        self.bar.toggleViewAction().setVisible(False)
        self.bar.setContentsMargins(0, 0, 0, 0)  # the row as thin as its buttons
        self.banner = ReminderBanner(text, self.bar)
        self.bar.addWidget(self.banner)
        self._window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        # The new row takes its height from the views, not from the screen: once laid
        # out, the window goes back to the height it had (which fitted the screen).
        height = self._window.height()
        QTimer.singleShot(0, self._window, lambda: self._keep_height(height))
        self.banner.view_requested.connect(self.view)
        self.banner.dismissed.connect(self.dismiss)
        # Only where the desktop has a tray: offscreen and headless have none (no warning).
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self._window.windowIcon(), self)
            self.tray.setToolTip(text)
            self.tray.messageClicked.connect(self.view)
            self.tray.show()
            self.tray.showMessage(self.tr("Giao ban — nhắc việc"), text)
