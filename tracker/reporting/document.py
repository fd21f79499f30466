"""The follow-up report as a renderer-neutral document: every text, already worded.

PDF (also what the window previews and prints), XLSX and DOCX render this one
model, so the wording and the order of things live here and in :mod:`tracker.reporting.layout` only.
Cell texts may hold "\\n" for a line break inside the cell.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from tracker.dates import document_date, document_date_line, format_date
from tracker.reporting.layout import LAYOUT, Column, ReportLayout
from tracker.rows import (
    Category,
    CategoryCounts,
    FollowUpGroup,
    FollowUpReport,
    FollowUpRow,
    MeetingRef,
    OwnerProgress,
)
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
    """Everything a renderer prints, in reading order: the báo cáo, then its phụ lục."""

    # header, left block (centred in its block)
    province_line: str  # TỈNH ỦY NAM ĐỊNH
    issuing_body_line: str  # BAN DÂN VẬN (bold)
    star_line: str  # *
    number_line: str  # Số 12-BC/BDVTU
    # header, right block
    party_line: str  # ĐẢNG CỘNG SẢN VIỆT NAM (bold, rule under it)
    date_line: str  # Nam Định, ngày 05 tháng 7 năm 2021 (italic)
    # the báo cáo
    title: str  # BÁO CÁO
    subtitle: str  # the trích yếu, bold lower case, a short rule under it
    body: tuple[str, ...]  # paragraphs: lead-in, figures, who is late (justified, indented)
    summary_heading: str
    summary_table: Table | None  # per organization; None when empty
    summary_note: str  # what the summary table counts
    closing_text: tuple[str, ...]  # the last lines, kept on the signature's page
    # closing block
    recipients_heading: str  # Nơi nhận:
    recipients: tuple[str, ...]  # "- …;" lines, "- Lưu …." last
    signer_capacity: tuple[str, ...]  # TRƯỞNG BAN | K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN
    signer_name: str  # "" leaves a blank line to write the name
    # the phụ lục: the detailed list (absent when the report is empty)
    appendix_title: str  # PHỤ LỤC
    appendix_subtitle: str  # what it lists, in capitals
    as_of_line: str  # (tính đến ngày 05/7/2021)
    appendix_reference: str  # (Kèm theo Báo cáo số …, ngày … của …)
    table: Table | None  # None when the report is empty …
    empty_message: str  # … and this sentence is in the body instead ("" otherwise)
    layout: ReportLayout = LAYOUT
    # the optional chart: a PNG picture (drawn by the window) under its heading
    chart_heading: str = ""
    chart_png: bytes | None = None
    # a letter (công văn) has no title: its "V/v …" subject goes under the number,
    # then "Kính gửi: …" before the body
    subject_line: str = ""
    addressee: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """The body as one text (for the window and for tests)."""
        return " ".join(self.body)


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
    chased: Mapping[int, int] | None = None,
) -> ReportDocument:
    """Word ``report`` as the Party document issued on ``issued_on`` by ``settings``'s body.

    ``chart_png``, a picture of the per-organization counts, is printed with the
    phụ lục; an empty report prints no chart. ``chased`` (directive id → reminder
    letters sent, :func:`tracker.queries.letters_sent`) adds "(đã đôn đốc N lần)" to
    the result cell of each chased row.
    """
    lay = layout
    ph = lay.placeholder
    province = user_text(settings.province).strip()
    place = user_text(settings.place_name).strip()
    body_name = user_text(settings.issuing_body).strip()
    number = user_text(settings.document_number).strip() or lay.number_placeholder
    code = user_text(settings.document_code).strip() or lay.default_document_code
    issuer_code = user_text(settings.issuer_code).strip() or ph
    issuer = lay.issuer_template.format(body=body_name or ph)
    number_line = lay.number_template.format(number=number, code=code, issuer=issuer_code)
    as_of_text = document_date(report.as_of)
    meetings = _meetings_phrase(report.meetings, lay)

    if report.quarter is not None:
        subject = _subject(report, lay)
        lead_in = lay.lead_in_followup.format(
            meetings=meetings or "các hội nghị giao ban",
            issuer=issuer,
            quarter=report.quarter.words,
            date=as_of_text,
        )
        empty_message = lay.empty_followup_template.format(quarter=report.quarter.words)
        appendix_subtitle = lay.appendix_followup.format(quarter=report.quarter.words.upper())
        closing = lay.closing_followup.format(issuer=issuer)
    else:
        subject = lay.subject_open_items.format(date=as_of_text)
        lead_in = lay.lead_in_open_items.format(
            meetings=meetings or "các hội nghị giao ban", issuer=issuer, date=as_of_text
        )
        empty_message = lay.empty_open_items_template.format(date=as_of_text)
        appendix_subtitle = lay.appendix_open_items
        closing = lay.closing_open_items.format(issuer=issuer)

    table: Table | None = None
    summary_table: Table | None = None
    body: list[str] = [user_text(lead_in)]
    closing_text: tuple[str, ...]
    if report.empty:
        empty = empty_message
        body.append(empty)
        closing_text = (closing,)
    else:
        empty = ""
        body.append(user_text(report.summary_sentence))
        late = _late_organizations(report, lay)
        if late:
            body.append(late)
        table = _followup_table(report, lay, chased or {})
        summary_table = _summary_table(report, lay)
        closing_text = (lay.appendix_pointer, closing)

    number_ref = number_line.removeprefix("Số ").strip()
    return ReportDocument(
        province_line=lay.province_template.format(province=(province or ph).upper()),
        issuing_body_line=(body_name or ph).upper(),
        star_line=lay.star,
        number_line=number_line,
        party_line=lay.party_line,
        date_line=document_date_line(place or ph, issued_on),
        title=lay.report_type,
        subtitle=user_text(subject),
        body=tuple(body),
        summary_heading=lay.summary_table_heading if summary_table is not None else "",
        summary_table=summary_table,
        summary_note=lay.summary_table_note if summary_table is not None else "",
        closing_text=closing_text,
        recipients_heading=lay.recipients_heading,
        recipients=_recipients(settings, lay),
        signer_capacity=(
            lay.deputy_capacity
            if settings.signer_capacity is SignerCapacity.DEPUTY
            else lay.head_capacity
        ),
        signer_name=user_text(settings.signer_name).strip(),
        appendix_title=lay.appendix_title,
        appendix_subtitle=appendix_subtitle,
        as_of_line=lay.appendix_as_of.format(date=as_of_text),
        appendix_reference=lay.appendix_reference.format(
            number=number_ref, date=document_date(issued_on), issuer=issuer
        ),
        table=table,
        empty_message=empty,
        layout=lay,
        chart_heading=lay.chart_heading if chart_png and not report.empty else "",
        chart_png=chart_png if chart_png and not report.empty else None,
    )


# --- the báo cáo's sentences ------------------------------------------------------


def _meetings_phrase(meetings: tuple[MeetingRef, ...], lay: ReportLayout) -> str:
    """ "hội nghị giao ban quý I năm 2021 (ngày 01/4/2021, Thông báo kết luận số …)"."""
    parts = []
    for m in meetings:
        details = [lay.meeting_when_date.format(date=document_date(m.held_on))]
        if m.notice_ref.strip():
            details.append(lay.meeting_notice.format(ref=user_text(m.notice_ref.strip())))
        if m.reviewed_quarter is not None:
            parts.append(f"{m.reviewed_quarter.words} ({', '.join(details)})")
        else:
            parts.append(", ".join(details))
    if not parts:
        return ""
    if len(parts) == 1:
        return f"hội nghị giao ban {parts[0]}"
    return "các hội nghị giao ban " + "; ".join(parts[:-1]) + " và " + parts[-1]


def _subject(report: FollowUpReport, lay: ReportLayout) -> str:
    """The trích yếu: the giao ban named when the quarter's directives come from one."""
    assert report.quarter is not None
    own = {
        r.meeting_id
        for g in report.groups
        for r in g.rows
        if r.due == report.quarter and r.carried_from is None
    }
    if len(own) == 1:
        (mid,) = own
        meeting = next((m for m in report.meetings if m.id == mid), None)
        if meeting is not None:
            when = (
                meeting.reviewed_quarter.words
                if meeting.reviewed_quarter is not None
                else lay.meeting_when_date.format(date=document_date(meeting.held_on))
            )
            return lay.subject_one_meeting.format(when=when)
    return lay.subject_meetings.format(quarter=report.quarter.words)


def _late_organizations(report: FollowUpReport, lay: ReportLayout) -> str:
    late = [(name, c.open_overdue) for name, c in report.per_org_counts if c.open_overdue]
    if not late:
        return ""
    orgs = ", ".join(
        lay.overdue_org_template.format(name=user_text(name), count=n) for name, n in late
    )
    return lay.overdue_template.format(orgs=orgs)


# --- the tables -----------------------------------------------------------------


def _followup_table(report: FollowUpReport, lay: ReportLayout, chased: Mapping[int, int]) -> Table:
    sections = []
    notices = {m.id: m.notice_ref.strip() for m in report.meetings}
    for index, group in enumerate(g for g in report.groups if g.rows):
        heading = lay.group_number_template.format(
            roman=roman(index + 1), heading=user_text(group.heading)
        )
        sections.append(Section(heading, _group_rows(group, report, lay, notices, chased)))
    return Table(lay.columns, tuple(sections))


def _group_rows(
    group: FollowUpGroup,
    report: FollowUpReport,
    lay: ReportLayout,
    notices: dict[int, str],
    chased: Mapping[int, int],
) -> tuple[tuple[str, ...], ...]:
    # Standing (thường xuyên) rows after the dated ones; otherwise the query's order.
    ordered = sorted(group.rows, key=lambda r: r.due is None)
    rows = []
    for number, row in enumerate(ordered, start=1):
        cells = row_cells(
            row,
            number,
            lay,
            open_items=report.quarter is None,
            notice_ref=notices.get(row.meeting_id, ""),
        )
        count = chased.get(row.directive_id, 0)
        if count:
            note = lay.chased_template.format(count=count)
            cells = (*cells[:-1], f"{cells[-1]}\n{note}" if cells[-1] else note)
        rows.append(cells)
    return tuple(rows)


def row_cells(
    row: FollowUpRow,
    number: int,
    lay: ReportLayout = LAYOUT,
    *,
    open_items: bool = False,
    notice_ref: str = "",
) -> tuple[str, ...]:
    """The cells of one follow-up row, in the order of ``lay.columns``."""
    held = format_date(row.meeting_held_on)
    if notice_ref:
        held += "\n" + lay.notice_cell_template.format(ref=user_text(notice_ref))
    return (
        str(number),
        user_text(row.content),
        held,
        user_text(", ".join(row.lead_names)),
        user_text(", ".join(row.support_names)),
        due_text(row, lay),
        status_text(row, lay, open_items=open_items),
        user_text(result_text(row, lay)),
    )


def due_text(row: FollowUpRow, lay: ReportLayout = LAYOUT) -> str:
    """The deadline: Quý II-2021, "Quý III-2021\n(gia hạn từ Quý II-2021)", Thường xuyên."""
    if row.due is None:
        return lay.standing_due
    text = str(row.due)
    if row.original_due is not None and row.original_due != row.due:
        text += "\n" + lay.extended_template.format(quarter=row.original_due)
    return text


def status_text(
    row: FollowUpRow, lay: ReportLayout = LAYOUT, *, open_items: bool = False
) -> str:
    """The row's category in words, with its done date, lateness and origin quarter;
    for a row shared by several leads, each lead's own category."""
    if row.owners and len({o.category for o in row.owners}) > 1:
        text = _owners_status(row.owners, lay)
    else:
        text = lay.category_label(row.category)
        done = (Category.DONE_ON_TIME, Category.DONE_LATE)
        if row.category in done and row.owners and len({o.done_on for o in row.owners}) > 1:
            text = _owners_status(row.owners, lay)
        elif row.category in done and row.done_on:
            text = lay.done_on_template.format(label=text, date=format_date(row.done_on))
    if row.carried_from is not None:
        text = lay.carried_template.format(status=text, quarter=row.carried_from)
    if open_items and row.category is Category.OPEN_OVERDUE and row.days_overdue > 0:
        text += "\n(" + lay.days_late_template.format(days=row.days_overdue) + ")"
    return text


def _owners_status(owners: tuple[OwnerProgress, ...], lay: ReportLayout) -> str:
    """One line per category: "Hoàn thành đúng hạn: MTTQ (12/05/2021), Hội ND (14/05/2021)"."""
    lines = []
    for category, label in lay.category_labels:
        names = [
            lay.owner_done_template.format(name=o.short_name, date=format_date(o.done_on))
            if o.done_on is not None and category in (Category.DONE_ON_TIME, Category.DONE_LATE)
            else o.short_name
            for o in owners
            if o.category is category
        ]
        if names:
            lines.append(lay.owner_line_template.format(label=label, names=", ".join(names)))
    return "\n".join(lines)


def result_text(row: FollowUpRow, lay: ReportLayout = LAYOUT) -> str:
    """The result or progress: one text, or each lead's own when they differ."""
    if not row.owners:
        return row.latest_note
    notes = [(o.short_name, o.note.strip()) for o in row.owners if o.note.strip()]
    if not notes:
        return ""
    if len({n for _, n in notes}) == 1 and len(notes) == len(row.owners):
        return notes[0][1]
    return "\n".join(lay.owner_note_template.format(name=name, note=n) for name, n in notes)


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
    """Per lead organization, its own parts; the Cộng row adds the columns up."""
    pairs = report.per_org_counts
    if not pairs:
        return None
    rows = tuple(
        (str(i), user_text(name), *_count_cells(counts))
        for i, (name, counts) in enumerate(pairs, start=1)
    )
    summed = CategoryCounts(*(sum(getattr(c, f) for _, c in pairs) for f in _COUNT_FIELDS))
    total = ("", lay.summary_total_label, *_count_cells(summed))
    return Table(lay.summary_columns, (Section("", rows),), total)


_COUNT_FIELDS = (
    "total", "done_on_time", "done_late", "open_in_time", "open_overdue", "standing", "cancelled",
)  # fmt: skip


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
