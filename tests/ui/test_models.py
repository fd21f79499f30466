"""The custom Qt models: qtmodeltester, paging, SQL sorting and targeted refreshes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.chase_oracle import chase_list
from tracker import queries, services
from tracker.queries import DirectiveFilter, MeetingFilter, SortKey
from tracker.rows import Status
from ui.models.chase_model import ChaseModel
from ui.models.directive_table import ID_ROLE, ROW_ROLE, Column, DirectiveTableModel
from ui.models.meeting_list import MeetingListModel

from .conftest import AS_OF


def test_directive_model_passes_modeltester(qtmodeltester, sample_db: Path) -> None:
    """The directive table model is a well-behaved Qt model (all directives)."""
    model = DirectiveTableModel()
    model.set_filter(DirectiveFilter(as_of=AS_OF))
    assert model.rowCount() == 11
    qtmodeltester.check(model)


def test_meeting_directives_model_passes_modeltester(qtmodeltester, sample_db: Path) -> None:
    """The directive model filtered to one meeting is a well-behaved Qt model."""
    meeting_id = queries.list_meetings()[0].id
    model = DirectiveTableModel()
    model.set_filter(DirectiveFilter(meeting_id=meeting_id, as_of=AS_OF))
    qtmodeltester.check(model)
    assert [model.data(model.index(r, Column.NUMBER)) for r in range(3)] == ["1", "2", "3"]


def test_meeting_list_model_passes_modeltester(qtmodeltester, sample_db: Path) -> None:
    """The meeting list model is a well-behaved Qt model and shows date and progress."""
    model = MeetingListModel()
    model.set_filter(MeetingFilter())
    qtmodeltester.check(model)
    text = model.data(model.index(0, 0))
    assert text.startswith("01/04/2021")
    assert "0/11 hoàn thành" in text


def test_chase_model_passes_modeltester(qtmodeltester, sample_db: Path) -> None:
    """The two-level chase model is a well-behaved Qt model, grouped by lead organization."""
    model = ChaseModel(as_of=AS_OF)
    model.reload()
    groups = chase_list(as_of=AS_OF)
    assert model.rowCount() == len(groups)
    first = model.index(0, 0)
    assert model.rowCount(first) == 0 and model.canFetchMore(first)  # read when opened
    model.fetchMore(first)
    assert model.rowCount(first) == len(groups[0][1])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0, first), ID_ROLE) == groups[0][1][0].id


def test_empty_models_pass_modeltester(qtmodeltester, db_path: Path) -> None:
    """With no data every model is empty and still well-behaved."""
    for model in (DirectiveTableModel(), MeetingListModel(), ChaseModel(as_of=AS_OF)):
        if isinstance(model, DirectiveTableModel):
            model.set_filter(DirectiveFilter())
        else:
            model.reload()
        assert model.rowCount() == 0
        qtmodeltester.check(model)


def test_directive_model_pages_in_100_rows(qtmodeltester, db_path: Path) -> None:
    """On 3,000 directives the model holds 100 rows until the view asks for more."""
    from tracker.seeding import synthetic

    synthetic(3000)
    model = DirectiveTableModel()
    model.set_filter(DirectiveFilter())
    assert model.total == 3000
    assert model.rowCount() == 100
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 200
    assert model.ids() == queries.directive_ids(limit=200)
    qtmodeltester.check(model)


def test_sort_runs_in_sql(sample_db: Path) -> None:
    """Sorting by a column re-queries in that order; unsortable columns change nothing."""
    model = DirectiveTableModel()
    model.set_filter(DirectiveFilter(as_of=AS_OF))
    model.sort(Column.CONTENT, Qt.SortOrder.DescendingOrder)
    assert model.ids() == queries.directive_ids(sort=SortKey.CONTENT, descending=True)
    before = model.ids()
    model.sort(Column.LEADS, Qt.SortOrder.AscendingOrder)
    assert model.ids() == before
    assert model.sort_column is Column.CONTENT


def test_refresh_rereads_only_changed_rows(qtbot, sample_db: Path) -> None:
    """A status change updates its row with dataChanged, without resetting the model."""
    model = DirectiveTableModel()
    model.set_filter(DirectiveFilter(as_of=AS_OF))
    target = model.ids()[2]
    changes = services.mark_done(directive_ids=[target], note="Xong")
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as sig:
        model.refresh(changes)
    assert sig.args[0].row() == 2
    assert model.data(model.index(2, 0), ROW_ROLE).status is Status.DONE
    assert model.data(model.index(2, Column.NOTE)) == "Xong"


def test_refresh_removes_rows_that_leave_the_filter(qtbot, sample_db: Path) -> None:
    """Under "Chưa hoàn thành", a directive marked done leaves the table and the count drops."""
    flt = DirectiveFilter(status=queries.StatusFilter.OPEN, as_of=AS_OF)
    model = DirectiveTableModel()
    model.set_filter(flt)
    before = model.total
    target = model.ids()[0]
    with qtbot.waitSignal(model.rowsRemoved):
        model.refresh(services.mark_done(directive_ids=[target]))
    assert model.total == before - 1
    assert target not in model.ids()
    assert model.ids() == queries.directive_ids(flt)


def test_refresh_resets_for_a_new_directive(qtbot, sample_db: Path) -> None:
    """A directive added to the shown meeting appears (the model is read again)."""
    from tracker.drafts import DirectiveDraft

    meeting_id = queries.list_meetings()[0].id
    model = DirectiveTableModel()
    model.set_filter(DirectiveFilter(meeting_id=meeting_id, as_of=AS_OF))
    bdv = queries.find_organization("BDV").id
    changes = services.add_directive(
        meeting_id=meeting_id, directive=DirectiveDraft("Nội dung mới", (bdv,))
    )
    with qtbot.waitSignal(model.modelReset):
        model.refresh(changes)
    assert model.rowCount() == 12
    assert model.ids()[-1] == changes.created_id


def test_overdue_rows_have_icon_tooltip_and_colour(sample_db: Path) -> None:
    """An overdue row says so three ways: status text, tooltip and colour (not colour alone)."""
    model = DirectiveTableModel()
    model.set_filter(DirectiveFilter(as_of=AS_OF))
    row = next(r for r in range(model.rowCount()) if model.row(r).overdue)
    status = model.index(row, Column.STATUS)
    assert model.data(status) == "Quá hạn"
    assert "Quá hạn" in model.data(status, Qt.ItemDataRole.ToolTipRole)
    assert not model.data(status, Qt.ItemDataRole.DecorationRole).isNull()
    assert model.data(status, Qt.ItemDataRole.ForegroundRole) is not None


def test_group_of_owners_is_shown_by_its_name(sample_db: Path) -> None:
    """Directives given to every member of a group show the group's short name."""
    model = DirectiveTableModel()
    model.set_filter(DirectiveFilter(as_of=AS_OF))
    assert model.data(model.index(0, Column.LEADS)) == "MTTQ và các đoàn thể"
