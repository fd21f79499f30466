"""The one notification path: run a tracker service and tell every view what changed.

Each model (and the details panel) follows the bus itself through a :class:`Follower`;
the window does not pass changes on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

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


class Follower(QObject):
    """Hands every change on ``bus`` to ``apply``: at once while ``widget`` is visible
    (or when there is no widget), else gathered and applied once when it is shown again,
    so a hidden view costs nothing per change and is never stale when seen."""

    def __init__(
        self,
        bus: StoreBus,
        apply: Callable[[Changes], None],
        widget: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else widget)
        self._apply = apply
        self._widget = widget
        self._pending: Changes | None = None
        bus.changed.connect(self._on_changed)
        if widget is not None:
            widget.installEventFilter(self)

    @property
    def pending(self) -> bool:
        """Whether changes wait for the widget to be shown."""
        return self._pending is not None

    def _on_changed(self, changes: Changes) -> None:
        if self._widget is None or self._widget.isVisible():
            self._apply(changes)
        else:
            self._pending = changes if self._pending is None else self._pending | changes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._pending is not None:
            changes, self._pending = self._pending, None
            self._apply(changes)
        return False
