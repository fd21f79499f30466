"""Time the four interactive operations on one database; print JSON samples (ms).

Run by ``run.py`` in a subprocess, once per database:

    python tests/benchmarks/window_ops.py DB --repeats 7 [--backend window|queries]

``window`` drives the real main window offscreen (``ui.main_window``) and
times each operation until the views have processed every pending event and
repainted. ``queries`` times only the reads and writes the window runs for
each operation, headless; it is what runs while the window does not exist.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable

SEARCH_TEXT = "bau cu"  # finds "bầu cử": diacritics-insensitive
PAGE = 100


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def queries_backend(db: str, repeats: int) -> dict[str, object]:
    from tracker import queries, services
    from tracker.db import open_db

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


def window_backend(db: str, repeats: int) -> dict[str, object]:
    raise NotImplementedError("the main window has not landed yet")


def window_available() -> bool:
    try:
        import ui.main_window  # noqa: F401
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
