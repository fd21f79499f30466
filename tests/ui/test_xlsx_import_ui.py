"""Tệp ▸ Nhập từ Excel…: the preview, the clerk's corrections, one undo step; Xuất Excel…."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from tracker import xlsx_import as xi
from tracker.store.models import Directive, Meeting, Organization
from ui.dialogs import xlsx_import as dialog_module


def _workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Văn bản"
    ws.append(["STT", "Trích yếu", "Chủ trì", "Hạn xử lý", "Ngày giao ban"])
    ws.append([1, "Tuyên truyền Luật Đất đai sửa đổi", "MTTQ", "30/09/2021", "05/07/2021"])
    ws.append([2, "Vận động hội viên hiến đất làm đường", "Hội Khuyến học tỉnh", "01/01/1970",
               datetime(2021, 7, 5)])  # fmt: skip
    ws.append([3, "Tập trung triển khai thực hiện tốt việc tham gia công tác bầu cử", "MTTQ",
               "Quý IV-2021", "05/07/2021"])  # fmt: skip
    wb.save(path)
    return path


def _ok(dialog: dialog_module.ImportDialog):  # noqa: ANN202
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_wizard_maps_unknown_name_imports_and_undoes_in_one_step(
    qtbot, window, tmp_path: Path  # noqa: ANN001
) -> None:
    """The preview finds the header, holds OK until the unknown name is mapped, marks the
    row that repeats an open directive, imports every row, and one Ctrl+Z takes it back."""
    path = _workbook(tmp_path / "theo-doi.xlsx")
    dialog = dialog_module.ImportDialog(path, xi.open_workbook(path), window)
    qtbot.addWidget(dialog)
    assert dialog.columns["leads"].currentData() == 2
    assert not _ok(dialog).isEnabled()
    assert dialog.unknown.rowCount() == 1
    assert dialog.unknown.item(0, 0).text() == "Hội Khuyến học tỉnh"
    assert dialog.unknown.item(0, 1).text() == "3"
    marks = {
        dialog.preview.item(i, 0).text(): dialog.preview.item(i, 5).text()
        for i in range(dialog.preview.rowCount())
    }
    assert marks["4"].startswith("#1 (01/04/2021)") and marks["2"] == ""  # repeats bầu cử
    box = dialog.unknown.cellWidget(0, 2)
    bdv = Organization.get(Organization.short_name == "BDV").id
    box.setCurrentIndex(box.findData(bdv))
    assert _ok(dialog).isEnabled()
    before = Directive.select().count()
    changes = dialog_module.run_import(window, dialog)
    assert changes is not None
    assert Directive.select().count() == before + 3
    new = Meeting.get(Meeting.held_on == "2021-07-05")
    assert [d.due_quarter for d in new.directives.order_by(Directive.position)] == [
        "2021-Q3",
        None,
        "2021-Q4",
    ]
    window.actions.undo.trigger()
    assert Directive.select().count() == before
    assert not Meeting.select().where(Meeting.held_on == "2021-07-05").exists()
    window.actions.redo.trigger()
    assert Directive.select().count() == before + 3


def test_wizard_corrected_column_and_one_meeting(qtbot, window, tmp_path: Path) -> None:  # noqa: ANN001
    """The clerk turns off the date column and names one meeting: every row goes there."""
    path = _workbook(tmp_path / "a.xlsx")
    wb = load_workbook(path)
    wb.active["C3"] = "MTTQ"
    wb.save(path)
    dialog = dialog_module.ImportDialog(path, xi.open_workbook(path), window)
    qtbot.addWidget(dialog)
    dialog.columns["meeting_date"].setCurrentIndex(0)
    assert not _ok(dialog).isEnabled()  # no date column and no meeting named
    dialog.one_meeting.setChecked(True)
    dialog.meeting_date.setDate(datetime(2021, 8, 2).date())
    assert _ok(dialog).isEnabled()
    assert dialog_module.run_import(window, dialog) is not None
    assert Meeting.get(Meeting.held_on == "2021-08-02").directives.count() == 3


def test_export_menu_writes_the_workbook(qtbot, window, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Tệp ▸ Xuất Excel… writes one row per directive under the header."""
    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions.export_xlsx.trigger()
    ws = load_workbook(target).active
    assert ws.cell(1, 4).value == "Nội dung"
    assert ws.max_row == 1 + Directive.select().count()
