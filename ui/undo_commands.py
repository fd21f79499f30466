"""Thin undoable commands: each holds ids and snapshots, each redo/undo calls the tracker.

``push()`` runs ``redo()`` (QUndoStack always does), so a change is never applied
first and pushed afterwards. When the first ``redo()`` fails, the command marks
itself obsolete — QUndoStack then drops it — and :func:`push` re-raises the error
so the dialog that asked can show it beside the field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from tracker import exchange, services
from tracker.changes import Changes
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.errors import TrackerError
from ui.store_bus import StoreBus

Action = Callable[[], Changes]


@dataclass
class Outcome:
    """What the first redo did, kept outside the command (Qt may delete a dropped command)."""

    changes: Changes = field(default_factory=Changes)
    error: TrackerError | None = None


class ServiceCommand(QUndoCommand):
    """Base: ``_first()`` on the first redo, ``_again()`` on later ones, ``_back()`` to undo."""

    def __init__(self, bus: StoreBus, text: str) -> None:
        super().__init__(text)
        self.bus = bus
        self.outcome = Outcome()
        self._done_once = False

    def _first(self) -> Changes:
        raise NotImplementedError

    def _again(self) -> Changes:
        raise NotImplementedError

    def _back(self) -> Changes:
        raise NotImplementedError

    def redo(self) -> None:
        try:
            changes = self._again() if self._done_once else self._first()
        except TrackerError as exc:
            if not self._done_once:
                self.outcome.error = exc
                self.setObsolete(True)
            else:
                self.bus.report(exc)
            return
        if not self._done_once:
            self.outcome.changes = changes
            self._done_once = True
        self.bus.notify(changes)

    def undo(self) -> None:
        try:
            changes = self._back()
        except TrackerError as exc:
            self.bus.report(exc)
            return
        self.bus.notify(changes)


def push(stack: QUndoStack, command: ServiceCommand) -> Changes:
    """Push (which runs) the command; raise its TrackerError if it did nothing."""
    outcome = command.outcome
    stack.push(command)
    if outcome.error is not None:
        raise outcome.error
    return outcome.changes


# --- snapshots ------------------------------------------------------------------------------


def _snap_directives(ids: Sequence[int]) -> list[dict[str, Any]]:
    return [exchange.snapshot_directive(i) for i in ids]


class EditMeetingCommand(ServiceCommand):
    """Any change to an existing meeting (header edit); undo puts the snapshot back."""

    def __init__(self, bus: StoreBus, text: str, meeting_id: int, action: Action) -> None:
        super().__init__(bus, text)
        self.meeting_id = meeting_id
        self._action = action
        self._before: dict[str, Any] | None = None
        self._after: dict[str, Any] | None = None

    def _first(self) -> Changes:
        self._before = exchange.snapshot_meeting(self.meeting_id)
        return self._action()

    def _again(self) -> Changes:
        assert self._after is not None
        return exchange.restore_meeting(self._after)

    def _back(self) -> Changes:
        assert self._before is not None
        self._after = exchange.snapshot_meeting(self.meeting_id)
        return exchange.restore_meeting(self._before)


class EditDirectivesCommand(ServiceCommand):
    """A change to existing directives (edit, status, note, extension)."""

    def __init__(self, bus: StoreBus, text: str, ids: Sequence[int], action: Action) -> None:
        super().__init__(bus, text)
        self.ids = list(dict.fromkeys(ids))
        self._action = action
        self._before: list[dict[str, Any]] = []
        self._after: list[dict[str, Any]] = []

    def _first(self) -> Changes:
        self._before = _snap_directives(self.ids)
        return self._action()

    def _again(self) -> Changes:
        return exchange.restore_directives(self._after)

    def _back(self) -> Changes:
        self._after = _snap_directives(self.ids)
        return exchange.restore_directives(self._before)


class DeleteMeetingCommand(ServiceCommand):
    def __init__(self, bus: StoreBus, text: str, meeting_id: int) -> None:
        super().__init__(bus, text)
        self.meeting_id = meeting_id
        self._before: dict[str, Any] | None = None

    def _first(self) -> Changes:
        self._before = exchange.snapshot_meeting(self.meeting_id)
        return services.delete_meeting(meeting_id=self.meeting_id)

    _again = _first

    def _back(self) -> Changes:
        assert self._before is not None
        return exchange.restore_meeting(self._before)


class DeleteDirectivesCommand(ServiceCommand):
    def __init__(self, bus: StoreBus, text: str, ids: Sequence[int]) -> None:
        super().__init__(bus, text)
        self.ids = list(dict.fromkeys(ids))
        self._before: list[dict[str, Any]] = []

    def _first(self) -> Changes:
        self._before = _snap_directives(self.ids)
        changes = Changes()
        for i in self.ids:
            changes |= services.delete_directive(directive_id=i)
        return changes

    _again = _first

    def _back(self) -> Changes:
        return exchange.restore_directives(self._before)


class LogMeetingCommand(ServiceCommand):
    """A new giao ban with its directives; undo deletes it, redo puts back the same ids."""

    def __init__(
        self,
        bus: StoreBus,
        text: str,
        meeting: MeetingDraft,
        directives: Sequence[DirectiveDraft],
    ) -> None:
        super().__init__(bus, text)
        self._draft = meeting
        self._directives = tuple(directives)
        self.meeting_id: int | None = None
        self._snapshot: dict[str, Any] | None = None

    def _first(self) -> Changes:
        changes = services.log_meeting(meeting=self._draft, directives=self._directives)
        self.meeting_id = changes.created_id
        return changes

    def _again(self) -> Changes:
        assert self._snapshot is not None
        return exchange.restore_meeting(self._snapshot)

    def _back(self) -> Changes:
        assert self.meeting_id is not None
        self._snapshot = exchange.snapshot_meeting(self.meeting_id)
        return services.delete_meeting(meeting_id=self.meeting_id)


class AddDirectiveCommand(ServiceCommand):
    def __init__(self, bus: StoreBus, text: str, meeting_id: int, draft: DirectiveDraft) -> None:
        super().__init__(bus, text)
        self.meeting_id = meeting_id
        self._draft = draft
        self.directive_id: int | None = None
        self._snapshot: dict[str, Any] | None = None

    def _first(self) -> Changes:
        changes = services.add_directive(meeting_id=self.meeting_id, directive=self._draft)
        self.directive_id = changes.created_id
        return changes

    def _again(self) -> Changes:
        assert self._snapshot is not None
        return exchange.restore_directive(self._snapshot)

    def _back(self) -> Changes:
        assert self.directive_id is not None
        self._snapshot = exchange.snapshot_directive(self.directive_id)
        return services.delete_directive(directive_id=self.directive_id)
