"""The small dialogs (directive, done, extend, note, organizations, settings) driven
through their widgets, with the database checked afterwards."""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tracker import queries, services
from tracker.drafts import DirectiveDraft
from tracker.quarters import Quarter
from tracker.rows import HistoryKind, Status
from tracker.settings import ReportSettings, SignerCapacity
from ui.dialogs.directive import DirectiveDialog
from ui.dialogs.done import DoneDialog
from ui.dialogs.extend import ExtendDialog
from ui.dialogs.note import NoteDialog
from ui.dialogs.organizations import OrganizationsDialog
from ui.dialogs.settings import SettingsDialog

from .test_meeting_dialog import discard_answers, focused, press, show, type_text  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")

AFTER = date(2021, 7, 10)  # a day after the sample giao ban of 1 April 2021


def sample_row(position: int):
    """The sample giao ban's directive number ``position``."""
    meeting = queries.list_meetings()[0]
    rows = queries.list_directives(queries.DirectiveFilter(meeting_id=meeting.id))
    return next(r for r in rows if r.position == position)


def ctrl_s(qtbot) -> None:
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def accepted(dialog: QDialog) -> bool:
    return dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


# --- DirectiveDialog ------------------------------------------------------------------------


def test_directive_dialog_adds_a_directive(qtbot, sample_db):
    """A new directive typed in the dialog is added with the default lead group and the
    deadline typed as "Q3" (year of the giao ban)."""
    meeting = queries.list_meetings()[0]
    dialog = DirectiveDialog(
        None,
        save=lambda d: services.add_directive(meeting_id=meeting.id, directive=d),
        directive=None,
        default_due=Quarter(2021, 2),
    )
    show(qtbot, dialog)
    type_text(qtbot, "Tổng kết 5 năm thực hiện Quy chế dân chủ ở cơ sở")
    dialog.due.setFocus()
    dialog.due.selectAll()
    type_text(qtbot, "Q3")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.due.text() == "Quý III-2021"
    ctrl_s(qtbot)
    assert accepted(dialog), dialog.messages()
    row = sample_row(12)
    assert row.content == "Tổng kết 5 năm thực hiện Quy chế dân chủ ở cơ sở"
    assert tuple(o.organization_id for o in row.leads) == queries.find_owner_ids(
        "MTTQ và các đoàn thể"
    )
    assert row.due == Quarter(2021, 3)


def test_directive_dialog_refuses_bad_input_beside_each_field(qtbot, sample_db):
    """Empty content, no lead and "Quý II-1800" each get a message beside their field;
    nothing is saved."""
    meeting = queries.list_meetings()[0]
    dialog = DirectiveDialog(
        None,
        save=lambda d: services.add_directive(meeting_id=meeting.id, directive=d),
        directive=None,
        default_due=Quarter(2021, 2),
    )
    show(qtbot, dialog)
    dialog.leads.setFocus()
    dialog.leads.setCurrentRow(0)  # the group "MTTQ và các đoàn thể"
    press(qtbot, Qt.Key.Key_Space)  # unticks the group and every member
    assert dialog.leads.selected_ids() == ()
    dialog.due.setFocus()
    dialog.due.selectAll()
    type_text(qtbot, "Quý II-1800")
    ctrl_s(qtbot)
    assert dialog.isVisible()
    assert dialog.messages() == {
        "content": "Hãy ghi nội dung chỉ đạo.",
        "leads": "Hãy chọn ít nhất một cơ quan chủ trì.",
        "due": "Năm phải từ 1945 đến 2100, không phải 1800.",
    }
    assert focused() is dialog.content
    assert queries.count_directives() == 11


def test_directive_dialog_edits_deadline_to_standing(qtbot, sample_db):
    """Editing a directive's deadline to "tx" saves it as thường xuyên."""
    row = sample_row(4)
    bdv = queries.find_organization("BDV").id
    services.update_directive(  # a supporting organization, to see it kept
        directive_id=row.id,
        directive=DirectiveDraft(
            content=row.content,
            lead_ids=tuple(o.organization_id for o in row.leads),
            support_ids=(bdv,),
            due=row.due,
        ),
    )
    row = sample_row(4)
    dialog = DirectiveDialog(
        None,
        save=lambda d: services.update_directive(
            directive_id=row.id, directive=d, expected_version=row.version
        ),
        directive=row,
        default_due=None,
    )
    show(qtbot, dialog)
    assert dialog.supports.summary() == "BDV"
    dialog.due.setFocus()
    dialog.due.selectAll()
    type_text(qtbot, "tx")
    ctrl_s(qtbot)
    assert accepted(dialog), dialog.messages()
    saved = queries.directive(row.id)
    assert saved.due is None
    assert saved.content == row.content
    assert [o.short_name for o in saved.supports] == ["BDV"]


# --- DoneDialog -----------------------------------------------------------------------------


def test_done_dialog_marks_one_lead_done_with_a_note(qtbot, sample_db):
    """Choosing one of several lead organizations marks only it done, on the date
    typed, with the result note; the directive is then in progress."""
    row = sample_row(1)
    hnd = queries.find_organization("Hội ND").id
    dialog = DoneDialog(
        None,
        save=lambda on, note, org: services.mark_done(
            directive_ids=[row.id], on=on, note=note, organization_id=org
        ),
        directive=row,
        today=AFTER,
    )
    show(qtbot, dialog)
    assert focused() is dialog.done_on
    type_text(qtbot, "5/7")  # the year comes from today
    dialog.organization.setFocus()
    while dialog.organization.currentData() != hnd:
        press(qtbot, Qt.Key.Key_Down)
    dialog.note.setFocus()
    type_text(qtbot, "Đã tổ chức tuyên truyền tới 100% cơ sở hội")
    ctrl_s(qtbot)
    assert accepted(dialog), dialog.messages()
    saved = queries.directive(row.id)
    assert saved.status is Status.IN_PROGRESS
    owners = {o.organization_id: o for o in saved.leads}
    assert owners[hnd].status is Status.DONE
    assert owners[hnd].done_on == date(2021, 7, 5)
    assert owners[hnd].result_note == "Đã tổ chức tuyên truyền tới 100% cơ sở hội"
    assert sum(o.status is Status.DONE for o in saved.leads) == 1


def test_done_dialog_all_leads_by_default(qtbot, sample_db):
    """With the default choice and Ctrl+Enter every lead is done and the directive is done."""
    row = sample_row(1)
    dialog = DoneDialog(
        None,
        save=lambda on, note, org: services.mark_done(
            directive_ids=[row.id], on=on, note=note, organization_id=org
        ),
        directive=row,
        today=AFTER,
    )
    show(qtbot, dialog)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # saves
    assert accepted(dialog), dialog.messages()
    saved = queries.directive(row.id)
    assert saved.status is Status.DONE
    assert saved.done_on == AFTER


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/03/2021", "Ngày hoàn thành 31/03/2021 trước ngày giao ban 01/04/2021."),
        ("11/07/2021", "Ngày hoàn thành 11/07/2021 chưa đến (hôm nay là 10/07/2021)."),
        ("30/02/2021", 'Ngày "30/02/2021" không có thật.'),
    ],
)
def test_done_dialog_refuses_impossible_dates(qtbot, sample_db, typed, message):
    """A done date before the giao ban, in the future or not existing is refused
    beside the date; nothing is saved."""
    row = sample_row(1)
    dialog = DoneDialog(
        None,
        save=lambda on, note, org: services.mark_done(directive_ids=[row.id], on=on),
        directive=row,
        today=AFTER,
    )
    show(qtbot, dialog)
    type_text(qtbot, typed)
    ctrl_s(qtbot)
    assert dialog.isVisible()
    assert dialog.messages() == {"done_on": message}
    assert queries.directive(row.id).status is Status.OPEN


# --- ExtendDialog ---------------------------------------------------------------------------


def test_extend_dialog_requires_reason_and_later_quarter(qtbot, sample_db):
    """Gia hạn needs a reason and a quarter after the current deadline; once both are
    right the deadline moves and the original is remembered."""
    row = sample_row(2)  # due Quý II-2021
    dialog = ExtendDialog(
        None,
        save=lambda q, reason: services.extend_deadline(
            directive_id=row.id, new_due=q, reason=reason, on=AFTER
        ),
        directive=row,
    )
    show(qtbot, dialog)
    assert dialog.new_due.text() == "Quý III-2021"  # the next quarter, proposed
    type_text(qtbot, "quý I/2021")
    ctrl_s(qtbot)
    assert dialog.messages() == {
        "due": "Thời hạn mới phải sau Quý II-2021.",
        "reason": "Hãy ghi lý do gia hạn.",
    }
    assert queries.directive(row.id).due == Quarter(2021, 2)

    dialog.new_due.setFocus()
    dialog.new_due.selectAll()
    type_text(qtbot, "quý IV")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.reason
    type_text(qtbot, "Chờ hướng dẫn của Trung ương")
    ctrl_s(qtbot)
    assert accepted(dialog), dialog.messages()
    saved = queries.directive(row.id)
    assert saved.due == Quarter(2021, 4)
    assert saved.original_due == Quarter(2021, 2)
    assert saved.extended


def test_extend_dialog_on_standing_directive_cannot_save(qtbot, sample_db):
    """A thường xuyên directive has no deadline to extend: the dialog says so."""
    row = sample_row(6)
    dialog = ExtendDialog(None, save=lambda q, r: pytest.fail("saved"), directive=row)
    show(qtbot, dialog)
    assert not dialog.save_button.isEnabled()
    assert dialog.messages() == {"": "Nội dung thường xuyên không có thời hạn để gia hạn."}


# --- NoteDialog -----------------------------------------------------------------------------


def test_note_dialog_records_progress_of_one_organization(qtbot, sample_db):
    """An empty note is refused; a note from BDV is recorded in the history."""
    row = sample_row(10)  # led by BDV alone: BDV is proposed
    dialog = NoteDialog(
        None,
        save=lambda text, org: services.add_note(
            directive_id=row.id, text=text, organization_id=org, on=AFTER
        ),
        directive=row,
    )
    show(qtbot, dialog)
    ctrl_s(qtbot)
    assert dialog.messages() == {"note": "Hãy ghi nội dung tiến độ."}
    type_text(qtbot, "Đã giao ban quý II ngày 2/7")
    ctrl_s(qtbot)
    assert accepted(dialog), dialog.messages()
    (note,) = [h for h in queries.history(row.id) if h.kind is HistoryKind.NOTE]
    assert note.text == "Đã giao ban quý II ngày 2/7"
    assert note.organization_short_name == "BDV"


# --- OrganizationsDialog --------------------------------------------------------------------


def run_service(fn, **kwargs):
    return fn(**kwargs)


def open_organizations(qtbot) -> OrganizationsDialog:
    dialog = OrganizationsDialog(None, run=run_service)
    show(qtbot, dialog)
    return dialog


def type_names(qtbot, dialog: OrganizationsDialog, name: str, short: str) -> None:
    dialog.name.setFocus()
    dialog.name.selectAll()
    type_text(qtbot, name)
    dialog.short_name.setFocus()
    dialog.short_name.selectAll()
    type_text(qtbot, short)
    press(qtbot, Qt.Key.Key_Return)


def test_organizations_refuse_duplicate_names(qtbot, db_path):
    """A new organization named like an existing one (full or short name) is refused
    beside that field; the list is unchanged."""
    before = queries.list_organizations()
    dialog = open_organizations(qtbot)
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # Thêm &mới
    qtbot.waitUntil(lambda: focused() is dialog.name)
    type_names(qtbot, dialog, "hội nông dân tỉnh", "HND")
    assert dialog.messages() == {"name": 'Tên "hội nông dân tỉnh" đã có trong danh sách.'}
    type_names(qtbot, dialog, "Hội Nông dân Việt Nam tỉnh", "mttq")
    assert dialog.messages() == {"short_name": 'Tên viết tắt "mttq" đã có trong danh sách.'}
    assert queries.list_organizations() == before
    assert dialog.isVisible()


def test_organizations_add_rename_reorder_deactivate_delete(qtbot, db_path):
    """Each change in the dialog is saved at once through the services."""
    dialog = open_organizations(qtbot)
    dialog.start_new()
    type_names(qtbot, dialog, "Hội Chữ thập đỏ tỉnh", "Hội CTĐ")
    added = queries.find_organization("Hội CTĐ")
    assert dialog.current_id() == added.id
    assert queries.list_organizations()[-1].id == added.id

    type_names(qtbot, dialog, "Hội Chữ thập đỏ tỉnh Nam Định", "Hội CTĐ")  # renames it
    assert queries.find_organization("Hội CTĐ").name == "Hội Chữ thập đỏ tỉnh Nam Định"

    dialog.table.setFocus()
    press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [o.short_name for o in queries.list_organizations()][-2:] == ["Hội CTĐ", "BDV"]

    dialog.toggle_active()
    assert not queries.find_organization("Hội CTĐ").active

    dialog.delete_current()  # the confirmation is patched to "yes"
    assert all(o.short_name != "Hội CTĐ" for o in queries.list_organizations())


def test_organizations_in_use_cannot_be_deleted(qtbot, sample_db):
    """Deleting an organization with records shows why it cannot be, and keeps it."""
    dialog = open_organizations(qtbot)
    dialog.select(queries.find_organization("BDV").id)
    dialog.delete_current()
    assert "không xóa được" in dialog.messages()[""]
    assert queries.find_organization("BDV")


# --- SettingsDialog -------------------------------------------------------------------------


def test_settings_round_trip(qtbot, db_path):
    """Every field shown is saved back: what load_settings returns afterwards is what
    was typed, and an untouched dialog saves the settings unchanged."""
    start = ReportSettings(recipients=("Thường trực Tỉnh ủy (để b/c)",), default_view="meetings")
    services.save_settings(settings=start)
    dialog = SettingsDialog(
        None,
        settings=queries.load_settings(),
        save=lambda s: services.save_settings(settings=s),
    )
    show(qtbot, dialog)
    assert dialog.settings() == start

    dialog.issuing_body.setFocus()
    dialog.issuing_body.lineEdit().selectAll()
    type_text(qtbot, "Ban Tuyên giáo và Dân vận")
    dialog.document_number.setFocus()
    type_text(qtbot, "12")
    dialog.signer_capacity.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    dialog.signer_name.setFocus()
    type_text(qtbot, "Trần Thị Bình")
    dialog.recipients.setFocus()
    dialog.recipients.moveCursor(dialog.recipients.textCursor().MoveOperation.End)
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "Các huyện ủy, thành ủy")
    ctrl_s(qtbot)
    assert accepted(dialog), dialog.messages()
    assert queries.load_settings() == ReportSettings(
        issuing_body="Ban Tuyên giáo và Dân vận",
        document_number="12",
        signer_capacity=SignerCapacity.DEPUTY,
        signer_name="Trần Thị Bình",
        recipients=("Thường trực Tỉnh ủy (để b/c)", "Các huyện ủy, thành ủy"),
        default_view="meetings",
    )
    assert "K/T TRƯỞNG BAN" in dialog.preview.text()


def test_settings_refuse_bad_document_number(qtbot, db_path):
    """A document number with letters is refused beside the field; nothing is saved."""
    dialog = SettingsDialog(
        None, settings=ReportSettings(), save=lambda s: services.save_settings(settings=s)
    )
    show(qtbot, dialog)
    dialog.document_number.setFocus()
    type_text(qtbot, "12a")
    ctrl_s(qtbot)
    assert dialog.messages() == {
        "document_number": "Số văn bản chỉ gồm chữ số (để trống nếu ghi số bằng tay)."
    }
    assert queries.load_settings() == ReportSettings()
