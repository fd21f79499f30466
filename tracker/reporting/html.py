"""The report document as HTML in the rich-text subset QTextDocument understands.

Qt's subset: tables with ``border``/``cellspacing``/``cellpadding`` attributes,
``<thead>`` repeated on every page, widths in %, font sizes in pt. Every text
comes from the document model and is escaped here, so typed content such as
"<b>" or "&" prints literally.
"""

from __future__ import annotations

import html

from tracker.reporting.document import ReportDocument, Table
from tracker.reporting.layout import ReportLayout


def text(value: str) -> str:
    """Escape ``value`` for HTML, keeping line breaks and runs of spaces visible."""
    escaped = html.escape(value, quote=True)
    return escaped.replace("  ", "\u00a0 ").replace("\n", "<br />")


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


def _table(table: Table, lay: ReportLayout) -> str:
    """A bordered table with a repeating header row, group heading rows and a total row."""
    widths = _widths(table)
    pad = f"{lay.cell_padding_pt:g}"
    size, head_size = lay.table_size, lay.table_header_size
    out = [
        f'<table width="100%" border="1" cellspacing="0" cellpadding="{pad}" '
        'style="border-collapse:collapse;border-color:#000000;border-style:solid">',
        "<thead><tr>",
    ]
    for column, width in zip(table.columns, widths, strict=True):
        out.append(
            f'<th width="{width}" align="center" valign="middle" '
            f'style="font-size:{head_size:g}pt;font-weight:bold">{text(column.title)}</th>'
        )
    out.append("</tr></thead><tbody>")
    aligns = [c.align for c in table.columns]
    cell_style = f'style="font-size:{size:g}pt"'
    span = len(table.columns)
    for section in table.sections:
        if section.heading:
            out.append(
                f'<tr><td colspan="{span}" style="font-size:{lay.group_heading_size:g}pt;'
                f'font-weight:bold">{text(section.heading)}</td></tr>'
            )
        for row in section.rows:
            out.append("<tr>")
            for value, align in zip(row, aligns, strict=True):
                out.append(f'<td align="{align}" valign="top" {cell_style}>{text(value)}</td>')
            out.append("</tr>")
    if table.total is not None:
        out.append("<tr>")
        for value, align in zip(table.total, aligns, strict=True):
            out.append(
                f'<td align="{align}" valign="top" style="font-size:{size:g}pt;'
                f'font-weight:bold">{text(value)}</td>'
            )
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


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
    """"Nơi nhận:" and the recipients left; the signer's capacity and name right."""
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


def to_html(doc: ReportDocument) -> str:
    """The whole document as one HTML string for ``QTextDocument.setHtml``."""
    lay = doc.layout
    families = ", ".join(f"'{f}'" for f in lay.font_families)
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8' /></head>",
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
    if doc.table is not None:
        # The detailed list starts a page of its own: its heading is never left
        # alone at the foot of the summary page.
        page_break = doc.summary_table is not None
        parts.append(
            _p(text(doc.list_heading), lay.body_size, bold=True, after=4, page_break=page_break)
        )
        parts.append(_table(doc.table, lay))
    parts.append(_closing(doc, lay))
    parts.append("</body></html>")
    return "".join(parts)
