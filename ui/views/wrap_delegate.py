"""A delegate that wraps a cell's text onto a few lines and elides the last one.

Rows keep one uniform height (``row_height``), so a paged table never measures a
row: the view lays out 300,000 rows as cheaply as one. Qt's own item painting
draws the background, selection, focus and icon; the delegate draws the text,
broken into lines for the cell's width (kept per text and width). It touches no
QStyle (loading that class costs ~9 ms at start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyledItemDelegate

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

MAX_LINES = 3
_PADDING = 3  # pixels around the text, as Qt's own item delegate leaves
_ICON_GAP = 4
_CACHE_LIMIT = 4096
_TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
_TOP = int(Qt.AlignmentFlag.AlignTop)
_HORIZONTAL = int(Qt.AlignmentFlag.AlignHorizontal_Mask)
_STATE_SELECTED = 0x00008000  # QStyle.StateFlag.State_Selected, without loading QStyle


def row_height(metrics: QFontMetrics, lines: int = MAX_LINES) -> int:
    """The uniform row height that shows ``lines`` wrapped lines of text."""
    return lines * metrics.lineSpacing() + 2 * _PADDING + 2


def wrapped_lines(text: str, font: QFont, width: int, max_lines: int = MAX_LINES) -> list[str]:
    """``text`` broken at word boundaries to ``width`` pixels, at most ``max_lines``
    lines, the last elided with "…" when the text goes on; a single word wider than
    the column is elided, never cut in two ("01/04/2021" stays whole or "01/04/…")."""
    metrics = QFontMetrics(font)
    paragraph = " ".join(text.split())
    if width <= 0 or not paragraph:
        return []
    layout = QTextLayout(paragraph, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    lines: list[str] = []
    layout.beginLayout()
    try:
        while len(lines) < max_lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            if len(lines) == max_lines - 1 and start + length < len(paragraph):
                rest = paragraph[start:]
                lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
                break
            text_line = paragraph[start : start + length].rstrip()
            if metrics.horizontalAdvance(text_line) > width:
                text_line = metrics.elidedText(text_line, Qt.TextElideMode.ElideRight, width)
            lines.append(text_line)
    finally:
        layout.endLayout()
    return lines


class WrapDelegate(QStyledItemDelegate):
    """Shows the display text on up to ``max_lines`` lines, elided after the last."""

    def __init__(self, parent: QObject | None = None, *, max_lines: int = MAX_LINES) -> None:
        super().__init__(parent)
        self._max_lines = max_lines
        self._painting = False
        self._text = ""
        self._has_icon = False
        # The lines of each (text, width, bold) shown, joined with line breaks.
        self._cache: dict[tuple[str, int, bool], str] = {}

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # One height for every row: views with uniform rows ask the first row only.
        size = super().sizeHint(option, index)
        return QSize(size.width(), row_height(QFontMetrics(option.font), self._max_lines))

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if self._painting:
            # Qt's painting (in paint()) draws everything but the text, which is ours.
            self._text = option.text
            self._has_icon = not option.icon.isNull()
            option.text = ""
            if self._has_icon:
                # The icon beside the first line of text, not in the middle of a tall row.
                option.decorationAlignment = _TOP_LEFT

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # Runs for every visible cell of every repaint: kept lean.
        self._painting = True
        self._text = ""
        try:
            super().paint(painter, option, index)
        finally:
            self._painting = False
        text = self._text
        if not text:
            return
        rect = option.rect.adjusted(_PADDING, _PADDING - 1, -_PADDING, 0)
        if self._has_icon:
            rect.setLeft(rect.left() + option.decorationSize.width() + _ICON_GAP)
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        key = (text, rect.width(), font.bold())
        lines = self._cache.get(key)
        if lines is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            lines = self._cache[key] = "\n".join(
                wrapped_lines(text, font, rect.width(), self._max_lines)
            )
        selected = int(option.state.value) & _STATE_SELECTED
        if selected:
            colour = option.palette.color(QPalette.ColorRole.HighlightedText)
        else:
            brush = index.data(Qt.ItemDataRole.ForegroundRole)
            colour = brush if brush is not None else option.palette.color(QPalette.ColorRole.Text)
        align = index.data(Qt.ItemDataRole.TextAlignmentRole)
        horizontal = (int(align) if align is not None else 0) & _HORIZONTAL
        painter.save()
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(rect, horizontal | _TOP, lines)
        painter.restore()
