"""How owner lists are written in tables and reports."""

from __future__ import annotations

from tracker.owners import owner_labels
from tracker.rows import GroupRow, OwnerRow, Role, Status


def _owner(org_id: int, short: str) -> OwnerRow:
    return OwnerRow(org_id, short, short, Role.LEAD, Status.OPEN, None, "")


GROUPS = [
    GroupRow(2, "Các đoàn thể CT-XH", "Các đoàn thể", (2, 3)),
    GroupRow(1, "MTTQ và các đoàn thể CT-XH", "MTTQ và các đoàn thể", (1, 2, 3)),
]


def test_whole_group_is_written_once_by_its_name() -> None:
    """Owners covering a group's members show the largest such group's short name."""
    owners = [_owner(1, "MTTQ"), _owner(2, "Hội ND"), _owner(3, "Tỉnh đoàn"), _owner(4, "BDV")]
    assert owner_labels(owners, GROUPS) == ("MTTQ và các đoàn thể", "BDV")


def test_partial_group_keeps_short_names() -> None:
    """Owners that do not cover a whole group are listed one by one, in order."""
    owners = [_owner(1, "MTTQ"), _owner(3, "Tỉnh đoàn")]
    assert owner_labels(owners, GROUPS) == ("MTTQ", "Tỉnh đoàn")


def test_smaller_group_when_the_larger_is_incomplete() -> None:
    """Without MTTQ, the two socio-political organizations show as their own group."""
    owners = [_owner(2, "Hội ND"), _owner(3, "Tỉnh đoàn")]
    assert owner_labels(owners, GROUPS) == ("Các đoàn thể",)
