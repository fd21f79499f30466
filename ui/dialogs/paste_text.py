"""PasteTextDialog: the clerk pastes a conclusion text; the giao ban dialog gets drafts.

Contract::

    PasteTextDialog.ask(parent, *, meeting_date: date | None = None) -> Extraction | None

The text is read by ``tracker.extraction`` (rule-based, nothing saved). An empty,
binary or over-long paste, or a text where no directive is found, is said beside
the box and the dialog stays open; Hủy returns None.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.errors import ValidationError
from tracker.extraction import LEAD, MAX_CHARS, SUPPORT, Directive, Extraction, Owner, extract
from tracker.quarters import format_deadline
from ui.models.directive_entry import Column, DirectiveEntryModel
from ui.screen_fit import fit_to_screen
from ui.widgets import OrgCatalog


class PasteTextDialog(QDialog):
    """A box for the thông báo kết luận or the news report of a giao ban."""

    def __init__(self, parent: QWidget | None = None, *, meeting_date: date | None = None) -> None:
        super().__init__(parent)
        self._meeting_date = meeting_date
        self.result_value: Extraction | None = None
        self.setWindowTitle(self.tr("Dán văn bản kết luận"))
        hint = QLabel(
            self.tr(
                "Dán thông báo kết luận hoặc tin bài về cuộc giao ban. Chương trình đề xuất "
                "ngày, người chủ trì, quý đánh giá và từng nội dung chỉ đạo vào bảng; "
                "hãy kiểm tra lại trước khi lưu."
            )
        )
        hint.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Văn bản kết luận"))
        self.text.setTabChangesFocus(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Đưa vào bảng"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 760, 560)
        self.text.setFocus()

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def try_accept(self) -> None:
        """Read the text; accept when it gave at least one directive."""
        text = self.text.toPlainText()
        if len(text) > MAX_CHARS:
            self.show_problem(
                self.tr("Văn bản quá dài ({n} ký tự). Hãy chỉ dán phần kết luận.").format(
                    n=len(text)
                )
            )
            return
        try:
            found = extract(text)
            if found.meeting.held_on is None and self._meeting_date is not None:
                # No date in the text: the dialog's date gives the quarters their year.
                found = extract(text, meeting_date_hint=self._meeting_date)
        except ValidationError as err:
            self.show_problem(str(err))
            return
        if not found.directives:
            self.show_problem(
                self.tr(
                    "Không thấy nội dung chỉ đạo nào trong văn bản (chỉ có kết quả, biểu dương "
                    "hay thảo luận). Hãy dán phần kết luận, hoặc nhập tay vào bảng."
                )
            )
            return
        self.result_value = found
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, *, meeting_date: date | None = None) -> Extraction | None:
        """Show the box; the extraction when the clerk pressed OK, else None."""
        dialog = cls(parent, meeting_date=meeting_date)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_value


# --- into the giao ban dialog's grid ---------------------------------------------------------


def owner_text(catalog: OrgCatalog, owners: list[Owner]) -> str:
    """Names the grid can read: the standard name when this database knows it, else
    the name as written (marked in red for the clerk to map; never guessed)."""
    labels: list[str] = []
    for o in owners:
        for name in (o.org, o.as_written):
            if name:
                try:
                    if catalog.parse(name):
                        labels.append(name)
                        break
                except ValidationError:
                    continue
        else:
            labels.append(o.as_written)
    return ", ".join(dict.fromkeys(labels))


def cells(catalog: OrgCatalog, d: Directive) -> list[tuple[Column, str]]:
    """The grid's cells for a directive; no deadline said: the meeting's (the default)."""
    return [
        (Column.CONTENT, d.content),
        (Column.LEADS, owner_text(catalog, [o for o in d.owners if o.role == LEAD])),
        (Column.SUPPORTS, owner_text(catalog, [o for o in d.owners if o.role == SUPPORT])),
        (Column.DUE, format_deadline(d.due) if d.due is not None or d.standing else ""),
    ]


def add_rows(model: DirectiveEntryModel, directives: tuple[Directive, ...]) -> None:
    """One row per directive after the rows typed, in place of the blank ones, through
    the model's own editing (so each cell is checked as if typed); nothing is saved."""
    for i in reversed(range(model.rowCount())):
        if model.is_blank(i):
            model.remove_row(i)  # the grid keeps one row to type in
    for d in directives:
        at = (
            0 if model.rowCount() == 1 and model.is_blank(0) else model.insert_row(model.rowCount())
        )
        for column, value in cells(model.catalog, d):
            model.setData(model.index(at, column), value)
