"""The integrity check of a large data file, in the background after the first paint.

A file over 64 MB is opened without its integrity check (it would hold up every
start). The window runs it afterwards in a thread, on a read-only connection of its
own; the clerk can read and write meanwhile. Only if it fails are writes refused
(``tracker.store.integrity`` remembers the verdict; every service checks it) and the clerk
is told, once, to restore a backup.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from tracker.store import integrity

log = logging.getLogger(__name__)


class IntegrityWatch(QObject):
    """Runs ``integrity.check_file`` in a thread; ``finished(problem)`` in the GUI thread
    (``problem`` is "" for a healthy file)."""

    finished = Signal(str)

    def __init__(self, path: str | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = str(path)
        self.problem: str | None = None  # None until the check has finished
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            problem = integrity.check_file(self.path) or ""
        except Exception as exc:  # noqa: BLE001 - a lock held all along: check next time
            log.warning("Chưa kiểm tra được tính toàn vẹn của tệp dữ liệu: %s", exc)
            return
        if problem:
            integrity.mark_damaged(self.path, problem)  # writes refused from now on
        self.problem = problem
        self.finished.emit(problem)  # queued to the GUI thread

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)
