"""The ``giaoban`` console command: headless subcommands, or the window.

Qt is imported only when the window is asked for, so that the command line
starts fast.
"""

from __future__ import annotations

# First, before anything slow: --exit-when-shown reports the time from here.
from ui import launch_clock  # noqa: F401

# isort: split
import argparse
import sys

from tracker.cli import main as cli_main


def _run_gui(args: argparse.Namespace) -> int:
    if getattr(args, "smoke", False):
        from ui import smoke  # Qt only when the window is asked for

        return smoke.run(args)
    from ui.app import run  # Qt only when the window is asked for

    return run(args)


def main() -> int:
    return cli_main(sys.argv[1:], gui=_run_gui)


if __name__ == "__main__":
    sys.exit(main())
