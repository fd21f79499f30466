"""What the window remembers between sessions (QSettings): its geometry, toolbar state,
splitters, the tables' columns and the chase page's mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter

from ui.screen_fit import available_geometry, fit_to_screen

if TYPE_CHECKING:
    from ui.main_window.base import WindowBase


def _splitters(window: WindowBase) -> tuple[QSplitter, ...]:
    return (window.main_splitter, window.right_splitter, window.details.splitter)


def restore(window: WindowBase) -> None:
    """Put back what :func:`save` kept; on the first start, most of the screen."""
    s = QSettings()
    geometry = s.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    else:  # first start: most of the screen (1366×768 laptops have a taskbar too)
        area = available_geometry(window)
        width, height = area.width() * 92 // 100, area.height() * 92 // 100
        fit_to_screen(window, min(1440, width), min(900, height))
        window.move(area.center() - window.rect().center())
        # A narrow screen gives the directives more of the width.
        window.main_splitter.setSizes([min(260, area.width() // 5), area.width()])
    state = s.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    for splitter in _splitters(window):
        value = s.value(f"splitters/{splitter.objectName()}")
        if isinstance(value, QByteArray):
            splitter.restoreState(value)
    window.meeting_table.restore_columns()
    window.chase_page.restore_settings()


def save(window: WindowBase) -> None:
    """Keep the window's layout for the next start."""
    s = QSettings()
    s.setValue("window/geometry", window.saveGeometry())
    s.setValue("window/state", window.saveState())
    for splitter in _splitters(window):
        s.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
    views = (
        (window.meeting_table, window.all_table) if window.all_built else (window.meeting_table,)
    )
    for view in views:
        view.columns.save()
    window.chase_page.save_settings()
    s.sync()
