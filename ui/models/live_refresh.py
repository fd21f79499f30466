"""Other users' writes on a PostgreSQL server, shown in this window within a second.

``tracker.store.pg.Listener`` holds a connection that LISTENs for the services'
NOTIFY; here a QSocketNotifier watches its socket, so Qt's event loop wakes only when
the server sends something (no polling loop, no thread). Each announcement becomes
the same ``Changes`` a local write gives, emitted on the window's StoreBus, so every
view refreshes exactly as after its own save. This window's own writes (same server
process id as its main connection) are skipped: the bus already told the views.

When the server goes away, the notifier is switched off and a connection is tried
again every few seconds; once back, everything shown is reread (what was missed
while away is not known).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QLabel

from tracker import services
from tracker.store.pg import Listener, PgDatabase, backend_pid, can_write
from tracker.store.proxy import database
from ui.models.store_bus import StoreBus

RETRY_MS = 3000


class LiveRefresh(QObject):
    """Signals: reload() when everything shown must be read again; lost(bool) when the
    listening connection is lost (True) or back (False)."""

    reload = Signal()
    lost = Signal(bool)

    def __init__(self, bus: StoreBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        self._listener: Listener | None = None
        self._notifier: QSocketNotifier | None = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._reconnect)

    @staticmethod
    def wanted() -> bool:
        return isinstance(database.obj, PgDatabase)

    def start(self) -> None:
        db = database.obj
        assert isinstance(db, PgDatabase)
        self._listener = Listener(db.target, db.connect_params.get("password"))
        self._notifier = QSocketNotifier(self._listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)

    def stop(self) -> None:
        self._retry.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            try:
                self._listener.close()
            except Exception:  # noqa: BLE001 (a dead socket)
                pass
            self._listener = None

    def _on_readable(self, *_: Any) -> None:
        assert self._listener is not None
        try:
            db = database.obj
            mine = backend_pid(db) if db is not None else None
            payloads = self._listener.read(ignore_pid=mine)
        except Exception:  # noqa: BLE001 (psycopg's OperationalError: the server went away)
            self.stop()
            self.lost.emit(True)
            self._retry.start()
            return
        for payload in payloads:
            changes = services.changes_from_payload(payload)
            if changes is None:
                self.reload.emit()
            else:
                self._bus.notify(changes)

    def _reconnect(self) -> None:
        try:
            self.start()
        except Exception:  # noqa: BLE001 (still down)
            self._retry.start()
            return
        self.lost.emit(False)
        self.reload.emit()


# The actions that write; a read-only login sees them disabled.
WRITE_ACTIONS = (
    "new_meeting", "add_directive", "edit", "delete", "mark_done_today", "mark_done", "reopen",
    "cancel", "add_note", "extend", "load_sample", "restore",
)


def apply_read_only(window: Any) -> bool:
    """A server login without write grants: a banner says so and the write actions are
    disabled (the services refuse a write anyway, with a message). True when applied."""
    if can_write(database.obj):
        return False
    actions = window.actions  # MainWindow's ui.actions.Actions
    for name in WRITE_ACTIONS:
        act = getattr(actions, name, None)
        if act is not None:
            act.setEnabled(False)
            act.changed.connect(lambda a=act: a.isEnabled() and a.setEnabled(False))
    banner = QLabel(
        QCoreApplication.translate(
            "LiveRefresh", "Chỉ xem: tài khoản này không có quyền ghi trên máy chủ"
        ),
        window,
    )
    banner.setObjectName("readOnlyBanner")
    window.statusBar().addPermanentWidget(banner)
    return True
