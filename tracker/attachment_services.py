"""Attaching and detaching files: services (one write transaction each, returning
``Changes``), undoable in the window through ``tracker.undo`` like every edit.

The file is read before the transaction (``attachments.read_upload``), so a 25 MB
read never holds the write lock, and a refused file writes nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

from tracker import attachments
from tracker.changes import Changes
from tracker.errors import NotFoundError, ValidationError
from tracker.services import _tell_other_clients, service
from tracker.store.models import Attachment, Directive, Meeting
from tracker.store.pg import is_postgres
from tracker.store.proxy import database


@dataclass(frozen=True)
class Attached:
    """What ``attach`` did: the new attachment's id, and whether its bytes were
    stored (False: the same content was already there, stored once)."""

    attachment_id: int
    stored: bool
    changes: Changes


def _owner_changes(meeting_id: int | None, directive_id: int | None) -> Changes:
    if directive_id is not None:
        d = Directive.select(Directive.meeting).where(Directive.id == directive_id).first()
        if d is None:
            raise NotFoundError(
                f"Không có nội dung chỉ đạo mã số {directive_id}. {attachments.NOTHING_DONE}"
            )
        return Changes(
            meeting_ids=frozenset({d.meeting_id}), directive_ids=frozenset({directive_id})
        )
    if meeting_id is None or not Meeting.select().where(Meeting.id == meeting_id).exists():
        raise NotFoundError(
            f"Không có cuộc giao ban mã số {meeting_id}. {attachments.NOTHING_DONE}"
        )
    return Changes(meeting_ids=frozenset({meeting_id}))


@service
def attach(
    *,
    file_name: str,
    data: bytes,
    meeting_id: int | None = None,
    directive_id: int | None = None,
    on: date | None = None,
) -> Attached:
    """Attach ``data`` under ``file_name`` to a meeting or to a directive (exactly one)."""
    if (meeting_id is None) == (directive_id is None):
        raise ValidationError("Tệp đính kèm phải thuộc một cuộc giao ban hoặc một nội dung.")
    name = attachments.safe_name(file_name)
    if len(data) > attachments.MAX_BYTES:
        raise ValidationError(attachments.too_large_message(name, len(data)))
    changes = _owner_changes(meeting_id, directive_id)
    content_id, stored = attachments.store_content(data)
    new = Attachment.insert(
        meeting=meeting_id,
        directive=directive_id,
        content=content_id,
        file_name=name,
        size=len(data),
        media_type=attachments.media_type(name),
        attached_on=on or date.today(),
    ).execute()
    changes = Changes(
        meeting_ids=changes.meeting_ids, directive_ids=changes.directive_ids, created_id=int(new)
    )
    if is_postgres(database):  # the service wrapper tells them of a returned Changes only
        _tell_other_clients(changes)
    return Attached(int(new), stored, changes)


def attach_file(
    path: str | os.PathLike[str],
    *,
    meeting_id: int | None = None,
    directive_id: int | None = None,
) -> Attached:
    """Read the file at ``path`` (refusing a folder, a device, one over 25 MB) and attach it."""
    name, data = attachments.read_upload(path)
    return attach(file_name=name, data=data, meeting_id=meeting_id, directive_id=directive_id)


@service
def detach(*, attachment_id: int, purge: bool = False) -> Changes:
    """Remove one attachment. Its bytes stay while an undo may put it back; with
    ``purge`` (the command line, which has no undo) a content nothing names is deleted."""
    a = Attachment.get_or_none(Attachment.id == attachment_id)
    if a is None:
        raise NotFoundError(
            f"Không có tệp đính kèm mã số {attachment_id} (có thể vừa bị gỡ ở nơi khác). "
            "Chưa thay đổi gì."
        )
    changes = _owner_changes(a.meeting_id, a.directive_id)
    a.delete_instance()
    if purge:
        attachments.purge_unused()
    return changes


@service
def purge_unused_contents() -> int:
    """Delete the stored contents no attachment names (after the undo steps are gone)."""
    return attachments.purge_unused()
