"""Start-up takes the day's backup once the window is painted: the real program, started
as a clerk starts it, on a file of its own."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tracker.store.backup import list_backups


def test_the_window_start_takes_the_days_backup(sample_db: Path, tmp_path: Path) -> None:
    """``giaoban --db FILE`` (no --exit-when-shown): within a few seconds of the window
    appearing, a daily copy of the file is in its backups folder; none before the start."""
    from tracker.store.db import close_db

    close_db()  # the program opens the file itself
    assert not [b for b in list_backups(sample_db) if b.kind == "daily"]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    env.pop("GIAOBAN_DB", None)
    program = subprocess.Popen(
        [sys.executable, "-P", "-m", "ui.entry", "--db", str(sample_db)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and program.poll() is None:
            if [b for b in list_backups(sample_db) if b.kind == "daily"]:
                break
            time.sleep(0.1)
        assert program.poll() is None, program.stderr.read() if program.stderr else ""
        daily = [b for b in list_backups(sample_db) if b.kind == "daily"]
        assert len(daily) == 1, "no daily backup 30 s after the start"
    finally:
        program.terminate()
        program.wait(timeout=10)
