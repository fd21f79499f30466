"""The report's PDF in the window: a preview (QtPdf) and printing its pages.

The PDF is the one ``tracker.reporting.pdf`` writes for "Lưu PDF", so what is
previewed, printed and saved is one document. A printer gets each page as an
image rendered by QtPdf at the printer's resolution, on the whole sheet.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.screen_fit import fit_to_screen

_MAX_PRINT_DPI = 300  # enough for text on paper; a 1200 dpi page image would take seconds


def load_pdf(data: bytes, parent: QWidget | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument reading ``data``; keep the returned buffer alive with it.

    Raises:
        OSError: QtPdf cannot read the data.
    """
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    # PySide6's stub requires a parent; Qt (and PySide at run time) accept None.
    document = QPdfDocument(parent)  # type: ignore[arg-type]
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise OSError(f"không đọc được tệp PDF ({document.error().name})")
    return document, buffer


def print_pdf(data: bytes, printer: QPrinter) -> None:
    """Print every page of the PDF ``data`` on ``printer``, each on the whole sheet.

    Raises:
        OSError: the PDF cannot be read or the printer cannot be opened.
    """
    document, buffer = load_pdf(data)
    try:
        first = document.pagePointSize(0)
        orientation = (
            QPageLayout.Orientation.Landscape
            if first.width() > first.height()
            else QPageLayout.Orientation.Portrait
        )
        printer.setPageOrientation(orientation)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)  # the PDF's pages carry their own margins
        painter = QPainter()
        if not painter.begin(printer):
            target = printer.outputFileName() or printer.printerName()
            raise OSError(f"không mở được máy in {target}")
        try:
            dpi = min(printer.resolution(), _MAX_PRINT_DPI)
            sheet = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
            for index in range(document.pageCount()):
                if index:
                    printer.newPage()
                points = document.pagePointSize(index)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image: QImage = document.render(index, size)
                painter.drawImage(QRect(0, 0, sheet.width(), sheet.height()), image)
        finally:
            painter.end()
    finally:
        document.close()
        buffer.close()


class PdfPreviewDialog(QDialog):
    """The report's pages as they will print, with "In…" and "Đóng" always in view."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("reportPreview")
        self.document, self._buffer = load_pdf(data, self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Các trang của báo cáo"))
        pages = self.document.pageCount()
        self.pages_label = QLabel(self.tr("%n trang", None, pages), self)
        self.fit_page_button = QPushButton(self.tr("Vừa &trang"), self)
        self.fit_page_button.setToolTip(self.tr("Xem trọn một trang"))
        self.fit_width_button = QPushButton(self.tr("Vừa &chiều rộng"), self)
        self.fit_width_button.setToolTip(self.tr("Phóng to cho vừa chiều rộng cửa sổ"))
        self.print_button = QPushButton(self.tr("&In…"), self)
        self.print_button.setObjectName("primaryButton")
        self.print_button.setToolTip(self.tr("Chọn máy in và in các trang này"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Đóng"))
        self.buttons.rejected.connect(self.reject)
        for button in (self.fit_page_button, self.fit_width_button, self.print_button, close):
            button.setAutoDefault(False)
        self.fit_page_button.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        )
        self.fit_width_button.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        )
        bar = QHBoxLayout()
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        bar.addWidget(self.fit_page_button)
        bar.addWidget(self.fit_width_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self._fit_screen()

    def _fit_screen(self) -> None:
        """As large as the screen's free area allows (maximized), buttons always in view."""
        fit_to_screen(self, 1600, 1200)
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
