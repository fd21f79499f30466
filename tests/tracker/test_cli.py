"""Tests of the headless command line (tracker.cli): the subcommands' output and
effects, and bad input ending with exit status 2, one Vietnamese line and an
unchanged database."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tracker.cli import main

GIAOBAN = Path(sys.executable).with_name("giaoban")
MEETING_KEYS = {"id", "held_on", "title", "chair", "directive_count", "done_count"}
DIRECTIVE_KEYS = {
    "id",
    "meeting_id",
    "content",
    "owners",
    "due_quarter",
    "status",
    "done_on",
    "overdue",
}
OWNER_KEYS = {"org", "role", "status", "done_on"}
ENGLISH = ("invalid", "choose from", "required", "unrecognized", "expected", "argument", "error")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``giaoban ARGS`` in-process; returns (exit status, stdout, stderr)."""
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse errors exit from parse_args
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A database file with the sample giao ban, loaded by ``giaoban demo``."""
    path = str(tmp_path / "cli.sqlite3")
    code, out, _ = run(capsys, "demo", "--db", path)
    assert code == 0 and "11 nội dung" in out
    return path


def export_text(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> str:
    out = tmp_path / "export-check.json"
    code, _, err = run(capsys, "export", str(out), "--db", db)
    assert code == 0, err
    return out.read_text(encoding="utf-8")


def directives(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> list[dict]:
    return run_json(capsys, "directives", "--db", db, *args)


def by_id(capsys: pytest.CaptureFixture[str], db: str, did: int) -> dict:
    (d,) = [d for d in directives(capsys, db) if d["id"] == did]
    return d


# --- normal use -----------------------------------------------------------------------------


def test_demo_then_meetings_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """After demo, meetings --json shows the sample meeting with the required keys."""
    (m,) = run_json(capsys, "meetings", "--db", db)
    assert MEETING_KEYS <= set(m)
    assert (m["held_on"], m["chair"], m["directive_count"], m["done_count"]) == (
        "2021-04-01",
        "Lê Quốc Chỉnh",
        11,
        0,
    )
    assert m["title"].startswith("Giao ban quý I-2021")


def test_demo_twice_adds_nothing(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A second demo run adds nothing and says so."""
    code, out, _ = run(capsys, "demo", "--db", db)
    assert code == 0 and "không thêm gì" in out
    assert len(run_json(capsys, "meetings", "--db", db)) == 1


def test_meetings_plain_text(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """meetings without --json prints one line per meeting with its date and counts."""
    code, out, _ = run(capsys, "meetings", "--db", db)
    assert code == 0
    (line,) = out.splitlines()
    assert "01/04/2021" in line and "0/11" in line


def test_directives_of_a_quarter_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """directives --quarter "Quý II-2021" --json lists its directives with their owners."""
    rows = directives(capsys, db, "--quarter", "Quý II-2021", "--as-of", "15/5/2021")
    assert len(rows) == 9
    for d in rows:
        assert DIRECTIVE_KEYS <= set(d)
        assert (d["due_quarter"], d["status"], d["done_on"], d["overdue"]) == (
            "2021-Q2",
            "open",
            None,
            False,
        )
        assert d["owners"] and all(set(o) >= OWNER_KEYS for o in d["owners"])
    first = rows[0]
    assert [o["org"] for o in first["owners"]] == [
        "MTTQ",
        "LĐLĐ tỉnh",
        "Hội ND",
        "Tỉnh đoàn",
        "Hội LHPN",
        "Hội CCB",
    ]
    assert {(o["role"], o["status"], o["done_on"]) for o in first["owners"]} == {
        ("lead", "open", None)
    }
    same = directives(capsys, db, "--quarter", "2021-Q2", "--as-of", "15/5/2021")
    assert same == rows
    late = directives(capsys, db, "--quarter", "q2/2021", "--as-of", "1/7/2021")
    assert all(d["overdue"] for d in late)


def test_standing_directive_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A standing directive has due_quarter null and is never overdue."""
    standing = [d for d in directives(capsys, db) if d["due_quarter"] is None]
    assert len(standing) == 2
    assert not any(d["overdue"] for d in standing)


def test_done_then_status_done_finds_it(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """done ID marks every lead done today; --status done then finds it."""
    did = directives(capsys, db)[0]["id"]
    code, out, _ = run(capsys, "done", str(did), "--db", db)
    assert code == 0 and "1 nội dung" in out
    found = directives(capsys, db, "--status", "done")
    assert [d["id"] for d in found] == [did]
    today = date.today().isoformat()
    assert found[0]["done_on"] == today and found[0]["status"] == "done"
    assert {o["status"] for o in found[0]["owners"]} == {"done"}
    assert not found[0]["overdue"]
    assert run_json(capsys, "meetings", "--db", db)[0]["done_count"] == 1


def test_done_for_one_org_with_date_and_note(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """done ID --org MTTQ --on 12/5/2021 --note marks only MTTQ; the directive is in progress."""
    did = directives(capsys, db)[0]["id"]
    code, _, err = run(
        capsys, "done", str(did), "--org", "mttq", "--on", "12/5/2021", "--note", "Xong", "--db", db
    )
    assert code == 0, err
    d = by_id(capsys, db, did)
    assert d["status"] == "in_progress" and d["done_on"] is None
    owners = {o["org"]: (o["status"], o["done_on"]) for o in d["owners"]}
    assert owners["MTTQ"] == ("done", "2021-05-12")
    assert owners["Hội ND"] == ("open", None)
    in_progress = directives(capsys, db, "--status", "in_progress")
    assert [x["id"] for x in in_progress] == [did]


def test_reopen(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """reopen --org reopens one organization; reopen without it every lead."""
    did = directives(capsys, db)[-1]["id"]
    assert run(capsys, "done", str(did), "--on", "1/6/2021", "--db", db)[0] == 0
    assert by_id(capsys, db, did)["status"] == "done"
    code, out, _ = run(capsys, "reopen", str(did), "--org", "BDV", "--db", db)
    assert code == 0 and "Đã mở lại phần việc của BDV ở 1 nội dung" in out
    assert by_id(capsys, db, did)["status"] == "open"
    first = directives(capsys, db)[0]["id"]
    assert run(capsys, "done", str(first), "--on", "1/6/2021", "--db", db)[0] == 0
    assert run(capsys, "reopen", str(first), "--org", "Hội ND", "--db", db)[0] == 0
    assert by_id(capsys, db, first)["status"] == "in_progress"
    assert run(capsys, "reopen", str(first), "--db", db)[0] == 0
    d = by_id(capsys, db, first)
    assert d["status"] == "open" and {o["status"] for o in d["owners"]} == {"open"}


def test_org_matches_any_owner(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--org selects directives the organization leads or supports."""
    from tracker import queries, services
    from tracker.drafts import DirectiveDraft
    from tracker.store.db import open_db

    # The sample names no supporting organization (the article names none): add one.
    open_db(db, create=False)
    first = queries.directive(directives(capsys, db)[0]["id"])
    bdv = queries.find_organization("BDV").id
    services.update_directive(
        directive_id=first.id,
        directive=DirectiveDraft(
            content=first.content,
            lead_ids=tuple(o.organization_id for o in first.leads),
            support_ids=(bdv,),
            due=first.due,
        ),
    )
    rows = directives(capsys, db, "--org", "BDV")
    assert len(rows) == 3  # two led by BDV, one supported by it
    roles = sorted(next(o["role"] for o in d["owners"] if o["org"] == "BDV") for d in rows)
    assert roles == ["lead", "lead", "support"]
    assert len(directives(capsys, db, "--org", "Hội LHPN")) == 9


def test_search_ignores_diacritics(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--search "bau cu" finds the directives about "bầu cử"."""
    rows = directives(capsys, db, "--search", "bau cu")
    assert len(rows) == 2 and all("bầu cử" in d["content"] for d in rows)


def test_directives_plain_text(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """directives without --json prints one line per directive and the count on stderr."""
    code, out, err = run(capsys, "directives", "--db", db, "--status", "overdue")
    assert code == 0
    assert len(out.splitlines()) == 9 and all("QUÁ HẠN" in line for line in out.splitlines())
    assert err.strip() == "(9 nội dung)"


def test_export_import_export(db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """export → import into an empty database → export gives the same JSON."""
    did = directives(capsys, db)[0]["id"]
    run(capsys, "done", str(did), "--org", "MTTQ", "--on", "12/5/2021", "--note", "x", "--db", db)
    first = tmp_path / "first.json"
    assert run(capsys, "export", str(first), "--db", db)[0] == 0
    fresh = str(tmp_path / "fresh.sqlite3")
    code, out, err = run(capsys, "import", str(first), "--db", fresh)
    assert code == 0, err
    assert "1 cuộc giao ban" in out and "11 nội dung" in out
    second = tmp_path / "second.json"
    assert run(capsys, "export", str(second), "--db", fresh)[0] == 0
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


# --- bad input ------------------------------------------------------------------------------

BAD_INPUT = [
    ("directives", "--quarter", "Quý V-2021"),
    ("directives", "--quarter", "tháng 13"),
    ("directives", "--as-of", "31/2/2021"),
    ("directives", "--org", "Không có"),
    ("done", "999"),
    ("done", "1", "--on", "32/13/2021"),
    ("done", "1", "--on", "1/1/2020"),  # before the meeting
    ("done", "1", "--org", "XYZ"),
    ("done", "1", "--org", "BDV"),  # not a lead of directive 1
    ("reopen", "1", "2", "777"),
    ("demo", "--synthetic", "0"),
    ("demo", "--synthetic", "nhiều"),
    ("directives", "--status", "xong"),
    ("directives", "--org"),
    ("done",),
    ("meetings", "--khong-co"),
    ("xoa-het",),
    ("meetings", "--year", "0"),
    ("meetings", "--year", "năm nay"),
    ("done", "abc"),
    ("done", "0"),
    ("done", "99999999999999999999"),
    ("reopen", "1", "-2"),
    ("directives", "--meeting", "99999999999999999999"),
    ("demo", "--synthetic", "99999999999999999999"),
]


@pytest.mark.parametrize("args", BAD_INPUT, ids=[" ".join(a) for a in BAD_INPUT])
def test_bad_input_exits_2_with_one_vietnamese_line(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, args: tuple[str, ...]
) -> None:
    """Bad input: exit 2, exactly one line on stderr, in Vietnamese, database unchanged."""
    before = export_text(capsys, db, tmp_path)
    code, out, err = run(capsys, *args, "--db", db)
    assert code == 2
    assert len(err.splitlines()) == 1, err
    assert err.startswith("giaoban: lỗi")
    assert "Traceback" not in err
    assert not any(word in err.lower() for word in ENGLISH), err
    assert export_text(capsys, db, tmp_path) == before


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "",
        "[]",
        '{"format": "khác", "version": 1}',
        "\udcff",
    ],
)
def test_malformed_import_file(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str
) -> None:
    """A malformed import file: exit 2, one line, nothing imported."""
    bad = tmp_path / "bad.json"
    bad.write_bytes(content.encode("utf-8", "surrogateescape"))
    before = export_text(capsys, db, tmp_path)
    code, _, err = run(capsys, "import", str(bad), "--db", db)
    assert code == 2 and len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert export_text(capsys, db, tmp_path) == before
    fresh = str(tmp_path / "fresh.sqlite3")
    code, _, err = run(capsys, "import", str(bad), "--db", fresh)
    assert code == 2 and len(err.splitlines()) == 1
    assert not Path(fresh).exists()  # checked before the database is even created


def test_import_into_a_database_with_data_is_refused(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """import without --replace into a database holding giao ban: exit 2, unchanged."""
    before = export_text(capsys, db, tmp_path)
    (tmp_path / "copy.json").write_text(before, encoding="utf-8")
    code, _, err = run(capsys, "import", str(tmp_path / "copy.json"), "--db", db)
    assert code == 2 and "đã có dữ liệu" in err and len(err.splitlines()) == 1
    assert export_text(capsys, db, tmp_path) == before


def test_done_on_missing_database_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """done on a database file that does not exist: exit 2, and no file is created."""
    missing = tmp_path / "missing.sqlite3"
    code, _, err = run(capsys, "done", "1", "--db", str(missing))
    assert code == 2 and len(err.splitlines()) == 1
    assert not missing.exists()


def test_no_subcommand_without_window(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a subcommand and no window to open, the command says what to do."""
    code, _, err = run(capsys)
    assert code == 2 and "hãy chọn một lệnh" in err


# --- as separate processes ------------------------------------------------------------------


def proc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, capture_output=True, text=True, timeout=60, encoding="utf-8", check=False
    )


def test_console_script_demo_and_meetings(tmp_path: Path) -> None:
    """The installed giaoban command loads the sample and lists it as JSON."""
    db = str(tmp_path / "p.sqlite3")
    assert proc(str(GIAOBAN), "demo", "--db", db).returncode == 0
    result = proc(str(GIAOBAN), "meetings", "--json", "--db", db)
    assert result.returncode == 0, result.stderr
    (m,) = json.loads(result.stdout)
    assert MEETING_KEYS <= set(m) and m["held_on"] == "2021-04-01"


def test_module_bad_quarter_and_env_db(tmp_path: Path) -> None:
    """python -m tracker: a bad quarter exits 2 with one line; GIAOBAN_DB names the file."""
    db = str(tmp_path / "env.sqlite3")
    bad = proc(sys.executable, "-m", "tracker", "directives", "--quarter", "quý hai", "--db", db)
    assert bad.returncode == 2
    assert len(bad.stderr.splitlines()) == 1 and "Traceback" not in bad.stderr
    assert "Quý II-2021" in bad.stderr  # says what was expected
    env = {"GIAOBAN_DB": db, "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "demo"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,  # not the source tree: python -m imports from the working folder
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert Path(db).exists()


def test_headless_commands_never_import_qt(db: str) -> None:
    """meetings, directives and demo run without importing PySide6."""
    code = (
        "import sys; from tracker.cli import main; "
        f"main(['meetings','--db',{db!r}]); "
        f"main(['directives','--db',{db!r},'--search','bau cu']); "
        f"main(['demo','--db',{db!r}]); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'"
    )
    result = proc(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr


def test_carried_and_meeting_filters(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--quarter Q --carried adds earlier unfinished directives; --meeting selects one meeting."""
    first = directives(capsys, db)[0]["id"]
    assert run(capsys, "done", str(first), "--on", "30/6/2021", "--db", db)[0] == 0
    assert directives(capsys, db, "--quarter", "Quý III-2021") == []
    carried = directives(capsys, db, "--quarter", "Quý III-2021", "--carried")
    assert len(carried) == 8 and first not in {d["id"] for d in carried}
    assert {d["due_quarter"] for d in carried} == {"2021-Q2"}
    meeting_id = run_json(capsys, "meetings", "--db", db)[0]["id"]
    assert len(directives(capsys, db, "--meeting", str(meeting_id))) == 11
    assert directives(capsys, db, "--meeting", str(meeting_id + 1)) == []
