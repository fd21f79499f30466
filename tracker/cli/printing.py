"""``report``, ``remind`` and ``letter``: the printed follow-up list, the reminders, the letters."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from tracker.cli.common import (
    REPORT_SUFFIXES,
    check_report_name,
    date_arg,
    one_line,
    open_connection,
    open_database,
    quarter_arg,
)
from tracker.errors import TrackerError


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    report = sub.add_parser("report", parents=[common], help="in danh sách theo dõi")
    report.add_argument(
        "--kind",
        choices=["follow-up", "open-items"],
        default="follow-up",
        help="follow-up: danh sách theo dõi một quý (mặc định); open-items: nội dung còn tồn đọng",
    )
    report.add_argument("--quarter", type=quarter_arg, metavar="QUÝ", help='ví dụ "Quý II-2021"')
    report.add_argument(
        "--format", choices=["pdf", "xlsx", "docx"], required=True, help="định dạng tệp"
    )
    report.add_argument(
        "--out", required=True, metavar="TỆP", help="tệp sẽ ghi, đuôi đúng định dạng (.pdf…)"
    )
    report.add_argument(
        "--as-of", type=date_arg, metavar="NGÀY", help="tính quá hạn đến ngày (mặc định hôm nay)"
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
        type=date_arg,
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
        "--as-of", type=date_arg, metavar="NGÀY", help="tính đến ngày (mặc định hôm nay)"
    )
    remind.add_argument("--json", action="store_true", help="in dạng JSON")
    letter = sub.add_parser("letter", parents=[common], help="in công văn đôn đốc")
    letter.add_argument(
        "--org", action="append", required=True, metavar="TỔ_CHỨC",
        help="tên viết tắt của tổ chức nhận (lặp lại cho nhiều tổ chức)",
    )  # fmt: skip
    letter.add_argument(
        "--quarter", type=quarter_arg, required=True, metavar="QUÝ", help='ví dụ "Quý II-2021"'
    )
    letter.add_argument("--format", choices=["pdf", "docx"], required=True, help="định dạng tệp")
    letter.add_argument(
        "--out", required=True, metavar="TỆP_HOẶC_THƯ_MỤC",
        help="tệp sẽ ghi (một tổ chức) hoặc thư mục có sẵn (mỗi tổ chức một tệp)",
    )  # fmt: skip
    letter.add_argument("--number", default="", metavar="SỐ", help="số công văn, ví dụ 15")
    letter.add_argument(
        "--report-by", type=date_arg, metavar="NGÀY", help="hạn báo cáo lại (mặc định sau 10 ngày)"
    )
    letter.add_argument(
        "--issued-on", type=date_arg, metavar="NGÀY", help="ngày ban hành (mặc định hôm nay)"
    )


def cmd_report(args: argparse.Namespace) -> int:
    from tracker import followup, queries
    from tracker.reporting.render import write_report

    if args.kind == "follow-up" and args.quarter is None:
        raise TrackerError('Hãy cho biết quý cần in, ví dụ --quarter "Quý II-2021".')
    check_report_name(args.out, args.format)
    open_database(args, create=False)
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


def cmd_remind(args: argparse.Namespace) -> int:
    if args.json:
        return _remind_json(args)
    from tracker.dates import format_date
    from tracker.reminders import reminders

    open_database(args, create=False)
    found = reminders(as_of=args.as_of or date.today(), within_days=args.within)
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
            lines.append(f"  [{i.directive_id}] {i.due}{late}{extended}: {one_line(i.content)}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _remind_json(args: argparse.Namespace) -> int:
    """``remind --json``: the database renders the items (tracker.reminder_listing)."""
    from tracker.reminder_listing import reminders_json

    conn = open_connection(args, create=False)
    pieces = reminders_json(conn, as_of=args.as_of or date.today(), within_days=args.within)
    sys.stdout.flush()
    sys.stdout.buffer.writelines([*pieces, b"\n"])
    return 0


def cmd_letter(args: argparse.Namespace) -> int:
    from pathlib import Path

    from tracker import queries, services
    from tracker.letter_files import letter_file_name, write_letters
    from tracker.reporting.letter import (
        LetterOptions,
        build_letter,
        quarter_report,
    )
    from tracker.safe_write import check_target

    open_database(args, create=False, writing=True)
    orgs = list(dict.fromkeys(queries.find_organization(name) for name in args.org))
    suffix = REPORT_SUFFIXES[args.format]
    out = Path(args.out)
    if len(orgs) > 1 or out.is_dir() and out.suffix.lower() != suffix:
        if not out.is_dir():
            raise TrackerError(
                f'"{args.out}" không phải là thư mục có sẵn: với nhiều tổ chức, --out là thư mục '
                "để ghi mỗi tổ chức một tệp; chưa ghi gì."
            )
        quarter = args.quarter.iso
        targets = [out / letter_file_name(o.short_name, quarter, args.format) for o in orgs]
    else:
        check_report_name(args.out, args.format)
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
    ready = [(x, t) for x, t in zip(letters, targets, strict=True) if not x.empty]
    write_letters(
        [x for x, _ in ready],
        [t for _, t in ready],
        fmt=args.format,
        forms_made_on=issued_on if out.is_dir() else None,  # each letter's form beside it
    )
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


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "report": cmd_report,
    "remind": cmd_remind,
    "letter": cmd_letter,
}
