"""``attach``, ``attachments`` and ``detach``: files attached to a directive (an
organization's report) or, with ``--meeting``, to a meeting (its conclusion notice)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from tracker.cli.common import id_arg, open_database, print_json


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    attach = sub.add_parser(
        "attach", parents=[common], help="đính kèm một tệp (tối đa 25 MB) vào nội dung chỉ đạo"
    )
    attach.add_argument("id", type=id_arg, metavar="MÃ_SỐ", help="mã số nội dung chỉ đạo")
    attach.add_argument("file", metavar="TỆP", help="tệp cần đính kèm")
    attach.add_argument(
        "--meeting", action="store_true", help="MÃ_SỐ là mã số cuộc giao ban (thông báo kết luận)"
    )
    listing = sub.add_parser(
        "attachments", parents=[common], help="liệt kê tệp đính kèm của nội dung chỉ đạo"
    )
    listing.add_argument("id", type=id_arg, metavar="MÃ_SỐ", help="mã số nội dung chỉ đạo")
    listing.add_argument("--meeting", action="store_true", help="MÃ_SỐ là mã số cuộc giao ban")
    listing.add_argument("--json", action="store_true", help="in dạng JSON")
    detach = sub.add_parser("detach", parents=[common], help="gỡ một tệp đính kèm")
    detach.add_argument(
        "attachment_id", type=id_arg, metavar="MÃ_TỆP", help="mã số tệp đính kèm (xem attachments)"
    )


def _owner(args: argparse.Namespace) -> str:
    return f"cuộc giao ban {args.id}" if args.meeting else f"nội dung chỉ đạo {args.id}"


def cmd_attach(args: argparse.Namespace) -> int:
    from tracker import attachments
    from tracker.attachment_services import attach

    name, data = attachments.read_upload(args.file)  # refused before the database is opened
    open_database(args, create=False, writing=True)
    owner = {"meeting_id": args.id} if args.meeting else {"directive_id": args.id}
    done = attach(file_name=name, data=data, **owner)
    again = "" if done.stored else " Nội dung tệp này đã có trong cơ sở dữ liệu: không lưu thêm."
    print(
        f'Đã đính kèm tệp "{name}" ({attachments.size_text(len(data))}) vào {_owner(args)}, '
        f"mã tệp đính kèm {done.attachment_id}.{again}"
    )
    return 0


def cmd_attachments(args: argparse.Namespace) -> int:
    from tracker import attachments
    from tracker.dates import format_date
    from tracker.errors import NotFoundError
    from tracker.store.models import Directive, Meeting

    open_database(args, create=False)
    model = Meeting if args.meeting else Directive
    if not model.select().where(model.id == args.id).exists():
        raise NotFoundError(f"Không có {_owner(args)}.")
    if args.json:
        print_json(
            attachments.snapshot(meeting_id=args.id)
            if args.meeting
            else attachments.snapshot(directive_id=args.id)
        )
        return 0
    rows = attachments.for_meeting(args.id) if args.meeting else attachments.for_directive(args.id)
    if not rows:
        print(f"{_owner(args).capitalize()} chưa có tệp đính kèm.")
        return 0
    for r in rows:
        print(
            f"{r.id}\t{r.file_name}\t{attachments.size_text(r.size)}\t{r.media_type}\t"
            f"{format_date(r.attached_on)}"
        )
    return 0


def cmd_detach(args: argparse.Namespace) -> int:
    from tracker import attachments
    from tracker.attachment_services import detach

    open_database(args, create=False, writing=True)
    row = attachments.get(args.attachment_id)
    detach(attachment_id=args.attachment_id, purge=True)
    owner = (
        f"cuộc giao ban {row.meeting_id}"
        if row.meeting_id is not None
        else f"nội dung chỉ đạo {row.directive_id}"
    )
    print(f'Đã gỡ tệp "{row.file_name}" (mã {row.id}) khỏi {owner}.')
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "attach": cmd_attach,
    "attachments": cmd_attachments,
    "detach": cmd_detach,
}
