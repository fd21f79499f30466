"""``reply-form`` and ``import-reply``: the report-back form, written and read back."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from tracker.cli.common import one_line, open_database, quarter_arg
from tracker.errors import TrackerError


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    form = sub.add_parser(
        "reply-form", parents=[common], help="lập phiếu báo cáo (XLSX) cho một tổ chức điền"
    )
    form.add_argument("--org", required=True, metavar="TỔ_CHỨC", help="tên viết tắt của tổ chức")
    form.add_argument(
        "--quarter", type=quarter_arg, metavar="QUÝ",
        help='chỉ các nội dung có thời hạn đến quý này, ví dụ "Quý II-2021" '
        "(mặc định: mọi nội dung chưa hoàn thành)",
    )  # fmt: skip
    form.add_argument("--out", required=True, metavar="TỆP", help="tệp .xlsx sẽ ghi")
    reply = sub.add_parser(
        "import-reply", parents=[common], help="nhập phiếu báo cáo một tổ chức đã điền"
    )
    reply.add_argument("file", metavar="TỆP", help="phiếu báo cáo (.xlsx) đã điền")
    reply.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    reply.add_argument(
        "--accept-conflicts", action="store_true",
        help="cập nhật cả các dòng mà nội dung đã thay đổi sau khi lập phiếu",
    )  # fmt: skip
    reply.add_argument(
        "--org", metavar="TỔ_CHỨC", help="từ chối nếu phiếu không phải của tổ chức này"
    )


def cmd_reply_form(args: argparse.Namespace) -> int:
    from tracker import queries
    from tracker.reply_form import write_form

    if not args.out.lower().endswith(".xlsx"):
        raise TrackerError(f'Tệp "{args.out}" phải có đuôi .xlsx; chưa ghi gì.')
    open_database(args, create=False, writing=True)
    org = queries.find_organization(args.org)
    count = write_form(args.out, org.id, quarter=args.quarter)
    print(f"Đã ghi {args.out} ({org.short_name}, {count} nội dung).")
    return 0


def cmd_import_reply(args: argparse.Namespace) -> int:
    from tracker import queries
    from tracker.dates import format_date
    from tracker.reply_apply import apply_reply
    from tracker.reply_form import RowKind, read_reply

    open_database(args, create=False, writing=not args.dry_run)
    expected = queries.find_organization(args.org).id if args.org else None
    plan = read_reply(args.file, expected_organization_id=expected)
    lines = [f"Phiếu báo cáo của {plan.name}, lập ngày {format_date(plan.made_on)}:"]
    for r in plan.rows:
        if r.kind is RowKind.NOTHING:
            continue
        what = f"hoàn thành {format_date(r.done_on)}" if r.done_on else "tiến độ"
        mark = {RowKind.DONE: "  ", RowKind.CONFLICT: "! ", RowKind.GONE: "x "}[r.kind]
        why = f" — {r.reason}" if r.reason else ""
        result = f": {one_line(r.result, 60)}" if r.result else ""
        lines.append(
            f"{mark}dòng {r.row} [{r.directive_id}] {what}{why}{result} — {one_line(r.content, 60)}"
        )
    changes, conflicts = len(plan.changes), len(plan.conflicts)
    applied = len(plan.to_apply(args.accept_conflicts))
    lines.append(
        f"{changes} nội dung cập nhật, {conflicts} dòng xung đột "
        f"({'sẽ cập nhật' if args.accept_conflicts else 'bỏ qua, dùng --accept-conflicts để nhận'}"
        f"), {len(plan.rows) - changes - conflicts} dòng không thay đổi."
        if conflicts
        else f"{changes} nội dung cập nhật, {len(plan.rows) - changes} dòng không thay đổi."
    )
    sys.stdout.write("\n".join(lines) + "\n")
    if args.dry_run:
        print("Chạy thử: chưa ghi gì.")
        return 0
    if not applied:
        print("Không có gì để cập nhật.")
        return 0
    apply_reply(plan=plan, accept_conflicts=args.accept_conflicts)
    print(f"Đã cập nhật {applied} nội dung theo báo cáo của {plan.name}.")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "reply-form": cmd_reply_form,
    "import-reply": cmd_import_reply,
}
