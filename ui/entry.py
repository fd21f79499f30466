"""The ``giaoban`` console command: headless subcommands, or the window.

Qt is imported only when the window is asked for, so that the command line
starts fast.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # as early as possible: --exit-when-shown reports time from here

import argparse  # noqa: E402
import sys  # noqa: E402

from tracker.cli import main as cli_main  # noqa: E402


def _run_gui(args: argparse.Namespace) -> int:
    if getattr(args, "smoke", False):
        from ui import smoke

        return smoke.run(args)
    from ui.app import run

    return run(args)


def main() -> int:
    return cli_main(sys.argv[1:], gui=_run_gui)


if __name__ == "__main__":
    sys.exit(main())
