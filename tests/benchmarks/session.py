"""A scripted session on one database; prints its peak resident memory as JSON.

Run by ``run.py`` in a fresh subprocess per database:

    python tests/benchmarks/session.py DB QUARTER [--backend window|queries]

The session: open the database, browse 50 meetings (each one's directives),
change the status filter, search all directives, write the quarter's
follow-up report (XLSX). ``window`` drives the real main window offscreen;
``queries`` runs the same reads headless (with Qt imported and a
QApplication made, so both backends carry the same fixed cost).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
from datetime import date
from pathlib import Path

from window_ops import SEARCH_TEXT, window_available

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux (bytes on macOS)
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def write_quarter_report(quarter_iso: str, path: Path) -> int:
    from tracker import followup, queries
    from tracker.quarters import Quarter
    from tracker.reporting.render import write_report

    report = followup.follow_up_list(Quarter.from_iso(quarter_iso))
    write_report(report, queries.load_settings(), fmt="xlsx", path=path, issued_on=date.today())
    return sum(len(g.rows) for g in report.groups)


def queries_session(db: str, quarter: str) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from tracker import queries
    from tracker.store.db import open_db

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    open_db(db, create=False)
    flt = queries.DirectiveFilter
    after: dict[str, float] = {"start": peak_rss_mb()}
    queries.count_meetings()
    for m in queries.meeting_page(limit=50):
        queries.count_directives(flt(meeting_id=m.id))
        queries.directive_page(flt(meeting_id=m.id), limit=100)
    after["browse"] = peak_rss_mb()
    f = flt(status=queries.StatusFilter.OPEN)
    queries.count_directives(f)
    queries.directive_page(f, limit=100)
    after["filter"] = peak_rss_mb()
    f = flt(search=SEARCH_TEXT)
    queries.count_directives(f)
    queries.directive_page(f, limit=100)
    after["search"] = peak_rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        rows = write_quarter_report(quarter, Path(tmp) / "report.xlsx")
    after["report"] = peak_rss_mb()
    return {"backend": "queries", "peak_rss_mb": peak_rss_mb(), "after": after, "report_rows": rows}


def window_session(db: str, quarter: str) -> dict[str, object]:
    from window_ops import Window

    from tracker.queries import StatusFilter
    from ui.main_window import TAB_ALL, TAB_MEETING

    after: dict[str, float] = {}
    win = Window(db)
    w = win.w
    after["start"] = peak_rss_mb()
    w.tabs.setCurrentIndex(TAB_MEETING)
    for i in range(50):
        w.meeting_list.setCurrentIndex(w.meeting_model.index(i, 0))
        win.settle()
    after["browse"] = peak_rss_mb()
    w.tabs.setCurrentIndex(TAB_ALL)
    win.settle()
    bar = w.filter_bar
    bar.status.setCurrentIndex(bar.status.findData(StatusFilter.OPEN))
    win.settle()
    after["filter"] = peak_rss_mb()
    bar.status.setCurrentIndex(bar.status.findData(StatusFilter.ALL))
    bar.search.setText(SEARCH_TEXT)
    bar.flush()
    win.settle()
    after["search"] = peak_rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        rows = write_quarter_report(quarter, Path(tmp) / "report.xlsx")
    win.settle()
    after["report"] = peak_rss_mb()
    return {"backend": "window", "peak_rss_mb": peak_rss_mb(), "after": after, "report_rows": rows}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("quarter")
    parser.add_argument("--backend", choices=["auto", "window", "queries"], default="auto")
    args = parser.parse_args()
    backend = args.backend
    if backend == "auto":
        backend = "window" if window_available() else "queries"
    run = window_session if backend == "window" else queries_session
    json.dump(run(args.db, args.quarter), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
