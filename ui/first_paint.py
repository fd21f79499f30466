"""Knowing when the window is first on screen: what start-up defers waits for it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaintWatcher(QObject):
    """Calls ``done`` once every watched widget has been painted once."""

    def __init__(self, widgets: list[QWidget], done: Callable[[], None]) -> None:
        super().__init__(widgets[0])
        self._pending: set[QObject] = set(widgets)
        self._done = done
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and obj in self._pending:
            self._pending.discard(obj)
            obj.removeEventFilter(self)
            if not self._pending:
                QTimer.singleShot(0, self._done)  # after this paint has finished
        return False
