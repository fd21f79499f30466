"""Tệp ▸ Kết nối máy chủ…: run the window on the office's PostgreSQL server, or back on
this computer's file.

Contract for the main window::

    ConnectServerDialog.ask(parent) -> Choice | None
    switch_window(window, choice, make_window) -> QMainWindow | None

- The dialog takes the host (a name, an address or a Unix socket folder), the port,
  the database and the user, and a password for this connection only: never stored.
  Left empty, libpq reads the standard password file (~/.pgpass,
  %APPDATA%\\postgresql\\pgpass.conf). "Thử kết nối" tries it and says what is there.
- "Kết nối" tries it too and only then closes; "Dùng tệp trên máy này" goes back to
  the file the window used before the server (or the default file).
- ``switch_window`` opens the chosen database and shows a new window on it in place of
  the old one; the choice (without the password) is remembered in QSettings and used
  at the next start when no ``--db`` or GIAOBAN_DB names another database.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.errors import TrackerError
from tracker.store import pg
from tracker.store.db import open_db
from tracker.store.dbfile import ENV_VAR, resolve_target
from tracker.store.proxy import database
from tracker.store.version import SCHEMA_VERSION
from ui import messages
from ui.screen_fit import fit_to_screen

GROUP = "server"
KEYS = ("host", "port", "database", "user")
USE_SERVER = "server/use"
LOCAL_FILE = "server/local_file"

# The windows made by switch_window: Qt owns no top-level window, Python must.
_windows: list[QWidget] = []


@dataclass(frozen=True)
class Choice:
    """Where to switch: a ``postgresql://`` URL with the password typed (None: pgpass),
    or a local file path."""

    target: str
    password: str | None = None

    @property
    def is_server(self) -> bool:
        return pg.is_pg_url(self.target)


def remembered() -> pg.PgTarget | None:
    """The server last connected to from the window (host, port, database, user)."""
    s = QSettings()
    values = {k: s.value(f"{GROUP}/{k}", "") for k in KEYS}
    try:
        port = int(str(values["port"] or pg.DEFAULT_PORT))
    except (TypeError, ValueError):
        port = pg.DEFAULT_PORT
    if not values["host"] or not values["database"] or not values["user"]:
        return None
    return pg.PgTarget(str(values["user"]), str(values["host"]), port, str(values["database"]))


def remembered_target() -> str | None:
    """The server URL the window starts on when no --db or GIAOBAN_DB says otherwise."""
    if os.environ.get(ENV_VAR) or not QSettings().value(USE_SERVER, False, type=bool):
        return None
    target = remembered()
    return target.display() if target is not None else None


def remember(choice: Choice, previous: str | None) -> None:
    """Store the choice (never the password)."""
    s = QSettings()
    if choice.is_server:
        t = pg.parse_url(choice.target)
        for key, value in zip(KEYS, (t.host, t.port, t.dbname, t.user), strict=True):
            s.setValue(f"{GROUP}/{key}", value)
        s.setValue(USE_SERVER, True)
        if previous and not pg.is_pg_url(previous):
            s.setValue(LOCAL_FILE, previous)
    else:
        s.setValue(USE_SERVER, False)
    s.remove(f"{GROUP}/password")  # never there; removed should an old build have put it


def local_file() -> str:
    """The file to go back to: the one used before the server, else the default."""
    saved = QSettings().value(LOCAL_FILE, "")
    return str(saved) if saved else resolve_target(None)


def current_target() -> str | None:
    """What the window runs on now: the server URL (no password) or the file path."""
    db = database.obj
    if isinstance(db, pg.PgDatabase):
        return db.target.display()
    name = getattr(db, "database", None)
    return str(name) if name else None


def ask_password(parent: QWidget | None, target: pg.PgTarget) -> str | None:
    """The password of ``target``'s user for this connection only; None when cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("ConnectServerDialog", "Mật khẩu máy chủ"),
        QCoreApplication.translate(
            "ConnectServerDialog", "Mật khẩu của {user} trên {host}:"
        ).format(user=target.user, host=target.host),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


class ConnectServerDialog(QDialog):
    """Host, port, database, user and password; try, connect, or go back to the file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kết nối máy chủ"))
        self.choice: Choice | None = None

        self.host = QLineEdit(self)
        self.host.setAccessibleName(self.tr("Máy chủ"))
        self.host.setPlaceholderText(self.tr("Tên hoặc địa chỉ máy chủ, ví dụ 10.0.0.5"))
        self.port = QSpinBox(self)
        self.port.setAccessibleName(self.tr("Cổng"))
        self.port.setRange(1, 65535)
        self.port.setValue(pg.DEFAULT_PORT)
        self.dbname = QLineEdit(self)
        self.dbname.setAccessibleName(self.tr("Cơ sở dữ liệu"))
        self.user = QLineEdit(self)
        self.user.setAccessibleName(self.tr("Người dùng"))
        self.password = QLineEdit(self)
        self.password.setAccessibleName(self.tr("Mật khẩu"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Để trống nếu đã có tệp mật khẩu (pgpass)"))
        self.status = QLabel(self)
        self.status.setObjectName("connectStatus")
        self.status.setWordWrap(True)

        known = remembered()
        db = database.obj
        if isinstance(db, pg.PgDatabase):
            known = db.target
        if known is not None:
            self.host.setText(known.host)
            self.port.setValue(known.port)
            self.dbname.setText(known.dbname)
            self.user.setText(known.user)

        form = QFormLayout()
        for text, field in (
            (self.tr("&Máy chủ:"), self.host),
            (self.tr("C&ổng:"), self.port),
            (self.tr("&Cơ sở dữ liệu:"), self.dbname),
            (self.tr("&Người dùng:"), self.user),
            (self.tr("Mật &khẩu:"), self.password),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        note = QLabel(
            self.tr("Mật khẩu chỉ dùng cho lần kết nối này, chương trình không lưu lại."), self
        )
        note.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.test_button = QPushButton(self.tr("&Thử kết nối"), self)
        self.connect_button = QPushButton(self.tr("Kết nố&i"), self)
        self.local_button = QPushButton(self.tr("&Dùng tệp trên máy này"), self)
        cancel = QPushButton(self.tr("Hủy"), self)
        for b in (self.test_button, self.connect_button, self.local_button, cancel):
            b.setAutoDefault(False)
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.local_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.test_button.clicked.connect(self.try_connection)
        self.connect_button.clicked.connect(self._on_connect)
        self.local_button.clicked.connect(self._on_local)
        cancel.clicked.connect(self.reject)
        self.local_button.setEnabled(isinstance(db, pg.PgDatabase))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 480, 300)
        (self.password if known is not None else self.host).setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None) -> Choice | None:
        dialog = cls(parent)
        dialog.exec()
        return dialog.choice

    def target(self) -> pg.PgTarget | None:
        """The server as typed; None (with the missing field named) when incomplete."""
        for field, what in (
            (self.host, self.tr("máy chủ")),
            (self.dbname, self.tr("tên cơ sở dữ liệu")),
            (self.user, self.tr("người dùng")),
        ):
            if not field.text().strip():
                self._say(self.tr("Hãy nhập {what}.").format(what=what), ok=False)
                field.setFocus()
                return None
        return pg.PgTarget(
            self.user.text().strip(),
            self.host.text().strip(),
            self.port.value(),
            self.dbname.text().strip(),
        )

    def _say(self, text: str, *, ok: bool) -> None:
        self.status.setText(text)
        self.status.setProperty("ok", ok)

    def try_connection(self) -> bool:
        """Connect once and say what is there; True when the window can run on it."""
        target = self.target()
        if target is None:
            return False
        try:
            version = pg.probe(target, self.password.text() or None)
        except pg.ConnectError as exc:
            self._say(exc.message, ok=False)
            if exc.needs_password:
                self.password.setFocus()
                self.password.selectAll()
            return False
        if version is None:
            self._say(
                self.tr("Cơ sở dữ liệu này đã có bảng khác, không phải của Giao ban."), ok=False
            )
            return False
        if version > SCHEMA_VERSION:
            self._say(
                self.tr(
                    "Cơ sở dữ liệu được tạo bởi phiên bản Giao ban mới hơn; "
                    "hãy cập nhật chương trình."
                ),
                ok=False,
            )
            return False
        if version == 0:
            self._say(
                self.tr("Kết nối được. Cơ sở dữ liệu còn trống: sẽ được tạo khi kết nối."),
                ok=True,
            )
        else:
            self._say(self.tr("Kết nối được cơ sở dữ liệu Giao ban."), ok=True)
        return True

    def _on_connect(self) -> None:
        target = self.target()
        if target is None or not self.try_connection():
            return
        self.choice = Choice(target.display(), self.password.text() or None)
        self.accept()

    def _on_local(self) -> None:
        self.choice = Choice(local_file())
        self.accept()


def switch_window(
    window: QMainWindow, choice: Choice, make_window: Callable[[], QMainWindow]
) -> QMainWindow | None:
    """Open ``choice`` and show a new window (``make_window()``: the main window's class,
    passed in so that this module imports no window) in place of ``window``; on failure
    the message is shown and ``window`` stays on the database it had (None returned)."""

    previous = current_target()
    previous_password = getattr(database.obj, "connect_params", {}).get("password")
    live = getattr(window, "live_refresh", None)
    if live is not None:
        live.stop()
    try:
        open_db(choice.target, password=choice.password)
    except TrackerError as exc:
        messages.show_error(window, exc)
        if previous is not None:
            try:
                open_db(previous, password=previous_password)
            except TrackerError as again:
                messages.show_error(window, again)
            else:
                if live is not None:
                    live.start()
        return None
    remember(choice, previous)
    fresh = make_window()
    fresh.show()  # before the old one closes: the application keeps running
    if window in _windows:
        _windows.remove(window)
    _windows.append(fresh)
    window.close()  # which saves its layout, as at every close
    window.deleteLater()
    return fresh
