"""One entry point that writes a follow-up report as PDF, XLSX or DOCX.

PDF needs Qt (QTextDocument and QPrinter), which ``tracker`` never imports: the
caller in ``ui`` passes the writer in (``pdf_writer=ui.report_printing.render_pdf``).
XLSX and DOCX are written here, their libraries imported only when used.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Literal

from tracker.errors import ValidationError
from tracker.reporting.document import ReportDocument, build_document
from tracker.reporting.layout import LAYOUT, ReportLayout
from tracker.rows import FollowUpReport
from tracker.safe_write import write_verified
from tracker.settings import ReportSettings

Format = Literal["pdf", "xlsx", "docx"]
FORMATS: tuple[Format, ...] = ("pdf", "xlsx", "docx")

# (document HTML, output path, layout) -> None; raises OSError when it cannot write.
PdfWriter = Callable[[str, Path, ReportLayout], None]

def write_report(
    report: FollowUpReport,
    settings: ReportSettings,
    *,
    fmt: str,
    path: str | os.PathLike[str],
    issued_on: date,
    pdf_writer: PdfWriter | None = None,
    layout: ReportLayout = LAYOUT,
    chart_png: bytes | None = None,
) -> None:
    """Write ``report`` to ``path`` as ``fmt`` ("pdf", "xlsx" or "docx").

    ``chart_png`` (a picture of the per-organization counts) is printed in the
    PDF and the Word file; a spreadsheet has no room for it and leaves it out.

    The file is written and checked beside its target, then moved into place
    (tracker.safe_write), so a failure never leaves half a report behind nor
    touches the old one.

    Raises:
        ValidationError: an unknown format; OutputError (a ValidationError) when
            the file cannot be written or does not read back.
        ValueError: ``fmt`` is "pdf" and no ``pdf_writer`` was given (a
            programming error, not the user's).
    """
    if fmt not in FORMATS:
        raise ValidationError(
            f'Không hỗ trợ định dạng "{fmt}": hãy chọn pdf, xlsx hoặc docx.', field="format"
        )
    if fmt == "pdf" and pdf_writer is None:
        raise ValueError("write_report(fmt='pdf') needs pdf_writer (ui.report_printing.render_pdf)")
    doc = build_document(report, settings, issued_on, layout, chart_png=chart_png)
    write_verified(path, _writer(fmt, doc, layout, pdf_writer), fmt)  # type: ignore[arg-type]


def _writer(
    fmt: str, doc: ReportDocument, layout: ReportLayout, pdf_writer: PdfWriter | None
) -> Callable[[Path], None]:
    """The function that writes ``doc`` as ``fmt`` to the path it is given."""
    if fmt == "xlsx":
        from tracker.reporting.xlsx import write_xlsx

        return lambda out: write_xlsx(doc, out)
    if fmt == "docx":
        from tracker.reporting.docx import write_docx

        return lambda out: write_docx(doc, out)
    from tracker.reporting.html import to_html

    assert pdf_writer is not None
    return lambda out: pdf_writer(to_html(doc), out, layout)
