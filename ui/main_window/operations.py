"""The window's changes as typed operations: each runs one undoable service call and
returns its ``Changes`` or raises its TrackerError (for the dialog that asked to show).

No widget here: the operations know the store's bus, the undo stack and the day the
window is seen as of; what follows a change on screen is the models' business
(ui.models.store_bus)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from tracker.changes import Changes
from tracker.errors import StaleEditError
from tracker.quarters import Quarter
from tracker.rows import Status
from ui.models.store_bus import StoreBus

if TYPE_CHECKING:
    from pathlib import Path
    from types import ModuleType

    from tracker.attachments import AttachmentRow
    from tracker.drafts import DirectiveDraft, MeetingDraft
    from tracker.settings import ReportSettings
    from ui.undo_commands import ServiceCommand


def _services() -> ModuleType:
    """``tracker.services``, imported at the first change: start-up does not need it."""
    from tracker import services  # the services: at the first change, not at start-up

    return services


def _undo() -> ModuleType:
    """``ui.undo_commands`` (and the snapshots of ``tracker.exchange``), imported at the
    first change."""
    from ui import undo_commands  # with the services (above)

    return undo_commands


class Operations(QObject):
    """Every change the window makes, one undoable step each.

    ``stale`` is called when a change was refused because another window changed the
    records since (the window reads everything again)."""

    def __init__(
        self,
        bus: StoreBus,
        undo_stack: QUndoStack,
        *,
        as_of: date | None,
        stale: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bus = bus
        self.undo_stack = undo_stack
        self._as_of = as_of
        self._stale = stale

    def today(self) -> date:
        return self._as_of or date.today()

    # --- the two generic paths ------------------------------------------------------------

    def push(self, command: ServiceCommand) -> Changes:
        """Run an undoable change; raises its TrackerError."""
        try:
            changes: Changes = _undo().push(self.undo_stack, command)
            return changes
        except StaleEditError:
            self._stale()
            raise

    def edit_directives(
        self, text: str, directive_ids: Sequence[int], action: Callable[[], Changes]
    ) -> Changes:
        """Run ``action`` (a service changing these directives) as one undoable step."""
        return self.push(_undo().EditDirectivesCommand(self.bus, text, list(directive_ids), action))

    # --- meetings -------------------------------------------------------------------------

    def new_meeting(
        self, meeting: MeetingDraft, directives: Sequence[DirectiveDraft] = ()
    ) -> Changes:
        return self.push(
            _undo().LogMeetingCommand(self.bus, self.tr("Ghi giao ban mới"), meeting, directives)
        )

    def update_meeting(
        self, meeting_id: int, meeting: MeetingDraft, expected_version: int | None = None
    ) -> Changes:
        return self.push(
            _undo().EditMeetingCommand(
                self.bus,
                self.tr("Sửa cuộc giao ban"),
                meeting_id,
                lambda: _services().update_meeting(
                    meeting_id=meeting_id, meeting=meeting, expected_version=expected_version
                ),
            )
        )

    def delete_meeting(self, meeting_id: int) -> Changes:
        return self.push(
            _undo().DeleteMeetingCommand(self.bus, self.tr("Xóa cuộc giao ban"), meeting_id)
        )

    # --- directives -----------------------------------------------------------------------

    def new_directive(self, meeting_id: int, directive: DirectiveDraft) -> Changes:
        return self.push(
            _undo().AddDirectiveCommand(self.bus, self.tr("Thêm nội dung"), meeting_id, directive)
        )

    def update_directive(
        self, directive_id: int, directive: DirectiveDraft, expected_version: int | None = None
    ) -> Changes:
        return self.edit_directives(
            self.tr("Sửa nội dung"),
            [directive_id],
            lambda: _services().update_directive(
                directive_id=directive_id,
                directive=directive,
                expected_version=expected_version,
                today=self.today(),
            ),
        )

    def delete_directives(self, directive_ids: Sequence[int]) -> Changes:
        """All of them or none, in one transaction and one undo step."""
        return self.push(
            _undo().DeleteDirectivesCommand(self.bus, self.tr("Xóa nội dung"), directive_ids)
        )

    # --- follow-up ------------------------------------------------------------------------

    def mark_done(
        self,
        directive_ids: Sequence[int],
        on: date,
        note: str = "",
        organization_id: int | None = None,
    ) -> Changes:
        ids = list(directive_ids)
        return self.edit_directives(
            self.tr("Đánh dấu hoàn thành %n nội dung", None, len(ids)),
            ids,
            lambda: _services().mark_done(
                directive_ids=ids, on=on, note=note, organization_id=organization_id
            ),
        )

    def set_status(
        self,
        directive_ids: Sequence[int],
        status: Status,
        *,
        note: str = "",
        organization_id: int | None = None,
        text: str = "",
    ) -> Changes:
        ids = list(directive_ids)
        return self.edit_directives(
            text or self.tr("Đổi trạng thái"),
            ids,
            lambda: _services().set_status(
                directive_ids=ids,
                status=status,
                on=self.today(),
                note=note,
                organization_id=organization_id,
            ),
        )

    def extend(self, directive_id: int, new_due: Quarter, reason: str) -> Changes:
        return self.edit_directives(
            self.tr("Gia hạn"),
            [directive_id],
            lambda: _services().extend_deadline(
                directive_id=directive_id, new_due=new_due, reason=reason, on=self.today()
            ),
        )

    def add_note(self, directive_id: int, text: str, organization_id: int | None = None) -> Changes:
        return self.edit_directives(
            self.tr("Thêm ghi chú tiến độ"),
            [directive_id],
            lambda: _services().add_note(
                directive_id=directive_id,
                text=text,
                organization_id=organization_id,
                on=self.today(),
            ),
        )

    # --- attachments -----------------------------------------------------------------------

    def _owner_step(
        self,
        text: str,
        directive_id: int | None,
        meeting_id: int | None,
        action: Callable[[], Changes],
    ) -> Changes:
        if directive_id is not None:
            return self.edit_directives(text, [directive_id], action)
        assert meeting_id is not None
        return self.push(_undo().EditMeetingCommand(self.bus, text, meeting_id, action))

    def attach_files(
        self,
        paths: Sequence[Path],
        *,
        directive_id: int | None = None,
        meeting_id: int | None = None,
    ) -> Changes:
        """Attach files to a directive or a meeting as one undoable step. Every file is
        read first: one refused (a folder, over 25 MB) attaches none."""
        from tracker import attachments
        from tracker.attachment_services import attach

        read = [attachments.read_upload(p) for p in paths]
        # The bytes are needed by the first run only (undo and redo write snapshots
        # back): they are let go then, not kept for the undo stack's life.
        pending = list(read)

        def action() -> Changes:
            changes = Changes()
            try:
                for name, data in pending:
                    changes |= attach(
                        file_name=name, data=data, directive_id=directive_id, meeting_id=meeting_id
                    ).changes
            finally:
                pending.clear()
            return changes

        names = ", ".join(f'"{name}"' for name, _ in read)
        return self._owner_step(
            self.tr("Đính kèm {names}").format(names=names), directive_id, meeting_id, action
        )

    def detach(self, row: AttachmentRow) -> Changes:
        from tracker.attachment_services import detach

        return self._owner_step(
            self.tr('Gỡ tệp đính kèm "{name}"').format(name=row.file_name),
            row.directive_id,
            row.meeting_id,
            lambda: detach(attachment_id=row.id),
        )

    def tidy_attachments(self) -> None:
        """As the window closes (its undo steps with it): delete the stored files no
        attachment names any more. Never stops the closing: a refusal is let go."""
        if not self.undo_stack.count():
            return  # nothing changed in this window: no write at all
        from tracker.attachment_services import purge_unused_contents

        try:
            purge_unused_contents()
        except Exception:  # noqa: BLE001 (a locked or read-only file: tidied next time)
            return

    # --- not undoable ---------------------------------------------------------------------

    def save_settings(self, settings: ReportSettings) -> Changes:
        return self.bus.run(_services().save_settings, settings=settings)

    def load_sample(self) -> Changes:
        from tracker.seeding import load_sample  # only when the clerk asks for the sample

        return self.bus.run(load_sample)
