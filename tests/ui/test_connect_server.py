"""Tệp ▸ Kết nối máy chủ… against the real test server: a wrong database is named and
changes nothing, the right one is tried, connected to, remembered without the password,
and "Dùng tệp trên máy này" goes back to the file. And a server that stops while a
dialog is open: the typed text is kept, a Vietnamese message shows, and the same
dialog saves once the server is back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import peewee as pw
import pytest

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tracker import queries, seeding
from tracker.store.db import close_db, open_db
from tracker.store.pg import PgDatabase
from tracker.store.proxy import database

SECRET = "mat-khau-thu-9271"


def _when_dialog(qtbot, act: Callable[[QWidget], None]) -> None:  # noqa: ANN001
    """Run ``act`` on the modal dialog once it is shown (the command's exec() waits)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        act(dialog)

    QTimer.singleShot(0, poll)


def _fill(dialog, server, dbname: str) -> None:  # noqa: ANN001
    from tests.pgserver import SUPERUSER

    dialog.host.setText(str(server.socket_dir))
    dialog.port.setValue(server.port)
    dialog.dbname.setText(dbname)
    dialog.user.setText(SUPERUSER)
    dialog.password.setText(SECRET)  # the test server trusts every login: unused, never kept


@pytest.fixture
def file_window(qtbot, db_path: Path) -> Iterator[QWidget]:  # noqa: ANN001
    from ui.main_window import MainWindow

    w = MainWindow()
    w.show()
    yield w
    from ui.dialogs import connect_server

    for other in [*connect_server._windows, w]:
        try:
            other.close()
        except RuntimeError:  # deleted by the switch
            pass
    connect_server._windows.clear()


def test_connect_to_the_server_and_back(  # type: ignore[no-untyped-def]
    qtbot, file_window, db_path: Path, pg_server, private_settings: Path
) -> None:
    from ui.dialogs import connect_server
    from ui.dialogs.connect_server import ConnectServerDialog

    name = pg_server.create_database()
    try:
        # A database that is not there: said in Vietnamese, nothing switched.
        # Not handed to qtbot: the window it belongs to is deleted by the switch below,
        # and the dialog with it (closing it again at teardown would fail).
        dialog = ConnectServerDialog(file_window)
        dialog.show()
        _fill(dialog, pg_server, "khong_co_csdl")
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        assert "không có cơ sở dữ liệu" in dialog.status.text()
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        assert dialog.choice is None and dialog.isVisible()
        assert isinstance(database.obj, pw.SqliteDatabase)
        dialog.close()

        # The menu entry: try, connect, a new window on the server.
        def try_then_connect(d: QWidget) -> None:
            _fill(d, pg_server, name)
            qtbot.mouseClick(d.test_button, Qt.MouseButton.LeftButton)
            assert "Kết nối được" in d.status.text()
            qtbot.mouseClick(d.connect_button, Qt.MouseButton.LeftButton)

        _when_dialog(qtbot, try_then_connect)
        file_window.actions.connect_server.trigger()
        fresh = connect_server._windows[-1]
        assert fresh is not file_window and fresh.isVisible()
        assert isinstance(database.obj, PgDatabase) and database.obj.target.dbname == name
        assert fresh.live_refresh is not None
        fresh.commands.load_sample()
        assert queries.list_meetings()
        url = pg_server.url(name)
        assert connect_server.remembered_target() == url
        QSettings().sync()
        stored = "".join(p.read_text("utf-8") for p in private_settings.rglob("*.ini"))
        assert name in stored and SECRET not in stored and "password" not in stored

        # Back to the file the window had before.
        _when_dialog(qtbot, lambda d: qtbot.mouseClick(d.local_button, Qt.MouseButton.LeftButton))
        fresh.actions.connect_server.trigger()
        back = connect_server._windows[-1]
        assert back is not fresh
        assert isinstance(database.obj, pw.SqliteDatabase)
        assert database.obj.database == str(db_path)
        assert connect_server.remembered_target() is None
        assert not queries.list_meetings()  # the file's own data, not the server's
        back.close()
    finally:
        close_db()
        pg_server.drop_database(name)


@pytest.fixture
def own_server(pg_server):  # type: ignore[no-untyped-def]
    """A server of this test's own, which it may stop (the session's keeps running)."""
    from tests.pgserver import running_server

    with running_server() as server:
        yield server


def test_server_stops_with_a_dialog_open(qtbot, own_server) -> None:  # type: ignore[no-untyped-def]
    """The note dialog is open with text typed when the server stops: saving shows
    the lost-connection message in the dialog, which stays open with the text; once
    the server is back the same click saves it."""
    from ui.dialogs.note import NoteDialog
    from ui.main_window import MainWindow

    url = own_server.url(own_server.create_database())
    open_db(url)
    seeding.load_sample()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    directive = queries.list_directives()[0].id
    shown: dict[str, object] = {}
    text = "Huyện đã triển khai, còn 2 xã chưa báo cáo"

    def type_stop_save_restart_save(dialog: QWidget) -> None:
        assert isinstance(dialog, NoteDialog)
        dialog.text.setPlainText(text)
        own_server.stop()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        shown["visible"] = dialog.isVisible()
        shown["messages"] = dialog.messages()
        shown["kept"] = dialog.text.toPlainText()
        own_server.start()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        shown["closed"] = not dialog.isVisible()

    row = queries.directive(directive)
    _when_dialog(qtbot, type_stop_save_restart_save)
    NoteDialog.ask(
        window, save=lambda t, org: window.ops.add_note(directive, t, org), directive=row
    )
    try:
        assert shown["visible"] is True
        assert "Mất kết nối tới máy chủ" in str(shown["messages"])
        assert shown["kept"] == text
        assert shown["closed"] is True
        assert [h.text for h in queries.history(directive)][-1] == text
    finally:
        if window.live_refresh is not None:
            window.live_refresh.stop()
        window.close()
        close_db()
