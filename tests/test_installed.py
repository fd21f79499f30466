"""The program as ``pip install .`` delivers it, run from outside the source tree."""

from __future__ import annotations

import json
import subprocess
from importlib import metadata
from pathlib import Path

import pytest

from tracker import __version__
from tracker.store.db import close_db
from tracker.store.version import SCHEMA_VERSION

from .installed import (
    SOURCE,
    Installed,
    build_wheel,
    clean_env,
    install_wheel,
    source_files,
    wheel_files,
)

QUARTER = "Quý II-2021"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built once for this module."""
    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel installed into a new virtual environment."""
    return install_wheel(wheel, tmp_path_factory.mktemp("venv") / "env")


def giaoban(env: Installed, *args: str, cwd: Path, check: bool = True) -> str:
    """Run the installed console script from ``cwd``; its stdout."""
    done = subprocess.run(
        [str(env.giaoban), *args], cwd=cwd, env=clean_env(), capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    if check:
        assert done.returncode == 0, f"giaoban {' '.join(args)}: {done.stderr}{done.stdout}"
        assert "Traceback" not in done.stderr
    return done.stdout


def test_wheel_holds_every_module_and_file_of_the_source_tree(wheel: Path) -> None:
    """Every module and data file of tracker/, ui/, seeds/ and resources/ is in the wheel."""
    missing = source_files() - wheel_files(wheel)
    assert not missing, f"missing from the wheel: {sorted(missing)}"
    assert {"tracker/reporting/docx.py", "ui/widgets/form.py"} <= wheel_files(wheel)


def test_installed_copy_is_imported_not_the_source_tree(installed: Installed, tmp_path) -> None:
    """From another folder the installed packages are imported, never the source tree's."""
    out = subprocess.run(
        [str(installed.python), "-c",
         "import tracker, ui, tracker.seeds, ui.resources as r; "
         "print(tracker.__file__); print(ui.__file__); print(r.__file__)"],
        cwd=tmp_path, env=clean_env(), capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    for path in map(Path, out):
        assert installed.root in path.parents
        assert SOURCE not in path.parents


def test_every_headless_subcommand_runs_from_the_installed_copy(
    installed: Installed, tmp_path: Path
) -> None:
    """--version, demo, meetings, directives, done, reopen, export, import, report
    pdf/xlsx/docx, backup and restore all work from the installed wheel."""
    db = str(tmp_path / "data" / "giaoban.sqlite3")
    run = lambda *a: giaoban(installed, *a, "--db", db, cwd=tmp_path)  # noqa: E731
    assert giaoban(installed, "--version", cwd=tmp_path).strip() == f"giaoban {__version__}"
    assert "11 nội dung" in run("demo")
    meetings = json.loads(run("meetings", "--json"))
    assert [m["directive_count"] for m in meetings] == [11]
    directives = json.loads(run("directives", "--json", "--quarter", QUARTER))
    first = directives[0]["id"]
    run("done", str(first), "--on", "12/5/2021", "--note", "Đã báo cáo")
    done = {d["id"]: d for d in json.loads(run("directives", "--json"))}
    assert done[first]["status"] == "done" and done[first]["done_on"] == "2021-05-12"
    run("reopen", str(first))
    assert {d["id"]: d for d in json.loads(run("directives", "--json"))}[first]["status"] != "done"
    exported = tmp_path / "all.json"
    run("export", str(exported))
    other = str(tmp_path / "other.sqlite3")
    giaoban(installed, "import", str(exported), "--db", other, cwd=tmp_path)
    copied = giaoban(installed, "meetings", "--json", "--db", other, cwd=tmp_path)
    assert json.loads(copied)[0]["directive_count"] == 11
    magic = {"pdf": b"%PDF", "xlsx": b"PK", "docx": b"PK"}
    for fmt, start in magic.items():
        out = tmp_path / f"report.{fmt}"
        run(
            "report",
            "--quarter",
            QUARTER,
            "--format",
            fmt,
            "--out",
            str(out),
            "--as-of",
            "1/7/2021",
        )
        assert out.read_bytes().startswith(start), fmt
    saved = tmp_path / "saved.sqlite3"
    run("backup", str(saved))
    assert saved.stat().st_size > 0
    run("done", str(first))
    run("restore", str(saved))
    assert {d["id"]: d for d in json.loads(run("directives", "--json"))}[first]["status"] != "done"


def test_smoke_run_of_the_installed_window(installed: Installed, tmp_path: Path) -> None:
    """--smoke opens the main window and every dialog from the installed copy."""
    out = giaoban(installed, "--smoke", cwd=tmp_path)
    assert "smoke: OK" in out
    assert "AboutDialog" in out and "ReportDialog" in out


def test_a_missing_data_file_is_named(wheel: Path, tmp_path: Path, db_path: Path) -> None:
    """With a seed file, the style sheet and the schema file deleted from an installed
    copy, the commands that need them name the missing file in Vietnamese; no traceback."""
    env = install_wheel(wheel, tmp_path / "damaged")
    (env.site_packages / "tracker" / "seeds" / "organizations.json").unlink()
    (env.site_packages / "ui" / "resources" / "style" / "app.qss").unlink()
    done = subprocess.run(
        [str(env.giaoban), "demo", "--db", str(tmp_path / "x.sqlite3")],
        cwd=tmp_path, env=clean_env(), capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "thiếu" in done.stderr and "tracker/seeds/organizations.json" in done.stderr
    assert "cài đặt lại" in done.stderr
    smoke = subprocess.run(
        [str(env.giaoban), "--smoke"], cwd=tmp_path, env=clean_env(), capture_output=True,
        text=True,
    )  # fmt: skip
    assert smoke.returncode == 1
    assert "ui/resources/style/app.qss" in smoke.stdout
    assert "tracker/seeds/organizations.json" in smoke.stdout
    (env.site_packages / "tracker" / "store" / f"schema_v{SCHEMA_VERSION}.sql").unlink()
    close_db()  # db_path: a healthy file, checked against the schema when opened
    opened = subprocess.run(
        [str(env.giaoban), "meetings", "--db", str(db_path)],
        cwd=tmp_path, env=clean_env(), capture_output=True, text=True,
    )  # fmt: skip
    assert opened.returncode == 2 and "Traceback" not in opened.stderr
    assert f"tracker/store/schema_v{SCHEMA_VERSION}.sql" in opened.stderr


def test_suite_imports_the_installed_copy() -> None:
    """The suite itself tests the installed package (README: pip install ".[test]", then
    python -P -m pytest), not the source tree; skipped for an editable install."""
    import tracker
    import ui

    urls = [d.read_text("direct_url.json") or "{}" for d in metadata.distributions(name="giaoban")]
    if any(json.loads(u).get("dir_info", {}).get("editable") for u in urls):
        pytest.skip("editable install: the suite runs on the source tree (the wheel is "
                    "tested above)")  # fmt: skip
    for module in (tracker, ui):
        where = Path(module.__file__ or "").resolve()
        assert not where.is_relative_to(SOURCE / module.__name__), (
            f"{module.__name__} imported from the source tree ({where}): run the tests with "
            "`python -P -m pytest` so the working folder is not on sys.path"
        )
