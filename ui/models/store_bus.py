"""The one notification path: run a tracker service and tell every view what changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from tracker.changes import Changes
from tracker.errors import TrackerError


class StoreBus(QObject):
    """Runs writes and re-emits the ``Changes`` they return.

    Signals:
        changed(Changes): after any write, with what it touched.
        failed(TrackerError): a write run outside a dialog (undo, redo) failed.
    """

    changed = Signal(object)
    failed = Signal(object)

    def run(self, fn: Callable[..., Changes], /, **kwargs: Any) -> Changes:
        """Call ``fn(**kwargs)`` (a service) and emit what it changed.

        A TrackerError propagates to the caller (a dialog shows it); nothing is emitted.
        """
        changes = fn(**kwargs)
        self.notify(changes)
        return changes

    def notify(self, changes: Changes) -> None:
        if not changes.empty:
            self.changed.emit(changes)

    def report(self, error: TrackerError) -> None:
        self.failed.emit(error)
