"""The report's conversations with the clerk outside the dialog itself: where to save,
which printer, the print preview, an error box, the wait cursor. Small functions, so that
tests can replace them (ui.report.dialog and ui.dialogs.letter call them by these names)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from ui import messages


def ask_save_path(parent: QWidget, caption: str, path: str, name_filter: str, suffix: str) -> str:
    """Ask where to save (the dialog confirms overwriting); "" when cancelled."""
    dialog = QFileDialog(parent, caption, str(Path(path).parent), name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(Path(path).name)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return ""
    files = dialog.selectedFiles()
    return files[0] if files else ""


def ask_printer(parent: QWidget, printer: QPrinter) -> bool:
    """Let the clerk choose a printer and copies; True to print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ReportDialog", "In danh sách"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def show_preview(parent: QWidget, pdf: bytes, print_pages: Callable[[], None]) -> None:
    """The report's PDF page by page; its "In…" button calls ``print_pages``."""
    from ui.report.preview import PdfPreviewDialog  # QtPdf: only when previewing

    dialog = PdfPreviewDialog(
        pdf, QCoreApplication.translate("ReportDialog", "Xem trước khi in"), parent
    )
    dialog.print_button.clicked.connect(print_pages)
    dialog.exec()
    dialog.deleteLater()


def show_error(parent: QWidget, text: str) -> None:
    """Tell the clerk, in plain words, why something could not be done."""
    messages.show_error(parent, text)


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while the block runs (rendering a large quarter takes seconds)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()

