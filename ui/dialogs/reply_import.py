"""Theo dõi ▸ Nhập phiếu báo cáo…: an organization's filled report-back form, previewed, then
recorded as one undoable step.

Contract for the main window::

    ReplyImportDialog.ask(parent, *, apply: Callable[[ReplyPlan, bool], Changes],
                          today: date | None = None) -> Changes | None

- "Chọn tệp…" reads a form (tracker.reply_form.read_reply); a refused form shows its one
  message and leaves OK disabled.
- The table lists every row that would change (done on a date, or a progress note),
  conflicts (the directive changed since
  the form was made) marked and skipped unless "Nhận cả các dòng xung đột" is ticked, and
  rows that can no longer apply.
- OK calls ``apply(plan, accept_conflicts)`` (the window's undoable operation); a refusal
  is shown and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.changes import Changes
from tracker.dates import format_date
from tracker.errors import TrackerError
from tracker.reply_form import ReplyPlan, ReplyRow, RowKind, read_reply
from ui import messages
from ui.screen_fit import fit_to_screen

Apply = Callable[[ReplyPlan, bool], Changes]
CONFLICT_COLOR = QColor("#fde2c4")
GONE_COLOR = QColor("#e6e6e6")


def ask_file(parent: QWidget, caption: str) -> str:
    """The filled form to read; "" when cancelled (tests patch it)."""
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getOpenFileName(parent, caption, "", "Excel (*.xlsx)")[0]


class ReplyImportDialog(QDialog):
    """A filled form's changes, shown before anything is written."""

    def __init__(
        self, parent: QWidget | None = None, *, apply: Apply, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("replyImportDialog")
        self.setWindowTitle(self.tr("Nhập phiếu báo cáo"))
        self._apply = apply
        self._today = today
        self.plan: ReplyPlan | None = None
        self.changes: Changes | None = None

        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.path_edit.setAccessibleName(self.tr("Tệp phiếu báo cáo"))
        self.path_edit.setPlaceholderText(self.tr("Chưa chọn tệp"))
        self.choose_button = QPushButton(self.tr("&Chọn tệp…"), self)
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("Các thay đổi theo phiếu"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Dòng"), self.tr("Nội dung chỉ đạo"), self.tr("Thay đổi"), self.tr("Ghi chú")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.accept_conflicts = QCheckBox(self.tr("Nhận cả các dòng &xung đột"), self)
        self.accept_conflicts.setToolTip(
            self.tr("Cập nhật cả những nội dung đã thay đổi sau khi lập phiếu")
        )
        self.accept_conflicts.setEnabled(False)
        self.accept_conflicts.toggled.connect(self._update_ok)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Cập nhật"))
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.accept_conflicts)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 860, 520)

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, apply: Apply, today: date | None = None
    ) -> Changes | None:
        """Show the dialog; the changes written, or None when nothing was."""
        dialog = cls(parent, apply=apply, today=today)
        dialog.exec()
        changes = dialog.changes
        dialog.deleteLater()
        return changes

    # --- reading ---------------------------------------------------------------------------

    def choose(self) -> None:
        path = ask_file(self, self.tr("Chọn phiếu báo cáo đã điền"))
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> bool:
        """Read ``path``; False (with the reason shown) when the form is refused."""
        self.path_edit.setText(str(path))
        self.plan = None
        self.table.setRowCount(0)
        self.accept_conflicts.setChecked(False)
        self.accept_conflicts.setEnabled(False)
        try:
            plan = read_reply(path, today=self._today)
        except TrackerError as exc:
            self.summary.setText(exc.message)
            self.summary.setStyleSheet("color: #a00000;")
            self._update_ok()
            return False
        self.plan = plan
        self.summary.setStyleSheet("")
        shown = [r for r in plan.rows if r.kind is not RowKind.NOTHING]
        self.table.setRowCount(len(shown))
        for i, r in enumerate(shown):
            self._fill_row(i, r)
        unchanged = len(plan.rows) - len(shown)
        self.summary.setText(
            self.tr(
                "Phiếu của {name}, lập ngày {day}: {done} nội dung cập nhật, {conflicts} dòng "
                "xung đột, {unchanged} dòng không thay đổi."
            ).format(
                name=plan.name,
                day=format_date(plan.made_on),
                done=len(plan.changes),
                conflicts=len(plan.conflicts),
                unchanged=unchanged,
            )
        )
        self.accept_conflicts.setEnabled(bool(plan.conflicts))
        self._update_ok()
        return True

    def _fill_row(self, i: int, r: ReplyRow) -> None:
        done = (
            self.tr("Hoàn thành {day}").format(day=format_date(r.done_on))
            if r.done_on
            else self.tr("Tiến độ")
        )
        if r.result:
            done = f"{done}: {r.result}"
        note = {
            RowKind.DONE: "",
            RowKind.CONFLICT: self.tr("Xung đột: {why}").format(why=r.reason),
            RowKind.GONE: self.tr("Không cập nhật được: {why}").format(why=r.reason),
        }.get(r.kind, r.reason)
        cells = (str(r.row), r.content, done, note)
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, r.directive_id)
            if r.kind is RowKind.CONFLICT:
                item.setBackground(QBrush(CONFLICT_COLOR))
            elif r.kind is RowKind.GONE:
                item.setBackground(QBrush(GONE_COLOR))
            self.table.setItem(i, col, item)

    def _update_ok(self) -> None:
        plan = self.plan
        self.ok_button.setEnabled(
            plan is not None and bool(plan.to_apply(self.accept_conflicts.isChecked()))
        )

    # --- writing ---------------------------------------------------------------------------

    def accept(self) -> None:
        plan = self.plan
        if plan is None or not plan.to_apply(self.accept_conflicts.isChecked()):
            return
        try:
            self.changes = self._apply(plan, self.accept_conflicts.isChecked())
        except TrackerError as exc:
            messages.show_error(self, exc)
            return
        super().accept()
