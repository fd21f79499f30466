"""The value every service returns: what it changed, so views refresh only that."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Ids touched by one service call.

    ``meeting_ids`` / ``directive_ids`` / ``organization_ids`` name the rows
    that were created, edited or deleted; ``settings`` is true when settings
    changed. ``created_id`` is the id of the main record a create made.
    """

    meeting_ids: frozenset[int] = field(default_factory=frozenset)
    directive_ids: frozenset[int] = field(default_factory=frozenset)
    organization_ids: frozenset[int] = field(default_factory=frozenset)
    settings: bool = False
    created_id: int | None = None

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            meeting_ids=self.meeting_ids | other.meeting_ids,
            directive_ids=self.directive_ids | other.directive_ids,
            organization_ids=self.organization_ids | other.organization_ids,
            settings=self.settings or other.settings,
            created_id=self.created_id if self.created_id is not None else other.created_id,
        )

    @property
    def empty(self) -> bool:
        return not (
            self.meeting_ids or self.directive_ids or self.organization_ids or self.settings
        )
