"""Applying a read report-back form (tracker.reply_form): one service, all or nothing."""

from __future__ import annotations

from datetime import date

from tracker.changes import Changes
from tracker.errors import StaleEditError
from tracker.reply_form import ReplyPlan, batches
from tracker.rows import Status
from tracker.services import add_note, changed_words, service, set_status
from tracker.store.models import Directive

SOURCE = "Theo báo cáo của {name}"


@service
def apply_reply(
    *, plan: ReplyPlan, accept_conflicts: bool = False, on: date | None = None
) -> Changes:
    """Record the plan's changes, all or nothing: a row done for the organization on its
    date with its result, "Theo báo cáo của …" in the history; a result of a row not done
    as the organization's progress note dated ``on`` (today). Conflicts only when
    ``accept_conflicts``. A directive changed since the plan was read refuses it all."""
    rows = plan.to_apply(accept_conflicts)
    current: dict[int, tuple[int, str | None]] = {}
    for part in batches([r.directive_id for r in rows]):
        current.update(
            (i, (v, who))
            for i, v, who in Directive.select(Directive.id, Directive.version, Directive.changed_by)
            .where(Directive.id.in_(part))
            .tuples()
        )
    for r in rows:
        version, who = current.get(r.directive_id, (None, None))
        if version != r.version:
            changed = "vừa bị xóa" if version is None else changed_words(who)
            raise StaleEditError(
                f"Dòng {r.row}: nội dung {changed} ở nơi khác sau khi đọc phiếu. Hãy đọc "
                "lại phiếu rồi nhập lại; chưa cập nhật gì."
            )
    changes = Changes()
    source = SOURCE.format(name=plan.name)
    for r in rows:
        if r.done_on is None:
            changes |= add_note(directive_id=r.directive_id, text=f"{source}: {r.result}",
                                organization_id=plan.organization_id, on=on)  # fmt: skip
        else:
            changes |= set_status(
                directive_ids=[r.directive_id], status=Status.DONE, on=r.done_on, note=r.result,
                organization_id=plan.organization_id, source=source,
            )  # fmt: skip
    return changes
