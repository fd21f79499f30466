"""Every layout value of the printed reports (fonts, sizes, page, wording) in one place.

The Party's document format rules (Hướng dẫn 36-HD/VPTW, 2018; Quy định
399-QĐ/TW, 2026) are revised from time to time: change them here, not in the
renderers.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.quarters import STANDING_LABEL
from tracker.rows import Category


@dataclass(frozen=True)
class Column:
    """One column of a printed table: its title, relative width and alignment."""

    title: str
    width: float  # relative weight; renderers scale to the table's width
    align: str = "left"  # "left" | "center"
    numeric: bool = False  # whole numbers (STT, counts): a spreadsheet stores them as numbers


@dataclass(frozen=True)
class ReportLayout:
    """Fonts, sizes (pt), page (mm) and wording of the follow-up reports."""

    # --- fonts -------------------------------------------------------------
    font_family: str = "Times New Roman"
    fallback_font_family: str = "Liberation Serif"  # metric-compatible, on Linux

    # --- sizes, in points ----------------------------------------------------
    province_size: float = 14.0  # TỈNH ỦY NAM ĐỊNH
    issuing_body_size: float = 14.0  # BAN DÂN VẬN (bold)
    number_size: float = 14.0  # Số 12-BC/BDVTU
    party_size: float = 15.0  # ĐẢNG CỘNG SẢN VIỆT NAM (bold)
    date_size: float = 14.0  # Nam Định, ngày … (italic)
    title_size: float = 15.0
    subtitle_size: float = 14.0
    body_size: float = 14.0  # summary paragraph, empty-report sentence
    table_size: float = 13.0
    table_header_size: float = 13.0
    group_heading_size: float = 13.0
    recipients_heading_size: float = 14.0  # "Nơi nhận:", underlined
    recipients_size: float = 12.0
    signer_size: float = 14.0
    page_number_size: float = 14.0
    body_first_line_mm: float = 10.0  # first-line indent of the báo cáo's paragraphs
    body_leading: float = 1.3  # line height of the báo cáo's paragraphs, × the size
    signature_gap_lines: int = 4  # blank lines between the capacity and the name

    # --- page: A4 (printers and Excel get A4's paper id), in millimetres -------
    page_width_mm: float = 210.0
    page_height_mm: float = 297.0
    landscape: bool = True  # the table is wide: the whole document is landscape
    margin_top_mm: float = 20.0
    margin_bottom_mm: float = 20.0
    margin_left_mm: float = 30.0
    margin_right_mm: float = 15.0
    page_numbers_from: int = 2  # first numbered page, top centre (Word, Excel: always 2)
    header_left_share: float = 0.42  # width of the left header block (the rest is right)
    party_rule_mm: float = 68.0  # the rule under the party line: as long as the line itself
    party_rule_gap_pt: float = 4.0  # below the party line's baseline (clear of its letters)
    party_rule_after_pt: float = 9.0  # to the date line's cap height (clear of its diacritics)
    subject_rule_mm: float = 30.0  # the short rule under the trích yếu
    cell_padding_pt: float = 3.0

    # --- wording: header block -----------------------------------------------
    party_line: str = "ĐẢNG CỘNG SẢN VIỆT NAM"
    province_template: str = "TỈNH ỦY {province}"
    star: str = "*"
    number_template: str = "Số {number}-{code}/{issuer}"  # no colon after "Số"
    number_placeholder: str = "    "  # "Số     -BC/BDVTU": room to write the number by hand
    default_document_code: str = "BC"
    placeholder: str = "……"  # for an empty province, place, issuing body or issuer code

    # --- wording: the báo cáo (Hướng dẫn 36-HD/VPTW: type in capitals, trích yếu
    # below it in bold lower case, a short rule under it) ---------------------------
    report_type: str = "BÁO CÁO"
    issuer_template: str = "{body} Tỉnh ủy"  # "Ban Dân vận Tỉnh ủy" in sentences
    subject_one_meeting: str = "kết quả thực hiện các nội dung chỉ đạo tại hội nghị giao ban {when}"
    subject_meetings: str = (
        "kết quả thực hiện các nội dung chỉ đạo tại các hội nghị giao ban, thời hạn {quarter}"
    )
    subject_open_items: str = (
        "các nội dung chỉ đạo tại hội nghị giao ban chưa hoàn thành, tính đến ngày {date}"
    )
    meeting_when_date: str = "ngày {date}"
    meeting_notice: str = "Thông báo kết luận số {ref}"
    lead_in_followup: str = (
        "Thực hiện kết luận của Thường trực Tỉnh ủy tại {meetings}, {issuer} báo cáo kết quả "
        "thực hiện các nội dung chỉ đạo có thời hạn trong {quarter}, các nội dung chưa hoàn "
        "thành chuyển từ quý trước và các nội dung thực hiện thường xuyên, tính đến ngày "
        "{date}, như sau:"
    )
    lead_in_open_items: str = (
        "Để chuẩn bị hội nghị giao ban tiếp theo, {issuer} báo cáo các nội dung chỉ đạo tại "
        "{meetings} chưa hoàn thành tính đến ngày {date}, như sau:"
    )
    overdue_template: str = (
        "Các nội dung chưa hoàn thành, đã quá hạn thuộc trách nhiệm chủ trì của: {orgs}."
    )
    overdue_org_template: str = "{name} ({count})"
    summary_table_heading: str = "Kết quả theo từng cơ quan, đơn vị chủ trì:"
    summary_table_note: str = (
        "Mỗi cơ quan chủ trì được tính theo phần việc của mình: một nội dung giao cho "
        "nhiều cơ quan được tính ở từng cơ quan, nên dòng Cộng có thể lớn hơn tổng số "
        "nội dung chỉ đạo."
    )
    appendix_pointer: str = "(Chi tiết tại Phụ lục kèm theo.)"
    closing_followup: str = (
        "Trên đây là báo cáo kết quả thực hiện các nội dung chỉ đạo tại hội nghị giao ban "
        "của {issuer}./."
    )
    closing_open_items: str = (
        "Trên đây là báo cáo các nội dung chỉ đạo chưa hoàn thành của {issuer}./."
    )
    empty_followup_template: str = (
        "Không có nội dung chỉ đạo nào có thời hạn trong {quarter} cần theo dõi."
    )
    empty_open_items_template: str = (
        "Không còn nội dung chỉ đạo nào chưa hoàn thành tính đến ngày {date}."
    )
    # the detailed list follows the báo cáo as its phụ lục
    appendix_title: str = "PHỤ LỤC"
    appendix_followup: str = "KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG CHỈ ĐẠO CÓ THỜI HẠN {quarter}"
    appendix_open_items: str = "CÁC NỘI DUNG CHỈ ĐẠO CHƯA HOÀN THÀNH"
    appendix_as_of: str = "(tính đến ngày {date})"
    appendix_reference: str = "(Kèm theo Báo cáo số {number}, ngày {date} của {issuer})"
    chart_heading: str = "Biểu đồ kết quả thực hiện theo cơ quan, đơn vị"

    # --- the optional chart (a picture the window draws), on a page of its own ----
    chart_width_mm: float = 245.0
    chart_height_mm: float = 135.0
    chart_dpi: int = 200  # resolution of the picture: sharp on paper, small in the file

    # --- the follow-up table ----------------------------------------------------
    columns: tuple[Column, ...] = (
        Column("STT", 4.5, "center", numeric=True),
        Column("Nội dung chỉ đạo", 26.0),
        Column("Giao ban ngày", 9.5, "center"),
        Column("Chủ trì", 11.0),
        Column("Phối hợp", 9.0),
        Column("Thời hạn", 9.5, "center"),
        Column("Tình trạng", 16.5),
        Column("Kết quả / tiến độ", 14.0),
    )
    summary_columns: tuple[Column, ...] = (
        Column("STT", 5.0, "center", numeric=True),
        Column("Cơ quan, đơn vị", 25.0),
        Column("Tổng số", 8.0, "center", numeric=True),
        Column("Hoàn thành đúng hạn", 11.0, "center", numeric=True),
        Column("Hoàn thành quá hạn", 11.0, "center", numeric=True),
        Column("Chưa hoàn thành – trong hạn", 11.0, "center", numeric=True),
        Column("Chưa hoàn thành – quá hạn", 11.0, "center", numeric=True),
        Column(STANDING_LABEL, 9.0, "center", numeric=True),
        Column("Đã hủy", 9.0, "center", numeric=True),
    )
    summary_total_label: str = "Cộng"
    group_number_template: str = "{roman}. {heading}"

    # --- wording: cells ---------------------------------------------------------
    category_labels: tuple[tuple[Category, str], ...] = (
        (Category.DONE_ON_TIME, "Hoàn thành đúng hạn"),
        (Category.DONE_LATE, "Hoàn thành quá hạn"),
        (Category.OPEN_IN_TIME, "Chưa hoàn thành – trong hạn"),
        (Category.OPEN_OVERDUE, "Chưa hoàn thành – quá hạn"),
        (Category.STANDING, STANDING_LABEL),
        (Category.CANCELLED, "Đã hủy"),
    )
    standing_due: str = STANDING_LABEL
    extended_template: str = "(gia hạn từ {quarter})"
    done_on_template: str = "{label} ({date})"
    carried_template: str = "{status}, chuyển từ {quarter}"
    owner_done_template: str = "{name} ({date})"  # a lead's done date in a shared row
    owner_line_template: str = "{label}: {names}"  # "Hoàn thành đúng hạn: MTTQ (12/05/2021)"
    owner_note_template: str = "{name}: {note}"
    notice_cell_template: str = "(TB số {ref})"  # under the date in "Giao ban ngày"
    days_late_template: str = "quá hạn {days} ngày"
    chased_template: str = "(đã đôn đốc {count} lần)"  # the report's option, in Kết quả

    # --- wording: closing block -----------------------------------------------
    recipients_heading: str = "Nơi nhận:"
    recipient_template: str = "- {text};"
    archive_template: str = "- {text}."
    archive_prefix: str = "Lưu"
    archive_placeholder: str = "Lưu ……"
    head_capacity: tuple[str, ...] = ("TRƯỞNG BAN",)
    deputy_capacity: tuple[str, ...] = ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")

    # --- the reminder letter (công văn đôn đốc): no type line; its subject, "V/v …",
    # in 12 pt italic under the number; "Kính gửi:" before the body; portrait ---------
    letter_code: str = "CV"
    letter_subject_size: float = 12.0
    letter_table_size: float = 12.0
    letter_subject: str = "V/v đôn đốc thực hiện các nội dung chỉ đạo tại hội nghị giao ban {when}"
    letter_subject_many: str = (
        "V/v đôn đốc thực hiện các nội dung chỉ đạo tại các hội nghị giao ban, thời hạn {quarter}"
    )
    letter_addressee: str = "Kính gửi: {name}."
    letter_lead_in: str = (
        "Thực hiện kết luận của Thường trực Tỉnh ủy tại {meetings}, {issuer} có nhiệm vụ theo "
        "dõi, đôn đốc việc thực hiện. Tính đến ngày {date}, {name} còn {count} nội dung chỉ "
        "đạo chưa hoàn thành{details}, cụ thể như sau:"
    )
    letter_meetings_listed: int = 3  # more giao ban than this are named by their span
    letter_meetings_span: str = "các hội nghị giao ban từ ngày {first} đến ngày {last}"
    letter_details: str = " (trong đó {parts})"
    letter_overdue: str = "quá hạn {count}"
    letter_carried: str = "chuyển từ quý trước {count}"
    letter_request: str = (
        "Đề nghị {name} quan tâm chỉ đạo, khẩn trương thực hiện các nội dung trên và báo cáo "
        "kết quả về {issuer} trước ngày {date} để tổng hợp, báo cáo Thường trực Tỉnh ủy./."
    )
    letter_recipient_first: str = "Như trên"
    letter_columns: tuple[Column, ...] = (
        Column("STT", 7.5, "center", numeric=True),
        Column("Nội dung chỉ đạo", 30.5),
        Column("Giao ban ngày", 15.0, "center"),
        Column("Chủ trì", 14.0),
        Column("Phối hợp", 11.0),
        Column("Thời hạn", 12.0, "center"),
        Column("Tình trạng", 16.0),
    )
    letter_report_by_days: int = 10  # report back within this many days of the letter

    # --- spreadsheet -----------------------------------------------------------
    xlsx_width_chars: float = 150.0  # total width of the table columns, in Excel characters
    xlsx_sheet_title: str = "Phụ lục"  # the detailed list
    xlsx_summary_sheet_title: str = "Báo cáo"  # the report with its summary table, first

    def category_label(self, category: Category) -> str:
        """The words for a follow-up category ("Hoàn thành đúng hạn"…)."""
        return dict(self.category_labels)[category]

    @property
    def page_size_mm(self) -> tuple[float, float]:
        """(width, height) of the page as printed, orientation applied."""
        if self.landscape:
            return self.page_height_mm, self.page_width_mm
        return self.page_width_mm, self.page_height_mm

    @property
    def text_width_mm(self) -> float:
        """Width between the left and right margins."""
        return self.page_size_mm[0] - self.margin_left_mm - self.margin_right_mm

    @property
    def font_families(self) -> tuple[str, str]:
        """The font and its fallback, in order of preference."""
        return self.font_family, self.fallback_font_family


LAYOUT = ReportLayout()
