"""FieldMessage: the plain-language problem shown beside one input."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget


class FieldMessage(QLabel):
    """A wrapped, coloured line under (or beside) an input, hidden while empty.

    The message is also put in the input's accessible description and tool
    tip, so a screen reader announces it with the field and nothing relies
    on colour alone (the text starts with a warning sign).
    """

    def __init__(
        self, field: QWidget | None = None, parent: QWidget | None = None, *, name: str = ""
    ) -> None:
        super().__init__(parent)
        self._field = field
        self._name = name  # shown before the message when it is not right under its field
        self._base_tip: str | None = None  # the field's own tool tip while a message hides it
        self.setWordWrap(True)
        self.setTextFormat(self.textFormat().PlainText)
        self.setAccessibleName(self.tr("Thông báo lỗi"))
        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#ff8a80" if dark else "#a50e0e"))
        self.setPalette(palette)
        self.hide()

    @property
    def field(self) -> QWidget | None:
        """The input this message is about."""
        return self._field

    def message(self) -> str:
        """The message shown, without the warning sign and field name; empty when none."""
        text = self.text().removeprefix("⚠ ")
        if self._name and text:
            text = text.removeprefix(
                self.tr("{field}: {message}").format(field=self._name, message="")
            )
        return text

    def show_message(self, text: str) -> None:
        """Show ``text``, or hide the line when ``text`` is empty."""
        text = text.strip()
        shown = self.tr("{field}: {message}").format(field=self._name, message=text)
        self.setText(f"⚠ {shown if self._name else text}" if text else "")
        self.setVisible(bool(text))
        field = self._field
        if field is None:
            return
        if self._base_tip is None:
            self._base_tip = field.toolTip()
        field.setAccessibleDescription(text)
        field.setToolTip(text or self._base_tip)
        if not text:
            self._base_tip = None

    def clear_message(self) -> None:
        """Hide the message."""
        self.show_message("")
