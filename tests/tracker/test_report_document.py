"""The report's document model (the BÁO CÁO and its phụ lục) and the write_report entry point."""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from tests import report_fixtures as fx
from tracker.errors import ValidationError
from tracker.reporting.document import ReportDocument, build_document, roman, user_text
from tracker.reporting.layout import LAYOUT
from tracker.reporting.render import write_report
from tracker.settings import ReportSettings

ROOT = Path(__file__).resolve().parents[2]


def _document(report=None, settings=fx.SETTINGS) -> ReportDocument:
    return build_document(report or fx.sample_report(), settings, fx.ISSUED_ON)


def _rows_by_content(doc: ReportDocument) -> dict[str, tuple[str, ...]]:
    assert doc.table is not None
    return {row[1]: row for section in doc.table.sections for row in section.rows}


def test_header_block_follows_party_format() -> None:
    """The header names the province, the issuing body, "*", the number without a colon,
    the party line and the document date line."""
    doc = _document()
    assert doc.province_line == "TỈNH ỦY NAM ĐỊNH"
    assert doc.issuing_body_line == "BAN DÂN VẬN"
    assert doc.star_line == "*"
    assert doc.number_line == "Số 12-BC/BDVTU"
    assert doc.party_line == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert doc.date_line == "Nam Định, ngày 05 tháng 7 năm 2021"


def test_bao_cao_type_and_subject_line() -> None:
    """BÁO CÁO in capitals; the trích yếu in lower case names the giao ban of the quarter."""
    doc = _document()
    assert doc.title == "BÁO CÁO"
    assert doc.number_line.endswith("-BC/BDVTU")
    # The quarter's own directives all come from the giao ban reviewing quý I-2021.
    assert doc.subtitle == (
        "kết quả thực hiện các nội dung chỉ đạo tại hội nghị giao ban quý I năm 2021"
    )
    assert doc.subtitle[0].islower()


def test_body_reads_as_a_report() -> None:
    """A lead-in naming the giao ban, its notice and the quarter, then the figures without
    zero clauses, then who is late by full name; the list is the phụ lục."""
    doc = _document()
    lead_in, figures, late = doc.body
    assert (
        "các hội nghị giao ban quý IV năm 2020 (ngày 08/01/2021) và quý I năm 2021 "
        "(ngày 01/4/2021, Thông báo kết luận số 45-TB/TU)"
    ) in lead_in
    assert "quý II năm 2021" in lead_in and "05/7/2021" in lead_in
    assert figures == fx.sample_report().summary_sentence
    assert " 0" not in figures and "(đúng hạn 0" not in figures
    assert late.startswith("Các nội dung chưa hoàn thành, đã quá hạn")
    assert "Hội Nông dân tỉnh (2)" in late
    assert doc.closing_text[0] == LAYOUT.appendix_pointer
    assert doc.closing_text[-1].endswith("./.")
    assert doc.appendix_title == "PHỤ LỤC"
    assert doc.appendix_reference == (
        "(Kèm theo Báo cáo số 12-BC/BDVTU, ngày 05/7/2021 của Ban Dân vận Tỉnh ủy)"
    )
    assert doc.as_of_line == "(tính đến ngày 05/7/2021)"


def test_meeting_column_names_the_conclusion_notice() -> None:
    """The "Giao ban ngày" cell gives the conclusion notice's number when recorded."""
    rows = _rows_by_content(_document())
    assert rows[fx.RURAL][2] == "01/04/2021\n(TB số 45-TB/TU)"
    assert rows[fx.CARRIED][2] == "08/01/2021"


def test_empty_settings_print_placeholders() -> None:
    """Empty settings leave room to write by hand instead of printing nonsense."""
    doc = _document(settings=ReportSettings(document_number="", signer_name=""))
    assert doc.number_line == "Số     -BC/BDVTU"
    assert doc.signer_name == ""
    blank = _document(settings=fx.EMPTY_SETTINGS)
    assert blank.number_line == f"Số     -BC/{LAYOUT.placeholder}"
    assert blank.province_line == f"TỈNH ỦY {LAYOUT.placeholder}"
    assert blank.recipients == (f"- {LAYOUT.archive_placeholder}.",)


def test_issuing_body_renamed_since_2025() -> None:
    """A merged commission's name is printed in capitals as typed in the settings."""
    doc = _document(settings=replace(fx.SETTINGS, issuing_body="Ban Tuyên giáo và Dân vận"))
    assert doc.issuing_body_line == "BAN TUYÊN GIÁO VÀ DÂN VẬN"


def test_row_cells_in_column_order() -> None:
    """A row reads STT, content, meeting date, leads, supports, deadline, status, note."""
    row = _rows_by_content(_document())[fx.RESOLUTION]
    assert row == (
        "2",
        fx.RESOLUTION,
        "01/04/2021\n(TB số 45-TB/TU)",
        "MTTQ",
        "Hội ND, Hội LHPN",
        "Quý II-2021",
        "Chưa hoàn thành – trong hạn",
        "Đã quán triệt tới 100% cán bộ chủ chốt.",
    )
    assert [c.title for c in _document().table.columns] == [  # type: ignore[union-attr]
        "STT",
        "Nội dung chỉ đạo",
        "Giao ban ngày",
        "Chủ trì",
        "Phối hợp",
        "Thời hạn",
        "Tình trạng",
        "Kết quả / tiến độ",
    ]


def test_status_words_of_the_four_categories() -> None:
    """Done rows carry their date; carried-over rows name the quarter they came from."""
    doc = _document()
    sections = {s.heading: s.rows for s in doc.table.sections}  # type: ignore[union-attr]
    mttq = sections["I. Ủy ban MTTQ Việt Nam tỉnh"]
    assert mttq[0][6] == "Hoàn thành đúng hạn (12/05/2021)"
    youth = sections["IV. Tỉnh đoàn"]
    assert youth[0][6] == "Hoàn thành quá hạn (02/07/2021)"
    rows = _rows_by_content(doc)
    assert rows[fx.CARRIED][6] == "Chưa hoàn thành – quá hạn, chuyển từ Quý I-2021"
    assert rows[fx.RURAL][6] == "Chưa hoàn thành – quá hạn"
    assert rows[fx.CANCELLED][6] == "Đã hủy"


def test_extended_and_standing_deadlines() -> None:
    """An extended deadline names the original quarter; a standing one reads "Thường xuyên"."""
    rows = _rows_by_content(_document())
    assert rows[fx.EXTENDED][5] == "Quý III-2021\n(gia hạn từ Quý II-2021)"
    assert rows[fx.STANDING][5] == "Thường xuyên"
    assert rows[fx.STANDING][6] == "Thường xuyên"


def test_standing_rows_come_after_dated_ones() -> None:
    """Within a group, standing directives are listed last and numbered on from the dated ones."""
    section = _document().table.sections[0]  # type: ignore[union-attr]
    assert [r[5] for r in section.rows][-1] == "Thường xuyên"
    assert all(r[5] != "Thường xuyên" for r in section.rows[:-1])
    assert [r[0] for r in section.rows] == ["1", "2", "3"]


def test_groups_are_numbered_in_roman() -> None:
    """Group headings read "I. …", "II. …" in the order of the report."""
    headings = [s.heading for s in _document().table.sections]  # type: ignore[union-attr]
    assert headings[0] == "I. Ủy ban MTTQ Việt Nam tỉnh"
    assert headings[-1] == "VII. Ban Dân vận Tỉnh ủy"
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]


def test_per_organization_summary_table() -> None:
    """The summary table counts each organization's rows by category, then the total."""
    table = _document().summary_table
    assert table is not None
    rows = table.sections[0].rows
    assert rows[1] == ("2", "Hội Nông dân tỉnh", "3", "1", "0", "0", "2", "0", "0")
    # The Cộng row adds the columns up, and the note says what is counted.
    columns = list(zip(*(r[2:] for r in rows), strict=True))
    assert table.total == ("", LAYOUT.summary_total_label,
                           *(str(sum(int(v) for v in c)) for c in columns))  # fmt: skip
    assert table.total[2] == "19"  # 14 directives, a group directive counted for each lead
    for r in rows:
        assert int(r[2]) == sum(int(v) for v in r[3:])
    assert "từng cơ quan" in _document().summary_note


def test_empty_report_says_so() -> None:
    """A quarter with nothing to follow up prints a sentence, not an empty table."""
    doc = _document(fx.empty_report())
    assert doc.table is None and doc.summary_table is None
    assert doc.empty_message == (
        "Không có nội dung chỉ đạo nào có thời hạn trong quý II năm 2021 cần theo dõi."
    )
    assert doc.body[-1] == doc.empty_message
    assert doc.closing_text[-1].endswith("./.")


def test_open_items_report() -> None:
    """The list before the next giao ban has its own title and counts the days overdue."""
    doc = _document(fx.open_items_report())
    assert doc.title == "BÁO CÁO"
    assert doc.subtitle.startswith("các nội dung chỉ đạo tại hội nghị giao ban chưa hoàn thành")
    assert doc.appendix_subtitle == LAYOUT.appendix_open_items
    rows = _rows_by_content(doc)
    assert rows[fx.RURAL][6] == "Chưa hoàn thành – quá hạn\n(quá hạn 5 ngày)"
    assert rows[fx.CARRIED][6].endswith("chuyển từ Quý I-2021\n(quá hạn 96 ngày)")
    empty = _document(fx.empty_report(quarter=None))
    assert empty.empty_message.startswith("Không còn nội dung chỉ đạo nào chưa hoàn thành")


def test_closing_block_recipients_and_signer() -> None:
    """Recipients are "- …;" lines ending with "- Lưu …."; the head signs directly."""
    doc = _document()
    assert doc.recipients_heading == "Nơi nhận:"
    assert doc.recipients == (
        "- Thường trực Tỉnh ủy (để b/c);",
        "- MTTQ và các đoàn thể CT-XH tỉnh;",
        "- Lưu Văn phòng Ban.",
    )
    assert doc.signer_capacity == ("TRƯỞNG BAN",)
    assert doc.signer_name == "Nguyễn Văn A"


def test_deputy_signs_on_behalf() -> None:
    """A deputy signs "K/T TRƯỞNG BAN" over "PHÓ TRƯỞNG BAN"."""
    doc = _document(settings=fx.DEPUTY_SETTINGS)
    assert doc.signer_capacity == ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")


def test_recipients_typed_with_marks_are_not_doubled() -> None:
    """Recipients typed as "- X;" and an archive without "Lưu" still print one mark each."""
    settings = replace(fx.SETTINGS, recipients=("- Thường trực Tỉnh ủy;",), archive="VP")
    assert _document(settings=settings).recipients == ("- Thường trực Tỉnh ủy;", "- Lưu VP.")


def test_user_text_is_nfc_without_control_characters() -> None:
    """Typed text is printed in NFC, without characters XML cannot carry."""
    decomposed = "Ba\u0302\u0300u cu\u031b\u0309\x0b\x00"
    assert user_text(decomposed) == "Bầu cử"


def test_write_report_into_a_missing_folder(tmp_path: Path) -> None:
    """A missing folder is a clear Vietnamese error, not a traceback, and leaves nothing."""
    target = tmp_path / "không có" / "bao-cao.xlsx"
    with pytest.raises(ValidationError, match='Không ghi được tệp ".*bao-cao.xlsx": thư mục'):
        write_report(
            fx.sample_report(), fx.SETTINGS, fmt="xlsx", path=target, issued_on=fx.ISSUED_ON
        )
    assert not target.parent.exists()


def test_write_report_onto_a_folder(tmp_path: Path) -> None:
    """A path that is a folder is refused with a message."""
    with pytest.raises(ValidationError, match="Không ghi được tệp"):
        write_report(
            fx.sample_report(), fx.SETTINGS, fmt="docx", path=tmp_path, issued_on=fx.ISSUED_ON
        )


def test_write_report_failure_keeps_old_file(tmp_path: Path, monkeypatch) -> None:
    """When rendering fails, the previous file is untouched and no temporary file is left."""
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"old")

    def broken(doc, path):
        Path(path).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tracker.reporting.docx.write_docx", broken)
    with pytest.raises(ValidationError, match="ổ đĩa đã đầy"):
        write_report(
            fx.sample_report(), fx.SETTINGS, fmt="docx", path=target, issued_on=fx.ISSUED_ON
        )
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.docx"]


def test_write_report_unknown_format(tmp_path: Path) -> None:
    """An unknown format is refused with the formats that exist."""
    with pytest.raises(ValidationError, match="pdf, xlsx hoặc docx"):
        write_report(
            fx.sample_report(),
            fx.SETTINGS,
            fmt="odt",
            path=tmp_path / "x.odt",
            issued_on=fx.ISSUED_ON,
        )


def test_shared_row_gives_each_leads_status_and_result() -> None:
    """A directive listed once for several leads says each lead's own status and result."""
    from tracker.reporting.document import result_text, status_text
    from tracker.rows import Category, OwnerProgress, Status

    row = fx.make_row(fx.ELECTION, 1, category=Category.OPEN_OVERDUE)
    owners = (
        OwnerProgress(1, "MTTQ", "Ủy ban MTTQ Việt Nam tỉnh", Status.DONE, fx.MEETING_ON,
                      Category.DONE_ON_TIME, "Đã tổ chức 25 hội nghị"),
        OwnerProgress(4, "Tỉnh đoàn", "Tỉnh đoàn", Status.OPEN, None,
                      Category.OPEN_OVERDUE, ""),
        OwnerProgress(2, "Hội ND", "Hội Nông dân tỉnh", Status.OPEN, None,
                      Category.OPEN_OVERDUE, ""),
    )  # fmt: skip
    shared = replace(row, owners=owners)
    assert status_text(shared).split("\n") == [
        "Hoàn thành đúng hạn: MTTQ (01/04/2021)",
        "Chưa hoàn thành – quá hạn: Tỉnh đoàn, Hội ND",
    ]
    assert result_text(shared) == "MTTQ: Đã tổ chức 25 hội nghị"  # never under Tỉnh đoàn


def test_write_report_pdf_without_qt(tmp_path: Path) -> None:
    """PDF is written by tracker itself (ReportLab), a real PDF with the report's title."""
    target = tmp_path / "x.pdf"
    write_report(fx.sample_report(), fx.SETTINGS, fmt="pdf", path=target, issued_on=fx.ISSUED_ON)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]


def test_write_report_refuses_a_broken_pdf(tmp_path: Path, monkeypatch) -> None:
    """A PDF that does not read back is refused and the old file kept."""
    target = tmp_path / "x.pdf"
    target.write_bytes(b"old")
    monkeypatch.setattr(
        "tracker.reporting.pdf.write_pdf", lambda doc, out: Path(out).write_bytes(b"%PDF")
    )
    with pytest.raises(ValidationError, match="không hợp lệ"):
        write_report(
            fx.sample_report(), fx.SETTINGS, fmt="pdf", path=target, issued_on=fx.ISSUED_ON
        )
    assert target.read_bytes() == b"old"


def test_reporting_imports_neither_qt_nor_ui() -> None:
    """tracker.reporting stays free of PySide6 and ui (the PDF is ReportLab's)."""
    for path in (ROOT / "tracker" / "reporting").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("PySide6", "ui")), f"{path.name} imports {name}"


def test_office_libraries_load_only_when_used() -> None:
    """Importing the report writer imports none of openpyxl, python-docx, ReportLab."""
    code = (
        "import sys, tracker.reporting.render\n"
        "print(any(m in sys.modules for m in ('openpyxl', 'docx', 'reportlab')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
