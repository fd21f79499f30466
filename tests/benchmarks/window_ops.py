"""Time the four interactive operations on one database; print JSON samples (ms).

Run by ``run.py`` in a subprocess, once per database:

    python tests/benchmarks/window_ops.py DB --repeats 7 [--backend window|queries]

``window`` drives the real main window offscreen (``ui.main_window.window``) and
times each operation until the views have processed every pending event and
repainted. ``queries`` times only the reads and writes the window runs for
each operation, headless; it is what runs while the window does not exist.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable

# GIAOBAN_BENCH_CPU=1 times the window's actions in this process's CPU time: what the
# work costs, whatever else a shared machine is running (wall time is the default).
CLOCK = time.process_time if os.environ.get("GIAOBAN_BENCH_CPU") else time.perf_counter

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SEARCH_TEXT = "bau cu"  # finds "bầu cử": diacritics-insensitive
PAGE = 100


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def queries_backend(db: str, repeats: int) -> dict[str, object]:
    from tracker import queries, services
    from tracker.store.db import open_db

    open_db(db, create=False)
    flt = queries.DirectiveFilter
    meetings = queries.meeting_page(limit=repeats + 1)
    statuses = [
        queries.StatusFilter.OPEN,
        queries.StatusFilter.DONE,
        queries.StatusFilter.OVERDUE,
        queries.StatusFilter.ALL,
    ]
    samples: dict[str, list[float]] = {
        k: [] for k in ("select_meeting", "change_filter", "search", "mark_done")
    }

    def show(f: queries.DirectiveFilter) -> None:
        queries.count_directives(f)
        queries.directive_page(f, limit=PAGE)

    for i in range(repeats):
        m = meetings[(i + 1) % len(meetings)]
        samples["select_meeting"].append(_ms(lambda m=m: show(flt(meeting_id=m.id))))
        st = statuses[i % len(statuses)]
        samples["change_filter"].append(_ms(lambda st=st: show(flt(status=st))))
        samples["search"].append(_ms(lambda: show(flt(search=SEARCH_TEXT))))
    open_ids = queries.directive_ids(flt(status=queries.StatusFilter.OPEN), limit=repeats)
    for did in open_ids:

        def mark(did: int = did) -> None:
            changes = services.mark_done(directive_ids=[did])
            rows = queries.directive_rows(sorted(changes.directive_ids))
            queries.meeting_rows(sorted({r.meeting_id for r in rows}))

        samples["mark_done"].append(_ms(mark))
    hits = queries.count_directives(flt(search=SEARCH_TEXT))
    return {"backend": "queries", "ops": samples, "search_hits": hits}


class Window:
    """The real main window on ``db``, shown offscreen at 1366x768, and a way to
    time an action until a given viewport has been repainted."""

    def __init__(self, db: str) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication

        from tracker.store.db import open_db
        from ui.app import create_application
        from ui.main_window import MainWindow

        self.app: QApplication = create_application([sys.argv[0]])
        open_db(db, create=False)
        self.w = MainWindow()
        self.w.resize(1366, 768)
        self.w.show()
        self.painted: set[object] = set()
        outer = self

        class Spy(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    outer.painted.add(obj)
                return False

        self._spy = Spy()
        for view in (
            self.w.meeting_list,
            self.w.meeting_table,
            self.w.all_table,
            self.w.chase_view,
        ):
            view.viewport().installEventFilter(self._spy)
        self.settle()

    def settle(self) -> None:
        """Let every pending event, repaint and deferred count happen (not timed)."""
        end = time.perf_counter() + 0.1
        while time.perf_counter() < end:
            self.app.processEvents()

    def timed(self, action: Callable[[], object], viewport: object) -> float:
        """Milliseconds from ``action`` until ``viewport`` has repainted."""
        self.settle()
        self.painted.clear()
        clock = CLOCK
        start = clock()
        action()
        deadline = time.perf_counter() + 5
        while viewport not in self.painted and time.perf_counter() < deadline:
            self.app.processEvents()
        elapsed = (clock() - start) * 1000
        if viewport not in self.painted:
            raise RuntimeError("the view was not repainted within 5 s")
        return elapsed


def window_backend(db: str, repeats: int) -> dict[str, object]:
    from tracker.queries import StatusFilter
    from tracker.rows import Status
    from ui.main_window import TAB_ALL, TAB_MEETING

    win = Window(db)
    w = win.w
    samples: dict[str, list[float]] = {
        k: [] for k in ("select_meeting", "change_filter", "search", "mark_done")
    }
    # select a meeting: a click in the list (the meeting tab is showing)
    w.tabs.setCurrentIndex(TAB_MEETING)
    for i in range(repeats):
        index = w.meeting_model.index(i + 1, 0)
        samples["select_meeting"].append(
            win.timed(
                lambda index=index: w.meeting_list.setCurrentIndex(index),
                w.meeting_table.viewport(),
            )
        )
    # mark a directive done: the first open one of a meeting, "done today" (Ctrl+D)
    meeting = repeats + 1
    for _ in range(repeats):
        model = w.meeting_directives
        row = None
        while row is None:
            meeting += 1
            w.meeting_list.setCurrentIndex(w.meeting_model.index(meeting, 0))
            win.settle()
            unfinished = (Status.OPEN, Status.IN_PROGRESS)
            rows = [r for r in range(model.rowCount()) if model.row(r).status in unfinished]
            row = rows[0] if rows else None
        w.meeting_table.setCurrentIndex(model.index(row, 0))
        win.settle()
        samples["mark_done"].append(
            win.timed(w.commands.mark_selected_done_today, w.meeting_table.viewport())
        )
    # the all-directives view: change the status filter; search all directives
    w.tabs.setCurrentIndex(TAB_ALL)
    bar = w.filter_bar
    choices = [
        bar.status.findData(s)
        for s in (StatusFilter.OPEN, StatusFilter.DONE, StatusFilter.OVERDUE, StatusFilter.ALL)
    ]
    for i in range(repeats):
        choice = choices[i % len(choices)]
        samples["change_filter"].append(
            win.timed(
                lambda c=choice: bar.status.setCurrentIndex(c),
                w.all_table.viewport(),
            )
        )
    bar.status.setCurrentIndex(bar.status.findData(StatusFilter.ALL))
    win.settle()

    def search() -> None:
        bar.search.setText(SEARCH_TEXT)
        bar.flush()  # the typing pause (250 ms) is a choice of the UI, not work

    hits = 0
    for _ in range(repeats):
        samples["search"].append(win.timed(search, w.all_table.viewport()))
        hits = w.all_directives.total
        bar.search.clear()
        bar.flush()
        win.settle()
    return {"backend": "window", "ops": samples, "search_hits": hits}


def window_available() -> bool:
    try:
        import ui.main_window.window  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--backend", choices=["auto", "window", "queries"], default="auto")
    args = parser.parse_args()
    backend = args.backend
    if backend == "auto":
        backend = "window" if window_available() else "queries"
    run = window_backend if backend == "window" else queries_backend
    json.dump(run(args.db, args.repeats), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
