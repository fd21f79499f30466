"""A healthy database is never called damaged: crashes and full disks interrupting the
checkpoint of a change that grows a large file (≥ 20 MB), and readers racing a writer.

After each fault every command opens the file and finds every committed row: the main
file may then be shorter than its header says, with the committed pages in the -wal,
which is normal and which SQLite recovers. Short by default; GIAOBAN_LONG_TRIALS=1 runs
the figures' version (more kills, a 60 s race; GIAOBAN_RACE_SECONDS overrides it).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.big_files import built, copy_of, long_trials
from tests.faults import _limit_fsize
from tracker import cli
from tracker.errors import DatabaseBusyError, DatabaseOpenError
from tracker.store.dbfile import inspect_file

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("safety_worker.py")
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
GROW = 150  # directives of ~9,000 characters: the file grows by ~5 MB, the WAL holds ~12 MB
KILL_TRIALS = 40 if long_trials() else 4
RACE_SECONDS = float(os.environ.get("GIAOBAN_RACE_SECONDS", 60 if long_trials() else 6))


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ~23 MB Giao ban database (sample + 20,000 synthetic directives)."""
    path = built(tmp_path_factory, 20_000)
    assert path.stat().st_size >= 20 * 1024 * 1024
    return path


def main_file_short(path: Path) -> bool:
    """The state the old check called "cắt cụt": the main file is shorter than its
    header's page count while the -wal holds frames."""
    head = path.read_bytes()[:100]
    page_size = int.from_bytes(head[16:18], "big")
    pages = int.from_bytes(head[28:32], "big")
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size < pages * page_size and wal.exists() and wal.stat().st_size > 32


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def meetings_by_title(path: Path) -> dict[str, dict]:
    """`giaoban meetings --json`, which must succeed."""
    code, out, err = run_cli("meetings", "--db", str(path), "--json")
    assert code == 0, err
    return {m["title"]: m for m in json.loads(out)}


def check_every_command(path: Path, title: str, committed: bool) -> bool:
    """Read commands, then a write command, find the change whole (or, if it was not
    reported committed, whole or absent); the file passes integrity_check. True when
    the change is there."""
    found = meetings_by_title(path).get(title)
    assert found is None or found["directive_count"] == GROW, "half a change was saved"
    assert found is not None or not committed, "a committed change was lost"
    if found is not None:
        code, out, err = run_cli(
            "directives", "--db", str(path), "--meeting", str(found["id"]), "--json"
        )
        assert code == 0 and len(json.loads(out)) == GROW, err
        first = json.loads(out)[0]["id"]
        code, _, err = run_cli("done", "--db", str(path), str(first), "--note", "kiểm tra")
        assert code == 0, err
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
    return found is not None


def _grow(path: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), "grow", str(path), str(GROW), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )


def _line(proc: subprocess.Popen[str], word: str) -> dict:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.startswith(word), f"worker said {line!r}"
    return json.loads(line[len(word) :])


def test_sigkill_during_and_after_a_growing_commit_loses_nothing(
    large: Path, tmp_path: Path
) -> None:
    """SIGKILL at random moments while a change grows a 23 MB file: during the write,
    during the checkpoint inside the commit, and during wal_checkpoint(TRUNCATE) after
    it. Afterwards every command opens the file and finds every committed row."""
    rng = random.Random(15)
    produced = short = lost = after = found = 0
    for trial in range(KILL_TRIALS):
        path = copy_of(large, tmp_path / f"t{trial}")
        after_commit = trial % 2 == 1
        proc = _grow(path, *(["--no-autocheckpoint"] if after_commit else []))
        title = _line(proc, "BEGIN")["title"]
        if after_commit:
            _line(proc, "OK")  # committed; the TRUNCATE checkpoint runs now
            time.sleep(rng.uniform(0, 0.15))
        else:
            time.sleep(rng.uniform(0, 1.0))
        proc.kill()
        out, _ = proc.communicate(timeout=30)
        committed = after_commit or "\nOK " in "\n" + out
        produced += 1
        after += committed
        short += main_file_short(path)
        try:
            found += check_every_command(path, title, committed)
        except AssertionError:
            lost += 1
            raise
    print(
        f"\nFIGURES wal-crash: {KILL_TRIALS} SIGKILL trials on a "
        f"{large.stat().st_size // 2**20} MB file, {produced} kills produced ({after} after the "
        f"commit), {short} left the main file shorter than its header with the change in the "
        f"-wal, change found whole by every command {found} times (absent only when killed "
        f"before its commit), data lost: {lost}"
    )


def test_full_file_limit_interrupting_the_checkpoint_loses_nothing(
    large: Path, tmp_path: Path
) -> None:
    """The checkpoint of a committed change that grows the file fails for lack of space
    (RLIMIT_FSIZE just above the file's size, EFBIG), and the writer then dies: the main
    file is left shorter than its header; every command still finds the change."""
    path = copy_of(large, tmp_path)
    limit = path.stat().st_size + 64 * 1024
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), "grow", str(path), str(GROW), "--no-autocheckpoint"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        preexec_fn=lambda: _limit_fsize(limit),  # noqa: PLW1509 - no threads in the child
    )
    title = _line(proc, "BEGIN")["title"]
    _line(proc, "OK")
    failed = _line(proc, "CHECKPOINT-FAILED")
    proc.kill()
    proc.communicate(timeout=30)
    assert "full" in failed["error"] or "I/O" in failed["error"], failed
    assert main_file_short(path), "the fault was not produced"
    assert inspect_file(path) > 0
    assert check_every_command(path, title, committed=True)
    print(f"\nFIGURES wal-efbig: checkpoint failed with {failed['error']!r}; change kept")


WRITER = """
import sys, random
from tracker import services
from tracker.store.db import close_db, database, open_db
from tracker.drafts import DirectiveDraft, MeetingDraft
from datetime import date
path, seconds = sys.argv[1], float(sys.argv[2])
import time
end = time.monotonic() + seconds
n = 0
made_ids = []
while time.monotonic() < end:
    n += 1
    open_db(path)  # each round a new program, as `giaoban done` from a script would be
    text = " ".join(f"race{n}-{i}" for i in range(900))[:9000]
    made = services.log_meeting(
        meeting=MeetingDraft(held_on=date(2024, 4, 1), title=f"race {n}"),
        directives=[DirectiveDraft(content=f"{k} {text}", lead_ids=(1,)) for k in range(12)],
    )
    made_ids.append(made.created_id)
    if len(made_ids) > 2:  # the file grows at first, then reuses the pages freed here
        services.delete_meeting(meeting_id=made_ids.pop(0))
    if n % 3 == 0:
        database.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_db()  # the last connection checkpoints and deletes the -wal
print(n, flush=True)
"""


def test_readers_racing_a_writer_never_see_damage(large: Path, tmp_path: Path) -> None:
    """A writer grows a 23 MB file round after round (open, save, checkpoint, close) while
    this process keeps checking and reading it as every command does: 0 false "damaged"
    or "truncated" (a busy message is allowed: it names the other program)."""
    path = copy_of(large, tmp_path)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(RACE_SECONDS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    reads = busy = false_damage = 0
    messages: list[str] = []
    while writer.poll() is None:
        reads += 1
        try:
            inspect_file(path)  # what every command and the window do first
            code, err = 0, ""
            if reads % 5 == 0:
                code, _, err = run_cli("meetings", "--db", str(path), "--json")
            if code != 0:
                if "hỏng" in err or "cắt cụt" in err:
                    false_damage += 1
                    messages.append(err.strip())
                else:
                    busy += 1
        except DatabaseBusyError:
            busy += 1
        except DatabaseOpenError as exc:
            false_damage += 1
            messages.append(str(exc))
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    rounds = int(out.split()[-1])
    print(
        f"\nFIGURES wal-race: {RACE_SECONDS:.0f} s, {rounds} writer rounds growing a "
        f"{large.stat().st_size // 2**20} MB file to {path.stat().st_size // 2**20} MB, "
        f"{reads} checked reads, busy {busy}, false damaged/truncated: {false_damage}"
    )
    assert false_damage == 0, messages[:3]
    assert rounds >= 2 and reads >= 5, "the race did not happen"
