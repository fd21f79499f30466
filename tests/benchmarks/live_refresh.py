"""How long another user's change takes to reach an open window on PostgreSQL (issue 14).

    python tests/benchmarks/live_refresh.py [--changes 100] [--count 3000]

A throwaway PostgreSQL server (tests/pgserver.py) holds the sample giao ban and
``--count`` synthetic directives. This process shows the main window on it
(offscreen); a second process, another client, makes ``--changes`` changes one
after another (a progress note on a directive of the meeting the window shows,
each waiting for the previous one to be seen). For each change the time from its
commit in the other process to the moment this window's views have taken it in
(the StoreBus ``changed`` signal, after the views' own slots) is measured. Prints
the median, the 90th percentile and the largest, in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.pgserver import running_server  # noqa: E402

OTHER_CLIENT = """
import sys, time
from tracker import services
from tracker.store.db import open_db
open_db(sys.argv[1])
ids = [int(i) for i in sys.argv[2].split(",")]
print("READY", flush=True)
for n, line in enumerate(sys.stdin):
    services.add_note(directive_id=ids[n % len(ids)], text=f"Tiến độ lần {n + 1}")
    print(repr(time.time()), flush=True)
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--changes", type=int, default=100)
    ap.add_argument("--count", type=int, default=3000)
    args = ap.parse_args()

    from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from tracker import queries, seeding
    from tracker.store.db import close_db, open_db

    with tempfile.TemporaryDirectory() as tmp, running_server() as server:
        QCoreApplication.setOrganizationName("GiaoBanBench")
        QCoreApplication.setApplicationName("GiaoBanBench")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        url = server.url(server.create_database())
        open_db(url)
        seeding.load_sample()
        if args.count:
            seeding.synthetic(args.count, seed=1)
        from ui.main_window import MainWindow

        window = MainWindow()
        window.show()
        app.processEvents()
        meeting = window.meeting
        assert meeting is not None and window.live_refresh is not None
        shown = queries.DirectiveFilter(meeting_id=meeting.id)
        ids = [d.id for d in queries.list_directives(shown)]
        seen: list[float] = []
        window.bus.changed.connect(lambda *_: seen.append(time.time()))  # after the views' slots
        other = subprocess.Popen(
            [sys.executable, "-P", "-c", OTHER_CLIENT, url, ",".join(map(str, ids))],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert other.stdin is not None and other.stdout is not None
        assert other.stdout.readline().strip() == "READY"
        delays = []
        for _ in range(args.changes):
            seen.clear()
            other.stdin.write("GO\n")
            other.stdin.flush()
            committed = float(other.stdout.readline())
            deadline = time.monotonic() + 5
            QTimer.singleShot(5000, lambda: None)  # wakes the wait below at the latest
            while not seen and time.monotonic() < deadline:
                # sleeps until the socket notifier (or the timer) has something: no spinning
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            if not seen:
                print("a change never arrived within 5 s", file=sys.stderr)
                return 1
            delays.append((seen[0] - committed) * 1000)
        other.stdin.close()
        other.wait(timeout=30)
        window.live_refresh.stop()
        window.close()
        close_db()
    delays.sort()
    p90 = delays[int(len(delays) * 0.9) - 1]
    print(
        f"{len(delays)} changes reached the second window: median "
        f"{statistics.median(delays):.1f} ms, 90th percentile {p90:.1f} ms, "
        f"largest {delays[-1]:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
