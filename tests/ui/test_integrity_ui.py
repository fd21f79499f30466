"""A damaged file over 64 MB in the window: opened at once, checked in the background
after the first paint, and then writes refused with a clear message (the file left as
it was) and reads that meet the damage turned into that message, never a traceback."""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from tests.big_files import built, copy_of, damage_a_page
from tracker import queries
from tracker.errors import DamagedFileError
from tracker.store import integrity
from tracker.store.db import close_db, open_db
from ui import messages
from ui.main_window import TAB_MEETING, MainWindow

from .conftest import AS_OF


@pytest.fixture(scope="module")
def huge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory, 60_000)


@pytest.fixture
def damaged(huge: Path, tmp_path: Path) -> Iterator[Path]:
    path = copy_of(huge, tmp_path)
    damage_a_page(path)
    open_db(str(path))
    yield path
    close_db()
    integrity.forget(path)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list:
    seen: list = []
    monkeypatch.setattr(messages, "_DAMAGE_SHOWN", [])
    monkeypatch.setattr(messages, "show_error", lambda _p, error, *a, **k: seen.append(error))
    return seen


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.qt_no_exception_capture
def test_background_check_blocks_writes_on_a_damaged_large_file(
    qtbot, damaged: Path, shown: list, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    """The check starts after the window is shown and returns at once; when it finds the
    damage (or a view's read meets it first: the window's error hook, installed as the
    app does) the clerk is told once, the status bar says so, and Ctrl+D is refused with
    the message while the file stays byte for byte as it was."""
    monkeypatch.setattr(sys, "excepthook", messages._excepthook)
    w = MainWindow(as_of=AS_OF)
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    started = time.perf_counter()
    w.watch_integrity(str(damaged))
    assert w.integrity_watch.problem is None, "the check ran before returning to the window"
    assert time.perf_counter() - started < 1.0
    # the verdict reaches the window through a queued signal, after the thread set it
    qtbot.waitUntil(w.damage_label.isVisible, timeout=60_000)
    assert w.integrity_watch.problem
    assert len(shown) == 1 and "đã bị hỏng" in str(shown[0]) and "sao lưu" in str(shown[0])
    assert w.damage_label.isVisible()
    before = _digest(damaged)
    w.tabs.setCurrentIndex(TAB_MEETING)
    w.meeting_table.setFocus()
    w.meeting_table.selectRow(0)
    did = w.meeting_table.directive_model().row(0).id
    qtbot.keyClick(w.meeting_table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(shown) == 2 and isinstance(shown[1], DamagedFileError)
    assert queries.directive(did).status.value != "done"
    assert _digest(damaged) == before


def test_a_read_meeting_the_damage_is_a_message_once_and_blocks_writes(
    qtbot, damaged: Path, shown: list  # noqa: ANN001
) -> None:
    """A view that reads the damaged page (before any check) raises SQLite's error: the
    window's error hook shows the damaged-file message once, not the 'unexpected error'
    text or a traceback, and writes are refused from then on."""
    from tracker import services
    from tracker.queries import DirectiveFilter

    try:
        queries.list_directives(DirectiveFilter())
    except Exception as exc:  # noqa: BLE001 - the real error a model would meet
        error = exc
        assert "malformed" in str(exc)
    else:
        pytest.fail("the damaged page was not read")
    for _ in range(3):  # a table view asks again for every cell
        messages._excepthook(type(error), error, error.__traceback__)
    assert len(shown) == 1 and "đã bị hỏng" in str(shown[0])
    with pytest.raises(DamagedFileError):
        services.add_note(directive_id=1, text="không được ghi")
    conn = sqlite3.connect(damaged)
    written = "SELECT count(*) FROM history_entry WHERE text = 'không được ghi'"
    assert conn.execute(written).fetchone() == (0,)
    conn.close()


def test_the_reminder_check_on_a_damaged_file_is_skipped_quietly(
    qtbot, damaged: Path, shown: list  # noqa: ANN001
) -> None:
    """The start-up reminder check that meets the damage logs it and shows nothing: no
    exception escapes into Qt's event loop (one that did left PySide's state broken, and
    the next window built in the process crashed)."""
    w = MainWindow(as_of=AS_OF)
    qtbot.addWidget(w)
    w.show()
    assert w.reminder_watch.check(force=True) is None  # as start-up runs it: nothing raised
    assert w.reminder_watch.found is None
    assert w.reminder_watch.banner is None or not w.reminder_watch.banner.isVisible()
    again = MainWindow(as_of=AS_OF)  # built in the same process, after the failed check
    qtbot.addWidget(again)
    assert again.chase_page is not None
