"""The report document as an editable Word file (python-docx, imported only when used).

The big follow-up table is written as one block of WordprocessingML and parsed
once: python-docx's ``add_row`` and ``cell`` accessors take minutes on a
5,000-row table.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from tracker.reporting.document import ReportDocument, Table
from tracker.reporting.layout import ReportLayout

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TWIPS_PER_MM = 1440 / 25.4
# Paragraph properties that follow w:pBdr in the schema (CT_PPr), and run
# properties that follow w:lang (CT_RPr).
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def write_docx(doc: ReportDocument, path: str | Path) -> None:
    """Write ``doc`` as a .docx: A4 landscape, Times New Roman, editable before signing.

    Raises:
        OSError: the file cannot be written.
    """
    import docx

    from tracker.install import check_docx_templates

    check_docx_templates()
    word = docx.Document()
    lay = doc.layout
    _page(word, lay)
    _fonts(word, lay)
    _header_block(word, doc)
    if doc.title:
        _titles(word, doc)
    else:
        _paragraph(word, "", lay.body_size)
    for line in doc.addressee:
        _paragraph(word, line, lay.body_size, center=True, after=10)
    for text in doc.body:
        _paragraph(word, text, lay.body_size, first_line_mm=lay.body_first_line_mm,
                   justify=True, after=6)  # fmt: skip
    if doc.summary_table is not None:
        if doc.summary_heading:
            _paragraph(word, doc.summary_heading, lay.body_size, bold=True, after=4)
        _append_table(word, doc.summary_table, lay)
        if doc.summary_note:
            _paragraph(word, doc.summary_note, lay.recipients_size, italic=True, justify=True,
                       before=4, after=8)  # fmt: skip
    for text in doc.closing_text:
        # Kept with the next paragraph, and so with the signature block below.
        _paragraph(word, text, lay.body_size, first_line_mm=lay.body_first_line_mm,
                   justify=True, after=6, keep_next=True)  # fmt: skip
    _closing(word, doc)
    if doc.table is not None:
        _paragraph(word, doc.appendix_title, lay.title_size, center=True, bold=True,
                   page_break=True)  # fmt: skip
        _paragraph(word, doc.appendix_subtitle, lay.subtitle_size, center=True, bold=True)
        _paragraph(word, doc.as_of_line, lay.subtitle_size, center=True, italic=True)
        _paragraph(word, doc.appendix_reference, lay.subtitle_size, center=True, italic=True,
                   after=10)  # fmt: skip
        _append_table(word, doc.table, lay)
    if doc.chart_png:
        _chart(word, doc)
    word.core_properties.title = doc.title
    word.core_properties.author = doc.issuing_body_line
    buffer = io.BytesIO()  # zipped in memory: see write_xlsx
    word.save(buffer)
    Path(path).write_bytes(buffer.getvalue())


# --- page and fonts ---------------------------------------------------------


def _page(word: Document, lay: ReportLayout) -> None:
    """A4 with the document's margins and orientation; page number centred on top from page 2."""
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Mm

    section = word.sections[0]
    width, height = lay.page_size_mm
    section.orientation = WD_ORIENT.LANDSCAPE if lay.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin = Mm(lay.margin_top_mm)
    section.bottom_margin = Mm(lay.margin_bottom_mm)
    section.left_margin = Mm(lay.margin_left_mm)
    section.right_margin = Mm(lay.margin_right_mm)
    section.header_distance = Mm(lay.margin_top_mm / 2)
    section.different_first_page_header_footer = True  # the first page has no number
    section.first_page_header.is_linked_to_previous = False  # an empty header of its own
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    size = _half_points(lay.page_number_size)
    header._p.append(
        parse_xml(
            f'<w:fldSimple xmlns:w="{_W}" w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="{size}"/>'
            f'<w:szCs w:val="{size}"/></w:rPr><w:t>2</w:t></w:r></w:fldSimple>'
        )
    )


def _fonts(word: Document, lay: ReportLayout) -> None:
    """Times New Roman for every script (ascii, hAnsi for Vietnamese letters, east-asian, cs).

    The template's defaults name theme fonts, which Word would prefer to the
    style's font name: they are replaced by the font itself.
    """
    from docx.oxml.ns import qn
    from docx.shared import Pt

    family = lay.font_family
    styles_root = word.styles.element
    for fonts in styles_root.iter(qn("w:rFonts")):
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), family)
    normal = word.styles["Normal"]
    normal.font.name = family
    normal.font.size = Pt(lay.body_size)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attribute), family)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.insert_element_before(lang, *_AFTER_LANG)
    lang.set(qn("w:val"), "vi-VN")
    paragraph = normal.paragraph_format
    paragraph.space_before = Pt(0)
    paragraph.space_after = Pt(0)
    paragraph.line_spacing = 1.0


# --- paragraphs -------------------------------------------------------------


def _paragraph(
    container: Document | _Cell,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    center: bool = False,
    justify: bool = False,
    first_line_mm: float = 0.0,
    before: float = 0.0,
    after: float = 0.0,
    page_break: bool = False,
    reuse: bool = False,
    keep_next: bool = False,
) -> Paragraph:
    """Add one paragraph of ``text`` ("\\n" for line breaks) with one formatting."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    if reuse and container.paragraphs and not container.paragraphs[-1].text:
        paragraph = container.paragraphs[-1]  # a new table cell's own empty paragraph
    else:
        paragraph = container.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif justify:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt = paragraph.paragraph_format
    if first_line_mm:
        fmt.first_line_indent = Mm(first_line_mm)
    if before:
        fmt.space_before = Pt(before)
    if after:
        fmt.space_after = Pt(after)
    if page_break:
        fmt.page_break_before = True
    if keep_next:
        fmt.keep_with_next = True
    for index, line in enumerate(text.split("\n")):
        run = paragraph.add_run()
        if index:
            run.add_break()
        run.add_text(line)
        run.font.size = Pt(size)
        run.bold = bold or None
        run.italic = italic or None
        run.underline = underline or None
    return paragraph


def _borderless_table(word: Document, lay: ReportLayout, left_share: float) -> tuple[_Cell, _Cell]:
    """A two-cell layout table without borders; returns (left cell, right cell)."""
    from docx.shared import Mm

    table = word.add_table(rows=1, cols=2)
    table.autofit = False
    total = lay.text_width_mm
    left, right = table.rows[0].cells
    left.width = Mm(total * left_share)
    right.width = Mm(total * (1 - left_share))
    for column, width in zip(table.columns, (left.width, right.width), strict=True):
        column.width = width
    return left, right


def _header_block(word: Document, doc: ReportDocument) -> None:
    """Issuing body on the left, party line with its rule and the date line on the right."""
    lay = doc.layout
    left, right = _borderless_table(word, lay, lay.header_left_share)
    _paragraph(left, doc.province_line, lay.province_size, center=True, reuse=True)
    _paragraph(left, doc.issuing_body_line, lay.issuing_body_size, center=True, bold=True)
    _paragraph(left, doc.star_line, lay.issuing_body_size, center=True)
    _paragraph(left, doc.number_line, lay.number_size, center=True)
    if doc.subject_line:
        _paragraph(left, doc.subject_line, lay.letter_subject_size, center=True, italic=True)
    _paragraph(right, doc.party_line, lay.party_size, center=True, bold=True, reuse=True)
    block_mm = lay.text_width_mm * (1 - lay.header_left_share)
    _rule(_paragraph(right, "", 1, center=True), (block_mm - lay.party_rule_mm) / 2)
    _paragraph(right, doc.date_line, lay.date_size, center=True, italic=True, before=6)


def _rule(paragraph: Paragraph, indent_mm: float) -> None:
    """A rule: the bottom border of a paragraph one point high, indented to its length.

    The paragraph mark is made 1 pt and the line exactly 1 pt, so the rule sits
    just under the line above it instead of a text line lower.
    """
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml import parse_xml
    from docx.shared import Mm, Pt

    fmt = paragraph.paragraph_format
    fmt.left_indent = Mm(indent_mm)
    fmt.right_indent = Mm(indent_mm)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(1)
    border = parse_xml(
        f'<w:pBdr xmlns:w="{_W}"><w:bottom w:val="single" w:sz="6" w:space="1" '
        'w:color="000000"/></w:pBdr>'
    )
    ppr = paragraph._p.get_or_add_pPr()
    # Word rejects a paragraph whose properties are out of the schema's order.
    ppr.insert_element_before(border, *_AFTER_PBDR)
    mark = parse_xml(f'<w:rPr xmlns:w="{_W}"><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>')
    ppr.insert_element_before(mark, "w:sectPr", "w:pPrChange")


def _titles(word: Document, doc: ReportDocument) -> None:
    """BÁO CÁO, the trích yếu in bold lower case, a short rule under it."""
    lay = doc.layout
    _paragraph(word, doc.title, lay.title_size, center=True, bold=True, before=18)
    _paragraph(word, doc.subtitle, lay.subtitle_size, center=True, bold=True, after=3)
    _rule(_paragraph(word, "", 1, center=True), (lay.text_width_mm - lay.subject_rule_mm) / 2)
    _paragraph(word, "", lay.body_size)


def _closing(word: Document, doc: ReportDocument) -> None:
    """ "Nơi nhận:" with the recipients left; the signer's capacity, a gap and the name right."""
    lay = doc.layout
    left, right = _borderless_table(word, lay, lay.header_left_share)
    _cant_split(left)
    _paragraph(left, doc.recipients_heading, lay.recipients_heading_size, underline=True,
               reuse=True)  # fmt: skip
    for line in doc.recipients:
        _paragraph(left, line, lay.recipients_size)
    first = True
    for line in doc.signer_capacity:
        _paragraph(right, line, lay.signer_size, center=True, bold=True, reuse=first)
        first = False
    for _ in range(lay.signature_gap_lines):
        _paragraph(right, "", lay.signer_size, center=True)
    _paragraph(right, doc.signer_name, lay.signer_size, center=True, bold=True)


def _cant_split(cell: _Cell) -> None:
    """Keep the row of ``cell`` on one page (the signer's capacity with the name)."""
    from docx.oxml import parse_xml

    properties = cell._tc.getparent().get_or_add_trPr()
    properties.append(parse_xml(f'<w:cantSplit xmlns:w="{_W}"/>'))


# --- bordered tables, as WordprocessingML ----------------------------------------


def _chart(word: Document, doc: ReportDocument) -> None:
    """The chart picture, centred on a page of its own under its heading."""
    from io import BytesIO

    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    assert doc.chart_png is not None
    lay = doc.layout
    _paragraph(word, doc.chart_heading, lay.body_size, bold=True, after=6, page_break=True)
    picture = word.add_paragraph()
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.add_run().add_picture(
        BytesIO(doc.chart_png), width=Mm(lay.chart_width_mm), height=Mm(lay.chart_height_mm)
    )


def _half_points(size: float) -> int:
    return round(size * 2)


def _run_xml(text: str, size: int, *, bold: bool = False) -> str:
    """Runs for ``text``: escaped, "\\n" as line breaks."""
    props = (
        f'<w:rPr>{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    )
    parts = text.split("\n")
    body = '<w:br/><w:t xml:space="preserve">'.join(escape(part) + "</w:t>" for part in parts)
    return f'<w:r>{props}<w:t xml:space="preserve">{body}</w:r>'


def _cell_xml(
    text: str, width: int, size: int, align: str, *, bold: bool = False, keep_next: bool = False
) -> str:
    jc = '<w:jc w:val="center"/>' if align == "center" else ""
    keep = "<w:keepNext/>" if keep_next else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        f"<w:p><w:pPr>{keep}{jc}</w:pPr>{_run_xml(text, size, bold=bold)}</w:p></w:tc>"
    )


def table_xml(table: Table, lay: ReportLayout) -> str:
    """The ``<w:tbl>`` of a bordered table: repeated header row, group rows, total row."""
    total_width = round(lay.text_width_mm * _TWIPS_PER_MM)
    weight = sum(c.width for c in table.columns)
    widths = [round(total_width * c.width / weight) for c in table.columns]
    widths[-1] += total_width - sum(widths)
    size = _half_points(lay.table_size)
    head_size = _half_points(lay.table_header_size)
    group_size = _half_points(lay.group_heading_size)
    border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
    margin = round(lay.cell_padding_pt * 20)
    out = [
        f'<w:tbl xmlns:w="{_W}"><w:tblPr><w:tblW w:w="{total_width}" w:type="dxa"/>'
        f"<w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/>"
        f"<w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/>'
        f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>',
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
        # The header row repeats on every page (tblHeader) and never splits.
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
        "".join(
            _cell_xml(c.title, w, head_size, "center", bold=True)
            for c, w in zip(table.columns, widths, strict=True)
        ),
        "</w:tr>",
    ]
    aligns = [c.align for c in table.columns]
    for section in table.sections:
        if section.heading:
            # keepNext: Word keeps a group heading on the page of its first row.
            out.append(
                "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr>"
                f'<w:tcW w:w="{total_width}" w:type="dxa"/>'
                f'<w:gridSpan w:val="{len(widths)}"/></w:tcPr><w:p><w:pPr><w:keepNext/></w:pPr>'
                f"{_run_xml(section.heading, group_size, bold=True)}</w:p></w:tc></w:tr>"
            )
        for row in section.rows:
            out.append("<w:tr>")
            for value, width, align in zip(row, widths, aligns, strict=True):
                out.append(_cell_xml(value, width, size, align))
            out.append("</w:tr>")
    if table.total is not None:
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for value, width, align in zip(table.total, widths, aligns, strict=True):
            out.append(_cell_xml(value, width, size, align, bold=True))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _append_table(word: Document, table: Table, lay: ReportLayout) -> None:
    """Parse the table's XML once and put it at the end of the body."""
    from docx.oxml import parse_xml

    body = word.element.body
    element = parse_xml(table_xml(table, lay))
    # lxml moves a subtree into another document in worse than linear time (0.3 s
    # for a 6,000-row table, 40x the time of 600 rows); moved a row at a time, linear.
    rows = list(element)
    for row in rows:
        element.remove(row)
    section_properties = body.sectPr
    if section_properties is not None:
        section_properties.addprevious(element)
    else:
        body.append(element)
    for row in rows:
        element.append(row)
