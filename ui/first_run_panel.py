"""What an empty database shows: start with a first giao ban, or look at the sample."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import assets


class FirstRunPanel(QFrame):
    """A friendly start for a new database.

    Signals:
        create_requested(): the clerk wants to log the first giao ban.
        sample_requested(): the clerk wants to load the sample data.
    """

    create_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunPanel")
        self.setAccessibleName(self.tr("Bắt đầu sử dụng"))
        icon = QLabel(self)
        icon.setPixmap(assets.icon("app").pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Chưa có cuộc giao ban nào"), self)
        title.setObjectName("firstRunTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "Ghi lại cuộc giao ban đầu tiên cùng các nội dung chỉ đạo, rồi theo dõi, "
                "đôn đốc từng nội dung đến khi hoàn thành. Muốn xem thử trước, hãy nạp "
                "dữ liệu mẫu (giao ban ngày 01/04/2021)."
            ),
            self,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A fixed width lets the layout ask the wrapped label its height for that
        # width; centred at its own size it was squeezed to two clipped lines.
        text.setFixedWidth(520)
        text.setMinimumHeight(text.heightForWidth(520))
        self.create_button = QPushButton(
            assets.icon("new"), self.tr("&Ghi cuộc giao ban đầu tiên…"), self
        )
        self.create_button.setObjectName("primaryButton")
        self.create_button.setAccessibleName(self.tr("Ghi cuộc giao ban đầu tiên"))
        self.create_button.setDefault(True)
        self.sample_button = QPushButton(self.tr("&Nạp dữ liệu mẫu"), self)
        self.sample_button.setAccessibleName(self.tr("Nạp dữ liệu mẫu"))
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for w in (icon, title, text, self.create_button, self.sample_button):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.create_button.clicked.connect(self.create_requested)
        self.sample_button.clicked.connect(self.sample_requested)
