"""``meetings`` and ``directives``: the listings, as text or JSON."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from tracker.cli.common import (
    date_arg,
    id_arg,
    open_connection,
    open_database,
    print_json,
    quarter_arg,
    status_arg,
    year_arg,
)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    meetings = sub.add_parser("meetings", parents=[common], help="liệt kê các cuộc giao ban")
    meetings.add_argument("--json", action="store_true", help="in dạng JSON")
    meetings.add_argument("--year", type=year_arg, metavar="NĂM", help="chỉ các cuộc trong năm này")
    directives = sub.add_parser("directives", parents=[common], help="liệt kê nội dung chỉ đạo")
    directives.add_argument(
        "--quarter", type=quarter_arg, metavar="QUÝ", help='ví dụ "Quý II-2021" hoặc 2021-Q2'
    )
    directives.add_argument(
        "--carried", action="store_true", help="cùng với --quarter: cả nội dung chuyển từ quý trước"
    )
    directives.add_argument("--org", metavar="TỔ_CHỨC", help="tên viết tắt của tổ chức, ví dụ MTTQ")
    directives.add_argument(
        "--status",
        type=status_arg,
        metavar="TRẠNG_THÁI",
        help="chua-xong (chưa hoàn thành), dang-thuc-hien, hoan-thanh, da-huy, qua-han, "
        'chua-thuc-hien; gõ có dấu cũng được ("quá hạn")',
    )
    directives.add_argument(
        "--search", default="", metavar="CHỮ", help='tìm không dấu: "bau cu" thấy "bầu cử"'
    )
    directives.add_argument("--meeting", type=id_arg, metavar="MÃ_SỐ", help="mã số cuộc giao ban")
    directives.add_argument(
        "--as-of", type=date_arg, metavar="NGÀY", help="tính quá hạn đến ngày (mặc định hôm nay)"
    )
    directives.add_argument("--json", action="store_true", help="in dạng JSON")


NO_MEETINGS_YET = "Chưa có cuộc giao ban nào: thử giaoban demo để nạp dữ liệu mẫu."


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


def cmd_meetings(args: argparse.Namespace) -> int:
    from tracker import queries
    from tracker.dates import format_date

    open_database(args)
    rows = queries.list_meetings(queries.MeetingFilter(year=args.year))
    if args.json:
        print_json([meeting_json(m) for m in rows])
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
    from tracker.status import STATE_WORDS

    open_database(args)
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
            f"{d.id:>7}  {format_deadline(d.due):<14} {STATE_WORDS[d.status].lower():<15}{flag}  "
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
    """``directives --json``: the database renders the rows (tracker.listing), with
    the same filter and the same objects as ``queries.list_directives`` gives
    (tests/tracker/test_listing.py compares them)."""
    from tracker import listing

    conn = open_connection(args)
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


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "meetings": cmd_meetings,
    "directives": cmd_directives,
}
