"""The report dialog on the sample giao ban: summary, counts, chart, printing and saving."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from tests.tracker.test_report_cli import norm, pdf_column, pdf_text
from tracker import followup, queries
from tracker.quarters import Quarter
from tracker.reporting.layout import LAYOUT
from tracker.rows import Category
from ui.report import dialog as report_dialog
from ui.report.counts_model import CountColumn
from ui.report.dialog import ReportDialog
from ui.report.options import ascii_file_name, default_quarter

AS_OF = date(2021, 7, 20)
Q2 = Quarter(2021, 2)
needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfimages")), reason="needs poppler-utils"
)


@pytest.fixture
def dialog(qtbot, sample_db: Path) -> ReportDialog:  # noqa: ANN001
    """The dialog on the sample giao ban, as of 20/07/2021."""
    d = ReportDialog(None, as_of=AS_OF)
    qtbot.addWidget(d)
    return d


@pytest.fixture
def no_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Error boxes recorded instead of shown; any file dialog fails the test unless patched."""
    shown: list[str] = []
    monkeypatch.setattr(report_dialog, "show_error", lambda parent, text: shown.append(text))

    def no_file_dialog(*args: object) -> str:
        raise AssertionError("no file dialog expected")

    monkeypatch.setattr(report_dialog, "ask_save_path", no_file_dialog)
    return shown


def _save_to(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[tuple[str, str, str]]:
    """Answer every save dialog with its suggested name inside ``folder``; record the asks."""
    asked: list[tuple[str, str, str]] = []

    def ask(parent: object, caption: str, path: str, name_filter: str, suffix: str) -> str:
        asked.append((Path(path).name, name_filter, suffix))
        return str(folder / Path(path).name)

    monkeypatch.setattr(report_dialog, "ask_save_path", ask)
    return asked


def _type(widget, text: str) -> None:  # noqa: ANN001
    """Commit ``text`` as a Vietnamese input method does (keyClicks aborts on "ý")."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _cells(dialog: ReportDialog) -> list[list[object]]:
    model = dialog.counts_model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_summary_and_counts_match_the_follow_up_list(dialog: ReportDialog) -> None:
    """Quý II-2021 is chosen by default; the summary and counts are tracker.followup's."""
    expected = followup.follow_up_list(Q2, as_of=AS_OF)
    assert dialog.quarter_combo.currentText() == "Quý II-2021"
    assert dialog.options is not None and dialog.options.quarter == Q2
    assert dialog.summary_label.text() == expected.summary_sentence
    assert "Tổng số 11 nội dung chỉ đạo" in dialog.summary_label.text()
    rows = _cells(dialog)
    assert len(rows) == len(expected.per_org_counts) + 1
    for row, (name, counts) in zip(rows, expected.per_org_counts, strict=False):
        assert row[: CountColumn.OPEN_OVERDUE + 1] == [
            name,
            counts.total,
            counts.done_on_time,
            counts.done_late,
            counts.open_in_time,
            counts.open_overdue,
        ]
    assert rows[-1][CountColumn.TOTAL] == expected.totals.total == 11
    assert not dialog.error_label.isVisibleTo(dialog)


def test_counts_model_passes_the_model_tester(dialog: ReportDialog, qtmodeltester) -> None:  # noqa: ANN001
    """The per-organization counts model is a well-behaved Qt model, full and empty."""
    qtmodeltester.check(dialog.counts_model)
    dialog.counts_model.set_report(None)
    qtmodeltester.check(dialog.counts_model)


def test_chart_has_a_set_per_category_and_a_bar_per_organization(dialog: ReportDialog) -> None:
    """Four bar sets (the categories, legend in Vietnamese); one bar per organization with rows."""
    from PySide6.QtCharts import QBarCategoryAxis, QChart, QValueAxis

    expected = followup.follow_up_list(Q2, as_of=AS_OF)
    chart = dialog.chart_view.chart()
    assert chart.animationOptions() == QChart.AnimationOption.NoAnimation
    (series,) = chart.series()
    labels = [s.label() for s in series.barSets()]
    assert labels == [
        "Hoàn thành đúng hạn",
        "Hoàn thành quá hạn",
        "Chưa hoàn thành – trong hạn",
        "Chưa hoàn thành – quá hạn",
    ]
    names = [name for name, _ in expected.per_org_counts]
    (axis,) = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis)]
    assert list(reversed(axis.categories())) == names  # first organization on top
    overdue = series.barSets()[3]
    assert [overdue.at(i) for i in reversed(range(overdue.count()))] == [
        c.open_overdue for _, c in expected.per_org_counts
    ]
    (values,) = [a for a in chart.axes() if isinstance(a, QValueAxis)]
    assert values.labelFormat() == "%d" and values.tickInterval() == 1
    assert dialog.chart_view.data.counts[Category.OPEN_OVERDUE][0] == 8


def test_typed_quarter_recomputes_after_a_pause(dialog: ReportDialog, qtbot) -> None:  # noqa: ANN001
    """Typing another quarter (as an input method does) shows that quarter's report."""
    dialog.quarter_combo.lineEdit().selectAll()
    with qtbot.waitSignal(dialog.report_updated, timeout=2000):
        _type(dialog.quarter_combo.lineEdit(), "Quý I-2019")
    assert dialog.options is not None and dialog.options.quarter == Quarter(2019, 1)
    assert dialog.summary_label.text() == (
        "Không có nội dung chỉ đạo nào cần theo dõi trong Quý I-2019."
    )
    assert dialog.counts_model.rowCount() == 0
    assert dialog.chart_view.chart().series() == []


def test_bad_quarter_shows_a_message_and_writes_nothing(
    dialog: ReportDialog, no_boxes: list[str], tmp_path: Path
) -> None:
    """A quarter that cannot be read is explained beside the summary and on Save; no file."""
    dialog.quarter_combo.setEditText("Quý V-2021")
    dialog.refresh()
    assert dialog.report is None
    assert dialog.error_label.isVisibleTo(dialog)
    assert 'Không có quý "V"' in dialog.error_label.text()
    assert dialog.counts_model.rowCount() == 0
    for button in (dialog.pdf_button, dialog.xlsx_button, dialog.docx_button):
        button.click()  # the patched file dialog would fail the test if asked
    assert len(no_boxes) == 3 and all('Không có quý "V"' in text for text in no_boxes)
    assert list(tmp_path.glob("*.pdf")) == list(tmp_path.glob("*.xlsx")) == []


@needs_poppler
def test_save_pdf_has_the_title_and_every_directive(
    dialog: ReportDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Lưu PDF… suggests a clean name and writes a PDF with the title and every directive."""
    asked = _save_to(monkeypatch, tmp_path)
    path = dialog.save("pdf")
    assert asked == [("Danh-sach-theo-doi-Quy-II-2021.pdf", "Tệp PDF (*.pdf)", "pdf")]
    assert path == tmp_path / "Danh-sach-theo-doi-Quy-II-2021.pdf" and path.exists()
    first = norm(pdf_text(path, "-f", "1", "-l", "1"))
    assert "BÁO CÁO" in first and "quý II năm 2021" in first
    assert "tính đến ngày 20/7/2021" in first
    column = pdf_column(path, 1).replace(LAYOUT.columns[1].title + " ", "")
    for d in queries.list_directives():
        assert norm(d.content) in column, d.content[:40]
    assert path.name in dialog.status_label.text()


def test_save_excel_and_word_have_every_directive(
    dialog: ReportDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Lưu Excel… and Lưu Word… write files holding the title and every directive."""
    import docx
    from openpyxl import load_workbook

    _save_to(monkeypatch, tmp_path)
    xlsx = dialog.save("xlsx")
    word = dialog.save("docx")
    assert xlsx is not None and word is not None
    sheet = load_workbook(xlsx, read_only=True)[LAYOUT.xlsx_sheet_title]
    cells = {norm(str(v)) for row in sheet.iter_rows(values_only=True) for v in row if v}
    document = docx.Document(str(word))
    paragraphs = {norm(p.text) for p in document.paragraphs}
    table_cells = {norm(c.text) for t in document.tables for r in t.rows for c in r.cells}
    assert "PHỤ LỤC" in cells and "BÁO CÁO" in paragraphs
    for d in queries.list_directives():
        assert norm(d.content) in cells and norm(d.content) in table_cells


@needs_poppler
def test_include_chart_puts_the_chart_in_the_pdf_and_word(
    dialog: ReportDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """With "In kèm biểu đồ" the PDF has the chart heading and one picture; Word one too."""
    import docx

    _save_to(monkeypatch, tmp_path)
    plain = dialog.save("pdf")
    assert plain is not None and LAYOUT.chart_heading not in norm(pdf_text(plain))
    plain.unlink()
    dialog.include_chart_check.setChecked(True)
    path = dialog.save("pdf")
    assert path is not None
    assert LAYOUT.chart_heading in norm(pdf_text(path))
    images = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 1
    word = dialog.save("docx")
    assert word is not None and len(docx.Document(str(word)).inline_shapes) == 1


@needs_poppler
def test_print_goes_through_the_print_dialog(
    dialog: ReportDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """In… asks for a printer (patched here to a PDF file) and prints the report's PDF pages,
    A4 landscape, as many as the saved PDF has."""
    out = tmp_path / "may-in.pdf"
    seen: list[QPrinter] = []

    def choose(parent: object, printer: QPrinter) -> bool:
        seen.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(report_dialog, "ask_printer", choose)
    dialog.print_report()
    assert len(seen) == 1
    assert seen[0].pageLayout().orientation().name == "Landscape"
    _save_to(monkeypatch, tmp_path)
    saved = dialog.save("pdf")
    assert saved is not None
    pages = {
        name: int(
            next(
                line.split()[-1]
                for line in subprocess.run(
                    ["pdfinfo", str(path)], capture_output=True, text=True, check=True
                ).stdout.splitlines()
                if line.startswith("Pages:")
            )
        )
        for name, path in (("printed", out), ("saved", saved))
    }
    assert pages["printed"] == pages["saved"] >= 2  # the same document, page for page


def test_cancelled_print_dialog_prints_nothing(
    dialog: ReportDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancelling the printer dialog prints nothing and says nothing."""
    monkeypatch.setattr(report_dialog, "ask_printer", lambda parent, printer: False)
    dialog.print_report()
    assert dialog.status_label.text() == ""


@needs_poppler
def test_preview_paints_the_report(
    dialog: ReportDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Xem trước khi in shows the very PDF that Lưu PDF… writes (same pages, same text)."""
    shown: list[bytes] = []
    monkeypatch.setattr(
        report_dialog, "show_preview", lambda parent, pdf, print_pages: shown.append(pdf)
    )
    dialog.preview_button.click()
    assert len(shown) == 1 and shown[0].startswith(b"%PDF-")
    out = tmp_path / "xem-truoc.pdf"
    out.write_bytes(shown[0])
    _save_to(monkeypatch, tmp_path)
    saved = dialog.save("pdf")
    assert saved is not None
    assert norm(pdf_text(out)) == norm(pdf_text(saved))
    text = norm(pdf_text(out))
    assert "BÁO CÁO" in text and "quý II năm 2021" in text


def test_unwritable_folder_is_a_plain_message(
    dialog: ReportDialog, monkeypatch: pytest.MonkeyPatch, no_boxes: list[str], tmp_path: Path
) -> None:
    """Saving into a folder that vanished shows one Vietnamese sentence and writes nothing."""
    gone = tmp_path / "đã xóa"
    _save_to(monkeypatch, gone)
    assert dialog.save("xlsx") is None
    assert len(no_boxes) == 1
    assert "Không ghi được tệp" in no_boxes[0] and "Traceback" not in no_boxes[0]
    assert not gone.exists()


def test_unexpected_error_is_not_a_traceback(
    dialog: ReportDialog, monkeypatch: pytest.MonkeyPatch, no_boxes: list[str], tmp_path: Path
) -> None:
    """A bug while saving is logged; the clerk reads a plain sentence."""
    _save_to(monkeypatch, tmp_path)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("internal detail")

    monkeypatch.setattr(report_dialog, "write_report", broken)
    assert dialog.save("docx") is None
    assert len(no_boxes) == 1
    assert no_boxes[0].startswith("Không lưu được danh sách.")
    assert "internal detail" not in no_boxes[0]


def test_printer_failure_is_a_plain_message(
    dialog: ReportDialog, monkeypatch: pytest.MonkeyPatch, no_boxes: list[str]
) -> None:
    """A printer that cannot be opened is told as one Vietnamese sentence."""

    def fail(pdf: bytes, printer: QPrinter) -> None:
        raise OSError("không mở được máy in HP-01")

    monkeypatch.setattr("ui.report.preview.print_pdf", fail)
    monkeypatch.setattr(report_dialog, "ask_printer", lambda parent, printer: True)
    dialog.print_report()
    assert no_boxes == ["Không in được danh sách. Không mở được máy in HP-01."]


def test_chart_png_is_sized_for_the_page(dialog: ReportDialog) -> None:
    """The printed chart is a PNG of the layout's size at its resolution, not blank."""
    from PySide6.QtGui import QImage

    from ui.report.chart import chart_png

    assert dialog.report is not None
    image = QImage.fromData(chart_png(dialog.report))
    assert not image.isNull()
    assert image.width() == pytest.approx(LAYOUT.chart_width_mm / 25.4 * LAYOUT.chart_dpi, abs=2)
    assert image.height() == pytest.approx(LAYOUT.chart_height_mm / 25.4 * LAYOUT.chart_dpi, abs=2)
    assert round(image.dotsPerMeterX() * 0.0254) == LAYOUT.chart_dpi
    colours = {image.pixelColor(x, image.height() // 3).name() for x in range(image.width())}
    assert "#d32f2f" in colours  # the overdue bars


def test_qt_charts_is_imported_only_with_the_dialog() -> None:
    """Opening the main window's modules and this one does not load Qt Charts (start-up time)."""
    code = (
        "import sys, ui.main_window.window, ui.report.dialog; "
        "print('PySide6.QtCharts' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_open_items_kind(dialog: ReportDialog) -> None:
    """The open-items report needs no quarter; its summary is tracker.followup.open_items'."""
    dialog.kind_combo.setCurrentIndex(1)
    assert not dialog.quarter_combo.isEnabled()
    assert not dialog.include_done_check.isEnabled()
    expected = followup.open_items(as_of=AS_OF)
    assert dialog.options is not None and dialog.options.kind == "open-items"
    assert dialog.summary_label.text() == expected.summary_sentence
    assert dialog.suggested_file_name("pdf") == "Noi-dung-ton-dong-den-20-07-2021.pdf"


def test_group_by_meeting_and_without_done_are_passed_on(dialog: ReportDialog) -> None:
    """The grouping and "include finished" choices reach the follow-up query."""
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findData("meeting"))
    dialog.include_done_check.setChecked(False)
    assert dialog.options is not None
    assert dialog.options.group_by == "meeting" and dialog.options.include_done is False
    assert dialog.report is not None and dialog.report.group_by == "meeting"
    assert dialog.report.groups[0].heading.startswith("Giao ban ngày 01/04/2021")


def test_ask_opens_the_dialog_on_the_chosen_report(
    qtbot,  # noqa: ANN001
    sample_db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ReportDialog.ask(parent, quarter=…, kind=…) shows a modal dialog set up as asked."""
    shown: list[ReportDialog] = []

    def exec_(self: ReportDialog) -> int:
        shown.append(self)
        return 0

    monkeypatch.setattr(ReportDialog, "exec", exec_)
    ReportDialog.ask(None, quarter=Quarter(2021, 3), as_of=AS_OF)
    ReportDialog.ask(None, kind="open-items", as_of=AS_OF)
    assert shown[0].options is not None and shown[0].options.quarter == Quarter(2021, 3)
    assert shown[1].options is not None and shown[1].options.kind == "open-items"


def test_main_window_report_action_opens_the_dialog(
    window,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The main window's "Danh sách theo dõi quý…" (Ctrl+P) opens this dialog on the window."""
    shown: list[ReportDialog] = []
    monkeypatch.setattr(ReportDialog, "exec", lambda self: shown.append(self) or 0)
    action = window.actions.report if hasattr(window, "actions") else window.a.report
    assert action.shortcut().toString() == "Ctrl+P"
    action.trigger()
    assert len(shown) == 1 and shown[0].parent() is window


def test_keyboard_access(dialog: ReportDialog) -> None:
    """Every input has a label with a mnemonic and an accessible name; Tab follows the form."""
    for label, field in (
        (dialog.kind_label, dialog.kind_combo),
        (dialog.quarter_label, dialog.quarter_combo),
        (dialog.as_of_label, dialog.as_of_edit),
        (dialog.group_label, dialog.group_combo),
        (dialog.issued_on_label, dialog.issued_on_edit),
    ):
        assert "&" in label.text() and label.buddy() is field
        assert field.accessibleName()
    for button in (dialog.pdf_button, dialog.xlsx_button, dialog.docx_button):
        assert "&" in button.text() and button.accessibleName()
    assert dialog.kind_combo.nextInFocusChain() is not None
    chain = [dialog.kind_combo]
    for _ in range(5):
        chain.append(chain[-1].nextInFocusChain())
    assert dialog.quarter_combo in chain and dialog.as_of_edit in chain


def test_remembers_choices_between_sessions(
    qtbot,  # noqa: ANN001
    dialog: ReportDialog,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Grouping, "include finished", "include chart" and the folder come back next time."""
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findData("meeting"))
    dialog.include_chart_check.setChecked(True)
    _save_to(monkeypatch, tmp_path)
    assert dialog.save("xlsx") is not None
    again = ReportDialog(None, as_of=AS_OF)
    qtbot.addWidget(again)
    assert again.group_combo.currentData() == "meeting"
    assert again.include_chart_check.isChecked()
    assert again._folder() == tmp_path


def test_wait_cursor_while_saving(
    dialog: ReportDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The wait cursor shows while the file is written and is gone afterwards."""
    _save_to(monkeypatch, tmp_path)
    cursors: list[object] = []
    real = report_dialog.write_report

    def spy(*args: object, **kwargs: object) -> None:
        cursor = QApplication.overrideCursor()
        cursors.append(cursor.shape() if cursor else None)
        real(*args, **kwargs)

    monkeypatch.setattr(report_dialog, "write_report", spy)
    dialog.save("xlsx")
    assert cursors == [Qt.CursorShape.WaitCursor]
    assert QApplication.overrideCursor() is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Danh sách theo dõi Quý II-2021", "Danh-sach-theo-doi-Quy-II-2021.pdf"),
        ("Đảng/../..\\x:\x00\n\x1b Quý III", "Dang-x-Quy-III.pdf"),
        ("../..", "bao-cao.pdf"),
        ("", "bao-cao.pdf"),
    ],
)
def test_ascii_file_name(text: str, expected: str) -> None:
    """Suggested names are ASCII, without path separators or control characters."""
    assert ascii_file_name(text, "pdf") == expected


def test_default_quarter() -> None:
    """The current quarter when it has directives, else the latest earlier one, else the first."""
    quarters = [Quarter(2021, 2), Quarter(2021, 4), Quarter(2030, 1)]
    assert default_quarter(quarters, date(2021, 11, 1)) == Quarter(2021, 4)
    assert default_quarter(quarters, date(2022, 5, 1)) == Quarter(2021, 4)
    assert default_quarter(quarters, date(2020, 1, 1)) == Quarter(2021, 2)
    assert default_quarter([], date(2022, 5, 1)) == Quarter(2022, 2)


def test_main_window_open_items_action_opens_that_report(
    window,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """"Nội dung còn tồn đọng…" (Ctrl+Shift+P) opens the dialog on the open-items report."""
    shown: list[ReportDialog] = []
    monkeypatch.setattr(ReportDialog, "exec", lambda self: shown.append(self) or 0)
    action = window.actions.open_items_report
    assert action.shortcut().toString() == "Ctrl+Shift+P"
    action.trigger()
    assert len(shown) == 1 and shown[0].kind_combo.currentData() == "open-items"


@needs_poppler
def test_issue_date_is_chosen_in_the_dialog(
    dialog: ReportDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The issue date defaults to today and, once changed, dates the saved report."""
    from PySide6.QtCore import QDate

    assert dialog.issued_on() == date.today()
    dialog.issued_on_edit.setDate(QDate(2021, 7, 6))
    _save_to(monkeypatch, tmp_path)
    path = dialog.save("pdf")
    assert path is not None
    text = norm(pdf_text(path))
    assert "Nam Định, ngày 06 tháng 7 năm 2021" in text
    assert "ngày 06/7/2021 của Ban Dân vận Tỉnh ủy" in text  # the phụ lục's reference line


def test_each_organization_layout_is_offered(dialog: ReportDialog) -> None:
    """ "Từng cơ quan" lists a group directive under each of its organizations; the default
    lists it once."""
    once = sum(len(g.rows) for g in dialog.report.groups)  # type: ignore[union-attr]
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findData("each-org"))
    assert dialog.report is not None and dialog.report.group_by == "each-org"
    each = sum(len(g.rows) for g in dialog.report.groups)
    assert once == 11 and each > once


def test_preview_window_shows_the_pages_with_its_buttons_on_screen(
    qtbot,  # noqa: ANN001
    dialog: ReportDialog,
) -> None:
    """The preview loads every page of the PDF with QtPdf and fits the screen: its buttons
    are inside the screen's free area."""
    from ui.report.preview import PdfPreviewDialog

    assert dialog.report is not None and dialog.options is not None
    pdf = dialog._pdf(dialog.report, dialog.options)
    preview = PdfPreviewDialog(pdf, "Xem trước khi in")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    assert preview.document.pageCount() >= 2
    area = preview.screen().availableGeometry()
    for button in (preview.print_button, preview.buttons):
        top_left = button.mapToGlobal(button.rect().topLeft())
        bottom_right = button.mapToGlobal(button.rect().bottomRight())
        assert area.contains(top_left) and area.contains(bottom_right), (area, top_left)
