"""The report-back form (phiếu báo cáo): an XLSX an organization fills in and sends back.

Writing: one organization's open items, one row each, with a hidden key that binds the
directive, its version, the organization and this database (a random id kept in the
settings table), signed with that id (HMAC), so that a key cannot be made up or moved
to another form. The sheet is protected except the three columns the organization
fills: "Đã hoàn thành" (Có/Chưa), "Ngày hoàn thành", "Kết quả".

Reading: :func:`read_reply` checks the whole form and returns a :class:`ReplyPlan` (per
row: done on a date with its result, or nothing; a conflict when the directive changed
since the form was made) or refuses it with one Vietnamese message, changing nothing.
:func:`tracker.reply_apply.apply_reply` writes a plan in one transaction.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from tracker.changes import Changes
from tracker.dates import format_date, parse_date
from tracker.errors import TrackerError, ValidationError
from tracker.quarters import Quarter, format_deadline
from tracker.rows import UNFINISHED_VALUES, Role, Status
from tracker.safe_write import write_verified
from tracker.services import MAX_CONTENT, MAX_NOTES, service
from tracker.store.models import Assignment, Directive, Meeting, Organization, Setting
from tracker.text import clean, fold, printable, unprintable

DATABASE_ID_KEY = "database_id"
FORM_SHEET = "Phiếu báo cáo"
META_SHEET = "giaoban"
HEADER_ROW = 6
FIRST_ROW = HEADER_ROW + 1
HEADERS = ("Mã", "STT", "Nội dung chỉ đạo", "Thời hạn", "Đã hoàn thành",
           "Ngày hoàn thành", "Kết quả")  # fmt: skip
KEY_COL, STT_COL, CONTENT_COL, DUE_COL, DONE_COL, DATE_COL, RESULT_COL = range(7)
YES, NO = "Có", "Chưa"

_ROW_KEY = re.compile(
    r"GB1\.(?P<fp>[0-9a-f]{12})\.(?P<org>[0-9]{1,18})\.(?P<did>[0-9]{1,18})\."
    r"(?P<ver>[0-9]{1,18})\.(?P<digest>[0-9a-f]{16})\.(?P<mac>[0-9a-f]{24})"
)
_FORM_KEY = re.compile(
    r"GBF1\.(?P<fp>[0-9a-f]{12})\.(?P<org>[0-9]{1,18})\.(?P<made>[0-9]{4}-[0-9]{2}-[0-9]{2})\."
    r"(?P<mac>[0-9a-f]{24})"
)


class ReplyRefusedError(ValidationError):
    """A form that cannot be read back as it is; nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(f"{message} Chưa cập nhật gì.", field="path")


# --- the database's identity and the keys -------------------------------------------------


def database_id() -> str | None:
    """This database's random id (settings table), None until a form was first written."""
    row = Setting.get_or_none(Setting.key == DATABASE_ID_KEY)
    return str(row.value) if row is not None and row.value else None


@service
def ensure_database_id() -> Changes:
    """Give the database its id (kept with the settings: backups and copies keep it)."""
    if database_id() is None:
        Setting.insert(
            key=DATABASE_ID_KEY, value=secrets.token_hex(16)
        ).on_conflict_ignore().execute()
    return Changes()


def _fingerprint(db_id: str) -> str:
    """What a form shows of the id: enough to tell databases apart, not to sign."""
    return hashlib.sha256(f"giaoban-db:{db_id}".encode()).hexdigest()[:12]


def _mac(db_id: str, body: str) -> str:
    return hmac.new(db_id.encode(), body.encode(), hashlib.sha256).hexdigest()[:24]


def _digest(content: str, deadline: str) -> str:
    """The printed content and deadline, compared with what comes back (whitespace aside)."""
    text = f"{clean(content)}\x1f{clean(deadline)}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _row_key(db_id: str, org_id: int, item: FormItem) -> str:
    body = (
        f"GB1.{_fingerprint(db_id)}.{org_id}.{item.directive_id}.{item.version}."
        f"{_digest(item.content, item.deadline)}"
    )
    return f"{body}.{_mac(db_id, body)}"


def _form_key(db_id: str, org_id: int, made_on: date) -> str:
    body = f"GBF1.{_fingerprint(db_id)}.{org_id}.{made_on.isoformat()}"
    return f"{body}.{_mac(db_id, body)}"


def _signed(db_id: str, key: str) -> bool:
    body, _, mac = key.rpartition(".")
    return hmac.compare_digest(_mac(db_id, body), mac)


# --- writing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FormItem:
    """One row of a form: a directive the organization leads and has not finished."""

    directive_id: int
    version: int
    content: str
    deadline: str  # as printed: "Quý II-2021", "Thường xuyên"


def form_items(
    organization_id: int,
    *,
    quarter: Quarter | None = None,
    directive_ids: Sequence[int] | None = None,
) -> list[FormItem]:
    """The organization's unfinished parts as lead: those due by ``quarter`` (standing ones
    left out), or those of ``directive_ids`` (a letter's), or all; oldest deadline first."""
    query = (
        Directive.select(Directive.id, Directive.version, Directive.content, Directive.due_quarter)
        .join(Assignment)
        .switch(Directive)
        .join(Meeting)
        .where(
            (Assignment.organization == organization_id)
            & (Assignment.role == Role.LEAD.value)
            & Assignment.status.in_(UNFINISHED_VALUES)
        )
    )
    if quarter is not None:
        query = query.where(
            Directive.due_quarter.is_null(False) & (Directive.due_quarter <= quarter.iso)
        )
    if directive_ids is not None:
        query = query.where(Directive.id.in_(list(directive_ids)))
    rows = sorted(query.tuples(), key=lambda r: (r[3] is None, r[3] or "", r[0]))
    return [
        FormItem(did, ver, printable(content),
                 format_deadline(Quarter.from_iso(due) if due else None))
        for did, ver, content, due in rows
    ]  # fmt: skip


def _organization(organization_id: int) -> Organization:
    org: Organization | None = Organization.get_or_none(Organization.id == organization_id)
    if org is None:
        raise ValidationError(f"Không có tổ chức mã số {organization_id}.", field="org")
    return org


def write_form(
    path: str | os.PathLike[str],
    organization_id: int,
    *,
    quarter: Quarter | None = None,
    directive_ids: Sequence[int] | None = None,
    made_on: date | None = None,
    reference: str = "",
) -> int:
    """Write the organization's form (checked, then moved into place); returns its rows.

    Raises ValidationError when the organization has nothing open to report on."""
    org = _organization(organization_id)
    items = form_items(organization_id, quarter=quarter, directive_ids=directive_ids)
    if not items:
        raise ValidationError(
            f"{org.short_name} không còn nội dung nào chưa hoàn thành để lập phiếu báo cáo; "
            "chưa ghi gì.",
            field="org",
        )
    ensure_database_id()
    db_id = database_id()
    assert db_id is not None
    made_on = made_on or date.today()
    write_verified(
        path,
        lambda out: _write(out, db_id, org, items, made_on, reference),
        "xlsx",
    )
    return len(items)


def form_path_beside(letter_path: str | os.PathLike[str]) -> Path:
    """Where the form sent with a letter goes: beside it, "<letter>-phieu-bao-cao.xlsx"."""
    p = Path(letter_path)
    return p.with_name(f"{p.stem}-phieu-bao-cao.xlsx")


def write_form_beside(
    letter_path: str | os.PathLike[str],
    organization_id: int,
    directive_ids: Sequence[int],
    made_on: date,
    reference: str = "",
) -> list[Path]:
    """The form for a letter's items, written beside the letter: its path, or nothing when
    none of the items is the organization's to report on (it only supports them)."""
    if not form_items(organization_id, directive_ids=directive_ids):
        return []
    target = form_path_beside(letter_path)
    write_form(target, organization_id, directive_ids=directive_ids, made_on=made_on,
               reference=reference)  # fmt: skip
    return [target]


def _write(
    path: Path, db_id: str, org: Organization, items: list[FormItem], made_on: date, ref: str
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = FORM_SHEET
    name = printable(org.name)
    ws["B1"] = "PHIẾU BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG CHỈ ĐẠO"
    ws["B1"].font = Font(bold=True, size=13)
    ws["B2"] = f"Đơn vị báo cáo: {name}"
    ws["B2"].font = Font(bold=True)
    sent = f", kèm công văn số {printable(ref)}" if ref else ""
    ws["B3"] = f"Phiếu lập ngày {format_date(made_on)}{sent}."
    ws["B4"] = (
        f"Chỉ điền ba cột {HEADERS[DONE_COL]} (chọn {YES} hoặc {NO}), {HEADERS[DATE_COL]} "
        f"(ngày/tháng/năm) và {HEADERS[RESULT_COL]}; không sửa các cột khác, không thêm hay "
        "xóa dòng, rồi gửi lại tệp này."
    )
    ws["B4"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("B4:G4")
    ws.row_dimensions[4].height = 32
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, text in enumerate(HEADERS, 1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=text)
        cell.border = box
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    wrap = Alignment(wrap_text=True, vertical="top")
    fill = PatternFill("solid", fgColor="FFF2CC")
    open_cell = Protection(locked=False)
    for n, item in enumerate(items, 1):
        r = FIRST_ROW + n - 1
        values = (_row_key(db_id, org.id, item), n, item.content, item.deadline, None, None, None)
        for col, value in enumerate(values, 1):
            cell = ws.cell(row=r, column=col, value=value)
            cell.alignment = wrap
            cell.border = box
            if col - 1 in (DONE_COL, DATE_COL, RESULT_COL):
                cell.protection = open_cell
                cell.fill = fill
            if col - 1 == DATE_COL:
                cell.number_format = "DD/MM/YYYY"
        # LibreOffice does not grow a wrapped row by itself
        ws.row_dimensions[r].height = 15 * max(1, min(len(item.content) // 70 + 1, 12))
    last = FIRST_ROW + len(items) - 1
    done = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=True)
    done.error = f"Chỉ chọn {YES} hoặc {NO}."
    day = DataValidation(
        type="date", operator="between", formula1="DATE(1945,1,1)",
        formula2="DATE(2100,12,31)", allow_blank=True,
    )  # fmt: skip
    day.error = "Hãy ghi một ngày có thật, dạng ngày/tháng/năm."
    for dv, col in ((done, DONE_COL), (day, DATE_COL)):
        dv.showErrorMessage = True
        dv.errorTitle = "Giá trị không hợp lệ"
        letter = "ABCDEFG"[col]
        dv.add(f"{letter}{FIRST_ROW}:{letter}{last}")
        ws.add_data_validation(dv)
    for letter, width in zip("ABCDEFG", (4, 6, 70, 14, 14, 16, 50), strict=True):
        ws.column_dimensions[letter].width = width
    ws.column_dimensions["A"].hidden = True
    # printed as the organization may: landscape, every column on one page's width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.freeze_panes = f"C{FIRST_ROW}"
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widths and heights may change, nothing else
    ws.protection.formatRows = False
    meta = wb.create_sheet(META_SHEET)
    meta["A1"] = _form_key(db_id, org.id, made_on)
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    wb.save(path)


# --- reading --------------------------------------------------------------------------------


class RowKind(StrEnum):
    DONE = "done"  # to record as done on a date, with its result
    NOTE = "note"  # "Chưa" (or empty) with a result: recorded as a progress note
    NOTHING = "nothing"  # "Chưa", or left empty, with no result
    CONFLICT = "conflict"  # a change, but the directive changed since the form was made
    GONE = "gone"  # deleted since, or the organization no longer leads it: never applied


@dataclass(frozen=True)
class ReplyRow:
    row: int  # the sheet's row number
    directive_id: int
    content: str
    deadline: str
    kind: RowKind
    done_on: date | None = None  # None for a progress note
    result: str = ""
    version: int = 0  # the directive's version now (checked again when applying)
    reason: str = ""  # why a row is a conflict or gone


@dataclass(frozen=True)
class ReplyPlan:
    organization_id: int
    name: str
    short_name: str
    made_on: date
    rows: tuple[ReplyRow, ...]

    @property
    def changes(self) -> tuple[ReplyRow, ...]:
        return tuple(r for r in self.rows if r.kind in (RowKind.DONE, RowKind.NOTE))

    @property
    def conflicts(self) -> tuple[ReplyRow, ...]:
        return tuple(r for r in self.rows if r.kind is RowKind.CONFLICT)

    def to_apply(self, accept_conflicts: bool) -> tuple[ReplyRow, ...]:
        return tuple(
            r for r in self.rows
            if r.kind in (RowKind.DONE, RowKind.NOTE)
            or accept_conflicts and r.kind is RowKind.CONFLICT
        )  # fmt: skip


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _read_day(value: Any, row: int) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from openpyxl.utils.datetime import from_excel

        try:
            day = from_excel(value)
        except (ValueError, OverflowError, TypeError):
            day = None
        if isinstance(day, datetime) and 1945 <= day.year <= 2100:
            return day.date()
        raise ReplyRefusedError(f"Dòng {row}: ngày hoàn thành {_cell_text(value)} không có thật.")
    try:
        return parse_date(str(value))
    except TrackerError as exc:
        raise ReplyRefusedError(f"Dòng {row}: {exc.message[:1].lower()}{exc.message[1:]}") from exc


def _read_done(value: Any, row: int) -> bool | None:
    """True for "Có", False for "Chưa", None for empty."""
    if isinstance(value, bool):
        return value
    key = fold(_cell_text(value)).strip(" .")
    if not key:
        return None
    if key in ("co", "x", "da hoan thanh", "hoan thanh"):
        return True
    if key in ("chua", "chua hoan thanh", "khong"):
        return False
    raise ReplyRefusedError(
        f'Dòng {row}: cột {HEADERS[DONE_COL]} ghi "{clean(_cell_text(value))}"; chỉ nhận '
        f"{YES} hoặc {NO}."
    )


def _open_form(path: str | os.PathLike[str]) -> tuple[list[tuple[Any, ...]], str]:
    """The form sheet's rows and the form key, or ReplyRefusedError."""
    from tracker.xlsx_import import open_workbook

    name = Path(path).name
    try:
        wb = open_workbook(Path(path))  # folders, FIFOs, encrypted, not a zip: its messages
    except TrackerError as exc:
        raise ReplyRefusedError(exc.message.removesuffix(" Chưa nhập gì.")) from exc
    try:
        if FORM_SHEET not in wb.sheetnames or META_SHEET not in wb.sheetnames:
            raise ReplyRefusedError(
                f'Tệp "{name}" không phải phiếu báo cáo do chương trình Giao ban lập '
                f'(không có trang "{FORM_SHEET}" kèm mã phiếu).'
            )
        try:
            meta = [r for r in wb[META_SHEET].iter_rows(max_row=1, values_only=True)]
            rows = list(wb[FORM_SHEET].iter_rows(values_only=True))
        except Exception as exc:  # a damaged sheet inside a readable package
            raise ReplyRefusedError(f'Không đọc được phiếu "{name}": tệp bị hỏng.') from exc
    finally:
        wb.close()
    key = _cell_text(meta[0][0]).strip() if meta and meta[0] else ""
    return rows, key


def read_reply(
    path: str | os.PathLike[str],
    *,
    expected_organization_id: int | None = None,
    today: date | None = None,
) -> ReplyPlan:
    """Read a filled form into a plan, or raise ReplyRefusedError (one message, nothing read)."""
    today = today or date.today()
    rows, form_key = _open_form(path)
    db_id = database_id()
    m = _FORM_KEY.fullmatch(form_key)
    if m is None:
        raise ReplyRefusedError("Mã phiếu bị sửa hoặc không phải do chương trình Giao ban lập.")
    if db_id is None or m["fp"] != _fingerprint(db_id):
        raise ReplyRefusedError(
            "Phiếu này được lập từ một cơ sở dữ liệu khác, không phải dữ liệu đang mở."
        )
    if not _signed(db_id, form_key):
        raise ReplyRefusedError("Mã phiếu không đúng: phiếu bị sửa hoặc giả mạo.")
    org = _organization(int(m["org"]))
    if expected_organization_id is not None and org.id != expected_organization_id:
        other = _organization(expected_organization_id)
        raise ReplyRefusedError(f"Phiếu này là của {org.name}, không phải của {other.name}.")
    made_on = date.fromisoformat(m["made"])
    width = len(HEADERS)
    header = [
        clean(_cell_text(v))
        for v in (list(rows[HEADER_ROW - 1]) if len(rows) >= HEADER_ROW else [])
    ][:width]
    if header != list(HEADERS):
        raise ReplyRefusedError("Dòng tiêu đề của phiếu đã bị sửa (cột bị thêm, xóa hay đổi chỗ).")
    parsed: list[tuple[int, dict[str, str], tuple[Any, ...]]] = []
    seen: set[int] = set()
    for r, raw in enumerate(rows[FIRST_ROW - 1 :], FIRST_ROW):
        cells = (list(raw) + [None] * width)[:width]
        if all(_cell_text(v).strip() == "" for v in cells):
            continue
        key = _cell_text(cells[KEY_COL]).strip()
        km = _ROW_KEY.fullmatch(key)
        if not key:
            raise ReplyRefusedError(
                f"Dòng {r} không có mã nội dung: phiếu chỉ nhận các dòng đã in sẵn, không "
                "nhận dòng thêm vào."
            )
        if km is None or km["fp"] != m["fp"] or not _signed(db_id, key):
            raise ReplyRefusedError(f"Dòng {r} có mã nội dung không đúng (bị sửa hoặc giả mạo).")
        if int(km["org"]) != org.id:
            raise ReplyRefusedError(f"Dòng {r} được chép từ phiếu của tổ chức khác.")
        did = int(km["did"])
        if did in seen:
            raise ReplyRefusedError(f"Dòng {r} lặp lại một nội dung đã có ở dòng trên.")
        seen.add(did)
        content, deadline = _cell_text(cells[CONTENT_COL]), _cell_text(cells[DUE_COL])
        if _digest(content, deadline) != km["digest"]:
            raise ReplyRefusedError(
                f"Dòng {r}: nội dung hoặc thời hạn đã bị sửa; phiếu chỉ cho điền các cột "
                f"{HEADERS[DONE_COL]}, {HEADERS[DATE_COL]} và {HEADERS[RESULT_COL]}."
            )
        parsed.append((r, km.groupdict(), tuple(cells)))
    return ReplyPlan(org.id, org.name, org.short_name, made_on,
                     tuple(_plan_rows(org.id, parsed, today)))  # fmt: skip


def _plan_rows(
    org_id: int, parsed: list[tuple[int, dict[str, str], tuple[Any, ...]]], today: date
) -> list[ReplyRow]:
    ids = [int(k["did"]) for _, k, _ in parsed]
    now: dict[int, tuple[int, date]] = {}
    leads: dict[int, tuple[str, date | None, str]] = {}
    for part in batches(ids):
        now.update(
            (did, (ver, _as_date(held)))
            for did, ver, held in Directive.select(Directive.id, Directive.version, Meeting.held_on)
            .join(Meeting).where(Directive.id.in_(part)).tuples()
        )
        leads.update(
            (did, (status, _as_date(done) if done else None, note))
            for did, status, done, note in Assignment.select(
                Assignment.directive, Assignment.status, Assignment.done_on, Assignment.result_note
            ).where(Assignment.directive.in_(part) & (Assignment.organization == org_id)
                    & (Assignment.role == Role.LEAD.value)).tuples()
        )  # fmt: skip
    out = []
    for r, k, cells in parsed:
        did = int(k["did"])
        done = _read_done(cells[DONE_COL], r)
        day = _read_day(cells[DATE_COL], r)
        result = clean(_cell_text(cells[RESULT_COL]))
        base = ReplyRow(r, did, clean(_cell_text(cells[CONTENT_COL])),
                        clean(_cell_text(cells[DUE_COL])), RowKind.NOTHING)  # fmt: skip
        if not done and day is not None:
            raise ReplyRefusedError(
                f"Dòng {r} có ngày hoàn thành nhưng cột {HEADERS[DONE_COL]} không ghi {YES}."
            )
        code = unprintable(result)
        if code or len(result) > (MAX_NOTES if done else MAX_CONTENT):
            why = f"có ký tự không in được ({code})" if code else "quá dài"
            raise ReplyRefusedError(f"Dòng {r}: kết quả {why}.")
        if not done:
            row = replace(base, kind=RowKind.NOTE, result=result) if result else base
        elif day is None:
            raise ReplyRefusedError(f"Dòng {r} ghi {YES} nhưng chưa ghi ngày hoàn thành.")
        elif day > today:
            raise ReplyRefusedError(f"Dòng {r}: ngày hoàn thành {format_date(day)} chưa tới.")
        else:
            row = replace(base, kind=RowKind.DONE, done_on=day, result=result)
        if row.kind is RowKind.NOTHING:
            out.append(row)
        elif did not in now or did not in leads:
            out.append(replace(row, kind=RowKind.GONE, reason=(
                "nội dung đã bị xóa" if did not in now else "tổ chức không còn chủ trì nội dung này"
            )))  # fmt: skip
        else:
            out.append(_checked(row, now[did], leads[did], int(k["ver"])))
    return out


def _checked(
    row: ReplyRow, now: tuple[int, date], lead: tuple[str, date | None, str], version: int
) -> ReplyRow:
    """A change against the directive as stored: its date after the giao ban, a conflict
    when the directive changed since the form was made, nothing when already recorded."""
    current, held_on = now
    if row.done_on is not None and row.done_on < held_on:
        raise ReplyRefusedError(
            f"Dòng {row.row}: ngày hoàn thành {format_date(row.done_on)} trước ngày giao ban "
            f"{format_date(held_on)}."
        )
    if row.done_on is not None and lead == (Status.DONE.value, row.done_on, row.result):
        return replace(row, kind=RowKind.NOTHING, done_on=None, result="",
                       reason="đã cập nhật theo phiếu này trước đó")  # fmt: skip
    row = replace(row, version=current)
    if current != version:
        return replace(row, kind=RowKind.CONFLICT, reason="nội dung đã thay đổi sau khi lập phiếu")
    return row


def batches(ids: list[int], size: int = 5000) -> list[list[int]]:
    """``ids`` in slices a statement's parameter limit holds (SQLite's, the server's)."""
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
