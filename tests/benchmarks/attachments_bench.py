"""Benchmark rows for attachments: the S database with and without 1 GB of attached
files, started (``giaoban --exit-when-shown``) and a meeting selected in the window.
Target: each within 1.2× of the time without the attachments.

    python tests/benchmarks/run.py --only attachments [--quick]

The file with attachments is built once (S plus 1,024 MB of random, incompressible
files of 8 MB each, on the most recent meetings and their directives: the ones the
window shows first) and cached beside the datasets.

Also runnable alone: ``python tests/benchmarks/attachments_bench.py fill DB --mb N``
(adds N MB of attachments to DB).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import datasets
from datasets import CACHE, Dataset, child_env, giaoban_command

HERE = Path(__file__).resolve().parent
TOTAL_MB = 1024
FILE_MB = 8
TARGET = 1.2


def fill(db: str, total_mb: int, file_mb: int = FILE_MB) -> int:
    """Attach ``total_mb`` of random files: each to a directive of a recent meeting,
    and every fourth to the meeting itself; returns how many files."""
    from tracker.attachment_services import attach
    from tracker.store.db import close_db, open_db
    from tracker.store.models import Directive, Meeting

    open_db(db, create=False)
    try:
        meetings = [
            m.id for m in Meeting.select(Meeting.id).order_by(Meeting.held_on.desc()).limit(40)
        ]
        directives = [
            d.id
            for d in Directive.select(Directive.id)
            .where(Directive.meeting.in_(meetings))
            .order_by(Directive.id)
        ]
        count = total_mb // file_mb
        for i in range(count):
            data = os.urandom(file_mb * 1024 * 1024)
            if i % 4 == 3:
                attach(file_name=f"thong-bao-{i}.pdf", data=data, meeting_id=meetings[i % 40])
            else:
                attach(
                    file_name=f"bao-cao-{i}.pdf",
                    data=data,
                    directive_id=directives[i % len(directives)],
                )
        return count
    finally:
        close_db()


def heavy_copy(ds: Dataset, total_mb: int = TOTAL_MB) -> Path:
    """A scratch copy of ``ds`` holding ``total_mb`` of attachments (built once, cached)."""
    cached = CACHE / f"A{total_mb}-{ds.path.name}"
    if not cached.exists():
        print(f"building {cached.name}: {total_mb} MB of attachments …", file=sys.stderr)
        building = cached.with_suffix(".building")
        shutil.copyfile(ds.path, building)
        subprocess.run(
            [sys.executable, str(Path(__file__)), "fill", str(building), "--mb", str(total_mb)],
            env=child_env(),
            check=True,
        )
        building.rename(cached)
    return datasets.working_copy(
        Dataset(ds.name, ds.count, cached, ds.generation_s, cached=True), "attach-heavy"
    )


def scenario_attachments(s: Dataset, _large: Dataset, repeats: int) -> list:
    from run import Result, _interleaved, _json_of, _py, _wall_ms

    plain = datasets.working_copy(s, "attach-plain")
    heavy = heavy_copy(s)
    size_mb = heavy.stat().st_size / (1024 * 1024)
    app = giaoban_command()

    def start(path: Path):  # noqa: ANN202
        return lambda: _wall_ms([*app, "--db", str(path), "--exit-when-shown"], until_line=True)

    # One start each first: the day's backup copies the file once a day, not timed.
    for path in (plain, heavy):
        _wall_ms([*app, "--db", str(path), "--exit-when-shown"])
    m = _interleaved({"plain": start(plain), "heavy": start(heavy)}, repeats)
    selects = {}
    for key, path in (("plain", plain), ("heavy", heavy)):
        out = _json_of(_py("window_ops.py", str(path), "--repeats", str(max(11, repeats))))
        selects[key] = statistics.median(out["ops"]["select_meeting"])
    added = size_mb - s.path.stat().st_size / 2**20
    note = f"S ({s.count:,} directives) without and with {added:,.0f} MB of attachments"
    results = []
    for label, unit, small, big in (
        ("attachments: start-up to painted window", "ms", m["plain"], m["heavy"]),
        ("attachments: window, select a meeting", "ms", selects["plain"], selects["heavy"]),
    ):
        ratio = big / small
        results.append(
            Result(
                label, unit, small, big, ratio, "1GB/none", f"≤ {TARGET}×", ratio <= TARGET, note
            )
        )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("fill")
    f.add_argument("db")
    f.add_argument("--mb", type=int, default=TOTAL_MB)
    args = parser.parse_args(argv)
    count = fill(args.db, args.mb)
    print(f"{count} files, {args.mb} MB attached to {args.db}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
