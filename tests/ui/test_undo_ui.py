"""Ctrl+Z / Ctrl+Y in the real window against another process on the same file: a stale
undo is refused and dropped, a locked file leaves the stack where it was."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from tracker import queries
from tracker.errors import DatabaseBusyError, StaleEditError
from tracker.rows import Status
from tracker.store.db import close_db, open_db
from tracker.store.models import HistoryEntry
from ui import messages
from ui.main_window import TAB_MEETING, MainWindow

from .conftest import AS_OF

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "tests" / "tracker" / "safety_worker.py"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture
def busy_db(tmp_path: Path) -> Iterator[Path]:
    """The sample data in a file whose writes wait only 300 ms for a lock."""
    from tracker.seeding import load_sample

    path = tmp_path / "giaoban.sqlite3"
    open_db(str(path), busy_timeout_ms=300)
    load_sample()
    yield path
    close_db()


@pytest.fixture
def win(qtbot, busy_db: Path) -> MainWindow:  # noqa: ANN001
    w = MainWindow(as_of=AS_OF)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    return w


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[BaseException | str]:
    """The errors the window shows in a message box."""
    seen: list[BaseException | str] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, error, *a, **k: seen.append(error))
    return seen


def _mark_first_done(qtbot, w: MainWindow) -> int:  # noqa: ANN001
    w.tabs.setCurrentIndex(TAB_MEETING)
    w.meeting_table.setFocus()
    w.meeting_table.selectRow(0)
    did = w.meeting_table.directive_model().row(0).id
    qtbot.keyClick(w.meeting_table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert queries.directive(did).status is Status.DONE
    return did


def _key(qtbot, w: MainWindow, key: Qt.Key) -> None:  # noqa: ANN001
    qtbot.keyClick(w.meeting_table, key, Qt.KeyboardModifier.ControlModifier)


def _hold_lock(db: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, str(WORKER), "hold", str(db), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    assert holder.stdout is not None and holder.stdout.readline().startswith("LOCKED")
    return holder


def test_stale_undo_is_refused_dropped_and_keeps_the_other_windows_note(
    qtbot, win: MainWindow, busy_db: Path, shown: list
) -> None:  # noqa: ANN001
    """Ctrl+D here, another process adds a note to that directive, Ctrl+Z here: the stale
    message is shown, the status and the note stay, and the step leaves the undo list."""
    did = _mark_first_done(qtbot, win)
    subprocess.run(
        [sys.executable, str(WORKER), "note", str(busy_db), str(did), "Ghi chú của B"],
        check=True,
        env=ENV,
        capture_output=True,
    )
    _key(qtbot, win, Qt.Key.Key_Z)
    assert len(shown) == 1 and isinstance(shown[0], StaleEditError)
    assert "Không hoàn tác được" in shown[0].message
    assert queries.directive(did).status is Status.DONE
    assert HistoryEntry.select().where(HistoryEntry.text == "Ghi chú của B").count() == 1
    assert win.undo_stack.count() == 0 and not win.actions.undo.isEnabled()
    assert not win.undo_stack.canRedo()


def test_undo_on_a_locked_file_says_busy_and_leaves_the_stack(
    qtbot, win: MainWindow, busy_db: Path, shown: list
) -> None:  # noqa: ANN001
    """Another process holds the lock while Ctrl+Z is pressed: the busy message, the
    directive still done, the step still undoable; after the lock is gone Ctrl+Z works."""
    did = _mark_first_done(qtbot, win)
    holder = _hold_lock(busy_db, 1.5)
    _key(qtbot, win, Qt.Key.Key_Z)
    assert len(shown) == 1 and isinstance(shown[0], DatabaseBusyError)
    assert "chương trình khác" in shown[0].message
    assert queries.directive(did).status is Status.DONE
    assert (win.undo_stack.index(), win.undo_stack.count()) == (1, 1)
    assert win.actions.undo.isEnabled() and not win.undo_stack.canRedo()
    holder.communicate(timeout=30)
    _key(qtbot, win, Qt.Key.Key_Z)
    assert queries.directive(did).status is not Status.DONE
    assert win.undo_stack.index() == 0 and win.undo_stack.canRedo()


def test_redo_on_a_locked_file_says_busy_and_leaves_the_stack(
    qtbot, win: MainWindow, busy_db: Path, shown: list
) -> None:  # noqa: ANN001
    """Ctrl+Y while another process holds the lock: busy message, still undone, still
    redoable; Ctrl+Y after the lock is gone marks it done again."""
    did = _mark_first_done(qtbot, win)
    _key(qtbot, win, Qt.Key.Key_Z)
    holder = _hold_lock(busy_db, 1.5)
    _key(qtbot, win, Qt.Key.Key_Y)
    assert len(shown) == 1 and isinstance(shown[0], DatabaseBusyError)
    assert queries.directive(did).status is not Status.DONE
    assert (win.undo_stack.index(), win.undo_stack.count()) == (0, 1)
    holder.communicate(timeout=30)
    _key(qtbot, win, Qt.Key.Key_Y)
    assert queries.directive(did).status is Status.DONE


def test_stale_redo_is_refused_and_dropped(
    qtbot, win: MainWindow, busy_db: Path, shown: list
) -> None:  # noqa: ANN001
    """Ctrl+D, Ctrl+Z, then another process marks the directive done with its own note:
    Ctrl+Y would overwrite that, so it is refused, the step dropped, B's note kept."""
    did = _mark_first_done(qtbot, win)
    _key(qtbot, win, Qt.Key.Key_Z)
    subprocess.run(
        [sys.executable, str(WORKER), "done", str(busy_db), str(did), "Kết quả của B"],
        check=True,
        env=ENV,
        capture_output=True,
    )
    _key(qtbot, win, Qt.Key.Key_Y)
    assert len(shown) == 1 and isinstance(shown[0], StaleEditError)
    assert "Không làm lại được" in shown[0].message
    assert HistoryEntry.select().where(HistoryEntry.text.contains("Kết quả của B")).count() == 1
    assert win.undo_stack.count() == 0 and not win.actions.redo.isEnabled()
