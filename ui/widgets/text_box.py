"""Read-only wrapped text that grows to a few lines and scrolls beyond them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QTextOption
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QWidget


class TextBox(QPlainTextEdit):
    """A label for long text: wrapped, selectable with mouse and keyboard, as tall as its
    text up to ``max_lines`` and scrolling past that, so a squeezed layout never cuts
    the text off (a word-wrapped QLabel is clipped when its parent is short)."""

    def __init__(self, parent: QWidget | None = None, *, max_lines: int = 5) -> None:
        super().__init__(parent)
        self._max_lines = max_lines
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
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
        self.setFixedHeight(shown * self.fontMetrics().lineSpacing() + extra)

    # --- Qt overrides -------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit()
