"""One entry point that writes a follow-up report as PDF, XLSX or DOCX.

Each writer's library (ReportLab, openpyxl, python-docx) is imported only when used.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
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


def write_report(
    report: FollowUpReport,
    settings: ReportSettings,
    *,
    fmt: str,
    path: str | os.PathLike[str],
    issued_on: date,
    layout: ReportLayout = LAYOUT,
    chart_png: bytes | None = None,
    chased: Mapping[int, int] | None = None,
) -> None:
    """Write ``report`` to ``path`` as ``fmt`` ("pdf", "xlsx" or "docx").

    ``chart_png`` (a picture of the per-organization counts) is printed in the
    PDF and the Word file; a spreadsheet has no room for it and leaves it out.
    ``chased`` (directive id → reminder letters sent) adds "(đã đôn đốc N lần)" to
    each chased row's result (off by default: the report is then as before).

    The file is written and checked beside its target, then moved into place
    (tracker.safe_write), so a failure never leaves half a report behind nor
    touches the old one.

    Raises:
        ValidationError: an unknown format; OutputError (a ValidationError) when
            the file cannot be written or does not read back.
    """
    if fmt not in FORMATS:
        raise ValidationError(
            f'Không hỗ trợ định dạng "{fmt}": hãy chọn pdf, xlsx hoặc docx.', field="format"
        )
    doc = build_document(report, settings, issued_on, layout, chart_png=chart_png, chased=chased)
    write_verified(path, _writer(fmt, doc), fmt)


def _writer(fmt: str, doc: ReportDocument) -> Callable[[Path], None]:
    """The function that writes ``doc`` as ``fmt`` to the path it is given."""
    if fmt == "xlsx":
        from tracker.reporting.xlsx import write_xlsx

        return lambda out: write_xlsx(doc, out)
    if fmt == "docx":
        from tracker.reporting.docx import write_docx

        return lambda out: write_docx(doc, out)
    from tracker.reporting.pdf import write_pdf

    return lambda out: write_pdf(doc, out)
