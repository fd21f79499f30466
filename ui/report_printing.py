"""Print the report's HTML with Qt: to a PDF file, to a printer, or into a print preview.

The document is laid out on the printer itself (not at screen resolution) and
painted page by page, so the page number can be drawn in the top margin from
page 2 on, as the Party's document format asks.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from tracker.reporting.layout import LAYOUT, ReportLayout


def ensure_gui_app() -> QCoreApplication:
    """Return the running Qt application, creating a headless QGuiApplication if none.

    For the command line: without a display on Linux, Qt's offscreen platform is
    used so that fonts and printing still work.
    """
    app = QCoreApplication.instance()
    if app is not None:
        return app
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(sys.argv[:1] or ["giaoban"])


def report_font(layout: ReportLayout = LAYOUT) -> QFont:
    """The body font: Times New Roman, else the metric-compatible Liberation Serif."""
    font = QFont()
    font.setFamilies(list(layout.font_families))
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(layout.body_size)
    return font


def configure_printer(printer: QPrinter, layout: ReportLayout = LAYOUT) -> None:
    """Set A4, the orientation and the margins of ``layout`` on ``printer``."""
    orientation = (
        QPageLayout.Orientation.Landscape if layout.landscape else QPageLayout.Orientation.Portrait
    )
    page_size = QPageSize(QPageSize.PageSizeId.A4)
    margins = QMarginsF(
        layout.margin_left_mm,
        layout.margin_top_mm,
        layout.margin_right_mm,
        layout.margin_bottom_mm,
    )
    printer.setPageLayout(QPageLayout(page_size, orientation, margins, QPageLayout.Unit.Millimeter))


def print_document(html: str, printer: QPrinter, layout: ReportLayout = LAYOUT) -> None:
    """Lay ``html`` out on ``printer``'s pages and print it, numbering pages from page 2.

    The printer's page setup is used as it is (call :func:`configure_printer`
    first for the report's own); this is also the print-preview slot.

    Raises:
        OSError: the printer (or the PDF file) could not be opened.
    """
    doc = QTextDocument()
    doc.setDefaultFont(report_font(layout))
    # Lay out at the printer's resolution: a painter on the printer would
    # otherwise draw a screen-resolution layout at a third of the size.
    doc.documentLayout().setPaintDevice(printer)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    if not printer.docName():  # the PDF's title, the print queue's job name
        printer.setDocName(doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    width, height = page.width(), page.height()
    doc.setPageSize(QSizeF(width, height))

    painter = QPainter()
    if not painter.begin(printer):
        target = printer.outputFileName() or printer.printerName()
        raise OSError(f"không mở được {target}")
    try:
        number_font = report_font(layout)
        number_font.setPointSizeF(layout.page_number_size)
        top_margin = printer.pageLayout().paintRectPixels(printer.resolution()).top()
        pages = doc.pageCount()
        for index in range(pages):
            if index:
                printer.newPage()
            painter.save()
            painter.translate(0, -index * height)
            doc.drawContents(painter, QRectF(0, index * height, width, height))
            painter.restore()
            number = index + 1
            if number >= layout.page_numbers_from:
                # The painter's origin is the printable area's corner: the
                # number sits centred in the top margin.
                painter.setFont(number_font)
                painter.drawText(
                    QRectF(0, -top_margin, width, top_margin),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                    str(number),
                )
    finally:
        painter.end()


def render_pdf(document_html: str, path: str | os.PathLike[str], layout: ReportLayout) -> None:
    """Write ``document_html`` as an A4 PDF at ``path``, fonts embedded.

    Creates a headless QGuiApplication when none runs (command line).

    Raises:
        OSError: the file could not be written.
    """
    ensure_gui_app()
    target = Path(path)
    if not target.parent.is_dir():
        raise FileNotFoundError(2, "thư mục không tồn tại", str(target.parent))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setCreator("Giao ban")
    printer.setFontEmbeddingEnabled(True)
    configure_printer(printer, layout)
    print_document(document_html, printer, layout)
