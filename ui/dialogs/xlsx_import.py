"""Tệp ▸ Nhập từ Excel… (a preview with a mapping the clerk corrects) and Tệp ▸ Xuất Excel….

Contract for the main window::

    import_from_excel(window) -> Changes | None   choose a file, ImportDialog, then one
                                                  undo step (ui.undo_commands.ImportCommand)
    export_to_excel(window) -> None               the data workbook (tracker.xlsx_export)
    ImportDialog(path, workbook, parent)          plan() / accept(): the plan to write
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker import queries
from tracker import xlsx_import as xi
from tracker.changes import Changes
from tracker.dates import format_date
from tracker.duplicates import similar_open
from tracker.errors import TrackerError
from tracker.quarters import format_deadline
from ui import messages
from ui.screen_fit import fit_to_screen

PREVIEW_ROWS = 200  # rows shown (and checked for duplicates) in the preview
NEW_ORG = -1  # the unknown-name choice "add it as a new organization"


class ImportDialog(QDialog):
    """The workbook's rows as they would be imported; nothing is written here."""

    def __init__(self, path: Path, workbook: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nhập từ Excel"))
        self.path = path
        self.workbook = workbook
        self._plan: xi.Plan | None = None
        self._table: xi.SheetTable | None = None
        self._building = False

        self.sheet = QComboBox()
        for name, hidden in xi.sheet_names(workbook):
            label = self.tr("{name} (ẩn)").format(name=name) if hidden else name
            self.sheet.addItem(label, name)
        self.columns: dict[str, QComboBox] = {}
        mapping_form = QGridLayout()  # three label + column pairs a line: the preview keeps room
        shown = [(k, v) for k, v in xi.FIELD_LABELS.items() if k != "position"]
        for n, (key, label) in enumerate(shown):
            box = QComboBox()
            self.columns[key] = box
            mapping_form.addWidget(QLabel(label), n // 3, (n % 3) * 2)
            mapping_form.addWidget(box, n // 3, (n % 3) * 2 + 1)
            box.currentIndexChanged.connect(self._replan)
        self.one_meeting = QCheckBox(self.tr("Nhập tất cả vào giao ban ngày"))
        self.meeting_date = QDateEdit(QDate.currentDate())
        self.meeting_date.setDisplayFormat("dd/MM/yyyy")
        self.meeting_date.setCalendarPopup(True)
        meeting_row = QHBoxLayout()
        meeting_row.addWidget(self.one_meeting)
        meeting_row.addWidget(self.meeting_date)
        meeting_row.addStretch(1)

        self.unknown = QTableWidget(0, 3)
        self.unknown.setHorizontalHeaderLabels(
            [self.tr("Tên trong tệp"), self.tr("Ở dòng"), self.tr("Là tổ chức")]
        )
        self.unknown.horizontalHeader().setStretchLastSection(True)
        self.preview = QTableWidget(0, 6)
        self.preview.setHorizontalHeaderLabels(
            [
                self.tr("Dòng"),
                self.tr("Giao ban"),
                self.tr("Nội dung"),
                self.tr("Chủ trì"),
                self.tr("Thời hạn"),
                self.tr("Trùng với"),
            ]
        )
        self.preview.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.preview.setWordWrap(True)
        self.unknown.setMaximumHeight(110)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(90)
        self.summary = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Nhập"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        top = QFormLayout()
        top.addRow(self.tr("Tệp:"), QLabel(path.name))
        top.addRow(self.tr("Trang tính:"), self.sheet)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Cột trong tệp (sửa nếu chưa đúng):")))
        layout.addLayout(mapping_form)
        layout.addLayout(meeting_row)
        layout.addWidget(QLabel(self.tr("Tên tổ chức chưa biết (chọn tổ chức tương ứng):")))
        layout.addWidget(self.unknown)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        self.sheet.currentIndexChanged.connect(self._load_sheet)
        self.one_meeting.toggled.connect(self._replan)
        self.meeting_date.dateChanged.connect(self._replan)
        self._orgs = queries.list_organizations(include_inactive=False)
        self._groups = queries.list_groups()
        self._chosen: dict[str, int] = {}  # unknown name → organization id or NEW_ORG
        first = next((i for i, (_, hidden) in enumerate(xi.sheet_names(workbook)) if not hidden), 0)
        self.sheet.setCurrentIndex(first)
        self._load_sheet()
        fit_to_screen(self, 900, 700)

    # --- reading ----------------------------------------------------------------------------

    def _load_sheet(self) -> None:
        name = self.sheet.currentData()
        try:
            self._table = xi.read_table(self.workbook, name)
        except TrackerError as exc:
            self._table = None
            self.problems.setPlainText(str(exc))
            return
        mapping = xi.find_mapping(self._table)
        width = len(self._table.rows[0]) if self._table.rows else 0
        header = mapping.headers if mapping else ()
        self._building = True
        for key, box in self.columns.items():
            box.clear()
            box.addItem(self.tr("(không có)"), None)
            for col in range(width):
                text = header[col] if col < len(header) and header[col] else ""
                box.addItem(f"{_letter(col)}: {text}" if text else _letter(col), col)
            if mapping and key in mapping.columns:
                box.setCurrentIndex(mapping.columns[key] + 1)
        self._header_rows = mapping.header_rows if mapping else ()
        self._building = False
        self._replan()

    def mapping(self) -> xi.ColumnMap | None:
        """The columns as the clerk left them (None without a content column)."""
        columns = {
            k: b.currentData() for k, b in self.columns.items() if b.currentData() is not None
        }
        if "content" not in columns:
            return None
        start = self._header_rows[-1] + 1 if self._header_rows else 1
        return xi.ColumnMap(tuple(self._header_rows), columns, start)

    def _org_index(self) -> xi.OrgIndex:
        extra = {name: (org,) for name, org in self._chosen.items() if org != NEW_ORG}
        return xi.OrgIndex.build(self._orgs, self._groups, extra)

    def _replan(self) -> None:
        if self._building or self._table is None:
            return
        mapping = self.mapping()
        if mapping is None:
            self._plan = None
            self.problems.setPlainText(
                self.tr('Chưa thấy dòng tiêu đề: hãy chọn cột "Nội dung" ở trên.')
            )
            self._show_plan()
            return
        on: date | None = None
        if self.one_meeting.isChecked():
            picked = self.meeting_date.date()
            on = date(picked.year(), picked.month(), picked.day())
        self._plan = xi.make_plan(self._table, mapping, self._org_index(), meeting_date=on)
        self._show_plan()

    # --- showing ----------------------------------------------------------------------------

    def _show_plan(self) -> None:
        plan = self._plan
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        new_names = [n for n, org in self._chosen.items() if org == NEW_ORG]
        ready = plan is not None and (
            plan.ready or (plan.rows and set(plan.unknown) <= set(new_names) and not plan.errors)
        )
        ok.setEnabled(bool(ready))
        self.preview.setRowCount(0)
        if plan is None:
            self.summary.setText("")
            return
        self.summary.setText(
            self.tr(
                "{rows} nội dung chỉ đạo vào {meetings} cuộc giao ban; {skipped} dòng trống."
            ).format(rows=len(plan.rows), meetings=len(plan.meetings), skipped=plan.skipped)
        )
        self._show_unknown(plan)
        shown = plan.rows[:PREVIEW_ROWS]
        matches = similar_open([r.draft.content for r in shown])
        labels = {o.id: o.short_name for o in self._orgs}
        self.preview.setRowCount(len(shown))
        for i, (r, found) in enumerate(zip(shown, matches, strict=True)):
            cells = [
                str(r.row),
                f"{format_date(r.meeting_on)} {r.meeting_title}",
                r.draft.content,
                ", ".join(labels.get(o, "?") for o in r.draft.lead_ids),
                format_deadline(r.due),
                _match_text(found[0]) if found else "",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 5 and found:
                    item.setToolTip(found[0].content)
                self.preview.setItem(i, c, item)
        lines = [*plan.errors, *plan.warnings]
        self.problems.setPlainText("\n".join(lines))

    def _show_unknown(self, plan: xi.Plan) -> None:
        names = list(plan.unknown) + [n for n in self._chosen if n not in plan.unknown]
        self.unknown.setRowCount(len(names))
        for i, name in enumerate(names):
            self.unknown.setItem(i, 0, QTableWidgetItem(name))
            rows = plan.unknown.get(name, [])
            self.unknown.setItem(i, 1, QTableWidgetItem(", ".join(map(str, rows[:20]))))
            box = QComboBox()
            box.addItem(self.tr("(chọn…)"), None)
            box.addItem(self.tr("Thêm tổ chức mới với tên này"), NEW_ORG)
            for o in self._orgs:
                box.addItem(o.name, o.id)
            chosen = self._chosen.get(name)
            if chosen is not None:
                box.setCurrentIndex(max(0, box.findData(chosen)))
            box.currentIndexChanged.connect(
                lambda _i, n=name, b=box: self._choose(n, b.currentData())
            )
            self.unknown.setCellWidget(i, 2, box)

    def _choose(self, name: str, org: int | None) -> None:
        if org is None:
            self._chosen.pop(name, None)
        else:
            self._chosen[name] = org
        self._replan()

    def choose_organization(self, name: str, org: int) -> None:
        """Map an unknown name to an organization id (or NEW_ORG), as the combo box does."""
        self._choose(name, org)

    def plan(self) -> xi.Plan | None:
        return self._plan

    def new_organizations(self) -> list[str]:
        """Unknown names the clerk chose to add as organizations."""
        return [n for n, org in self._chosen.items() if org == NEW_ORG]

    def replan_with(self, orgs: list[Any]) -> xi.Plan | None:
        """The plan again after organizations were added (their names now known)."""
        self._orgs = orgs
        self._chosen = {n: o for n, o in self._chosen.items() if o != NEW_ORG}
        self._replan()
        return self._plan


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter  # openpyxl: only with a workbook open

    return str(get_column_letter(col + 1))


def _match_text(m: Any) -> str:
    return f"#{m.directive_id} ({format_date(m.meeting_held_on)}): {m.content[:60]}"


def run_import(window: Any, dialog: ImportDialog) -> Changes | None:
    """After OK: add the organizations the clerk asked for, then import as one undo step."""
    from tracker import services  # the services: at the first change, not when the wizard opens
    from ui import undo_commands  # with the services (above)

    for name in dialog.new_organizations():
        try:
            window.bus.run(services.add_organization, name=name, short_name=name)
        except TrackerError as exc:
            messages.show_error(window, exc)
            return None
    plan = dialog.replan_with(queries.list_organizations(include_inactive=False))
    if plan is None or not plan.ready:
        messages.show_error(window, "\n".join(plan.errors if plan else []) or "?")
        return None
    existing = xi.existing_meeting_ids(plan)
    command = undo_commands.ImportCommand(
        window.bus,
        QCoreApplication.translate("xlsx_import", "Nhập từ Excel"),
        existing,
        lambda: xi.apply_plan(plan),
    )
    try:
        return undo_commands.push(window.undo_stack, command)
    except TrackerError as exc:
        messages.show_error(window, exc)
        return None


def import_from_excel(window: Any) -> Changes | None:
    path, _ = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("xlsx_import", "Nhập từ Excel"),
        "",
        QCoreApplication.translate("xlsx_import", "Bảng tính Excel (*.xlsx)"),
    )
    if not path:
        return None
    try:
        workbook = xi.open_workbook(path)
    except TrackerError as exc:
        messages.show_error(window, exc)
        return None
    dialog = ImportDialog(Path(path), workbook, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return run_import(window, dialog)


def export_to_excel(window: Any) -> None:
    name = f"giaoban-{date.today().isoformat()}.xlsx"
    path, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("xlsx_import", "Xuất Excel"),
        name,
        QCoreApplication.translate("xlsx_import", "Bảng tính Excel (*.xlsx)"),
    )
    if not path:
        return
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    from tracker.xlsx_export import export_xlsx  # openpyxl: only when exporting

    try:
        count = export_xlsx(path)
    except TrackerError as exc:
        messages.show_error(window, exc)
        return
    window.statusBar().showMessage(
        QCoreApplication.translate(
            "xlsx_import", "Đã xuất {count} nội dung chỉ đạo ra {path}"
        ).format(count=count, path=path),
        8000,
    )
