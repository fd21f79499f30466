"""Thin undoable commands: each records its step through ``tracker.undo`` and puts it
back through the same checked service path as every other write.

``push()`` runs ``redo()`` (QUndoStack always does), so a change is never applied
first and pushed afterwards. When the first ``redo()`` fails, the command marks
itself obsolete — QUndoStack then drops it — and :func:`push` re-raises the error
so the dialog that asked can show it beside the field.

A later undo or redo that is refused because another window changed the records
since (StaleEditError) writes nothing and drops the step: it can never succeed again,
and keeping it would block every older step. One that fails for a reason that may
pass (the file locked by another program, an organization deleted since) writes
nothing and leaves the stack where it was, so that trying again later works; that
needs the window's actions to go through :func:`undo_step` / :func:`redo_step`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QUndoCommand, QUndoStack

from tracker import services
from tracker import undo as recorded
from tracker.changes import Changes
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.errors import StaleEditError, TrackerError
from ui.models.store_bus import StoreBus

Action = Callable[[], Changes]


@dataclass
class Outcome:
    """What the command did, kept outside it (Qt deletes a dropped command)."""

    changes: Changes = field(default_factory=Changes)
    error: TrackerError | None = None
    # set when an undo/redo failed but the step stays where it was: the caller moves
    # the stack's index back without running the command (see undo_step)
    kept: bool = False


class ServiceCommand(QUndoCommand):
    """Base: ``_record()`` runs the change once and returns the states before and after;
    undo and redo then put one state back while the records are still in the other."""

    def __init__(self, bus: StoreBus, text: str) -> None:
        super().__init__(text)
        self.bus = bus
        self.outcome = Outcome()
        self._before: recorded.State | None = None
        self._after: recorded.State | None = None
        self._skip = False

    def _record(self) -> tuple[recorded.State, Changes, recorded.State]:
        raise NotImplementedError

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        if self._after is None:
            try:
                self._before, changes, self._after = self._record()
            except TrackerError as exc:
                self.outcome.error = exc
                self.setObsolete(True)
                return
            self.outcome.changes = changes
            self.bus.notify(changes)
            return
        assert self._before is not None
        self._put_back(self._after, self._before, undoing=False)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        assert self._before is not None and self._after is not None
        self._put_back(self._before, self._after, undoing=True)

    def _put_back(self, target: recorded.State, expected: recorded.State, *, undoing: bool) -> None:
        try:
            changes, now = recorded.put_back(target, expected, undoing=undoing)
        except StaleEditError as exc:
            self.setObsolete(True)
            self.bus.report(exc)
            return
        except TrackerError as exc:
            self.outcome.kept = self._skip = True
            self.bus.report(exc)
            return
        if undoing:
            self._before = now
        else:
            self._after = now
        self.bus.notify(changes)


def push(stack: QUndoStack, command: ServiceCommand) -> Changes:
    """Push (which runs) the command; raise its TrackerError if it did nothing."""
    outcome = command.outcome
    stack.push(command)
    if outcome.error is not None:
        raise outcome.error
    return outcome.changes


def undo_step(stack: QUndoStack) -> None:
    """Undo the last step; if it failed but stays (busy file), the stack stays too."""
    _step(stack, stack.index() - 1, stack.undo, stack.redo)


def redo_step(stack: QUndoStack) -> None:
    """Redo the next step; if it failed but stays undone, the stack stays too."""
    _step(stack, stack.index(), stack.redo, stack.undo)


def _step(stack: QUndoStack, at: int, go: Callable[[], None], back: Callable[[], None]) -> None:
    command = stack.command(at) if 0 <= at < stack.count() else None
    if not isinstance(command, ServiceCommand):
        go()
        return
    outcome = command.outcome
    outcome.kept = False
    go()
    if outcome.kept:
        outcome.kept = False
        back()  # the command skips this call: only the index moves back


# --- the commands ---------------------------------------------------------------------------


class EditMeetingCommand(ServiceCommand):
    """A change to a meeting's own fields and attendees (not its directives)."""

    def __init__(self, bus: StoreBus, text: str, meeting_id: int, action: Action) -> None:
        super().__init__(bus, text)
        self.meeting_id = meeting_id
        self._action = action

    def _record(self) -> tuple[recorded.State, Changes, recorded.State]:
        return recorded.record(self._action, headers=[self.meeting_id])


class EditDirectivesCommand(ServiceCommand):
    """A change to existing directives (edit, status, note, extension)."""

    def __init__(self, bus: StoreBus, text: str, ids: Sequence[int], action: Action) -> None:
        super().__init__(bus, text)
        self.ids = list(dict.fromkeys(ids))
        self._action = action

    def _record(self) -> tuple[recorded.State, Changes, recorded.State]:
        return recorded.record(self._action, directives=self.ids)


class DeleteMeetingCommand(ServiceCommand):
    def __init__(self, bus: StoreBus, text: str, meeting_id: int) -> None:
        super().__init__(bus, text)
        self.meeting_id = meeting_id

    def _record(self) -> tuple[recorded.State, Changes, recorded.State]:
        return recorded.record(
            lambda: services.delete_meeting(meeting_id=self.meeting_id),
            meetings=[self.meeting_id],
        )


class DeleteDirectivesCommand(ServiceCommand):
    def __init__(self, bus: StoreBus, text: str, ids: Sequence[int]) -> None:
        super().__init__(bus, text)
        self.ids = list(dict.fromkeys(ids))

    def _record(self) -> tuple[recorded.State, Changes, recorded.State]:
        return recorded.record(
            lambda: services.delete_directives(directive_ids=self.ids), directives=self.ids
        )


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

    def _record(self) -> tuple[recorded.State, Changes, recorded.State]:
        return recorded.record(
            lambda: services.log_meeting(meeting=self._draft, directives=self._directives),
            created="meeting",
        )


class AddDirectiveCommand(ServiceCommand):
    def __init__(self, bus: StoreBus, text: str, meeting_id: int, draft: DirectiveDraft) -> None:
        super().__init__(bus, text)
        self.meeting_id = meeting_id
        self._draft = draft

    def _record(self) -> tuple[recorded.State, Changes, recorded.State]:
        return recorded.record(
            lambda: services.add_directive(meeting_id=self.meeting_id, directive=self._draft),
            created="directive",
        )


class ImportCommand(ServiceCommand):
    """An Excel import: every meeting it made or wrote into, as one undo step."""

    def __init__(self, bus: StoreBus, text: str, existing: Sequence[int], action: Action) -> None:
        super().__init__(bus, text)
        self._existing = list(existing)
        self._action = action

    def _record(self) -> tuple[recorded.State, Changes, recorded.State]:
        return recorded.record(self._action, meetings=self._existing, created="meetings")
