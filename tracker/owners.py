"""How owners are written: a whole group as the group ("MTTQ và các đoàn thể")."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.rows import GroupRow, OwnerRow


def owner_labels(owners: Sequence[OwnerRow], groups: Sequence[GroupRow]) -> tuple[str, ...]:
    """Short names of ``owners``, with every group whose members are all among
    them written once by the group's short name (largest group first)."""
    rest = {o.organization_id for o in owners}
    labels: list[str] = []
    for group in sorted(groups, key=lambda g: len(g.organization_ids), reverse=True):
        members = set(group.organization_ids)
        if members and members <= rest:
            labels.append(group.short_name)
            rest -= members
    labels.extend(o.short_name for o in owners if o.organization_id in rest)
    return tuple(labels)
