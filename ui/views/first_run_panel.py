"""What an empty database shows: start with a first giao ban, or look at the sample;
and, before anything is printed, the province and the body that issues the documents."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.settings import ISSUING_BODIES, ReportSettings
from tracker.text import clean
from ui import assets
from ui.widgets.combo import line_edit


class FirstRunPanel(QFrame):
    """A friendly start for a new database.

    The province and the issuing body printed on every document are asked here,
    filled with the current settings (the defaults on a new database); the
    window saves them when the clerk starts (``document_settings``).

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

        self._base = ReportSettings()
        documents = QGroupBox(self.tr("Văn bản in ra"), self)
        documents.setFixedWidth(520)
        self.province = QLineEdit(documents)
        self.province.setAccessibleName(self.tr("Tỉnh"))
        self.province.setPlaceholderText(self.tr("Ví dụ: Nam Định"))
        self.province.setMaxLength(200)
        self.issuing_body = QComboBox(documents)
        self.issuing_body.setEditable(True)
        self.issuing_body.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.issuing_body.addItems(list(ISSUING_BODIES))
        self.issuing_body.setAccessibleName(self.tr("Cơ quan ban hành"))
        line_edit(self.issuing_body).setMaxLength(200)
        policy = self.issuing_body.sizePolicy()
        policy.setHorizontalPolicy(policy.Policy.Expanding)  # as wide as the province
        self.issuing_body.setSizePolicy(policy)
        hint = QLabel(
            self.tr("In ở đầu mỗi văn bản. Sửa sau ở Công cụ ▸ Thiết lập… (người ký, nơi nhận…)."),
            documents,
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)  # greyed: a hint, not a control
        form = QFormLayout(documents)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for label_text, field in (
            (self.tr("&Tỉnh:"), self.province),
            (self.tr("Cơ quan &ban hành:"), self.issuing_body),
        ):
            label = QLabel(label_text, documents)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(hint)

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
        for w in (icon, title, text, documents, self.create_button, self.sample_button):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        for first, second in (
            (self.province, self.issuing_body),
            (self.issuing_body, self.create_button),
            (self.create_button, self.sample_button),
        ):
            QWidget.setTabOrder(first, second)
        self.create_button.clicked.connect(self.create_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.province.returnPressed.connect(self.issuing_body.setFocus)
        self.set_settings(self._base)

    def set_settings(self, settings: ReportSettings) -> None:
        """Show the province and issuing body of ``settings`` (kept for the rest)."""
        self._base = settings
        self.province.setText(settings.province)
        self.issuing_body.setCurrentText(settings.issuing_body)

    def document_settings(self) -> ReportSettings:
        """The settings with the province and issuing body as typed; the place the
        documents are dated at follows the province when it was the old province."""
        base = self._base
        province = clean(self.province.text())
        place = province if base.place_name == base.province else base.place_name
        return replace(
            base,
            province=province,
            place_name=place,
            issuing_body=clean(self.issuing_body.currentText()),
        )
