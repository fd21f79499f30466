"""A full disk (a real small tmpfs, as root) and a file-size limit (EFBIG, RLIMIT_FSIZE in
a child process) during every database write path: services (`done` with a long note,
`reopen`), import, seeding, creating a new file, migrating an old one.

Each time: exit 0 with the change saved, or exit 2 with the one Vietnamese disk-full
message (never a traceback, "not a Giao ban database", "damaged" or "cannot rollback"),
and the database afterwards exactly as before and passing integrity_check.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.big_files import long_trials
from tests.faults import fill, run_with_fsize_limit, small_disk  # noqa: F401 (fixture)
from tracker import cli, exchange
from tracker.errors import DiskFullError
from tracker.store.db import close_db, open_db

from .test_migrations import build_v1

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
FULL = "đầy"  # "Ổ đĩa … đã đầy" here, "ổ đĩa đầy" from a backup written first
LEAVES = (0, 4096, 36_864, 65_536, 131_072, 262_144) if long_trials() else (0, 36_864, 131_072)
TRIED: dict[str, int] = {"trials": 0, "refused": 0, "saved": 0, "lost": 0}


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample giao ban in a closed file, and its export (the file to import)."""
    from tracker.seeding import load_sample

    folder = tmp_path_factory.mktemp("sample")
    path = folder / "giaoban.sqlite3"
    open_db(str(path))
    load_sample()
    exchange.export_file(folder / "export.json")
    close_db()
    return path


def content(path: Path) -> list[str]:
    """Every row and schema object, after integrity_check says ok."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return list(conn.iterdump())
    finally:
        conn.close()


def run_cli(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return code, err.getvalue()


Argv = Callable[[Path, Path], list[str]]

# name → (what the folder holds first, the command run on it)
CASES: dict[str, tuple[str, Argv]] = {
    "done with a 50,000-character note": (
        "sample",
        lambda db, json: ["done", "--db", str(db), "1", "2", "3", "--note", "x" * 50_000],
    ),
    "reopen": ("sample", lambda db, json: ["reopen", "--db", str(db), "1"]),
    "import into an empty file": (
        "empty",
        lambda db, json: ["import", "--db", str(db), str(json)],
    ),
    "demo --synthetic 3000": (
        "sample",
        lambda db, json: ["demo", "--db", str(db), "--synthetic", "3000"],
    ),
    "migrating a version-1 file": ("v1", lambda db, json: ["done", "--db", str(db), "1"]),
    "creating a new file": ("none", lambda db, json: ["demo", "--db", str(db)]),
}


def _prepare(name: str, sample: Path, db: Path) -> None:
    kind = CASES[name][0]
    if kind == "sample":
        shutil.copyfile(sample, db)
    elif kind == "empty":
        open_db(str(db))
        close_db()
    elif kind == "v1":
        build_v1(db)


def _judge(name: str, code: int, err: str, db: Path, before: list[str] | None) -> None:
    TRIED["trials"] += 1
    if code == 0:
        TRIED["saved"] += 1
        assert db.exists() and content(db)
        return
    assert code == 2, err
    assert err.startswith("giaoban: lỗi: ") and len(err.strip().splitlines()) == 1, err
    assert FULL in err and "Traceback" not in err, err
    TRIED["refused"] += 1
    if before is None:  # a new file: none is left behind, nor a half-made one
        assert not db.exists() and not list(db.parent.glob(f".{db.name}*"))
        return
    after = content(db)
    if after != before:
        TRIED["lost"] += 1
    assert after == before, "the database changed although the write was refused"


@pytest.mark.parametrize("name", sorted(CASES))
def test_full_disk_during_a_database_write(
    name: str, small_disk: Path, sample_file: Path  # noqa: F811
) -> None:
    """On an 8 MB tmpfs left with 0 bytes to a few hundred KB free: saved, or the
    disk-full message with exit 2 and the database exactly as before."""
    json_file = sample_file.with_name("export.json")
    for leave in LEAVES:
        folder = small_disk / f"{leave}"
        folder.mkdir()
        db = folder / "giaoban.sqlite3"
        _prepare(name, sample_file, db)
        before = content(db) if db.exists() else None
        ballast = fill(small_disk, leave=leave)
        try:
            code, err = run_cli(CASES[name][1](db, json_file))
        finally:
            ballast.unlink()
        _judge(name, code, err, db, before)
        shutil.rmtree(folder)


@pytest.mark.parametrize("name", sorted(CASES))
def test_file_size_limit_during_a_database_write(
    name: str, tmp_path: Path, sample_file: Path
) -> None:
    """Every file the command writes is capped (RLIMIT_FSIZE, EFBIG past it) at 40 KB:
    the disk-full message with exit 2 from a real process, the database as before."""
    db = tmp_path / "giaoban.sqlite3"
    _prepare(name, sample_file, db)
    before = content(db) if db.exists() else None
    argv = CASES[name][1](db, sample_file.with_name("export.json"))
    done = run_with_fsize_limit([sys.executable, "-m", "tracker", *argv], 40_960, env=ENV)
    _judge(name, done.returncode, done.stderr, db, before)
    if name != "reopen":  # a one-row change fits in 40 KB of WAL (and is then saved)
        assert done.returncode == 2, "the limit was not reached: the fault was not produced"


def test_service_raises_disk_full_in_process(small_disk: Path, sample_file: Path) -> None:  # noqa: F811
    """The window's path (a service call, no command line): DiskFullError, not a raw
    sqlite error; the file as before once space is back."""
    from tracker import services

    db = small_disk / "giaoban.sqlite3"
    shutil.copyfile(sample_file, db)
    before = content(db)
    open_db(str(db))
    ballast = fill(small_disk, leave=0)
    try:
        with pytest.raises(DiskFullError, match=FULL):
            services.mark_done(directive_ids=[1, 2], note="y" * 50_000)
    finally:
        close_db()
        ballast.unlink()
    assert content(db) == before


def test_zz_figures() -> None:
    """Prints the figures of the trials above (run with -s)."""
    print(
        f"\nFIGURES disk-full: {TRIED['trials']} full-disk/EFBIG trials over {len(CASES)} write "
        f"paths, {TRIED['refused']} refused with the disk-full message, {TRIED['saved']} fit "
        f"and were saved, data lost: {TRIED['lost']}"
    )
    assert TRIED["lost"] == 0
