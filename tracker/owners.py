"""How owners are written: a whole group as the group ("MTTQ và các đoàn thể")."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.rows import UNFINISHED, GroupRow, OwnerRow


def owner_labels(
    owners: Sequence[OwnerRow], groups: Sequence[GroupRow], *, full: bool = False
) -> tuple[str, ...]:
    """Short names (``full``: full names, as documents write them) of ``owners``, with
    every group whose members are all among them written once as the group
    (largest group first)."""
    rest = {o.organization_id for o in owners}
    labels: list[str] = []
    for group in sorted(groups, key=lambda g: len(g.organization_ids), reverse=True):
        members = set(group.organization_ids)
        if members and members <= rest:
            labels.append(group.name if full else group.short_name)
            rest -= members
    labels.extend(o.name if full else o.short_name for o in owners if o.organization_id in rest)
    return tuple(labels)


def still_owing(leads: Sequence[OwnerRow]) -> tuple[str, ...]:
    """Short names of the leads that have not finished, when some others have
    (empty when none has finished or all have: the leads' names say it all)."""
    unfinished = [o.short_name for o in leads if o.status in UNFINISHED]
    if not unfinished or len(unfinished) == len(leads):
        return ()
    return tuple(unfinished)
