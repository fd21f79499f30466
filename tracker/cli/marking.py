"""``done`` and ``reopen``: every unknown id is named before anything changes."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from tracker.cli.common import (
    date_arg,
    id_arg,
    open_database,
)
from tracker.errors import TrackerError


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    done = sub.add_parser("done", parents=[common], help="đánh dấu hoàn thành")
    done.add_argument("ids", type=id_arg, nargs="+", metavar="MÃ_SỐ", help="mã số nội dung chỉ đạo")
    done.add_argument(
        "--org", metavar="TỔ_CHỨC", help="chỉ tổ chức này (mặc định: mọi cơ quan chủ trì)"
    )
    done.add_argument(
        "--on", type=date_arg, metavar="NGÀY", help="ngày hoàn thành (mặc định hôm nay)"
    )
    done.add_argument("--note", default="", metavar="CHỮ", help="kết quả")
    reopen = sub.add_parser("reopen", parents=[common], help="mở lại (chưa hoàn thành)")
    reopen.add_argument(
        "ids", type=id_arg, nargs="+", metavar="MÃ_SỐ", help="mã số nội dung chỉ đạo"
    )
    reopen.add_argument(
        "--org", metavar="TỔ_CHỨC", help="chỉ tổ chức này (mặc định: mọi cơ quan chủ trì)"
    )


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

    open_database(args, create=False, writing=True)
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

    open_database(args, create=False, writing=True)
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


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "done": cmd_done,
    "reopen": cmd_reopen,
}
