"""``export``, ``import-xlsx`` and ``import``: data in and out as JSON or Excel."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from tracker.cli.common import (
    EXIT_USER_ERROR,
    date_arg,
    open_database,
    print_json,
)
from tracker.errors import TrackerError


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    export = sub.add_parser(
        "export", parents=[common], help="xuất toàn bộ dữ liệu ra JSON (hoặc bảng Excel .xlsx)"
    )
    export.add_argument("file", metavar="TỆP", help="tệp .json (mọi dữ liệu) hoặc .xlsx (bảng)")
    imx = sub.add_parser("import-xlsx", parents=[common], help="nhập nội dung chỉ đạo từ Excel")
    imx.add_argument("file", metavar="TỆP", help="tệp Excel .xlsx")
    imx.add_argument("--sheet", metavar="TÊN", help="trang tính (mặc định: trang đầu có tiêu đề)")
    imx.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    imx.add_argument(
        "--meeting-date", type=date_arg, metavar="NGÀY", help="nhập tất cả vào giao ban ngày này"
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


def cmd_export(args: argparse.Namespace) -> int:
    from tracker import exchange

    open_database(args, create=False)
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
    open_database(args, writing=True)
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
    open_database(args, writing=not args.dry_run)  # a new file: the office starts from its workbook
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
        print_json(xi.plan_json(plan))
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


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "export": cmd_export,
    "import-xlsx": cmd_import_xlsx,
    "import": cmd_import,
}
