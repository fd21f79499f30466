"""The ``giaoban`` command line: headless subcommands that never import Qt.

Every user error ends with exit status 2 and one Vietnamese line on stderr. Each
module here holds a few subcommands, each handler beside its argparse definition
(``register`` adds the parsers, ``COMMANDS`` maps names to handlers); ``common``
holds what they share. A new subcommand goes in the module of its kind, or a new
module listed in ``GROUPS``.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence

from tracker import __version__
from tracker.cli import attach, extract, lists, marking, printing, reply, storage, transfer
from tracker.cli.common import DB_HELP, EXIT_USER_ERROR, READERS, Parser
from tracker.errors import TrackerError

__all__ = ["COMMANDS", "EXIT_USER_ERROR", "build_parser", "main"]

GROUPS = (lists, marking, transfer, printing, storage, reply, attach, extract)
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    name: handler for group in GROUPS for name, handler in group.COMMANDS.items()
}
GuiRunner = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    # --db may be written before or after the subcommand and means the same file.
    # The subcommands' copy has no default (SUPPRESS): argparse copies every value
    # a subparser sets over the top level's, so a default there (None) would wipe
    # a --db written before the subcommand.
    common = Parser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, metavar="TỆP", help=DB_HELP)
    p = Parser(
        prog="giaoban",
        description="Theo dõi, đôn đốc thực hiện các nội dung chỉ đạo tại hội nghị giao ban. "
        "Không có lệnh con: mở cửa sổ chương trình.",
    )
    p.add_argument("--db", metavar="TỆP", help=DB_HELP)
    p.add_argument(
        "--exit-when-shown",
        action="store_true",
        help="mở cửa sổ, in số mili giây khởi động rồi thoát (đo hiệu năng)",
    )
    p.add_argument("--lang", choices=["vi", "en"], help="ngôn ngữ giao diện (vi: tiếng Việt)")
    p.add_argument(
        "--version", action="version", version=f"giaoban {__version__}", help="in số phiên bản"
    )
    # Checks an installation: every module, data file and dialog (ui/smoke.py).
    p.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    sub = p.add_subparsers(
        dest="command", metavar="LỆNH", parser_class=Parser, title="lệnh", help="một trong:"
    )
    for group in GROUPS:
        group.register(sub, common)
    return p


def main(
    argv: Sequence[str] | None = None,
    *,
    gui: GuiRunner | None = None,
) -> int:
    """Run one subcommand (or ``gui`` without one); returns the exit status."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        if gui is None:
            print("giaoban: hãy chọn một lệnh (xem giaoban --help).", file=sys.stderr)
            return EXIT_USER_ERROR
        return gui(args)
    # A command runs for a moment and makes no reference cycles worth collecting;
    # the cyclic collector would rescan every row built (10% of a 6,000-row listing).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return COMMANDS[args.command](args)
    except TrackerError as exc:
        print(f"giaoban: lỗi: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from tracker.store.dbfile import known_error

        known = known_error(exc, args.db)  # a full disk, a file found damaged while read
        if known is None:
            raise
        print(f"giaoban: lỗi: {known}", file=sys.stderr)
        return EXIT_USER_ERROR
    finally:
        while READERS:
            READERS.pop().close()
        if "tracker.store.db" in sys.modules:  # not imported by a command that only read
            from tracker.store.db import close_db

            close_db()
        if collecting:
            gc.enable()
