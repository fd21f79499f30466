"""Qt's own words in Vietnamese: standard buttons of message boxes and button boxes,
the text boxes' context menus, the file dialog and the print preview, from the
hand-written resources/i18n/qtbase_vi.ts (Qt ships no Vietnamese)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

import PySide6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
)

from ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "qtbase_vi.ts"
QM = ROOT / "resources" / "i18n" / "qtbase_vi.qm"
QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@pytest.fixture
def vietnamese(qapp) -> Iterator[None]:  # noqa: ANN001
    """The application as it starts in Vietnamese (the default language)."""
    assert i18n.install(qapp, "vi")
    yield
    i18n.uninstall(qapp)


def _plain(text: str) -> str:
    """A menu or button text without its mnemonic and shortcut."""
    return text.split("\t")[0].replace("&", "")


def test_message_box_standard_buttons(qtbot, vietnamese) -> None:  # noqa: ANN001
    """QMessageBox's standard buttons read Đồng ý, Hủy, Có, Không, Lưu, Bỏ đi, Đóng."""
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(
        QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Close
    )
    texts = sorted(_plain(b.text()) for b in box.buttons())
    assert texts == sorted(["Đồng ý", "Hủy", "Có", "Không", "Lưu", "Bỏ đi", "Đóng"])


def test_dialog_button_box_standard_buttons(qtbot, vietnamese) -> None:  # noqa: ANN001
    """QDialogButtonBox's standard buttons are Vietnamese too."""
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Apply
        | QDialogButtonBox.StandardButton.Help
    )
    qtbot.addWidget(box)
    assert sorted(_plain(b.text()) for b in box.buttons()) == sorted(
        ["Đồng ý", "Hủy", "Áp dụng", "Trợ giúp"]
    )


@pytest.mark.parametrize("kind", [QLineEdit, QPlainTextEdit])
def test_text_context_menu(qtbot, vietnamese, kind) -> None:  # noqa: ANN001
    """The right-click menu of one-line and multi-line text boxes is Vietnamese."""
    edit = kind()
    qtbot.addWidget(edit)
    edit.show()
    menu = edit.createStandardContextMenu()
    texts = [_plain(a.text()) for a in menu.actions() if not a.isSeparator()]
    expected = ["Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"]
    assert [t for t in texts if t in expected] == expected, texts
    english = {"Undo", "Redo", "Cut", "Copy", "Paste", "Delete", "Select All"}
    assert not english & set(texts)


def test_file_dialog_is_vietnamese(qtbot, vietnamese, tmp_path: Path) -> None:  # noqa: ANN001
    """Qt's own file dialog (used where there is no native one): its labels, buttons
    and the column headings of its file list."""
    dialog = QFileDialog(None, "Lưu", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {_plain(w.text()) for w in dialog.findChildren(QLabel)}
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:"} <= labels, labels
    buttons = {_plain(b.text()) for b in dialog.findChildren(QPushButton)}
    assert {"Lưu", "Hủy"} <= buttons, buttons
    tips = {b.toolTip() for b in dialog.findChildren(QAbstractButton)}
    assert {"Lùi", "Tiến", "Thư mục cha", "Tạo thư mục mới"} <= tips, tips
    headers = dialog.findChild(QTreeView).model()
    columns = {headers.headerData(i, Qt.Orientation.Horizontal) for i in range(4)}
    assert {"Tên", "Kích thước", "Loại", "Ngày sửa"} <= columns, columns


def test_print_preview_toolbar_is_vietnamese(qtbot, vietnamese) -> None:  # noqa: ANN001
    """The print preview's toolbar buttons say what they do in Vietnamese."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    dialog = QPrintPreviewDialog()
    qtbot.addWidget(dialog)
    texts = {_plain(a.text()) for a in dialog.findChildren(QAction) if a.text()}
    assert {"Trang sau", "Trang trước", "Phóng to", "Thu nhỏ", "In", "Thiết lập trang"} <= texts
    assert not {"Next page", "Zoom in", "Print", "Page setup"} & texts


def test_english_window_keeps_qt_in_english(qtbot, qapp) -> None:  # noqa: ANN001
    """With the English interface Qt's words stay English (no Vietnamese catalogue)."""
    i18n.install(qapp, "en")
    try:
        box = QMessageBox()
        qtbot.addWidget(box)
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        assert _plain(box.buttons()[0].text()) == "Cancel"
    finally:
        i18n.uninstall(qapp)


# --- the catalogue itself -----------------------------------------------------------------------


def _ts_messages() -> list[tuple[str, str, str]]:
    root = ET.parse(TS).getroot()
    return [
        (ctx.findtext("name"), m.findtext("source"), m.findtext("translation"))
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    ]


def _qt_libraries() -> bytes:
    """The Qt libraries whose words the window shows, as bytes (their string literals)."""
    names = ("libQt6Widgets.so.6", "libQt6Gui.so.6", "libQt6PrintSupport.so.6")
    paths = [QT_LIB / n for n in names]
    if not all(p.is_file() for p in paths):
        pytest.skip("Qt's Linux libraries are not where PySide6 puts them")
    return b"".join(p.read_bytes() for p in paths)


def test_every_source_is_a_text_this_qt_asks_for() -> None:
    """Each message of qtbase_vi.ts is a text this Qt really translates (found as a
    string in its libraries) — a typo or an old Qt's wording would never be
    translated — and each has a Vietnamese translation."""
    blob = _qt_libraries()
    messages = _ts_messages()
    assert len(messages) > 100
    unknown = [(c, s) for c, s, _ in messages if s.encode("utf-8") + b"\0" not in blob]
    assert unknown == []
    assert all(t and t.strip() for _, _, t in messages)


def test_qm_is_what_lrelease_makes_of_the_ts(tmp_path: Path) -> None:
    """The shipped qtbase_vi.qm is byte for byte lrelease's output for the .ts."""
    here = Path(sys.executable).parent / "pyside6-lrelease"
    tool = str(here) if here.is_file() else shutil.which("pyside6-lrelease")
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    out = tmp_path / "qtbase_vi.qm"
    subprocess.run([tool, "-silent", str(TS), "-qm", str(out)], check=True)
    assert out.read_bytes() == QM.read_bytes(), "run: python -m ui.i18n --release"
