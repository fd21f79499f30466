"""LetterDialog: reminder letters (công văn đôn đốc) to one or several organizations.

Contract for the main window::

    LetterDialog.ask(parent, *, run: Callable[..., Changes], as_of: date | None = None)

- Choose organizations (ticked) and a quarter; the number, the issue date and the
  date to report back by. Preview shows the letters as one PDF (the report's
  QtPdf preview); print sends that PDF to a printer; save writes one file per
  organization (PDF or Word) into a folder, or one PDF holding every letter.
- Each letter saved or printed is recorded in the history of what it lists
  through ``run(services.record_chase, …)`` (the store's change signal).
"""

from __future__ import annotations

import logging
from datetime import date
from io import BytesIO
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker import followup, queries, services
from tracker.errors import TrackerError
from tracker.letter_files import letter_file_name, write_letters
from tracker.quarters import Quarter
from tracker.reporting.letter import (
    Letter,
    LetterOptions,
    build_letter,
    quarter_report,
    write_letters_pdf,
)
from tracker.safe_write import check_target
from ui.models.store_bus import StoreBus
from ui.report.options import default_quarter
from ui.report.prompts import ask_printer, busy, show_error, show_preview
from ui.screen_fit import fit_to_screen
from ui.widgets.date_field import from_qdate

log = logging.getLogger(__name__)


def ask_folder(parent: QWidget, caption: str) -> str:
    """The folder to save the letters in; "" when cancelled (tests patch it)."""
    return QFileDialog.getExistingDirectory(parent, caption)


def ask_file(parent: QWidget, caption: str) -> str:
    """The one PDF to save every letter in; "" when cancelled (tests patch it)."""
    return QFileDialog.getSaveFileName(parent, caption, "", "PDF (*.pdf)")[0]


class LetterDialog(QDialog):
    """The clerk's choices for the letters, with preview, print and save."""

    def __init__(
        self, parent: QWidget | None = None, *, run: StoreBus | None = None,
        as_of: date | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("letterDialog")
        self.setWindowTitle(self.tr("Công văn đôn đốc"))
        self._run = run
        self._as_of = as_of
        self.last_saved: list[Path] = []
        today = as_of or date.today()

        self.organizations = QListWidget(self)
        self.organizations.setAccessibleName(self.tr("Tổ chức nhận công văn"))
        for org in queries.list_organizations(include_inactive=False):
            item = QListWidgetItem(f"{org.short_name} — {org.name}", self.organizations)
            item.setData(Qt.ItemDataRole.UserRole, org.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.quarter = QComboBox(self)
        self.quarter.setAccessibleName(self.tr("Quý"))
        quarters = followup.report_quarters()
        chosen = default_quarter(quarters, today)
        for q in sorted(set(quarters) | {chosen}):
            self.quarter.addItem(str(q), q.iso)
        self.quarter.setCurrentIndex(self.quarter.findData(chosen.iso))
        self.number = QLineEdit(self)
        self.number.setAccessibleName(self.tr("Số công văn"))
        self.number.setPlaceholderText(self.tr("để trống: ghi tay sau"))
        self.issued_on = self._date_edit(today, self.tr("Ngày ban hành"))
        self.report_by = self._date_edit(
            date.fromordinal(today.toordinal() + 10), self.tr("Hạn báo cáo lại")
        )
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)

        form = QFormLayout()
        for text, field in (
            (self.tr("&Quý:"), self.quarter),
            (self.tr("&Số:"), self.number),
            (self.tr("Ngày &ban hành:"), self.issued_on),
            (self.tr("&Hạn báo cáo lại:"), self.report_by),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        self.preview_button = QPushButton(self.tr("&Xem trước"), self)
        self.print_button = QPushButton(self.tr("&In…"), self)
        self.save_pdf_button = QPushButton(self.tr("Lưu &PDF (mỗi tổ chức một tệp)…"), self)
        self.save_docx_button = QPushButton(self.tr("Lưu &Word (mỗi tổ chức một tệp)…"), self)
        self.save_one_button = QPushButton(self.tr("Lưu &một tệp PDF…"), self)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_letters)
        self.save_pdf_button.clicked.connect(lambda: self.save_each("pdf"))
        self.save_docx_button.clicked.connect(lambda: self.save_each("docx"))
        self.save_one_button.clicked.connect(self.save_one)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.preview_button, self.print_button, self.save_pdf_button,
                  self.save_docx_button, self.save_one_button):  # fmt: skip
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("&Gửi tới:"), self)
        heading.setBuddy(self.organizations)
        layout.addWidget(heading)
        layout.addWidget(self.organizations, 1)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        fit_to_screen(self, 760, 520)

    @classmethod
    def ask(cls, parent: QWidget | None, *, run: StoreBus, as_of: date | None = None) -> None:
        """Show the dialog until closed."""
        dialog = cls(parent, run=run, as_of=as_of)
        dialog.exec()
        dialog.deleteLater()

    # --- the choices ---------------------------------------------------------------

    def set_checked(self, organization_ids: set[int]) -> None:
        """Tick exactly ``organization_ids``."""
        for i in range(self.organizations.count()):
            item = self.organizations.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in organization_ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked_ids(self) -> list[int]:
        """The ticked organizations, in the list's order."""
        items = (self.organizations.item(i) for i in range(self.organizations.count()))
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def options(self) -> LetterOptions:
        """The number and dates as chosen."""
        return LetterOptions(
            issued_on=from_qdate(self.issued_on.date()),
            number=self.number.text().strip(),
            report_by=from_qdate(self.report_by.date()),
            as_of=self._as_of,
        )

    def letters(self) -> list[Letter]:
        """The letters to the ticked organizations that have something open; the
        status line names those left out."""
        quarter = Quarter.from_iso(str(self.quarter.currentData()))
        options = self.options()
        settings = queries.load_settings()
        report = quarter_report(quarter, options)
        built = [
            build_letter(org, quarter, options, settings, report=report)
            for org in self.checked_ids()
        ]
        empty = [x.short_name for x in built if x.empty]
        if empty:
            self.status_label.setText(
                self.tr("Không còn nội dung cần đôn đốc: {names}.").format(names=", ".join(empty))
            )
        return [x for x in built if not x.empty]

    # --- actions -------------------------------------------------------------------

    def preview(self) -> None:
        """Every chosen letter in one PDF, page by page, as it prints."""
        current = self._ready()
        if current is None:
            return
        pdf = self._pdf(current)
        if pdf is not None:
            show_preview(self, pdf, lambda: self._print(current, pdf))

    def print_letters(self) -> None:
        """Print the chosen letters, then record them as sent."""
        current = self._ready()
        if current is None:
            return
        pdf = self._pdf(current)
        if pdf is not None:
            self._print(current, pdf)

    def save_each(self, fmt: str) -> list[Path]:
        """One file per organization in a folder the clerk chooses; nothing is written
        when a file cannot be (an unwritable folder, a folder by that name)."""
        current = self._ready()
        if current is None:
            return []
        folder = ask_folder(self, self.tr("Chọn thư mục lưu công văn"))
        if not folder:
            return []
        quarter = str(self.quarter.currentData())
        paths = [Path(folder) / letter_file_name(x.short_name, quarter, fmt) for x in current]
        try:
            with busy():
                for path in paths:
                    check_target(path)
                write_letters(
                    current, paths, fmt=fmt, forms_made_on=self.options().issued_on
                )
        except Exception as exc:  # noqa: BLE001 - shown in plain words
            self._fail(self.tr("Không lưu được công văn."), exc)
            return []
        written = paths  # all the letters (their forms beside them)
        self._record(current)
        self.last_saved = written
        self.status_label.setText(
            self.tr(
                "Đã lưu %n công văn, mỗi công văn kèm phiếu báo cáo (.xlsx), vào thư mục {folder}.",
                None,
                len(written),
            ).format(folder=folder)
        )
        return written

    def save_one(self) -> Path | None:
        """Every chosen letter in one PDF, each from a new page."""
        current = self._ready()
        if current is None:
            return None
        chosen = ask_file(self, self.tr("Lưu các công văn thành một tệp PDF"))
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            with busy():
                write_letters_pdf(current, path)
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Không lưu được công văn."), exc)
            return None
        self._record(current)
        self.last_saved = [path]
        self.status_label.setText(self.tr("Đã lưu {name}.").format(name=str(path)))
        return path

    # --- internals -----------------------------------------------------------------

    def _ready(self) -> list[Letter] | None:
        if not self.checked_ids():
            show_error(self, self.tr("Hãy chọn ít nhất một tổ chức nhận công văn."))
            return None
        try:
            with busy():
                letters = self.letters()
        except TrackerError as exc:
            show_error(self, exc.message)
            return None
        if not letters:
            show_error(
                self,
                self.tr(
                    "Các tổ chức đã chọn không còn nội dung nào chưa hoàn thành trong quý này."
                ),
            )
            return None
        return letters

    def _pdf(self, letters: list[Letter]) -> bytes | None:
        from tracker.reporting.pdf import write_pdfs  # ReportLab: only when a letter is written

        buffer = BytesIO()
        try:
            with busy():
                write_pdfs([x.document for x in letters], buffer)
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Không tạo được công văn."), exc)
            return None
        return buffer.getvalue()

    def _print(self, letters: list[Letter], pdf: bytes) -> None:
        from ui.report.preview import print_pdf  # QtPdf: only when printing

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Công văn đôn đốc"))
        if not ask_printer(self, printer):
            return
        try:
            with busy():
                print_pdf(pdf, printer)
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Không in được công văn."), exc)
            return
        self._record(letters)
        self.status_label.setText(self.tr("Đã gửi công văn tới máy in."))

    def _record(self, letters: list[Letter]) -> None:
        """Each letter into the history of what it lists."""
        on = self.options().issued_on
        try:
            for x in letters:
                kwargs = dict(
                    directive_ids=x.directive_ids,
                    organization_id=x.organization_id,
                    reference=x.reference,
                    on=on,
                )
                if self._run is not None:
                    self._run.run(services.record_chase, **kwargs)
                else:
                    services.record_chase(**kwargs)  # type: ignore[arg-type]
        except TrackerError as exc:
            show_error(self, exc.message)

    def _fail(self, what: str, exc: BaseException) -> None:
        if isinstance(exc, TrackerError):
            text = exc.message
        elif isinstance(exc, OSError):
            text = f"{what} {(exc.strerror or str(exc)).strip()}."
        else:
            log.exception("Lỗi khi tạo công văn")
            text = what
        show_error(self, text)

    def _date_edit(self, day: date, name: str) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setAccessibleName(name)
        return edit
