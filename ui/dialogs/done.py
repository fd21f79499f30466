"""DoneDialog: mark a directive done on a date, with the result, for all its leads or one.

Contract for the main window::

    DoneDialog.ask(
        parent,
        *,
        save: Callable[[date, str, int | None], object],
        directive: DirectiveRow | None,
        today: date | None = None,
        organization_id: int | None = None,
    ) -> bool

- ``organization_id`` (optional) preselects one lead organization, e.g. when
  the clerk marks one organization's row of the details panel.
- ``save(done_on, result_note, organization_id)``: ``organization_id`` is None
  for "every lead organization" or the id of one lead that reported done; the
  caller runs ``services.mark_done(directive_ids=…, on=…, note=…,
  organization_id=…)``.
- ``directive`` None: several directives are being marked at once; only the
  date and result are asked (``organization_id`` is then always None).
- The date defaults to ``today``; it may not be after ``today`` nor before
  the giao ban. Errors from ``save`` are shown beside the field they name
  (done_on/date, note, organization) or at the top; the dialog stays open.
- Keys: Tab goes Ngày → Cơ quan → Kết quả → the buttons; Enter in the date
  moves on; Ctrl+Enter or Ctrl+S saves. No button is the default, so no key
  typed in a field can save "done" without the result being typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from tracker.dates import format_date
from tracker.errors import ValidationError
from tracker.rows import DirectiveRow, Status
from ui.models.directive_table import status_text
from ui.screen_fit import fit_to_screen
from ui.widgets import DateField
from ui.widgets.form import FormDialog, directive_summary, plain_text_edit

SaveDone = Callable[[date, str, int | None], object]


class DoneDialog(FormDialog):
    """The done date, the result and, for several leads, who reported done."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        save: SaveDone,
        directive: DirectiveRow | None,
        today: date | None = None,
        organization_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._directive = directive
        self._today = today or date.today()
        self.setWindowTitle(self.tr("Đánh dấu hoàn thành"))

        self.done_on = DateField(self._today)
        self.done_on.setAccessibleName(self.tr("Ngày hoàn thành"))
        self.done_on.set_default_year(self._today.year)
        char = self.fontMetrics().averageCharWidth()
        self.done_on.setFixedWidth(14 * char + 24)
        self.organization = QComboBox(self)
        self.organization.setAccessibleName(self.tr("Cơ quan hoàn thành"))
        self.organization.addItem(self.tr("Tất cả cơ quan chủ trì"), None)
        leads = directive.leads if directive is not None else ()
        for owner in leads:
            if owner.status is Status.DONE and owner.done_on is not None:
                text = self.tr("{name} (đã hoàn thành {date})").format(
                    name=owner.short_name, date=format_date(owner.done_on)
                )
            else:
                text = self.tr("{name} ({status})").format(
                    name=owner.short_name, status=status_text(owner.status).lower()
                )
            self.organization.addItem(text, owner.organization_id)
            self.organization.setItemData(
                self.organization.count() - 1, owner.name, Qt.ItemDataRole.ToolTipRole
            )
        self.note = plain_text_edit(4, self.tr("Kết quả thực hiện"))
        self.note.setPlaceholderText(
            self.tr("Ví dụ: Đã tổ chức hội nghị triển khai ngày 15/4, có báo cáo số 25-BC/MTTQ.")
        )

        # No default button: the result is typed in a multi-line box, and a save
        # that Enter or a stray key could trigger would record "done" without it.
        # Ctrl+Enter (or Ctrl+S) saves; Enter in the date moves on.
        self.make_buttons(self.tr("Đánh dấu &hoàn thành"), default=False)
        self.save_button.setToolTip(self.tr("Lưu (Ctrl+Enter)"))
        self.done_on.returnPressed.connect(self._on_done_on_return_pressed)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows: list[tuple[str, QWidget, tuple[str, ...]]] = [
            (self.tr("&Ngày hoàn thành:"), self.done_on, ("done_on", "date"))
        ]
        if len(leads) > 1:
            rows.append((self.tr("&Cơ quan:"), self.organization, ("organization",)))
        rows.append((self.tr("&Kết quả:"), self.note, ("note",)))
        for text, field, names in rows:
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(field)
            box.addWidget(self.message_for(names, field))
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, box)
        self._per_organization = len(leads) > 1
        self.organization.setVisible(self._per_organization)
        self.done_on.problem_changed.connect(self.message("done_on").show_message)

        layout = QVBoxLayout(self)
        layout.addWidget(self.top_message)
        if directive is not None:
            layout.addWidget(directive_summary(directive))
        else:
            layout.addWidget(QLabel(self.tr("Các nội dung chỉ đạo đang chọn.")))
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 600, 360)
        self.select_organization(organization_id)
        self._initial = self.note.toPlainText()
        # As the fields read on screen: Ngày → Cơ quan → Kết quả → buttons (the
        # combo box, made with a parent before the others, came last otherwise).
        order: list[QWidget] = [self.done_on]
        if self._per_organization:
            order.append(self.organization)
        order += [self.note, self.save_button, self.cancel_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.done_on.setFocus()
        self.done_on.selectAll()

    def _on_done_on_return_pressed(self) -> None:
        self.focusNextChild()

    def has_unsaved_text(self) -> bool:
        return bool(self.note.toPlainText().strip()) and self.note.toPlainText() != self._initial

    def save_form(self) -> bool:
        try:
            on = self.done_on.date()
        except ValidationError as err:
            self.show_error(str(err), "done_on")
            return False
        if on > self._today:
            self.show_error(
                self.tr("Ngày hoàn thành {date} chưa đến (hôm nay là {today}).").format(
                    date=format_date(on), today=format_date(self._today)
                ),
                "done_on",
            )
            return False
        held_on = self._directive.meeting_held_on if self._directive else None
        if held_on is not None and on < held_on:
            self.show_error(
                self.tr("Ngày hoàn thành {date} trước ngày giao ban {held_on}.").format(
                    date=format_date(on), held_on=format_date(held_on)
                ),
                "done_on",
            )
            return False
        organization_id = self.organization.currentData() if self._per_organization else None
        note = self.note.toPlainText().strip()
        return self.save_with(lambda: self._save(on, note, organization_id))

    def select_organization(self, organization_id: int | None) -> None:
        """Preselect the lead organization that reported done (None: all)."""
        found = self.organization.findData(organization_id)
        if found >= 0:
            self.organization.setCurrentIndex(found)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        save: SaveDone,
        directive: DirectiveRow | None,
        today: date | None = None,
        organization_id: int | None = None,
    ) -> bool:
        """Show the dialog; True when the directive was marked done."""
        dialog = cls(
            parent, save=save, directive=directive, today=today, organization_id=organization_id
        )
        return dialog.exec() == cls.DialogCode.Accepted
