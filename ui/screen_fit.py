"""Windows and dialogs sized from the screen they open on, never larger than it.

Every top-level window asks ``fit_to_screen`` for its size: the size it would like,
cut to the screen's available geometry (what the taskbar leaves) less a margin
for the window frame. A dialog whose content needs more height than that gets its
content in a scroll area, with its buttons (the last item of its layout) kept
outside it, always visible. Works in logical pixels, so 125 % and 150 % scaling
(a 1366×768 laptop at 150 % has 910×512 to offer) are covered by the same rule.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QDialog, QFrame, QScrollArea, QVBoxLayout, QWidget

# Room for the frame and title bar the window system adds around a window.
FRAME_WIDTH = 16
FRAME_HEIGHT = 40


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable part of the screen ``widget`` (or its parent window) is on."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        anchor = parent.window() if parent is not None else widget
        screen = anchor.screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width``×``height`` or to what its screen has room for,
    whichever is smaller; then ``keep_on_screen``. A dialog calls ``keep_on_screen``
    again when shown (its content may have grown since)."""
    room = _room(widget)
    widget.resize(min(width, room.width()), min(height, room.height()))
    keep_on_screen(widget)


def keep_on_screen(widget: QWidget) -> None:
    """Make ``widget`` fit its screen: a dialog whose content needs more than the screen
    has gets its content in a scroll area (buttons kept below it); the size is cut to
    the room there is; a window with a parent is centred on it, inside the screen."""
    room = _room(widget)
    layout = widget.layout() if isinstance(widget, QDialog) else None
    if layout is not None:
        layout.activate()
        needed = layout.totalMinimumSize()
        if needed.height() > room.height() or needed.width() > room.width():
            scroll_content(widget)
            layout = widget.layout()
            if layout is not None:
                layout.activate()
    minimum = widget.minimumSize()
    if minimum.width() > room.width() or minimum.height() > room.height():
        widget.setMinimumSize(
            min(minimum.width(), room.width()), min(minimum.height(), room.height())
        )
    if widget.width() > room.width() or widget.height() > room.height():
        widget.resize(min(widget.width(), room.width()), min(widget.height(), room.height()))
    parent = widget.parentWidget()
    if parent is not None and widget.isWindow():
        area = available_geometry(widget)
        width = widget.width() + FRAME_WIDTH
        height = widget.height() + FRAME_HEIGHT
        centre = parent.window().frameGeometry().center()
        left = max(area.left(), min(centre.x() - width // 2, area.left() + area.width() - width))
        top = max(area.top(), min(centre.y() - height // 2, area.top() + area.height() - height))
        widget.move(left, top)


def _room(widget: QWidget) -> QSize:
    area = available_geometry(widget)
    return QSize(max(200, area.width() - FRAME_WIDTH), max(200, area.height() - FRAME_HEIGHT))


def scroll_content(widget: QWidget) -> QScrollArea | None:
    """Move every item of ``widget``'s top layout but the last (its buttons) into a
    scroll area; the buttons stay below it. None when there is nothing to move."""
    layout = widget.layout()
    if layout is None or layout.count() < 2:
        return None
    existing = widget.findChild(QScrollArea, "fitScrollArea")
    if existing is not None:
        return existing
    area = QScrollArea(widget)
    area.setObjectName("fitScrollArea")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    body = QWidget(area)
    body.setObjectName("fitScrollBody")
    inner = QVBoxLayout(body)
    inner.setContentsMargins(0, 0, 0, 0)
    inner.setSpacing(layout.spacing())
    while layout.count() > 1:
        stretch = layout.stretch(0) if isinstance(layout, QBoxLayout) else 0
        item = layout.takeAt(0)
        assert item is not None  # count() > 1: the first item exists
        child = item.widget()
        sub = item.layout()
        if child is not None:
            inner.addWidget(child, stretch)
        elif sub is not None:
            sub.setParent(None)
            inner.addLayout(sub, stretch)
        else:
            inner.addItem(item)
    area.setWidget(body)
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, area, 1)
    return area
