"""Every change to the data: one typed function each, one transaction each,
each returning the ``Changes`` it made.

Close to 900 lines on purpose: the writes share the validation helpers and the status
cache rewrite at the top, and one file is the one place to find every write.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, ParamSpec, TypeVar

import peewee as pw

from tracker.changes import Changes
from tracker.dates import format_date
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.errors import (
    InUseError,
    NotFoundError,
    StaleEditError,
    ValidationError,
)
from tracker.quarters import Quarter, format_deadline
from tracker.rows import HistoryKind, Role, Status
from tracker.settings import ReportSettings
from tracker.status import chase_entry_text, derive_status, status_entry_text
from tracker.store import integrity
from tracker.store.dbfile import SAVED_NOTHING, damaged_error, disk_full_as_message
from tracker.store.models import (
    Assignment,
    Directive,
    DirectiveTopic,
    Extension,
    HistoryEntry,
    Meeting,
    MeetingAttendee,
    Organization,
    Setting,
    Topic,
)
from tracker.store.pg import insert_many, is_postgres, notify_changes, server_error
from tracker.store.proxy import database
from tracker.store.transaction import writing
from tracker.store.who import current_who
from tracker.text import clean, fold, unprintable

P = ParamSpec("P")
R = TypeVar("R")

MAX_CONTENT = 10_000
MAX_SHORT = 500
MAX_NOTES = 50_000
EARLIEST_MEETING = date(1945, 1, 1)
FUTURE_DAYS_ALLOWED = 366


def service(fn: Callable[P, R]) -> Callable[P, R]:
    """Run ``fn`` in one write transaction; a lock held too long, a full disk or a
    damaged file becomes a plain message instead of SQLite's words. Nothing is
    written into a file found damaged (tracker.store.integrity)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        where = _db_file()
        integrity.refuse_if_damaged(where)  # a large file found damaged after opening
        try:
            with disk_full_as_message(where, SAVED_NOTHING), writing("Chưa lưu được"):
                result = fn(*args, **kwargs)
                if isinstance(result, Changes) and is_postgres(database):
                    _tell_other_clients(result)
                return result
        except (pw.DatabaseError, pw.InterfaceError, sqlite3.DatabaseError) as exc:
            server = server_error(database.obj, exc)
            if server is not None:
                raise server from exc
            if integrity.note_damage(exc, where):
                raise damaged_error(where) from exc
            raise

    return wrapper


def _tell_other_clients(changes: Changes) -> None:
    """Other windows on the same server refresh what this write touched (pg.Listener)."""
    if changes.empty:
        return
    notify_changes(
        database.obj,
        {
            "m": sorted(changes.meeting_ids),
            "d": sorted(changes.directive_ids),
            "o": sorted(changes.organization_ids),
            "s": changes.settings,
        },
    )


def changes_from_payload(payload: dict[str, Any]) -> Changes | None:
    """The Changes another client's write announced; None for "reread everything"."""
    if payload.get("all"):
        return None
    return Changes(
        meeting_ids=frozenset(int(i) for i in payload.get("m", ())),
        directive_ids=frozenset(int(i) for i in payload.get("d", ())),
        organization_ids=frozenset(int(i) for i in payload.get("o", ())),
        settings=bool(payload.get("s")),
    )


def _db_file() -> str | None:
    if is_postgres(database):
        return None  # a server database: no file to check
    return getattr(database.obj, "database", None)


# --- validation -----------------------------------------------------------------------------


def _text(value: str, *, field: str, label: str, required: bool, limit: int) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"{label} phải là chữ.", field=field)
    text = clean(value)
    _printable(text, field=field, label=label)
    if required and not text:
        raise ValidationError(f"{label} không được để trống.", field=field)
    if len(text) > limit:
        raise ValidationError(f"{label} quá dài (tối đa {limit} ký tự).", field=field)
    return text


def _printable(text: str, *, field: str, label: str) -> None:
    code = unprintable(text)
    if code:
        raise ValidationError(
            f"{label} có ký tự điều khiển không in được ({code}), văn bản Word/Excel không "
            "chứa được: hãy xóa ký tự đó rồi lưu lại.",
            field=field,
        )


def _notes(value: str, *, field: str, label: str) -> str:
    text = value.strip() if isinstance(value, str) else ""
    _printable(text, field=field, label=label)
    if len(text) > MAX_NOTES:
        raise ValidationError(f"{label} quá dài (tối đa {MAX_NOTES} ký tự).", field=field)
    return text


def _check_meeting_date(held_on: date, today: date | None = None) -> None:
    today = today or date.today()
    if not isinstance(held_on, date):
        raise ValidationError("Ngày giao ban không hợp lệ.", field="held_on")
    if held_on < EARLIEST_MEETING:
        raise ValidationError("Ngày giao ban phải từ năm 1945 trở đi.", field="held_on")
    if (held_on - today).days > FUTURE_DAYS_ALLOWED:
        raise ValidationError(
            f"Ngày giao ban {format_date(held_on)} ở quá xa trong tương lai; hãy kiểm tra lại năm.",
            field="held_on",
        )


def _check_done_date(on: date) -> None:
    """A done date is a day that has happened (the meeting-date check comes per directive)."""
    if not isinstance(on, date):
        raise ValidationError("Ngày hoàn thành không hợp lệ.", field="done_on")
    if on > date.today():
        raise ValidationError(
            f"Ngày hoàn thành {format_date(on)} chưa tới; hãy kiểm tra lại.", field="done_on"
        )


def _as_date(value: object) -> date:
    """A date read back through an aggregate (SQLite returns it as text)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _check_orgs(
    ids: Iterable[int], *, field: str, known: frozenset[int] | None = None
) -> list[int]:
    """The ids once each, in order; an id of no organization is refused. ``known`` is
    the set of every organization id, read once when many rows are checked."""
    unique = list(dict.fromkeys(int(i) for i in ids))
    if known is not None and all(i in known for i in unique):
        return unique
    if unique:
        found = {
            o.id for o in Organization.select(Organization.id).where(Organization.id.in_(unique))
        }
        missing = [i for i in unique if i not in found]
        if missing:
            raise ValidationError(
                f"Không có tổ chức mã số {', '.join(map(str, missing))}.", field=field
            )
    return unique


def _check_directive(
    draft: DirectiveDraft, known: frozenset[int] | None = None
) -> tuple[str, list[int], list[int]]:
    content = _text(
        draft.content, field="content", label="Nội dung chỉ đạo", required=True, limit=MAX_CONTENT
    )
    leads = _check_orgs(draft.lead_ids, field="leads", known=known)
    if not leads:
        raise ValidationError("Hãy chọn ít nhất một cơ quan chủ trì.", field="leads")
    supports = [
        i for i in _check_orgs(draft.support_ids, field="supports", known=known) if i not in leads
    ]
    if draft.due is not None and not isinstance(draft.due, Quarter):
        raise ValidationError("Thời hạn không hợp lệ.", field="due")
    return content, leads, supports


def _get(model: type[pw.Model], pk: int, what: str) -> pw.Model:
    obj = model.get_or_none(model.id == pk)
    if obj is None:
        raise NotFoundError(f"Không tìm thấy {what} mã số {pk}.")
    return obj


def new_version(
    model: type[Meeting] | type[Directive], number: int | None = None
) -> dict[str, Any]:
    """The fields every write of a meeting or a directive sets: the next version number
    (one up, or ``number``) and the login writing it, whom a stale edit names."""
    version = model.version + 1 if number is None else number
    return {"version": version, "changed_by": current_who()}


def changed_words(who: str | None) -> str:
    """How a stale-edit message says the record was changed: by whom, when known."""
    return f"đã được {who} thay đổi" if who else "vừa được sửa"


def _check_version(obj: Meeting | Directive, expected: int | None, what: str) -> None:
    if expected is not None and obj.version != expected:
        raise StaleEditError(
            f"{what} này {changed_words(obj.changed_by)} ở nơi khác (bản số {obj.version}, "
            f"bạn đang sửa bản số {expected}). Dữ liệu đã được tải lại; hãy xem và sửa lại."
        )


def _history(
    directive_id: int, kind: HistoryKind, text: str, on: date, org_id: int | None = None
) -> None:
    HistoryEntry.create(
        directive=directive_id, kind=kind.value, text=text, happened_on=on, organization=org_id
    )


# --- meetings -------------------------------------------------------------------------------


def _meeting_fields(draft: MeetingDraft) -> dict[str, object]:
    _check_meeting_date(draft.held_on)
    title = _text(draft.title, field="title", label="Tiêu đề", required=True, limit=MAX_SHORT)
    return {
        "held_on": draft.held_on,
        "title": title,
        "title_folded": fold(title),
        "chair_name": _text(
            draft.chair_name,
            field="chair_name",
            label="Người chủ trì",
            required=False,
            limit=MAX_SHORT,
        ),
        "chair_position": _text(
            draft.chair_position,
            field="chair_position",
            label="Chức vụ",
            required=False,
            limit=MAX_SHORT,
        ),
        "reviewed_quarter": draft.reviewed_quarter.iso if draft.reviewed_quarter else None,
        "notes": _notes(draft.notes, field="notes", label="Ghi chú"),
        "notice_ref": _text(
            draft.notice_ref,
            field="notice_ref",
            label="Số thông báo",
            required=False,
            limit=MAX_SHORT,
        ),
    }


def _set_attendees(meeting_id: int, ids: Sequence[int]) -> None:
    MeetingAttendee.delete().where(MeetingAttendee.meeting == meeting_id).execute()
    rows = [{"meeting": meeting_id, "organization": i} for i in ids]
    if rows:
        MeetingAttendee.insert_many(rows).execute()


@service
def log_meeting(
    *, meeting: MeetingDraft, directives: Sequence[DirectiveDraft] = (), today: date | None = None
) -> Changes:
    """Save a new giao ban and the directives issued at it, all or nothing.

    The tasks are given at the giao ban: their "Giao nhiệm vụ" history entries are
    dated on the giao ban's day (``today`` overrides it), also when it is logged
    weeks later, so they come before any progress reported since.
    """
    fields = _meeting_fields(meeting)
    attendees = _check_orgs(meeting.attendee_ids, field="attendees")
    known = frozenset(o.id for o in Organization.select(Organization.id)) if directives else None
    # every row checked before any write
    checked = [_check_directive(d, known) for d in directives]
    m = Meeting.create(**fields)
    _set_attendees(m.id, attendees)
    ids = _insert_new_directives(m.id, directives, checked, today or meeting.held_on)
    return Changes(meeting_ids=frozenset({m.id}), directive_ids=frozenset(ids), created_id=m.id)


def _insert_new_directives(
    meeting_id: int,
    drafts: Sequence[DirectiveDraft],
    checked: Sequence[tuple[str, list[int], list[int]]],
    on: date,
) -> list[int]:
    """The directives of a new meeting, as ``_insert_directive`` writes each, in a few
    statements: a meeting of thousands of rows (an Excel import) takes seconds, not minutes."""
    if not drafts:
        return []
    status, done_on = derive_status([(Status.OPEN, None)])  # every lead starts open
    who = current_who()
    insert_many(
        database,
        "INSERT INTO directive (meeting_id, position, content, content_folded, due_quarter, "
        "original_due, status, done_on, version, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
        [
            (meeting_id, pos, c, fold(c), d.due.iso if d.due else None,
             d.due.iso if d.due else None, status.value, done_on, who)
            for pos, (d, (c, _, _)) in enumerate(zip(drafts, checked, strict=True), 1)
        ],
    )  # fmt: skip
    by_pos = dict(
        database.execute_sql(
            "SELECT position, id FROM directive WHERE meeting_id = ?", (meeting_id,)
        ).fetchall()
    )
    ids = [int(by_pos[pos]) for pos in range(1, len(drafts) + 1)]
    owners = []
    for did, (_, leads, supports) in zip(ids, checked, strict=True):
        wanted = {**{o: Role.LEAD for o in leads}, **{o: Role.SUPPORT for o in supports}}
        owners += [
            (did, org, role.value, pos, Status.OPEN.value, "")
            for pos, (org, role) in enumerate(wanted.items())
        ]
    insert_many(
        database,
        "INSERT INTO assignment (directive_id, organization_id, role, position, status, "
        "result_note) VALUES (?, ?, ?, ?, ?, ?)",
        owners,
    )
    insert_many(
        database,
        "INSERT INTO history_entry (directive_id, kind, happened_on, organization_id, text, "
        "who) VALUES (?, ?, ?, NULL, ?, ?)",
        [
            (did, HistoryKind.CREATED.value, on.isoformat(),
             f"Giao nhiệm vụ, thời hạn: {format_deadline(d.due)}", who)
            for did, d in zip(ids, drafts, strict=True)
        ],
    )  # fmt: skip
    for did, d in zip(ids, drafts, strict=True):
        if d.topics:
            _set_topics(did, d.topics)
    return ids


@service
def update_meeting(
    *, meeting_id: int, meeting: MeetingDraft, expected_version: int | None = None
) -> Changes:
    """Edit a meeting's header (not its directives)."""
    m = _get(Meeting, meeting_id, "cuộc giao ban")
    _check_version(m, expected_version, "Cuộc giao ban")
    fields = _meeting_fields(meeting)
    attendees = _check_orgs(meeting.attendee_ids, field="attendees")
    first_done = (
        Assignment.select(pw.fn.MIN(Assignment.done_on))
        .join(Directive)
        .where((Directive.meeting == m.id) & Assignment.done_on.is_null(False))
        .scalar()
    )
    if first_done is not None and meeting.held_on > _as_date(first_done):
        raise ValidationError(
            f"Ngày giao ban {format_date(meeting.held_on)} sau ngày hoàn thành "
            f"{format_date(_as_date(first_done))} của một nội dung chỉ đạo; hãy kiểm tra lại.",
            field="held_on",
        )
    Meeting.update(**fields, **new_version(Meeting)).where(Meeting.id == m.id).execute()
    _set_attendees(m.id, attendees)
    old_day = _as_date(m.held_on)
    if meeting.held_on != old_day:  # a corrected date moves the "Giao nhiệm vụ" entries too
        ids = Directive.select(Directive.id).where(Directive.meeting == m.id)
        HistoryEntry.update(happened_on=meeting.held_on).where(
            HistoryEntry.directive.in_(ids)
            & (HistoryEntry.kind == HistoryKind.CREATED.value)
            & (HistoryEntry.happened_on == old_day)
        ).execute()
        return Changes(meeting_ids=frozenset({m.id}), directive_ids=frozenset(d.id for d in ids))
    return Changes(meeting_ids=frozenset({m.id}))


@service
def delete_meeting(*, meeting_id: int) -> Changes:
    """Delete a meeting with its directives and their follow-up."""
    m = _get(Meeting, meeting_id, "cuộc giao ban")
    ids = [d.id for d in Directive.select(Directive.id).where(Directive.meeting == m.id)]
    m.delete_instance()  # directives, assignments, history cascade
    return Changes(meeting_ids=frozenset({meeting_id}), directive_ids=frozenset(ids))


# --- directives -----------------------------------------------------------------------------


def _insert_directive(
    meeting_id: int,
    position: int,
    draft: DirectiveDraft,
    content: str,
    leads: list[int],
    supports: list[int],
    on: date,
) -> int:
    due = draft.due.iso if draft.due else None
    d = Directive.create(
        meeting=meeting_id,
        position=position,
        content=content,
        content_folded=fold(content),
        due_quarter=due,
        original_due=due,
    )
    _set_owners(d.id, leads, supports)
    _set_topics(d.id, draft.topics)
    _history(
        d.id, HistoryKind.CREATED, f"Giao nhiệm vụ, thời hạn: {format_deadline(draft.due)}", on
    )
    return int(d.id)


def _set_owners(directive_id: int, leads: list[int], supports: list[int]) -> None:
    """Replace the owners, keeping the progress of organizations that stay leads."""
    existing = {
        a.organization_id: a
        for a in Assignment.select().where(Assignment.directive == directive_id)
    }
    wanted = {**{o: Role.LEAD for o in leads}, **{o: Role.SUPPORT for o in supports}}
    gone = [o for o in existing if o not in wanted]
    if gone:
        Assignment.delete().where(
            (Assignment.directive == directive_id) & Assignment.organization.in_(gone)
        ).execute()
    for pos, (org_id, role) in enumerate(wanted.items()):
        a = existing.get(org_id)
        if a is None:
            Assignment.create(
                directive=directive_id, organization=org_id, role=role.value, position=pos
            )
        elif a.role != role.value or a.position != pos:
            fields: dict[str, object] = {"role": role.value, "position": pos}
            if role is Role.SUPPORT:  # a supporting organization has no status of its own
                fields.update(status=Status.OPEN.value, done_on=None)
            Assignment.update(**fields).where(Assignment.id == a.id).execute()
    _refresh_status(directive_id)


def _set_topics(directive_id: int, topics: Iterable[str]) -> None:
    """Link the topics, reusing one already typed in other case or without diacritics
    ("bau cu" is "Bầu cử"), so that filtering by a topic finds every directive."""
    DirectiveTopic.delete().where(DirectiveTopic.directive == directive_id).execute()
    wanted: dict[str, str] = {}
    for t in topics:
        name = clean(t)[:MAX_SHORT].strip()
        _printable(name, field="topics", label="Chủ đề")
        if name:
            wanted.setdefault(fold(name), name)
    if not wanted:
        return
    existing = {fold(t.name): t.id for t in Topic.select(Topic.id, Topic.name)}
    for key, name in wanted.items():
        topic_id = existing.get(key)
        if topic_id is None:
            topic_id = existing[key] = Topic.create(name=name).id
        DirectiveTopic.create(directive=directive_id, topic=topic_id)


def _refresh_status(directive_id: int) -> None:
    """Rewrite the directive's cached status from its leads' statuses."""
    leads = [
        (Status(a.status), a.done_on)
        for a in Assignment.select(Assignment.status, Assignment.done_on).where(
            (Assignment.directive == directive_id) & (Assignment.role == Role.LEAD.value)
        )
    ]
    status, done_on = derive_status(leads)
    Directive.update(status=status.value, done_on=done_on).where(
        Directive.id == directive_id
    ).execute()


@service
def add_directive(
    *, meeting_id: int, directive: DirectiveDraft, today: date | None = None
) -> Changes:
    """Add a directive at the end of a meeting's list (its "Giao nhiệm vụ" entry
    dated on the giao ban's day unless ``today`` is given)."""
    m = _get(Meeting, meeting_id, "cuộc giao ban")
    content, leads, supports = _check_directive(directive)
    last = (
        Directive.select(pw.fn.MAX(Directive.position)).where(Directive.meeting == meeting_id)
    ).scalar() or 0
    new_id = _insert_directive(
        meeting_id, last + 1, directive, content, leads, supports, today or _as_date(m.held_on)
    )
    return Changes(
        meeting_ids=frozenset({meeting_id}), directive_ids=frozenset({new_id}), created_id=new_id
    )


@service
def update_directive(
    *,
    directive_id: int,
    directive: DirectiveDraft,
    expected_version: int | None = None,
    today: date | None = None,
) -> Changes:
    """Edit content, owners, topics and deadline. A deadline changed here is a
    correction; use ``extend_deadline`` for a gia hạn."""
    d = _get(Directive, directive_id, "nội dung chỉ đạo")
    _check_version(d, expected_version, "Nội dung chỉ đạo")
    content, leads, supports = _check_directive(directive)
    due = directive.due.iso if directive.due else None
    fields: dict[str, object] = {
        "content": content,
        "content_folded": fold(content),
        "due_quarter": due,
        **new_version(Directive),
    }
    if due != d.due_quarter and not d.extensions.exists():
        fields["original_due"] = due
    Directive.update(**fields).where(Directive.id == d.id).execute()
    _set_owners(d.id, leads, supports)
    _set_topics(d.id, directive.topics)
    if content != d.content or due != d.due_quarter:
        _history(d.id, HistoryKind.EDITED, "Sửa nội dung hoặc thời hạn", today or date.today())
    return Changes(meeting_ids=frozenset({d.meeting_id}), directive_ids=frozenset({d.id}))


@service
def delete_directive(*, directive_id: int) -> Changes:
    """Delete one directive and its follow-up; the others keep their numbers' order."""
    d = _get(Directive, directive_id, "nội dung chỉ đạo")
    meeting_id = d.meeting_id
    d.delete_instance()
    return Changes(meeting_ids=frozenset({meeting_id}), directive_ids=frozenset({directive_id}))


@service
def delete_directives(*, directive_ids: Sequence[int]) -> Changes:
    """Delete several directives and their follow-up, all or none: one that is gone
    (deleted meanwhile in another window) refuses the whole delete."""
    ids = list(dict.fromkeys(directive_ids))
    found = {
        d.id: d.meeting_id
        for d in Directive.select(Directive.id, Directive.meeting).where(Directive.id.in_(ids))
    }
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(
            f"Không xóa được: {len(missing)} nội dung chỉ đạo đang chọn vừa bị xóa ở nơi "
            "khác. Chưa xóa nội dung nào; hãy tải lại (F5) rồi chọn lại."
        )
    for i in ids:
        Directive.delete_by_id(i)
    return Changes(meeting_ids=frozenset(found.values()), directive_ids=frozenset(ids))


@service
def move_directive(*, directive_id: int, new_position: int) -> Changes:
    """Move a directive within its meeting (positions are 1-based)."""
    d = _get(Directive, directive_id, "nội dung chỉ đạo")
    ids = [
        x.id
        for x in Directive.select(Directive.id)
        .where(Directive.meeting == d.meeting_id)
        .order_by(Directive.position, Directive.id)
    ]
    ids.remove(d.id)
    ids.insert(max(0, min(new_position - 1, len(ids))), d.id)
    for pos, i in enumerate(ids, 1):
        Directive.update(position=pos).where(Directive.id == i).execute()
    return Changes(meeting_ids=frozenset({d.meeting_id}), directive_ids=frozenset(ids))


# --- follow-up ------------------------------------------------------------------------------


@service
def set_status(
    *,
    directive_ids: Sequence[int],
    status: Status,
    on: date | None = None,
    note: str = "",
    organization_id: int | None = None,
    source: str = "",
) -> Changes:
    """Set the status of every lead organization of the directives (or of one
    organization only), recording it in each directive's history (with ``source``,
    "Theo báo cáo của …", when the change comes from an organization's report)."""
    on = on or date.today()
    status = Status(status)
    if status is Status.DONE:
        _check_done_date(on)
    note = _notes(note, field="note", label="Kết quả")
    touched: set[int] = set()
    meetings: set[int] = set()
    for directive_id in dict.fromkeys(directive_ids):
        d = _get(Directive, directive_id, "nội dung chỉ đạo")
        if status is Status.DONE and on < d.meeting.held_on:
            raise ValidationError(
                f"Ngày hoàn thành {format_date(on)} trước ngày giao ban "
                f"{format_date(d.meeting.held_on)}.",
                field="done_on",
            )
        query = Assignment.select().where(
            (Assignment.directive == d.id) & (Assignment.role == Role.LEAD.value)
        )
        if organization_id is not None:
            query = query.where(Assignment.organization == organization_id)
            if not query.exists():
                org = _get(Organization, organization_id, "tổ chức")
                raise ValidationError(
                    f"{org.short_name} không phải cơ quan chủ trì của nội dung này.",
                    field="organization",
                )
        fields: dict[str, object] = {
            "status": status.value,
            "done_on": on if status is Status.DONE else None,
        }
        if status is Status.DONE or note:
            fields["result_note"] = note
        Assignment.update(**fields).where(Assignment.id.in_([a.id for a in query])).execute()
        _refresh_status(d.id)
        Directive.update(**new_version(Directive)).where(Directive.id == d.id).execute()
        text = status_entry_text(status, note, format_date(on), source)
        _history(d.id, HistoryKind.STATUS, text, on, organization_id)
        touched.add(d.id)
        meetings.add(d.meeting_id)
    return Changes(meeting_ids=frozenset(meetings), directive_ids=frozenset(touched))


def mark_done(
    *,
    directive_ids: Sequence[int],
    on: date | None = None,
    note: str = "",
    organization_id: int | None = None,
) -> Changes:
    return set_status(
        directive_ids=directive_ids,
        status=Status.DONE,
        on=on,
        note=note,
        organization_id=organization_id,
    )


def reopen(*, directive_ids: Sequence[int], organization_id: int | None = None) -> Changes:
    return set_status(
        directive_ids=directive_ids, status=Status.OPEN, organization_id=organization_id
    )


def cancel(
    *,
    directive_ids: Sequence[int],
    reason: str = "",
    organization_id: int | None = None,
    on: date | None = None,
) -> Changes:
    return set_status(
        directive_ids=directive_ids,
        status=Status.CANCELLED,
        on=on,
        note=reason,
        organization_id=organization_id,
    )


@service
def add_note(
    *, directive_id: int, text: str, organization_id: int | None = None, on: date | None = None
) -> Changes:
    """Record a progress note (tiến độ) reported by an organization."""
    d = _get(Directive, directive_id, "nội dung chỉ đạo")
    note = _text(text, field="note", label="Nội dung tiến độ", required=True, limit=MAX_CONTENT)
    if organization_id is not None:
        _get(Organization, organization_id, "tổ chức")
    _history(d.id, HistoryKind.NOTE, note, on or date.today(), organization_id)
    Directive.update(**new_version(Directive)).where(Directive.id == d.id).execute()
    return Changes(meeting_ids=frozenset({d.meeting_id}), directive_ids=frozenset({d.id}))


@service
def record_chase(
    *, directive_ids: Sequence[int], organization_id: int, reference: str, on: date
) -> Changes:
    """Record in each directive's history that a reminder letter ``reference`` issued
    ``on`` listed it for ``organization_id``: "Đôn đốc lần N — công văn số …", N counting
    the letters that organization was sent about it."""
    _get(Organization, organization_id, "tổ chức")
    ids = list(dict.fromkeys(directive_ids))
    found = {d.id: d.meeting_id for d in Directive.select(Directive.id, Directive.meeting)
             .where(Directive.id.in_(ids))}  # fmt: skip
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(f"Không có nội dung chỉ đạo mã số {missing[0]}.")
    earlier: dict[int, int] = dict(
        HistoryEntry.select(HistoryEntry.directive, pw.fn.COUNT(HistoryEntry.id))
        .where(
            HistoryEntry.directive.in_(ids)
            & (HistoryEntry.kind == HistoryKind.CHASED.value)
            & (HistoryEntry.organization == organization_id)
        )
        .group_by(HistoryEntry.directive)
        .tuples()
    )
    day = format_date(on)
    HistoryEntry.insert_many(
        [
            {
                "directive": i,
                "kind": HistoryKind.CHASED.value,
                "text": chase_entry_text(earlier.get(i, 0) + 1, reference, day),
                "happened_on": on,
                "organization": organization_id,
            }
            for i in ids
        ]
    ).execute()
    return Changes(meeting_ids=frozenset(found.values()), directive_ids=frozenset(ids))


@service
def extend_deadline(
    *, directive_id: int, new_due: Quarter, reason: str, on: date | None = None
) -> Changes:
    """Gia hạn: move the deadline to a later quarter, remembering the old one."""
    d = _get(Directive, directive_id, "nội dung chỉ đạo")
    reason = _text(reason, field="reason", label="Lý do gia hạn", required=True, limit=MAX_CONTENT)
    if d.due_quarter is None:
        raise ValidationError("Nội dung thường xuyên không có thời hạn để gia hạn.", field="due")
    old = Quarter.from_iso(d.due_quarter)
    if not isinstance(new_due, Quarter) or new_due <= old:
        raise ValidationError(f"Thời hạn mới phải sau {old}.", field="due")
    on = on or date.today()
    Extension.create(
        directive=d.id, old_quarter=old.iso, new_quarter=new_due.iso, extended_on=on, reason=reason
    )
    Directive.update(
        due_quarter=new_due.iso,
        original_due=d.original_due or old.iso,
        **new_version(Directive),
    ).where(Directive.id == d.id).execute()
    _history(d.id, HistoryKind.EXTENSION, f"Gia hạn từ {old} đến {new_due}: {reason}", on)
    return Changes(meeting_ids=frozenset({d.meeting_id}), directive_ids=frozenset({d.id}))


# --- organizations --------------------------------------------------------------------------


def _org_names(name: str, short_name: str, exclude_id: int | None = None) -> tuple[str, str]:
    name = _text(name, field="name", label="Tên tổ chức", required=True, limit=MAX_SHORT)
    short = _text(
        short_name, field="short_name", label="Tên viết tắt", required=True, limit=MAX_SHORT
    )
    # Compared folded, in Python: SQLite's lower() leaves "Đ", "Ộ"… as they are, and
    # names equal but for case or diacritics would make the export refuse to import
    # and "--org" ambiguous.
    others = [
        (fold(o.name), fold(o.short_name))
        for o in Organization.select(Organization.name, Organization.short_name).where(
            Organization.id != (exclude_id if exclude_id is not None else -1)
        )
    ]
    for value, index, label, field in (
        (name, 0, "Tên", "name"),
        (short, 1, "Tên viết tắt", "short_name"),
    ):
        if any(fold(value) == names[index] for names in others):
            raise ValidationError(f'{label} "{value}" đã có trong danh sách.', field=field)
    return name, short


@service
def add_organization(*, name: str, short_name: str) -> Changes:
    name, short = _org_names(name, short_name)
    last = Organization.select(pw.fn.MAX(Organization.position)).scalar() or 0
    org = Organization.create(name=name, short_name=short, position=last + 1)
    return Changes(organization_ids=frozenset({org.id}), created_id=org.id)


@service
def rename_organization(*, organization_id: int, name: str, short_name: str) -> Changes:
    """Correct an organization's name everywhere. For a reorganization that old
    records must not show, add a new organization and deactivate this one."""
    org = _get(Organization, organization_id, "tổ chức")
    name, short = _org_names(name, short_name, exclude_id=org.id)
    Organization.update(name=name, short_name=short).where(Organization.id == org.id).execute()
    return Changes(organization_ids=frozenset({org.id}))


@service
def reorder_organizations(*, organization_ids: Sequence[int]) -> Changes:
    """Set the display order: the given ids first, in that order."""
    ids = _check_orgs(organization_ids, field="order")
    rest = [
        o.id
        for o in Organization.select(Organization.id)
        .where(Organization.id.not_in(ids))
        .order_by(Organization.position, Organization.id)
    ]
    for pos, org_id in enumerate(ids + rest, 1):
        Organization.update(position=pos).where(Organization.id == org_id).execute()
    return Changes(organization_ids=frozenset(ids + rest))


@service
def set_organization_active(*, organization_id: int, active: bool) -> Changes:
    org = _get(Organization, organization_id, "tổ chức")
    Organization.update(active=bool(active)).where(Organization.id == org.id).execute()
    return Changes(organization_ids=frozenset({org.id}))


@service
def delete_organization(*, organization_id: int) -> Changes:
    """Delete an organization that nothing refers to."""
    org = _get(Organization, organization_id, "tổ chức")
    used = (
        Assignment.select().where(Assignment.organization == org.id).exists()
        or MeetingAttendee.select().where(MeetingAttendee.organization == org.id).exists()
    )
    if used:
        raise InUseError(
            f"{org.short_name} đã có trong các cuộc giao ban hoặc nội dung chỉ đạo nên không xóa "
            "được. Có thể ngừng sử dụng tổ chức này thay vì xóa."
        )
    org.delete_instance()
    return Changes(organization_ids=frozenset({organization_id}))


# --- settings -------------------------------------------------------------------------------


@service
def save_settings(*, settings: ReportSettings) -> Changes:
    for key, value in settings.to_strings().items():
        _notes(value, field=key, label="Thiết lập")
        Setting.insert(key=key, value=value).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: value}
        ).execute()
    return Changes(settings=True)
