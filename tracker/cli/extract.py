"""``extract``: draft directives from a pasted conclusion text (nothing is saved)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from tracker.cli.common import date_arg, one_line, print_json
from tracker.errors import TrackerError, ValidationError

_MAX_BYTES = 1_000_000  # read no further: a text this long is refused anyway


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    ext = sub.add_parser(
        "extract",
        parents=[common],
        help="tách nội dung chỉ đạo từ thông báo kết luận hoặc tin bài (không ghi gì)",
    )
    ext.add_argument("file", metavar="TỆP", help='tệp văn bản UTF-8, hoặc "-" để đọc từ bàn phím')
    ext.add_argument(
        "--meeting-date",
        type=date_arg,
        metavar="NGÀY",
        help="ngày giao ban (dùng thay ngày đọc được; năm của các quý không ghi năm)",
    )
    ext.add_argument("--json", action="store_true", help="in kết quả dạng JSON")


def _read(name: str) -> str:
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(_MAX_BYTES + 1)
        else:
            with open(name, "rb") as fh:
                raw = fh.read(_MAX_BYTES + 1)
    except FileNotFoundError:
        raise TrackerError(f'Không thấy tệp "{name}".') from None
    except IsADirectoryError:
        raise TrackerError(f'"{name}" là thư mục, không phải tệp văn bản.') from None
    except OSError as exc:
        raise TrackerError(f'Không đọc được tệp "{name}": {exc.strerror or exc}.') from None
    if len(raw) > _MAX_BYTES:
        raise ValidationError(
            f'Tệp "{name}" quá lớn (hơn 1 MB): hãy chỉ để phần kết luận.', field="text"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            f'Tệp "{name}" không phải văn bản UTF-8 (có thể là tệp Word hay PDF): '
            "hãy chép nội dung ra tệp .txt.",
            field="text",
        ) from None


def cmd_extract(args: argparse.Namespace) -> int:
    from tracker.extraction import extract
    from tracker.quarters import format_deadline

    result = extract(_read(args.file), meeting_date_hint=args.meeting_date)
    if args.json:
        print_json(result.to_json())
        return 0
    m = result.meeting
    print(f"Ngày giao ban: {m.held_on.strftime('%d/%m/%Y') if m.held_on else '(không rõ)'}")
    print(f"Chủ trì: {m.chair or '(không rõ)'}")
    print(f"Quý đánh giá: {m.reviewed or '(không rõ)'}")
    if not result.directives:
        print("Không thấy nội dung chỉ đạo nào.")
        return 0
    for n, d in enumerate(result.directives, 1):
        leads = ", ".join(o.org or o.as_written for o in d.owners if o.role == "lead")
        supports = ", ".join(o.org or o.as_written for o in d.owners if o.role == "support")
        print(f"{n}. {one_line(d.content)}")
        print(
            f"   Chủ trì: {leads or '(chưa rõ)'}" + (f"; phối hợp: {supports}" if supports else "")
        )
        print(f"   Thời hạn: {format_deadline(d.due)}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"extract": cmd_extract}
