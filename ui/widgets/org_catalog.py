"""OrgCatalog: organizations and groups as the clerk names them, read and written as text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from tracker import queries
from tracker.errors import ValidationError
from tracker.rows import GroupRow, OrganizationRow
from tracker.text import fold

_SEPARATORS = re.compile(r"[,;\n]")


@dataclass(frozen=True)
class OrgChoice:
    """One thing the clerk can pick: an organization, or a group standing for several."""

    label: str  # short name, as typed and shown
    full_name: str
    ids: tuple[int, ...]
    is_group: bool


class OrgCatalog:
    """The organizations and groups known when a dialog opens.

    A group ("MTTQ và các đoàn thể") is one choice that expands to its active
    members; ``format`` folds a set of ids back into group names where a whole
    group is present. Names match ignoring case and diacritics, by short or full
    name, so "mttq", "Hoi ND" and "Hội Nông dân tỉnh" all work.
    """

    def __init__(self, organizations: Sequence[OrganizationRow], groups: Sequence[GroupRow]):
        self.organizations = list(organizations)
        self._by_id = {o.id: o for o in self.organizations}
        self._position = {o.id: i for i, o in enumerate(self.organizations)}
        active = {o.id for o in self.organizations if o.active}
        self.groups = [
            GroupRow(
                g.id, g.name, g.short_name, tuple(i for i in g.organization_ids if i in active)
            )
            for g in groups
        ]
        self.groups = [g for g in self.groups if g.organization_ids]
        self._names: dict[str, tuple[int, ...]] = {}
        for org in self.organizations:
            for name in (org.name, org.short_name):
                self._names.setdefault(fold(name), (org.id,))
        for group in self.groups:  # a group's name wins over an organization's of the same name
            for name in (group.name, group.short_name):
                self._names[fold(name)] = group.organization_ids

    @classmethod
    def load(cls) -> OrgCatalog:
        """Read the organizations (inactive ones too) and groups from the database."""
        return cls(queries.list_organizations(include_inactive=True), queries.list_groups())

    # --- lookups ------------------------------------------------------------

    @property
    def active(self) -> list[OrganizationRow]:
        """The organizations in use, in display order."""
        return [o for o in self.organizations if o.active]

    def organization(self, org_id: int) -> OrganizationRow | None:
        return self._by_id.get(org_id)

    def short_name(self, org_id: int) -> str:
        org = self._by_id.get(org_id)
        return org.short_name if org else f"#{org_id}"

    def choices(self) -> list[OrgChoice]:
        """Groups first, then the active organizations: what completion offers."""
        return [OrgChoice(g.short_name, g.name, g.organization_ids, True) for g in self.groups] + [
            OrgChoice(o.short_name, o.name, (o.id,), False) for o in self.active
        ]

    def default_lead_ids(self) -> tuple[int, ...]:
        """The first group ("MTTQ và các đoàn thể" in the standard list), else nothing."""
        return self.groups[0].organization_ids if self.groups else ()

    def sort_ids(self, ids: Iterable[int]) -> tuple[int, ...]:
        """Unique ids in display order."""
        unique = dict.fromkeys(ids)
        return tuple(sorted(unique, key=lambda i: self._position.get(i, len(self._position))))

    def could_complete(self, piece: str) -> bool:
        """Whether some name contains ``piece`` (ignoring case and diacritics):
        a name still being typed is not yet a mistake."""
        key = fold(piece)
        return any(key in name for name in self._names)

    # --- text ---------------------------------------------------------------

    def _starting_with(self, key: str) -> list[tuple[int, ...]]:
        """The different choices whose name starts with the words ``key``."""
        found = {ids for name, ids in self._names.items() if name.startswith(key + " ")}
        return sorted(found)

    def _lookup(self, piece: str, *, by_start: bool) -> tuple[int, ...] | None:
        key = fold(piece)
        found = self._names.get(key)
        if found is None and by_start and " " in key:  # two words at least: not "Ban"
            # A full name typed without its tail: "Ban Dân vận" for "Ban Dân vận
            # Tỉnh ủy", "Hội Nông dân" for "Hội Nông dân tỉnh" — when only one fits.
            starting = self._starting_with(key)
            found = starting[0] if len(starting) == 1 else None
        return found

    def parse(self, text: str) -> tuple[int, ...]:
        """Read names separated by commas or semicolons into organization ids.

        Each name is a short name, a full name, or the first words of exactly one
        full name ("Ban Dân vận"). A name that itself contains a comma ("Ban Dân
        vận các huyện ủy, thành ủy") is recognised by joining neighbouring pieces.
        Raises ValidationError (field None) naming the first piece not understood.
        """
        pieces = [p.strip() for p in _SEPARATORS.split(text)]
        pieces = [p for p in pieces if p]
        ids: list[int] = []
        i = 0
        while i < len(pieces):
            for by_start in (False, True):  # whole names before beginnings of names
                for j in range(len(pieces), i, -1):
                    found = self._lookup(", ".join(pieces[i:j]), by_start=by_start)
                    if found is not None:
                        ids.extend(found)
                        i = j
                        break
                else:
                    continue
                break
            else:
                raise ValidationError(self._unknown(pieces[i]))
        return self.sort_ids(ids)

    def _unknown(self, piece: str) -> str:
        starting = self._starting_with(fold(piece))
        if len(starting) > 1:
            return QCoreApplication.translate(
                "OrgCatalog",
                'Tên "{name}" có thể là {choices}. Hãy gõ rõ hơn, hoặc chọn trong danh sách gợi ý.',
            ).format(name=piece, choices=", ".join(self.format(ids) for ids in starting))
        return QCoreApplication.translate(
            "OrgCatalog",
            'Không có tổ chức hay nhóm "{name}". Hãy gõ tên viết tắt, ví dụ "MTTQ", '
            "rồi chọn trong danh sách gợi ý.",
        ).format(name=piece)

    def format(self, ids: Iterable[int]) -> str:
        """Names for ``ids``: whole groups by the group's name, the rest by short name."""
        remaining = list(self.sort_ids(ids))
        names: list[str] = []
        for group in sorted(self.groups, key=lambda g: -len(g.organization_ids)):
            members = set(group.organization_ids)
            if members and members <= set(remaining):
                names.append(group.short_name)
                remaining = [i for i in remaining if i not in members]
        names.extend(self.short_name(i) for i in remaining)
        return ", ".join(names)
