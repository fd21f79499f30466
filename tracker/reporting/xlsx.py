"""The report document as an Excel workbook (openpyxl, imported only when used)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.reporting.document import ReportDocument, Table

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

EXCEL_MAX_TEXT = 32767  # characters Excel keeps in one cell
_FORMULA_STARTS = ("=", "+", "-", "@")
_MM_PER_INCH = 25.4


def write_xlsx(doc: ReportDocument, path: str | Path) -> None:
    """Write ``doc`` as an A4-landscape workbook: the báo cáo with its summary table
    first (where a reader looks), then the phụ lục's detailed list.

    Raises:
        OSError: the file cannot be written.
    """
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = doc.layout.xlsx_summary_sheet_title
    styles = _Styles(doc)
    _write_report(sheet, doc, styles)
    if doc.table is not None:
        listing = workbook.create_sheet(doc.layout.xlsx_sheet_title)
        _write_list(listing, doc, styles)
    # Zipped in memory, then written in one go: a zip file that fails half-way on a
    # full disk is closed again by its finalizer, which prints a second error.
    buffer = io.BytesIO()
    workbook.save(buffer)
    Path(path).write_bytes(buffer.getvalue())


def put(
    sheet: Worksheet,
    row: int,
    column: int,
    value: str,
    style: dict[str, Any],
    *,
    numeric: bool = False,
) -> None:
    """Write ``value`` as text — never a formula, even when it starts with "=" — and style it.

    With ``numeric``, whole numbers ("12") are stored as numbers, so that Excel
    neither flags "number stored as text" nor sorts "10" before "9".
    """
    cell = sheet.cell(row=row, column=column)
    for name, item in style.items():
        setattr(cell, name, item)
    if numeric and value.isascii() and value.isdigit():
        cell.value = int(value)
        return
    if len(value) > EXCEL_MAX_TEXT:
        value = value[: EXCEL_MAX_TEXT - 1] + "…"
    cell.value = value
    if value.startswith(_FORMULA_STARTS):
        # openpyxl reads a leading "=" as a formula; "+", "-", "@" become one
        # when a user re-enters the cell in Excel. Stored as text, they stay text.
        cell.data_type = "s"


class _Styles:
    """The fonts, alignments and borders of the workbook, made once and shared by cells."""

    def __init__(self, doc: ReportDocument) -> None:
        from openpyxl.styles import Alignment, Border, Font, Side

        lay = doc.layout
        family = lay.font_family

        def font(size: float, **kwargs: Any) -> Font:
            return Font(name=family, size=size, **kwargs)

        thin = Side(style="thin", color="000000")
        grid = Border(left=thin, right=thin, top=thin, bottom=thin)
        centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.rule = Border(top=thin)
        self.province = {"font": font(lay.province_size), "alignment": centre}
        self.body_line = {"font": font(lay.issuing_body_size, bold=True), "alignment": centre}
        self.number = {"font": font(lay.number_size), "alignment": centre}
        self.party = {"font": font(lay.party_size, bold=True), "alignment": centre}
        self.date = {"font": font(lay.date_size, italic=True), "alignment": centre}
        self.title = {"font": font(lay.title_size, bold=True), "alignment": centre}
        self.subtitle = {"font": font(lay.subtitle_size, bold=True), "alignment": centre}
        self.as_of = {"font": font(lay.subtitle_size, italic=True), "alignment": centre}
        self.paragraph = {
            "font": font(lay.body_size),
            "alignment": Alignment(horizontal="justify", vertical="top", wrap_text=True),
        }
        self.heading = {"font": font(lay.body_size, bold=True)}
        self.note = {
            "font": font(lay.recipients_size, italic=True),
            "alignment": Alignment(vertical="top", wrap_text=True),
        }
        self.header = {"font": font(lay.table_header_size, bold=True), "alignment": centre,
                       "border": grid}  # fmt: skip
        self.group = {
            "font": font(lay.group_heading_size, bold=True),
            "alignment": Alignment(vertical="center", wrap_text=True),
            "border": grid,
        }
        self.cells = {
            align: {
                "font": font(lay.table_size),
                "alignment": Alignment(horizontal=align, vertical="top", wrap_text=True),
                "border": grid,
            }
            for align in ("left", "center")
        }
        self.totals = {
            align: {**style, "font": font(lay.table_size, bold=True)}
            for align, style in self.cells.items()
        }
        self.recipients_heading = {"font": font(lay.recipients_heading_size, underline="single")}
        self.recipient = {"font": font(lay.recipients_size)}
        self.signer = {"font": font(lay.signer_size, bold=True), "alignment": centre}


def _widths(sheet: Worksheet, doc: ReportDocument, table: Table) -> list[float]:
    """Set the columns' widths (Excel characters) for ``table``; returns them."""
    from openpyxl.utils import get_column_letter

    total = sum(c.width for c in table.columns)
    widths = []
    for index, column in enumerate(table.columns, start=1):
        width = round(doc.layout.xlsx_width_chars * column.width / total, 1)
        sheet.column_dimensions[get_column_letter(index)].width = width
        widths.append(width)
    return widths


def _page_setup(sheet: Worksheet, doc: ReportDocument) -> None:
    """A4, landscape, the document's margins, fit to one page wide, page numbers from page 2."""
    lay = doc.layout
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if lay.landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages tall as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = lay.margin_left_mm / _MM_PER_INCH
    sheet.page_margins.right = lay.margin_right_mm / _MM_PER_INCH
    sheet.page_margins.top = lay.margin_top_mm / _MM_PER_INCH
    sheet.page_margins.bottom = lay.margin_bottom_mm / _MM_PER_INCH
    sheet.page_margins.header = lay.margin_top_mm / 2 / _MM_PER_INCH
    sheet.HeaderFooter.differentFirst = True
    sheet.oddHeader.center.text = "&P"
    sheet.oddHeader.center.size = int(lay.page_number_size)
    sheet.oddHeader.center.font = lay.font_family


def _merge(sheet: Worksheet, row: int, first: int, last: int) -> None:
    if last > first:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def _lines_height(text: str, chars_per_line: float, size: float) -> float:
    """Row height (pt) for ``text`` wrapped at ``chars_per_line`` — merged cells never autofit."""
    lines = sum(max(1, -(-len(part) // max(1, int(chars_per_line)))) for part in text.split("\n"))
    return lines * size * 1.35


def _header_block(
    sheet: Worksheet, doc: ReportDocument, styles: _Styles, widths: list[float]
) -> int:
    """The two header blocks, BÁO CÁO and the trích yếu; returns the next free row."""
    lay = doc.layout
    span = len(widths)
    split = max(1, round(span * lay.header_left_share))
    left = [
        (doc.province_line, styles.province),
        (doc.issuing_body_line, styles.body_line),
        (doc.star_line, styles.number),
        (doc.number_line, styles.number),
    ]
    # Row 2 holds only the rule (a top border), between the party line and the date.
    right = [(doc.party_line, styles.party), ("", styles.party), (doc.date_line, styles.date)]
    for offset, (value, style) in enumerate(left):
        put(sheet, 1 + offset, 1, value, style)
        _merge(sheet, 1 + offset, 1, split)
    for offset, (value, style) in enumerate(right):
        if value:
            put(sheet, 1 + offset, split + 1, value, style)
            _merge(sheet, 1 + offset, split + 1, span)
    # The rule under the party line: the top border of the middle cells of the right
    # block, on the row below the party line, so that it clears the letters above
    # and the date line's diacritics below.
    # Columns differ in width: the rule takes the columns whose middles lie within
    # half the block's width around its centre.
    start = sum(widths[:split])
    block = sum(widths[split:])
    centre, half = start + block / 2, block / 4
    x = 0.0
    for column, width in enumerate(widths, start=1):
        middle = x + width / 2
        x += width
        if column > split and abs(middle - centre) <= half:
            sheet.cell(row=2, column=column).border = styles.rule
    sheet.row_dimensions[1].height = lay.party_size * 1.45
    row = 6
    chars = lay.xlsx_width_chars * 0.95
    for value, style, size in (
        (doc.title, styles.title, lay.title_size),
        (doc.subtitle, styles.subtitle, lay.subtitle_size),
    ):
        put(sheet, row, 1, value, style)
        _merge(sheet, row, 1, span)
        sheet.row_dimensions[row].height = _lines_height(value, chars * 11 / size, size)
        row += 1
    return row + 1


def _paragraphs(
    sheet: Worksheet, doc: ReportDocument, styles: _Styles, texts: tuple[str, ...], row: int,
    span: int,
) -> int:  # fmt: skip
    """Justified paragraphs over the whole width, each row as tall as its text."""
    size = doc.layout.body_size
    chars = doc.layout.xlsx_width_chars * 0.9
    for value in texts:
        put(sheet, row, 1, value, styles.paragraph)
        _merge(sheet, row, 1, span)
        sheet.row_dimensions[row].height = _lines_height(value, chars * 11 / size, size)
        row += 1
    return row


def _write_table(
    sheet: Worksheet, table: Table, styles: _Styles, first_row: int, widths: list[float],
    size: float,
) -> tuple[int, int]:  # fmt: skip
    """Write ``table`` from ``first_row``, each row as tall as its wrapped text
    (LibreOffice does not grow rows itself); returns (header row, last row)."""
    span = len(table.columns)
    header = first_row
    for index, column in enumerate(table.columns, start=1):
        put(sheet, header, index, column.title, styles.header)
    sheet.row_dimensions[header].height = _row_height([c.title for c in table.columns], widths,
                                                      size)  # fmt: skip
    row = header + 1
    cell_styles = [styles.cells[c.align] for c in table.columns]
    numeric = [c.numeric for c in table.columns]
    for section in table.sections:
        if section.heading:
            put(sheet, row, 1, section.heading, styles.group)
            for col in range(2, span + 1):
                sheet.cell(row=row, column=col).border = styles.group["border"]
            _merge(sheet, row, 1, span)
            sheet.row_dimensions[row].height = _row_height([section.heading], [sum(widths)], size)
            row += 1
        for values in section.rows:
            for index, (value, style, number) in enumerate(
                zip(values, cell_styles, numeric, strict=True), 1
            ):
                put(sheet, row, index, value, style, numeric=number)
            sheet.row_dimensions[row].height = _row_height(values, widths, size)
            row += 1
    if table.total is not None:
        total_styles = [styles.totals[c.align] for c in table.columns]
        for index, (value, style, number) in enumerate(
            zip(table.total, total_styles, numeric, strict=True), 1
        ):
            put(sheet, row, index, value, style, numeric=number)
        sheet.row_dimensions[row].height = _row_height(table.total, widths, size)
        row += 1
    return header, row - 1


def _row_height(values: Sequence[str], widths: Sequence[float], size: float) -> float:
    """Points for the tallest cell of a row: its text wrapped at its column's width.

    A column's width counts Excel characters of the default 11 pt font; a serif
    letter of ``size`` pt takes about ``size / 11`` of one.
    """
    lines = 1
    for value, width in zip(values, widths, strict=False):
        per_line = max(1, int(width * 11 / size * 1.2) - 1)
        count = sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))
        lines = max(lines, count)
    return round(lines * size * 1.3 + 4, 1)


def _closing(sheet: Worksheet, doc: ReportDocument, styles: _Styles, row: int, span: int) -> None:
    """ "Nơi nhận:" and the recipients on the left, the signer on the right."""
    split = max(1, round(span * doc.layout.header_left_share))
    put(sheet, row, 1, doc.recipients_heading, styles.recipients_heading)
    for offset, line in enumerate(doc.recipients, start=1):
        put(sheet, row + offset, 1, line, styles.recipient)
        _merge(sheet, row + offset, 1, split)
    lines = [*doc.signer_capacity, *([""] * doc.layout.signature_gap_lines), doc.signer_name]
    for offset, line in enumerate(lines):
        if line:
            put(sheet, row + offset, split + 1, line, styles.signer)
        _merge(sheet, row + offset, split + 1, span)


def _write_report(sheet: Worksheet, doc: ReportDocument, styles: _Styles) -> None:
    """The báo cáo: header, titles, the text, the summary table, the closing block."""
    lay = doc.layout
    table = doc.summary_table or Table(lay.summary_columns, ())
    span = len(table.columns)
    widths = _widths(sheet, doc, table)
    row = _header_block(sheet, doc, styles, widths)
    row = _paragraphs(sheet, doc, styles, doc.body, row, span)
    if doc.summary_table is not None:
        put(sheet, row, 1, doc.summary_heading, styles.heading)
        _merge(sheet, row, 1, span)
        _write_table(sheet, doc.summary_table, styles, row + 1, widths, lay.table_size)
        row += 2 + len(doc.summary_table.sections[0].rows) + 1
        if doc.summary_note:
            put(sheet, row, 1, doc.summary_note, styles.note)
            _merge(sheet, row, 1, span)
            size = lay.recipients_size
            sheet.row_dimensions[row].height = _lines_height(
                doc.summary_note, lay.xlsx_width_chars * 0.9 * 11 / size, size
            )
            row += 1
        row += 1
    row = _paragraphs(sheet, doc, styles, doc.closing_text, row, span)
    _closing(sheet, doc, styles, row + 1, span)
    _page_setup(sheet, doc)


def _write_list(sheet: Worksheet, doc: ReportDocument, styles: _Styles) -> None:
    """The phụ lục: its titles and the detailed list, the header row on every page."""
    table = doc.table
    assert table is not None
    lay = doc.layout
    span = len(table.columns)
    widths = _widths(sheet, doc, table)
    for row, (value, style) in enumerate(
        (
            (doc.appendix_title, styles.title),
            (doc.appendix_subtitle, styles.subtitle),
            (doc.as_of_line, styles.as_of),
            (doc.appendix_reference, styles.as_of),
        ),
        start=1,
    ):
        put(sheet, row, 1, value, style)
        _merge(sheet, row, 1, span)
        size = lay.subtitle_size
        sheet.row_dimensions[row].height = _lines_height(
            value, lay.xlsx_width_chars * 0.95 * 11 / size, size
        )
    header, last = _write_table(sheet, table, styles, 6, widths, lay.table_size)
    sheet.freeze_panes = sheet.cell(row=header + 1, column=1).coordinate
    sheet.print_title_rows = f"{header}:{header}"
    sheet.auto_filter.ref = f"A{header}:{_letter(span)}{last}"
    _page_setup(sheet, doc)


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))
