"""Read-only wrapped text that grows to a few lines and scrolls beyond them."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent, QTextOption
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QWidget


class TextBox(QPlainTextEdit):
    """A label for long text: wrapped, selectable with mouse and keyboard, as tall as its
    text up to ``max_lines`` and scrolling past that, never below ``min_lines`` (of
    its text) when a layout is short of height, so a squeezed layout never cuts the
    text off (a word-wrapped QLabel is clipped when its parent is short)."""

    def __init__(
        self, parent: QWidget | None = None, *, max_lines: int = 5, min_lines: int = 1
    ) -> None:
        super().__init__(parent)
        self._max_lines = max_lines
        self._min_lines = min_lines  # kept even when the layout is short of height
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        # As tall as its text (up to max_lines) when there is room, down to one line
        # (scrolling) when the layout is short of height.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self._height = 0
        self.viewport().setAutoFillBackground(False)
        self._fit()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 (QLabel's name, for callers)
        self.setPlainText(text)
        self._fit()

    def _fit(self) -> None:
        doc = self.document()
        doc.setTextWidth(self.viewport().width())
        lines = 0
        block = doc.begin()
        while block.isValid():
            layout = block.layout()
            lines += max(1, layout.lineCount() if layout is not None else 1)
            block = block.next()
        shown = max(1, min(lines, self._max_lines))
        margins = self.contentsMargins()
        # The plain-text layout wants a few pixels beyond its lines to show the last whole.
        extra = int(doc.documentMargin() * 2) + margins.top() + margins.bottom() + 2
        self._line_height = self.fontMetrics().lineSpacing()
        self._extra = extra
        self._height = shown * self._line_height + extra
        self._least = min(shown, self._min_lines) * self._line_height + extra
        self.setMaximumHeight(self._height)
        self.updateGeometry()

    # --- Qt overrides -------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._least)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit()
