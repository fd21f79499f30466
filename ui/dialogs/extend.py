"""ExtendDialog: gia hạn — move a directive's deadline to a later quarter, with a reason.

Contract for the main window::

    ExtendDialog.ask(
        parent, *, save: Callable[[Quarter, str], object], directive: DirectiveRow
    ) -> bool

- ``save(new_due, reason)``; the caller runs ``services.extend_deadline(
  directive_id=…, new_due=…, reason=…)``.
- The new deadline starts at the quarter after the current one and must be
  later than it; the reason is required. A standing (thường xuyên) directive
  has no deadline to extend: the dialog says so and cannot be saved.
- Errors from ``save`` are shown beside the field they name (due, reason) or
  at the top; the dialog stays open. Returns True when saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from tracker.errors import ValidationError
from tracker.quarters import Quarter
from tracker.rows import DirectiveRow
from ui.screen_fit import fit_to_screen
from ui.widgets import QuarterEdit
from ui.widgets.form import FormDialog, directive_summary, plain_text_edit

SaveExtension = Callable[[Quarter, str], object]


class ExtendDialog(FormDialog):
    """The new deadline and the reason for it."""

    def __init__(
        self, parent: QWidget | None = None, *, save: SaveExtension, directive: DirectiveRow
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._directive = directive
        self.setWindowTitle(self.tr("Gia hạn"))
        current = directive.due

        if current is None:
            current_text = self.tr("Thường xuyên (không có thời hạn để gia hạn)")
        elif directive.extended and directive.original_due is not None:
            current_text = self.tr("{due} (đã gia hạn; ban đầu {original})").format(
                due=current, original=directive.original_due
            )
        else:
            current_text = str(current)
        current_label = QLabel(current_text)
        current_label.setAccessibleName(self.tr("Thời hạn hiện tại"))

        self.new_due = QuarterEdit(default_year=current.year if current else None)
        self.new_due.setAccessibleName(self.tr("Thời hạn mới"))
        self.reason = plain_text_edit(3, self.tr("Lý do gia hạn"))
        self.reason.setPlaceholderText(
            self.tr("Ví dụ: Chờ hướng dẫn của Trung ương; đơn vị đề nghị lùi sang quý sau.")
        )

        self.make_buttons(self.tr("&Gia hạn"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Thời hạn hiện tại:"), current_label)
        for text, field, names in (
            (self.tr("Thời hạn &mới:"), self.new_due, ("due",)),
            (self.tr("&Lý do:"), self.reason, ("reason",)),
        ):
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(field)
            box.addWidget(self.message_for(names, field))
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, box)
        self.new_due.problem_changed.connect(self.message("due").show_message)

        layout = QVBoxLayout(self)
        layout.addWidget(self.top_message)
        layout.addWidget(directive_summary(directive))
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 600, 340)

        if current is None:
            self.top_message.show_message(
                self.tr("Nội dung thường xuyên không có thời hạn để gia hạn.")
            )
            for widget in (self.new_due, self.reason, self.save_button):
                widget.setEnabled(False)
        else:
            self.new_due.set_value(current.next())
            self.new_due.setFocus()
            self.new_due.selectAll()

    def has_unsaved_text(self) -> bool:
        return bool(self.reason.toPlainText().strip())

    def save_form(self) -> bool:
        current = self._directive.due
        if current is None:
            return False
        problems: list[tuple[str, str]] = []
        new_due: Quarter | None = None
        try:
            new_due = self.new_due.value()
        except ValidationError as err:
            problems.append(("due", str(err)))
        else:
            if new_due is not None and new_due <= current:
                problems.append(
                    ("due", self.tr("Thời hạn mới phải sau {due}.").format(due=current))
                )
        reason = self.reason.toPlainText().strip()
        if not reason:
            problems.append(("reason", self.tr("Hãy ghi lý do gia hạn.")))
        if problems:
            for name, text in reversed(problems):
                self.show_error(text, name)
            return False
        assert new_due is not None
        return self.save_with(lambda: self._save(new_due, reason))

    @classmethod
    def ask(cls, parent: QWidget | None, *, save: SaveExtension, directive: DirectiveRow) -> bool:
        """Show the dialog; True when the deadline was extended."""
        dialog = cls(parent, save=save, directive=directive)
        return dialog.exec() == cls.DialogCode.Accepted
