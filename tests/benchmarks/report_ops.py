"""Time the follow-up report of one quarter in each format; print JSON samples (s).

Run by ``run.py`` in a subprocess:

    python tests/benchmarks/report_ops.py DB QUARTER --repeats 3 [--formats pdf,xlsx,docx]
        [--group-by org|each-org|meeting]

Each sample is what the clerk waits for: reading the quarter's follow-up list
and writing the file (PDF through ReportLab, as the window and the command line do;
no Qt is loaded).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("quarter")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--formats", default="pdf,xlsx,docx")
    parser.add_argument("--as-of", default=None)
    parser.add_argument("--group-by", default="org", help="org (default), each-org, meeting")
    args = parser.parse_args()

    from tracker import followup, queries
    from tracker.quarters import Quarter
    from tracker.store.db import open_db

    try:
        from tracker.reporting.render import write_report
    except ImportError as exc:
        json.dump({"error": f"no report writer: {exc}"}, sys.stdout)
        return 0

    formats = args.formats.split(",")

    open_db(args.db, create=False)
    quarter = Quarter.from_iso(args.quarter)
    as_of = date.fromisoformat(args.as_of) if args.as_of else date.today()
    settings = queries.load_settings()
    out: dict[str, object] = {"quarter": quarter.iso, "samples": {}, "query_s": []}
    rows = 0
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            samples = []
            for i in range(args.repeats):
                start = time.perf_counter()
                report = followup.follow_up_list(quarter, as_of=as_of, group_by=args.group_by)
                read = time.perf_counter()
                path = Path(tmp) / f"report-{i}.{fmt}"
                write_report(report, settings, fmt=fmt, path=path, issued_on=as_of)
                samples.append(time.perf_counter() - start)
                out["query_s"].append(read - start)  # type: ignore[union-attr]
                rows = sum(len(g.rows) for g in report.groups)
                out[f"{fmt}_bytes"] = path.stat().st_size
            out["samples"][fmt] = samples  # type: ignore[index]
    out["rows"] = rows
    out["qt_loaded"] = any(m.startswith("PySide6") for m in sys.modules)
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
