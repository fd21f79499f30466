"""Giao ban's performance benchmark: S (3,000 directives) against L (300,000).

    python tests/benchmarks/run.py [--json FILE] [--quick] [--only startup,cli,...]

Builds the databases once (cached under tests/benchmarks/.cache/, see
datasets.py), runs every scenario several times in fresh subprocesses, and
prints a table of medians, the ratios the targets are stated in, and
PASS/FAIL. Targets are ratios measured side by side in one run, so a slow or
noisy machine does not decide them. See docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

import datasets
from attachments_bench import scenario_attachments
from datasets import Dataset, child_env, giaoban_command

HERE = Path(__file__).resolve().parent
SCENARIOS = ("generate", "startup", "cli", "remind", "window", "report", "memory", "attachments")
FRAME_MS = 16.0
SEARCH = "bau cu"

# The floor of a headless command: open the file with sqlite3, a LIKE over the
# directives' text, the rows printed as JSON. Nothing else.
CLI_FLOOR = (
    "import json, sqlite3, sys\n"
    "conn = sqlite3.connect(sys.argv[1])\n"
    "cur = conn.execute('SELECT * FROM directive WHERE content_folded LIKE ?', ('%bau cu%',))\n"
    "names = [c[0] for c in cur.description]\n"
    "sys.stdout.write(json.dumps([dict(zip(names, r)) for r in cur], ensure_ascii=False))\n"
)


@dataclass
class Result:
    scenario: str
    unit: str
    small: float | None  # S (or the 500-row quarter)
    large: float | None  # L (or the 5,000-row quarter)
    ratio: float | None
    ratio_of: str  # what the ratio divides: "L/S", "L/floor", "5000/500"
    target: str
    passed: bool | None  # None: could not be measured
    note: str = ""


# --- running things -------------------------------------------------------------------------


def _wall_ms(cmd: list[str], *, until_line: bool = False) -> float:
    """Milliseconds from spawning ``cmd`` to its exit (or to its first stdout line)."""
    start = time.perf_counter()
    if until_line:
        proc = subprocess.Popen(
            cmd, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        elapsed = (time.perf_counter() - start) * 1000
        proc.stdout.read()
        code = proc.wait()
        if not line or code != 0:
            raise RuntimeError(f"{cmd[0]} … exited {code} without a line")
        return elapsed
    subprocess.run(
        cmd, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
    )
    return (time.perf_counter() - start) * 1000


def _json_of(cmd: list[str]) -> dict:
    proc = subprocess.run(cmd, env=child_env(), capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])} … failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _interleaved(commands: dict[str, Callable[[], float]], repeats: int) -> dict[str, float]:
    """Median of each, run in turn (one warm-up round discarded)."""
    samples: dict[str, list[float]] = {k: [] for k in commands}
    for i in range(repeats + 1):
        for key, fn in commands.items():
            value = fn()
            if i:
                samples[key].append(value)
    return {k: statistics.median(v) for k, v in samples.items()}


def compile_sources() -> None:
    """Byte-compile the application once, as installing it does (pip writes ``.pyc``
    files at install time). An editable checkout run with PYTHONDONTWRITEBYTECODE=1
    would otherwise recompile every module at every start (~40 ms), which no user
    ever pays; the floor programs are one short script each."""
    import compileall

    for package in ("tracker", "ui", "resources", "seeds"):
        compileall.compile_dir(str(datasets.ROOT / package), quiet=1)


def _py(script: str, *args: str) -> list[str]:
    return [sys.executable, str(HERE / script), *args]


# --- scenarios ------------------------------------------------------------------------------


def scenario_generate(s: Dataset, large: Dataset, repeats: int) -> list[Result]:
    cached = " (measured when the cached file was built)" if large.cached else ""
    return [
        Result(
            f"generate L: giaoban demo --synthetic {large.count:,}",
            "s",
            s.generation_s,
            large.generation_s,
            None,
            "",
            "L < 60 s",
            large.generation_s < 60,
            cached.strip(),
        )
    ]


def scenario_startup(s: Dataset, large: Dataset, repeats: int) -> list[Result]:
    app = giaoban_command()
    probe = subprocess.run(
        [*app, "--db", str(s.path), "--exit-when-shown"],
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if probe.returncode != 0 or not probe.stdout.strip():
        return [
            Result(
                "start-up to painted window",
                "ms",
                None,
                None,
                None,
                "L/floor",
                "≤ 1.5× floor",
                None,
                "giaoban --exit-when-shown not available yet "
                f"(exit {probe.returncode}: {probe.stderr.strip()[-200:]})",
            )
        ]
    m = _interleaved(
        {
            "floor": lambda: _wall_ms(_py("floor_window.py"), until_line=True),
            "S": lambda: _wall_ms(
                [*app, "--db", str(s.path), "--exit-when-shown"], until_line=True
            ),
            "L": lambda: _wall_ms(
                [*app, "--db", str(large.path), "--exit-when-shown"], until_line=True
            ),
        },
        repeats,
    )
    ratio = m["L"] / m["floor"]
    return [
        Result(
            "start-up to painted window (giaoban --exit-when-shown)",
            "ms",
            m["S"],
            m["L"],
            ratio,
            "L/floor",
            f"≤ 1.5× floor ({m['floor']:.0f} ms)",
            ratio <= 1.5,
            "floor: floor_window.py, an empty QMainWindow; wall time from spawn "
            "to the painted line",
        )
    ]


def scenario_cli(s: Dataset, large: Dataset, repeats: int) -> list[Result]:
    app = giaoban_command()

    def cli(ds: Dataset) -> Callable[[], float]:
        return lambda: _wall_ms(
            [*app, "directives", "--search", SEARCH, "--json", "--db", str(ds.path)]
        )

    def floor(ds: Dataset) -> Callable[[], float]:
        return lambda: _wall_ms([sys.executable, "-c", CLI_FLOOR, str(ds.path)])

    m = _interleaved(
        {"floor L": floor(large), "L": cli(large), "floor S": floor(s), "S": cli(s)}, repeats
    )
    hits = _count_hits(large)
    ratio = m["L"] / m["floor L"]
    return [
        Result(
            f'giaoban directives --search "{SEARCH}" --json',
            "ms",
            m["S"],
            m["L"],
            ratio,
            "L/floor",
            f"≤ 2× floor ({m['floor L']:.0f} ms)",
            ratio <= 2.0,
            f"{hits:,} rows on L; floor: python -c sqlite3 LIKE + json "
            f"(S floor {m['floor S']:.0f} ms)",
        )
    ]


def scenario_remind(s: Dataset, large: Dataset, repeats: int) -> list[Result]:
    """Issue 12: ``remind --json`` within 2× the CLI search on the same file."""
    app = giaoban_command()

    def run(*argv: str) -> Callable[[], float]:
        return lambda: _wall_ms([*app, *argv])

    commands = {}
    for ds in (s, large):
        commands[f"remind {ds.name}"] = run("remind", "--json", "--db", str(ds.path))
        commands[f"search {ds.name}"] = run(
            "directives", "--search", SEARCH, "--json", "--db", str(ds.path)
        )
    m = _interleaved(commands, repeats)
    items = _json_of([*app, "remind", "--json", "--db", str(large.path)])
    count = sum(len(o["items"]) for o in items["organizations"])
    ratio = m["remind L"] / m["search L"]
    return [
        Result(
            "giaoban remind --json",
            "ms",
            m["remind S"],
            m["remind L"],
            ratio,
            "L/search L",
            f"≤ 2× search ({m['search L']:.0f} ms)",
            ratio <= 2.0,
            f"{count:,} items on L; search: directives --search \"{SEARCH}\" --json "
            f"(S {m['search S']:.0f} ms)",
        )
    ]


def _count_hits(ds: Dataset) -> int:
    import sqlite3

    with sqlite3.connect(ds.path) as conn:
        return conn.execute(
            "SELECT count(*) FROM directive WHERE content_folded LIKE ?", (f"%{SEARCH}%",)
        ).fetchone()[0]


OPS = {
    "select_meeting": "window: select a meeting",
    "change_filter": "window: change the status filter",
    "search": f'window: search "{SEARCH}" (all directives)',
    "mark_done": "window: mark a directive done",
}


def scenario_window(s: Dataset, large: Dataset, repeats: int) -> list[Result]:
    out = {}
    for ds in (s, large):
        scratch = datasets.working_copy(ds, "window")
        out[ds.name] = _json_of(
            _py("window_ops.py", str(scratch), "--repeats", str(max(11, repeats)))
        )
    backend = out["S"]["backend"]
    results = []
    for op, label in OPS.items():
        sm = statistics.median(out["S"]["ops"][op])
        lm = statistics.median(out["L"]["ops"][op])
        ratio = lm / sm
        if backend != "window":
            label = label.replace("window:", "headless reads/writes for:")
        results.append(
            Result(
                label,
                "ms",
                sm,
                lm,
                ratio,
                "L/S",
                "L < 16 ms, L/S ≤ 1.5",
                lm < FRAME_MS and ratio <= 1.5,
                ""
                if backend == "window"
                else "the main window has not landed: "
                "the reads and writes it makes, timed headless",
            )
        )
    return results


def report_quarter() -> str:
    return f"{date.today().year - 5}-Q2"


# Databases whose report quarter holds about 500 and 5,000 follow-up rows (the
# quarter's own directives, those carried over into it, one row per lead).
REPORT_SMALL, REPORT_BIG = 2_500, 25_000


def scenario_report(s: Dataset, large: Dataset, repeats: int) -> list[Result]:
    small = datasets.dataset("R500", REPORT_SMALL)
    medium = datasets.dataset("R5000", REPORT_BIG)
    quarter = report_quarter()
    reps = str(max(1, min(repeats, 3)))
    small_out = _json_of(_py("report_ops.py", str(small.path), quarter, "--repeats", reps))
    if "error" in small_out:
        return [
            Result(
                "follow-up report",
                "s",
                None,
                None,
                None,
                "5000/500",
                "≤ 12×",
                None,
                small_out["error"],
            )
        ]
    big_out = _json_of(_py("report_ops.py", str(medium.path), quarter, "--repeats", reps))
    results = []
    for fmt in ("pdf", "xlsx", "docx"):
        sm = statistics.median(small_out["samples"][fmt])
        lm = statistics.median(big_out["samples"][fmt])
        ratio = lm / sm
        results.append(
            Result(
                f"follow-up report {fmt.upper()}, quarter {quarter}: "
                f"{small_out['rows']:,} → {big_out['rows']:,} rows",
                "s",
                sm,
                lm,
                ratio,
                "big/small",
                "big ≤ 5 s, ≤ 12×",
                lm <= 5.0 and ratio <= 12.0,
                f"giaoban demo --synthetic {small.count:,} and {medium.count:,}; "
                "each sample reads the follow-up list and writes the file",
            )
        )
    return results


def scenario_memory(s: Dataset, large: Dataset, repeats: int) -> list[Result]:
    quarter = report_quarter()
    out = {}
    for ds in (s, large):
        rounds = range(max(1, repeats // 3))
        runs = [_json_of(_py("session.py", str(ds.path), quarter)) for _ in rounds]
        out[ds.name] = runs
    sm = statistics.median(r["peak_rss_mb"] for r in out["S"])
    lm = statistics.median(r["peak_rss_mb"] for r in out["L"])
    ratio = lm / sm
    return [
        Result(
            "peak RSS of a scripted session (browse 50 meetings, filter, search, report)",
            "MB",
            sm,
            lm,
            ratio,
            "L/S",
            "≤ 1.2×",
            ratio <= 1.2,
            f"backend: {out['S'][0]['backend']}; the report is the XLSX follow-up list of "
            f"{quarter}: {out['S'][0]['report_rows']:,} rows on S, "
            f"{out['L'][0]['report_rows']:,} on L",
        ),
        _memory_before_report(out),
    ]


def _memory_before_report(out: dict[str, list[dict]]) -> Result:
    """The same session's peak up to the search, before the report step (diagnostic)."""
    sm = statistics.median(r["after"]["search"] for r in out["S"])
    lm = statistics.median(r["after"]["search"] for r in out["L"])
    ratio = lm / sm
    return Result(
        "  the same, up to the search (before the report)",
        "MB",
        sm,
        lm,
        ratio,
        "L/S",
        "≤ 1.2× (diagnostic)",
        ratio <= 1.2,
        "what the database's size costs when the report is left out",
    )


RUNNERS: dict[str, Callable[[Dataset, Dataset, int], list[Result]]] = {
    "generate": scenario_generate,
    "startup": scenario_startup,
    "cli": scenario_cli,
    "remind": scenario_remind,
    "window": scenario_window,
    "report": scenario_report,
    "memory": scenario_memory,
    "attachments": scenario_attachments,
}


# --- output ---------------------------------------------------------------------------------


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:.0f} {unit}"


def table(results: list[Result]) -> str:
    head = ("scenario", "S / small", "L / big", "ratio", "target", "result")
    rows = [head]
    for r in results:
        ratio = "—" if r.ratio is None else f"{r.ratio:.2f} ({r.ratio_of})"
        verdict = "n/a" if r.passed is None else ("PASS" if r.passed else "FAIL")
        rows.append(
            (r.scenario, _fmt(r.small, r.unit), _fmt(r.large, r.unit), ratio, r.target, verdict)
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    notes = [f"- {r.scenario}: {r.note}" for r in results if r.note]
    return "\n".join(lines + ([""] + notes if notes else []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--quick", action="store_true", help="3 repeats instead of 7")
    parser.add_argument("--repeats", type=int, help="repeats per scenario (default 7)")
    parser.add_argument("--only", help="comma-separated: " + ",".join(SCENARIOS))
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached databases")
    args = parser.parse_args(argv)
    repeats = args.repeats or (3 if args.quick else 7)
    chosen = args.only.split(",") if args.only else list(SCENARIOS)
    unknown = set(chosen) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenario(s): {', '.join(sorted(unknown))}")

    started = time.perf_counter()
    compile_sources()
    small = datasets.dataset("S", rebuild=args.rebuild)
    # The attachments rows use S only: L is not built for them alone.
    needs_large = set(chosen) - {"attachments"}
    large = datasets.dataset("L", rebuild=args.rebuild) if needs_large else small
    results: list[Result] = []
    for name in chosen:
        print(f"running {name} …", file=sys.stderr, flush=True)
        try:
            results.extend(RUNNERS[name](small, large, repeats))
        except Exception as exc:  # noqa: BLE001 (one broken scenario must not hide the rest)
            results.append(Result(name, "", None, None, None, "", "", False, f"error: {exc}"))
    print(table(results))
    failed = [r for r in results if r.passed is False]
    print(
        f"\n{len(results) - len(failed)}/{len(results)} met (repeats {repeats}, "
        f"{time.perf_counter() - started:.0f} s, {platform.python_version()}, "
        f"{os.cpu_count()} cores)"
    )
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "date": date.today().isoformat(),
                    "python": platform.python_version(),
                    "platform": platform.platform(),
                    "cpus": os.cpu_count(),
                    "repeats": repeats,
                    "datasets": {
                        d.name: {
                            "count": d.count,
                            "path": str(d.path),
                            "generation_s": d.generation_s,
                        }
                        for d in (small, large)
                    },
                    "results": [asdict(r) for r in results],
                },
                ensure_ascii=False,
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
