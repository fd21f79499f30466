"""NoteDialog: record a progress note (tiến độ) on a directive, optionally from one organization.

Contract for the main window::

    NoteDialog.ask(
        parent, *, save: Callable[[str, int | None], object], directive: DirectiveRow
    ) -> bool

- ``save(text, organization_id)``: ``organization_id`` is the organization
  that reported (one of the directive's owners), or None when unspecified;
  the caller runs ``services.add_note(directive_id=…, text=…,
  organization_id=…)``.
- The text is required. Errors from ``save`` are shown beside the field they
  name (note, organization) or at the top; the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from tracker.rows import DirectiveRow, Role
from ui.screen_fit import fit_to_screen
from ui.widgets.form import FormDialog, directive_summary, plain_text_edit

SaveNote = Callable[[str, int | None], object]


class NoteDialog(FormDialog):
    """Who reported and what they reported."""

    def __init__(
        self, parent: QWidget | None = None, *, save: SaveNote, directive: DirectiveRow
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(self.tr("Ghi tiến độ"))

        self.organization = QComboBox()
        self.organization.setAccessibleName(self.tr("Cơ quan báo cáo"))
        self.organization.addItem(self.tr("(không ghi cơ quan)"), None)
        for owner in directive.owners:
            role = self.tr("chủ trì") if owner.role is Role.LEAD else self.tr("phối hợp")
            self.organization.addItem(
                self.tr("{name} ({role})").format(name=owner.short_name, role=role),
                owner.organization_id,
            )
        if len(directive.leads) == 1 and not directive.supports:
            self.organization.setCurrentIndex(1)
        self.text = plain_text_edit(5, self.tr("Nội dung tiến độ"))
        self.text.setPlaceholderText(
            self.tr("Ví dụ: Đã xây dựng kế hoạch, đang triển khai ở 10/10 huyện, thành phố.")
        )

        self.make_buttons(self.tr("&Lưu"), default=False)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, field, names in (
            (self.tr("&Cơ quan báo cáo:"), self.organization, ("organization",)),
            (self.tr("&Tiến độ:"), self.text, ("note", "text")),
        ):
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(field)
            box.addWidget(self.message_for(names, field))
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, box)

        layout = QVBoxLayout(self)
        layout.addWidget(self.top_message)
        layout.addWidget(directive_summary(directive))
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 600, 360)
        self.text.setFocus()

    def has_unsaved_text(self) -> bool:
        return bool(self.text.toPlainText().strip())

    def save_form(self) -> bool:
        text = self.text.toPlainText().strip()
        if not text:
            self.show_error(self.tr("Hãy ghi nội dung tiến độ."), "note")
            return False
        organization_id = self.organization.currentData()
        return self.save_with(lambda: self._save(text, organization_id))

    @classmethod
    def ask(cls, parent: QWidget | None, *, save: SaveNote, directive: DirectiveRow) -> bool:
        """Show the dialog; True when the note was saved."""
        dialog = cls(parent, save=save, directive=directive)
        return dialog.exec() == cls.DialogCode.Accepted
