"""Time the follow-up report at 500 and 5,000 rows in each format; print medians and ratios.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tests/benchmarks/report_scale.py [--repeats 3]

Each sample builds the document from a hand-made report (no database) and
writes the file, as ``write_report`` does for the window and the command line.
A ratio near 10 means the time grows in proportion to the rows.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests import report_fixtures as fx  # noqa: E402
from tracker.reporting.render import write_report  # noqa: E402

SIZES = (500, 5000)
FORMATS = ("pdf", "xlsx", "docx")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args()
    formats = args.formats.split(",")

    pdf_writer = None
    if "pdf" in formats:
        from ui.report_printing import ensure_gui_app, render_pdf

        ensure_gui_app()
        pdf_writer = render_pdf

    reports = {n: fx.scaled_report(n) for n in SIZES}
    medians: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            for n in SIZES:
                samples = []
                for i in range(args.repeats):
                    path = Path(tmp) / f"r{n}-{i}.{fmt}"
                    start = time.perf_counter()
                    write_report(reports[n], fx.SETTINGS, fmt=fmt, path=path,
                                 issued_on=fx.ISSUED_ON, pdf_writer=pdf_writer)  # fmt: skip
                    samples.append(time.perf_counter() - start)
                medians[fmt, n] = statistics.median(samples)
    small, large = SIZES
    print(f"{'format':<6} {small:>8} rows {large:>8} rows   ratio")
    for fmt in formats:
        a, b = medians[fmt, small], medians[fmt, large]
        print(f"{fmt:<6} {a:>10.2f} s {b:>10.2f} s   {b / a:5.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
