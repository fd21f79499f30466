"""SettingsDialog: who issues the printed documents, who signs them, who receives them.

Contract for the main window::

    SettingsDialog.ask(
        parent, *, settings: ReportSettings, save: Callable[[ReportSettings], object]
    ) -> bool

- Shows ``settings`` and calls ``save(new_settings)`` once, e.g.
  ``lambda s: services.save_settings(settings=s)``. Empty texts are allowed
  (the printed document leaves room to write by hand).
- Checked before saving: the document number is digits only; codes have no
  spaces or "/". A ``TrackerError`` from ``save`` is shown beside the field
  named by its ``field`` (the ``ReportSettings`` attribute name) or at the top.
- Returns True when saved; closing with changes asks first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.dates import document_date_line
from tracker.reporting.layout import LAYOUT
from tracker.settings import ISSUING_BODIES, ReportSettings, SignerCapacity
from tracker.text import clean
from ui.screen_fit import fit_to_screen
from ui.widgets.form import FormDialog, plain_text_edit

SaveSettings = Callable[[ReportSettings], object]

_CODE = re.compile(r"[^\s/]*")


class SettingsDialog(FormDialog):
    """The report settings as a form, with a preview of the letterhead and signature."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        settings: ReportSettings,
        save: SaveSettings,
        first_time: bool = False,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._settings = settings
        self.setWindowTitle(self.tr("Thiết lập văn bản"))
        self.first_time_note = QLabel(
            self.tr(
                "Trước khi in lần đầu: hãy kiểm tra tỉnh, cơ quan ban hành và người ký in ở "
                "đầu và cuối văn bản (đang là giá trị mặc định), rồi bấm Lưu."
            )
        )
        self.first_time_note.setWordWrap(True)
        self.first_time_note.setVisible(first_time)

        def line(name: str, placeholder: str, max_length: int = 200) -> QLineEdit:
            edit = QLineEdit()
            edit.setAccessibleName(name)
            edit.setPlaceholderText(placeholder)
            edit.setMaxLength(max_length)
            edit.textChanged.connect(self._update_preview)
            return edit

        self.province = line(self.tr("Tỉnh"), self.tr("Ví dụ: Nam Định"))
        self.place_name = line(self.tr("Địa danh ghi ngày"), self.tr("Ví dụ: Nam Định"))
        self.issuing_body = QComboBox()
        self.issuing_body.setEditable(True)
        self.issuing_body.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.issuing_body.addItems(list(ISSUING_BODIES))
        self.issuing_body.setAccessibleName(self.tr("Cơ quan ban hành"))
        self.issuing_body.currentTextChanged.connect(self._update_preview)
        self.issuer_code = line(self.tr("Ký hiệu cơ quan"), self.tr("Ví dụ: BDVTU"), 40)
        self.document_code = line(self.tr("Loại văn bản"), self.tr("Ví dụ: BC"), 20)
        self.document_number = line(self.tr("Số văn bản"), self.tr("để trống: ghi tay"), 10)
        self.signer_capacity = QComboBox()
        self.signer_capacity.setAccessibleName(self.tr("Thẩm quyền ký"))
        self.signer_capacity.addItem(self.tr("Trưởng ban ký"), SignerCapacity.HEAD.value)
        self.signer_capacity.addItem(
            self.tr("Phó trưởng ban ký thay (K/T Trưởng ban)"), SignerCapacity.DEPUTY.value
        )
        self.signer_capacity.currentIndexChanged.connect(self._update_preview)
        self.signer_name = line(self.tr("Người ký"), self.tr("Họ và tên"))
        self.recipients = plain_text_edit(4, self.tr("Nơi nhận, mỗi dòng một nơi"))
        self.recipients.setPlaceholderText(self.tr("Thường trực Tỉnh ủy (để b/c)"))
        self.recipients.textChanged.connect(self._update_preview)
        self.archive = line(self.tr("Dòng lưu"), self.tr("Ví dụ: Lưu Văn phòng Ban"))
        self.default_view = QComboBox()
        self.default_view.setAccessibleName(self.tr("Màn hình khi mở"))
        for key, text in (
            ("chase", self.tr("Cần đôn đốc")),
            ("meetings", self.tr("Các cuộc giao ban")),
            ("directives", self.tr("Tất cả nội dung chỉ đạo")),
        ):
            self.default_view.addItem(text, key)

        self.reminders_on = QCheckBox(self.tr("&Nhắc khi mở cửa sổ (mỗi ngày một lần)"))
        self.reminders_on.setAccessibleName(self.tr("Nhắc nội dung sắp đến hạn khi mở cửa sổ"))
        self.reminder_days = QSpinBox()
        self.reminder_days.setRange(0, 366)
        self.reminder_days.setSuffix(self.tr(" ngày"))
        self.reminder_days.setAccessibleName(self.tr("Nhắc trước hạn bao nhiêu ngày"))
        self.reminders_on.toggled.connect(self.reminder_days.setEnabled)

        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setAccessibleName(self.tr("Xem trước"))
        self.preview.setWordWrap(True)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.preview.setMargin(8)

        self.make_buttons(self.tr("&Lưu"))

        def group(title: str, rows: list[tuple[str, QWidget, str]]) -> QGroupBox:
            box = QGroupBox(title)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            for text, field, key in rows:
                column = QVBoxLayout()
                column.setSpacing(2)
                column.addWidget(field)
                column.addWidget(self.message_for(key, field))
                label = QLabel(text)
                label.setBuddy(field)
                form.addRow(label, column)
            return box

        left = QVBoxLayout()
        left.addWidget(
            group(
                self.tr("Cơ quan ban hành"),
                [
                    (self.tr("&Tỉnh:"), self.province, "province"),
                    (self.tr("&Cơ quan:"), self.issuing_body, "issuing_body"),
                    (self.tr("&Ký hiệu cơ quan:"), self.issuer_code, "issuer_code"),
                    (self.tr("Đị&a danh ghi ngày:"), self.place_name, "place_name"),
                ],
            )
        )
        left.addWidget(
            group(
                self.tr("Số văn bản"),
                [
                    (self.tr("Loại &văn bản:"), self.document_code, "document_code"),
                    (self.tr("&Số:"), self.document_number, "document_number"),
                ],
            )
        )
        left.addWidget(
            group(
                self.tr("Người ký"),
                [
                    (self.tr("&Thẩm quyền ký:"), self.signer_capacity, "signer_capacity"),
                    (self.tr("&Người ký:"), self.signer_name, "signer_name"),
                ],
            )
        )
        preview_box = QGroupBox(self.tr("Xem trước"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview)
        left.addWidget(preview_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(
            group(
                self.tr("Nơi nhận"),
                [
                    (self.tr("N&ơi nhận\n(mỗi dòng\nmột nơi):"), self.recipients, "recipients"),
                    (self.tr("Dòng &lưu:"), self.archive, "archive"),
                ],
            )
        )
        right.addWidget(
            group(
                self.tr("Cửa sổ"),
                [
                    (self.tr("&Mở đầu với:"), self.default_view, "default_view"),
                    (self.tr("Nhắc việc:"), self.reminders_on, "reminders_on"),
                    (self.tr("Nhắc &trước hạn:"), self.reminder_days, "reminder_days"),
                ],
            )
        )
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.first_time_note)
        layout.addWidget(self.top_message)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)

        fit_to_screen(self, 920, 560)
        self.load(settings)
        self._initial = self.settings()
        self.province.setFocus()

    # --- value --------------------------------------------------------------

    def load(self, settings: ReportSettings) -> None:
        """Show ``settings`` in the form."""
        self.province.setText(settings.province)
        self.place_name.setText(settings.place_name)
        self.issuing_body.setCurrentText(settings.issuing_body)
        self.issuer_code.setText(settings.issuer_code)
        self.document_code.setText(settings.document_code)
        self.document_number.setText(settings.document_number)
        self.signer_capacity.setCurrentIndex(
            max(0, self.signer_capacity.findData(SignerCapacity(settings.signer_capacity).value))
        )
        self.signer_name.setText(settings.signer_name)
        self.recipients.setPlainText("\n".join(settings.recipients))
        self.archive.setText(settings.archive)
        found = self.default_view.findData(settings.default_view)
        if found < 0:  # a view this window does not know: keep it, shown as is
            self.default_view.addItem(settings.default_view, settings.default_view)
            found = self.default_view.count() - 1
        self.default_view.setCurrentIndex(found)
        self.reminders_on.setChecked(settings.reminders_on)
        self.reminder_days.setValue(settings.reminder_days)
        self.reminder_days.setEnabled(settings.reminders_on)
        self._update_preview()

    def settings(self) -> ReportSettings:
        """The settings as typed (cleaned, not checked)."""
        recipients = tuple(
            text for text in (clean(r) for r in self.recipients.toPlainText().splitlines()) if text
        )
        return ReportSettings(
            province=clean(self.province.text()),
            place_name=clean(self.place_name.text()),
            issuing_body=clean(self.issuing_body.currentText()),
            issuer_code=clean(self.issuer_code.text()),
            document_number=clean(self.document_number.text()),
            document_code=clean(self.document_code.text()),
            signer_capacity=SignerCapacity(self.signer_capacity.currentData()),
            signer_name=clean(self.signer_name.text()),
            recipients=recipients,
            archive=clean(self.archive.text()),
            default_view=str(self.default_view.currentData()),
            reminders_on=self.reminders_on.isChecked(),
            reminder_days=self.reminder_days.value(),
        )

    def _update_preview(self, *_args: object) -> None:
        if not hasattr(self, "default_view"):
            return  # still being built
        s = self.settings()
        ph = LAYOUT.placeholder
        capacity = (
            LAYOUT.deputy_capacity
            if s.signer_capacity is SignerCapacity.DEPUTY
            else LAYOUT.head_capacity
        )
        lines = [
            LAYOUT.province_template.format(province=(s.province or ph).upper()),
            (s.issuing_body or ph).upper(),
            LAYOUT.number_template.format(
                number=s.document_number or LAYOUT.number_placeholder,
                code=s.document_code or LAYOUT.default_document_code,
                issuer=s.issuer_code or ph,
            ),
            document_date_line(s.place_name or ph, date.today()),
            "",
            *capacity,
            s.signer_name or ph,
        ]
        self.preview.setText("\n".join(lines))

    # --- saving -------------------------------------------------------------

    def has_unsaved_text(self) -> bool:
        return self.settings() != self._initial

    def save_form(self) -> bool:
        s = self.settings()
        problems: list[tuple[str, str]] = []
        if s.document_number and not s.document_number.isdigit():
            problems.append(
                (
                    "document_number",
                    self.tr("Số văn bản chỉ gồm chữ số (để trống nếu ghi số bằng tay)."),
                )
            )
        for key, value in (("issuer_code", s.issuer_code), ("document_code", s.document_code)):
            if not _CODE.fullmatch(value):
                problems.append((key, self.tr('Ký hiệu không có dấu cách hay dấu "/".')))
        if problems:
            for key, text in reversed(problems):
                self.show_error(text, key)
            return False
        return self.save_with(lambda: self._save(s))

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        settings: ReportSettings,
        save: SaveSettings,
        first_time: bool = False,
    ) -> bool:
        """Show the dialog; True when the settings were saved. ``first_time``: the
        settings were never saved (asked before the first report), said at the top."""
        dialog = cls(parent, settings=settings, save=save, first_time=first_time)
        return dialog.exec() == cls.DialogCode.Accepted
