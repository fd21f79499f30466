"""SQLite against PostgreSQL on the same 300,000-directive set (issue 14's rows).

    python tests/benchmarks/backends.py [--count N] [--repeat R]

Builds the set twice with the same generator and seed (``seeding.synthetic``): in a
SQLite file and in a database on a throwaway PostgreSQL server on a Unix socket
(tests/pgserver.py), vacuumed and analyzed as autovacuum leaves a loaded table. Then
times, in this process, what the window asks the store for: the list of one meeting's
directives, of a status filter and of the search "bau cu" (the first page, and the
count when the page did not give it: ``queries.first_page``, as the directive table
does), mark done (one directive, committed); and, in a fresh process each time, the
CLI's ``directives --search "bau cu" --json``. Prints medians and PostgreSQL/SQLite
ratios. These are store-level times (the window's own painting is the same on both).

Each operation runs WARM times before it is timed, as in a window that has been open
a while: psycopg prepares a statement from its sixth run and PostgreSQL plans it anew
for the first five runs of a prepared statement (SQLite's statement cache is warm
after one run).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.pgserver import running_server  # noqa: E402
from tracker import queries, seeding, services  # noqa: E402
from tracker.store.db import close_db, open_db  # noqa: E402
from tracker.store.models import Directive, Meeting  # noqa: E402

WARM = 12


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    for _ in range(WARM):
        fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _ops(target: str, repeat: int) -> dict[str, float]:
    open_db(target)
    f = queries.DirectiveFilter
    meeting = Meeting.select(Meeting.id).order_by(Meeting.held_on.desc()).first().id
    open_ids = [
        d.id for d in Directive.select(Directive.id).where(Directive.status == "open").limit(500)
    ]
    it = iter(open_ids)

    def page(flt: queries.DirectiveFilter) -> None:
        _, total = queries.first_page(flt, limit=200)
        if total is None:
            queries.count_directives(flt)

    def done() -> None:
        services.mark_done(directive_ids=[next(it)], on=date.today())

    out = {
        "select a meeting": _median_ms(lambda: page(f(meeting_id=meeting)), repeat),
        "change a filter (open)": _median_ms(
            lambda: page(f(status=queries.StatusFilter.OPEN)), repeat
        ),
        'search "bau cu"': _median_ms(lambda: page(f(search="bau cu")), repeat),
        "mark done": _median_ms(done, repeat),
    }
    close_db()
    cli = [sys.executable, "-P", "-m", "tracker", "directives", "--db", target,
           "--search", "bau cu", "--json"]
    times = []
    for _ in range(max(3, repeat // 4)):
        t = time.perf_counter()
        subprocess.run(cli, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - t) * 1000)
    out['CLI directives --search "bau cu" --json'] = statistics.median(times)
    return out


def _build(target: str, count: int) -> float:
    t = time.perf_counter()
    open_db(target)
    seeding.synthetic(count, seed=1)
    close_db()
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=300_000)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, running_server() as server:
        sqlite = str(Path(tmp) / "giaoban.sqlite3")
        pg = server.url(server.create_database())
        print(f"build {args.count:,} directives: SQLite {_build(sqlite, args.count):.1f} s, "
              f"PostgreSQL {_build(pg, args.count):.1f} s")
        open_db(pg)
        from tracker.store.db import database

        database.execute_sql("VACUUM ANALYZE")
        close_db()
        a, b = _ops(sqlite, args.repeat), _ops(pg, args.repeat)
    print(f"{'operation':42} {'SQLite ms':>10} {'PostgreSQL ms':>14} {'ratio':>6}")
    for k in a:
        print(f"{k:42} {a[k]:10.1f} {b[k]:14.1f} {b[k] / a[k]:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
