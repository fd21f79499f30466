"""DirectiveDialog: add one directive to a giao ban, or edit one.

Contract for the main window::

    DirectiveDialog.ask(
        parent,
        *,
        save: Callable[[DirectiveDraft], object],
        directive: DirectiveRow | None,
        default_due: Quarter | None,
    ) -> bool

- ``directive`` None: a new directive; the deadline starts at
  ``default_due`` (usually the quarter of the giao ban; None starts it as
  "Thường xuyên") and the lead at the first group ("MTTQ và các đoàn thể").
  The caller saves with ``services.add_directive(meeting_id=…, directive=draft)``.
- ``directive`` given: its content, leads, supporting organizations, deadline
  and topics are edited; the caller saves with ``services.update_directive(
  directive_id=…, directive=draft, expected_version=directive.version)``. A
  deadline changed here is a correction; a *gia hạn* goes through ExtendDialog.
- Fields are checked before ``save`` (content, at least one lead, a deadline
  the parser reads); a ``TrackerError`` from ``save`` is shown beside the field
  it names (content, leads, supports, due, topics) or at the top, and the
  dialog stays open. Returns True when saved; closing with changes asks first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tracker import queries
from tracker.drafts import DirectiveDraft
from tracker.errors import ValidationError
from tracker.quarters import Quarter, format_deadline
from tracker.rows import DirectiveRow
from tracker.text import clean
from ui.screen_fit import fit_to_screen
from ui.widgets import ListLineEdit, OrgCatalog, OrgPicker, QuarterEdit
from ui.widgets.form import FormDialog, directive_summary, plain_text_edit

SaveDirective = Callable[[DirectiveDraft], object]


class DirectiveDialog(FormDialog):
    """One directive's content, owners, deadline and topics."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        save: SaveDirective,
        directive: DirectiveRow | None,
        default_due: Quarter | None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._directive = directive
        self._catalog = OrgCatalog.load()
        self.setWindowTitle(
            self.tr("Thêm nội dung chỉ đạo")
            if directive is None
            else self.tr("Sửa nội dung chỉ đạo")
        )

        self.content = plain_text_edit(5, self.tr("Nội dung chỉ đạo"))
        self.leads = OrgPicker(self._catalog)
        self.leads.setAccessibleName(self.tr("Cơ quan chủ trì"))
        self.supports = OrgPicker(self._catalog)
        self.supports.setAccessibleName(self.tr("Cơ quan phối hợp"))
        for picker in (self.leads, self.supports):
            picker.setToolTip(
                self.tr(
                    "Dấu cách: chọn hoặc bỏ chọn. Chọn một nhóm là chọn mọi tổ chức trong nhóm."
                )
            )
        year = default_due.year if default_due else None
        if directive is not None:
            year = (directive.due or Quarter.of(directive.meeting_held_on)).year
        self.due = QuarterEdit(allow_standing=True, default_year=year)
        self.due.setAccessibleName(self.tr("Thời hạn"))
        self.topics = ListLineEdit([(t, "") for t in queries.list_topics()])
        self.topics.setAccessibleName(self.tr("Chủ đề"))
        self.topics.setPlaceholderText(self.tr("Ví dụ: Bầu cử, Nông thôn mới"))

        self.make_buttons(self.tr("&Lưu"), default=False)
        self.save_button.setToolTip(self.tr("Lưu (Ctrl+S)"))

        due_hint = QLabel(
            self.tr(
                'Ví dụ: "Quý III-2021", "Q3" (năm của cuộc giao ban), "6 tháng cuối năm", '
                'hoặc "thường xuyên" ("tx") khi không có hạn.'
            )
        )
        due_hint.setEnabled(False)  # greyed: a hint, not a control
        due_hint.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, field, names in (
            (self.tr("&Nội dung:"), self.content, ("content",)),
            (self.tr("&Chủ trì:"), self.leads, ("leads",)),
            (self.tr("&Phối hợp:"), self.supports, ("supports",)),
            (self.tr("&Thời hạn:"), self.due, ("due",)),
            (self.tr("Chủ đ&ề:"), self.topics, ("topics",)),
        ):
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(field)
            box.addWidget(self.message_for(names, field))
            if field is self.due:
                box.addWidget(due_hint)
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, box)

        layout = QVBoxLayout(self)
        layout.addWidget(self.top_message)
        if directive is not None:
            layout.addWidget(directive_summary(directive, with_content=False))
            if directive.extended:
                note = QLabel(
                    self.tr(
                        "Nội dung này đã được gia hạn (thời hạn ban đầu {original}). Sửa thời hạn "
                        "ở đây là sửa lỗi nhập; muốn gia hạn tiếp, dùng Gia hạn."
                    ).format(original=format_deadline(directive.original_due))
                )
                note.setWordWrap(True)
                layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 720, 560)

        if directive is None:
            self.leads.set_selected_ids(self._catalog.default_lead_ids())
            self.due.set_value(default_due)
        else:
            self.content.setPlainText(directive.content)
            self.leads.set_selected_ids(o.organization_id for o in directive.leads)
            self.supports.set_selected_ids(o.organization_id for o in directive.supports)
            self.due.set_value(directive.due)
            self.topics.setText(", ".join(directive.topics))
        self.due.problem_changed.connect(self.message("due").show_message)
        self._initial = self._snapshot()
        self.content.setFocus()

    def _snapshot(self) -> tuple[object, ...]:
        return (
            self.content.toPlainText(),
            self.leads.selected_ids(),
            self.supports.selected_ids(),
            self.due.text(),
            self.topics.text(),
        )

    def has_unsaved_text(self) -> bool:
        return self._snapshot() != self._initial

    def save_form(self) -> bool:
        problems: list[tuple[str, str]] = []
        content = clean(self.content.toPlainText())
        if not content:
            problems.append(("content", self.tr("Hãy ghi nội dung chỉ đạo.")))
        leads = self.leads.selected_ids()
        if not leads:
            problems.append(("leads", self.tr("Hãy chọn ít nhất một cơ quan chủ trì.")))
        supports = tuple(i for i in self.supports.selected_ids() if i not in leads)
        due: Quarter | None = None
        if not self.due.text().strip():
            problems.append(
                ("due", self.tr('Hãy ghi thời hạn, hoặc "thường xuyên" nếu không có hạn.'))
            )
        else:
            try:
                due = self.due.value()
            except ValidationError as err:
                problems.append(("due", str(err)))
        if problems:
            for name, text in reversed(problems):
                self.show_error(text, name)
            return False
        topics = tuple(
            t for t in (clean(x) for x in self.topics.text().replace(";", ",").split(",")) if t
        )
        draft = DirectiveDraft(
            content=content, lead_ids=leads, support_ids=supports, due=due, topics=topics
        )
        return self.save_with(lambda: self._save(draft))

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        save: SaveDirective,
        directive: DirectiveRow | None,
        default_due: Quarter | None,
    ) -> bool:
        """Show the dialog; True when the directive was saved."""
        dialog = cls(parent, save=save, directive=directive, default_due=default_due)
        return dialog.exec() == cls.DialogCode.Accepted
