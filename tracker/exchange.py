"""The complete JSON form of a database, and snapshots of single records for undo.

Over 600 lines on purpose: the writer, the validator and the reader of one file format
are kept together so that a field added to one is seen missing from the others.

File format (``"format": "giaoban"``, ``"version": 1``), all keys required::

    organizations: [{id, name, short_name, position, active}]
    groups:        [{id, name, short_name, position, members: [organization id]}]
    settings:      {key: text}
    meetings:      [{id, held_on "YYYY-MM-DD", title, chair_name, chair_position,
                     reviewed_quarter "2021-Q1"|null, notes, notice_ref, version,
                     changed_by (optional: the login that wrote this version, schema 4),
                     attendees: [organization id],
                     directives: [{id, position, content, due_quarter|null,
                                   original_due|null, version, changed_by (optional,
                                   as the meeting's), topics: [text],
                                   owners: [{organization_id, role "lead"|"support",
                                             position, status, done_on|null, result_note}],
                                   extensions: [{old_quarter, new_quarter, extended_on,
                                                 reason}],
                                   history: [{kind, happened_on, organization_id|null,
                                              text, who (optional: the login that
                                              made it, schema 3)}],
                                   attachments: [...]}],
                     attachments: [{id, file_name, size, media_type,
                                    attached_on, sha256}]}]
    attachment_contents: {sha256: base64 of the bytes}

The ``attachments`` and ``attachment_contents`` keys (schema 3) may be absent, as in
files written before them.

Size: a file holds at most ``MAX_DATA_BYTES`` of data (the file less its attachments'
base64) and ``MAX_CONTENTS_BYTES`` of attachments (their bytes, all together). The
export refuses to write more than that, so every file the program writes reads back;
the import refuses a bigger file before reading it. Both limits bound the memory an
import takes (the whole file is parsed at once: about three times its size).

A directive's status and done date are not in the file: they follow from its
owners' statuses and are recomputed on import.

Import trusts nothing in the file: it is parsed strictly (no NaN/Infinity, no
repeated keys, no numbers of absurd length), every value and reference is
checked before the first write, unknown keys are refused rather than dropped,
and the write itself is one transaction, so a file that fails leaves the
database exactly as it was. Every failure is an ImportFileError.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import peewee as pw

from tracker import attachments
from tracker.changes import Changes
from tracker.errors import ImportFileError, TrackerError, ValidationError
from tracker.quarters import Quarter
from tracker.rows import HistoryKind, Role, Status
from tracker.safe_write import OutputError, read_source, write_verified
from tracker.status import derive_status
from tracker.store import integrity
from tracker.store.dbfile import damaged_error, disk_full_as_message
from tracker.store.models import (
    Assignment,
    Attachment,
    AttachmentContent,
    Directive,
    DirectiveTopic,
    Extension,
    HistoryEntry,
    Meeting,
    MeetingAttendee,
    Organization,
    OrgGroup,
    OrgGroupMember,
    Setting,
    Topic,
)
from tracker.store.proxy import database
from tracker.store.transaction import writing
from tracker.store.who import MAX_WHO
from tracker.text import fold, unprintable

# A meeting's own fields, as exported and as an undo step puts them back.
MEETING_FIELDS = (
    "held_on",
    "title",
    "chair_name",
    "chair_position",
    "reviewed_quarter",
    "notes",
    "notice_ref",
)

FORMAT = "giaoban"
VERSION = 1
MAX_DATA_BYTES = 200 * 1024 * 1024  # the file less its attachments' base64
MAX_CONTENTS_BYTES = 512 * 1024 * 1024  # the attachments' bytes, all together
MAX_FILE_BYTES = MAX_DATA_BYTES + attachments.base64_size(MAX_CONTENTS_BYTES)
MAX_TEXT = 50_000
MAX_INT_DIGITS = 19  # every integer in the file fits in SQLite's 64 bits
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# --- export ---------------------------------------------------------------------------------


def export_data() -> dict[str, Any]:
    """The whole database as plain data, in a stable order."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "organizations": [
            {
                "id": o.id,
                "name": o.name,
                "short_name": o.short_name,
                "position": o.position,
                "active": bool(o.active),
            }
            for o in Organization.select().order_by(Organization.id)
        ],
        "groups": [
            {
                "id": g.id,
                "name": g.name,
                "short_name": g.short_name,
                "position": g.position,
                "members": [
                    m.organization_id
                    for m in OrgGroupMember.select()
                    .where(OrgGroupMember.group == g.id)
                    .order_by(OrgGroupMember.id)
                ],
            }
            for g in OrgGroup.select().order_by(OrgGroup.id)
        ],
        "settings": {s.key: s.value for s in Setting.select().order_by(Setting.key)},
        "meetings": [_meeting_dict(m) for m in Meeting.select().order_by(Meeting.id)],
        "attachment_contents": attachments.export_contents(),
    }


def _meeting_dict(m: Meeting) -> dict[str, Any]:
    return {
        "id": m.id,
        "held_on": _iso(m.held_on),
        "title": m.title,
        "chair_name": m.chair_name,
        "chair_position": m.chair_position,
        "reviewed_quarter": m.reviewed_quarter,
        "notes": m.notes,
        "notice_ref": m.notice_ref,
        "version": m.version,
        **_changed_by(m),
        "attendees": [
            a.organization_id
            for a in MeetingAttendee.select()
            .where(MeetingAttendee.meeting == m.id)
            .order_by(MeetingAttendee.id)
        ],
        "directives": [
            _directive_dict(d)
            for d in Directive.select()
            .where(Directive.meeting == m.id)
            .order_by(Directive.position, Directive.id)
        ],
        "attachments": attachments.snapshot(meeting_id=m.id),
    }


def _directive_dict(d: Directive) -> dict[str, Any]:
    return {
        "id": d.id,
        "position": d.position,
        "content": d.content,
        "due_quarter": d.due_quarter,
        "original_due": d.original_due,
        "version": d.version,
        **_changed_by(d),
        "topics": [
            t.topic.name
            for t in DirectiveTopic.select(DirectiveTopic, Topic)
            .join(Topic)
            .where(DirectiveTopic.directive == d.id)
            .order_by(Topic.name)
        ],
        "owners": [
            {
                "organization_id": a.organization_id,
                "role": a.role,
                "position": a.position,
                "status": a.status,
                "done_on": _iso(a.done_on),
                "result_note": a.result_note,
            }
            for a in Assignment.select()
            .where(Assignment.directive == d.id)
            .order_by(Assignment.position, Assignment.id)
        ],
        "extensions": [
            {
                "old_quarter": e.old_quarter,
                "new_quarter": e.new_quarter,
                "extended_on": _iso(e.extended_on),
                "reason": e.reason,
            }
            for e in Extension.select().where(Extension.directive == d.id).order_by(Extension.id)
        ],
        "history": [
            {
                "kind": h.kind,
                "happened_on": _iso(h.happened_on),
                "organization_id": h.organization_id,
                "text": h.text,
                **({"who": h.who} if h.who is not None else {}),
            }
            for h in HistoryEntry.select()
            .where(HistoryEntry.directive == d.id)
            .order_by(HistoryEntry.id)
        ],
        "attachments": attachments.snapshot(directive_id=d.id),
    }


def _changed_by(record: Meeting | Directive) -> dict[str, Any]:
    """Who wrote the record's version, when known (a key absent otherwise, as in files
    written before schema 4)."""
    return {"changed_by": record.changed_by} if record.changed_by is not None else {}


def _iso(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)[:10]


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _mb(size: int) -> int:
    return size // (1024 * 1024)


def limits_text() -> str:
    mb = _mb(MAX_DATA_BYTES), _mb(MAX_CONTENTS_BYTES)
    return f"tối đa {mb[0]} MB dữ liệu cùng {mb[1]} MB tệp đính kèm"


def _written_bytes(text: str) -> int:
    """The bytes ``text`` takes once written by ``export_file`` (UTF-8; each line end
    two bytes where the system writes them so)."""
    crlf = text.count("\n") if os.linesep == "\r\n" else 0
    return len(text.encode("utf-8")) + crlf


def data_size(data: dict[str, Any]) -> int:
    """The bytes of ``data``'s file less its attachments' base64: what ``read_file``
    compares with MAX_DATA_BYTES."""
    contents = data.get("attachment_contents", {})
    return _written_bytes(dumps({**data, "attachment_contents": dict.fromkeys(contents, "")}))


def _refuse_export(what: str) -> TrackerError:
    return TrackerError(
        f"{what}: tệp JSON sẽ không nhập lại được (giới hạn: {limits_text()}). Hãy chép "
        'toàn bộ dữ liệu bằng "giaoban copy-db" hoặc sao lưu tệp dữ liệu. Chưa xuất gì.'
    )


def export_file(path: str | os.PathLike[str]) -> int:
    """Write the JSON file; returns the number of meetings written. A database whose
    file would be over the import's limits is refused before anything is written."""
    stored = attachments.used_contents_size()  # from the stored sizes: no bytes read
    if stored > MAX_CONTENTS_BYTES:
        raise _refuse_export(f"Các tệp đính kèm cộng lại nặng {attachments.size_text(stored)}")
    data = export_data()
    size = data_size(data)
    if size > MAX_DATA_BYTES:
        what = f"Dữ liệu (không kể tệp đính kèm) nặng {attachments.size_text(size)}"
        raise _refuse_export(what)
    meetings = len(data["meetings"])
    text = dumps(data)
    del data  # the attachments' base64 is in the text now: not held twice while writing
    write_verified(path, lambda out: out.write_text(text, encoding="utf-8"), "json")
    return meetings


# --- import ---------------------------------------------------------------------------------


def read_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and parse a JSON file, turning every failure into ImportFileError."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError:
        size = 0  # read_source names the problem
    if size > MAX_FILE_BYTES:
        raise ImportFileError(_too_large(p.name, size))
    try:
        raw = read_source(p, MAX_FILE_BYTES)  # never blocks on a FIFO nor reads /dev/zero
    except OutputError as exc:
        if "quá lớn" in str(exc):  # it grew since the stat
            raise ImportFileError(_too_large(p.name, None)) from exc
        raise ImportFileError(f"{exc} Chưa nhập gì.") from exc
    size = len(raw)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f'Tệp "{p.name}" không phải văn bản UTF-8 (lỗi ở byte {exc.start}).'
        ) from exc
    del raw  # the text alone while parsing
    data: dict[str, Any] = parse_text(text, name=p.name)
    del text
    contents = data.get("attachment_contents") if isinstance(data, dict) else None
    encoded = (
        sum(len(v) for v in contents.values() if isinstance(v, str))
        if isinstance(contents, dict)
        else 0
    )
    if size - encoded > MAX_DATA_BYTES:
        raise ImportFileError(
            f'Tệp "{p.name}" có {attachments.size_text(size - encoded)} dữ liệu không kể tệp '
            f"đính kèm, quá giới hạn {_mb(MAX_DATA_BYTES)} MB. Chưa nhập gì."
        )
    return data


def _too_large(name: str, size: int | None) -> str:
    how = f"nặng {attachments.size_text(size)}, " if size is not None else ""
    return (
        f'Tệp "{name}" {how}quá lớn để nhập ({limits_text()}, mỗi tệp đính kèm '
        f"{_mb(attachments.MAX_BYTES)} MB). Chưa nhập gì."
    )


class _RefusedError(ValueError):
    """A JSON construct the strict parser refuses (raised from its hooks)."""


def _no_constant(token: str) -> Any:
    raise _RefusedError(f"có giá trị {token}, không phải số hợp lệ")


def _bounded_int(token: str) -> int:
    if len(token.lstrip("-")) > MAX_INT_DIGITS:
        raise _RefusedError(f"có số nguyên quá lớn ({len(token)} chữ số)")
    return int(token)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _RefusedError(f'có khóa "{key[:40]}" bị lặp trong cùng một đối tượng')
        out[key] = value
    return out


def parse_text(text: str, *, name: str = "tệp") -> Any:
    """Parse JSON strictly; every failure is an ImportFileError."""
    try:
        return json.loads(
            text,
            parse_constant=_no_constant,
            parse_int=_bounded_int,
            object_pairs_hook=_unique_keys,
        )
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f'"{name}" không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno}).'
        ) from exc
    except _RefusedError as exc:
        raise ImportFileError(f'"{name}" {exc}; chưa nhập gì.') from exc
    except RecursionError as exc:
        raise ImportFileError(f'"{name}" lồng quá nhiều tầng, không phải tệp Giao ban.') from exc
    except ValueError as exc:  # e.g. Python's own limit on digits in an integer
        raise ImportFileError(f'"{name}" có giá trị không đọc được; chưa nhập gì.') from exc


class _Checker:
    """Validates the whole file before anything is written."""

    def __init__(self) -> None:
        self.org_ids: set[int] = set()

    def fail(self, where: str, what: str) -> ImportFileError:
        return ImportFileError(f"Tệp nhập không hợp lệ: {where}: {what}. Chưa nhập gì.")

    def obj(
        self, value: Any, where: str, keys: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "phải là một đối tượng JSON")
        missing = [k for k in keys if k not in value]
        if missing:
            raise self.fail(where, f"thiếu khóa {', '.join(missing)}")
        extra = [str(k)[:40] for k in value if k not in keys and k not in optional]
        if extra:
            raise self.fail(where, f"có khóa không biết {', '.join(extra[:5])}")
        return value

    def lst(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, "phải là một danh sách")
        return value

    def int_(self, value: Any, where: str, *, positive: bool = True) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(where, "phải là số nguyên")
        if positive and not (0 < value < 2**62):
            raise self.fail(where, "phải là số dương")
        if not positive and abs(value) >= 2**62:
            raise self.fail(where, "số quá lớn")
        return value

    def text(self, value: Any, where: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
        if not isinstance(value, str):
            raise self.fail(where, "phải là chữ")
        if required and not value.strip():
            raise self.fail(where, "không được để trống")
        if len(value) > limit:
            raise self.fail(where, f"dài quá {limit} ký tự")
        code = unprintable(value)  # also a lone surrogate such as "\ud800"
        if code:
            raise self.fail(
                where,
                f"chứa ký tự điều khiển không in được ({code}), văn bản Word/Excel không chứa được",
            )
        return value

    def choice(self, value: Any, where: str, allowed: set[str]) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise self.fail(where, f"phải là một trong {', '.join(sorted(allowed))}")
        return value

    def day(self, value: Any, where: str, *, nullable: bool = False) -> date | None:
        if value is None and nullable:
            return None
        if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
            shown = f'"{value[:40]}" ' if isinstance(value, str) else ""
            raise self.fail(where, f"{shown}phải là ngày dạng YYYY-MM-DD")
        try:
            d = date.fromisoformat(value)
        except ValueError:
            raise self.fail(where, f'"{value[:40]}" không phải ngày dạng YYYY-MM-DD') from None
        if not 1945 <= d.year <= 2100:
            raise self.fail(where, "năm phải từ 1945 đến 2100")
        return d

    def quarter(self, value: Any, where: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(where, "phải là quý dạng 2021-Q2 hoặc null")
        try:
            return Quarter.from_iso(value).iso
        except ValidationError:
            raise self.fail(where, f'"{value[:40]}" không phải quý dạng 2021-Q2') from None

    def org(self, value: Any, where: str) -> int:
        i = self.int_(value, where)
        if i not in self.org_ids:
            raise self.fail(where, f"tổ chức mã số {i} không có trong tệp")
        return i

    def unique(self, values: list[Any], where: str, what: str) -> None:
        seen: set[Any] = set()
        for v in values:
            key = fold(v) if isinstance(v, str) else v
            if key in seen:
                raise self.fail(where, f"{what} {v!r} bị trùng")
            seen.add(key)


def validate(data: Any) -> dict[str, Any]:
    """Check every value and reference; raise ImportFileError at the first problem."""
    c = _Checker()
    root = c.obj(
        data,
        "gốc",
        ("format", "version", "organizations", "groups", "settings", "meetings"),
        ("attachment_contents",),
    )
    if root["format"] != FORMAT:
        raise c.fail("format", 'không phải tệp Giao ban (cần "giaoban")')
    if isinstance(root["version"], bool) or root["version"] != VERSION:
        raise c.fail("version", f"phiên bản {str(root['version'])[:40]} chưa được hỗ trợ")
    orgs = c.lst(root["organizations"], "organizations")
    for i, o in enumerate(orgs):
        w = f"organizations[{i}]"
        c.obj(o, w, ("id", "name", "short_name", "position", "active"))
        c.int_(o["id"], w + ".id")
        c.text(o["name"], w + ".name", required=True, limit=500)
        c.text(o["short_name"], w + ".short_name", required=True, limit=500)
        c.int_(o["position"], w + ".position", positive=False)
        if not isinstance(o["active"], bool):
            raise c.fail(w + ".active", "phải là true hoặc false")
    c.unique([o["id"] for o in orgs], "organizations", "mã số")
    c.unique([o["name"] for o in orgs], "organizations", "tên")
    c.unique([o["short_name"] for o in orgs], "organizations", "tên viết tắt")
    c.org_ids = {o["id"] for o in orgs}
    groups = c.lst(root["groups"], "groups")
    for i, g in enumerate(groups):
        w = f"groups[{i}]"
        c.obj(g, w, ("id", "name", "short_name", "position", "members"))
        c.int_(g["id"], w + ".id")
        c.text(g["name"], w + ".name", required=True, limit=500)
        c.text(g["short_name"], w + ".short_name", required=True, limit=500)
        c.int_(g["position"], w + ".position", positive=False)
        members = c.lst(g["members"], w + ".members")
        for j, m in enumerate(members):
            c.org(m, f"{w}.members[{j}]")
        c.unique(members, w + ".members", "tổ chức")
    c.unique([g["id"] for g in groups], "groups", "mã số")
    c.unique([g["name"] for g in groups], "groups", "tên")
    c.unique([g["short_name"] for g in groups], "groups", "tên viết tắt")
    settings = root["settings"]
    if not isinstance(settings, dict):
        raise c.fail("settings", "phải là một đối tượng JSON")
    for k, v in settings.items():
        c.text(k, "settings", required=True, limit=100)
        c.text(v, f"settings.{k}")
    meetings = c.lst(root["meetings"], "meetings")
    directive_ids: list[int] = []
    for i, m in enumerate(meetings):
        w = f"meetings[{i}]"
        c.obj(
            m,
            w,
            ("id", *MEETING_FIELDS, "version", "attendees", "directives"),
            ("attachments", "changed_by"),
        )
        c.int_(m["id"], w + ".id")
        c.day(m["held_on"], w + ".held_on")
        c.text(m["title"], w + ".title", required=True, limit=500)
        c.text(m["chair_name"], w + ".chair_name", limit=500)
        c.text(m["chair_position"], w + ".chair_position", limit=500)
        c.quarter(m["reviewed_quarter"], w + ".reviewed_quarter")
        c.text(m["notes"], w + ".notes")
        c.text(m["notice_ref"], w + ".notice_ref", limit=500)
        c.int_(m["version"], w + ".version")
        _validate_changed_by(c, m, w)
        attendees = c.lst(m["attendees"], w + ".attendees")
        for j, a in enumerate(attendees):
            c.org(a, f"{w}.attendees[{j}]")
        c.unique(attendees, w + ".attendees", "tổ chức")
        for k, d in enumerate(c.lst(m["directives"], w + ".directives")):
            _validate_directive(c, d, f"{w}.directives[{k}]")
            directive_ids.append(d["id"])
    c.unique([m["id"] for m in meetings], "meetings", "mã số")
    c.unique(directive_ids, "directives", "mã số")
    attachments.validate_exchange(root, c.fail, c.text, c.day, max_total=MAX_CONTENTS_BYTES)
    return root


def _validate_changed_by(c: _Checker, record: dict[str, Any], w: str) -> None:
    if record.get("changed_by") is not None:
        c.text(record["changed_by"], w + ".changed_by", limit=MAX_WHO)


def _validate_directive(c: _Checker, d: Any, w: str) -> None:
    c.obj(
        d,
        w,
        (
            "id",
            "position",
            "content",
            "due_quarter",
            "original_due",
            "version",
            "topics",
            "owners",
            "extensions",
            "history",
        ),
        ("attachments", "changed_by"),
    )
    c.int_(d["id"], w + ".id")
    c.int_(d["position"], w + ".position", positive=False)
    c.text(d["content"], w + ".content", required=True, limit=10_000)
    c.quarter(d["due_quarter"], w + ".due_quarter")
    c.quarter(d["original_due"], w + ".original_due")
    c.int_(d["version"], w + ".version")
    _validate_changed_by(c, d, w)
    topics = c.lst(d["topics"], w + ".topics")
    for j, t in enumerate(topics):
        c.text(t, f"{w}.topics[{j}]", required=True, limit=500)
    if len(set(topics)) != len(topics):
        raise c.fail(w + ".topics", "có chủ đề bị trùng")
    owners = c.lst(d["owners"], w + ".owners")
    roles = {r.value for r in Role}
    statuses = {s.value for s in Status}
    for j, o in enumerate(owners):
        ow = f"{w}.owners[{j}]"
        c.obj(o, ow, ("organization_id", "role", "position", "status", "done_on", "result_note"))
        c.org(o["organization_id"], ow + ".organization_id")
        c.choice(o["role"], ow + ".role", roles)
        c.int_(o["position"], ow + ".position", positive=False)
        c.choice(o["status"], ow + ".status", statuses)
        done = c.day(o["done_on"], ow + ".done_on", nullable=True)
        if (o["status"] == Status.DONE.value) != (done is not None) and o["role"] == "lead":
            raise c.fail(ow + ".done_on", "chỉ có (và phải có) khi trạng thái là done")
        c.text(o["result_note"], ow + ".result_note")
    c.unique([o["organization_id"] for o in owners], w + ".owners", "tổ chức")
    if not any(o["role"] == "lead" for o in owners):
        raise c.fail(w + ".owners", "cần ít nhất một cơ quan chủ trì")
    for j, e in enumerate(c.lst(d["extensions"], w + ".extensions")):
        ew = f"{w}.extensions[{j}]"
        c.obj(e, ew, ("old_quarter", "new_quarter", "extended_on", "reason"))
        c.quarter(e["old_quarter"], ew + ".old_quarter")
        c.quarter(e["new_quarter"], ew + ".new_quarter")
        c.day(e["extended_on"], ew + ".extended_on")
        c.text(e["reason"], ew + ".reason")
    kinds = {k.value for k in HistoryKind}
    for j, h in enumerate(c.lst(d["history"], w + ".history")):
        hw = f"{w}.history[{j}]"
        who = ("who",) if isinstance(h, dict) and "who" in h else ()
        c.obj(h, hw, ("kind", "happened_on", "organization_id", "text", *who))
        if who and h["who"] is not None:
            c.text(h["who"], hw + ".who", limit=MAX_WHO)
        c.choice(h["kind"], hw + ".kind", kinds)
        c.day(h["happened_on"], hw + ".happened_on")
        if h["organization_id"] is not None:
            c.org(h["organization_id"], hw + ".organization_id")
        c.text(h["text"], hw + ".text")


def import_data(data: Any, *, replace: bool = False) -> Changes:
    """Load a validated file, all or nothing. Without ``replace`` the database
    must hold no giao ban yet (its organizations are then replaced by the file's)."""
    root = validate(data)
    where = getattr(database.obj, "database", None)
    integrity.refuse_if_damaged(where)
    try:
        with (
            disk_full_as_message(where, "chưa nhập gì, dữ liệu đã lưu trước đó vẫn nguyên vẹn"),
            writing("Chưa nhập gì"),
        ):
            _write(root, replace=replace)
    except (pw.OperationalError, sqlite3.OperationalError) as exc:
        raise ImportFileError(f"Không nhập được ({exc}); chưa nhập gì.") from exc
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        if integrity.note_damage(exc, where):
            raise damaged_error(where) from exc
        # Validation should have caught it; the transaction has undone every row.
        raise ImportFileError(f"Tệp nhập có dữ liệu mâu thuẫn ({exc}); chưa nhập gì.") from exc
    return Changes(
        meeting_ids=frozenset(m["id"] for m in root["meetings"]),
        directive_ids=frozenset(d["id"] for m in root["meetings"] for d in m["directives"]),
        organization_ids=frozenset(o["id"] for o in root["organizations"]),
        settings=True,
    )


def _write(root: dict[str, Any], *, replace: bool) -> None:
    with database.atomic():
        if Meeting.select().exists() and not replace:
            raise ImportFileError(
                "Cơ sở dữ liệu này đã có dữ liệu giao ban. Hãy nhập vào một tệp dữ liệu mới "
                "(hoặc chọn thay thế toàn bộ)."
            )
        for model in (
            Attachment,
            AttachmentContent,
            HistoryEntry,
            Extension,
            DirectiveTopic,
            Assignment,
            Directive,
            MeetingAttendee,
            Meeting,
            OrgGroupMember,
            OrgGroup,
            Topic,
            Setting,
            Organization,
        ):
            model.delete().execute()
        for o in root["organizations"]:
            Organization.insert(**o).execute()
        for g in root["groups"]:
            OrgGroup.insert(
                id=g["id"], name=g["name"], short_name=g["short_name"], position=g["position"]
            ).execute()
            for m in g["members"]:
                OrgGroupMember.insert(group=g["id"], organization=m).execute()
        for k, v in root["settings"].items():
            Setting.insert(key=k, value=v).execute()
        attachments.insert_contents(root.get("attachment_contents", {}))
        for m in root["meetings"]:
            _insert_meeting(m)


def import_file(path: str | os.PathLike[str], *, replace: bool = False) -> Changes:
    return import_data(read_file(path), replace=replace)


def _insert_meeting(m: dict[str, Any]) -> None:
    Meeting.insert(
        id=m["id"],
        held_on=m["held_on"],
        title=m["title"],
        title_folded=fold(m["title"]),
        chair_name=m["chair_name"],
        chair_position=m["chair_position"],
        reviewed_quarter=m["reviewed_quarter"],
        notes=m["notes"],
        notice_ref=m["notice_ref"],
        version=m["version"],
        changed_by=m.get("changed_by"),  # a file without it names no one, not today's login
    ).execute()
    for a in m["attendees"]:
        MeetingAttendee.insert(meeting=m["id"], organization=a).execute()
    for d in m["directives"]:
        _insert_directive(m["id"], d)
    attachments.insert_snapshot(m.get("attachments", ()), meeting_id=m["id"])


def _insert_directive(meeting_id: int, d: dict[str, Any]) -> None:
    leads = [
        (Status(o["status"]), date.fromisoformat(o["done_on"]) if o["done_on"] else None)
        for o in d["owners"]
        if o["role"] == Role.LEAD.value
    ]
    status, done_on = derive_status(leads)
    Directive.insert(
        id=d["id"],
        meeting=meeting_id,
        position=d["position"],
        content=d["content"],
        content_folded=fold(d["content"]),
        due_quarter=d["due_quarter"],
        original_due=d["original_due"],
        status=status.value,
        done_on=done_on,
        version=d["version"],
        changed_by=d.get("changed_by"),
    ).execute()
    for name in d["topics"]:
        topic, _ = Topic.get_or_create(name=name)
        DirectiveTopic.insert(directive=d["id"], topic=topic.id).execute()
    for o in d["owners"]:
        Assignment.insert(directive=d["id"], **o).execute()
    for e in d["extensions"]:
        Extension.insert(directive=d["id"], **e).execute()
    for h in d["history"]:
        HistoryEntry.insert(
            directive=d["id"],
            kind=h["kind"],
            happened_on=h["happened_on"],
            organization=h["organization_id"],
            text=h["text"],
            who=h.get("who"),  # a file without it names no one, not today's login
        ).execute()
    attachments.insert_snapshot(d.get("attachments", ()), directive_id=d["id"])


# --- snapshots for undo (tracker.undo checks them and writes them back) -----------------


def snapshot_meeting(meeting_id: int) -> dict[str, Any]:
    """A meeting with its directives, as tracker.undo writes it back."""
    return _meeting_dict(Meeting.get_by_id(meeting_id))


def snapshot_directive(directive_id: int) -> dict[str, Any]:
    d = Directive.get_by_id(directive_id)
    return {"meeting_id": d.meeting_id, **_directive_dict(d)}
