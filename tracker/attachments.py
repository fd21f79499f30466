"""Attached files (the conclusion notice of a meeting, an organization's report on a
directive): reading a file to attach, the rows that list them, and their part of the
JSON export and of the undo snapshots. The writes are in ``attachment_services``.

The bytes live in ``attachment_content``, once per sha256; an ``attachment`` row names
one of them with its file name, size, type and date. Listing reads the ``attachment``
table only, never the bytes. A content no attachment names any more is kept until
``purge_unused`` (an undo may still put its attachment back).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import mimetypes
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import peewee as pw

from tracker.errors import NotFoundError, StaleEditError, ValidationError
from tracker.filenames import safe_filename
from tracker.store.models import Attachment, AttachmentContent

MAX_BYTES = 25 * 1024 * 1024
MAX_NAME_BYTES = 200
FALLBACK_NAME = "tep-dinh-kem"
DEFAULT_TYPE = "application/octet-stream"
NOTHING_DONE = "Chưa đính kèm gì."
_SHA256_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class AttachmentRow:
    """One attached file as listed (never its bytes)."""

    id: int
    meeting_id: int | None
    directive_id: int | None
    file_name: str
    size: int
    media_type: str
    attached_on: date
    sha256: str


def base64_size(size: int) -> int:
    """How many characters ``size`` bytes take as base64 (the JSON export's form)."""
    return (size + 2) // 3 * 4


def size_text(size: int) -> str:
    """A size as the clerk reads it: "850 KB", "1,2 MB" (Vietnamese decimal comma)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024)) if size else 0} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def too_large_message(name: str, size: int | None) -> str:
    how = f"nặng {size_text(size)}, " if size is not None else ""
    return (
        f'Tệp "{name}" {how}quá giới hạn {MAX_BYTES // (1024 * 1024)} MB cho mỗi tệp đính kèm. '
        f"Hãy nén hoặc chia nhỏ tệp rồi đính kèm lại. {NOTHING_DONE}"
    )


def safe_name(name: str) -> str:
    """The name stored and shown: path separators and control characters made safe."""
    base = str(name).replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or str(name)
    return safe_filename(base, fallback=FALLBACK_NAME, max_bytes=MAX_NAME_BYTES)


def media_type(name: str) -> str:
    guessed, _ = mimetypes.guess_type(name, strict=False)
    return guessed or DEFAULT_TYPE


# Opened by the system as a program, not shown by a viewer: never opened from the window.
_PROGRAM_SUFFIXES = frozenset(
    ".exe .com .bat .cmd .scr .pif .msi .msp .cpl .vbs .vbe .js .jse .wsf .wsh .ps1 .psm1 "
    ".hta .lnk .jar .reg .sh .run .app .desktop .appimage".split()
)


def runs_as_program(name: str) -> bool:
    return Path(name).suffix.lower() in _PROGRAM_SUFFIXES


def read_upload(path: str | os.PathLike[str]) -> tuple[str, bytes]:
    """The safe name and the bytes of a file the clerk chose to attach.

    A folder, a FIFO, a device, a missing file or one over 25 MB is refused with a
    ValidationError before anything is written (and a FIFO is never waited on).
    """
    from tracker.safe_write import OutputError, read_source

    p = Path(path)
    try:
        st = os.stat(p)
    except OSError as exc:
        raise ValidationError(
            f'Không đọc được tệp "{p}": {exc.strerror or exc}. {NOTHING_DONE}'
        ) from exc
    if stat.S_ISDIR(st.st_mode):
        raise ValidationError(
            f'"{p.name}" là một thư mục, không phải tệp: hãy chọn từng tệp để đính kèm. '
            f"{NOTHING_DONE}"
        )
    if not stat.S_ISREG(st.st_mode):
        raise ValidationError(
            f'"{p.name}" không phải tệp thông thường (thiết bị, đường ống…): không đính kèm '
            f"được. {NOTHING_DONE}"
        )
    if st.st_size > MAX_BYTES:
        raise ValidationError(too_large_message(p.name, st.st_size))
    try:
        data = read_source(p, MAX_BYTES)  # the file may have grown since the stat
    except OutputError as exc:
        if "quá lớn" in str(exc):
            raise ValidationError(too_large_message(p.name, None)) from exc
        raise ValidationError(f"{exc} {NOTHING_DONE}") from exc
    return safe_name(p.name), data


# --- reading ---------------------------------------------------------------------------------

_LISTED = (
    Attachment.id,
    Attachment.meeting,
    Attachment.directive,
    Attachment.file_name,
    Attachment.size,
    Attachment.media_type,
    Attachment.attached_on,
    AttachmentContent.sha256,
)


def _rows(where: Any) -> list[AttachmentRow]:
    query = (
        Attachment.select(*_LISTED)
        .join(AttachmentContent, on=(Attachment.content == AttachmentContent.id))
        .where(where)
        .order_by(Attachment.id)
        .tuples()
    )
    out = []
    for i, m, d, name, size, kind, on, sha in query:
        day = on if isinstance(on, date) else date.fromisoformat(str(on)[:10])
        out.append(AttachmentRow(i, m, d, name, size, kind, day, sha))
    return out


def for_directive(directive_id: int) -> list[AttachmentRow]:
    return _rows(Attachment.directive == directive_id)


def for_meeting(meeting_id: int) -> list[AttachmentRow]:
    return _rows(Attachment.meeting == meeting_id)


def count_for_meeting(meeting_id: int) -> int:
    """How many files are attached to the meeting itself (not to its directives)."""
    return int(Attachment.select().where(Attachment.meeting == meeting_id).count())


def get(attachment_id: int) -> AttachmentRow:
    rows = _rows(Attachment.id == attachment_id)
    if not rows:
        raise NotFoundError(f"Không có tệp đính kèm mã số {attachment_id}.")
    return rows[0]


def content(attachment_id: int) -> bytes:
    """The bytes of one attachment (the only read that loads them)."""
    row = (
        AttachmentContent.select(AttachmentContent.data)
        .join(Attachment, on=(Attachment.content == AttachmentContent.id))
        .where(Attachment.id == attachment_id)
        .tuples()
        .first()
    )
    if row is None:
        raise NotFoundError(f"Không có tệp đính kèm mã số {attachment_id}.")
    return bytes(row[0])


# --- writing (inside a service's transaction) ---------------------------------------------


def store_content(data: bytes) -> tuple[int, bool]:
    """The id of the content holding ``data``, and whether it was stored just now
    (False: the same bytes were already in the database and are not stored twice)."""
    digest = hashlib.sha256(data).hexdigest()
    found = (
        AttachmentContent.select(AttachmentContent.id)
        .where(AttachmentContent.sha256 == digest)
        .tuples()
        .first()
    )
    if found is not None:
        return int(found[0]), False
    new = AttachmentContent.insert(sha256=digest, size=len(data), data=data).execute()
    return int(new), True


def used_contents_size() -> int:
    """The bytes of every content an attachment names, together (what an export
    carries), read from the stored sizes, never from the bytes."""
    used = Attachment.select(Attachment.content)
    total = (
        AttachmentContent.select(pw.fn.SUM(AttachmentContent.size))
        .where(AttachmentContent.id.in_(used))
        .scalar()
    )
    return int(total or 0)


def purge_unused() -> int:
    """Delete the contents no attachment names; how many."""
    used = Attachment.select(Attachment.content)
    return int(AttachmentContent.delete().where(AttachmentContent.id.not_in(used)).execute())


# --- export, import and undo snapshots ----------------------------------------------------

SNAP_KEYS = ("id", "file_name", "size", "media_type", "attached_on", "sha256")


def snapshot(*, meeting_id: int | None = None, directive_id: int | None = None) -> list[Any]:
    """The attachments of a meeting or a directive as plain data (no bytes)."""
    rows = for_meeting(meeting_id) if meeting_id is not None else for_directive(directive_id or 0)
    return [
        {
            "id": r.id,
            "file_name": r.file_name,
            "size": r.size,
            "media_type": r.media_type,
            "attached_on": r.attached_on.isoformat(),
            "sha256": r.sha256,
        }
        for r in rows
    ]


def insert_snapshot(
    items: Iterable[dict[str, Any]],
    *,
    meeting_id: int | None = None,
    directive_id: int | None = None,
) -> None:
    """Put attachments back from ``snapshot`` data; their contents must be stored."""
    items = list(items)
    if not items:
        return
    shas = {i["sha256"] for i in items}
    ids = dict(
        AttachmentContent.select(AttachmentContent.sha256, AttachmentContent.id)
        .where(AttachmentContent.sha256.in_(shas))
        .tuples()
    )
    for item in items:
        content_id = ids.get(item["sha256"])
        if content_id is None:
            raise StaleEditError(
                f'Không đặt lại được tệp đính kèm "{item["file_name"]}": nội dung tệp đã bị '
                "xóa hẳn khỏi cơ sở dữ liệu. Chưa thay đổi gì."
            )
        Attachment.insert(
            id=item["id"],
            meeting=meeting_id,
            directive=directive_id,
            content=content_id,
            file_name=item["file_name"],
            size=item["size"],
            media_type=item["media_type"],
            attached_on=item["attached_on"],
        ).execute()


def export_contents() -> dict[str, str]:
    """Every content an attachment names, as base64 by sha256 (the export's
    ``attachment_contents``), read one at a time."""
    used = Attachment.select(Attachment.content)
    query = (
        AttachmentContent.select(AttachmentContent.sha256, AttachmentContent.data)
        .where(AttachmentContent.id.in_(used))
        .order_by(AttachmentContent.sha256)
        .tuples()
    )
    return {sha: base64.b64encode(bytes(data)).decode("ascii") for sha, data in query.iterator()}


def insert_contents(contents: dict[str, str]) -> None:
    """Store the base64 contents of an import (checked by ``validate_exchange``)."""
    for text in contents.values():
        store_content(base64.b64decode(text, validate=True))


Fail = Callable[[str, str], Exception]


def validate_exchange(
    root: dict[str, Any],
    fail: Fail,
    check_text: Callable[..., Any],
    check_day: Callable[..., Any],
    *,
    max_total: int,
) -> dict[str, int]:
    """Check the attachments of an import file; the size of each content by sha256.

    Each content must be base64 whose sha256 is its key and of at most 25 MB, all of
    them together at most ``max_total`` bytes; each attachment must name a content of
    the file, with its size, and a safe name. The decoded bytes are not kept (the
    import decodes them again one at a time): the file's text is memory enough.
    """
    raw = root.get("attachment_contents", {})
    if not isinstance(raw, dict):
        raise fail("attachment_contents", "phải là một đối tượng JSON")
    contents: dict[str, int] = {}
    total = 0
    for sha, text in raw.items():
        where = f"attachment_contents.{str(sha)[:16]}"
        if not (isinstance(sha, str) and len(sha) == 64 and set(sha) <= _SHA256_HEX):
            raise fail(where, "khóa phải là mã sha256 (64 chữ số hexa thường)")
        if not isinstance(text, str) or len(text) > base64_size(MAX_BYTES):
            raise fail(where, f"phải là base64 của tệp tối đa {MAX_BYTES // (1024 * 1024)} MB")
        try:
            data = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise fail(where, "không phải base64 hợp lệ") from None
        if hashlib.sha256(data).hexdigest() != sha:
            raise fail(where, "nội dung không khớp mã sha256")
        contents[sha] = len(data)
        total += len(data)
        if total > max_total:
            raise fail(
                "attachment_contents",
                f"các tệp đính kèm cộng lại quá giới hạn {max_total // (1024 * 1024)} MB",
            )
    ids: list[int] = []
    for i, m in enumerate(root["meetings"]):
        groups = [(f"meetings[{i}]", m)] + [
            (f"meetings[{i}].directives[{k}]", d) for k, d in enumerate(m["directives"])
        ]
        for w, owner in groups:
            items = owner.get("attachments", [])
            if not isinstance(items, list):
                raise fail(w + ".attachments", "phải là một danh sách")
            for j, a in enumerate(items):
                aw = f"{w}.attachments[{j}]"
                if not isinstance(a, dict):
                    raise fail(aw, "phải là một đối tượng JSON")
                missing = [k for k in SNAP_KEYS if k not in a]
                extra = [str(k)[:40] for k in a if k not in SNAP_KEYS]
                if missing or extra:
                    what = f"thiếu khóa {', '.join(missing)}" if missing else ""
                    raise fail(aw, what or f"có khóa không biết {', '.join(extra[:5])}")
                for key in ("id", "size"):
                    v = a[key]
                    if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v < 2**62:
                        raise fail(f"{aw}.{key}", "phải là số nguyên không âm")
                if a["id"] == 0:
                    raise fail(aw + ".id", "phải là số dương")
                check_text(a["file_name"], aw + ".file_name", required=True, limit=500)
                if safe_name(a["file_name"]) != a["file_name"]:
                    raise fail(aw + ".file_name", "tên tệp có ký tự không an toàn")
                check_text(a["media_type"], aw + ".media_type", required=True, limit=255)
                check_day(a["attached_on"], aw + ".attached_on")
                found = contents.get(a["sha256"]) if isinstance(a["sha256"], str) else None
                if found is None:
                    raise fail(aw + ".sha256", "không có nội dung này trong attachment_contents")
                if found != a["size"]:
                    raise fail(aw + ".size", "không khớp cỡ của nội dung")
                ids.append(a["id"])
    if len(set(ids)) != len(ids):
        raise fail("attachments", "mã số tệp đính kèm bị trùng")
    return contents
