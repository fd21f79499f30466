"""The follow-up report as PDF (ReportLab, no Qt), read back with poppler's tools: what is
printed where, on which page, and that nothing is cut, split or left alone."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import report_fixtures as fx
from tracker.errors import ValidationError
from tracker.reporting.layout import LAYOUT
from tracker.reporting.render import write_report

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
    right: float = 0.0


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
        for x0, y0, x1, y1, text in _WORD.findall(chunk):
            words.append(
                Word(page, float(x0), float(y0), float(y1), html.unescape(text), float(x1))
            )
    return words


def _visible(words: list[Word]) -> list[Word]:
    """Words inside the type area (the page number sits in the top margin)."""
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
def sample_pdf(tmp_path: Path) -> Path:
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
        "BÁO CÁO",
        "kết quả thực hiện các nội dung chỉ đạo tại hội nghị giao ban quý I năm 2021",
        "tính đến ngày 05/7/2021",
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


def test_header_row_once_at_the_top_of_every_appendix_page(sample_pdf: Path) -> None:
    """Each page of the phụ lục has the table's header row once, above every row."""
    words = _visible(_words(sample_pdf))
    first = min(w.page for w in words if w.text == "PHỤ")
    for page in range(first, _page_count(sample_pdf) + 1):
        on_page = [w for w in words if w.page == page]
        heads = [w for w in on_page if w.text == "STT"]
        assert len(heads) == 1, page
        table_words = [w for w in on_page if w.y >= heads[0].y - 1]
        assert min(w.y for w in table_words) >= heads[0].y - 1


def test_closing_block_ends_the_report_before_the_appendix(sample_pdf: Path) -> None:
    """ "Nơi nhận:", the recipients, the signer's capacity and name end the báo cáo, on the
    page before the phụ lục."""
    words = _words(sample_pdf)
    appendix = min(w.page for w in words if w.text == "PHỤ")
    before = _norm(_text(sample_pdf, "-f", str(appendix - 1), "-l", str(appendix - 1)))
    for expected in ("Nơi nhận:", "- Lưu Văn phòng Ban.", "TRƯỞNG BAN", "Nguyễn Văn A"):
        assert expected in before


def test_empty_report_prints_a_sentence(tmp_path: Path) -> None:
    """A quarter with nothing to follow up prints one page saying so, with placeholders."""
    path = _pdf(tmp_path, fx.empty_report(), fx.EMPTY_SETTINGS)
    assert _page_count(path) == 1
    text = _norm(_text(path))
    assert "Không có nội dung chỉ đạo nào có thời hạn trong quý II năm 2021 cần theo dõi." in text
    assert "STT" not in text
    assert "Số -BC/" in text


def test_open_items_report_with_deputy_signer(tmp_path: Path) -> None:
    """The list before the next giao ban prints its own subject and a deputy's signature."""
    path = _pdf(tmp_path, fx.open_items_report(), fx.DEPUTY_SETTINGS)
    text = _norm(_text(path))
    assert "các nội dung chỉ đạo tại hội nghị giao ban chưa hoàn thành" in text
    assert LAYOUT.appendix_open_items in text
    assert "K/T TRƯỞNG BAN PHÓ TRƯỞNG BAN" in text


def test_unwritable_path_is_a_clear_error(tmp_path: Path) -> None:
    """A PDF into a missing folder raises a Vietnamese ValidationError and leaves nothing."""
    with pytest.raises(ValidationError, match='Không ghi được tệp ".*x.pdf": thư mục'):
        _pdf(tmp_path / "không có", name="x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_vietnamese_file_name(tmp_path: Path) -> None:
    """A file name with Vietnamese letters and spaces is written as named."""
    path = _pdf(tmp_path, name="Báo cáo quý II-2021.pdf")
    assert path.exists() and path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["Báo cáo quý II-2021.pdf"]


# --- what the result looks like, for lists of every length --------------------------------


def _page_texts(path: Path) -> list[str]:
    pages = _text(path).split("\f")
    return [_norm(p) for p in pages if p.strip()]


def _assert_signature_whole_and_not_alone(path: Path, capacity: tuple[str, ...]) -> None:
    """The capacity lines and the name on one page, with the report's last lines on it."""
    pages = _page_texts(path)
    name = fx.SETTINGS.signer_name
    holding = [i for i, text in enumerate(pages) if name in text]
    assert len(holding) == 1, path.name
    page = pages[holding[0]]
    assert " ".join(capacity) in page
    assert "Nơi nhận:" in page and "- Lưu Văn phòng Ban." in page
    assert "Trên đây là báo cáo" in page  # never alone: the last lines come with it


def _assert_inside_the_printed_area(path: Path) -> None:
    """Every word within the page box less the margins; only page numbers in the top margin."""
    width_mm, height_mm = LAYOUT.page_size_mm
    left = LAYOUT.margin_left_mm * PT_PER_MM - 0.5
    right = (width_mm - LAYOUT.margin_right_mm) * PT_PER_MM + 0.5
    top = LAYOUT.margin_top_mm * PT_PER_MM - 0.5
    bottom = (height_mm - LAYOUT.margin_bottom_mm) * PT_PER_MM + 0.5
    for w in _words(path):
        if w.y < top and w.text == str(w.page) and w.page >= LAYOUT.page_numbers_from:
            continue  # the page number, centred in the top margin
        assert left <= w.x and w.right <= right, (path.name, w)
        assert top <= w.y and w.bottom <= bottom, (path.name, w)


def _rows_whole_on_one_page(path: Path, contents: list[str]) -> None:
    """Each row's text is read whole on a single page: no row is split."""
    words = _words(path)
    by_page: dict[int, list[Word]] = {}
    for w in _visible(words):
        by_page.setdefault(w.page, []).append(w)
    columns = {page: _column(ws, 1) for page, ws in by_page.items()}
    for content in contents:
        holders = [p for p, text in columns.items() if f" {_norm(content)}" in f" {text}"]
        assert len(holders) == 1, (path.name, content[:30])


@pytest.mark.parametrize("rows", range(1, 61))
def test_lists_of_1_to_60_rows(tmp_path: Path, rows: int) -> None:
    """For 1 to 60 rows: signature whole and not alone, the header once at each appendix
    page's top, no row split, nothing outside the printed area, figures matching the rows."""
    report = fx.scaled_report(rows)
    path = _pdf(tmp_path, report, fx.DEPUTY_SETTINGS if rows % 2 else fx.SETTINGS)
    capacity = LAYOUT.deputy_capacity if rows % 2 else LAYOUT.head_capacity
    _assert_signature_whole_and_not_alone(path, capacity)
    _assert_inside_the_printed_area(path)
    contents = [r.content for g in report.groups for r in g.rows]
    _rows_whole_on_one_page(path, contents)
    words = _visible(_words(path))
    first = min(w.page for w in words if w.text == "PHỤ")
    for page in range(first, _page_count(path) + 1):
        assert sum(1 for w in words if w.page == page and w.text == "STT") == 1
    text = _norm(_text(path))
    assert f"Tổng số {rows} nội dung chỉ đạo" in text
    numbers = [int(m) for m in re.findall(r"(?<!\S)(\d+)\. ", _column(words, 1))]
    assert sorted(numbers) == list(range(1, rows + 1))  # every row listed once


@pytest.mark.parametrize("organizations", range(1, 41, 3))
def test_signature_kept_with_the_last_lines_whatever_the_summary_length(
    tmp_path: Path, organizations: int
) -> None:
    """However long the summary table runs, the closing lines, Nơi nhận and the signature
    share one page, and the table's Cộng row adds its columns up."""
    from dataclasses import replace

    from tracker.rows import CategoryCounts

    counts = tuple(
        (f"Cơ quan thứ {i}", CategoryCounts(total=3, done_on_time=1, open_overdue=2))
        for i in range(1, organizations + 1)
    )
    report = replace(fx.scaled_report(5), per_org_counts=counts)
    path = _pdf(tmp_path, report)
    _assert_signature_whole_and_not_alone(path, LAYOUT.head_capacity)
    _assert_inside_the_printed_area(path)
    layout_text = _text(path, "-layout")
    (total,) = [line.split() for line in layout_text.splitlines() if line.split()[:1] == ["Cộng"]]
    assert total[1:] == [str(3 * organizations), str(organizations), "0", "0",
                         str(2 * organizations), "0", "0"]  # fmt: skip


def test_a_row_taller_than_a_page_is_the_only_one_split(tmp_path: Path) -> None:
    """The 2,000-character row runs over pages; every other row stays whole."""
    report = fx.sample_report()
    path = _pdf(tmp_path, report)
    _assert_inside_the_printed_area(path)
    contents = [r.content for g in report.groups for r in g.rows if r.content != fx.LONG]
    unique = [c for c in contents if sum(c in other for other in contents) == 1]
    _rows_whole_on_one_page(path, unique)
    column = _column(_words(path), 1)
    assert column.count(_norm(fx.ELECTION)) == contents.count(fx.ELECTION)  # each one whole
