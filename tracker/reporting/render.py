"""One entry point that writes a follow-up report as PDF, XLSX or DOCX.

PDF needs Qt (QTextDocument and QPrinter), which ``tracker`` never imports: the
caller in ``ui`` passes the writer in (``pdf_writer=ui.report_printing.render_pdf``).
XLSX and DOCX are written here, their libraries imported only when used.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import Literal

from tracker.errors import ValidationError
from tracker.oserrors import reason
from tracker.reporting.document import build_document
from tracker.reporting.layout import LAYOUT, ReportLayout
from tracker.rows import FollowUpReport
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

    The file is written beside its target and moved into place at the end, so
    a failure never leaves half a report behind (nor destroys the old one).

    Raises:
        ValidationError: an unknown format, or the file cannot be written
            ('Không ghi được tệp "…": …').
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
    target = Path(path)
    try:
        with _replacing(target) as temporary:
            if fmt == "xlsx":
                from tracker.reporting.xlsx import write_xlsx

                write_xlsx(doc, temporary)
            elif fmt == "docx":
                from tracker.reporting.docx import write_docx

                write_docx(doc, temporary)
            else:
                from tracker.reporting.html import to_html

                assert pdf_writer is not None
                pdf_writer(to_html(doc), temporary, layout)
    except OSError as error:
        raise ValidationError(
            f'Không ghi được tệp "{target}": {reason(error)}.', field="path"
        ) from error


@contextmanager
def _replacing(target: Path) -> Iterator[Path]:
    """Yield a new path beside ``target``; move it onto ``target`` if the block succeeds."""
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    temporary = target.with_name(f".{target.stem}.{secrets.token_hex(4)}{target.suffix}")
    # Created here (mode from the umask, like any document) so a missing or
    # read-only folder fails before any rendering work.
    with open(temporary, "xb"):
        pass
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)


