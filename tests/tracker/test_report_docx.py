"""The follow-up report as a Word document, read back with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from tests import report_fixtures as fx
from tracker.reporting.document import build_document
from tracker.reporting.layout import LAYOUT
from tracker.reporting.render import write_report


def _write(tmp_path: Path, report=None, settings=fx.SETTINGS) -> Document:
    path = tmp_path / "bao-cao.docx"
    write_report(
        report or fx.sample_report(), settings, fmt="docx", path=path, issued_on=fx.ISSUED_ON
    )
    return docx.Document(str(path))


@pytest.fixture
def word(tmp_path: Path) -> Document:
    return _write(tmp_path)


def _main_table(word: Document):
    return next(t for t in word.tables if t.rows[0].cells[1].text == "Nội dung chỉ đạo")


def test_page_is_a4_landscape_with_the_margins(word: Document) -> None:
    """A4 landscape, margins top 20, bottom 20, left 30, right 15 mm."""
    section = word.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert abs(section.page_width - Mm(297)) < Mm(1)
    assert abs(section.page_height - Mm(210)) < Mm(1)
    assert [
        round(m.mm)
        for m in (
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
    ] == [20, 20, 30, 15]


def test_times_new_roman_for_every_script(word: Document) -> None:
    """The Normal style names Times New Roman for ascii, hAnsi, east-asian and cs text."""
    fonts = word.styles["Normal"].element.rPr.rFonts
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(attribute)) == "Times New Roman"
    assert word.styles["Normal"].font.size.pt == LAYOUT.body_size


def test_header_block_is_a_borderless_two_column_table(word: Document) -> None:
    """Issuing body left, party line and date right."""
    left, right = word.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "TỈNH ỦY NAM ĐỊNH",
        "BAN DÂN VẬN",
        "*",
        "Số 12-BC/BDVTU",
    ]
    texts = [p.text for p in right.paragraphs if p.text]
    assert texts == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Nam Định, ngày 05 tháng 7 năm 2021"]
    assert right.paragraphs[0].runs[0].bold
    assert right.paragraphs[-1].runs[0].italic
    assert right.paragraphs[1]._p.pPr.find(qn("w:pBdr")) is not None  # the rule


def test_report_type_subject_and_appendix(word: Document) -> None:
    """BÁO CÁO, the trích yếu (bold, with a rule under it), the text, then the PHỤ LỤC."""
    doc = build_document(fx.sample_report(), fx.SETTINGS, fx.ISSUED_ON)
    paragraphs = word.paragraphs
    texts = [p.text for p in paragraphs]
    at = texts.index("BÁO CÁO")
    assert texts[at + 1] == doc.subtitle and paragraphs[at + 1].runs[0].bold
    assert paragraphs[at + 2]._p.pPr.find(qn("w:pBdr")) is not None  # the short rule
    assert fx.sample_report().summary_sentence in texts
    # The closing lines are kept with the signature block that follows them.
    last = texts.index(doc.closing_text[-1])
    assert paragraphs[last].paragraph_format.keep_with_next
    appendix = texts.index("PHỤ LỤC")
    assert paragraphs[appendix].paragraph_format.page_break_before
    assert texts[appendix + 3] == doc.appendix_reference


def test_rows_read_back_as_the_document(word: Document) -> None:
    """Group headings and rows read back cell for cell, line breaks and markup included."""
    doc = build_document(fx.sample_report(), fx.SETTINGS, fx.ISSUED_ON)
    assert doc.table is not None
    table = _main_table(word)
    got = [tuple(c.text for c in row.cells) for row in table.rows[1:]]
    expected: list[tuple[str, ...]] = []
    for section in doc.table.sections:
        expected.append((section.heading,) * 8)  # one cell spanning the row
        expected.extend(section.rows)
    assert got == expected
    assert any(fx.MARKUP in row for row in got)


def test_header_row_repeats_on_every_page(word: Document) -> None:
    """The table's first row is marked as a header row (w:tblHeader)."""
    table = _main_table(word)
    header = table.rows[0]._tr
    assert header.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[0].cells][0] == "STT"
    assert table.rows[1]._tr.trPr is None or table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None


def test_page_numbers_from_page_two(word: Document) -> None:
    """The first page has its own empty header; the others show the PAGE field."""
    section = word.sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_header.is_linked_to_previous
    assert not any(p.text for p in section.first_page_header.paragraphs)
    fields = section.header._element.findall(".//" + qn("w:fldSimple"))
    assert [f.get(qn("w:instr")).strip() for f in fields] == ["PAGE"]


def test_closing_block(tmp_path: Path) -> None:
    """ "Nơi nhận:" and recipients left; a deputy's capacity lines and the name right."""
    word = _write(tmp_path, settings=fx.DEPUTY_SETTINGS)
    closing = next(t for t in word.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))
    assert closing.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None  # never split
    left, right = closing.rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "Nơi nhận:",
        "- Thường trực Tỉnh ủy (để b/c);",
        "- MTTQ và các đoàn thể CT-XH tỉnh;",
        "- Lưu Văn phòng Ban.",
    ]
    lines = [p.text for p in right.paragraphs if p.text]
    assert lines == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn A"]


def test_empty_report_has_a_sentence_not_a_table(tmp_path: Path) -> None:
    """A quarter with nothing to follow up says so, and placeholders fill empty settings."""
    word = _write(tmp_path, fx.empty_report(), fx.EMPTY_SETTINGS)
    texts = [p.text for p in word.paragraphs]
    assert "Không có nội dung chỉ đạo nào có thời hạn trong quý II năm 2021 cần theo dõi." in texts
    assert "PHỤ LỤC" not in texts
    assert len(word.tables) == 2  # the header and closing blocks only
    left = word.tables[0].rows[0].cells[0]
    assert left.paragraphs[-1].text == f"Số     -BC/{LAYOUT.placeholder}"
