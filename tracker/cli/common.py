"""What every subcommand shares: the Vietnamese argument parser, the argument types,
opening the database, printing JSON, the exit status of a user error."""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from datetime import date
from typing import Any, NoReturn

from tracker.errors import TrackerError

EXIT_USER_ERROR = 2


REPORT_SUFFIXES = {"pdf": ".pdf", "xlsx": ".xlsx", "docx": ".docx"}


# argparse's own messages, in English, as Vietnamese (the most specific first).
# Compiled only when a command line is wrong (3 ms of every command otherwise).
_ARGPARSE_VI = (
    (
        r"invalid choice: (.+?) \(choose from (.+)\)",
        r"không có lựa chọn \1 (chọn một trong \2)",
    ),
    (r"invalid \w+ value: (.+)", r"giá trị \1 không hợp lệ"),
    (r"the following arguments are required: (.+)", r"thiếu \1"),
    (r"one of the arguments (.+) is required", r"cần một trong \1"),
    (r"unrecognized arguments: (.+)", r"không hiểu \1"),
    (r"expected one argument", "cần một giá trị"),
    (r"expected at least one argument", "cần ít nhất một giá trị"),
    (r"expected at most one argument", "chỉ nhận một giá trị"),
    (r"ambiguous option: (\S+) could match (.+)", r"\1 có thể là \2"),
    (r"not allowed with argument (.+)", r"không dùng cùng với \1"),
    (r"ignored explicit argument (.+)", r"thừa giá trị \1"),
    (r"^argument ", "tham số "),
)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help with its one English word in Vietnamese."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "cách dùng: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An argument parser whose help and errors are in Vietnamese."""

    def __init__(self, *, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help="in hướng dẫn này"
            )

    def error(self, message: str) -> NoReturn:
        for pattern, replacement in _ARGPARSE_VI:
            message = re.sub(pattern, replacement, message)
        self.exit(EXIT_USER_ERROR, f"giaoban: lỗi cú pháp lệnh: {message} (xem giaoban --help)\n")


def quarter_arg(text: str) -> Any:
    from tracker.quarters import Quarter

    try:
        return Quarter.parse(text, default_year=date.today().year)
    except TrackerError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def date_arg(text: str) -> date:
    from tracker.dates import parse_date

    try:
        return parse_date(text, default_year=date.today().year)
    except TrackerError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def id_arg(text: str) -> int:
    """A record id: a positive integer SQLite can hold (a longer one is an overflow
    error in the driver, not a "not found")."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 0 < value < 2**63:
        raise argparse.ArgumentTypeError(f'mã số phải là số nguyên dương, không phải "{text}"')
    return value


# --status: the Vietnamese words (typed with or without diacritics, "-" or spaces)
# and the stored values, which the JSON output uses, to the filter's value.
STATUS_FILTERS = {
    "chua-xong": "open",
    "chua-hoan-thanh": "open",
    "dang-thuc-hien": "in_progress",
    "hoan-thanh": "done",
    "da-huy": "cancelled",
    "huy": "cancelled",
    "qua-han": "overdue",
    "chua-thuc-hien": "not_started",
}


def status_arg(text: str) -> str:
    from tracker.text import fold

    key = "-".join(fold(text.replace("_", " ").replace("-", " ")).split())
    value = STATUS_FILTERS.get(key) or (
        key.replace("-", "_") if key.replace("-", "_") in STATUS_FILTERS.values() else None
    )
    if value is None:
        shown = ", ".join(k for k in STATUS_FILTERS if k not in ("chua-hoan-thanh", "huy"))
        raise argparse.ArgumentTypeError(f'không có trạng thái "{text}" (chọn: {shown})')
    return value


def year_arg(text: str) -> int:
    from tracker.dates import MAX_YEAR, MIN_YEAR

    try:
        value = int(text)
    except ValueError:
        value = 0
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise argparse.ArgumentTypeError(
            f'năm phải từ {MIN_YEAR} đến {MAX_YEAR}, không phải "{text}"'
        )
    return value


DB_HELP = (
    "tệp dữ liệu, URL sqlite:///… hoặc máy chủ postgresql://NGƯỜI_DÙNG@MÁY/CSDL "
    "(mặc định: $GIAOBAN_DB hoặc thư mục dữ liệu của người dùng)"
)


def open_database(args: argparse.Namespace, *, create: bool = True, writing: bool = False) -> None:
    """Open ``args.db``. A command that writes into a large file (opened without its
    integrity check, for speed) first runs that check: ~0.1–0.3 s for 70 MB."""
    from tracker.store.db import open_db
    from tracker.store.pg import ConnectError, is_postgres

    try:
        db = open_db(args.db, create=create)
    except ConnectError as exc:
        # No password in libpq's password file: asked here, used for this run only.
        if not (exc.needs_password and sys.stdin.isatty()):
            raise
        import getpass

        db = open_db(args.db, create=create, password=getpass.getpass("Mật khẩu máy chủ: "))
    if is_postgres(db):
        return  # the server keeps its own integrity; the file checks are SQLite's
    if writing:
        from tracker.store import integrity

        integrity.verify_before_writing(getattr(db, "database", None))


def open_connection(args: argparse.Namespace, *, create: bool = True) -> sqlite3.Connection:
    """A sqlite3 connection for a command that only reads: the file checked as
    ``open_db`` checks it, without importing peewee (a third of a listing's time);
    through ``open_db`` when the file is new or must be migrated."""
    from tracker.store.dbfile import connect_for_reading

    conn = connect_for_reading(args.db)
    if conn is None:
        from tracker.store.dbfile import resolve_target
        from tracker.store.pgtext import connect_for_reading as server_for_reading
        from tracker.store.pgtext import is_pg_url

        target = resolve_target(args.db)
        if is_pg_url(target):  # a server: psycopg alone, as sqlite3 alone for a file
            conn = server_for_reading(target)
    if conn is not None:
        READERS.append(conn)
        return conn
    from tracker.store.proxy import database

    open_database(args, create=create)
    opened: sqlite3.Connection = database.connection()
    return opened


READERS: list[sqlite3.Connection] = []  # closed when the command ends


def print_json(value: Any) -> None:
    # No indent: json's C encoder then writes it in one call; with indent json
    # falls back to its pure-Python encoder (0.4 s for 6,000 directives).
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


def check_report_name(out: str, fmt: str) -> None:
    """A file named for one format is never written in another (x.xlsx holding a PDF)."""
    from pathlib import PurePath

    wanted = REPORT_SUFFIXES[fmt]
    suffix = PurePath(out).suffix
    if suffix.lower() != wanted:
        fixed = PurePath(out).with_suffix(wanted) if suffix else f"{out}{wanted}"
        named = f'có đuôi "{suffix}"' if suffix else "không có đuôi"
        raise TrackerError(
            f'Tệp "{out}" {named}, không hợp với --format {fmt}: hãy đặt tên có đuôi {wanted} '
            f'(ví dụ "{fixed}"); chưa ghi gì.'
        )


def one_line(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
