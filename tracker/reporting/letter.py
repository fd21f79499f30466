"""The reminder letter (công văn đôn đốc) to one organization: its open items of a quarter.

Worded here as a :class:`~tracker.reporting.document.ReportDocument` without a title, so
the follow-up report's PDF and DOCX writers lay it out (header blocks, signature, Nơi
nhận); the wording lives in :mod:`tracker.reporting.layout`.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.dates import document_date, document_date_line, format_date
from tracker.errors import ValidationError
from tracker.followup import GROUP_BY_EACH_ORG, follow_up_list
from tracker.quarters import Quarter
from tracker.reporting.document import (
    ReportDocument,
    Section,
    Table,
    _meetings_phrase,
    _recipients,
    row_cells,
    user_text,
)
from tracker.reporting.layout import LAYOUT, ReportLayout
from tracker.rows import Category, FollowUpReport, FollowUpRow
from tracker.safe_write import write_verified
from tracker.settings import ReportSettings, SignerCapacity

LETTER_FORMATS = ("pdf", "docx")


@dataclass(frozen=True)
class LetterOptions:
    """What the clerk chooses for a letter; ``as_of`` defaults to ``issued_on``, the
    report-back date to ``issued_on`` plus the layout's letter_report_by_days."""

    issued_on: date
    number: str = ""
    report_by: date | None = None
    as_of: date | None = None


@dataclass(frozen=True)
class Letter:
    """One organization's letter and the directives it lists."""

    organization_id: int
    short_name: str
    document: ReportDocument
    directive_ids: tuple[int, ...]
    reference: str  # "15-CV/BDVTU", as the history records it

    @property
    def empty(self) -> bool:
        """The organization has nothing open to chase."""
        return not self.directive_ids


def quarter_report(quarter: Quarter, options: LetterOptions) -> FollowUpReport:
    """The quarter's unfinished parts per organization, which letters are cut from;
    computed once for several letters."""
    return follow_up_list(
        quarter,
        as_of=options.as_of or options.issued_on,
        include_done=False,
        group_by=GROUP_BY_EACH_ORG,
    )


def build_letter(
    organization_id: int,
    quarter: Quarter,
    options: LetterOptions,
    settings: ReportSettings,
    *,
    report: FollowUpReport | None = None,
    layout: ReportLayout = LAYOUT,
) -> Letter:
    """The letter to ``organization_id`` about its dated parts of ``quarter`` not finished
    as of the options' date (carried over from earlier quarters and overdue ones marked);
    standing directives are not chased. ``report`` is :func:`quarter_report`, passed in
    when writing several letters."""
    from tracker.queries import list_organizations

    org = next((o for o in list_organizations() if o.id == organization_id), None)
    if org is None:
        raise ValidationError(f"Không có tổ chức mã số {organization_id}.", field="org")
    report = report or quarter_report(quarter, options)
    rows = tuple(
        r
        for g in report.groups
        if g.organization_id == organization_id
        for r in g.rows
        if r.due is not None
    )
    lay = dataclasses.replace(layout, landscape=False, table_size=layout.letter_table_size,
                              table_header_size=layout.letter_table_size)  # fmt: skip
    own = dataclasses.replace(
        report,
        groups=tuple(dataclasses.replace(g, rows=rows) for g in report.groups
                     if g.organization_id == organization_id),
        meetings=tuple(m for m in report.meetings if m.id in {r.meeting_id for r in rows}),
    )  # fmt: skip
    doc = _document(org.name, own, rows, options, settings, lay)
    reference = doc.number_line.removeprefix("Số ").strip()
    ids = tuple(dict.fromkeys(r.directive_id for r in rows))
    return Letter(organization_id, org.short_name, doc, ids, reference)


def write_letter(letter: Letter, *, fmt: str, path: str | os.PathLike[str]) -> None:
    """Write ``letter`` as "pdf" or "docx", checked beside its target then moved into
    place (tracker.safe_write): a failure leaves no half letter and the old file whole."""
    if fmt not in LETTER_FORMATS:
        raise ValidationError(
            f'Không hỗ trợ định dạng "{fmt}" cho công văn: hãy chọn pdf hoặc docx.',
            field="format",
        )
    doc = letter.document
    if fmt == "docx":
        from tracker.reporting.docx import write_docx

        write_verified(path, lambda out: write_docx(doc, out), "docx")
    else:
        from tracker.reporting.pdf import write_pdf

        write_verified(path, lambda out: write_pdf(doc, out), "pdf")


def write_letters_pdf(letters: list[Letter], path: str | os.PathLike[str]) -> None:
    """Several letters in one PDF, each starting on its own page (for printing)."""
    from tracker.reporting.pdf import write_pdfs

    docs = [letter.document for letter in letters]
    write_verified(path, lambda out: write_pdfs(docs, out), "pdf")


def _document(
    name: str,
    report: FollowUpReport,
    rows: tuple[FollowUpRow, ...],
    options: LetterOptions,
    settings: ReportSettings,
    lay: ReportLayout,
) -> ReportDocument:
    ph = lay.placeholder
    province = user_text(settings.province).strip()
    place = user_text(settings.place_name).strip()
    body_name = user_text(settings.issuing_body).strip()
    number = user_text(options.number).strip() or lay.number_placeholder
    issuer_code = user_text(settings.issuer_code).strip() or ph
    issuer = lay.issuer_template.format(body=body_name or ph)
    as_of = options.as_of or options.issued_on
    report_by = options.report_by or options.issued_on + timedelta(days=lay.letter_report_by_days)
    name = user_text(name)
    assert report.quarter is not None
    if len(report.meetings) == 1:
        (meeting,) = report.meetings
        when = (
            meeting.reviewed_quarter.words
            if meeting.reviewed_quarter is not None
            else lay.meeting_when_date.format(date=document_date(meeting.held_on))
        )
        subject = lay.letter_subject.format(when=when)
    else:
        subject = lay.letter_subject_many.format(quarter=report.quarter.words)
    notices = {m.id: m.notice_ref.strip() for m in report.meetings}
    cells = tuple(
        row_cells(r, n, lay, open_items=True, notice_ref=notices.get(r.meeting_id, ""))[
            : len(lay.letter_columns)
        ]
        for n, r in enumerate(rows, start=1)
    )
    overdue = sum(r.category is Category.OPEN_OVERDUE for r in rows)
    carried = sum(r.carried_from is not None for r in rows)
    lead_in = lay.letter_lead_in.format(
        meetings=_meetings_named(report, lay),
        issuer=issuer, date=document_date(as_of), name=name, count=len(rows),
        details=_details(overdue, carried, lay),
    )  # fmt: skip
    request = lay.letter_request.format(name=name, issuer=issuer, date=format_date(report_by))
    letter_settings = dataclasses.replace(
        settings, recipients=(lay.letter_recipient_first, *settings.recipients)
    )
    return ReportDocument(
        province_line=lay.province_template.format(province=(province or ph).upper()),
        issuing_body_line=(body_name or ph).upper(),
        star_line=lay.star,
        number_line=lay.number_template.format(
            number=number, code=lay.letter_code, issuer=issuer_code
        ),
        party_line=lay.party_line,
        date_line=document_date_line(place or ph, options.issued_on),
        title="",
        subtitle="",
        body=(user_text(lead_in),),
        summary_heading="",
        summary_table=Table(lay.letter_columns, (Section("", cells),)) if cells else None,
        summary_note="",
        closing_text=(user_text(request),),
        recipients_heading=lay.recipients_heading,
        recipients=_recipients(letter_settings, lay),
        signer_capacity=(
            lay.deputy_capacity
            if settings.signer_capacity is SignerCapacity.DEPUTY
            else lay.head_capacity
        ),
        signer_name=user_text(settings.signer_name).strip(),
        appendix_title="",
        appendix_subtitle="",
        as_of_line="",
        appendix_reference="",
        table=None,
        empty_message="",
        layout=lay,
        subject_line=user_text(subject),
        addressee=(lay.letter_addressee.format(name=name),),
    )


def _details(overdue: int, carried: int, lay: ReportLayout) -> str:
    """ " (trong đó quá hạn 2, chuyển từ quý trước 1)", without the parts that count nothing."""
    parts = [
        template.format(count=n)
        for template, n in ((lay.letter_overdue, overdue), (lay.letter_carried, carried))
        if n
    ]
    return lay.letter_details.format(parts=", ".join(parts)) if parts else ""


def _meetings_named(report: FollowUpReport, lay: ReportLayout) -> str:
    """The giao ban the items come from: each named, or their span when there are many
    (a backlog carried over for years would otherwise fill the first page)."""
    meetings = sorted(report.meetings, key=lambda m: m.held_on)
    if len(meetings) > lay.letter_meetings_listed:
        return lay.letter_meetings_span.format(
            first=format_date(meetings[0].held_on), last=format_date(meetings[-1].held_on)
        )
    return _meetings_phrase(report.meetings, lay) or "các hội nghị giao ban"
