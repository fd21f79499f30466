"""Opening damaged and unexpected files: a clear one-line Vietnamese message, the file never
modified, the command line exits 2; new files and their journals are owner-only."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tracker import cli
from tracker.errors import DatabaseOpenError, DiskFullError
from tracker.store import migrations
from tracker.store.db import close_db, open_db

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A healthy Giao ban database with the sample giao ban, closed (no -wal beside it)."""
    from tracker.seeding import load_sample

    path = tmp_path_factory.mktemp("template") / "giaoban.sqlite3"
    open_db(str(path))
    load_sample()
    close_db()
    return path


def _copy(template: Path, folder: Path) -> Path:
    target = folder / "giaoban.sqlite3"
    shutil.copyfile(template, target)
    return target


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for s in statements:
        conn.execute(s)
    conn.commit()
    conn.close()


def random_bytes(folder: Path, template: Path) -> Path:
    p = folder / "giaoban.sqlite3"
    p.write_bytes(random.Random(1).randbytes(8192))
    return p


def text_file(folder: Path, template: Path) -> Path:
    p = folder / "giaoban.sqlite3"
    p.write_text("Biên bản giao ban quý II-2021\nKết luận của đồng chí Trưởng ban\n", "utf-8")
    return p


def empty_file(folder: Path, template: Path) -> Path:
    p = folder / "giaoban.sqlite3"
    p.touch()
    return p


def header_only(folder: Path, template: Path) -> Path:
    p = folder / "giaoban.sqlite3"
    p.write_bytes(b"SQLite format 3\x00" + bytes(84))
    return p


def truncated_half(folder: Path, template: Path) -> Path:
    p = _copy(template, folder)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2 // 4096 * 4096])  # whole pages, too few of them
    return p


def truncated_mid_page(folder: Path, template: Path) -> Path:
    p = _copy(template, folder)
    p.write_bytes(p.read_bytes()[:10_000])
    return p


def damaged_page(folder: Path, template: Path) -> Path:
    p = _copy(template, folder)
    data = bytearray(p.read_bytes())
    rng = random.Random(2)
    for page in range(2, len(data) // 4096, 3):  # garbage over every third page's middle
        start = page * 4096 + 100
        data[start : start + 2000] = rng.randbytes(2000)
    p.write_bytes(bytes(data))
    return p


def newer_schema(folder: Path, template: Path) -> Path:
    p = _copy(template, folder)
    _sql(p, f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 7}")
    return p


def other_app_plain(folder: Path, template: Path) -> Path:
    p = folder / "giaoban.sqlite3"
    _sql(
        p, "CREATE TABLE contacts (name TEXT, phone TEXT)", "INSERT INTO contacts VALUES ('A', '1')"
    )
    return p


def other_app_with_ids(folder: Path, template: Path) -> Path:
    p = folder / "giaoban.sqlite3"
    _sql(
        p,
        "PRAGMA application_id = 252006673",  # Fossil's
        "PRAGMA user_version = 5",
        "CREATE TABLE blob (rid INTEGER PRIMARY KEY, content BLOB)",
    )
    return p


def other_app_version_1(folder: Path, template: Path) -> Path:
    p = folder / "giaoban.sqlite3"
    _sql(p, "PRAGMA user_version = 1", "CREATE TABLE meeting_room (id INTEGER PRIMARY KEY)")
    return p


def a_folder(folder: Path, template: Path) -> Path:
    p = folder / "giaoban.sqlite3"
    p.mkdir()
    return p


def read_only_file(folder: Path, template: Path) -> Path:
    p = _copy(template, folder)
    p.chmod(0o444)
    return p


def read_only_folder(folder: Path, template: Path) -> Path:
    inner = folder / "chi-doc"
    inner.mkdir()
    p = _copy(template, inner)
    inner.chmod(0o555)
    return p


CASES: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "random bytes": (random_bytes, "không phải tệp SQLite"),
    "text file": (text_file, "không phải tệp SQLite"),
    "empty 0-byte file": (empty_file, "trống (0 byte)"),
    "SQLite header only": (header_only, "bị hỏng"),
    "truncated to half its pages": (truncated_half, "bị cắt cụt"),
    "truncated mid-page": (truncated_mid_page, "bị cắt cụt"),
    "damaged pages": (damaged_page, "bị hỏng"),
    "newer schema version": (newer_schema, "phiên bản Giao ban mới hơn"),
    "another program's SQLite file": (other_app_plain, "chương trình khác"),
    "another program's file with application_id": (other_app_with_ids, "chương trình khác"),
    "another program's file at user_version 1": (other_app_version_1, "chương trình khác"),
    "a folder": (a_folder, "thư mục"),
    "read-only file": (read_only_file, "chỉ cho phép đọc"),
    "read-only folder": (read_only_folder, "không cho phép ghi"),
}


def _state(path: Path) -> tuple[object, ...]:
    """The bytes and modification time of the file, and what else is in its folder."""
    folder = path.parent
    listing = sorted(p.name for p in folder.iterdir())
    if path.is_dir():
        return ("dir", listing)
    st = path.stat()
    return (path.read_bytes(), st.st_mtime_ns, stat.S_IMODE(st.st_mode), listing)


@pytest.fixture
def case_file(request: pytest.FixtureRequest, tmp_path: Path, template: Path) -> Iterator[Path]:
    make, _ = CASES[request.param]
    path = make(tmp_path, template)
    yield path
    close_db()
    for p in (path.parent, path):
        if p.exists() and not p.is_symlink():
            p.chmod(0o700 if p.is_dir() else 0o600)  # let pytest clean up


@pytest.mark.parametrize("case_file", sorted(CASES), indirect=True)
def test_unusable_file_is_refused_and_left_untouched(case_file: Path, request) -> None:
    """Each damaged or unexpected file raises DatabaseOpenError with its own one-line
    Vietnamese message, and the file (bytes, mtime, mode) and its folder are unchanged."""
    _, expected = CASES[request.node.callspec.params["case_file"]]
    before = _state(case_file)
    with pytest.raises(DatabaseOpenError) as raised:
        open_db(str(case_file))
    message = str(raised.value)
    assert expected in message and "\n" not in message
    assert _state(case_file) == before


@pytest.mark.parametrize("case_file", sorted(CASES), indirect=True)
def test_command_line_exits_2_with_one_line(
    case_file: Path, capsys: pytest.CaptureFixture[str], request
) -> None:
    """`giaoban meetings --db FILE` on each such file exits 2 with one line on stderr."""
    before = _state(case_file)
    assert cli.main(["meetings", "--db", str(case_file)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("giaoban: lỗi: ")
    assert _state(case_file) == before


def test_real_process_exits_2_on_a_text_file(tmp_path: Path, template: Path) -> None:
    """A real `python -m tracker` process exits with status 2 and one line."""
    path = text_file(tmp_path, template)
    proc = subprocess.run(
        [sys.executable, "-m", "tracker", "directives", "--db", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1


def test_cases_tried_count() -> None:
    """The damaged-file cases cover every kind the issue names."""
    print(f"\nFIGURES damaged-file cases: {len(CASES)}: {', '.join(sorted(CASES))}")
    assert len(CASES) >= 12


def test_healthy_copy_opens(tmp_path: Path, template: Path) -> None:
    """The template itself opens: the refusals above are about the damage, not the setup."""
    path = _copy(template, tmp_path)
    open_db(str(path))
    try:
        from tracker.store.models import Meeting

        assert Meeting.select().count() >= 1
    finally:
        close_db()


def test_open_without_create_refuses_a_missing_file(tmp_path: Path) -> None:
    """create=False on a missing file is a clear message and creates nothing."""
    with pytest.raises(DatabaseOpenError, match="Không tìm thấy"):
        open_db(str(tmp_path / "khong-co.sqlite3"), create=False)
    assert list(tmp_path.iterdir()) == []


def test_crash_while_creating_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while a new database is being built leaves neither the file nor a
    half-made or empty one (which the next start would refuse as damaged)."""
    from tracker.store import migrations

    def boom() -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(migrations, "load_standard_organizations", boom)
    target = tmp_path / "giaoban.sqlite3"
    with pytest.raises((DatabaseOpenError, DiskFullError, OSError)):
        open_db(str(target))
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    open_db(str(target))
    close_db()
    assert target.stat().st_size > 0


@posix_only
def test_new_database_and_journals_are_owner_only(tmp_path: Path) -> None:
    """A new database file and its -wal and -shm files are 0o600 even with umask 022."""
    old = os.umask(0o022)
    try:
        path = tmp_path / "giaoban.sqlite3"
        open_db(str(path))
        from tracker import services

        services.add_organization(name="Hội Cựu chiến binh xã", short_name="CCB-X")
        modes = {
            p.name: stat.S_IMODE(p.stat().st_mode)
            for p in tmp_path.iterdir()
            if p.name.startswith("giaoban.sqlite3")
        }
    finally:
        os.umask(old)
        close_db()
    assert set(modes) == {"giaoban.sqlite3", "giaoban.sqlite3-wal", "giaoban.sqlite3-shm"}
    assert set(modes.values()) == {0o600}, modes
