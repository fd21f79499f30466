"""The follow-up report as an Excel workbook, read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from tests import report_fixtures as fx
from tracker.reporting.document import build_document
from tracker.reporting.layout import LAYOUT
from tracker.reporting.render import write_report


def _write(tmp_path: Path, report=None, settings=fx.SETTINGS) -> Worksheet:
    path = tmp_path / "bao-cao.xlsx"
    write_report(
        report or fx.sample_report(), settings, fmt="xlsx", path=path, issued_on=fx.ISSUED_ON
    )
    return load_workbook(path).active


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _header_row(sheet: Worksheet) -> int:
    for row in sheet.iter_rows(min_col=1, max_col=1):
        if row[0].value == "STT":
            return row[0].row
    raise AssertionError("no table header")


@pytest.fixture
def sheet(tmp_path: Path) -> Worksheet:
    return _write(tmp_path)


def test_header_lines_on_top(sheet: Worksheet) -> None:
    """The two header blocks, the title and the quarter head the sheet, in merged cells."""
    assert sheet["A1"].value == "TỈNH ỦY NAM ĐỊNH"
    assert sheet["A2"].value == "BAN DÂN VẬN"
    assert sheet["A2"].font.b
    assert sheet["A4"].value == "Số 12-BC/BDVTU"
    assert sheet["D1"].value == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert sheet["D2"].value == "Nam Định, ngày 05 tháng 7 năm 2021"
    assert sheet["D2"].font.i
    assert sheet["A6"].value == LAYOUT.followup_title
    assert sheet["A7"].value == "Quý II-2021"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:C1", "D1:H1", "A6:H6"} <= merged
    assert sheet["A1"].font.name == "Times New Roman"


def test_rows_read_back_as_the_document(sheet: Worksheet) -> None:
    """Every group heading and row reads back cell for cell, long text included."""
    doc = build_document(fx.sample_report(), fx.SETTINGS, fx.ISSUED_ON)
    assert doc.table is not None
    expected: list[tuple[str, ...]] = []
    for section in doc.table.sections:
        expected.append((section.heading,) + ("",) * 7)
        expected.extend(section.rows)
    header = _header_row(sheet)
    got = [
        tuple(_text(v) for v in row)
        for row in sheet.iter_rows(
            min_row=header + 1, max_row=header + len(expected), max_col=8, values_only=True
        )
    ]
    assert got == expected
    assert any(row[1] == fx.LONG and len(row[1]) == 2000 for row in got)


def test_formula_like_text_stays_text(sheet: Worksheet) -> None:
    """Text starting with "=", "+", "-" or "@" is stored as a string, never as a formula."""
    found = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value in (fx.FORMULA, fx.AT_SIGN, fx.MINUS, fx.PLUS, "@BDV"):
                found[cell.value] = cell.data_type
    assert found == {fx.FORMULA: "s", fx.AT_SIGN: "s", fx.MINUS: "s", fx.PLUS: "s", "@BDV": "s"}


def test_markup_prints_literally(sheet: Worksheet) -> None:
    """ "<b>" and "&" are kept as typed."""
    values = {cell.value for row in sheet.iter_rows() for cell in row}
    assert fx.MARKUP in values


def test_table_is_set_up_for_work_and_print(sheet: Worksheet) -> None:
    """Frozen header row, autofilter over the table, wrapped text, header row on every page."""
    header = _header_row(sheet)
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.auto_filter.ref.startswith(f"A{header}:H")
    assert sheet.print_title_rows == f"${header}:${header}"
    body = sheet.cell(row=header + 2, column=2)
    assert body.alignment.wrap_text
    assert body.border.left.style == "thin"
    assert sheet.cell(row=header, column=1).font.b
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width * 4


def test_page_setup_a4_landscape_fit_to_width(sheet: Worksheet) -> None:
    """A4 landscape, fit to one page wide, the document's margins, numbers from page 2."""
    setup = sheet.page_setup
    assert setup.orientation == "landscape"
    assert str(setup.paperSize) == str(sheet.PAPERSIZE_A4)
    assert setup.fitToWidth == 1 and setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_margins.left == pytest.approx(30 / 25.4)
    assert sheet.page_margins.top == pytest.approx(20 / 25.4)
    assert sheet.HeaderFooter.differentFirst
    assert sheet.oddHeader.center.text == "&P"


def test_group_headings_are_merged_bold_rows(sheet: Worksheet) -> None:
    """Each organization's heading spans the table in bold."""
    header = _header_row(sheet)
    heading = sheet.cell(row=header + 1, column=1)
    assert heading.value == "I. Ủy ban MTTQ Việt Nam tỉnh"
    assert heading.font.b
    assert f"A{header + 1}:H{header + 1}" in {str(r) for r in sheet.merged_cells.ranges}


def test_row_numbers_are_numbers(sheet: Worksheet) -> None:
    """STT is stored as a number (no "number stored as text" flags)."""
    header = _header_row(sheet)
    assert sheet.cell(row=header + 2, column=1).value == 1


def test_closing_block_after_the_table(sheet: Worksheet) -> None:
    """ "Nơi nhận:", the recipients, the signer's capacity and name follow the table."""
    values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value]
    tail = values[values.index("Nơi nhận:") :]
    recipients = [v for v in tail if str(v).startswith("- ")]
    assert recipients == [
        "- Thường trực Tỉnh ủy (để b/c);",
        "- MTTQ và các đoàn thể CT-XH tỉnh;",
        "- Lưu Văn phòng Ban.",
    ]
    assert "TRƯỞNG BAN" in tail and tail[-1] == "Nguyễn Văn A"


def test_summary_sheet_counts_per_organization(tmp_path: Path) -> None:
    """A second sheet holds the per-organization counts as numbers."""
    _write(tmp_path)
    book = load_workbook(tmp_path / "bao-cao.xlsx")
    summary = book[LAYOUT.xlsx_summary_sheet_title]
    rows = [r for r in summary.iter_rows(values_only=True) if r[1] == "Hội Nông dân tỉnh"]
    assert rows == [(2, "Hội Nông dân tỉnh", 3, 1, 0, 0, 2, 0, 0)]


def test_empty_report_has_a_sentence_not_a_table(tmp_path: Path) -> None:
    """A quarter with nothing to follow up says so; no table header, no autofilter."""
    sheet = _write(tmp_path, fx.empty_report(), fx.EMPTY_SETTINGS)
    values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value]
    assert "Không có nội dung chỉ đạo nào cần theo dõi trong Quý II-2021." in values
    assert "STT" not in values
    assert sheet.auto_filter.ref is None
    assert sheet.freeze_panes is None
