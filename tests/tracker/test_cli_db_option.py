"""``--db`` names the same file whether it is written before or after the subcommand,
for every subcommand: the named file is used and the default one ($GIAOBAN_DB) is
never opened, let alone changed."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tracker.cli import COMMANDS, main


def _digest(path: Path) -> tuple[str, list[str]]:
    """The file's bytes and the names beside it: what must not change."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(
        p.name for p in path.parent.iterdir()
    )


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


@dataclass
class Files:
    mine: Path  # the file --db names: the sample giao ban
    other: Path  # $GIAOBAN_DB: an empty Giao ban database, in a folder of its own
    work: Path


@dataclass(frozen=True)
class Case:
    args: Callable[[Files], list[str]]
    check: Callable[[Files, str], None]  # (files, stdout): the effect on ``mine``


def _meetings(f: Files, out: str) -> None:
    assert "01/04/2021" in out


def _directives(f: Files, out: str) -> None:
    assert len(json.loads(out)) == 11


def _extract_args(f: Files) -> list[str]:
    text = f.work / "ket-luan.txt"
    text.write_text("Đề nghị Hội Nông dân tỉnh trong quý III vận động hội viên.", "utf-8")
    return ["extract", str(text), "--json"]


def _extract(f: Files, out: str) -> None:  # reads no database at all
    assert json.loads(out)["directives"][0]["owners"][0]["org"] == "Hội ND"


def _done(f: Files, out: str) -> None:
    conn = sqlite3.connect(f.mine)
    assert conn.execute("SELECT status FROM directive WHERE id = 1").fetchone()[0] == "done"
    conn.close()


def _reopen(f: Files, out: str) -> None:
    assert "Đã mở lại 1" in out


def _export(f: Files, out: str) -> None:
    assert len(json.loads((f.work / "out.json").read_text(encoding="utf-8"))["meetings"]) == 1


def _import(f: Files, out: str) -> None:
    assert _count(f.mine, "meeting") == 1
    assert list((f.mine.parent / "backups").iterdir())  # the copy taken before replacing


def _xlsx_args(f: Files) -> list[str]:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Nội dung", "Chủ trì", "Ngày giao ban"])
    wb.active.append(["Một việc mới từ Excel", "MTTQ", "05/07/2021"])
    wb.save(f.work / "in.xlsx")
    return ["import-xlsx", str(f.work / "in.xlsx")]


def _import_xlsx(f: Files, out: str) -> None:
    assert _count(f.mine, "directive") == 12


def _report(f: Files, out: str) -> None:
    from openpyxl import load_workbook

    book = load_workbook(f.work / "out.xlsx", read_only=True)
    rows = [row for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)]
    cells = [c for row in rows for c in row if c]
    book.close()
    assert any("bầu cử" in str(c) for c in cells)


def _backup(f: Files, out: str) -> None:
    (copy,) = (f.work / "copies").iterdir()
    assert _count(copy, "directive") == 11


def _restore(f: Files, out: str) -> None:
    assert _count(f.mine, "directive") == 14


def _demo(f: Files, out: str) -> None:
    assert _count(f.mine, "directive") == 14


def _remind(f: Files, out: str) -> None:
    assert json.loads(out)["organizations"][0]["items"]


def _letter(f: Files, out: str) -> None:
    assert (f.work / "letter.pdf").read_bytes().startswith(b"%PDF")
    conn = sqlite3.connect(f.mine)
    assert conn.execute("SELECT COUNT(*) FROM history_entry WHERE kind = 'chased'").fetchone()[0]
    conn.close()


def _attach_args(f: Files) -> list[str]:
    (f.work / "bao-cao.pdf").write_bytes(b"%PDF report")
    return ["attach", "1", str(f.work / "bao-cao.pdf")]


def _attach(f: Files, out: str) -> None:
    assert _count(f.mine, "attachment") == 1 and _count(f.mine, "attachment_content") == 1


def _attachments(f: Files, out: str) -> None:
    assert json.loads(out) == []


def _detach_args(f: Files) -> list[str]:
    (f.work / "x.txt").write_bytes(b"x")
    assert main(["attach", "1", str(f.work / "x.txt"), "--db", str(f.mine)]) == 0
    return ["detach", "1"]


def _detach(f: Files, out: str) -> None:
    assert _count(f.mine, "attachment") == 0 and _count(f.mine, "attachment_content") == 0


def _reply_form(f: Files, out: str) -> None:
    assert (f.work / "form.xlsx").read_bytes().startswith(b"PK")


def _import_reply_args(f: Files) -> list[str]:
    form = f.work / "reply.xlsx"
    written = ["reply-form", "--org", "MTTQ", "--out", str(form), "--db", str(f.mine)]
    assert main(written) == 0
    return ["import-reply", str(form), "--dry-run"]


def _import_reply(f: Files, out: str) -> None:
    assert "MTTQ" in out or "Ủy ban" in out  # the preview names the form's organization


CASES: dict[str, Case] = {
    "demo": Case(lambda f: ["demo", "--synthetic", "3"], _demo),
    "meetings": Case(lambda f: ["meetings"], _meetings),
    "directives": Case(lambda f: ["directives", "--json"], _directives),
    "done": Case(lambda f: ["done", "1"], _done),
    "reopen": Case(lambda f: ["reopen", "1"], _reopen),
    "export": Case(lambda f: ["export", str(f.work / "out.json")], _export),
    "import": Case(lambda f: ["import", str(f.work / "in.json"), "--replace"], _import),
    "import-xlsx": Case(_xlsx_args, _import_xlsx),
    "report": Case(
        lambda f: [
            "report",
            "--kind",
            "open-items",
            "--format",
            "xlsx",
            "--out",
            str(f.work / "out.xlsx"),
        ],
        _report,
    ),
    "remind": Case(lambda f: ["remind", "--as-of", "20/07/2021", "--json"], _remind),
    "letter": Case(
        lambda f: [
            "letter", "--org", "MTTQ", "--quarter", "Quý II-2021", "--format", "pdf",
            "--out", str(f.work / "letter.pdf"), "--issued-on", "20/07/2021",
        ],
        _letter,
    ),  # fmt: skip
    "backup": Case(lambda f: ["backup", str(f.work / "copies")], _backup),
    "restore": Case(lambda f: ["restore", str(f.work / "source.sqlite3")], _restore),
    "attach": Case(_attach_args, _attach),
    "attachments": Case(lambda f: ["attachments", "1", "--json"], _attachments),
    "detach": Case(_detach_args, _detach),
    "reply-form": Case(
        lambda f: ["reply-form", "--org", "MTTQ", "--out", str(f.work / "form.xlsx")],
        _reply_form,
    ),
    "import-reply": Case(_import_reply_args, _import_reply),
    "extract": Case(_extract_args, _extract),
}


# copy-db names both of its databases as arguments (SRC DEST) and takes no --db.
NO_DB_OPTION = {"copy-db"}


def test_every_subcommand_has_a_case() -> None:
    """The cases below cover every subcommand the parser knows (that takes --db)."""
    assert set(CASES) == set(COMMANDS) - NO_DB_OPTION


@pytest.fixture
def files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Files:
    """The named file (sample data), the default file (empty) and a restore source."""
    work = tmp_path / "work"
    (work / "copies").mkdir(parents=True)
    mine = tmp_path / "mine" / "mine.sqlite3"
    other = tmp_path / "other" / "default.sqlite3"
    source = work / "source.sqlite3"
    assert main(["demo", "--db", str(mine)]) == 0
    # directive 1 done, so that reopen has something to reopen
    assert main(["done", "1", "--db", str(mine)]) == 0
    assert main(["export", str(work / "in.json"), "--db", str(mine)]) == 0
    assert main(["demo", "--db", str(source)]) == 0
    assert main(["demo", "--synthetic", "3", "--db", str(source)]) == 0
    assert main(["meetings", "--db", str(other)]) == 0  # created, empty
    capsys.readouterr()
    monkeypatch.setenv("GIAOBAN_DB", str(other))
    return Files(mine, other, work)


@pytest.mark.parametrize("position", ["before", "after"])
@pytest.mark.parametrize("command", sorted(CASES))
def test_db_option_in_either_position(
    files: Files, command: str, position: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``giaoban --db F CMD …`` and ``giaoban CMD … --db F`` both use F, never the default."""
    case = CASES[command]
    if command == "done":  # directive 1 is done already: reopen it first
        assert main(["reopen", "1", "--db", str(files.mine)]) == 0
        capsys.readouterr()
    before = _digest(files.other)
    option = ["--db", str(files.mine)]
    args = case.args(files)
    argv = option + args if position == "before" else args + option
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0, err
    case.check(files, out)
    assert _digest(files.other) == before
    assert _count(files.other, "meeting") == 0
