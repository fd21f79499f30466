"""``giaoban report`` on the sample data (PDF, Excel and Word read back, its errors), and the
tracker parts the report dialog adds: the quarters to choose from and the optional chart."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker import queries
from tracker.reporting.layout import LAYOUT

QUARTER = "Quý II-2021"
AS_OF = "20/07/2021"
PT_PER_MM = 72 / 25.4
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>'
)

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def norm(text: str) -> str:
    """NFC with every run of white space made one space (wrapped lines joined)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _run(*args: str, module: str = "ui.entry") -> subprocess.CompletedProcess[str]:
    """Run the console command in a fresh interpreter, as the clerk's shell would."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("GIAOBAN_DB", None)
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def _report(
    db: Path, out: Path, *extra: str, quarter: str | None = QUARTER
) -> subprocess.CompletedProcess[str]:
    """``giaoban report`` of ``quarter`` as of 20/07/2021, its format from ``out``'s suffix."""
    args = ["report", "--db", str(db), "--format", out.suffix.lstrip("."), "--out", str(out)]
    args += ["--as-of", AS_OF, *extra]
    if quarter is not None:
        args += ["--quarter", quarter]
    return _run(*args)


def _contents() -> list[str]:
    """Every directive's text in the open sample database."""
    rows = queries.list_directives()
    assert len(rows) == 11
    return [norm(d.content) for d in rows]


def pdf_text(path: Path, *args: str) -> str:
    """What ``pdftotext`` reads in ``path``, in UTF-8."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *args, str(path), "-"], capture_output=True, check=True
    )
    return out.stdout.decode("utf-8")


def pdf_column(path: Path, index: int) -> str:
    """The words of one table column, page by page and line by line (wrapped cells joined)."""
    width = LAYOUT.text_width_mm * PT_PER_MM
    weights = [c.width for c in LAYOUT.columns]
    left = LAYOUT.margin_left_mm * PT_PER_MM + width * sum(weights[:index]) / sum(weights)
    right = left + width * weights[index] / sum(weights)
    top = LAYOUT.margin_top_mm * PT_PER_MM - 1
    bottom = (LAYOUT.page_size_mm[1] - LAYOUT.margin_bottom_mm) * PT_PER_MM + 1
    words = []
    pages = pdf_text(path, "-bbox").split("<page ")[1:]
    for page, chunk in enumerate(pages, start=1):
        for x, y, y1, text in _WORD.findall(chunk):
            x, y, y1 = float(x), float(y), float(y1)
            if left <= x < right - 2 and y >= top and y1 <= bottom:
                words.append((page, round(y), x, html.unescape(text)))
    return norm(" ".join(w[3] for w in sorted(words)))


def _assert_one_line_error(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for text in expected:
        assert text in lines[0]


@needs_poppler
def test_pdf_has_title_quarter_and_every_directive(sample_db: Path, tmp_path: Path) -> None:
    """The PDF holds the header, BÁO CÁO, the quarter, the as-of date and every sample
    directive whole."""
    out = tmp_path / "Danh-sach-theo-doi-Quy-II-2021.pdf"
    result = _report(sample_db, out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    first = norm(pdf_text(out, "-f", "1", "-l", "1"))
    for expected in (
        "TỈNH ỦY NAM ĐỊNH",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "BÁO CÁO",
        "kết quả thực hiện các nội dung chỉ đạo tại hội nghị giao ban quý I năm 2021",
        "có thời hạn trong quý II năm 2021",
        "tính đến ngày 20/7/2021",
        "Tổng số 11 nội dung chỉ đạo",
    ):
        assert expected in first
    column = pdf_column(out, 1).replace(LAYOUT.columns[1].title + " ", "")  # repeated header
    for content in _contents():
        assert content in column, content[:40]
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] == [out.name]


def test_xlsx_has_title_quarter_and_every_directive(sample_db: Path, tmp_path: Path) -> None:
    """The Excel file holds the title, the quarter and every sample directive as a cell."""
    from openpyxl import load_workbook

    out = tmp_path / "ds.xlsx"
    result = _report(sample_db, out)
    assert result.returncode == 0, result.stderr
    assert "Đã ghi" in result.stdout
    book = load_workbook(out, read_only=True)
    cells = {
        norm(str(value))
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    }
    assert "BÁO CÁO" in cells and "PHỤ LỤC" in cells
    assert any("quý II năm 2021" in c for c in cells)
    for content in _contents():
        assert content in cells, content[:40]


def test_docx_has_title_quarter_and_every_directive(sample_db: Path, tmp_path: Path) -> None:
    """The Word file holds the title, the quarter and every sample directive in its table."""
    import docx

    out = tmp_path / "ds.docx"
    result = _report(sample_db, out)
    assert result.returncode == 0, result.stderr
    word = docx.Document(str(out))
    paragraphs = {norm(p.text) for p in word.paragraphs}
    cells = {norm(c.text) for t in word.tables for row in t.rows for c in row.cells}
    assert "BÁO CÁO" in paragraphs and "PHỤ LỤC" in paragraphs
    assert any("quý II năm 2021" in p for p in paragraphs)
    for content in _contents():
        assert content in cells, content[:40]


def test_group_by_meeting_without_done(sample_db: Path, tmp_path: Path) -> None:
    """--group-by meeting heads the list with the meeting; --without-done still lists open ones."""
    from openpyxl import load_workbook

    out = tmp_path / "ds.xlsx"
    result = _report(sample_db, out, "--group-by", "meeting", "--without-done")
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(out, read_only=True)[LAYOUT.xlsx_sheet_title]
    text = " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v)
    assert "Giao ban ngày 01/04/2021" in text
    for content in _contents():
        assert content in norm(text), content[:40]


def test_open_items_kind(sample_db: Path, tmp_path: Path) -> None:
    """--kind open-items prints the list before the next giao ban, no quarter needed."""
    import docx

    out = tmp_path / "ton-dong.docx"
    result = _run(
        "report", "--db", str(sample_db), "--kind", "open-items", "--format", "docx",
        "--out", str(out), "--as-of", AS_OF,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    paragraphs = {norm(p.text) for p in docx.Document(str(out)).paragraphs}
    assert "BÁO CÁO" in paragraphs
    assert any(p.startswith("các nội dung chỉ đạo tại hội nghị giao ban chưa") for p in paragraphs)
    assert LAYOUT.appendix_open_items in paragraphs


@needs_poppler
def test_quarter_with_nothing_to_follow_up_says_so(sample_db: Path, tmp_path: Path) -> None:
    """A quarter without directives still makes a document, which says there is nothing."""
    out = tmp_path / "trong.pdf"
    result = _report(sample_db, out, quarter="Quý II-2019")
    assert result.returncode == 0, result.stderr
    text = norm(pdf_text(out))
    assert "Không có nội dung chỉ đạo nào có thời hạn trong quý II năm 2019 cần theo dõi." in text
    assert "STT" not in text


@pytest.mark.parametrize("quarter", ["Quý V-2021", "abc", ""])
def test_bad_quarter_exits_2_and_writes_nothing(
    sample_db: Path, tmp_path: Path, quarter: str
) -> None:
    """A quarter that cannot be read: exit 2, one Vietnamese line, no file."""
    out = tmp_path / "x.pdf"
    result = _report(sample_db, out, quarter=quarter)
    _assert_one_line_error(result, "giaoban:", "quý" if quarter else "Quý")
    assert not out.exists()


def test_missing_quarter_exits_2(sample_db: Path, tmp_path: Path) -> None:
    """The follow-up list without --quarter asks for one."""
    out = tmp_path / "x.xlsx"
    _assert_one_line_error(_report(sample_db, out, quarter=None), "--quarter")
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "docx"])
def test_missing_folder_exits_2_and_leaves_nothing(
    sample_db: Path, tmp_path: Path, fmt: str
) -> None:
    """An output folder that does not exist: exit 2, one line naming the file, nothing written."""
    before = sorted(p.name for p in tmp_path.iterdir())
    out = tmp_path / "không có" / f"x.{fmt}"
    result = _report(sample_db, out)
    _assert_one_line_error(result, "Không ghi được tệp", "thư mục không tồn tại")
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_file_used_as_folder_exits_2(sample_db: Path, tmp_path: Path) -> None:
    """A path through an existing file is refused in one line."""
    blocker = tmp_path / "tep.txt"
    blocker.write_text("x")
    result = _report(sample_db, blocker / "x.docx")
    _assert_one_line_error(result, "Không ghi được tệp", "không phải là thư mục")


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder this process may not write into. Root may write anywhere it can
    chmod, so as root the kernel's read-only /sys stands in for it."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        folder = Path("/sys")
        try:
            (folder / ".giaoban-probe").open("w").close()
        except PermissionError:
            yield folder
            return
        pytest.fail("no folder here refuses writes to root; cannot test this case")
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_read_only_folder_exits_2_and_leaves_nothing(
    sample_db: Path, read_only_folder: Path, fmt: str
) -> None:
    """A folder the clerk may not write into: exit 2, one line, nothing half-written."""
    before = sorted(p.name for p in read_only_folder.iterdir())
    result = _report(sample_db, read_only_folder / f"x.{fmt}")
    _assert_one_line_error(result, "Không ghi được tệp", "không có quyền ghi")
    assert sorted(p.name for p in read_only_folder.iterdir()) == before


def test_existing_file_kept_when_writing_fails(sample_db: Path, tmp_path: Path) -> None:
    """A report that fails (the target is a folder) leaves what was there untouched."""
    target = tmp_path / "ds.xlsx"
    target.mkdir()
    result = _report(sample_db, target)
    _assert_one_line_error(result, "Không ghi được tệp", "thư mục")
    assert target.is_dir() and list(target.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".ds")] == []


@needs_poppler
def test_pdf_where_qt_cannot_even_be_imported(sample_db: Path, tmp_path: Path) -> None:
    """``giaoban report --format pdf`` works in an interpreter where PySide6 cannot load."""
    out = tmp_path / "x.pdf"
    code = (
        "import sys; sys.modules['PySide6'] = None; sys.modules['shiboken6'] = None\n"
        "from ui.entry import main\n"
        f"sys.argv = ['giaoban', 'report', '--db', {str(sample_db)!r}, '--quarter', "
        f"'{QUARTER}', '--format', 'pdf', '--out', {str(out)!r}, '--issued-on', '06/07/2021']\n"
        "rc = main()\n"
        "print(rc, sorted(m for m in sys.modules if m.startswith('PySide6') and sys.modules[m]))"
    )
    env = {k: v for k, v in os.environ.items() if k != "GIAOBAN_DB"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", env=env
    )
    assert result.stdout.splitlines()[-1] == "0 []", result.stdout + result.stderr
    text = norm(pdf_text(out))
    assert "BÁO CÁO" in text and "ngày 06 tháng 7 năm 2021" in text


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_excel_and_word_never_import_qt(sample_db: Path, tmp_path: Path, fmt: str) -> None:
    """The console command writes Excel and Word without loading Qt (it starts faster)."""
    out = tmp_path / f"x.{fmt}"
    code = (
        "import sys; from ui.entry import main; "
        f"sys.argv = ['giaoban', 'report', '--db', {str(sample_db)!r}, '--quarter', "
        f"'{QUARTER}', '--format', '{fmt}', '--out', {str(out)!r}]; rc = main(); "
        "print(rc, sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", check=True
    )
    assert result.stdout.splitlines()[-1] == "0 []", result.stdout + result.stderr
    assert out.exists()


# --- the tracker side of the report dialog ------------------------------------------------

# The smallest valid PNG: one white pixel.
PIXEL_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c49444154789c63f8ffff3f0005fe02fea7d6a4b50000000049454e44ae426082"
)


def test_report_quarters_lists_due_quarters(sample_db: Path) -> None:
    """The dialog's quarters are those some directive is due in (standing ones have none)."""
    from tracker.followup import report_quarters
    from tracker.quarters import Quarter

    assert report_quarters() == [Quarter(2021, 2)]


def test_report_quarters_empty_database(db_path: Path) -> None:
    """A new database has no quarter to offer."""
    from tracker.followup import report_quarters

    assert report_quarters() == []


def _sample_report():  # noqa: ANN202
    from datetime import date

    from tracker.followup import follow_up_list
    from tracker.quarters import Quarter

    return follow_up_list(Quarter(2021, 2), as_of=date(2021, 7, 20))


@needs_poppler
def test_chart_png_goes_into_the_pdf_with_the_appendix(sample_db: Path, tmp_path: Path) -> None:
    """A chart picture is embedded in the PDF on a page of its own after the phụ lục."""
    from datetime import date

    from tracker.reporting.render import write_report
    from tracker.settings import ReportSettings

    with_chart, without = tmp_path / "chart.pdf", tmp_path / "plain.pdf"
    for path, png in ((with_chart, PIXEL_PNG), (without, None)):
        write_report(
            _sample_report(), ReportSettings(), fmt="pdf", path=path,
            issued_on=date(2021, 7, 25), chart_png=png,
        )  # fmt: skip
    images = subprocess.run(
        ["pdfimages", "-list", str(with_chart)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 1
    text = norm(pdf_text(with_chart))
    assert text.index("PHỤ LỤC") < text.index(LAYOUT.chart_heading)
    assert LAYOUT.chart_heading not in norm(pdf_text(without))


def test_empty_report_prints_no_chart(sample_db: Path) -> None:
    """A quarter with nothing to follow up gets no chart, even when one is passed."""
    from datetime import date

    from tracker.followup import follow_up_list
    from tracker.quarters import Quarter
    from tracker.reporting.document import build_document
    from tracker.settings import ReportSettings

    report = follow_up_list(Quarter(2019, 2), as_of=date(2021, 7, 20))
    doc = build_document(report, ReportSettings(), date(2021, 7, 25), chart_png=PIXEL_PNG)
    assert doc.chart_png is None and doc.chart_heading == ""


def test_chart_png_goes_into_the_word_file(sample_db: Path, tmp_path: Path) -> None:
    """write_report puts the chart into the Word file as a picture under its heading."""
    from datetime import date

    import docx

    from tracker.reporting.render import write_report
    from tracker.settings import ReportSettings

    out = tmp_path / "chart.docx"
    write_report(
        _sample_report(),
        ReportSettings(),
        fmt="docx",
        path=out,
        issued_on=date(2021, 7, 25),
        chart_png=PIXEL_PNG,
    )
    word = docx.Document(str(out))
    assert len(word.inline_shapes) == 1
    texts = [p.text for p in word.paragraphs]
    assert LAYOUT.chart_heading in texts
    assert texts.index("PHỤ LỤC") < texts.index(LAYOUT.chart_heading)


BOTH_BACKENDS = True  # conftest: each test on SQLite and on PostgreSQL
