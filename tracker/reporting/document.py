"""The follow-up report as a renderer-neutral document: every text, already worded.

HTML (PDF, printer), XLSX and DOCX render this one model, so the wording and
the order of things live here and in :mod:`tracker.reporting.layout` only.
Cell texts may hold "\\n" for a line break inside the cell.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from tracker.dates import document_date_line, format_date
from tracker.reporting.layout import LAYOUT, Column, ReportLayout
from tracker.rows import Category, CategoryCounts, FollowUpGroup, FollowUpReport, FollowUpRow
from tracker.settings import ReportSettings, SignerCapacity
from tracker.text import printable

# C0/C1 control characters other than tab and newline: XML (xlsx, docx) rejects them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


@dataclass(frozen=True)
class Section:
    """Rows under one heading (an organization or a meeting); "" means no heading row."""

    heading: str
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Table:
    """A bordered table: header titles and widths, sections of rows, an optional total row."""

    columns: tuple[Column, ...]
    sections: tuple[Section, ...]
    total: tuple[str, ...] | None = None  # printed bold, last

    @property
    def row_count(self) -> int:
        """Body rows, headings and total left out."""
        return sum(len(s.rows) for s in self.sections)


@dataclass(frozen=True)
class ReportDocument:
    """Everything a renderer prints, in reading order."""

    # header, left block (centred in its block)
    province_line: str  # TỈNH ỦY NAM ĐỊNH
    issuing_body_line: str  # BAN DÂN VẬN (bold)
    star_line: str  # *
    number_line: str  # Số 12-BC/BDVTU
    # header, right block
    party_line: str  # ĐẢNG CỘNG SẢN VIỆT NAM (bold, rule under it)
    date_line: str  # Nam Định, ngày 05 tháng 7 năm 2021 (italic)
    # titles
    title: str
    subtitle: str  # "Quý II-2021", or the open-items subtitle
    as_of_line: str  # (tính đến ngày 05/07/2021)
    # body
    summary: str  # the summary paragraph; "" when the report is empty
    summary_heading: str
    summary_table: Table | None  # per organization; None when empty
    list_heading: str
    table: Table | None  # None when the report is empty …
    empty_message: str  # … and this sentence is printed instead ("" otherwise)
    # closing block
    recipients_heading: str  # Nơi nhận:
    recipients: tuple[str, ...]  # "- …;" lines, "- Lưu …." last
    signer_capacity: tuple[str, ...]  # TRƯỞNG BAN | K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN
    signer_name: str  # "" leaves a blank line to write the name
    layout: ReportLayout = LAYOUT
    # the optional chart: a PNG picture (drawn by the window) under its heading
    chart_heading: str = ""
    chart_png: bytes | None = None


def user_text(text: str) -> str:
    """Typed text as printed: NFC, without control characters XML cannot carry (a
    database from before they were refused on entry may still hold some)."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", printable(text)))


def roman(n: int) -> str:
    """``roman(4) == "IV"`` (group numbers)."""
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def build_document(
    report: FollowUpReport,
    settings: ReportSettings,
    issued_on: date,
    layout: ReportLayout = LAYOUT,
    *,
    chart_png: bytes | None = None,
) -> ReportDocument:
    """Word ``report`` as the Party document issued on ``issued_on`` by ``settings``'s body.

    ``chart_png``, a picture of the per-organization counts, is printed after the
    summary table; an empty report prints no chart.
    """
    lay = layout
    ph = lay.placeholder
    province = user_text(settings.province).strip()
    place = user_text(settings.place_name).strip()
    body = user_text(settings.issuing_body).strip()
    number = user_text(settings.document_number).strip() or lay.number_placeholder
    code = user_text(settings.document_code).strip() or lay.default_document_code
    issuer = user_text(settings.issuer_code).strip() or ph

    as_of = lay.as_of_template.format(date=format_date(report.as_of))
    if report.quarter is not None:
        title, subtitle = lay.followup_title, str(report.quarter)
        empty_message = lay.empty_followup_template.format(quarter=report.quarter)
    else:
        title, subtitle = lay.open_items_title, lay.open_items_subtitle
        empty_message = lay.empty_open_items_template.format(date=format_date(report.as_of))

    table: Table | None = None
    summary_table: Table | None = None
    summary = ""
    if report.empty:
        empty = empty_message
    else:
        empty = ""
        summary = user_text(report.summary_sentence)
        table = _followup_table(report, lay)
        summary_table = _summary_table(report, lay)

    return ReportDocument(
        province_line=lay.province_template.format(province=(province or ph).upper()),
        issuing_body_line=(body or ph).upper(),
        star_line=lay.star,
        number_line=lay.number_template.format(number=number, code=code, issuer=issuer),
        party_line=lay.party_line,
        date_line=document_date_line(place or ph, issued_on),
        title=title,
        subtitle=subtitle,
        as_of_line=as_of,
        summary=summary,
        summary_heading=lay.summary_table_heading,
        summary_table=summary_table,
        list_heading=lay.list_heading,
        table=table,
        empty_message=empty,
        recipients_heading=lay.recipients_heading,
        recipients=_recipients(settings, lay),
        signer_capacity=(
            lay.deputy_capacity
            if settings.signer_capacity is SignerCapacity.DEPUTY
            else lay.head_capacity
        ),
        signer_name=user_text(settings.signer_name).strip(),
        layout=lay,
        chart_heading=lay.chart_heading if chart_png and not report.empty else "",
        chart_png=chart_png if chart_png and not report.empty else None,
    )


# --- the tables -----------------------------------------------------------------


def _followup_table(report: FollowUpReport, lay: ReportLayout) -> Table:
    sections = []
    for index, group in enumerate(g for g in report.groups if g.rows):
        heading = lay.group_number_template.format(
            roman=roman(index + 1), heading=user_text(group.heading)
        )
        sections.append(Section(heading, _group_rows(group, report, lay)))
    return Table(lay.columns, tuple(sections))


def _group_rows(
    group: FollowUpGroup, report: FollowUpReport, lay: ReportLayout
) -> tuple[tuple[str, ...], ...]:
    # Standing (thường xuyên) rows after the dated ones; otherwise the query's order.
    ordered = sorted(group.rows, key=lambda r: r.due is None)
    return tuple(
        row_cells(row, number, report.as_of, lay, open_items=report.quarter is None)
        for number, row in enumerate(ordered, start=1)
    )


def row_cells(
    row: FollowUpRow,
    number: int,
    as_of: date,
    lay: ReportLayout = LAYOUT,
    *,
    open_items: bool = False,
) -> tuple[str, ...]:
    """The cells of one follow-up row, in the order of ``lay.columns``."""
    return (
        str(number),
        user_text(row.content),
        format_date(row.meeting_held_on),
        user_text(", ".join(row.lead_names)),
        user_text(", ".join(row.support_names)),
        due_text(row, lay),
        status_text(row, as_of, lay, open_items=open_items),
        user_text(row.latest_note),
    )


def due_text(row: FollowUpRow, lay: ReportLayout = LAYOUT) -> str:
    """The deadline: Quý II-2021, "Quý III-2021\\n(gia hạn từ Quý II-2021)", Thường xuyên."""
    if row.due is None:
        return lay.standing_due
    text = str(row.due)
    if row.original_due is not None and row.original_due != row.due:
        text += "\n" + lay.extended_template.format(quarter=row.original_due)
    return text


def status_text(
    row: FollowUpRow, as_of: date, lay: ReportLayout = LAYOUT, *, open_items: bool = False
) -> str:
    """The row's category in words, with its done date, lateness and origin quarter."""
    text = lay.category_label(row.category)
    if row.category in (Category.DONE_ON_TIME, Category.DONE_LATE) and row.done_on:
        text = lay.done_on_template.format(label=text, date=format_date(row.done_on))
    if row.carried_from is not None:
        text = lay.carried_template.format(status=text, quarter=row.carried_from)
    if open_items and row.category is Category.OPEN_OVERDUE and row.due is not None:
        days = (as_of - row.due.last_day).days
        if days > 0:
            text += "\n(" + lay.days_late_template.format(days=days) + ")"
    return text


def _count_cells(counts: CategoryCounts) -> tuple[str, ...]:
    return tuple(
        str(n)
        for n in (
            counts.total,
            counts.done_on_time,
            counts.done_late,
            counts.open_in_time,
            counts.open_overdue,
            counts.standing,
            counts.cancelled,
        )
    )


def _summary_table(report: FollowUpReport, lay: ReportLayout) -> Table | None:
    pairs = report.per_org_counts or tuple(
        (g.heading, g.counts) for g in report.groups if g.rows and report.group_by == "org"
    )
    if not pairs:
        return None
    rows = tuple(
        (str(i), user_text(name), *_count_cells(counts))
        for i, (name, counts) in enumerate(pairs, start=1)
    )
    total = ("", lay.summary_total_label, *_count_cells(report.totals))
    return Table(lay.summary_columns, (Section("", rows),), total)


# --- the closing block ----------------------------------------------------------


def _recipients(settings: ReportSettings, lay: ReportLayout) -> tuple[str, ...]:
    lines = [
        lay.recipient_template.format(text=text)
        for raw in settings.recipients
        if (text := _strip_list_marks(user_text(raw)))
    ]
    archive = _strip_list_marks(user_text(settings.archive))
    if not archive:
        archive = lay.archive_placeholder
    elif not archive.casefold().startswith(lay.archive_prefix.casefold()):
        archive = f"{lay.archive_prefix} {archive}"
    lines.append(lay.archive_template.format(text=archive))
    return tuple(lines)


def _strip_list_marks(text: str) -> str:
    """Drop the list marks the templates add back: "- A;" → "A"."""
    text = text.strip()
    text = text.removeprefix("-").removeprefix("–").strip()
    return text.rstrip(";,.").strip()
