"""A damaged file over 64 MB (opened without its integrity check, for speed): read
commands say it is damaged (exit 2, no traceback), write commands run the check first
and refuse, and a service that meets the damage refuses every later write."""

from __future__ import annotations

import contextlib
import hashlib
import io
import time
from pathlib import Path

import pytest

from tests.big_files import built, copy_of, damage_a_page
from tracker import cli, services
from tracker.errors import DamagedFileError
from tracker.store import integrity
from tracker.store.db import close_db, open_db
from tracker.store.dbfile import QUICK_CHECK_MAX_BYTES

DAMAGED = "đã bị hỏng"


@pytest.fixture(scope="module")
def huge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A healthy ~70 MB Giao ban database (sample + 60,000 synthetic directives)."""
    path = built(tmp_path_factory, 60_000)
    assert path.stat().st_size > QUICK_CHECK_MAX_BYTES
    return path


@pytest.fixture
def damaged(huge: Path, tmp_path: Path) -> Path:
    path = copy_of(huge, tmp_path / "damaged")
    damage_a_page(path)
    yield path
    integrity.forget(path)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, err.getvalue()


@pytest.mark.parametrize(
    "argv",
    [
        ("directives", "--json"),
        ("directives", "--search", "van dong"),
        ("directives", "--status", "overdue", "--as-of", "2030-01-01"),
    ],
)
def test_read_command_on_a_large_damaged_file_says_damaged(damaged: Path, argv: tuple) -> None:
    """A listing that meets the damaged page: one Vietnamese line, exit 2, no traceback."""
    code, err = run_cli(argv[0], "--db", str(damaged), *argv[1:])
    assert code == 2, err
    assert DAMAGED in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("argv", [("done", "1"), ("reopen", "2"), ("demo",)])
def test_write_command_checks_a_large_file_first_and_refuses(damaged: Path, argv: tuple) -> None:
    """`done`, `reopen`, `demo` run the skipped integrity check before writing: refused
    with the damaged-file message, exit 2, the file byte for byte as it was."""
    before = digest(damaged)
    code, err = run_cli(argv[0], "--db", str(damaged), *argv[1:])
    assert code == 2 and DAMAGED in err, err
    assert digest(damaged) == before


def test_write_command_on_a_large_healthy_file_pays_the_check(huge: Path, tmp_path: Path) -> None:
    """A healthy large file: `done` works; the check it runs first costs this much."""
    path = copy_of(huge, tmp_path)
    started = time.perf_counter()
    integrity.verify_before_writing(path)
    cost = time.perf_counter() - started
    code, err = run_cli("done", "--db", str(path), "1")
    assert code == 0, err
    print(
        f"\nFIGURES large-file check: integrity check before a write on a "
        f"{path.stat().st_size // 2**20} MB file: {cost * 1000:.0f} ms"
    )


def test_service_meeting_the_damage_refuses_every_later_write(damaged: Path) -> None:
    """In the window's path (no check yet): a write that meets the damaged page is refused
    with the message, and from then on every write is refused, even on healthy rows."""
    import sqlite3

    conn = sqlite3.connect(damaged)
    bad = None
    for did in range(1, 70_000):  # the first directive SQLite cannot read
        try:
            conn.execute("SELECT * FROM directive WHERE id = ?", (did,)).fetchall()
        except sqlite3.DatabaseError:
            bad = did
            break
    healthy = conn.execute("SELECT max(id) FROM directive").fetchone()[0]
    conn.close()
    assert bad is not None, "the damage was not produced"
    open_db(str(damaged))
    try:
        with pytest.raises(DamagedFileError, match=DAMAGED):
            services.add_note(directive_id=bad, text="ghi chú")
        before = digest(damaged)
        with pytest.raises(DamagedFileError, match=DAMAGED):
            services.add_note(directive_id=healthy, text="một trang lành")
    finally:
        close_db()
    assert digest(damaged) == before
