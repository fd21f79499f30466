"""Windows and dialogs sized from the screen they open on, never larger than it.

Every top-level window asks ``fit_to_screen`` for its size: the size it would like,
cut to the screen's available geometry (what the taskbar leaves) less a margin
for the window frame. A dialog whose content needs more height than that gets its
content in a scroll area, with its buttons (the last item of its layout) kept
outside it, always visible. Works in logical pixels, so 125 % and 150 % scaling
(a 1366×768 laptop at 150 % has 910×512 to offer) are covered by the same rule.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QFrame, QScrollArea, QVBoxLayout, QWidget

# Room for the frame and title bar the window system adds around a window.
FRAME_WIDTH = 16
FRAME_HEIGHT = 40


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable part of the screen ``widget`` (or its parent window) is on."""
    screen = None
    if widget is not None:
        anchor = widget.parentWidget().window() if widget.parentWidget() else widget
        screen = anchor.screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width``×``height`` or to what its screen has room for,
    whichever is smaller; scroll a dialog's content when even its minimum is too tall."""
    area = available_geometry(widget)
    room_w = max(200, area.width() - FRAME_WIDTH)
    room_h = max(200, area.height() - FRAME_HEIGHT)
    layout = widget.layout()
    if layout is not None:
        layout.activate()
        needed = layout.totalMinimumSize()
        if needed.height() > room_h or needed.width() > room_w:
            scroll_content(widget)
            layout = widget.layout()
            layout.activate()
    if widget.minimumWidth() > room_w or widget.minimumHeight() > room_h:
        widget.setMinimumSize(
            min(widget.minimumWidth(), room_w), min(widget.minimumHeight(), room_h)
        )
    widget.resize(min(width, room_w), min(height, room_h))
    parent = widget.parentWidget()
    if parent is not None and widget.isWindow():
        # Centred on the parent window, moved back inside the screen if that spills over.
        frame = widget.frameGeometry()
        frame.moveCenter(parent.window().frameGeometry().center())
        frame.moveLeft(max(area.left(), min(frame.left(), area.right() - frame.width())))
        frame.moveTop(max(area.top(), min(frame.top(), area.bottom() - frame.height())))
        widget.move(frame.topLeft())


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
