"""A delegate that wraps a cell's text onto a few lines and elides the last one.

Rows keep one uniform height (``row_height``), so a paged table never measures a
row: the view lays out 300,000 rows as cheaply as one. Only painted cells are
laid out, and the lines of each (text, width, font) are kept for the next paint.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
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
    # Words are never cut ("01/04/2021" does not become "01/04/202" + "1"); a word
    # wider than the column is elided instead.
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
    """Paints the display text on up to ``max_lines`` lines, elided after the last."""

    def __init__(self, parent: object = None, *, max_lines: int = MAX_LINES) -> None:
        super().__init__(parent)
        self._max_lines = max_lines
        # The lines of each (text, width, bold) painted, joined: one drawText per cell.
        self._cache: dict[tuple[str, int, bool], str] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # One height for every row: views with uniform rows ask the first row only.
        size = super().sizeHint(option, index)
        return QSize(size.width(), row_height(QFontMetrics(option.font), self._max_lines))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # Kept lean: it runs for every visible cell of every repaint.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)  # text, icon, font, and the palette's foreground
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        has_icon = bool(opt.features & _HAS_DECORATION)
        if has_icon:
            # The icon beside the first line of text, not in the middle of a tall row.
            opt.decorationAlignment = _TOP_LEFT
        # Background, selection, focus and icon as the style draws them; the text is ours.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if not text:
            return
        if has_icon:
            rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        else:
            rect = opt.rect
        rect = rect.adjusted(_PADDING, _PADDING - 1, -_PADDING, 0)
        font = opt.font
        key = (text, rect.width(), font.bold())
        lines = self._cache.get(key)
        if lines is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            lines = self._cache[key] = "\n".join(
                wrapped_lines(text, font, rect.width(), self._max_lines)
            )
        selected = opt.state & _SELECTED
        painter.save()
        painter.setFont(font)
        painter.setPen(opt.palette.color(_HIGHLIGHTED_TEXT if selected else _TEXT))
        painter.drawText(rect, int(opt.displayAlignment & _HORIZONTAL) | _TOP, lines)
        painter.restore()


_HAS_DECORATION = QStyleOptionViewItem.ViewItemFeature.HasDecoration
_TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
_TOP = int(Qt.AlignmentFlag.AlignTop)
_HORIZONTAL = Qt.AlignmentFlag.AlignHorizontal_Mask
_SELECTED = QStyle.StateFlag.State_Selected
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
