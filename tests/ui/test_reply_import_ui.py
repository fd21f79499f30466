"""Theo dõi ▸ Nhập phiếu báo cáo…: a form the organization filled in Excel goes in through
the dialog (preview, conflicts marked and skipped unless ticked), and Ctrl+Z takes it out."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import AS_OF
from tracker import queries, services
from tracker.reply_form import FIRST_ROW, FORM_SHEET, write_form
from tracker.rows import Status
from ui.dialogs import reply_import
from ui.dialogs.reply_import import ReplyImportDialog
from ui.main_window.window import MainWindow


def hnd_form(tmp_path: Path) -> tuple[Path, list[int]]:
    """Hội ND's form, filled as it would be: the first two rows done with a result, the
    third "Chưa"; returns the file and the directive ids of the two done rows."""
    org = queries.find_organization("Hội ND").id
    path = tmp_path / "phieu.xlsx"
    write_form(path, org, made_on=date(2021, 7, 1))
    wb = openpyxl.load_workbook(path)
    ws = wb[FORM_SHEET]
    a, b, c = FIRST_ROW, FIRST_ROW + 1, FIRST_ROW + 2
    ws[f"E{a}"], ws[f"F{a}"], ws[f"G{a}"] = "Có", datetime(2021, 6, 20), "Đã tổ chức 12 hội nghị"
    ws[f"E{b}"], ws[f"F{b}"] = "Có", datetime(2021, 6, 25)
    ws[f"E{c}"] = "Chưa"
    wb.save(path)
    plain = openpyxl.load_workbook(path, read_only=True)[FORM_SHEET]
    keys = [str(row[0]) for row in plain.iter_rows(min_row=a, max_row=b, values_only=True)]
    return path, [int(k.split(".")[3]) for k in keys]


def part(directive_id: int) -> tuple[Status, date | None, str]:
    """Hội ND's own status, done date and result on the directive."""
    row = queries.directive(directive_id)
    own = next(o for o in row.leads if o.short_name == "Hội ND")
    return own.status, own.done_on, own.result_note


def test_menu_entry_imports_form_and_undo_reverts(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    """Theo dõi ▸ Nhập phiếu báo cáo…, choose the file, preview two changes, OK: both parts
    done as reported (history says so); Ctrl+Z puts them back open; Ctrl+Y again."""
    path, (first, second) = hnd_form(tmp_path)
    before = [part(first), part(second)]
    assert before[0][0] is not Status.DONE
    monkeypatch.setattr(reply_import, "ask_file", lambda *_: str(path))
    assert window.actions.import_reply in window.menuBar().actions()[2].menu().actions()
    seen: dict[str, object] = {}

    def drive() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets()
            if isinstance(w, ReplyImportDialog) and w.isVisible()
        )  # fmt: skip
        try:
            dialog.choose_button.click()
            seen["rows"] = dialog.table.rowCount()
            seen["summary"] = dialog.summary.text()
            seen["conflicts_enabled"] = dialog.accept_conflicts.isEnabled()
            dialog.ok_button.click()
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, drive)
    window.actions.import_reply.trigger()
    assert seen["rows"] == 2 and not seen["conflicts_enabled"]
    assert "Hội Nông dân tỉnh" in str(seen["summary"])
    assert part(first) == (Status.DONE, date(2021, 6, 20), "Đã tổ chức 12 hội nghị")
    assert part(second)[:2] == (Status.DONE, date(2021, 6, 25))
    assert "Theo báo cáo của Hội Nông dân tỉnh" in queries.history(first)[-1].text
    window.actions.undo.trigger()
    assert [part(first), part(second)] == before
    assert not any("Theo báo cáo" in h.text for h in queries.history(first))
    window.actions.redo.trigger()
    assert part(first)[0] is Status.DONE and part(second)[0] is Status.DONE


def test_conflict_marked_and_applied_only_when_ticked(
    qtbot, sample_db: Path, tmp_path: Path  # noqa: ANN001
) -> None:
    """A directive changed since the form was made is shown as a conflict; OK applies the
    rest only; ticking the box applies it too."""
    path, (first, second) = hnd_form(tmp_path)
    services.add_note(directive_id=first, text="vừa sửa")
    applied: list[bool] = []

    def apply(plan, accept):  # noqa: ANN001, ANN202
        from tracker.reply_apply import apply_reply

        applied.append(accept)
        return apply_reply(plan=plan, accept_conflicts=accept)

    dialog = ReplyImportDialog(apply=apply, today=AS_OF)
    qtbot.addWidget(dialog)
    assert dialog.load(path)
    assert dialog.table.rowCount() == 2 and dialog.accept_conflicts.isEnabled()
    marked = [dialog.table.item(i, 3).text() for i in range(2)]
    assert marked[0].startswith("Xung đột") and marked[1] == ""
    dialog.ok_button.click()
    assert applied == [False]
    assert part(first)[0] is not Status.DONE and part(second)[0] is Status.DONE

    again = ReplyImportDialog(apply=apply, today=AS_OF)
    qtbot.addWidget(again)
    assert again.load(path)
    assert not again.ok_button.isEnabled()  # the only row left is the conflict
    again.accept_conflicts.setChecked(True)
    again.ok_button.click()
    assert applied == [False, True] and part(first)[0] is Status.DONE


def test_refused_form_shows_why_and_writes_nothing(
    qtbot, sample_db: Path, tmp_path: Path  # noqa: ANN001
) -> None:
    """A form whose content was edited: the message is shown, OK stays disabled."""
    path, (first, _) = hnd_form(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb[FORM_SHEET][f"C{FIRST_ROW}"] = "nội dung đã sửa"
    wb.save(path)
    dialog = ReplyImportDialog(apply=lambda *_: pytest.fail("nothing to apply"), today=AS_OF)
    qtbot.addWidget(dialog)
    assert not dialog.load(path)
    assert "đã bị sửa" in dialog.summary.text() and not dialog.ok_button.isEnabled()
    assert dialog.table.rowCount() == 0 and part(first)[0] is not Status.DONE
