"""Changes reach every view by themselves: real widgets driven, the database checked."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from tracker import queries
from tracker.queries import DirectiveFilter
from tracker.rows import Status
from ui import messages
from ui.dialogs.organizations import OrganizationsDialog
from ui.main_window import TAB_ALL, TAB_CHASE, TAB_MEETING, MainWindow
from ui.models.directive_table import Column

from .conftest import AS_OF


def _type(widget, text: str) -> None:  # noqa: ANN001
    """Type text one key event per character, as a clerk does."""
    widget.setFocus()
    widget.selectAll()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def _leads_shown(model, row: int) -> str:  # noqa: ANN001
    return str(model.data(model.index(row, Column.LEADS), Qt.ItemDataRole.DisplayRole))


def _chase_by_directive(window: MainWindow) -> None:
    window.tabs.setCurrentIndex(TAB_CHASE)
    if window.chase_page.is_by_organization:
        window.chase_page.by_directive.click()


def test_marking_done_removes_the_row_from_the_chase_list(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Ctrl+D (done today) on a chase row: it leaves the list; the database has it done."""
    _chase_by_directive(window)
    table, model = window.chase_table, window.chase_directives
    before = model.ids()
    assert before
    table.setFocus()
    table.selectRow(0)
    did = model.row(0).id
    qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert queries.directive(did, as_of=AS_OF).status is Status.DONE
    assert did not in model.ids()
    assert model.ids() == [i for i in before if i != did]
    assert model.ids() == queries.directive_ids(window.chase_page.filter())[: len(model.ids())]


def test_marking_done_removes_the_row_from_the_chase_tree(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """By organization: the directive marked done leaves its organization's group."""
    window.tabs.setCurrentIndex(TAB_CHASE)
    window.chase_page.by_organization.click()
    tree, model = window.chase_view, window.chase_model
    group = model.index(0, 0)
    tree.expand(group)
    first = model.index(0, 0, group)
    did = model.directive_at(first).id
    tree.setFocus()
    tree.setCurrentIndex(first)
    qtbot.keyClick(tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert queries.directive(did, as_of=AS_OF).status is Status.DONE
    shown = [
        model.directive_at(model.index(r, 0, g)).id
        for g in (model.index(i, 0) for i in range(model.rowCount()))
        for r in range(model.rowCount(g))
    ]
    assert did not in shown


def test_a_rename_shows_in_every_view_without_f5(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Renaming an organization in its dialog shows the new short name at once in the
    chase list, the details panel, the meeting's table and the all-directives table."""
    bdv = queries.find_organization("BDV")
    window.tabs.setCurrentIndex(TAB_ALL)  # built and read: it must follow too
    qtbot.waitUntil(window.all_table.isVisible)  # a table made lazily shows on the next turn
    every = window.all_directives
    assert any("BDV" in _leads_shown(every, r) for r in range(every.rowCount()))
    _chase_by_directive(window)
    model = window.chase_directives
    row = next(r for r in range(model.rowCount()) if re.search(r"\bBDV\b", _leads_shown(model, r)))
    window.chase_table.setFocus()
    window.chase_table.selectRow(row)
    assert window.details.directive is not None
    owners = window.details.owners
    assert "BDV" in [owners.topLevelItem(i).text(0) for i in range(owners.topLevelItemCount())]

    dialog = OrganizationsDialog(window, run=window.bus.run)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select(bdv.id)
    _type(dialog.short_name, "BanDV")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert queries.find_organization("BanDV").id == bdv.id  # saved
    dialog.close()

    old = re.compile(r"\bBDV\b")
    assert "BanDV" in _leads_shown(model, row)
    assert not any(old.search(_leads_shown(model, r)) for r in range(model.rowCount()))
    names = [owners.topLevelItem(i).text(0) for i in range(owners.topLevelItemCount())]
    assert "BanDV" in names and "BDV" not in names
    for tab, shown in ((TAB_MEETING, window.meeting_directives), (TAB_ALL, window.all_directives)):
        window.tabs.setCurrentIndex(tab)
        texts = [_leads_shown(shown, r) for r in range(shown.rowCount())]
        assert any("BanDV" in t for t in texts), tab
        assert not any(old.search(t) for t in texts), tab


def test_deleting_several_directives_is_one_step(qtbot, window: MainWindow, monkeypatch) -> None:  # noqa: ANN001
    """Three directives deleted at once go together and one Ctrl+Z brings all three back."""
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    window.tabs.setCurrentIndex(TAB_MEETING)
    table = window.meeting_table
    ids = window.meeting_directives.ids()[2:5]
    table.setFocus()
    table.selectRow(2)
    for row in (3, 4):
        table.selectionModel().select(
            window.meeting_directives.index(row, 0),
            table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
        )
    steps = window.undo_stack.count()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert not set(ids) & set(queries.directive_ids())
    assert window.undo_stack.count() == steps + 1
    assert not set(ids) & set(window.meeting_directives.ids())
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert set(ids) <= set(queries.directive_ids(DirectiveFilter()))
    assert set(ids) <= set(window.meeting_directives.ids())


def test_deleting_several_when_one_is_gone_deletes_none(
    qtbot, window: MainWindow, monkeypatch, sample_db
) -> None:  # noqa: ANN001
    """One of the selected directives deleted by another program first: a Vietnamese
    message, none of the others deleted, no undo step."""
    import sqlite3

    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, err, *a, **k: shown.append(str(err)))
    window.tabs.setCurrentIndex(TAB_MEETING)
    table = window.meeting_table
    ids = window.meeting_directives.ids()[0:3]
    table.setFocus()
    table.selectAll()
    with sqlite3.connect(sample_db) as other:
        other.execute("PRAGMA foreign_keys = ON")
        other.execute("DELETE FROM directive WHERE id = ?", (ids[1],))
    steps = window.undo_stack.count()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert shown and "Chưa xóa nội dung nào" in shown[0]
    assert {ids[0], ids[2]} <= set(queries.directive_ids())
    assert window.undo_stack.count() == steps
