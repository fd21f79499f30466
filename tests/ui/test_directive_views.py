"""Directive text first and each organization's own result, driven in the real window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from tests.chase_oracle import chase_list
from tracker import queries, services
from tracker.changes import Changes
from tracker.queries import DirectiveFilter, StatusFilter
from tracker.rows import Status
from ui.main_window import TAB_ALL, TAB_CHASE, TAB_MEETING, MainWindow
from ui.models.directive_table import Column
from ui.views.column_fitter import TEXT_SHARE
from ui.views.wrap_delegate import wrapped_lines

from .conftest import AS_OF

RESULT = "Đã tổ chức 12 hội nghị tuyên truyền"


def _tinh_doan_done() -> tuple[int, int, int]:
    """Directive 1 (all six organizations lead it) finished by Tỉnh đoàn only, with a result."""
    did = queries.directive_ids()[0]
    td = queries.find_organization("Tỉnh đoàn").id
    mttq = queries.find_organization("MTTQ").id
    services.mark_done(directive_ids=[did], organization_id=td, on=date(2021, 6, 1), note=RESULT)
    return did, td, mttq


def _window(qtbot, width: int = 1366, height: int = 768) -> MainWindow:  # noqa: ANN001
    w = MainWindow(as_of=AS_OF)
    qtbot.addWidget(w)
    w.resize(width, height)
    w.show()
    qtbot.waitExposed(w)
    return w


def _shown(view: QAbstractItemView, row: int, column: int, parent=None) -> str:  # noqa: ANN001
    model = view.model()
    index = model.index(row, column) if parent is None else model.index(row, column, parent)
    return model.data(index)


def test_chase_list_shows_each_directive_once_with_who_still_owes_it(
    qtbot, sample_db: Path  # noqa: ANN001
) -> None:
    """After Tỉnh đoàn alone finished a group task, the chase list has it once, naming
    the five organizations that still owe it, and Tỉnh đoàn's result under its name."""
    did, _td, _mttq = _tinh_doan_done()
    w = _window(qtbot)
    assert w.tabs.currentIndex() == TAB_CHASE and not w.chase_page.is_by_organization
    model = w.chase_directives
    ids = model.ids()
    assert len(ids) == len(set(ids)) == 9  # the sample's nine quý II tasks, once each
    row = model.row_of(did)
    assert row is not None
    leads = _shown(w.chase_table, row, Column.LEADS)
    assert leads == (
        "MTTQ và các đoàn thể (5 chưa xong: MTTQ, LĐLĐ tỉnh, Hội ND, Hội LHPN, Hội CCB)"
    )
    assert _shown(w.chase_table, row, Column.NOTE) == f"Tỉnh đoàn: {RESULT}"
    assert _shown(w.chase_table, row, Column.STATUS) == "Quá hạn"
    assert w.chase_table.isColumnHidden(Column.NUMBER)
    assert "9 nội dung cần đôn đốc, 9 quá hạn" in w.count_label.text()


def test_by_organization_each_row_is_that_organizations_own(
    qtbot, sample_db: Path  # noqa: ANN001
) -> None:
    """Clicking "Theo từng tổ chức": under MTTQ the directive is overdue with no result;
    Tỉnh đoàn's part no longer lists it. The choice is remembered."""
    did, td, mttq = _tinh_doan_done()
    w = _window(qtbot)
    qtbot.mouseClick(w.chase_page.by_organization, Qt.MouseButton.LeftButton)
    assert w.chase_page.is_by_organization and w.current_view() is w.chase_view
    model = w.chase_model
    groups = {model.index(r, 0).data(): model.index(r, 0) for r in range(model.rowCount())}
    mttq_group = next(g for text, g in groups.items() if text.startswith("MTTQ —"))
    td_group = next(g for text, g in groups.items() if text.startswith("Tỉnh đoàn —"))
    count = model.rowCount(mttq_group)
    rows = [model.directive_at(model.index(r, 0, mttq_group)) for r in range(count)]
    mine = next(r for r in rows if r.id == did)
    assert mine.status is Status.OPEN and mine.overdue and mine.latest_note == ""
    r = rows.index(mine)
    assert model.index(r, 3, mttq_group).data() == "Quá hạn"
    assert model.index(r, 4, mttq_group).data() == ""
    count = model.rowCount(td_group)
    td_rows = [model.directive_at(model.index(i, 0, td_group)) for i in range(count)]
    assert did not in [x.id for x in td_rows]
    assert mttq in [o.organization_id for o in mine.leads]
    w.close()
    again = _window(qtbot)
    assert again.chase_page.is_by_organization
    assert again.chase_model.rowCount() == len(chase_list(as_of=AS_OF))
    assert td in [g.id for g, _rows in chase_list(as_of=AS_OF)]


def test_organization_with_status_filter_in_the_window(qtbot, sample_db: Path) -> None:  # noqa: ANN001
    """Tổ chức = Tỉnh đoàn + Quá hạn leaves out what Tỉnh đoàn finished; + Hoàn thành lists
    it, with Tỉnh đoàn's own status, date and result in the row."""
    did, td, _mttq = _tinh_doan_done()
    w = _window(qtbot)
    w.tabs.setCurrentIndex(TAB_ALL)
    bar = w.filter_bar
    bar.organization.setCurrentIndex(bar.organization.findData(td))
    bar.status.setCurrentIndex(bar.status.findData(StatusFilter.OVERDUE))
    assert did not in w.all_directives.ids()
    flt = DirectiveFilter(organization_id=td, status=StatusFilter.OVERDUE, as_of=AS_OF)
    assert w.all_directives.ids() == queries.directive_ids(flt)
    bar.status.setCurrentIndex(bar.status.findData(StatusFilter.DONE))
    assert w.all_directives.ids() == [did]
    assert _shown(w.all_table, 0, Column.STATUS) == "Hoàn thành"
    assert _shown(w.all_table, 0, Column.DONE_ON) == "01/06/2021"
    assert _shown(w.all_table, 0, Column.NOTE) == RESULT
    # Marking another lead done from here refreshes the row as Tỉnh đoàn still sees it.
    hoi_nd = queries.find_organization("Hội ND").id
    services.mark_done(directive_ids=[did], organization_id=hoi_nd, on=date(2021, 6, 2))
    w.bus.notify(Changes(directive_ids=frozenset({did})))
    assert _shown(w.all_table, 0, Column.STATUS) == "Hoàn thành"


def test_text_column_is_readable_at_1024x600(qtbot, sample_db: Path) -> None:  # noqa: ANN001
    """At 1024×600 every directive view fits its width (no sideways scrolling) and gives
    the text at least its share; rows are three lines high."""
    w = _window(qtbot, 1024, 600)
    for tab, view in (
        (TAB_CHASE, w.chase_table),
        (TAB_MEETING, w.meeting_table),
        (TAB_ALL, w.all_table),
    ):
        w.tabs.setCurrentIndex(tab)
        qtbot.wait(10)
        header = view.horizontalHeader()
        width = view.viewport().width()
        assert header.length() <= width + 1, view.objectName()
        assert not view.horizontalScrollBar().isVisible()
        assert header.sectionSize(Column.CONTENT) >= int(width * TEXT_SHARE) - 1
        assert header.sectionResizeMode(Column.CONTENT) == QHeaderView.ResizeMode.Stretch
        # Columns that would become unreadable are left out (Phối hợp first), not squeezed.
        assert view.isColumnHidden(Column.SUPPORTS)
        status = header.sectionSize(Column.STATUS)
        assert status >= 0.8 * view.columns.default_width(Column.STATUS) - 1
        lines = QFontMetrics(view.font()).lineSpacing() * 3
        assert view.rowHeight(0) >= lines
    w.tabs.setCurrentIndex(TAB_CHASE)
    w.chase_page.by_organization.click()
    qtbot.wait(10)
    header = w.chase_view.header()
    assert header.length() <= w.chase_view.viewport().width() + 1


def test_wrapped_lines_elide_after_three() -> None:
    """A long directive is broken at words onto three lines, the last ending in "…"."""
    font = QFont()
    text = "Tham gia công tác bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp " * 4
    lines = wrapped_lines(text, font, 200)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert lines[0].startswith("Tham gia") and all(lines)
    metrics = QFontMetrics(font)
    assert all(metrics.horizontalAdvance(line) <= 200 for line in lines)
    short = wrapped_lines("Rà soát", font, 200)
    assert short == ["Rà soát"]


def test_column_widths_the_clerk_sets_are_remembered(qtbot, sample_db: Path) -> None:  # noqa: ANN001
    """A column dragged wider comes back at that width, the text column still stretching;
    widths never touched follow the window instead (nothing saved)."""
    first = _window(qtbot)
    first.tabs.setCurrentIndex(TAB_ALL)
    header = first.all_table.horizontalHeader()
    assert not first.all_table.columns.user_sized
    header.resizeSection(Column.LEADS, 222)  # what a drag on the header does
    assert first.all_table.columns.user_sized
    menu = first.meeting_table.columns.make_menu()
    next(a for a in menu.actions() if a.text() == "Phối hợp").trigger()
    first.close()
    second = _window(qtbot, 1200, 700)
    second.tabs.setCurrentIndex(TAB_ALL)
    qtbot.wait(10)
    h2 = second.all_table.horizontalHeader()
    assert h2.sectionSize(Column.LEADS) == 222
    assert h2.sectionResizeMode(Column.CONTENT) == QHeaderView.ResizeMode.Stretch
    assert h2.length() == second.all_table.viewport().width()
    assert second.meeting_table.isColumnHidden(Column.SUPPORTS)
    assert second.meeting_table.isColumnHidden(Column.MEETING)
    assert not second.meeting_table.columns.user_sized  # hiding is kept, widths still fit
    second.all_table.columns.reset()
    assert h2.sectionSize(Column.LEADS) < 222


def test_header_menu_hides_a_column(qtbot, sample_db: Path) -> None:  # noqa: ANN001
    """The header's menu hides "Phối hợp"; the room goes to the columns still shown."""
    w = _window(qtbot)
    w.tabs.setCurrentIndex(TAB_MEETING)
    qtbot.wait(10)
    view = w.meeting_table
    before = view.columnWidth(Column.CONTENT), view.columnWidth(Column.LEADS)
    menu = view.columns.make_menu()
    action = next(a for a in menu.actions() if a.text() == "Phối hợp")
    action.trigger()
    qtbot.wait(10)
    assert view.isColumnHidden(Column.SUPPORTS)
    after = view.columnWidth(Column.CONTENT), view.columnWidth(Column.LEADS)
    assert after[0] >= before[0] and after[1] >= before[1] and sum(after) > sum(before)
    assert view.horizontalHeader().length() <= view.viewport().width() + 1
    assert "Giao ban ngày" not in [a.text() for a in menu.actions()]  # never shown here


def test_details_show_the_whole_text_selectable(qtbot, sample_db: Path) -> None:  # noqa: ANN001
    """Selecting a row shows its whole text in the details, wrapped and selectable."""
    w = _window(qtbot, 1024, 600)
    w.tabs.setCurrentIndex(TAB_MEETING)
    view = w.meeting_table
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    row = view.directive_model().row(view.currentIndex().row())
    while not 100 <= len(row.content) <= 130:  # long enough for two lines, not four
        qtbot.keyClick(view, Qt.Key.Key_Down)
        row = view.directive_model().row(view.currentIndex().row())
    qtbot.wait(10)  # layouts settle after the new text
    title = w.details.title
    assert row.content in title.text()
    flags = title.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    # Wrapped within the panel, never cut off: shown whole or scrollable to the end.
    assert title.isVisible() and title.horizontalScrollBar().maximum() == 0
    assert title.verticalScrollBar().maximum() == 0  # two or three lines: all shown
    assert title.height() >= 2 * title.fontMetrics().lineSpacing()  # two lines at 1024×600


def test_a_column_left_out_for_room_comes_back_from_the_menu(qtbot, sample_db: Path) -> None:  # noqa: ANN001
    """At 1024×600 "Phối hợp" is left out for room; shown from the header menu it stays
    through a resize, and a column left out for room is not saved as the clerk's choice."""
    w = _window(qtbot, 1024, 600)
    w.tabs.setCurrentIndex(TAB_MEETING)
    qtbot.wait(10)
    view = w.meeting_table
    assert view.isColumnHidden(Column.SUPPORTS)
    w.save_settings()
    from PySide6.QtCore import QSettings

    assert str(int(Column.SUPPORTS)) not in QSettings().value("headers/meetingTableHidden").split()
    menu = view.columns.make_menu()
    action = next(a for a in menu.actions() if a.text() == "Phối hợp")
    assert not action.isChecked()
    action.trigger()
    w.resize(1000, 600)
    qtbot.wait(10)
    assert not view.isColumnHidden(Column.SUPPORTS)
    assert view.horizontalHeader().length() <= view.viewport().width() + 1


def test_alt_keys_switch_the_chase_list(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Alt+E shows the chase list by organization, Alt+U one row per directive again."""
    window.chase_table.setFocus()
    qtbot.keyClick(window.chase_table, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.chase_page.is_by_organization)  # a mnemonic animates a click
    assert window.current_view() is window.chase_view
    assert window.chase_model.rowCount() == len(chase_list(as_of=AS_OF))
    qtbot.keyClick(window.chase_view, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not window.chase_page.is_by_organization)
    assert window.current_view() is window.chase_table
