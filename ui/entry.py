"""The ``giaoban`` console command: headless subcommands, or the window.

Qt is imported only when the window is asked for, so that the command line
starts fast.
"""

from __future__ import annotations

import argparse
import sys

from tracker.cli import main as cli_main


def _run_gui(args: argparse.Namespace) -> int:
    from ui.app import run

    return run(args)


def main() -> int:
    return cli_main(sys.argv[1:], gui=_run_gui)


if __name__ == "__main__":
    sys.exit(main())
