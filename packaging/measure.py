"""Build the frozen app and measure it against the wheel: build time, unpacked size,
start-up to a painted window. The figures in docs/PACKAGING.md come from this.

    python packaging/measure.py [--runs 9] [--display :99]

Builds the wheel of the source tree, installs it into a temporary environment, runs
PyInstaller there (packaging/giaoban.spec), then starts the wheel's ``giaoban`` and
the bundle's ``giaoban-cli`` alternately with ``--exit-when-shown`` on the same
sample database, timing each process from launch to exit after the first paint.
Offscreen unless ``--display`` names an X server (e.g. Xvfb).
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.installed import build_wheel, clean_env, install_wheel  # noqa: E402


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, check=True, capture_output=True)
    return (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--display", help="X display for a real window (default offscreen)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="giaoban-measure-") as tmp:
        root = Path(tmp)
        env = install_wheel(build_wheel(root / "wheel"), root / "env")
        started = time.perf_counter()
        subprocess.run(
            [str(env.python), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
             "WARN", "--distpath", str(root / "dist"), "--workpath", str(root / "work"),
             str(ROOT / "packaging" / "giaoban.spec")],
            cwd=root, env=clean_env(), check=True,
        )  # fmt: skip
        build_s = time.perf_counter() - started
        bundle = root / "dist" / "GiaoBan"
        size = folder_size(bundle)
        exe = ".exe" if os.name == "nt" else ""
        run_env = clean_env()
        if args.display:
            run_env.update(QT_QPA_PLATFORM="xcb", DISPLAY=args.display)
        db = str(root / "giaoban.sqlite3")
        subprocess.run([str(env.giaoban), "demo", "--db", db], env=run_env, check=True)
        commands = {
            "wheel": [str(env.giaoban), "--exit-when-shown", "--db", db],
            "bundle": [str(bundle / f"giaoban-cli{exe}"), "--exit-when-shown", "--db", db],
        }
        for cmd in commands.values():  # warm the file cache once
            timed(cmd, run_env, root)
        times: dict[str, list[float]] = {k: [] for k in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(timed(cmd, run_env, root))
        wheel, frozen = (statistics.median(times[k]) for k in ("wheel", "bundle"))
        print(f"build (PyInstaller, --clean): {build_s:.0f} s")
        print(f"bundle size unpacked: {size / 1e6:.0f} MB ({size / 2**20:.0f} MiB)")
        platform = f"xcb on {args.display}" if args.display else "offscreen"
        print(f"start-up to first paint and exit, median of {args.runs} ({platform}):")
        print(f"  wheel  {wheel:.0f} ms  (runs: {', '.join(f'{t:.0f}' for t in times['wheel'])})")
        print(f"  bundle {frozen:.0f} ms  (runs: {', '.join(f'{t:.0f}' for t in times['bundle'])})")
        print(f"  ratio bundle/wheel: {frozen / wheel:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
