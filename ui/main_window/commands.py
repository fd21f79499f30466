"""The menu and toolbar commands: each confirms or opens its dialog, then runs one of
the window's operations (ui.main_window.operations), showing any refusal.

Dialogs are imported when first opened: start-up time matters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from tracker import queries
from tracker.dates import format_date
from tracker.errors import NotFoundError, TrackerError
from tracker.quarters import Quarter
from tracker.queries import DirectiveFilter
from tracker.rows import DirectiveRow, Status
from ui import messages

if TYPE_CHECKING:
    from tracker.changes import Changes
    from tracker.drafts import DirectiveDraft, MeetingDraft
    from tracker.reply_form import ReplyPlan
    from ui.main_window.base import WindowBase
    from ui.main_window.operations import Operations


class Commands(QObject):
    """What the clerk asks through the menus, the toolbar and the context menus."""

    def __init__(self, window: WindowBase, ops: Operations) -> None:
        super().__init__(window)
        self.window = window
        self.ops = ops

    def _attempt(self, change: Callable[[], object]) -> bool:
        """Run a change outside a dialog, showing any refusal in a message box."""
        try:
            change()
        except TrackerError as exc:
            messages.show_error(self.window, exc)
            return False
        return True

    # --- the first-run panel's two buttons ----------------------------------------------

    def _save_first_run_settings(self) -> bool:
        """Store the province and issuing body the first-run panel shows, as the
        clerk starts; False (with the reason shown) when they cannot be saved."""
        chosen = self.window.first_run.document_settings()
        if queries.settings_saved() and chosen == queries.load_settings():
            return True
        return self._attempt(lambda: self.ops.save_settings(chosen))

    def first_run_create(self) -> None:
        if self._save_first_run_settings():
            self.new_meeting()

    def first_run_sample(self) -> None:
        if self._save_first_run_settings():
            self.load_sample()

    # --- meetings -------------------------------------------------------------------------

    def new_meeting(self) -> None:
        from ui.dialogs.meeting import MeetingDialog  # dialogs: loaded when first opened

        MeetingDialog.ask(self.window, save=self._save_new_meeting, today=self.ops.today())

    def _save_new_meeting(
        self, meeting: MeetingDraft, directives: Sequence[DirectiveDraft] = ()
    ) -> Changes:
        changes = self.ops.new_meeting(meeting, directives)
        if changes.created_id is not None:
            self.window.show_new_meeting(changes.created_id)
        return changes

    def edit_meeting(self) -> None:
        meeting = self.window.meeting
        if meeting is None:
            return
        from ui.dialogs.meeting import MeetingDialog  # dialogs: loaded when first opened

        MeetingDialog.ask(
            self.window,
            save=lambda draft, _directives: self.ops.update_meeting(
                meeting.id, draft, meeting.version
            ),
            meeting=meeting,
            directives=queries.list_directives(
                DirectiveFilter(meeting_id=meeting.id, as_of=self.window.as_of)
            ),
            today=self.ops.today(),
        )

    def delete_meeting(self) -> None:
        m = self.window.meeting
        if m is None:
            return
        if not messages.confirm(
            self.window,
            self.tr("Xóa cuộc giao ban"),
            self.tr(
                "Xóa cuộc giao ban ngày {day} cùng %n nội dung chỉ đạo của nó?",
                None,
                m.directive_count,
            ).format(day=format_date(m.held_on)),
            self.tr("&Xóa"),
            self.tr("Có thể hoàn tác bằng Ctrl+Z."),
        ):
            return
        self._attempt(lambda: self.ops.delete_meeting(m.id))

    # --- directives -----------------------------------------------------------------------

    def new_directive(self) -> None:
        meeting = self.window.meeting
        if meeting is None:
            return
        from ui.dialogs.directive import DirectiveDialog  # dialogs: loaded when first opened

        DirectiveDialog.ask(
            self.window,
            save=lambda draft: self.ops.new_directive(meeting.id, draft),
            directive=None,
            default_due=Quarter.of(meeting.held_on),
        )

    def edit_directive(self) -> None:
        row = self.window.current_directive()
        if row is None:
            return
        from ui.dialogs.directive import DirectiveDialog  # dialogs: loaded when first opened

        DirectiveDialog.ask(
            self.window,
            save=lambda draft: self.ops.update_directive(row.id, draft, row.version),
            directive=row,
            default_due=row.due,
        )

    def edit_selected(self) -> None:
        if self.window.meeting_list.hasFocus() or not self.window.selected_directive_ids():
            self.edit_meeting()
        else:
            self.edit_directive()

    def delete_selected(self) -> None:
        if self.window.meeting_list.hasFocus() or not self.window.selected_directive_ids():
            self.delete_meeting()
        else:
            self.delete_directives()

    def delete_directives(self) -> None:
        ids = self.window.selected_directive_ids()
        if not ids:
            return
        if len(ids) == 1:
            row = self.window.current_directive()
            content = row.content if row is not None and row.id == ids[0] else ""
            question = self.tr("Xóa nội dung chỉ đạo này cùng lịch sử theo dõi của nó?")
            detail = content[:200]
        else:
            question = self.tr(
                "Xóa %n nội dung chỉ đạo đang chọn cùng lịch sử theo dõi?", None, len(ids)
            )
            detail = ""
        detail = (detail + "\n\n" if detail else "") + self.tr("Có thể hoàn tác bằng Ctrl+Z.")
        if not messages.confirm(
            self.window, self.tr("Xóa nội dung chỉ đạo"), question, self.tr("&Xóa"), detail
        ):
            return
        self._attempt(lambda: self.ops.delete_directives(ids))

    # --- follow-up ------------------------------------------------------------------------

    def mark_selected_done_today(self) -> None:
        ids = self.window.selected_directive_ids()
        if ids:
            self._attempt(lambda: self.ops.mark_done(ids, self.ops.today()))

    def mark_selected_done(self) -> None:
        self.ask_done(self.window.selected_directive_ids())

    def ask_done(self, ids: Sequence[int], *, organization_id: int | None = None) -> None:
        """Ask the done date and result note, then save (per organization when given)."""
        ids = list(ids)
        if not ids:
            return
        from ui.dialogs.done import DoneDialog  # dialogs: loaded when first opened

        # One directive: its own dialog (with its lead organizations); several: one
        # date and note for all of them.
        row = self._row_for(ids[0]) if len(ids) == 1 else None
        DoneDialog.ask(
            self.window,
            save=lambda on, note, org: self.ops.mark_done(ids, on, note, org),
            directive=row,
            today=self.ops.today(),
            organization_id=organization_id,
        )

    def set_status(
        self,
        ids: Sequence[int],
        status: Status,
        *,
        organization_id: int | None = None,
        text: str = "",
    ) -> bool:
        ids = list(ids)
        if not ids:
            return False
        return self._attempt(
            lambda: self.ops.set_status(ids, status, organization_id=organization_id, text=text)
        )

    def reopen_selected(self) -> None:
        self.set_status(self.window.selected_directive_ids(), Status.OPEN, text=self.tr("Mở lại"))

    def cancel_selected(self) -> None:
        ids = self.window.selected_directive_ids()
        if not ids:
            return
        if not messages.confirm(
            self.window,
            self.tr("Hủy nội dung"),
            self.tr(
                "Đánh dấu %n nội dung đang chọn là đã hủy (không còn phải thực hiện)?",
                None,
                len(ids),
            ),
            self.tr("&Hủy nội dung"),
        ):
            return
        self.set_status(ids, Status.CANCELLED, text=self.tr("Hủy nội dung"))

    def add_note_to_current(self) -> None:
        row = self.window.details.directive
        if row is None:
            return
        from ui.dialogs.note import NoteDialog  # dialogs: loaded when first opened

        NoteDialog.ask(
            self.window,
            save=lambda text, org: self.ops.add_note(row.id, text, org),
            directive=row,
        )

    def add_quick_note(self, directive_id: int, text: str) -> bool:
        """The note typed in the details panel, for everyone."""
        return self._attempt(lambda: self.ops.add_note(directive_id, text))

    def extend_current(self) -> None:
        row = self.window.details.directive
        if row is None:
            return
        from ui.dialogs.extend import ExtendDialog  # dialogs: loaded when first opened

        ExtendDialog.ask(
            self.window,
            save=lambda new_due, reason: self.ops.extend(row.id, new_due, reason),
            directive=row,
        )

    def attach_to_current(self) -> None:
        """Choose files and attach them to the directive shown in the details panel."""
        self.window.details.attachments.choose_files(meeting=False)

    def show_meeting_attachments(self) -> None:
        """Open (or bring forward) the panel of the shown meeting's own files."""
        header = self.window.meeting_header
        panel = header.attachments_panel
        if panel is None:
            # the panel's module: loaded when first opened
            from ui.views.meeting_attachments import MeetingAttachmentsPanel

            panel = MeetingAttachmentsPanel(self.window, self.ops)
            header.attachments_panel = panel
        panel.show_meeting(self.window.meeting)
        if panel.isVisible():  # open behind the window: brought forward
            panel.raise_()
            panel.activateWindow()
        else:
            panel.show()

    def _row_for(self, directive_id: int) -> DirectiveRow | None:
        try:
            return queries.directive(directive_id, as_of=self.window.as_of)
        except NotFoundError:
            return None

    # --- data, reports, tools -------------------------------------------------------------

    def load_sample(self) -> None:
        self._attempt(self.ops.load_sample)

    def back_up_now(self) -> None:
        from ui.dialogs.backup import back_up_now  # dialogs: loaded when first opened

        back_up_now(self.window)

    def restore_backup(self) -> None:
        from tracker.store import integrity  # with the restore dialog
        from tracker.store.proxy import database  # with the dialog
        from ui.dialogs.backup import restore_interactively  # dialogs: loaded when first opened

        path = database.obj.database
        if restore_interactively(self.window, path):
            self.ops.undo_stack.clear()  # its steps refer to records the restore replaced
            integrity.forget(path)  # the damaged file was replaced
            messages.forget_damage()
            self.window.damage_label.hide()
            self.window.reload_all()
            if integrity.is_large(path):
                self.window.watch_integrity(path)

    def settings_checked_before_printing(self) -> bool:
        """Before the first report: ask the province, the issuing body… (the
        defaults shown); False when the clerk cancels (no report then)."""
        if queries.settings_saved():
            return True
        from ui.dialogs.settings import SettingsDialog  # dialogs: loaded when first opened

        return SettingsDialog.ask(
            self.window,
            settings=queries.load_settings(),
            save=self.ops.save_settings,
            first_time=True,
        )

    def open_report(self) -> None:
        if not self.settings_checked_before_printing():
            return
        from ui.report.dialog import ReportDialog  # Qt Charts and ReportLab: when first asked

        ReportDialog.ask(self.window, as_of=self.window.as_of)

    def open_open_items_report(self) -> None:
        if not self.settings_checked_before_printing():
            return
        from ui.report.dialog import ReportDialog  # Qt Charts and ReportLab: when first asked
        from ui.report.options import OPEN_ITEMS  # with the report dialog

        ReportDialog.ask(self.window, kind=OPEN_ITEMS, as_of=self.window.as_of)

    def open_letter(self) -> None:
        from ui.dialogs.letter import LetterDialog  # dialogs: loaded when first opened

        LetterDialog.ask(self.window, run=self.window.bus, as_of=self.window.as_of)

    def import_reply(self) -> None:
        """Theo dõi ▸ Nhập phiếu báo cáo…: read a filled form, preview, apply as one step."""
        from ui.dialogs.reply_import import ReplyImportDialog

        ReplyImportDialog.ask(self.window, apply=self._apply_reply, today=self.ops.today())

    def _apply_reply(self, plan: ReplyPlan, accept_conflicts: bool) -> Changes:
        from tracker.reply_apply import apply_reply

        return self.ops.edit_directives(
            self.tr("Nhập phiếu báo cáo của {name}").format(name=plan.short_name),
            [r.directive_id for r in plan.to_apply(accept_conflicts)],
            lambda: apply_reply(plan=plan, accept_conflicts=accept_conflicts, on=self.ops.today()),
        )

    def import_xlsx(self) -> None:
        from ui.dialogs.xlsx_import import import_from_excel  # openpyxl when first used

        import_from_excel(self.window)

    def export_xlsx(self) -> None:
        from ui.dialogs.xlsx_import import export_to_excel  # openpyxl when first used

        export_to_excel(self.window)

    def open_organizations(self) -> None:
        # dialogs: loaded when first opened
        from ui.dialogs.organizations import OrganizationsDialog

        OrganizationsDialog.ask(self.window, run=self.ops.bus.run)

    def open_settings(self) -> None:
        from ui.dialogs.settings import SettingsDialog  # dialogs: loaded when first opened

        SettingsDialog.ask(
            self.window, settings=queries.load_settings(), save=self.ops.save_settings
        )

    def connect_server(self) -> None:
        """Tệp ▸ Kết nối máy chủ…: a new window on the chosen server (or back on the file)."""
        from ui.dialogs.connect_server import (  # dialogs: loaded when first opened
            ConnectServerDialog,
            switch_window,
        )

        choice = ConnectServerDialog.ask(self.window)
        if choice is not None:
            switch_window(self.window, choice, type(self.window))

    def show_about(self) -> None:
        from tracker.store.proxy import database  # with the dialog
        from ui.dialogs.about import AboutDialog  # dialogs: loaded when first opened

        AboutDialog.ask(self.window, data_file=database.obj.database)
