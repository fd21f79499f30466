"""Undo and redo as services: the same checked, single-transaction path as every write.

A step is recorded with :func:`record`, which runs the change and snapshots the records
it touches before and after, in one write transaction (nobody can slip a change in
between). :func:`put_back` then writes one of those states back, but only when the
records are still exactly as the step left them: a record another window changed
since (a ``done`` and its history entry, an edit, a note, a deletion) makes it refuse
with ``StaleEditError`` and write nothing. A lock held too long is ``DatabaseBusyError``.

The check compares the whole record as the step saw it (fields, owners, statuses,
history, extensions, topics; a meeting header with its attendees), all but the version
number and who wrote it (``changed_by``, which a refusal names): undoing a later step of
the same window writes the earlier step's record back under a new, higher version, and
the earlier step must still be undoable then. Versions only ever grow, so a window
holding an older copy always sees its edit is stale.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import peewee as pw

from tracker import attachments, exchange
from tracker.changes import Changes
from tracker.errors import StaleEditError, TrackerError
from tracker.services import _set_attendees, changed_words, new_version, service
from tracker.store.models import Attachment, Directive, Meeting, MeetingAttendee
from tracker.text import fold

Snap = dict[str, Any]
Created = Literal["meeting", "directive", "meetings"]

_HEADER_FIELDS = exchange.MEETING_FIELDS


@dataclass(frozen=True)
class State:
    """Some records at one moment. ``meetings`` are whole meetings (with their
    directives), ``headers`` a meeting's own fields and attendees only, ``directives``
    single directives; None means the record does not exist."""

    meetings: dict[int, Snap | None] = field(default_factory=dict)
    headers: dict[int, Snap | None] = field(default_factory=dict)
    directives: dict[int, Snap | None] = field(default_factory=dict)


def _header(meeting_id: int) -> Snap | None:
    m = Meeting.get_or_none(Meeting.id == meeting_id)
    if m is None:
        return None
    attendees = [
        a.organization_id
        for a in MeetingAttendee.select()
        .where(MeetingAttendee.meeting == meeting_id)
        .order_by(MeetingAttendee.id)
    ]
    out: Snap = {
        "id": m.id,
        "version": m.version,
        "changed_by": m.changed_by,
        "attendees": attendees,
        "attachments": attachments.snapshot(meeting_id=m.id),
    }
    for name in _HEADER_FIELDS:
        value = getattr(m, name)
        out[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return out


def _meeting(meeting_id: int) -> Snap | None:
    if not Meeting.select().where(Meeting.id == meeting_id).exists():
        return None
    return exchange.snapshot_meeting(meeting_id)


def _directive(directive_id: int) -> Snap | None:
    if not Directive.select().where(Directive.id == directive_id).exists():
        return None
    return exchange.snapshot_directive(directive_id)


def _take(
    meetings: Iterable[int] = (), headers: Iterable[int] = (), directives: Iterable[int] = ()
) -> State:
    return State(
        meetings={i: _meeting(i) for i in meetings},
        headers={i: _header(i) for i in headers},
        directives={i: _directive(i) for i in directives},
    )


def _same_records(state: State) -> State:
    return _take(state.meetings, state.headers, state.directives)


@service
def record(
    action: Callable[[], Changes],
    *,
    meetings: Iterable[int] = (),
    headers: Iterable[int] = (),
    directives: Iterable[int] = (),
    created: Created | None = None,
) -> tuple[State, Changes, State]:
    """Run ``action`` (a service) and snapshot the named records before and after it,
    all in one transaction. ``created`` names the kind of record the action creates
    (its id is then snapshotted too: absent before, whole after); "meetings" takes every
    meeting in the returned Changes that was not named as absent before (``meetings``
    must then name every existing meeting the action writes into)."""
    before = _take(meetings, headers, directives)
    changes = action()
    if created == "meetings":  # every meeting the action made (an import): absent before
        made = {i: None for i in changes.meeting_ids if i not in before.meetings}
        before = replace(before, meetings={**before.meetings, **made})
    elif created is not None and changes.created_id is not None:
        new = changes.created_id
        if created == "meeting":
            before = replace(before, meetings={**before.meetings, new: None})
        else:
            before = replace(before, directives={**before.directives, new: None})
    return before, changes, _same_records(before)


@service
def put_back(target: State, expected: State, *, undoing: bool = True) -> tuple[Changes, State]:
    """Write ``target`` back when the records are still as ``expected`` says; returns
    what changed and the records as now stored (the next step's ``expected``).

    Raises StaleEditError, writing nothing, when any record differs from ``expected``.
    """
    now = _same_records(expected)
    _check(now, expected, target, undoing)
    changes = Changes()
    try:
        for mid, snap in target.headers.items():
            changes |= _write_header(mid, snap, now.headers[mid])
        for mid, snap in target.meetings.items():
            changes |= _write_meeting(mid, snap, now.meetings[mid], expected.meetings.get(mid))
        for did, snap in target.directives.items():
            changes |= _write_directive(did, snap, now.directives[did])
    except pw.IntegrityError as exc:
        raise TrackerError(
            f"Không {_verb(undoing)} được: một tổ chức của nội dung này đã bị xóa sau đó. "
            "Hãy thêm lại tổ chức rồi thử lại."
        ) from exc
    return changes, _same_records(expected)


# --- the check ------------------------------------------------------------------------------


def _verb(undoing: bool) -> str:
    return "hoàn tác" if undoing else "làm lại"


_STAMP = ("version", "changed_by")  # which version, written by whom: not the record's content


def _content(snap: Snap | None) -> Any:
    """A snapshot without its version numbers and who wrote them (they change with
    every write-back)."""
    if snap is None:
        return None
    out = {k: v for k, v in snap.items() if k not in _STAMP}
    if "directives" in out:
        out["directives"] = [_content(d) for d in out["directives"]]
    return out


def _check(now: State, expected: State, target: State, undoing: bool) -> None:
    groups: tuple[tuple[str, dict[int, Snap | None], dict[int, Snap | None]], ...] = (
        ("Cuộc giao ban", now.meetings, expected.meetings),
        ("Cuộc giao ban", now.headers, expected.headers),
        ("Nội dung chỉ đạo", now.directives, expected.directives),
    )
    for what, current, wanted in groups:
        for pk, snap in wanted.items():
            if _content(current[pk]) != _content(snap):
                raise _stale(what, current[pk], snap, undoing)
    # A directive put back needs its meeting (another window may have deleted it).
    for snap in target.directives.values():
        if snap is None:
            continue
        if not Meeting.select().where(Meeting.id == snap["meeting_id"]).exists():
            raise _stale("Cuộc giao ban", None, snap, undoing)
    # A whole meeting put back where none is: its directives' ids must be free too.
    for mid, snap in target.meetings.items():
        if snap is None or now.meetings.get(mid) is not None:
            continue
        taken = [d["id"] for d in snap["directives"] if _directive(d["id"]) is not None]
        if taken:
            raise _stale("Nội dung chỉ đạo", _directive(taken[0]), None, undoing)


def _writer(current: Snap, seen: Snap) -> str | None:
    """Who wrote the version of the record (or of one of a whole meeting's directives)
    that is newer than the one seen. None when no version is newer (what changed is
    then an attachment or a reminder entry, which make no new version) or not known."""
    who = None
    if current["version"] != seen["version"]:
        who = current.get("changed_by")
    else:
        earlier = {d["id"]: d["version"] for d in seen.get("directives", ())}
        newer = [
            d
            for d in current.get("directives", ())
            if earlier.get(d["id"], d["version"]) != d["version"]
        ]
        who = newer[0].get("changed_by") if newer else None
    return str(who) if who else None


def _stale(what: str, current: Snap | None, seen: Snap | None, undoing: bool) -> StaleEditError:
    head = f"Không {_verb(undoing)} được: {what.lower()} này"
    if current is None:
        body = f"{head} vừa bị xóa ở nơi khác."
    elif seen is None:
        body = f"{head} vừa được tạo lại ở nơi khác (bản số {current['version']})."
    else:
        changed = changed_words(_writer(current, seen))
        body = (
            f"{head} {changed} ở nơi khác (bản số {current['version']}, bước này "
            f"dựa trên bản số {seen['version']})."
        )
    return StaleEditError(
        body + " Dữ liệu đã được tải lại; bước này được bỏ khỏi danh sách hoàn tác."
    )


# --- writing a state back -------------------------------------------------------------------


def _next_version(*snaps: Snap | None) -> int:
    return max([int(s["version"]) for s in snaps if s is not None] + [0]) + 1


def _write_header(mid: int, snap: Snap | None, now: Snap | None) -> Changes:
    assert snap is not None and now is not None  # a header step never creates or deletes
    fields = {name: snap[name] for name in _HEADER_FIELDS}
    Meeting.update(
        **fields, title_folded=fold(snap["title"]), **new_version(Meeting, _next_version(snap, now))
    ).where(Meeting.id == mid).execute()
    _set_attendees(mid, snap["attendees"])
    if snap.get("attachments") != now.get("attachments"):
        Attachment.delete().where(Attachment.meeting == mid).execute()
        attachments.insert_snapshot(snap.get("attachments", ()), meeting_id=mid)
    return Changes(meeting_ids=frozenset({mid}))


def _directive_ids(*snaps: Snap | None) -> frozenset[int]:
    return frozenset(d["id"] for s in snaps if s is not None for d in s["directives"])


def _write_meeting(mid: int, snap: Snap | None, now: Snap | None, seen: Snap | None) -> Changes:
    touched = Changes(meeting_ids=frozenset({mid}), directive_ids=_directive_ids(snap, now))
    Meeting.delete().where(Meeting.id == mid).execute()  # directives etc. cascade
    if snap is not None:
        old = {d["id"]: d for s in (now, seen) if s is not None for d in s["directives"]}
        fresh = dict(snap, **new_version(Meeting, _next_version(snap, now, seen)))
        fresh["directives"] = [
            dict(d, **new_version(Directive, _next_version(d, old.get(d["id"]))))
            for d in snap["directives"]
        ]
        exchange._insert_meeting(fresh)
    return touched


def _write_directive(did: int, snap: Snap | None, now: Snap | None) -> Changes:
    meeting_ids = {s["meeting_id"] for s in (snap, now) if s is not None}
    Directive.delete().where(Directive.id == did).execute()
    if snap is not None:
        fresh = {k: v for k, v in snap.items() if k != "meeting_id"}
        fresh.update(new_version(Directive, _next_version(snap, now)))
        exchange._insert_directive(snap["meeting_id"], fresh)
    return Changes(meeting_ids=frozenset(meeting_ids), directive_ids=frozenset({did}))
