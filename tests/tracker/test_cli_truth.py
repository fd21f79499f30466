"""The command line tells the truth: unknown ids refused as a whole (exit 2, every id
named, nothing changed), messages that say what happened, file names that agree with
their format, empty results that say why, and help and status words in Vietnamese."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.cli import build_parser

from .test_cli import by_id, directives, export_text, run

ENGLISH_HELP = ("usage:", "positional arguments", "options:", "show this help", "optional")


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A database file with the sample giao ban (directive ids 1–11)."""
    path = str(tmp_path / "cli.sqlite3")
    assert run(capsys, "demo", "--db", path)[0] == 0
    return path


# --- unknown ids: all or nothing --------------------------------------------------------------


@pytest.mark.parametrize("command", ["done", "reopen"])
def test_unknown_ids_among_known_change_nothing(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    """done/reopen 1 99999 2 88888: exit 2, one line naming both unknown ids, and not
    even the known directives are changed."""
    assert run(capsys, "done", "2", "--on", "1/6/2021", "--db", db)[0] == 0
    before = export_text(capsys, db, tmp_path)
    code, out, err = run(capsys, command, "1", "99999", "2", "88888", "--db", db)
    assert code == 2
    assert out == ""
    assert err == "giaoban: lỗi: Không có nội dung chỉ đạo mã số 99999, 88888; chưa thay đổi gì.\n"
    assert export_text(capsys, db, tmp_path) == before


def test_directives_of_an_unknown_meeting_exit_2(db: str, capsys: pytest.CaptureFixture[str]):
    """directives --meeting 77 is an error naming the meeting, not an empty list."""
    code, out, err = run(capsys, "directives", "--meeting", "77", "--db", db)
    assert (code, out) == (2, "")
    assert err == "giaoban: lỗi: Không tìm thấy cuộc giao ban mã số 77.\n"


def test_done_for_an_organization_that_does_not_lead_exits_2(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """done 1 10 --org MTTQ: MTTQ does not lead 10, so neither is marked."""
    before = export_text(capsys, db, tmp_path)
    code, _, err = run(capsys, "done", "1", "10", "--org", "MTTQ", "--db", db)
    assert code == 2
    assert "MTTQ không phải cơ quan chủ trì của nội dung 10; chưa thay đổi gì." in err
    assert export_text(capsys, db, tmp_path) == before


# --- messages that say what happened ----------------------------------------------------------


def test_reopen_of_a_directive_never_done_says_so_and_changes_nothing(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """reopen 2 (never done): no "Đã mở lại", the message says it is not done, and
    the database (history included) is as it was."""
    before = export_text(capsys, db, tmp_path)
    code, out, err = run(capsys, "reopen", "2", "--db", db)
    assert code == 0, err
    assert "Đã mở lại" not in out
    assert out == (
        "Nội dung 2 chưa hoàn thành (cũng chưa hủy): không có gì để mở lại, giữ nguyên.\n"
    )
    assert export_text(capsys, db, tmp_path) == before


def test_reopen_of_done_and_not_done_tells_each(db: str, capsys: pytest.CaptureFixture[str]):
    """reopen 3 2 with 3 done: 3 is reopened, 2 is said to be not done."""
    assert run(capsys, "done", "3", "--on", "1/6/2021", "--db", db)[0] == 0
    code, out, _ = run(capsys, "reopen", "3", "2", "--db", db)
    assert code == 0
    assert out.splitlines() == [
        "Đã mở lại 1 nội dung (mã số 3).",
        "Nội dung 2 chưa hoàn thành (cũng chưa hủy): không có gì để mở lại, giữ nguyên.",
    ]
    assert by_id(capsys, db, 3)["status"] == "open"


def test_done_again_says_it_was_already_done(db: str, capsys: pytest.CaptureFixture[str]):
    """Marking a done directive again says so, with the old and the new date."""
    assert run(capsys, "done", "4", "--on", "1/6/2021", "--db", db)[0] == 0
    code, out, _ = run(capsys, "done", "4", "5", "--on", "2/6/2021", "--db", db)
    assert code == 0
    assert out.splitlines() == [
        "Đã đánh dấu hoàn thành 2 nội dung (mã số 4, 5), ngày 02/06/2021.",
        "Nội dung 4 (từ 01/06/2021) đã hoàn thành từ trước: nay ghi lại ngày hoàn thành "
        "02/06/2021.",
    ]
    assert by_id(capsys, db, 4)["done_on"] == "2021-06-02"


# --- report file names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name", "hint"),
    [
        ("pdf", "x.xlsx", 'có đuôi ".xlsx", không hợp với --format pdf'),
        ("xlsx", "bao-cao", "không có đuôi, không hợp với --format xlsx"),
        ("docx", "bao-cao.pdf", 'có đuôi ".pdf", không hợp với --format docx'),
    ],
)
def test_report_name_that_contradicts_its_format_is_refused(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str, name: str, hint: str
) -> None:
    """--format pdf --out x.xlsx (and the like): exit 2, one line saying why and
    what name to use, and no file written."""
    out = tmp_path / name
    code, stdout, err = run(
        capsys, "report", "--quarter", "Quý II-2021", "--format", fmt, "--out", str(out),
        "--db", db,
    )  # fmt: skip
    assert code == 2 and stdout == ""
    assert len(err.splitlines()) == 1 and hint in err and err.endswith("chưa ghi gì.\n")
    assert f"đuôi .{fmt}" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cli.sqlite3"]


def test_report_suffix_in_capitals_is_accepted(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """BAO-CAO.XLSX is an Excel file name: written."""
    out = tmp_path / "BAO-CAO.XLSX"
    code, _, err = run(
        capsys, "report", "--quarter", "Quý II-2021", "--format", "xlsx", "--out", str(out),
        "--db", db,
    )  # fmt: skip
    assert code == 0, err
    assert out.read_bytes()[:2] == b"PK"


# --- empty results ----------------------------------------------------------------------------


def test_empty_filter_result_says_it_is_the_filter(db: str, capsys: pytest.CaptureFixture[str]):
    """With data, a filter matching nothing says so (not "try giaoban demo")."""
    code, out, err = run(capsys, "meetings", "--year", "2030", "--db", db)
    assert (code, out, err) == (0, "", "Không có cuộc giao ban nào trong năm 2030.\n")
    code, out, err = run(capsys, "directives", "--search", "không có chữ này", "--db", db)
    assert (code, out, err) == (0, "", "Không có nội dung chỉ đạo nào khớp bộ lọc.\n")


def test_empty_database_suggests_the_sample(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    """On an empty database both listings suggest giaoban demo."""
    empty = str(tmp_path / "empty.sqlite3")
    hint = "Chưa có cuộc giao ban nào: thử giaoban demo để nạp dữ liệu mẫu.\n"
    assert run(capsys, "meetings", "--db", empty) == (0, "", hint)
    assert run(capsys, "directives", "--db", empty) == (0, "", hint)


# --- Vietnamese words ---------------------------------------------------------------------------


def test_listing_prints_statuses_in_vietnamese(db: str, capsys: pytest.CaptureFixture[str]):
    """The text listing shows "chưa thực hiện", "hoàn thành", not the stored values."""
    assert run(capsys, "done", "3", "--on", "1/6/2021", "--db", db)[0] == 0
    code, out, _ = run(capsys, "directives", "--db", db)
    assert code == 0
    lines = out.splitlines()
    assert "hoàn thành" in lines[2] and "chưa thực hiện" in lines[0]
    words = set(out.split())
    assert not words & {"open", "in_progress", "done", "cancelled"}
    assert len(directives(capsys, db, "--status", "done")) == 1  # JSON keeps the values


def _subcommands() -> list[str]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]  # noqa: SLF001
    return sorted(sub.choices)


@pytest.mark.parametrize("command", ["", *_subcommands()])
def test_help_is_in_vietnamese(capsys: pytest.CaptureFixture[str], command: str) -> None:
    """giaoban --help and every giaoban LỆNH --help: headings and the -h line in
    Vietnamese, no argparse English left."""
    args = [command, "--help"] if command else ["--help"]
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert out.startswith("cách dùng: giaoban")
    assert "in hướng dẫn này" in out and "tùy chọn:" in out
    assert not any(word in out for word in ENGLISH_HELP), out


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("quá hạn", "overdue"),
        ("qua-han", "overdue"),
        ("Hoàn thành", "done"),
        ("chua-xong", "open"),
        ("đang thực hiện", "in_progress"),
        ("overdue", "overdue"),  # the stored values still work (scripts, JSON users)
        ("in_progress", "in_progress"),
    ],
)
def test_status_filter_takes_vietnamese_words(
    db: str, capsys: pytest.CaptureFixture[str], typed: str, value: str
) -> None:
    """--status takes the Vietnamese words, with or without diacritics, and finds
    what the stored value finds."""
    assert run(capsys, "done", "3", "--on", "1/6/2021", "--db", db)[0] == 0
    assert directives(capsys, db, "--status", typed) == directives(capsys, db, "--status", value)


def test_unknown_status_lists_the_vietnamese_words(capsys: pytest.CaptureFixture[str]) -> None:
    """A status that does not exist: exit 2, one line listing the words to use."""
    code, _, err = run(capsys, "directives", "--status", "xong roi")
    assert code == 2 and len(err.splitlines()) == 1
    assert 'không có trạng thái "xong roi"' in err and "qua-han" in err
