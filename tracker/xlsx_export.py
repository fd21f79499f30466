"""The plain data workbook: one row per directive, readable by tracker.xlsx_import.

Columns (EXPORT_HEADERS): Ngày giao ban | Giao ban | STT | Nội dung | Chủ trì | Phối hợp |
Thời hạn | Thời hạn ban đầu | Tình trạng | Ngày hoàn thành | Kết quả | Chủ đề. Owners are
written by short name, one per line; when the leads differ in status, done date or
result, those cells hold one "Tên tắt: …" line per lead, so importing the file into an
empty database gives back every directive exactly.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tracker.dates import format_date
from tracker.quarters import Quarter, format_deadline
from tracker.rows import Role, Status
from tracker.safe_write import write_verified
from tracker.status import STATE_WORDS
from tracker.store.models import (
    Assignment,
    Directive,
    DirectiveTopic,
    Meeting,
    Organization,
    Topic,
)
from tracker.text import printable
from tracker.xlsx_import import EXPORT_HEADERS

_WIDTHS = {"content": 60, "result": 40, "meeting": 30, "leads": 18, "supports": 18}


def _deadline(value: str | None) -> str:
    return format_deadline(Quarter.from_iso(value) if value else None)


def _per_lead(values: list[tuple[str, str]]) -> str:
    """One value when every lead has the same, else a "Tên tắt: giá trị" line each."""
    distinct = {v for _, v in values}
    if len(distinct) <= 1:
        return next(iter(distinct), "")
    return "\n".join(f"{name}: {v}" for name, v in values)


def rows() -> list[list[Any]]:
    """Every directive as a row of cell values, meetings by date then list order."""
    short = {
        o.id: o.short_name for o in Organization.select(Organization.id, Organization.short_name)
    }
    topics: dict[int, list[str]] = {}
    for dt in DirectiveTopic.select(DirectiveTopic, Topic).join(Topic).order_by(Topic.name):
        topics.setdefault(dt.directive_id, []).append(dt.topic.name)
    owners: dict[int, list[Any]] = {}
    for a in Assignment.select().order_by(Assignment.position, Assignment.id):
        owners.setdefault(a.directive_id, []).append(a)
    out: list[list[Any]] = []
    query = (
        Directive.select(Directive, Meeting)
        .join(Meeting)
        .order_by(Meeting.held_on, Meeting.id, Directive.position, Directive.id)
    )
    for d in query:
        m = d.meeting
        mine = owners.get(d.id, [])
        leads = [a for a in mine if a.role == Role.LEAD.value]
        supports = [a for a in mine if a.role == Role.SUPPORT.value]
        status = _per_lead(
            [(short[a.organization_id], STATE_WORDS[Status(a.status)]) for a in leads]
        )
        done = _per_lead(
            [(short[a.organization_id], format_date(a.done_on) if a.done_on else "") for a in leads]
        )
        notes = _per_lead([(short[a.organization_id], a.result_note) for a in leads])
        values = {
            "meeting_date": m.held_on,
            "meeting": m.title,
            "position": d.position,
            "content": d.content,
            "leads": "\n".join(short[a.organization_id] for a in leads),
            "supports": "\n".join(short[a.organization_id] for a in supports),
            "due": _deadline(d.due_quarter),
            "original_due": _deadline(d.original_due),
            "status": status,
            "done_on": done,
            "result": notes,
            "topics": "; ".join(topics.get(d.id, [])),
        }
        out.append(
            [printable(v) if isinstance(v, str) else v for v in (values[k] for k in EXPORT_HEADERS)]
        )
    return out


def _write(path: Path, data: list[list[Any]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Nội dung chỉ đạo")
    for i, key in enumerate(EXPORT_HEADERS, 1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(key, 14)
    ws.freeze_panes = "A2"
    from openpyxl.cell import WriteOnlyCell

    header = []
    for text in EXPORT_HEADERS.values():
        c = WriteOnlyCell(ws, value=text)
        c.font = Font(bold=True)
        header.append(c)
    ws.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")
    date_col = list(EXPORT_HEADERS).index("meeting_date")
    for row in data:
        cells = []
        for i, v in enumerate(row):
            c = WriteOnlyCell(ws, value=v)
            if i == date_col:
                c.number_format = "DD/MM/YYYY"
            elif isinstance(v, str) and ("\n" in v or len(v) > 40):
                c.alignment = wrap
            cells.append(c)
        ws.append(cells)
    wb.save(path)


def export_xlsx(path: str | os.PathLike[str]) -> int:
    """Write the data workbook (through safe_write); returns the number of directives."""
    data = rows()
    write_verified(path, lambda out: _write(out, data), "xlsx")
    return len(data)
