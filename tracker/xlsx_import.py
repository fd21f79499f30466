"""Import an office's Excel tracker (or an e-office export, or our own data workbook).

Reading is separate from writing: :func:`read_table` turns a sheet into plain rows
(merged cells filled, formulas as their cached values), :func:`find_mapping` finds the
header row by its column names (folded, with synonyms; a two-row header is joined),
:func:`make_plan` turns the rows into drafts, naming every problem and every unknown
organization with its rows (an organization is never guessed), and :func:`apply_plan`
writes the plan in one transaction through the services, or nothing.

Over 600 lines: the four steps share the column vocabulary and the cell readers, and
the window's wizard walks them one after the other; each is a separate function.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tracker import services
from tracker.changes import Changes
from tracker.dates import format_date, parse_date
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.errors import ImportFileError, TrackerError
from tracker.quarters import Quarter, parse_deadline
from tracker.rows import GroupRow, OrganizationRow, Status
from tracker.safe_write import OutputError, read_source
from tracker.text import clean, fold, unprintable

MAX_FILE_BYTES = 100 * 1024 * 1024
HEADER_SCAN_ROWS = 30  # the header row is looked for among the first rows only
NO_DATE = date(1970, 1, 1)  # e-office's "no deadline"
ELLIPSIS = ("…", "...")

# Each field and the column names that mean it, folded (tracker.text.fold).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "content": (
        "noi dung",
        "noi dung chi dao",
        "noi dung nhiem vu",
        "noi dung cong viec",
        "ten nhiem vu",
        "nhiem vu",
        "trich yeu",
    ),
    "leads": ("chu tri", "don vi chu tri", "co quan chu tri"),
    "supports": ("phoi hop", "don vi phoi hop", "co quan phoi hop"),
    "due": ("thoi han", "han xu ly", "thoi gian hoan thanh", "han hoan thanh"),
    "original_due": ("thoi han ban dau",),
    "result": ("ket qua", "tinh hinh thuc hien", "ket qua thuc hien"),
    "status": ("tinh trang", "trang thai"),
    "done_on": ("ngay hoan thanh",),
    "meeting_date": ("ngay giao ban", "ngay hoi nghi"),
    "meeting": ("hoi nghi", "nguon", "giao ban", "cuoc giao ban"),
    "topics": ("chu de",),
    "notes": ("ghi chu",),
}
# How the export names each field (the first synonym read back is the field itself).
EXPORT_HEADERS: dict[str, str] = {
    "meeting_date": "Ngày giao ban",
    "meeting": "Giao ban",
    "position": "STT",
    "content": "Nội dung",
    "leads": "Chủ trì",
    "supports": "Phối hợp",
    "due": "Thời hạn",
    "original_due": "Thời hạn ban đầu",
    "status": "Tình trạng",
    "done_on": "Ngày hoàn thành",
    "result": "Kết quả",
    "topics": "Chủ đề",
}
FIELD_LABELS: dict[str, str] = {
    **EXPORT_HEADERS,
    "meeting": "Giao ban / Hội nghị / Nguồn",
    "notes": "Ghi chú",
}
_STATUS_READ: dict[str, Status] = {
    "": Status.OPEN,
    "chua thuc hien": Status.OPEN,
    "chua hoan thanh": Status.OPEN,
    "chua trien khai": Status.OPEN,
    "qua han": Status.OPEN,
    "mo lai": Status.OPEN,
    "dang thuc hien": Status.IN_PROGRESS,
    "dang trien khai": Status.IN_PROGRESS,
    "dang xu ly": Status.IN_PROGRESS,
    "hoan thanh": Status.DONE,
    "da hoan thanh": Status.DONE,
    "da xong": Status.DONE,
    "hoan thanh dung han": Status.DONE,
    "hoan thanh qua han": Status.DONE,
    "da huy": Status.CANCELLED,
    "huy": Status.CANCELLED,
    "khong thuc hien": Status.CANCELLED,
}
_OWNER_SPLIT = re.compile(r"\s*(?:[;\n,+]|\s-\s)\s*")
_AND_SPLIT = re.compile(r"\s+(?:va|voi)\s+")
_LIST_MARK = re.compile(r"^[-•*+\s]+|[.\s]+$")
_DATE_IN_TEXT = re.compile(r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\b")
_PAREN = re.compile(r"\(.*?\)")


def _label(value: Any) -> str:
    """A header cell as compared: folded, without "(dd/mm/yyyy)", "*" or ":"."""
    if value is None:
        return ""
    return fold(_PAREN.sub(" ", str(value))).strip(" :*.")


def field_of(header: Any) -> str | None:
    """The field a column name means, or None."""
    key = _label(header)
    if not key:
        return None
    best: tuple[int, str] | None = None
    for name, words in SYNONYMS.items():
        for w in words:
            if key == w:
                return name
            if key.startswith(w + " ") and (best is None or len(w) > best[0]):
                best = (len(w), name)
    return best[1] if best else None


# --- reading a workbook -------------------------------------------------------------------


@dataclass(frozen=True)
class SheetTable:
    """A sheet's cell values, rows of equal length, merged ranges filled."""

    name: str
    rows: list[list[Any]]
    hidden: bool = False
    uncached: tuple[tuple[int, int], ...] = ()  # (row, column), 1-based: formulas without values


def open_workbook(path: str | Path) -> Any:
    """Load a workbook (values of formulas, as last computed) or raise ImportFileError."""
    p = Path(path)
    try:
        raw = read_source(p, MAX_FILE_BYTES)  # never blocks on a FIFO; folders refused
    except OutputError as exc:
        raise ImportFileError(f"{exc} Chưa nhập gì.") from exc
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ImportFileError(
            f'Tệp "{p.name}" là tệp Excel có mật khẩu hoặc dạng cũ (.xls). Hãy mở nó trong Excel, '
            "bỏ mật khẩu và lưu lại dạng .xlsx rồi nhập lại. Chưa nhập gì."
        )
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise ImportFileError(
            f'Tệp "{p.name}" không phải tệp Excel .xlsx (hoặc đã hỏng). Chưa nhập gì.'
        )
    import openpyxl  # imported here: 130 ms the other commands do not pay

    try:
        # Read-only mode streams the cells (twice as fast); merged ranges are read from
        # each sheet's XML by _merged_ranges.
        wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        wb.giaoban_raw = raw
        return wb
    except Exception as exc:  # openpyxl raises many kinds for a damaged package
        raise ImportFileError(
            f'Không đọc được tệp Excel "{p.name}": tệp bị hỏng hoặc không đúng dạng .xlsx '
            f"({type(exc).__name__}). Chưa nhập gì."
        ) from exc


FORMULA_CHECK_BYTES = 5 * 1024 * 1024  # larger files are not read twice to name formulas


def formula_workbook(path: str | Path, wb: Any) -> Any:
    """The workbook again with its formulas (not their values), to name formulas without a
    stored value; None for a large file (reading it twice costs seconds)."""
    try:
        if Path(path).stat().st_size > FORMULA_CHECK_BYTES:
            return None
        raw = read_source(Path(path), FORMULA_CHECK_BYTES)
        with zipfile.ZipFile(io.BytesIO(raw)) as z:  # no formula anywhere: nothing to name
            sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
            if not any(re.search(rb"<(?:\w+:)?f[ >/]", z.read(n)) for n in sheets):
                return None
        import openpyxl

        return openpyxl.load_workbook(io.BytesIO(raw), read_only=True)
    except Exception:  # the values were read: the check is a help, not a condition
        return None


def sheet_names(wb: Any) -> list[tuple[str, bool]]:
    """(name, hidden) of every worksheet, in order."""
    return [(ws.title, ws.sheet_state != "visible") for ws in wb.worksheets]


def read_table(wb: Any, name: str | None = None, *, formulas: Any = None) -> SheetTable:
    """The named sheet, or the first visible one that has a header row.

    ``formulas`` is the same workbook loaded without data_only, to name formulas that
    have no stored value (a file written by a program that does not compute them).
    """
    if name is not None:
        if name not in wb.sheetnames:
            raise ImportFileError(
                f'Không có trang tính "{name}"; tệp có: {", ".join(wb.sheetnames)}.'
            )
        return _table(wb[name], formulas)
    visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    if not visible:
        raise ImportFileError(
            "Mọi trang tính trong tệp đều bị ẩn; hãy chọn một trang bằng tên của nó "
            f"({', '.join(wb.sheetnames)}). Chưa nhập gì."
        )
    tables = [_table(ws, formulas) for ws in visible]
    for t in tables:
        if find_mapping(t) is not None:
            return t
    return tables[0]


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"')


def _merged_ranges(ws: Any) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of each merged range of a read-only sheet."""
    from openpyxl.utils.cell import coordinate_to_tuple

    raw = getattr(ws.parent, "giaoban_raw", None)
    path = getattr(ws, "_worksheet_path", None)
    if raw is None or path is None:
        ranges = getattr(getattr(ws, "merged_cells", None), "ranges", ())
        return [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ranges]
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        xml = z.read(path.lstrip("/"))
    out = []
    for a, b in _MERGE.findall(xml):
        r1, c1 = coordinate_to_tuple(a.decode())
        r2, c2 = coordinate_to_tuple(b.decode())
        out.append((r1, c1, r2, c2))
    return out


def _table(ws: Any, formulas: Any) -> SheetTable:
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()  # read-only mode may report empty rows a sheet's size still counts
    width = max((len(r) for r in rows), default=0)
    for line in rows:
        line.extend([None] * (width - len(line)))
    # Merged cells: the value of the top-left cell in every cell of the range.
    for min_row, min_col, max_row, max_col in _merged_ranges(ws):
        value = rows[min_row - 1][min_col - 1] if min_row <= len(rows) else None
        for r in range(min_row, min(max_row, len(rows)) + 1):
            for c in range(min_col, min(max_col, width) + 1):
                rows[r - 1][c - 1] = value
    uncached: list[tuple[int, int]] = []
    if formulas is not None and ws.title in formulas.sheetnames:
        for row in formulas[ws.title].iter_rows():
            for cell in row:
                v = cell.value
                if (
                    isinstance(v, str)
                    and v.startswith("=")
                    and rows[cell.row - 1][cell.column - 1] is None
                ):
                    uncached.append((cell.row, cell.column))
    return SheetTable(ws.title, rows, ws.sheet_state != "visible", tuple(uncached))


# --- the header -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnMap:
    """Where each field is: ``columns`` field → 0-based column; data starts at
    ``data_start`` (0-based row index), below the header row(s)."""

    header_rows: tuple[int, ...]
    columns: dict[str, int]
    data_start: int
    headers: tuple[str, ...] = ()  # the header text of every column, as shown to the clerk


def _fields(row: Sequence[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for col, value in enumerate(row):
        f = field_of(value)
        if f is not None and f not in found:
            found[f] = col
    return found


def find_mapping(table: SheetTable) -> ColumnMap | None:
    """The header row (or two rows) naming most fields, with a content column; else None."""
    best: ColumnMap | None = None
    for i, row in enumerate(table.rows[:HEADER_SCAN_ROWS]):
        found = _fields(row)
        if "content" not in found:
            continue
        header_rows: tuple[int, ...] = (i,)
        texts = [clean(str(v)) if v is not None else "" for v in row]
        if i + 1 < len(table.rows):  # a second header row: "Đơn vị" over "Chủ trì | Phối hợp"
            below = table.rows[i + 1]
            extra = {f: c for f, c in _fields(below).items() if f not in found or c != found[f]}
            if extra and not any(field_of(v) is None and v not in (None, "") for v in below):
                for f, c in extra.items():
                    found = {k: v for k, v in found.items() if v != c}
                    found[f] = c
                    texts[c] = clean(str(below[c]))
                header_rows = (i, i + 1)
        mapping = ColumnMap(header_rows, found, header_rows[-1] + 1, tuple(texts))
        if best is None or len(found) > len(best.columns):
            best = mapping
    return best


# --- values -------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_date(value.date())
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(str(value))


_parse_day = functools.lru_cache(maxsize=4096)(parse_date)


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    return _parse_day(text) if text else None


@functools.lru_cache(maxsize=4096)
def _deadline_text(text: str, default_year: int | None) -> Quarter | None:
    try:
        return parse_deadline(text, default_year=default_year)
    except TrackerError:
        if _DATE_IN_TEXT.fullmatch(text):
            d = parse_date(text)
            return None if d == NO_DATE else Quarter.of(d)
        raise


def read_deadline(value: Any, *, default_year: int | None = None) -> Quarter | None:
    """A deadline cell: a date (→ its quarter; 01/01/1970 = none), "Thường xuyên",
    any written quarter, or a date written as text. Empty is a standing task."""
    if isinstance(value, (date, datetime)):
        d = value.date() if isinstance(value, datetime) else value
        return None if d == NO_DATE else Quarter.of(d)
    text = _text(value)
    return _deadline_text(text, default_year) if text else None


def read_status(text: str) -> Status:
    key = fold(text).strip(" .")
    if key in _STATUS_READ:
        return _STATUS_READ[key]
    for word, status in sorted(_STATUS_READ.items(), key=lambda i: -len(i[0])):
        if word and key.startswith(word):
            return status
    raise ValueError(text)


# --- organizations ------------------------------------------------------------------------


@dataclass
class OrgIndex:
    """Organizations and groups by folded name or short name, plus the clerk's mapping."""

    names: dict[str, tuple[int, ...]] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    seen: dict[str, tuple[list[int], list[str]]] = field(default_factory=dict)  # cell → result

    @classmethod
    def build(
        cls,
        orgs: Iterable[OrganizationRow],
        groups: Iterable[GroupRow] = (),
        extra: Mapping[str, Sequence[int]] | None = None,
    ) -> OrgIndex:
        index = cls()
        for o in orgs:
            index.labels[o.id] = o.short_name
            for n in (o.name, o.short_name):
                index.names.setdefault(fold(n), (o.id,))
        for g in groups:
            for n in (g.name, g.short_name):
                index.names.setdefault(fold(n), g.organization_ids)
        for name, ids in (extra or {}).items():
            index.names[fold(name)] = tuple(ids)
        return index

    def resolve(self, cell: str) -> tuple[list[int], list[str]]:
        """Organization ids named in a cell, and the names not known (never guessed)."""
        found = self.seen.get(cell)
        if found is None:
            found = self.seen[cell] = self._resolve(cell)
        return list(found[0]), list(found[1])

    def _resolve(self, cell: str) -> tuple[list[int], list[str]]:
        ids: list[int] = []
        unknown: list[str] = []
        whole = fold(cell).strip(" .")
        if not whole:
            return ids, unknown
        if whole in self.names:
            return list(self.names[whole]), unknown
        for part in _OWNER_SPLIT.split(cell):
            name = _LIST_MARK.sub("", part)
            key = fold(name)
            if not key:
                continue
            if key in self.names:
                ids += self.names[key]
                continue
            pieces = [p for p in _AND_SPLIT.split(key) if p]
            if len(pieces) > 1 and all(p in self.names for p in pieces):
                for p in pieces:
                    ids += self.names[p]
            else:
                unknown.append(clean(name))
        return list(dict.fromkeys(ids)), unknown


# --- the plan -----------------------------------------------------------------------------


@dataclass(frozen=True)
class OwnerState:
    status: Status
    done_on: date | None
    note: str


@dataclass(frozen=True)
class PlannedRow:
    """One directive to import, from sheet row ``row`` (1-based, as Excel numbers it)."""

    row: int
    meeting_on: date
    meeting_title: str
    draft: DirectiveDraft  # its ``due`` is the deadline first given
    due: Quarter | None  # the deadline now (later than the first one after a gia hạn)
    states: dict[int, OwnerState]
    truncated: bool = False


@dataclass
class Plan:
    """Everything an import would write, and everything that stops it."""

    sheet: str
    rows: list[PlannedRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    unknown: dict[str, list[int]] = field(default_factory=dict)  # name → sheet rows
    warnings: list[str] = field(default_factory=list)
    skipped: int = 0  # rows without content (blank lines, section headings)

    @property
    def ready(self) -> bool:
        return not self.errors and not self.unknown and bool(self.rows)

    @property
    def meetings(self) -> list[tuple[date, str]]:
        return list(dict.fromkeys((r.meeting_on, r.meeting_title) for r in self.rows))


def default_title(on: date) -> str:
    return f"Giao ban ngày {format_date(on)}"


def _per_owner(text: str, leads: Sequence[int], orgs: OrgIndex) -> dict[int, str]:
    """A cell that is either one value for every lead or "Hội ND: …" lines per lead."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    out: dict[int, str] = {}
    if len(leads) > 1 and lines:
        for ln in lines:
            name, sep, rest = ln.partition(":")
            ids = orgs.names.get(fold(name)) if sep else None
            if ids is None or len(ids) != 1 or ids[0] not in leads:
                break
            out[ids[0]] = rest.strip()
        else:
            return out
    one = "\n".join(lines) if lines else ""
    return {i: one for i in leads}


def make_plan(
    table: SheetTable,
    mapping: ColumnMap,
    orgs: OrgIndex,
    *,
    meeting_date: date | None = None,
    meeting_title: str | None = None,
) -> Plan:
    """Drafts for every data row; problems and unknown organizations named by row."""
    plan = Plan(table.name)
    cols = mapping.columns
    if "meeting_date" not in cols and "meeting" not in cols and meeting_date is None:
        plan.errors.append(
            "Bảng không có cột ngày giao ban: hãy chọn cuộc giao ban để nhập vào "
            "(--meeting-date NGÀY)."
        )
        return plan
    uncached_rows = {r for r, _ in table.uncached}

    def cell(row: Sequence[Any], name: str) -> Any:
        c = cols.get(name)
        return row[c] if c is not None and c < len(row) else None

    for index in range(mapping.data_start, len(table.rows)):
        row = table.rows[index]
        excel_row = index + 1
        content = _text(cell(row, "content"))
        if not content:
            plan.skipped += 1
            continue
        problems: list[str] = []
        if excel_row in uncached_rows:
            problems.append(
                "có công thức chưa được tính (tệp chưa từng được mở và lưu trong Excel): "
                "hãy mở tệp trong Excel, lưu lại rồi nhập"
            )
        if len(content) > services.MAX_CONTENT:
            problems.append(f"nội dung quá dài (tối đa {services.MAX_CONTENT} ký tự)")
        if code := unprintable(content):
            problems.append(f"nội dung có ký tự điều khiển không in được ({code})")
        truncated = content.endswith(ELLIPSIS)
        # meeting
        on = meeting_date
        title = meeting_title
        if on is None:
            raw_day = cell(row, "meeting_date")
            raw_meeting = cell(row, "meeting")
            try:
                on = _day(raw_day) if raw_day not in (None, "") else None
                if on is None and raw_meeting not in (None, ""):
                    if isinstance(raw_meeting, (date, datetime)):
                        on = _day(raw_meeting)
                    elif m := _DATE_IN_TEXT.search(_text(raw_meeting)):
                        on = _parse_day(m[0])
            except TrackerError as exc:
                problems.append(f"ngày giao ban: {exc}")
            if on is None and not problems:
                problems.append("không có ngày giao ban")
            if (
                title is None
                and raw_meeting not in (None, "")
                and not isinstance(raw_meeting, (date, datetime))
            ):
                title = _text(raw_meeting)
        # owners
        leads, unknown = orgs.resolve(_text_lines(cell(row, "leads")))
        supports, unknown_s = orgs.resolve(_text_lines(cell(row, "supports")))
        for name in unknown + unknown_s:
            plan.unknown.setdefault(name, []).append(excel_row)
        if not leads and not unknown:
            problems.append("chưa ghi cơ quan chủ trì")
        # deadline
        due: Quarter | None = None
        original: Quarter | None = None
        year = on.year if on else None
        try:
            due = read_deadline(cell(row, "due"), default_year=year)
            if "original_due" in cols:
                original = read_deadline(cell(row, "original_due"), default_year=year)
            else:
                original = due
        except TrackerError as exc:
            problems.append(f"thời hạn: {exc}")
        # follow-up
        states: dict[int, OwnerState] = {}
        if leads:
            status_text = _per_owner(_text_lines(cell(row, "status")), leads, orgs)
            done_text = _per_owner(_text_lines(cell(row, "done_on")), leads, orgs)
            note_text = _per_owner(_text_lines(cell(row, "result")), leads, orgs)
            extra_note = _text(cell(row, "notes"))
            for org in leads:
                try:
                    status = read_status(status_text[org])
                except ValueError:
                    problems.append(f'không hiểu tình trạng "{status_text[org]}"')
                    break
                done_on = None
                raw_done = done_text[org]
                try:
                    done_on = _parse_day(raw_done) if raw_done else None
                except TrackerError as exc:
                    problems.append(f"ngày hoàn thành: {exc}")
                if done_on is not None and status is not Status.DONE:
                    status = Status.DONE  # a done date says it is done
                if status is Status.DONE and done_on is None:
                    done_on = on
                if done_on is not None and on is not None and done_on < on:
                    problems.append(
                        f"ngày hoàn thành {format_date(done_on)} trước ngày giao ban "
                        f"{format_date(on)}"
                    )
                note = note_text[org]
                if extra_note:
                    note = f"{note}\nGhi chú: {extra_note}" if note else f"Ghi chú: {extra_note}"
                if status is not Status.OPEN or note:
                    states[org] = OwnerState(status, done_on, note)
        if problems:
            plan.errors.append(f"Dòng {excel_row}: " + "; ".join(problems) + ".")
            continue
        if unknown or unknown_s or on is None:
            continue
        topics = tuple(t for t in (clean(x) for x in _text(cell(row, "topics")).split(";")) if t)
        # The deadline first given, then a gia hạn to the current one (when later).
        first = original if original is not None and due is not None and original < due else due
        draft = DirectiveDraft(
            content=content,
            lead_ids=tuple(leads),
            support_ids=tuple(s for s in supports if s not in leads),
            due=first,
            topics=topics,
        )
        planned = PlannedRow(
            excel_row, on, title or default_title(on), draft, due, states, truncated
        )
        plan.rows.append(planned)
        if truncated:
            plan.warnings.append(
                f"Dòng {excel_row}: nội dung bị cắt (kết thúc bằng “…”); hãy bổ sung sau khi nhập."
            )
    if not plan.rows and not plan.errors and not plan.unknown:
        plan.errors.append("Bảng không có dòng nội dung chỉ đạo nào để nhập.")
    return plan


def _text_lines(value: Any) -> str:
    """A cell's text keeping its lines (per-organization values are one per line)."""
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return _text(value)
    return "\n".join(clean(ln) for ln in str(value).splitlines() if clean(ln))


# --- writing ------------------------------------------------------------------------------


def _existing_meetings(keys: Iterable[tuple[date, str]]) -> dict[tuple[date, str], int]:
    """Meetings already in the database with the same day and title (folded)."""
    from tracker.store.models import Meeting

    out: dict[tuple[date, str], int] = {}
    for on, title in keys:
        found = (
            Meeting.select(Meeting.id)
            .where((Meeting.held_on == on) & (Meeting.title_folded == fold(title)))
            .first()
        )
        if found is not None:
            out[on, title] = found.id
    return out


def existing_meeting_ids(plan: Plan) -> list[int]:
    return list(_existing_meetings(plan.meetings).values())


@services.service
def apply_plan(plan: Plan) -> Changes:
    """Write every planned row in one transaction (each meeting found by day and title,
    else created), with the statuses, done dates and results; or nothing."""
    if not plan.ready:
        raise ImportFileError("Bảng còn lỗi hoặc tổ chức chưa rõ; chưa nhập gì.")
    existing = _existing_meetings(plan.meetings)
    changes = Changes()
    groups: dict[tuple[date, str], list[PlannedRow]] = {}
    for r in plan.rows:
        groups.setdefault((r.meeting_on, r.meeting_title), []).append(r)
    for key, rows in groups.items():
        mid = existing.get(key)
        if mid is None:
            made = services.log_meeting(
                meeting=MeetingDraft(held_on=key[0], title=key[1]),
                directives=[r.draft for r in rows],
            )
            changes |= made
            from tracker.store.models import Directive

            ids = [
                d.id
                for d in Directive.select(Directive.id)
                .where(Directive.meeting == made.created_id)
                .order_by(Directive.position)
            ]
        else:
            ids = []
            for r in rows:
                added = services.add_directive(meeting_id=mid, directive=r.draft)
                changes |= added
                assert added.created_id is not None
                ids.append(added.created_id)
        for did, r in zip(ids, rows, strict=True):
            if r.due is not None and r.draft.due is not None and r.due != r.draft.due:
                changes |= services.extend_deadline(
                    directive_id=did, new_due=r.due, reason="Gia hạn (theo tệp Excel)", on=key[0]
                )
            for org, st in r.states.items():
                changes |= services.set_status(
                    directive_ids=[did],
                    status=st.status,
                    on=st.done_on or key[0],
                    note=st.note,
                    organization_id=org,
                )
    return changes


DUPLICATE_CHECK_ROWS = 500  # rows the command line compares with the open directives


def duplicates(plan: Plan, limit: int = DUPLICATE_CHECK_ROWS) -> list[dict[str, Any]]:
    """The first ``limit`` planned rows that resemble an open directive (a warning)."""
    from tracker.duplicates import similar_open

    rows = plan.rows[:limit]
    return [
        {
            "row": r.row,
            "directive_id": found[0].directive_id,
            "content": found[0].content,
            "meeting_held_on": found[0].meeting_held_on.isoformat(),
            "meeting_title": found[0].meeting_title,
        }
        for r, found in zip(rows, similar_open([r.draft.content for r in rows]), strict=True)
        if found
    ]


def plan_json(plan: Plan) -> dict[str, Any]:
    """The plan as the command line prints it with --json."""
    return {
        "duplicates": duplicates(plan),
        "sheet": plan.sheet,
        "ready": plan.ready,
        "meetings": [{"held_on": on.isoformat(), "title": t} for on, t in plan.meetings],
        "rows": len(plan.rows),
        "skipped": plan.skipped,
        "errors": plan.errors,
        "unknown_organizations": [{"name": n, "rows": r} for n, r in plan.unknown.items()],
        "warnings": plan.warnings,
    }
