"""Tests of the reminder letter (tracker.reporting.letter, ``giaoban letter``): the PDF and
DOCX text hold every open item of the organization and none of another's; each letter is
recorded in the history of what it lists; bad input writes nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from tests.tracker.test_reminders import chase_data
from tracker import queries
from tracker.cli import main
from tracker.rows import HistoryKind

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
Q2 = "Quý II-2021"


def norm(text: str) -> str:
    """NFC, runs of white space made one space (wrapped lines joined)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def pdf_text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    )
    return norm(out.stdout)


def docx_text(path: Path) -> str:
    import docx

    word = docx.Document(str(path))
    parts = [p.text for p in word.paragraphs]
    parts += [c.text for t in word.tables for r in t.rows for c in r.cells]
    return norm(" ".join(parts))


@pytest.fixture
def d(db_path: Path) -> dict[str, int]:
    """The directives of the reminders' test data, by key."""
    return chase_data()


def letter(db: Path, *args: str) -> int:
    """Run ``giaoban --db DB letter …`` in-process; argparse's exits become the status."""
    argv = ["--db", str(db), "letter", "--quarter", Q2, "--issued-on", "10/06/2021", *args]
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


@needs_poppler
def test_pdf_lists_own_open_items_only(
    d: dict[str, int],
    db_path: Path,
    tmp_path: Path,
) -> None:
    """MTTQ's letter holds its open Q2 item and carried-over Q1 item, marked, and none
    of Hội ND's nor the done, standing or later ones; HD 36 parts are there."""
    out = tmp_path / "mttq.pdf"
    assert letter(db_path, "--org", "MTTQ", "--format", "pdf", "--out", str(out),
                  "--number", "15", "--report-by", "20/06/2021") == 0  # fmt: skip
    text = pdf_text(out)
    for needle in ("due: quý II", "old: quý I", "chuyển từ Quý I-2021", "quá hạn 71 ngày",
                   "Số 15-CV/BDVTU", "V/v đôn đốc thực hiện các nội dung chỉ đạo",
                   "Kính gửi: Ủy ban MTTQ Việt Nam tỉnh", "ĐẢNG CỘNG SẢN VIỆT NAM",
                   "Nơi nhận:", "Như trên", "TRƯỞNG BAN", "trước ngày 20/06/2021"):  # fmt: skip
        assert needle in text, needle
    for absent in ("shared: hai", "ext: gia hạn", "standing", "later: quý III", "fin: xong"):
        assert absent not in text, absent


def test_docx_lists_own_open_items_only(
    d: dict[str, int],
    db_path: Path,
    tmp_path: Path,
) -> None:
    """Hội ND's Word letter holds its parts (the shared Q1 item MTTQ finished, the
    extended one is not due in Q2) and none of MTTQ's."""
    out = tmp_path / "hnd.docx"
    assert letter(db_path, "--org", "Hội ND", "--format", "docx", "--out", str(out)) == 0
    text = docx_text(out)
    assert "shared: hai" in text and "Kính gửi: Hội Nông dân tỉnh" in text
    for absent in ("due: quý II", "old: quý I", "fin: xong", "standing"):
        assert absent not in text, absent


def test_each_letter_recorded_in_history(
    d: dict[str, int],
    db_path: Path,
    tmp_path: Path,
) -> None:
    """Two letters to MTTQ: its items' history reads "Đôn đốc lần 1/lần 2 — công văn số …"."""
    assert letter(db_path, "--org", "MTTQ", "--format", "pdf", "--out",
                  str(tmp_path / "a.pdf"), "--number", "15") == 0  # fmt: skip
    assert main(["--db", str(db_path), "letter", "--quarter", Q2, "--org", "MTTQ",
                 "--format", "pdf", "--out", str(tmp_path / "b.pdf"), "--number", "21",
                 "--issued-on", "25/06/2021"]) == 0  # fmt: skip
    chased = [h for h in queries.history(d["old"]) if h.kind is HistoryKind.CHASED]
    assert [h.text for h in chased] == [
        "Đôn đốc lần 1 — công văn số 15-CV/BDVTU ngày 10/06/2021",
        "Đôn đốc lần 2 — công văn số 21-CV/BDVTU ngày 25/06/2021",
    ]
    assert all(h.organization_short_name == "MTTQ" for h in chased)
    assert not [h for h in queries.history(d["shared"]) if h.kind is HistoryKind.CHASED]


def test_several_organizations_one_file_each(
    d: dict[str, int],
    db_path: Path,
    tmp_path: Path,
) -> None:
    """Several --org into a folder: one file per organization that has open items, each
    with its report-back form beside it."""
    out = tmp_path / "letters"
    out.mkdir()
    assert letter(db_path, "--org", "MTTQ", "--org", "Hội ND", "--org", "Tỉnh đoàn",
                  "--format", "docx", "--out", str(out)) == 0  # fmt: skip
    names = sorted(p.name for p in out.iterdir())
    letters = [n for n in names if n.endswith(".docx")]
    assert len(letters) == 2 and len(names) == 4
    assert {n.removesuffix(".docx") + "-phieu-bao-cao.xlsx" for n in letters} <= set(names)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--org", "Không có", "--format", "pdf"), "Không"),
        (("--org", "MTTQ", "--quarter", "Quý V-2021", "--format", "pdf"), "lỗi"),
        (("--org", "MTTQ", "--org", "Hội ND", "--format", "pdf"), "thư mục"),
        (("--org", "MTTQ", "--format", "docx"), ".docx"),
        (("--org", "Tỉnh đoàn", "--format", "pdf"), "chưa ghi gì"),
    ],
)
def test_bad_input_writes_nothing(
    d: dict[str, int],
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    """Unknown organization, bad quarter, a file where a folder is needed, a name not
    matching the format, nothing to chase: exit 2, one Vietnamese line, no file, no history."""
    out = tmp_path / "x.pdf"
    assert letter(db_path, *args, "--out", str(out)) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1 and "Traceback" not in err
    assert not out.exists()
    assert [p for p in tmp_path.iterdir() if not p.name.startswith(db_path.name)] == []
    history = queries.history(d["old"])
    assert not [h for h in history if h.kind is HistoryKind.CHASED]


def test_folder_as_file_and_unwritable_folder(
    d: dict[str, int],
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A folder named like the file, a missing or read-only folder: refused, nothing written."""
    folder = tmp_path / "thu.pdf"
    folder.mkdir()
    assert letter(db_path, "--org", "MTTQ", "--format", "pdf", "--out", str(folder)) == 2
    assert list(folder.iterdir()) == []
    missing = tmp_path / "nowhere" / "x.pdf"
    assert letter(db_path, "--org", "MTTQ", "--format", "pdf", "--out", str(missing)) == 2
    assert "Không ghi được" in capsys.readouterr().err and not missing.parent.exists()
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: permissions do not stop writes")
        code = letter(db_path, "--org", "MTTQ", "--org", "Hội ND", "--format", "pdf",
                      "--out", str(locked))  # fmt: skip
        assert code == 2 and list(locked.iterdir()) == []
        assert "Không ghi được" in capsys.readouterr().err
    finally:
        locked.chmod(0o700)
    history = queries.history(d["old"])
    assert not [h for h in history if h.kind is HistoryKind.CHASED]


def test_one_pdf_with_a_letter_per_organization(
    d: dict[str, int],
    tmp_path: Path,
) -> None:
    """write_letters_pdf puts each organization's letter in one file, one after another."""
    from tracker.quarters import Quarter
    from tracker.reporting.letter import (
        LetterOptions,
        build_letter,
        quarter_report,
        write_letters_pdf,
    )

    q = Quarter(2021, 2)
    options = LetterOptions(issued_on=date(2021, 6, 10))
    report = quarter_report(q, options)
    ids = {o.short_name: o.id for o in queries.list_organizations()}
    settings = queries.load_settings()
    letters = [
        build_letter(ids[s], q, options, settings, report=report) for s in ("MTTQ", "Hội ND")
    ]
    out = tmp_path / "all.pdf"
    write_letters_pdf(letters, out)
    if shutil.which("pdftotext"):
        text = pdf_text(out)
        assert text.count("Kính gửi:") == 2 and "shared: hai" in text and "due: quý II" in text


@needs_poppler
def test_report_shows_chases_only_when_asked(
    d: dict[str, int], db_path: Path, tmp_path: Path
) -> None:
    """After one letter, ``report --show-chased`` says "(đã đôn đốc 1 lần)"; without it, nothing."""
    assert (
        letter(db_path, "--org", "MTTQ", "--format", "pdf", "--out", str(tmp_path / "a.pdf")) == 0
    )
    common = [
        "--db",
        str(db_path),
        "report",
        "--quarter",
        Q2,
        "--format",
        "pdf",
        "--as-of",
        "20/06/2021",
    ]
    assert main([*common, "--out", str(tmp_path / "plain.pdf")]) == 0
    assert main([*common, "--out", str(tmp_path / "chased.pdf"), "--show-chased"]) == 0
    assert "đôn đốc" not in pdf_text(tmp_path / "plain.pdf")
    assert pdf_text(tmp_path / "chased.pdf").count("(đã đôn đốc 1 lần)") == 2
