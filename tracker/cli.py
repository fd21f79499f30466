"""The ``giaoban`` command line: headless subcommands that never import Qt.

Every user error ends with exit status 2 and one Vietnamese line on stderr.

Over 600 lines on purpose: one small handler per subcommand beside its argparse
definition; splitting them would only scatter each command's two halves.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, NoReturn

from tracker import __version__
from tracker.errors import TrackerError

EXIT_USER_ERROR = 2
NO_MEETINGS_YET = "Chưa có cuộc giao ban nào: thử giaoban demo để nạp dữ liệu mẫu."
# A directive's status as the text listing prints it (JSON keeps the stored values).
STATUS_WORDS = {
    "open": "chưa thực hiện",
    "in_progress": "đang thực hiện",
    "done": "hoàn thành",
    "cancelled": "đã hủy",
}
REPORT_SUFFIXES = {"pdf": ".pdf", "xlsx": ".xlsx", "docx": ".docx"}
GuiRunner = Callable[[argparse.Namespace], int]


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


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help with its one English word in Vietnamese."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "cách dùng: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose help and errors are in Vietnamese."""

    def __init__(self, *, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
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


def _quarter(text: str) -> Any:
    from tracker.quarters import Quarter

    try:
        return Quarter.parse(text, default_year=date.today().year)
    except TrackerError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _date(text: str) -> date:
    from tracker.dates import parse_date

    try:
        return parse_date(text, default_year=date.today().year)
    except TrackerError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _id(text: str) -> int:
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


def _status(text: str) -> str:
    from tracker.text import fold

    key = "-".join(fold(text.replace("_", " ").replace("-", " ")).split())
    value = STATUS_FILTERS.get(key) or (
        key.replace("-", "_") if key.replace("-", "_") in STATUS_FILTERS.values() else None
    )
    if value is None:
        shown = ", ".join(k for k in STATUS_FILTERS if k not in ("chua-hoan-thanh", "huy"))
        raise argparse.ArgumentTypeError(f'không có trạng thái "{text}" (chọn: {shown})')
    return value


def _year(text: str) -> int:
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


_DB_HELP = (
    "tệp dữ liệu hoặc URL sqlite:///… (mặc định: $GIAOBAN_DB hoặc thư mục dữ liệu của người dùng)"
)


def build_parser() -> argparse.ArgumentParser:
    # --db may be written before or after the subcommand and means the same file.
    # The subcommands' copy has no default (SUPPRESS): argparse copies every value
    # a subparser sets over the top level's, so a default there (None) would wipe
    # a --db written before the subcommand.
    common = _Parser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, metavar="TỆP", help=_DB_HELP)
    p = _Parser(
        prog="giaoban",
        description="Theo dõi, đôn đốc thực hiện các nội dung chỉ đạo tại hội nghị giao ban. "
        "Không có lệnh con: mở cửa sổ chương trình.",
    )
    p.add_argument("--db", metavar="TỆP", help=_DB_HELP)
    p.add_argument(
        "--exit-when-shown",
        action="store_true",
        help="mở cửa sổ, in số mili giây khởi động rồi thoát (đo hiệu năng)",
    )
    p.add_argument("--lang", choices=["vi", "en"], help="ngôn ngữ giao diện (vi: tiếng Việt)")
    p.add_argument("--version", action="version", version=f"giaoban {__version__}")
    # Checks an installation: every module, data file and dialog (ui/smoke.py).
    p.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    sub = p.add_subparsers(
        dest="command", metavar="LỆNH", parser_class=_Parser, title="lệnh", help="một trong:"
    )

    demo = sub.add_parser("demo", parents=[common], help="nạp dữ liệu mẫu")
    demo.add_argument(
        "--synthetic",
        type=int,
        metavar="N",
        help="thêm N nội dung chỉ đạo giả lập (để thử ở quy mô lớn)",
    )
    demo.add_argument(
        "--seed", type=int, default=1, metavar="SỐ", help="hạt giống ngẫu nhiên của --synthetic"
    )

    meetings = sub.add_parser("meetings", parents=[common], help="liệt kê các cuộc giao ban")
    meetings.add_argument("--json", action="store_true", help="in dạng JSON")
    meetings.add_argument("--year", type=_year, metavar="NĂM", help="chỉ các cuộc trong năm này")

    directives = sub.add_parser("directives", parents=[common], help="liệt kê nội dung chỉ đạo")
    directives.add_argument(
        "--quarter", type=_quarter, metavar="QUÝ", help='ví dụ "Quý II-2021" hoặc 2021-Q2'
    )
    directives.add_argument(
        "--carried", action="store_true", help="cùng với --quarter: cả nội dung chuyển từ quý trước"
    )
    directives.add_argument("--org", metavar="TỔ_CHỨC", help="tên viết tắt của tổ chức, ví dụ MTTQ")
    directives.add_argument(
        "--status",
        type=_status,
        metavar="TRẠNG_THÁI",
        help="chua-xong (chưa hoàn thành), dang-thuc-hien, hoan-thanh, da-huy, qua-han, "
        'chua-thuc-hien; gõ có dấu cũng được ("quá hạn")',
    )
    directives.add_argument(
        "--search", default="", metavar="CHỮ", help='tìm không dấu: "bau cu" thấy "bầu cử"'
    )
    directives.add_argument("--meeting", type=_id, metavar="MÃ_SỐ", help="mã số cuộc giao ban")
    directives.add_argument(
        "--as-of", type=_date, metavar="NGÀY", help="tính quá hạn đến ngày (mặc định hôm nay)"
    )
    directives.add_argument("--json", action="store_true", help="in dạng JSON")

    done = sub.add_parser("done", parents=[common], help="đánh dấu hoàn thành")
    done.add_argument("ids", type=_id, nargs="+", metavar="MÃ_SỐ", help="mã số nội dung chỉ đạo")
    done.add_argument(
        "--org", metavar="TỔ_CHỨC", help="chỉ tổ chức này (mặc định: mọi cơ quan chủ trì)"
    )
    done.add_argument("--on", type=_date, metavar="NGÀY", help="ngày hoàn thành (mặc định hôm nay)")
    done.add_argument("--note", default="", metavar="CHỮ", help="kết quả")

    reopen = sub.add_parser("reopen", parents=[common], help="mở lại (chưa hoàn thành)")
    reopen.add_argument("ids", type=_id, nargs="+", metavar="MÃ_SỐ", help="mã số nội dung chỉ đạo")
    reopen.add_argument(
        "--org", metavar="TỔ_CHỨC", help="chỉ tổ chức này (mặc định: mọi cơ quan chủ trì)"
    )

    export = sub.add_parser(
        "export", parents=[common], help="xuất toàn bộ dữ liệu ra JSON (hoặc bảng Excel .xlsx)"
    )
    export.add_argument("file", metavar="TỆP", help="tệp .json (mọi dữ liệu) hoặc .xlsx (bảng)")
    imx = sub.add_parser("import-xlsx", parents=[common], help="nhập nội dung chỉ đạo từ Excel")
    imx.add_argument("file", metavar="TỆP", help="tệp Excel .xlsx")
    imx.add_argument("--sheet", metavar="TÊN", help="trang tính (mặc định: trang đầu có tiêu đề)")
    imx.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    imx.add_argument(
        "--meeting-date", type=_date, metavar="NGÀY", help="nhập tất cả vào giao ban ngày này"
    )
    imx.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="TÊN=TỔ_CHỨC",
        help='coi tên trong tệp là tổ chức đã có, ví dụ --map "Hội ND tỉnh=Hội ND"',
    )
    imx.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    imp = sub.add_parser("import", parents=[common], help="nhập dữ liệu từ tệp JSON")
    imp.add_argument("file", metavar="TỆP", help="tệp JSON đã xuất")
    imp.add_argument(
        "--replace", action="store_true", help="thay thế toàn bộ dữ liệu hiện có (sao lưu trước)"
    )

    report = sub.add_parser("report", parents=[common], help="in danh sách theo dõi")
    report.add_argument(
        "--kind",
        choices=["follow-up", "open-items"],
        default="follow-up",
        help="follow-up: danh sách theo dõi một quý (mặc định); open-items: nội dung còn tồn đọng",
    )
    report.add_argument("--quarter", type=_quarter, metavar="QUÝ", help='ví dụ "Quý II-2021"')
    report.add_argument(
        "--format", choices=["pdf", "xlsx", "docx"], required=True, help="định dạng tệp"
    )
    report.add_argument(
        "--out", required=True, metavar="TỆP", help="tệp sẽ ghi, đuôi đúng định dạng (.pdf…)"
    )
    report.add_argument(
        "--as-of", type=_date, metavar="NGÀY", help="tính quá hạn đến ngày (mặc định hôm nay)"
    )
    report.add_argument(
        "--group-by",
        choices=["org", "each-org", "meeting"],
        default="org",
        help="org: theo cơ quan chủ trì, mỗi nội dung một lần (mặc định); "
        "each-org: từng cơ quan một phần riêng; meeting: theo cuộc giao ban",
    )
    report.add_argument(
        "--issued-on",
        type=_date,
        metavar="NGÀY",
        help="ngày ban hành ghi trên báo cáo (mặc định hôm nay)",
    )
    report.add_argument(
        "--without-done", action="store_true", help="không liệt kê nội dung đã hoàn thành"
    )
    report.add_argument(
        "--show-chased", action="store_true", help="ghi số lần đã đôn đốc ở từng nội dung"
    )

    remind = sub.add_parser(
        "remind", parents=[common], help="nội dung sắp đến hạn và đã quá hạn, theo tổ chức"
    )
    remind.add_argument(
        "--within", type=int, default=14, metavar="SỐ_NGÀY",
        help="đến hạn trong bao nhiêu ngày tới (mặc định 14)",
    )  # fmt: skip
    remind.add_argument(
        "--as-of", type=_date, metavar="NGÀY", help="tính đến ngày (mặc định hôm nay)"
    )
    remind.add_argument("--json", action="store_true", help="in dạng JSON")

    letter = sub.add_parser("letter", parents=[common], help="in công văn đôn đốc")
    letter.add_argument(
        "--org", action="append", required=True, metavar="TỔ_CHỨC",
        help="tên viết tắt của tổ chức nhận (lặp lại cho nhiều tổ chức)",
    )  # fmt: skip
    letter.add_argument(
        "--quarter", type=_quarter, required=True, metavar="QUÝ", help='ví dụ "Quý II-2021"'
    )
    letter.add_argument("--format", choices=["pdf", "docx"], required=True, help="định dạng tệp")
    letter.add_argument(
        "--out", required=True, metavar="TỆP_HOẶC_THƯ_MỤC",
        help="tệp sẽ ghi (một tổ chức) hoặc thư mục có sẵn (mỗi tổ chức một tệp)",
    )  # fmt: skip
    letter.add_argument("--number", default="", metavar="SỐ", help="số công văn, ví dụ 15")
    letter.add_argument(
        "--report-by", type=_date, metavar="NGÀY", help="hạn báo cáo lại (mặc định sau 10 ngày)"
    )
    letter.add_argument(
        "--issued-on", type=_date, metavar="NGÀY", help="ngày ban hành (mặc định hôm nay)"
    )

    copy_db = sub.add_parser(
        "copy-db", help="chép toàn bộ dữ liệu sang cơ sở dữ liệu khác (SQLite ↔ PostgreSQL)"
    )
    copy_db.add_argument("source", metavar="NGUỒN", help="tệp dữ liệu hoặc postgresql://...")
    copy_db.add_argument("dest", metavar="ĐÍCH", help="tệp dữ liệu hoặc postgresql://... (mới)")
    copy_db.set_defaults(db=None)
    backup = sub.add_parser("backup", parents=[common], help="sao lưu dữ liệu")
    backup.add_argument(
        "dest",
        nargs="?",
        metavar="ĐÍCH",
        help="tệp hoặc thư mục đích (mặc định: thư mục backups cạnh tệp dữ liệu)",
    )
    restore = sub.add_parser("restore", parents=[common], help="khôi phục từ bản sao lưu")
    restore.add_argument("file", metavar="TỆP", help="bản sao lưu")
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
        while _READERS:
            _READERS.pop().close()
        if "tracker.store.db" in sys.modules:  # not imported by a command that only read
            from tracker.store.db import close_db

            close_db()
        if collecting:
            gc.enable()


def _open(args: argparse.Namespace, *, create: bool = True, writing: bool = False) -> None:
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


def _print_json(value: Any) -> None:
    # No indent: json's C encoder then writes it in one call; with indent json
    # falls back to its pure-Python encoder (0.4 s for 6,000 directives).
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


def cmd_demo(args: argparse.Namespace) -> int:
    from tracker import seeding

    _open(args, writing=True)
    if args.synthetic is not None:
        if args.synthetic <= 0:
            raise TrackerError("Số nội dung giả lập phải là số dương.")
        made = seeding.synthetic(args.synthetic, seed=args.seed)
        print(f"Đã thêm {made} nội dung chỉ đạo giả lập.")
        return 0
    changes = seeding.load_sample()
    if changes.meeting_ids:
        print(f"Đã nạp cuộc giao ban mẫu ({len(changes.directive_ids)} nội dung chỉ đạo).")
    else:
        print("Dữ liệu mẫu đã có sẵn; không thêm gì.")
    return 0


def meeting_json(m: Any) -> dict[str, Any]:
    return {
        "id": m.id,
        "held_on": m.held_on.isoformat(),
        "title": m.title,
        "chair": m.chair_name,
        "chair_position": m.chair_position,
        "reviewed_quarter": m.reviewed_quarter.iso if m.reviewed_quarter else None,
        "attendees": list(m.attendee_names),
        "directive_count": m.directive_count,
        "done_count": m.done_count,
    }


def directive_json(d: Any) -> dict[str, Any]:
    # Status and Role are str enums: json writes their values as they are.
    return {
        "id": d.id,
        "meeting_id": d.meeting_id,
        "position": d.position,
        "content": d.content,
        "owners": [
            {
                "org": o.short_name,
                "role": o.role,
                "status": o.status,
                "done_on": o.done_on.isoformat() if o.done_on else None,
            }
            for o in d.owners
        ],
        "due_quarter": d.due.iso if d.due else None,
        "original_due": d.original_due.iso if d.original_due else None,
        "status": d.status,
        "done_on": d.done_on.isoformat() if d.done_on else None,
        "overdue": d.overdue,
        "topics": list(d.topics),
    }


def cmd_meetings(args: argparse.Namespace) -> int:
    from tracker import queries
    from tracker.dates import format_date

    _open(args)
    rows = queries.list_meetings(queries.MeetingFilter(year=args.year))
    if args.json:
        _print_json([meeting_json(m) for m in rows])
        return 0
    for m in rows:
        print(
            f"{m.id:>6}  {format_date(m.held_on)}  {m.done_count}/{m.directive_count} "
            f"hoàn thành  {m.title}"
        )
    if not rows:
        if queries.count_meetings():
            print(f"Không có cuộc giao ban nào trong năm {args.year}.", file=sys.stderr)
        else:
            print(NO_MEETINGS_YET, file=sys.stderr)
    return 0


def cmd_directives(args: argparse.Namespace) -> int:
    if args.json:
        return _directives_json(args)
    from tracker import queries
    from tracker.quarters import format_deadline

    _open(args)
    org_id = queries.find_organization(args.org).id if args.org else None
    if args.meeting is not None:
        queries.meeting(args.meeting)  # an unknown id is an error, not an empty list
    flt = queries.DirectiveFilter(
        meeting_id=args.meeting,
        quarter=args.quarter,
        include_carried=args.carried,
        organization_id=org_id,
        status=queries.StatusFilter(args.status or "all"),
        search=args.search,
        as_of=args.as_of,
    )
    # The text shows no latest progress note: not read.
    rows = queries.list_directives(flt, with_notes=False)
    for d in rows:
        flag = " QUÁ HẠN" if d.overdue else ""
        owners = ", ".join(o.short_name for o in d.leads)
        print(
            f"{d.id:>7}  {format_deadline(d.due):<14} {STATUS_WORDS[d.status.value]:<15}{flag}  "
            f"[{owners}] {d.content}"
        )
    if rows:
        print(f"({len(rows)} nội dung)", file=sys.stderr)
    elif queries.count_meetings():
        print("Không có nội dung chỉ đạo nào khớp bộ lọc.", file=sys.stderr)
    else:
        print(NO_MEETINGS_YET, file=sys.stderr)
    return 0


def _directives_json(args: argparse.Namespace) -> int:
    """``directives --json``: SQLite renders the rows (tracker.listing), with the
    same filter and the same objects as ``directive_json`` of ``list_directives``."""
    from tracker import listing

    conn = _open_connection(args)
    as_of = args.as_of or date.today()
    where, params, walk = listing.directive_conditions(
        meeting_id=args.meeting,
        quarter=args.quarter.iso if args.quarter else None,
        quarter_first_day=args.quarter.first_day if args.quarter else None,
        include_carried=args.carried,
        organization_id=listing.find_organization_id(conn, args.org) if args.org else None,
        status=args.status or "all",
        search=args.search,
        as_of=as_of,
        postgres=not isinstance(conn, sqlite3.Connection),
    )
    text = listing.directives_json(conn, where, params, walk=walk, as_of=as_of)
    sys.stdout.write(text + "\n")
    return 0


def _open_connection(args: argparse.Namespace) -> sqlite3.Connection:
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
        _READERS.append(conn)
        return conn
    from tracker.store.proxy import database

    _open(args)
    opened: sqlite3.Connection = database.connection()
    return opened


_READERS: list[sqlite3.Connection] = []  # closed when the command ends


def _org_id(text: str | None) -> int | None:
    from tracker import queries

    return queries.find_organization(text).id if text else None


def _ids_text(ids: Sequence[int]) -> str:
    return ", ".join(str(i) for i in ids)


def _directives_named(ids: Sequence[int]) -> list[Any]:
    """The directives ``ids`` (each once, in the order given); every unknown id is
    named in one error before anything is changed."""
    from tracker import queries

    unique = list(dict.fromkeys(ids))
    found = {row.id: row for row in queries.directive_rows(unique)}
    missing = [i for i in unique if i not in found]
    if missing:
        raise TrackerError(
            f"Không có nội dung chỉ đạo mã số {_ids_text(missing)}; chưa thay đổi gì."
        )
    return [found[i] for i in unique]


def _lead_statuses(row: Any, org_id: int | None) -> list[Any]:
    """The statuses of the lead assignments the command acts on; refuses an
    organization that does not lead the directive."""
    leads = [o for o in row.leads if org_id is None or o.organization_id == org_id]
    if not leads:
        from tracker import queries

        org = next(o for o in queries.list_organizations(include_inactive=True) if o.id == org_id)
        raise TrackerError(
            f"{org.short_name} không phải cơ quan chủ trì của nội dung {row.id}; chưa thay đổi gì."
        )
    return leads


def cmd_done(args: argparse.Namespace) -> int:
    from tracker import services
    from tracker.dates import format_date
    from tracker.rows import Status

    _open(args, create=False, writing=True)
    org_id = _org_id(args.org)
    rows = _directives_named(args.ids)
    already: list[str] = []
    for row in rows:
        leads = _lead_statuses(row, org_id)
        if all(o.status is Status.DONE for o in leads):
            days = sorted({format_date(o.done_on) for o in leads if o.done_on})
            already.append(f"{row.id} (từ {', '.join(days)})" if days else str(row.id))
    on = args.on or date.today()
    changes = services.mark_done(
        directive_ids=[r.id for r in rows], on=on, note=args.note, organization_id=org_id
    )
    done = sorted(changes.directive_ids)
    who = f" cho {args.org}" if args.org else ""
    print(
        f"Đã đánh dấu hoàn thành{who} {len(done)} nội dung (mã số {_ids_text(done)}), "
        f"ngày {format_date(on)}."
    )
    if already:
        print(
            f"Nội dung {'; '.join(already)} đã hoàn thành từ trước: "
            f"nay ghi lại ngày hoàn thành {format_date(on)}."
        )
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    from tracker import services
    from tracker.rows import Status

    _open(args, create=False, writing=True)
    org_id = _org_id(args.org)
    rows = _directives_named(args.ids)
    finished = (Status.DONE, Status.CANCELLED)
    to_reopen = [r.id for r in rows if any(o.status in finished for o in _lead_statuses(r, org_id))]
    not_done = [r.id for r in rows if r.id not in to_reopen]
    if to_reopen:
        services.reopen(directive_ids=to_reopen, organization_id=org_id)
        who = f" phần việc của {args.org} ở" if args.org else ""
        print(f"Đã mở lại{who} {len(to_reopen)} nội dung (mã số {_ids_text(to_reopen)}).")
    if not_done:
        whose = f"Phần việc của {args.org} ở nội dung" if args.org else "Nội dung"
        print(
            f"{whose} {_ids_text(not_done)} chưa hoàn thành (cũng chưa hủy): "
            "không có gì để mở lại, giữ nguyên."
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from tracker import exchange

    _open(args, create=False)
    if str(args.file).lower().endswith(".xlsx"):
        from tracker.xlsx_export import export_xlsx

        count = export_xlsx(args.file)
        print(f"Đã xuất {count} nội dung chỉ đạo ra {args.file}.")
        return 0
    n = exchange.export_file(args.file)
    print(f"Đã xuất {n} cuộc giao ban ra {args.file}.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from tracker import exchange

    data = exchange.read_file(args.file)  # read and check before touching the database
    exchange.validate(data)
    _open(args, writing=True)
    if args.replace:
        from tracker.store.backup import backup_now

        backup_now()
    changes = exchange.import_data(data, replace=args.replace)
    print(
        f"Đã nhập {len(changes.meeting_ids)} cuộc giao ban, "
        f"{len(changes.directive_ids)} nội dung chỉ đạo."
    )
    return 0


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    from tracker import xlsx_import as xi

    wb = xi.open_workbook(args.file)  # read and check before touching the database
    table = xi.read_table(wb, args.sheet, formulas=xi.formula_workbook(args.file, wb))
    mapping = xi.find_mapping(table)
    if mapping is None:
        hidden = [name for name, is_hidden in xi.sheet_names(wb) if is_hidden]
        also = f" Trang ẩn, không đọc: {', '.join(hidden)} (chọn bằng --sheet)." if hidden else ""
        raise TrackerError(
            f'Trang "{table.name}" không có dòng tiêu đề (cần ít nhất cột "Nội dung"; các tên '
            'cột được hiểu: "Nội dung chỉ đạo", "Chủ trì", "Phối hợp", "Thời hạn"…). '
            f"Chưa nhập gì.{also}"
        )
    _open(args, create=False, writing=not args.dry_run)
    from tracker import queries

    extra: dict[str, tuple[int, ...]] = {}
    for item in args.map:
        name, sep, target = item.partition("=")
        if not sep or not name.strip() or not target.strip():
            raise TrackerError(f'--map "{item}": hãy viết dạng "Tên trong tệp=Tổ chức".')
        extra[name.strip()] = queries.find_owner_ids(target.strip())
    orgs = xi.OrgIndex.build(queries.list_organizations(), queries.list_groups(), extra)
    plan = xi.make_plan(table, mapping, orgs, meeting_date=args.meeting_date)
    if args.json:
        _print_json(xi.plan_json(plan))
    else:
        _print_plan(plan)
    if not plan.ready:
        if plan.unknown and not args.json:
            print(
                'giaoban: lỗi: có tên tổ chức chưa biết; dùng --map "Tên=Tổ chức" cho mỗi tên, '
                "hoặc thêm tổ chức đó trong cửa sổ. Chưa nhập gì.",
                file=sys.stderr,
            )
        elif not args.json:
            print("giaoban: lỗi: tệp còn lỗi ở các dòng trên; chưa nhập gì.", file=sys.stderr)
        return EXIT_USER_ERROR
    if args.dry_run:
        return 0
    changes = xi.apply_plan(plan)
    if not args.json:
        print(
            f"Đã nhập {len(plan.rows)} nội dung chỉ đạo vào "
            f"{len(changes.meeting_ids)} cuộc giao ban."
        )
    return 0


def _print_plan(plan: Any) -> None:
    from tracker.dates import format_date

    print(
        f'Trang "{plan.sheet}": {len(plan.rows)} nội dung chỉ đạo, '
        f"{plan.skipped} dòng trống bỏ qua."
    )
    for on, title in plan.meetings:
        print(f"  {format_date(on)}  {title}")
    for name, rows in plan.unknown.items():
        print(f'Tổ chức chưa biết "{name}" ở dòng {", ".join(map(str, rows))}', file=sys.stderr)
    for line in plan.errors:
        print(line, file=sys.stderr)
    for line in plan.warnings:
        print(line)
    for d in xi_duplicates(plan):
        print(
            f"Dòng {d['row']}: giống nội dung đang theo dõi #{d['directive_id']} của giao ban "
            f"ngày {d['meeting_held_on']}: {d['content']}"
        )


def xi_duplicates(plan: Any) -> list[dict[str, Any]]:
    from tracker.xlsx_import import duplicates

    return duplicates(plan)


def cmd_report(args: argparse.Namespace) -> int:
    from tracker import followup, queries
    from tracker.reporting.render import write_report

    if args.kind == "follow-up" and args.quarter is None:
        raise TrackerError('Hãy cho biết quý cần in, ví dụ --quarter "Quý II-2021".')
    _check_report_name(args.out, args.format)
    _open(args, create=False)
    as_of = args.as_of or date.today()
    if args.kind == "follow-up":
        report = followup.follow_up_list(
            args.quarter, as_of=as_of, include_done=not args.without_done, group_by=args.group_by
        )
    else:
        report = followup.open_items(as_of=as_of, group_by=args.group_by)
    write_report(
        report,
        queries.load_settings(),
        fmt=args.format,
        path=args.out,
        issued_on=args.issued_on or date.today(),
        chased=queries.letters_sent(as_of) if args.show_chased else None,
    )
    print(f"Đã ghi {args.out}.")
    return 0


def _check_report_name(out: str, fmt: str) -> None:
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


def cmd_remind(args: argparse.Namespace) -> int:
    from tracker.dates import format_date, format_iso
    from tracker.reminders import reminders

    _open(args, create=False)
    found = reminders(as_of=args.as_of or date.today(), within_days=args.within)
    if args.json:
        _print_json(
            {
                "as_of": format_iso(found.as_of),
                "within_days": found.within_days,
                "organizations": [
                    {
                        "id": g.organization.id,
                        "short_name": g.organization.short_name,
                        "name": g.organization.name,
                        "items": [
                            {
                                "directive_id": i.directive_id,
                                "content": i.content,
                                "due": i.due.iso,
                                "extended_from": i.original_due.iso if i.original_due else None,
                                "overdue": i.overdue,
                                "days_overdue": i.days_overdue,
                            }
                            for i in g.items
                        ],
                    }
                    for g in found.groups
                ],
            }
        )
        return 0
    if found.empty:
        print(
            f"Không có nội dung nào đến hạn trong {found.within_days} ngày tới hay đã quá hạn "
            f"(tính đến ngày {format_date(found.as_of)})."
        )
        return 0
    soon = len(found.due_soon_ids - found.overdue_ids)
    print(
        f"{soon} nội dung đến hạn trong {found.within_days} ngày tới, "
        f"{len(found.overdue_ids)} nội dung đã quá hạn (tính đến ngày {format_date(found.as_of)})."
    )
    lines = []
    for g in found.groups:
        lines.append(f"\n{g.organization.short_name}: {len(g.items)} nội dung")
        for i in g.items:
            late = f", quá hạn {i.days_overdue} ngày" if i.overdue else ""
            extended = f", gia hạn từ {i.original_due}" if i.original_due else ""
            lines.append(f"  [{i.directive_id}] {i.due}{late}{extended}: {_one_line(i.content)}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _one_line(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cmd_letter(args: argparse.Namespace) -> int:
    from pathlib import Path

    from tracker import queries, services
    from tracker.filenames import safe_filename
    from tracker.reporting.letter import (
        LetterOptions,
        build_letter,
        quarter_report,
        write_letter,
    )
    from tracker.safe_write import check_target

    _open(args, create=False, writing=True)
    orgs = list(dict.fromkeys(queries.find_organization(name) for name in args.org))
    suffix = REPORT_SUFFIXES[args.format]
    out = Path(args.out)
    if len(orgs) > 1 or out.is_dir() and out.suffix.lower() != suffix:
        if not out.is_dir():
            raise TrackerError(
                f'"{args.out}" không phải là thư mục có sẵn: với nhiều tổ chức, --out là thư mục '
                "để ghi mỗi tổ chức một tệp; chưa ghi gì."
            )
        targets = [
            out / safe_filename(f"cong-van-don-doc-{o.short_name}-{args.quarter.iso}") for o in orgs
        ]
        targets = [t.with_name(t.name + suffix) for t in targets]
    else:
        _check_report_name(args.out, args.format)
        targets = [out]
    for target in targets:
        check_target(target)
        folder = target.parent
        if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
            raise TrackerError(f'Không ghi được vào thư mục "{folder}"; chưa ghi gì.')
    issued_on = args.issued_on or date.today()
    options = LetterOptions(issued_on=issued_on, number=args.number, report_by=args.report_by)
    settings = queries.load_settings()
    report = quarter_report(args.quarter, options)
    letters = [build_letter(o.id, args.quarter, options, settings, report=report) for o in orgs]
    empty = [x.short_name for x in letters if x.empty]
    if len(empty) == len(letters):
        raise TrackerError(
            f"{', '.join(empty)} không còn nội dung nào chưa hoàn thành có thời hạn đến "
            f"{args.quarter}; chưa ghi gì."
        )
    written: list[Path] = []
    try:
        for x, target in zip(letters, targets, strict=True):
            if not x.empty:
                write_letter(x, fmt=args.format, path=target)
                written.append(target)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    for x in letters:
        if not x.empty:
            services.record_chase(
                directive_ids=x.directive_ids,
                organization_id=x.organization_id,
                reference=x.reference,
                on=issued_on,
            )
    for x, target in zip(letters, targets, strict=True):
        if x.empty:
            print(f"{x.short_name}: không còn nội dung nào cần đôn đốc, không ghi công văn.")
        else:
            print(f"Đã ghi {target} ({x.short_name}, {len(x.directive_ids)} nội dung).")
    return 0


def cmd_copy_db(args: argparse.Namespace) -> int:
    from tracker.store.copy import copy_database

    counts = copy_database(args.source, args.dest)
    print(
        f"Đã chép {counts['meeting']} cuộc giao ban, {counts['directive']} nội dung chỉ đạo, "
        f"{counts['history_entry']} mục lịch sử sang {args.dest}."
    )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from tracker.store.backup import backup_now

    _open(args, create=False)
    from tracker.store.pg import is_postgres
    from tracker.store.proxy import database

    if is_postgres(database):
        from tracker.server_backup import backup_server

        path, how = backup_server(args.dest)
        print(f"Đã sao lưu ({how}) vào {path}.")
        return 0
    path = backup_now(args.dest)
    print(f"Đã sao lưu vào {path}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from tracker.store.backup import restore_from
    from tracker.store.db import open_db
    from tracker.store.dbfile import resolve_target, sqlite_path

    target = resolve_target(args.db)
    saved = restore_from(args.file, target)
    before = f" Dữ liệu trước khi khôi phục được lưu ở {saved}." if saved else ""
    try:
        open_db(target, create=False)  # the restored file opens (an older schema is migrated)
    except TrackerError as exc:  # the data is restored: say so, and why it does not open
        raise TrackerError(
            f"Đã khôi phục {sqlite_path(target) or target} từ {args.file}, nhưng chưa mở được: "
            f"{exc}{before}"
        ) from exc
    print(f"Đã khôi phục {sqlite_path(target) or target} từ {args.file}.{before}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "meetings": cmd_meetings,
    "directives": cmd_directives,
    "done": cmd_done,
    "reopen": cmd_reopen,
    "export": cmd_export,
    "import": cmd_import,
    "import-xlsx": cmd_import_xlsx,
    "report": cmd_report,
    "remind": cmd_remind,
    "letter": cmd_letter,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "copy-db": cmd_copy_db,
}
