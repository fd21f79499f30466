"""The chase list the plain way, for tests: per lead organization, its unfinished
directives due by now, oldest deadline first. The window and the CLI read the chase list
a page or a count at a time (tracker.queries.chase); tests check those against this."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import peewee as pw

from tracker.quarters import Quarter
from tracker.queries import directive_rows, list_organizations, seen_by
from tracker.rows import UNFINISHED_VALUES, DirectiveRow, OrganizationRow, Role
from tracker.store.models import Assignment, Directive


def _chase_query(as_of: date, *columns: pw.Node) -> pw.ModelSelect:
    """(lead organization, directive) pairs still to chase: unfinished and due by now."""
    current = Quarter.of(as_of).iso
    return (
        Assignment.select(*columns)
        .join(Directive)
        .where(
            (Assignment.role == Role.LEAD.value)
            & Assignment.status.in_(UNFINISHED_VALUES)
            & (Directive.due_quarter <= current)
        )
    )


def chase_list(*, as_of: date | None = None) -> list[tuple[OrganizationRow, list[DirectiveRow]]]:
    """Cần đôn đốc: per lead organization, its unfinished directives that are
    overdue or due this quarter, oldest deadline first."""
    as_of = as_of or date.today()
    pairs = (
        _chase_query(as_of, Assignment.organization, Directive.id)
        .order_by(Directive.due_quarter, Directive.id)
        .tuples()
    )
    per_org: dict[int, list[int]] = defaultdict(list)
    for org_id, did in pairs:
        per_org[org_id].append(did)
    all_ids = list(dict.fromkeys(i for ids in per_org.values() for i in ids))
    rows = {r.id: r for r in directive_rows(all_ids, as_of=as_of)}
    return [
        (org, seen_by([rows[i] for i in per_org[org.id] if i in rows], org.id))
        for org in list_organizations()
        if per_org.get(org.id)
    ]
