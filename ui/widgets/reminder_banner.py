"""ReminderBanner: a strip above the views saying what is due soon, with "Xem" and close."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class ReminderBanner(QFrame):
    """Non-modal: the clerk may read it, open the list, or close it and go on.

    Signals:
        view_requested(): "Xem" was pressed.
        dismissed(): the banner was closed.
    """

    view_requested = Signal()
    dismissed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.view_button = QPushButton(self.tr("&Xem"), self)
        self.view_button.setAccessibleName(self.tr("Xem các nội dung đến hạn"))
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Đóng lời nhắc"))
        self.close_button.setAccessibleName(self.tr("Đóng lời nhắc"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 1, 4, 1)  # thin: a 150 % laptop has no height to spare
        row.addWidget(self.label, 1)
        row.addWidget(self.view_button)
        row.addWidget(self.close_button)
        self.view_button.clicked.connect(self.view_requested)
        self.close_button.clicked.connect(self._on_close_button_clicked)

    def _on_close_button_clicked(self) -> None:
        self.hide()
        self.dismissed.emit()
