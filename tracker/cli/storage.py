"""``demo``, ``copy-db``, ``backup`` and ``restore``: the database as a whole."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from tracker.cli.common import (
    open_database,
)
from tracker.errors import TrackerError


def register(sub: Any, common: argparse.ArgumentParser) -> None:
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


def cmd_demo(args: argparse.Namespace) -> int:
    from tracker import seeding

    open_database(args, writing=True)
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

    open_database(args, create=False)
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
    "copy-db": cmd_copy_db,
    "backup": cmd_backup,
    "restore": cmd_restore,
}
