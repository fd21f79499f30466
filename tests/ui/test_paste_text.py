"""The giao ban dialog filled from a pasted conclusion text: the paste box driven
with real widgets, the rows checked, then saved and the database checked."""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from tracker import queries
from tracker.quarters import Quarter
from ui.dialogs.paste_text import PasteTextDialog
from ui.views.directive_grid import Column

from .test_meeting_dialog import discard_answers, open_dialog, press  # noqa: F401 (autouse)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")

TEXT = "\n".join(
    [
        "Giao ban quý II-2022 với Mặt trận và các đoàn thể",
        "Sáng 7-7-2022, Thường trực Tỉnh ủy giao ban với Ủy ban MTTQ và các đoàn thể chính trị "
        "- xã hội tỉnh. Đồng chí Lê Văn Bình, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị.",
        "Quý II-2022, các tổ chức đã vận động ủng hộ Quỹ Vì người nghèo. Đồng chí Lê Văn Bình "
        "biểu dương kết quả của Hội Nông dân tỉnh.",
        "Đồng chí đề nghị trong quý III-2022, MTTQ và các đoàn thể chính trị - xã hội tỉnh "
        "tuyên truyền chủ trương sắp xếp thôn, tổ dân phố; thường xuyên nắm tình hình nhân dân. "
        "Hội Nông dân tỉnh phối hợp với Tỉnh đoàn tổ chức phiên chợ nông sản sạch.",
    ]
)


def _click_ok(dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def test_paste_fills_rows_then_save(qtbot, db_path):
    dialog = open_dialog(qtbot, today=date(2022, 7, 8))
    seen: list[str] = []

    def drive() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, PasteTextDialog):
            QTimer.singleShot(10, drive)
            return
        _click_ok(box)  # nothing pasted yet: refused, stays open
        seen.append(box.message.text())
        box.text.setPlainText(TEXT)
        _click_ok(box)

    QTimer.singleShot(0, drive)
    qtbot.mouseClick(dialog.paste_button, Qt.MouseButton.LeftButton)
    assert seen and "Chưa có văn bản" in seen[0]

    assert dialog.held_on.date() == date(2022, 7, 7)
    assert dialog.reviewed.text() == "Quý II-2022"
    assert dialog.chair_name.currentText() == "Lê Văn Bình"
    assert dialog.chair_position.currentText() == "Phó Bí thư Thường trực Tỉnh ủy"
    rows = [r for r in dialog.model.rows() if not r.is_blank()]
    assert [(r.content, r.leads, r.supports, r.due) for r in rows] == [
        (
            "Tuyên truyền chủ trương sắp xếp thôn, tổ dân phố",
            "MTTQ và các đoàn thể",
            "",
            "Quý III-2022",
        ),
        ("Thường xuyên nắm tình hình nhân dân", "MTTQ và các đoàn thể", "", "Thường xuyên"),
        (
            "Phối hợp với Tỉnh đoàn tổ chức phiên chợ nông sản sạch",
            "Hội ND",
            "Tỉnh đoàn",
            "Quý III-2022",
        ),
    ]
    assert queries.count_meetings() == 0  # nothing saved before the clerk saves

    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.messages()
    (meeting,) = queries.list_meetings()
    assert meeting.held_on == date(2022, 7, 7)
    assert meeting.reviewed_quarter == Quarter(2022, 2)
    assert meeting.chair_name == "Lê Văn Bình"
    saved = queries.list_directives(queries.DirectiveFilter(meeting_id=meeting.id))
    assert [d.content for d in saved] == [r.content for r in rows]
    group = queries.find_owner_ids("MTTQ và các đoàn thể")
    assert tuple(o.organization_id for o in saved[0].leads) == group
    assert [d.due for d in saved] == [Quarter(2022, 3), None, Quarter(2022, 3)]
    hnd = queries.find_organization("Hội ND").id
    td = queries.find_organization("Tỉnh đoàn").id
    assert [o.organization_id for o in saved[2].leads] == [hnd]
    assert [o.organization_id for o in saved[2].supports] == [td]


def test_unknown_addressee_is_left_for_the_clerk(qtbot, db_path):
    """A body outside the list is written as the text names it and marked, never guessed."""
    from tracker.extraction import extract

    dialog = open_dialog(qtbot, today=date(2022, 7, 8))
    dialog.fill_from(
        extract("Đề nghị Sở Y tế tỉnh cần khám bệnh miễn phí cho người cao tuổi trong quý III.")
    )
    (row,) = [r for r in dialog.model.rows() if not r.is_blank()]
    assert row.leads == "Sở Y tế tỉnh"
    assert Column.LEADS in row.problems
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert queries.count_meetings() == 0


def test_text_without_directive_says_so(qtbot, db_path):
    box = PasteTextDialog(None)
    qtbot.addWidget(box)
    box.text.setPlainText(
        "Ngày 5-4-2022, Hội Nông dân tỉnh tổng kết năm. Năm qua, hội đã giúp 300 hộ thoát "
        "nghèo. Đồng chí Chủ tịch biểu dương các cơ sở hội."
    )
    _click_ok(box)
    assert box.result() != QDialog.DialogCode.Accepted
    assert "Không thấy nội dung chỉ đạo" in box.message.text()
