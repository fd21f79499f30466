"""ReportDialog: the quarterly follow-up list (or the open items before a giao ban) —
summary, chart, print preview, printer, and PDF, Excel and Word files.

Contract for the main window::

    ReportDialog.ask(parent, *, quarter=None, kind="follow-up", as_of=None) -> None

``kind`` is ``"follow-up"`` (danh sách theo dõi quý) or ``"open-items"`` (nội
dung còn tồn đọng trước giao ban). The file, printer and preview dialogs and
the error box go through small functions (ui.report.prompts: ``ask_save_path``,
``ask_printer``, ``show_preview``, ``show_error``) this module calls by name, so tests
patch them here. The options and the file name are in ui.report.options, the summary
table's model in ui.report.counts_model. Qt Charts is imported when the dialog is built,
never before.

Why this module is over 600 lines: it is one dialog, half of it the construction of its
fourteen fields and buttons (each with its accessible name, tip and tab order) and half
the five outputs that share its state (preview, print, PDF, Excel, Word). Its pure parts
have moved out (see above); cutting the dialog itself would only pass ``self`` around.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker import followup, queries
from tracker.dates import format_date
from tracker.errors import TrackerError
from tracker.quarters import Quarter
from tracker.reporting.document import build_document
from tracker.reporting.layout import LAYOUT
from tracker.reporting.render import write_report
from tracker.rows import FollowUpReport
from ui.report.counts_model import CountColumn, ReportCountsModel
from ui.report.options import (
    FOLLOW_UP,
    KINDS,
    OPEN_ITEMS,
    ReportOptions,
    ascii_file_name,
    build_report,
    default_quarter,
)
from ui.report.prompts import ask_printer, ask_save_path, busy, show_error, show_preview
from ui.screen_fit import fit_to_screen, keep_on_screen
from ui.widgets.combo import line_edit
from ui.widgets.date_field import from_qdate
from ui.widgets.keyboard_safety import KeyboardSafety

log = logging.getLogger("giaoban")

_SETTINGS_GROUP = "report"
_REFRESH_DELAY_MS = 200  # typing a quarter or a date: recompute once the clerk pauses


# --- the dialog -------------------------------------------------------------------------


class ReportDialog(QDialog):
    """Choose a report and its options, see its summary and chart, print it or save it.

    Signals:
        report_updated: the summary, table and chart now show :attr:`report`
            (or an error, when :attr:`report` is None).
    """

    report_updated = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        kind: str = FOLLOW_UP,
        quarter: Quarter | None = None,
        as_of: date | None = None,
    ) -> None:
        super().__init__(parent)
        from ui.report.chart import ReportChartView  # Qt Charts: only once a report is asked for

        if kind not in KINDS:
            raise ValueError(f"unknown report kind {kind!r}")
        self.report: FollowUpReport | None = None
        self.options: ReportOptions | None = None
        self.error = ""  # why there is no report, in the clerk's words
        self.last_saved: Path | None = None
        today = as_of or date.today()
        self.setWindowTitle(self.tr("Báo cáo theo dõi, đôn đốc"))
        self.setObjectName("reportDialog")
        self.setAccessibleName(self.tr("Báo cáo theo dõi, đôn đốc"))
        self.setSizeGripEnabled(True)

        # --- options ---------------------------------------------------------
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Danh sách theo dõi quý"), FOLLOW_UP)
        self.kind_combo.addItem(self.tr("Nội dung còn tồn đọng trước giao ban"), OPEN_ITEMS)
        self.kind_combo.setAccessibleName(self.tr("Loại báo cáo"))
        self.kind_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind_combo.setMinimumContentsLength(16)
        self.kind_combo.setCurrentIndex(KINDS.index(kind))

        self.quarter_combo = QComboBox(self)
        self.quarter_combo.setEditable(True)
        self.quarter_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.quarter_combo.setAccessibleName(self.tr("Quý"))
        self.quarter_combo.setToolTip(
            self.tr('Chọn trong danh sách hoặc gõ, ví dụ "Quý II-2021", "Q2/2021", "2021-Q2"')
        )
        line_edit(self.quarter_combo).setPlaceholderText(self.tr("ví dụ Quý II-2021"))
        line_edit(self.quarter_combo).setAccessibleName(self.tr("Quý"))
        self._fill_quarters(quarter, today)
        completer = QCompleter(self.quarter_combo.model(), self.quarter_combo)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.quarter_combo.setCompleter(completer)

        self.as_of_edit = QDateEdit(self)
        self.as_of_edit.setDisplayFormat("dd/MM/yyyy")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDate(QDate(today.year, today.month, today.day))
        self.as_of_edit.setAccessibleName(self.tr("Tính đến ngày"))
        self.as_of_edit.setToolTip(self.tr("Tình trạng đúng hạn, quá hạn được tính đến ngày này"))

        self.group_combo = QComboBox(self)
        self.group_combo.addItem(self.tr("Cơ quan, đơn vị chủ trì"), followup.GROUP_BY_ORG)
        self.group_combo.addItem(
            self.tr("Từng cơ quan (mỗi cơ quan một phần)"), followup.GROUP_BY_EACH_ORG
        )
        self.group_combo.addItem(self.tr("Cuộc giao ban"), followup.GROUP_BY_MEETING)
        self.group_combo.setToolTip(
            self.tr(
                "Theo cơ quan chủ trì: mỗi nội dung một lần, ghi tình trạng của từng cơ quan; "
                "từng cơ quan: mỗi cơ quan một phần riêng để gửi cho cơ quan đó"
            )
        )

        self.issued_on_edit = QDateEdit(self)
        self.issued_on_edit.setDisplayFormat("dd/MM/yyyy")
        self.issued_on_edit.setCalendarPopup(True)
        issued = date.today()
        self.issued_on_edit.setDate(QDate(issued.year, issued.month, issued.day))
        self.issued_on_edit.setAccessibleName(self.tr("Ngày ban hành"))
        self.issued_on_edit.setToolTip(
            self.tr('Ngày ghi trên báo cáo: "Nam Định, ngày … tháng … năm …"')
        )
        self.group_combo.setAccessibleName(self.tr("Nhóm theo"))

        self.include_done_check = QCheckBox(self.tr("Liệt kê cả nội dung đã &hoàn thành"), self)
        self.include_done_check.setChecked(True)
        self.include_done_check.setAccessibleName(self.tr("Liệt kê cả nội dung đã hoàn thành"))
        self.include_chart_check = QCheckBox(self.tr("In kèm &biểu đồ"), self)
        self.include_chart_check.setAccessibleName(self.tr("In kèm biểu đồ"))
        self.include_chart_check.setToolTip(
            self.tr("Thêm một trang biểu đồ sau bảng tổng hợp (bản in, PDF và Word)")
        )
        self._restore_choices()

        options_box = QGroupBox(self.tr("Tùy chọn"), self)
        form = QFormLayout(options_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.kind_label = QLabel(self.tr("&Loại báo cáo:"), options_box)
        self.quarter_label = QLabel(self.tr("&Quý:"), options_box)
        self.as_of_label = QLabel(self.tr("Tính đến &ngày:"), options_box)
        self.group_label = QLabel(self.tr("Nhóm &theo:"), options_box)
        self.issued_on_label = QLabel(self.tr("Ngày &ban hành:"), options_box)
        for label, field in (
            (self.kind_label, self.kind_combo),
            (self.quarter_label, self.quarter_combo),
            (self.as_of_label, self.as_of_edit),
            (self.group_label, self.group_combo),
            (self.issued_on_label, self.issued_on_edit),
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.include_done_check)
        form.addRow(self.include_chart_check)

        # --- summary, counts and chart ------------------------------------------
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("reportSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setAccessibleName(self.tr("Tóm tắt"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("reportError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setAccessibleName(self.tr("Thông báo lỗi"))
        palette = self.error_label.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#ff8a80" if dark else "#a50e0e"))
        self.error_label.setPalette(palette)
        self.error_label.hide()

        self.counts_model = ReportCountsModel(self)
        self.counts_view = QTableView(self)
        self.counts_view.setModel(self.counts_model)
        self.counts_view.setAccessibleName(self.tr("Số nội dung theo cơ quan, đơn vị"))
        self.counts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.counts_view.setAlternatingRowColors(True)
        self.counts_view.setWordWrap(False)
        self.counts_view.verticalHeader().hide()
        rows = self.counts_view.verticalHeader()
        rows.setDefaultSectionSize(self.counts_view.fontMetrics().height() + 8)
        header = self.counts_view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CountColumn.ORGANIZATION, QHeaderView.ResizeMode.Stretch)

        self.chart_view = ReportChartView(self)

        summary_box = QGroupBox(self.tr("Tóm tắt"), self)
        summary_layout = QVBoxLayout(summary_box)
        summary_layout.addWidget(self.summary_label)
        summary_layout.addWidget(self.error_label)
        counts_box = QGroupBox(self.tr("Theo cơ quan, đơn vị"), self)
        counts_layout = QVBoxLayout(counts_box)
        counts_layout.addWidget(self.counts_view)
        chart_box = QGroupBox(self.tr("Biểu đồ"), self)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(2, 2, 2, 2)
        chart_layout.addWidget(self.chart_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(counts_box)
        splitter.addWidget(chart_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([350, 290])

        # --- actions -------------------------------------------------------------
        self.preview_button = QPushButton(self.tr("&Xem trước khi in…"), self)
        self.print_button = QPushButton(self.tr("&In…"), self)
        self.pdf_button = QPushButton(self.tr("Lưu &PDF…"), self)
        self.xlsx_button = QPushButton(self.tr("Lưu &Excel…"), self)
        self.docx_button = QPushButton(self.tr("Lưu &Word…"), self)
        for button, name in (
            (self.preview_button, self.tr("Xem trước khi in")),
            (self.print_button, self.tr("In")),
            (self.pdf_button, self.tr("Lưu PDF")),
            (self.xlsx_button, self.tr("Lưu Excel")),
            (self.docx_button, self.tr("Lưu Word")),
        ):
            button.setAccessibleName(name)
            button.setAutoDefault(False)  # Enter in the quarter field must not print
        self.preview_button.setObjectName("primaryButton")
        self.pdf_button.setToolTip(self.tr("Lưu thành tệp PDF để gửi hoặc in sau"))
        self.xlsx_button.setToolTip(self.tr("Lưu thành bảng tính Excel (.xlsx)"))
        self.docx_button.setToolTip(self.tr("Lưu thành văn bản Word (.docx) để sửa trước khi ký"))
        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = self.close_box.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Đóng"))
        close.setAutoDefault(False)
        close.setAccessibleName(self.tr("Đóng"))
        self.close_box.rejected.connect(self.reject)
        KeyboardSafety.install(self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("reportStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setAccessibleName(self.tr("Trạng thái"))

        buttons = QHBoxLayout()
        for button in (
            self.preview_button,
            self.print_button,
            self.pdf_button,
            self.xlsx_button,
            self.docx_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_box)

        left = QVBoxLayout()
        left.addWidget(options_box)
        left.addWidget(summary_box)
        left.addStretch(1)
        body = QHBoxLayout()
        options_box.setMaximumWidth(340)
        summary_box.setMaximumWidth(340)
        body.addLayout(left, 0)
        body.addWidget(splitter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

        order = [
            self.kind_combo,
            self.quarter_combo,
            self.as_of_edit,
            self.group_combo,
            self.issued_on_edit,
            self.include_done_check,
            self.include_chart_check,
            self.counts_view,
            self.preview_button,
            self.print_button,
            self.pdf_button,
            self.xlsx_button,
            self.docx_button,
            close,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        # --- wiring --------------------------------------------------------------
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(_REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_current_index_changed)
        self.quarter_combo.currentIndexChanged.connect(self.refresh)
        self.quarter_combo.editTextChanged.connect(self._schedule_refresh)
        self.as_of_edit.dateChanged.connect(self._schedule_refresh)
        self.group_combo.currentIndexChanged.connect(self.refresh)
        self.include_done_check.toggled.connect(self.refresh)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        self.docx_button.clicked.connect(lambda: self.save("docx"))

        self._update_enabled()
        fit_to_screen(self, 1160, 680)
        self.refresh()
        self.quarter_combo.setFocus()

    # --- public ------------------------------------------------------------------------

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        quarter: Quarter | None = None,
        kind: str = FOLLOW_UP,
        as_of: date | None = None,
    ) -> None:
        """Show the dialog (modal) on ``kind``'s report, for ``quarter`` if given."""
        dialog = cls(parent, kind=kind, quarter=quarter, as_of=as_of)
        dialog.exec()
        dialog.deleteLater()

    def current_options(self) -> ReportOptions:
        """The options as chosen now.

        Raises:
            ValidationError: the quarter typed cannot be read.
        """
        kind = self.kind_combo.currentData()
        as_of = from_qdate(self.as_of_edit.date())
        quarter = None
        if kind == FOLLOW_UP:
            quarter = Quarter.parse(self.quarter_combo.currentText(), default_year=as_of.year)
        return ReportOptions(
            kind=kind,
            quarter=quarter,
            as_of=as_of,
            group_by=self.group_combo.currentData(),
            include_done=kind == FOLLOW_UP and self.include_done_check.isChecked(),
            include_chart=self.include_chart_check.isChecked(),
        )

    def refresh(self) -> None:
        """Recompute the report from the options and show its summary, counts and chart."""
        self._refresh_timer.stop()
        try:
            options = self.current_options()
            report = build_report(options)
        except TrackerError as exc:
            self.report, self.options, self.error = None, None, exc.message
        else:
            self.report, self.options, self.error = report, options, ""
        self._show()
        self.report_updated.emit()

    def suggested_file_name(self, suffix: str) -> str:
        """An ASCII file name for the report: "Danh-sach-theo-doi-Quy-II-2021.pdf"."""
        options = self.options
        if options is None or options.kind == OPEN_ITEMS:
            as_of = from_qdate(self.as_of_edit.date())
            text = self.tr("Nội dung tồn đọng đến {date}").format(date=format_date(as_of))
        else:
            text = self.tr("Danh sách theo dõi {quarter}").format(quarter=options.quarter)
        return ascii_file_name(text, suffix)

    def preview(self) -> None:
        """The report's PDF, page by page, exactly as it prints and saves."""
        current = self._ready()
        if current is None:
            return
        report, options = current
        try:
            with busy():
                pdf = self._pdf(report, options)
            show_preview(self, pdf, lambda: self._print_pdf(pdf))
        except Exception as exc:  # noqa: BLE001 - shown in plain words, logged in full
            self._fail(self.tr("Không xem trước được danh sách."), exc)

    def print_report(self) -> None:
        """Print the report on a printer the clerk chooses."""
        current = self._ready()
        if current is None:
            return
        report, options = current
        try:
            with busy():
                pdf = self._pdf(report, options)
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Không in được danh sách."), exc)
            return
        self._print_pdf(pdf)

    def _print_pdf(self, pdf: bytes) -> None:
        from ui.report.preview import print_pdf  # QtPdf: only when printing

        printer = self._printer()
        if not ask_printer(self, printer):
            return
        try:
            with busy():
                print_pdf(pdf, printer)
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Không in được danh sách."), exc)
            return
        self.status_label.setText(self.tr("Đã gửi danh sách tới máy in."))

    def save(self, fmt: str) -> Path | None:
        """Ask for a file name and save the report as ``fmt`` ("pdf", "xlsx", "docx")."""
        current = self._ready()
        if current is None:
            return None
        report, options = current
        captions = {
            "pdf": (self.tr("Lưu danh sách thành PDF"), self.tr("Tệp PDF (*.pdf)")),
            "xlsx": (self.tr("Lưu danh sách thành Excel"), self.tr("Bảng tính Excel (*.xlsx)")),
            "docx": (self.tr("Lưu danh sách thành Word"), self.tr("Văn bản Word (*.docx)")),
        }
        caption, name_filter = captions[fmt]
        suggested = str(self._folder() / self.suggested_file_name(fmt))
        chosen = ask_save_path(self, caption, suggested, name_filter, fmt)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        try:
            with busy():
                chart = self._chart_png(report) if options.include_chart and fmt != "xlsx" else None
                write_report(
                    report,
                    queries.load_settings(),
                    fmt=fmt,
                    path=path,
                    issued_on=self.issued_on(),
                    chart_png=chart,
                )
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Không lưu được danh sách."), exc)
            return None
        self._remember_folder(path.parent)
        self.last_saved = path
        self.status_label.setText(
            self.tr("Đã lưu {name} vào thư mục {folder}.").format(
                name=path.name, folder=str(path.parent)
            )
        )
        return path

    # --- internals ---------------------------------------------------------------------

    def _fill_quarters(self, chosen: Quarter | None, today: date) -> None:
        try:
            quarters = followup.report_quarters()
        except TrackerError:
            quarters = []
        default = chosen or default_quarter(quarters, today)
        items = sorted({*quarters, default}, reverse=True)  # newest first
        for q in items:
            self.quarter_combo.addItem(str(q), q.iso)
        self.quarter_combo.setCurrentIndex(items.index(default))

    def _schedule_refresh(self) -> None:
        self._refresh_timer.start()

    def _on_kind_combo_current_index_changed(self) -> None:
        self._update_enabled()
        self.refresh()

    def _update_enabled(self) -> None:
        follow_up = self.kind_combo.currentData() == FOLLOW_UP
        self.quarter_combo.setEnabled(follow_up)
        self.quarter_label.setEnabled(follow_up)
        self.include_done_check.setEnabled(follow_up)

    def _show(self) -> None:
        report = self.report
        self.error_label.setText(self.error)
        self.error_label.setVisible(bool(self.error))
        line_edit(self.quarter_combo).setAccessibleDescription(self.error)
        if report is None:
            self.summary_label.setText("")
        elif report.empty:
            if report.quarter is not None:
                text = self.tr("Không có nội dung chỉ đạo nào cần theo dõi trong {quarter}.")
                self.summary_label.setText(text.format(quarter=report.quarter))
            else:
                text = self.tr(
                    "Không còn nội dung chỉ đạo nào chưa hoàn thành tính đến ngày {date}."
                )
                self.summary_label.setText(text.format(date=format_date(report.as_of)))
        else:
            self.summary_label.setText(report.summary_sentence)
        self.summary_label.setVisible(bool(self.summary_label.text()))
        self.counts_model.set_report(report)
        self.chart_view.set_report(report)
        self.status_label.setText("")

    def _ready(self) -> tuple[FollowUpReport, ReportOptions] | None:
        """The report for the options on screen, or None after telling the clerk why not."""
        if self._refresh_timer.isActive():
            self.refresh()  # the clerk typed and clicked before the pause
        if self.report is None or self.options is None:
            show_error(self, self.error or self.tr("Chưa có danh sách để in."))
            if self.kind_combo.currentData() == FOLLOW_UP:
                self.quarter_combo.setFocus()
                line_edit(self.quarter_combo).selectAll()
            return None
        self._remember_choices()
        # Whether to print the chart changes nothing on screen, so it never recomputes.
        options = replace(self.options, include_chart=self.include_chart_check.isChecked())
        return self.report, options

    def issued_on(self) -> date:
        """The issue date the clerk chose (today unless changed)."""
        return from_qdate(self.issued_on_edit.date())

    def _pdf(self, report: FollowUpReport, options: ReportOptions) -> bytes:
        """The report as the PDF file "Lưu PDF" writes, in memory."""
        from tracker.reporting.pdf import write_pdf  # ReportLab: only when a PDF is made

        chart = self._chart_png(report) if options.include_chart else None
        document = build_document(
            report, queries.load_settings(), self.issued_on(), LAYOUT, chart_png=chart
        )
        out = BytesIO()
        write_pdf(document, out)
        return out.getvalue()

    def _chart_png(self, report: FollowUpReport) -> bytes | None:
        if report.empty or not report.per_org_counts:
            return None
        from ui.report.chart import chart_png  # Qt Charts (see __init__)

        return chart_png(report, LAYOUT)

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(Path(self.suggested_file_name("pdf")).stem)
        return printer

    def _fail(self, what: str, exc: BaseException) -> None:
        """Tell the clerk what failed and why, in plain words; log anything unexpected."""
        if isinstance(exc, TrackerError):
            text = exc.message
        elif isinstance(exc, OSError):
            reason = (exc.strerror or str(exc)).strip().rstrip(".")
            text = f"{what} {reason[:1].upper()}{reason[1:]}."
        else:
            log.exception("Lỗi khi in hoặc lưu danh sách")
            text = (
                what
                + " "
                + self.tr(
                    "Chương trình gặp một lỗi không lường trước; dữ liệu không bị ảnh hưởng. "
                    "Hãy thử lại, và nếu lỗi lặp lại, báo cho người phụ trách kỹ thuật."
                )
            )
        self.status_label.setText("")
        show_error(self, text)

    # --- remembered between sessions ---------------------------------------------------------

    def _settings(self) -> QSettings:
        settings = QSettings()
        settings.beginGroup(_SETTINGS_GROUP)
        return settings

    def _restore_choices(self) -> None:
        settings = self._settings()
        group_by = settings.value("group_by", followup.GROUP_BY_ORG, type=str)
        index = self.group_combo.findData(group_by)
        self.group_combo.setCurrentIndex(max(index, 0))
        self.include_done_check.setChecked(bool(settings.value("include_done", True, type=bool)))
        self.include_chart_check.setChecked(bool(settings.value("include_chart", False, type=bool)))

    def _remember_choices(self) -> None:
        settings = self._settings()
        settings.setValue("group_by", self.group_combo.currentData())
        settings.setValue("include_done", self.include_done_check.isChecked())
        settings.setValue("include_chart", self.include_chart_check.isChecked())

    def _folder(self) -> Path:
        saved = str(self._settings().value("folder", "", type=str))
        if saved and Path(saved).is_dir():
            return Path(saved)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _remember_folder(self, folder: Path) -> None:
        self._settings().setValue("folder", str(folder))

    def showEvent(self, event: QShowEvent) -> None:
        keep_on_screen(self)
        super().showEvent(event)
