"""The follow-up report as an Excel workbook, read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from tests import report_fixtures as fx
from tracker.reporting.document import build_document
from tracker.reporting.layout import LAYOUT
from tracker.reporting.render import write_report


def _book(tmp_path: Path, report=None, settings=fx.SETTINGS) -> Workbook:
    path = tmp_path / "bao-cao.xlsx"
    write_report(
        report or fx.sample_report(), settings, fmt="xlsx", path=path, issued_on=fx.ISSUED_ON
    )
    return load_workbook(path)


def _write(tmp_path: Path, report=None, settings=fx.SETTINGS) -> Worksheet:
    """The phụ lục sheet: the detailed list."""
    return _book(tmp_path, report, settings)[LAYOUT.xlsx_sheet_title]


def _find(sheet: Worksheet, value: str):
    return next(c for row in sheet.iter_rows() for c in row if c.value == value)


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


def test_report_sheet_first_with_the_party_header(tmp_path: Path) -> None:
    """The first sheet is the báo cáo: header blocks, BÁO CÁO, the trích yếu, in merged cells."""
    book = _book(tmp_path)
    assert book.sheetnames == [LAYOUT.xlsx_summary_sheet_title, LAYOUT.xlsx_sheet_title]
    sheet = book.active
    assert sheet.title == LAYOUT.xlsx_summary_sheet_title
    assert sheet["A1"].value == "TỈNH ỦY NAM ĐỊNH"
    assert sheet["A2"].value == "BAN DÂN VẬN"
    assert sheet["A2"].font.b
    assert sheet["A4"].value == "Số 12-BC/BDVTU"
    party = _find(sheet, "ĐẢNG CỘNG SẢN VIỆT NAM")
    date_line = _find(sheet, "Nam Định, ngày 05 tháng 7 năm 2021")
    assert party.row == 1 and date_line.row == 3 and date_line.font.i
    # The rule: a top border on row 2, between the party line and the date, centred
    # under the party line's merged block.
    ruled = [c.column for c in sheet[2] if c.border.top.style == "thin"]
    assert ruled
    first, last = party.column, sheet.max_column
    assert abs((ruled[0] - first) - (last - ruled[-1])) <= 1
    assert sheet["A6"].value == "BÁO CÁO"
    assert sheet["A7"].value.startswith("kết quả thực hiện")
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


def test_closing_block_after_the_table(tmp_path: Path) -> None:
    """ "Nơi nhận:", the recipients, the signer's capacity and name end the báo cáo."""
    sheet = _book(tmp_path).active
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
    """The báo cáo sheet holds the per-organization counts as numbers, and they add up."""
    summary = _book(tmp_path)[LAYOUT.xlsx_summary_sheet_title]
    rows = [r for r in summary.iter_rows(values_only=True) if r[1] == "Hội Nông dân tỉnh"]
    assert rows[0][:9] == (2, "Hội Nông dân tỉnh", 3, 1, 0, 0, 2, 0, 0)
    (total,) = [r for r in summary.iter_rows(values_only=True) if r[1] == "Cộng"]
    body = [r for r in summary.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert list(total[2:9]) == [sum(r[i] for r in body) for i in range(2, 9)]
    assert _book(tmp_path)[LAYOUT.xlsx_summary_sheet_title].page_setup.orientation == "landscape"


def test_rows_are_as_tall_as_their_wrapped_text(sheet: Worksheet) -> None:
    """Every list row has a height set (LibreOffice does not grow rows itself), taller rows
    for longer text."""
    header = _header_row(sheet)
    heights = {row: sheet.row_dimensions[row].height for row in range(header, sheet.max_row + 1)}
    assert all(h and h >= LAYOUT.table_size for h in heights.values())
    long_row = _find(sheet, fx.LONG).row
    short_row = _find(sheet, fx.PLUS).row
    assert heights[long_row] > 10 * heights[short_row]


def test_empty_report_has_a_sentence_not_a_table(tmp_path: Path) -> None:
    """A quarter with nothing to follow up says so; no table header, no autofilter."""
    book = _book(tmp_path, fx.empty_report(), fx.EMPTY_SETTINGS)
    assert book.sheetnames == [LAYOUT.xlsx_summary_sheet_title]  # no phụ lục
    sheet = book.active
    values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value]
    assert "Không có nội dung chỉ đạo nào có thời hạn trong quý II năm 2021 cần theo dõi." in values
    assert "STT" not in values
    assert sheet.auto_filter.ref is None
    assert sheet.freeze_panes is None
