"""Hand-built follow-up reports (sample-like data and edge cases) for the report tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tracker.followup import summary_sentence
from tracker.quarters import Quarter
from tracker.rows import (
    Category,
    CategoryCounts,
    FollowUpGroup,
    FollowUpReport,
    FollowUpRow,
    MeetingRef,
    Status,
)
from tracker.settings import ReportSettings, SignerCapacity

Q1 = Quarter(2021, 1)
Q2 = Quarter(2021, 2)
Q3 = Quarter(2021, 3)
MEETING_ON = date(2021, 4, 1)  # giao ban quý I-2021, Nam Định
EARLIER_MEETING_ON = date(2021, 1, 8)
AS_OF = date(2021, 7, 5)
ISSUED_ON = date(2021, 7, 5)
NOTICE_REF = "45-TB/TU"  # the conclusion notice of the giao ban of 01/04/2021

ORGS = (
    (1, "Ủy ban MTTQ Việt Nam tỉnh", "MTTQ"),
    (2, "Hội Nông dân tỉnh", "Hội ND"),
    (3, "Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN"),
    (4, "Tỉnh đoàn", "Tỉnh đoàn"),
    (5, "Hội Cựu chiến binh tỉnh", "Hội CCB"),
    (6, "Liên đoàn Lao động tỉnh", "LĐLĐ"),
    (7, "Ban Dân vận Tỉnh ủy", "BDV"),
)

ELECTION = (
    "Tập trung tuyên truyền, vận động cử tri tham gia bầu cử đại biểu Quốc hội khóa XV "
    "và đại biểu HĐND các cấp nhiệm kỳ 2021-2026; phối hợp hiệp thương, giới thiệu người "
    "ứng cử bảo đảm dân chủ, đúng luật."
)
RESOLUTION = (
    "Tổ chức học tập, quán triệt, tuyên truyền Nghị quyết Đại hội đại biểu toàn quốc "
    "lần thứ XIII của Đảng đến đoàn viên, hội viên."
)
RURAL = (
    'Đẩy mạnh cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh", '
    "xây dựng nông thôn mới nâng cao, kiểu mẫu."
)
SUPERVISION = "Thực hiện giám sát, phản biện xã hội theo Quyết định 217-QĐ/TW."
CARRIED = "Hoàn thiện đề án nâng cao chất lượng hoạt động của chi hội cơ sở (chuyển từ quý I)."
CANCELLED = "Tổ chức hội thi tuyên truyền viên giỏi khối dân vận (tạm dừng do dịch COVID-19)."
EXTENDED = 'Sơ kết 5 năm thực hiện phong trào thi đua "Dân vận khéo" giai đoạn 2016-2021.'
STANDING = "Nắm bắt tình hình tư tưởng của đoàn viên, hội viên và Nhân dân, báo cáo kịp thời."
MARKUP = "<b>bold</b> & =1+1 nội dung có ký tự đặc biệt"
FORMULA = "=1+1"
AT_SIGN = "@x tổng hợp ý kiến cử tri"
MINUS = "-5 hộ nghèo so với đầu năm"
PLUS = "+3 mô hình mới"
LONG = (
    "Rà soát, đánh giá toàn diện việc thực hiện quy chế dân chủ ở cơ sở, trong đó "
    "làm rõ trách nhiệm của người đứng đầu, những kết quả đạt được, hạn chế, nguyên nhân "
    "và đề xuất giải pháp khắc phục trong thời gian tới; "
) * 12
LONG = LONG[:2000]

TEXTS = (
    ELECTION,
    RESOLUTION,
    RURAL,
    SUPERVISION,
    CARRIED,
    CANCELLED,
    EXTENDED,
    STANDING,
    MARKUP,
    FORMULA,
    AT_SIGN,
    MINUS,
    PLUS,
    LONG,
)


def make_row(
    content: str,
    org: int,
    *,
    category: Category = Category.OPEN_IN_TIME,
    due: Quarter | None = Q2,
    original_due: Quarter | None = None,
    carried_from: Quarter | None = None,
    done_on: date | None = None,
    note: str = "",
    supports: tuple[str, ...] = (),
    directive_id: int = 1,
    held_on: date = MEETING_ON,
) -> FollowUpRow:
    """One line for organization ``org`` (an id of ORGS)."""
    _, name, short = ORGS[org - 1]
    status = {
        Category.DONE_ON_TIME: Status.DONE,
        Category.DONE_LATE: Status.DONE,
        Category.CANCELLED: Status.CANCELLED,
    }.get(category, Status.IN_PROGRESS if note else Status.OPEN)
    late = 0  # as tracker.followup counts it, as of AS_OF
    if category is Category.OPEN_OVERDUE and due is not None:
        late = (AS_OF - due.last_day).days
    elif category is Category.DONE_LATE and due is not None and done_on is not None:
        late = (done_on - due.last_day).days
    return FollowUpRow(
        directive_id=directive_id,
        meeting_id=1 if held_on == MEETING_ON else 2,
        meeting_held_on=held_on,
        meeting_title=f"Giao ban ngày {held_on:%d/%m/%Y}",
        content=content,
        organization_id=org,
        organization_name=name,
        lead_names=(short,),
        support_names=supports,
        due=due,
        original_due=original_due,
        carried_from=carried_from,
        status=status,
        done_on=done_on,
        category=category,
        latest_note=note,
        days_overdue=late,
    )


def count(rows: tuple[FollowUpRow, ...]) -> CategoryCounts:
    """Counts of ``rows`` by category."""
    by = {c: sum(1 for r in rows if r.category is c) for c in Category}
    return CategoryCounts(
        total=len(rows),
        done_on_time=by[Category.DONE_ON_TIME],
        done_late=by[Category.DONE_LATE],
        open_in_time=by[Category.OPEN_IN_TIME],
        open_overdue=by[Category.OPEN_OVERDUE],
        standing=by[Category.STANDING],
        cancelled=by[Category.CANCELLED],
    )


def report_from(
    rows_by_org: dict[int, list[FollowUpRow]],
    *,
    quarter: Quarter | None = Q2,
    as_of: date = AS_OF,
) -> FollowUpReport:
    """Group rows per organization, in ORGS order, and count them."""
    groups = []
    for org_id, name, _ in ORGS:
        rows = tuple(rows_by_org.get(org_id, ()))
        if rows:
            groups.append(FollowUpGroup(name, org_id, None, rows, count(rows)))
    all_rows = tuple(r for g in groups for r in g.rows)
    per_directive = {r.directive_id: r for r in all_rows}
    totals = count(tuple(per_directive.values()))
    held = sorted({r.meeting_held_on for r in all_rows})
    return FollowUpReport(
        quarter=quarter,
        as_of=as_of,
        group_by="each-org",
        include_done=True,
        groups=tuple(groups),
        totals=totals,
        summary_sentence=summary_sentence(totals),
        per_org_counts=tuple((g.heading, g.counts) for g in groups),
        meetings=tuple(
            MeetingRef(
                1 if day == MEETING_ON else 2,
                day,
                f"Giao ban ngày {day:%d/%m/%Y}",
                Q1 if day == MEETING_ON else Quarter(2020, 4),
                NOTICE_REF if day == MEETING_ON else "",
            )
            for day in held
        ),
    )


def sample_report() -> FollowUpReport:
    """Quý II-2021 from the giao ban of 01/04/2021, with every edge case."""
    six = (1, 2, 3, 4, 5, 6)
    rows: dict[int, list[FollowUpRow]] = {o: [] for o, _, _ in ORGS}
    for org in six:  # "MTTQ và các đoàn thể": one line per organization
        cat = Category.DONE_ON_TIME if org != 4 else Category.DONE_LATE
        done = date(2021, 5, 12) if org != 4 else date(2021, 7, 2)
        rows[org].append(
            make_row(
                ELECTION,
                org,
                category=cat,
                done_on=done,
                directive_id=1,
                note="Đã tổ chức 25 hội nghị tiếp xúc cử tri.",
            )
        )
    rows[1].append(make_row(STANDING, 1, category=Category.STANDING, due=None, directive_id=9))
    rows[1].append(
        make_row(
            RESOLUTION,
            1,
            supports=("Hội ND", "Hội LHPN"),
            directive_id=2,
            note="Đã quán triệt tới 100% cán bộ chủ chốt.",
        )
    )
    rows[2].append(make_row(RURAL, 2, category=Category.OPEN_OVERDUE, directive_id=3))
    rows[2].append(
        make_row(
            CARRIED,
            2,
            category=Category.OPEN_OVERDUE,
            due=Q1,
            carried_from=Q1,
            held_on=EARLIER_MEETING_ON,
            directive_id=4,
        )
    )
    rows[3].append(make_row(CANCELLED, 3, category=Category.CANCELLED, directive_id=5))
    rows[3].append(make_row(EXTENDED, 3, due=Q3, original_due=Q2, directive_id=6))
    rows[4].append(make_row(MARKUP, 4, note=MARKUP, directive_id=7))
    rows[5].append(make_row(FORMULA, 5, note=FORMULA, supports=("@BDV",), directive_id=8))
    rows[5].append(make_row(AT_SIGN, 5, note=AT_SIGN, directive_id=10))
    rows[6].append(make_row(MINUS, 6, note=MINUS, directive_id=11))
    rows[6].append(make_row(PLUS, 6, note=PLUS, directive_id=12))
    rows[7].append(make_row(LONG, 7, note=LONG, supports=("MTTQ",), directive_id=13))
    rows[7].append(
        make_row(
            SUPERVISION,
            7,
            category=Category.DONE_ON_TIME,
            done_on=date(2021, 6, 30),
            directive_id=14,
        )
    )
    return report_from(rows)


def empty_report(quarter: Quarter | None = Q2) -> FollowUpReport:
    """A quarter with nothing to follow up."""
    return report_from({}, quarter=quarter)


def open_items_report() -> FollowUpReport:
    """The list before the next giao ban: open directives of every quarter."""
    full = sample_report()
    keep = {Category.OPEN_IN_TIME, Category.OPEN_OVERDUE, Category.STANDING}
    rows = {g.organization_id or 0: [r for r in g.rows if r.category in keep] for g in full.groups}
    return report_from(rows, quarter=None)


def scaled_report(n: int) -> FollowUpReport:
    """A report of about ``n`` rows spread over the seven organizations."""
    texts = (ELECTION, RESOLUTION, RURAL, SUPERVISION, EXTENDED, STANDING)
    cats = (Category.DONE_ON_TIME, Category.OPEN_IN_TIME, Category.OPEN_OVERDUE, Category.DONE_LATE)
    rows: dict[int, list[FollowUpRow]] = {o: [] for o, _, _ in ORGS}
    for i in range(n):
        org = i % len(ORGS) + 1
        cat = cats[i % len(cats)]
        done = date(2021, 5, 12) if cat in (Category.DONE_ON_TIME, Category.DONE_LATE) else None
        rows[org].append(
            make_row(
                f"{i + 1}. {texts[i % len(texts)]}",
                org,
                category=cat,
                done_on=done,
                note="Đang triển khai thực hiện.",
                directive_id=i + 1,
            )
        )
    return report_from(rows)


SETTINGS = ReportSettings(
    document_number="12",
    signer_name="Nguyễn Văn A",
    recipients=("Thường trực Tỉnh ủy (để b/c)", "MTTQ và các đoàn thể CT-XH tỉnh"),
)
DEPUTY_SETTINGS = replace(SETTINGS, signer_capacity=SignerCapacity.DEPUTY)
EMPTY_SETTINGS = ReportSettings(
    province="",
    place_name="",
    issuing_body="",
    issuer_code="",
    document_number="",
    document_code="",
    signer_name="",
    recipients=(),
    archive="",
)
