"""The follow-up report printed to PDF through Qt, read back with poppler's tools."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from PySide6.QtPrintSupport import QPrinter

from tests import report_fixtures as fx
from tracker.errors import ValidationError
from tracker.reporting.document import build_document
from tracker.reporting.html import to_html
from tracker.reporting.layout import LAYOUT
from tracker.reporting.render import write_report
from ui.report_printing import configure_printer, print_document, render_pdf

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdffonts")), reason="needs poppler-utils"
)

PT_PER_MM = 72 / 25.4
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


@dataclass(frozen=True)
class Word:
    page: int
    x: float
    y: float
    bottom: float
    text: str


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _pdf(tmp_path: Path, report=None, settings=fx.SETTINGS, name: str = "bao-cao.pdf") -> Path:
    path = tmp_path / name
    write_report(
        report or fx.sample_report(),
        settings,
        fmt="pdf",
        path=path,
        issued_on=fx.ISSUED_ON,
        pdf_writer=render_pdf,
    )
    return path


def _text(path: Path, *args: str) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *args, str(path), "-"],
        capture_output=True,
        check=True,
    )
    return out.stdout.decode("utf-8")


def _words(path: Path) -> list[Word]:
    """Every word with its page and box (points from the page's top left)."""
    words = []
    for page, chunk in enumerate(_text(path, "-bbox").split("<page ")[1:], start=1):
        for x0, y0, _x1, y1, text in _WORD.findall(chunk):
            words.append(Word(page, float(x0), float(y0), float(y1), html.unescape(text)))
    return words


def _visible(words: list[Word]) -> list[Word]:
    """Words inside the type area: Qt also draws, clipped away, the lines of a table row that
    belong to the neighbouring page; they sit in the margins and nobody sees them."""
    top = LAYOUT.margin_top_mm * PT_PER_MM - 1
    bottom = (LAYOUT.page_size_mm[1] - LAYOUT.margin_bottom_mm) * PT_PER_MM + 1
    return [w for w in words if w.y >= top and w.bottom <= bottom]


def _column(words: list[Word], index: int) -> str:
    """The text of one table column, page after page, line after line."""
    width = LAYOUT.text_width_mm * PT_PER_MM
    weights = [c.width for c in LAYOUT.columns]
    left = LAYOUT.margin_left_mm * PT_PER_MM + width * sum(weights[:index]) / sum(weights)
    right = left + width * weights[index] / sum(weights)
    inside = [w for w in _visible(words) if left <= w.x < right - 2]
    inside.sort(key=lambda w: (w.page, round(w.y), w.x))
    return _norm(" ".join(w.text for w in inside))


def _info(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def _page_count(path: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", _info(path))[1])


@pytest.fixture
def sample_pdf(qapp, tmp_path: Path) -> Path:
    return _pdf(tmp_path)


def test_header_lines_title_and_quarter(sample_pdf: Path) -> None:
    """pdftotext finds the header lines, the title, the quarter and the as-of date, in NFC."""
    first_page = _norm(_text(sample_pdf, "-f", "1", "-l", "1"))
    for expected in (
        "TỈNH ỦY NAM ĐỊNH",
        "BAN DÂN VẬN",
        "Số 12-BC/BDVTU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Nam Định, ngày 05 tháng 7 năm 2021",
        LAYOUT.followup_title,
        "Quý II-2021",
        "(tính đến ngày 05/07/2021)",
        _norm(fx.sample_report().summary_sentence),
    ):
        assert expected in first_page


def test_every_directive_text_exactly(sample_pdf: Path) -> None:
    """Every directive's content and note is printed whole — long text wraps, nothing is cut."""
    words = _words(sample_pdf)
    content = _column(words, 1).replace("Nội dung chỉ đạo ", "")
    notes = _column(words, 7).replace("Kết quả / tiến độ ", "")
    for text in fx.TEXTS:
        assert _norm(text) in content, text[:40]
    for text in (fx.LONG, fx.MARKUP, fx.FORMULA, fx.AT_SIGN, fx.MINUS, fx.PLUS):
        assert _norm(text) in notes, text[:40]


def test_status_and_deadline_wording(sample_pdf: Path) -> None:
    """Status and deadline cells print as the document model words them."""
    words = _words(sample_pdf)
    deadlines = _column(words, 5)
    statuses = _column(words, 6)
    assert "Quý III-2021 (gia hạn từ Quý II-2021)" in deadlines
    assert "Chưa hoàn thành – quá hạn, chuyển từ Quý I-2021" in statuses
    assert "Hoàn thành đúng hạn (12/05/2021)" in statuses
    assert "Hoàn thành quá hạn (02/07/2021)" in statuses


def test_fonts_are_embedded(sample_pdf: Path) -> None:
    """pdffonts lists only embedded fonts, Times New Roman or its metric twin."""
    out = subprocess.run(["pdffonts", str(sample_pdf)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        name, *_rest = row.split()
        assert re.search(r"(TimesNewRoman|LiberationSerif)", name), row
        emb = row.split()[-5]
        assert emb == "yes", row


def test_a4_landscape_pages_numbered_from_two(sample_pdf: Path) -> None:
    """A4 landscape; page 1 has no number, page 2 on carry their number in the top margin."""
    info = _info(sample_pdf)
    assert re.search(r"Page size:\s+84[12](\.\d+)? x 595(\.\d+)? pts \(A4\)", info), info
    pages = _page_count(sample_pdf)
    assert pages >= 3
    top = LAYOUT.margin_top_mm * PT_PER_MM
    in_margin = [w for w in _words(sample_pdf) if w.bottom < top - 1 and w.text.isdigit()]
    numbers = {w.page: w.text for w in in_margin}
    assert 1 not in numbers
    assert numbers[2] == "2" and numbers[pages] == str(pages)


def test_header_row_repeats_on_every_table_page(sample_pdf: Path) -> None:
    """The table's header row is printed at the top of every page after the first."""
    words = _visible(_words(sample_pdf))
    pages = {w.page for w in words}
    for page in pages - {1}:
        top = min(w.y for w in words if w.page == page)
        head = [w.text for w in words if w.page == page and w.y < top + 40]
        assert "STT" in head, (page, head)


def test_closing_block_on_the_last_page(sample_pdf: Path) -> None:
    """ "Nơi nhận:", the recipients, the signer's capacity and name end the document."""
    pages = str(_page_count(sample_pdf))
    last = _norm(_text(sample_pdf, "-f", pages, "-l", pages))
    for expected in ("Nơi nhận:", "- Lưu Văn phòng Ban.", "TRƯỞNG BAN", "Nguyễn Văn A"):
        assert expected in last


def test_empty_report_prints_a_sentence(qapp, tmp_path: Path) -> None:
    """A quarter with nothing to follow up prints one page saying so, with placeholders."""
    path = _pdf(tmp_path, fx.empty_report(), fx.EMPTY_SETTINGS)
    text = _norm(_text(path))
    assert "Không có nội dung chỉ đạo nào cần theo dõi trong Quý II-2021." in text
    assert "STT" not in text
    assert "Số -BC/" in text


def test_open_items_report_with_deputy_signer(qapp, tmp_path: Path) -> None:
    """The list before the next giao ban prints its own title and a deputy's signature."""
    path = _pdf(tmp_path, fx.open_items_report(), fx.DEPUTY_SETTINGS)
    text = _norm(_text(path))
    assert LAYOUT.open_items_title in text
    assert "K/T TRƯỞNG BAN PHÓ TRƯỞNG BAN" in text


def test_print_document_on_a_configured_printer(qapp, tmp_path: Path) -> None:
    """print_document prints onto any QPrinter set up with configure_printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    configure_printer(printer, LAYOUT)
    doc = build_document(fx.sample_report(), fx.SETTINGS, fx.ISSUED_ON)
    print_document(to_html(doc), printer, LAYOUT)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in _text(tmp_path / "printer.pdf")
    assert f"Title:           {doc.title}" in _info(tmp_path / "printer.pdf")


def test_unwritable_path_is_a_clear_error(qapp, tmp_path: Path) -> None:
    """A PDF into a missing folder raises a Vietnamese ValidationError and leaves nothing."""
    with pytest.raises(ValidationError, match='Không ghi được tệp ".*x.pdf": thư mục'):
        _pdf(tmp_path / "không có", name="x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_vietnamese_file_name(qapp, tmp_path: Path) -> None:
    """A file name with Vietnamese letters and spaces is written as named."""
    path = _pdf(tmp_path, name="Báo cáo quý II-2021.pdf")
    assert path.exists() and path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["Báo cáo quý II-2021.pdf"]
