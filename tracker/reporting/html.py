"""The report document as HTML in the rich-text subset QTextDocument understands.

Qt's subset: tables with ``border``/``cellspacing``/``cellpadding`` attributes,
``<thead>`` repeated on every page, widths in %, font sizes in pt. Every text
comes from the document model and is escaped here, so typed content such as
"<b>" or "&" prints literally.
"""

from __future__ import annotations

import base64
import html
import re

from tracker.reporting.document import ReportDocument, Table
from tracker.reporting.layout import ReportLayout

_SPACE_RUN = re.compile(r" (?= )")


def text(value: str) -> str:
    """Escape ``value`` for HTML, keeping line breaks and runs of spaces visible."""
    escaped = html.escape(value, quote=True)
    # Every space but the last of a run becomes a no-break space: HTML would
    # collapse the run, and the last one still lets the line wrap there.
    return _SPACE_RUN.sub("\u00a0", escaped).replace("\n", "<br />")


def _p(
    content: str,
    size: float,
    *,
    align: str = "left",
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    before: float = 0.0,
    after: float = 0.0,
    indent: float = 0.0,
    page_break: bool = False,
) -> str:
    """One paragraph; ``content`` is already HTML; spacing ``before``/``after`` in pt."""
    style = [f"font-size:{size:g}pt", f"margin-top:{_px(before)}", f"margin-bottom:{_px(after)}"]
    if bold:
        style.append("font-weight:bold")
    if italic:
        style.append("font-style:italic")
    if underline:
        style.append("text-decoration:underline")
    if indent:
        style.append(f"text-indent:{_px(indent)}")
    if page_break:
        style.append("page-break-before:always")
    return f'<p align="{align}" style="{";".join(style)}">{content}</p>'


def _px(points: float) -> str:
    """A length for Qt's CSS, which reads margins in px (1/96 in, scaled to the printer)."""
    return f"{points * 96 / 72:.1f}px"


def _widths(table: Table) -> list[str]:
    total = sum(c.width for c in table.columns)
    return [f"{100 * c.width / total:.1f}%" for c in table.columns]


def _table_css(lay: ReportLayout) -> str:
    """Cell classes of the bordered tables.

    Each cell draws its own right and bottom border (the first column also its
    left one, the header row also its top one): a single-line grid at a fraction
    of the cost of ``border-collapse``, which makes Qt's layout and painting of a
    5,000-row table several times slower.
    """
    line = "1px solid #000000"
    body = f"font-size:{lay.table_size:g}pt;border-right:{line};border-bottom:{line}"
    head = (
        f"font-size:{lay.table_header_size:g}pt;font-weight:bold;"
        f"border-top:{line};border-right:{line};border-bottom:{line}"
    )
    group = (
        f"font-size:{lay.group_heading_size:g}pt;font-weight:bold;"
        f"border-left:{line};border-right:{line};border-bottom:{line}"
    )
    return (
        f"td.c {{{body}}} td.f {{{body};border-left:{line}}} "
        f"td.t {{{body};font-weight:bold}} td.tf {{{body};font-weight:bold;border-left:{line}}} "
        f"th.h {{{head}}} th.hf {{{head};border-left:{line}}} td.g {{{group}}}"
    )


def _table(table: Table, lay: ReportLayout) -> str:
    """A bordered table per section, each with a header row repeated on every page.

    A section (one organization or meeting) is a table of its own, its heading
    the first row under the header: Qt paints each page of a table in time
    proportional to the whole table's rows, so one 5,000-row table takes
    minutes where a table per section takes seconds.
    """
    widths = _widths(table)
    start = (
        f'<table width="100%" border="0" cellspacing="0" cellpadding="{lay.cell_padding_pt:g}">'
        "<thead><tr>"
        + "".join(
            f'<th class="{"hf" if i == 0 else "h"}" width="{width}" align="center" '
            f'valign="middle">{text(column.title)}</th>'
            for i, (column, width) in enumerate(zip(table.columns, widths, strict=True))
        )
        + "</tr></thead><tbody>"
    )
    # The opening tag of each column's cells, computed once: 5,000 rows × 8 cells.
    opening = [
        f'<td class="{"f" if i == 0 else "c"}" align="{c.align}" valign="top">'
        for i, c in enumerate(table.columns)
    ]
    span = len(table.columns)
    out = []
    for section in table.sections:
        out.append(start)
        if section.heading:
            out.append(f'<tr><td class="g" colspan="{span}">{text(section.heading)}</td></tr>')
        for row in section.rows:
            out.append("<tr>")
            for tag, value in zip(opening, row, strict=True):
                out.append(tag + text(value) + "</td>")
            out.append("</tr>")
        out.append("</tbody></table>")
    if table.total is not None:
        out.insert(-1, _total_row(table))
    return "".join(out)


def _total_row(table: Table) -> str:
    assert table.total is not None
    cells = "".join(
        f'<td class="{"tf" if i == 0 else "t"}" align="{column.align}" valign="top">'
        f"{text(value)}</td>"
        for i, (column, value) in enumerate(zip(table.columns, table.total, strict=True))
    )
    return f"<tr>{cells}</tr>"


def _header(doc: ReportDocument, lay: ReportLayout) -> str:
    """The two header blocks side by side: issuing body left, party line and date right."""
    left = lay.header_left_share * 100
    rule = lay.party_rule_mm / (lay.text_width_mm * (1 - lay.header_left_share))
    return (
        '<table width="100%" border="0" cellspacing="0" cellpadding="0">'
        f'<tr><td width="{left:g}%" align="center" valign="top">'
        + _p(text(doc.province_line), lay.province_size, align="center")
        + _p(text(doc.issuing_body_line), lay.issuing_body_size, align="center", bold=True)
        + _p(text(doc.star_line), lay.issuing_body_size, align="center")
        + _p(text(doc.number_line), lay.number_size, align="center")
        + f'</td><td width="{100 - left:g}%" align="center" valign="top">'
        + _p(text(doc.party_line), lay.party_size, align="center", bold=True, after=2)
        + _rule(rule)
        + _p(text(doc.date_line), lay.date_size, align="center", italic=True, before=4)
        + "</td></tr></table>"
    )


def _rule(share: float) -> str:
    """A centred black rule ``share`` (0..1) of the block wide.

    A three-cell borderless table whose middle cell has a top border: Qt draws
    ``<hr>`` as a faint grey hairline and ignores a nested table's own width.
    """
    mid = max(1.0, min(100.0, share * 100))
    side = (100 - mid) / 2
    blank = f'<td width="{side:.1f}%" style="font-size:1pt">\u00a0</td>'
    return (
        '<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr>'
        + blank
        + f'<td width="{mid:.1f}%" style="border-top:1px solid #000000;font-size:1pt">\u00a0</td>'
        + blank
        + "</tr></table>"
    )


def _closing(doc: ReportDocument, lay: ReportLayout) -> str:
    """ "Nơi nhận:" and the recipients left; the signer's capacity and name right."""
    left = "".join(
        [
            _p(
                text(doc.recipients_heading),
                lay.recipients_heading_size,
                underline=True,
                bold=False,
            )
        ]
        + [_p(text(line), lay.recipients_size) for line in doc.recipients]
    )
    gap = "".join(
        _p("\u00a0", lay.signer_size, align="center") for _ in range(lay.signature_gap_lines)
    )
    right = (
        "".join(
            _p(text(line), lay.signer_size, align="center", bold=True)
            for line in doc.signer_capacity
        )
        + gap
        + _p(text(doc.signer_name) or "\u00a0", lay.signer_size, align="center", bold=True)
    )
    share = lay.header_left_share * 100
    return (
        _p("\u00a0", lay.body_size)
        + '<table width="100%" border="0" cellspacing="0" cellpadding="0">'
        f'<tr><td width="{share:g}%" valign="top">{left}</td>'
        f'<td width="{100 - share:g}%" align="center" valign="top">{right}</td></tr></table>'
    )


def _chart(doc: ReportDocument, lay: ReportLayout) -> str:
    """The chart on a page of its own, under its heading, as an inline PNG (a data URI).

    Qt reads an image's width and height in px (1/96 in) and scales them to the
    printer, like the CSS lengths above.
    """
    assert doc.chart_png is not None
    data = base64.b64encode(doc.chart_png).decode("ascii")
    width = lay.chart_width_mm / 25.4 * 96
    height = lay.chart_height_mm / 25.4 * 96
    image = f'<img src="data:image/png;base64,{data}" width="{width:.0f}" height="{height:.0f}" />'
    heading = _p(text(doc.chart_heading), lay.body_size, bold=True, after=6, page_break=True)
    return heading + _p(image, lay.body_size, align="center")


def to_html(doc: ReportDocument) -> str:
    """The whole document as one HTML string for ``QTextDocument.setHtml``."""
    lay = doc.layout
    families = ", ".join(f"'{f}'" for f in lay.font_families)
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8' />",
        f"<title>{text(doc.title)}</title>",
        f"<style>{_table_css(lay)}</style></head>",
        f'<body style="font-family:{families};font-size:{lay.body_size:g}pt">',
        _header(doc, lay),
        _p(text(doc.title), lay.title_size, align="center", bold=True, before=18),
        _p(text(doc.subtitle), lay.subtitle_size, align="center", bold=True, before=2),
        _p(text(doc.as_of_line), lay.subtitle_size, align="center", italic=True, after=10),
    ]
    if doc.empty_message:
        parts.append(_p(text(doc.empty_message), lay.body_size, before=6, after=6, indent=28))
    if doc.summary:
        parts.append(_p(text(doc.summary), lay.body_size, after=6, indent=28))
    if doc.summary_table is not None:
        parts.append(_p(text(doc.summary_heading), lay.body_size, bold=True, before=4, after=4))
        parts.append(_table(doc.summary_table, lay))
    if doc.chart_png:
        parts.append(_chart(doc, lay))
    if doc.table is not None:
        # The detailed list starts a page of its own: its heading is never left
        # alone at the foot of the summary page.
        page_break = doc.summary_table is not None or bool(doc.chart_png)
        parts.append(
            _p(text(doc.list_heading), lay.body_size, bold=True, after=4, page_break=page_break)
        )
        parts.append(_table(doc.table, lay))
    parts.append(_closing(doc, lay))
    parts.append("</body></html>")
    return "".join(parts)
