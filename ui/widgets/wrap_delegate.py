"""A delegate that wraps a cell's text onto a few lines and elides the last one.

Rows keep one uniform height (``row_height``), so a paged table never measures a
row: the view lays out 300,000 rows as cheaply as one. Only painted cells are
laid out, and the lines of each (text, width, font) are kept for the next paint.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex

MAX_LINES = 3
_PADDING = 3  # pixels around the text, as Qt's own item delegate leaves
_CACHE_LIMIT = 4096


def row_height(metrics: QFontMetrics, lines: int = MAX_LINES) -> int:
    """The uniform row height that shows ``lines`` wrapped lines of text."""
    return lines * metrics.lineSpacing() + 2 * _PADDING + 2


def wrapped_lines(text: str, font: QFont, width: int, max_lines: int = MAX_LINES) -> list[str]:
    """``text`` broken at word boundaries to ``width`` pixels, at most ``max_lines``
    lines, the last elided with "…" when the text goes on."""
    metrics = QFontMetrics(font)
    paragraph = " ".join(text.split())
    if width <= 0 or not paragraph:
        return []
    layout = QTextLayout(paragraph, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
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
            lines.append(paragraph[start : start + length].rstrip())
    finally:
        layout.endLayout()
    return lines


class WrapDelegate(QStyledItemDelegate):
    """Paints the display text on up to ``max_lines`` lines, elided after the last."""

    def __init__(self, parent: object = None, *, max_lines: int = MAX_LINES) -> None:
        super().__init__(parent)
        self._max_lines = max_lines
        self._cache: dict[tuple[str, int, str], list[str]] = {}

    def _lines(self, text: str, font: QFont, width: int) -> list[str]:
        key = (text, width, font.key())
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[key] = wrapped_lines(text, font, width, self._max_lines)
        return found

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # One height for every row: views with uniform rows ask the first row only.
        size = super().sizeHint(option, index)
        return QSize(size.width(), row_height(QFontMetrics(option.font), self._max_lines))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        # The icon beside the first line of text, not in the middle of a tall row.
        opt.decorationAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        # Background, selection, focus and icon as the style draws them; the text is ours.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if not text:
            return
        rect: QRect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(_PADDING, _PADDING - 1, -_PADDING, 0)
        lines = self._lines(text, opt.font, rect.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Normal
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(group, role))
        if not selected:
            brush = index.data(Qt.ItemDataRole.ForegroundRole)
            if brush is not None:
                painter.setPen(brush if not hasattr(brush, "color") else brush.color())
        step = QFontMetrics(opt.font).lineSpacing()
        align = opt.displayAlignment & Qt.AlignmentFlag.AlignHorizontal_Mask
        y = rect.top()
        for text_line in lines:
            painter.drawText(
                QRect(rect.left(), y, rect.width(), step),
                int(align | Qt.AlignmentFlag.AlignVCenter),
                text_line,
            )
            y += step
        painter.restore()
