"""Organizations, groups, topics and the saved report settings."""

from __future__ import annotations

from collections import defaultdict

from tracker.listing import organization_not_found
from tracker.rows import (
    GroupRow,
    OrganizationRow,
)
from tracker.settings import ReportSettings
from tracker.store.models import (
    Organization,
    Setting,
    Topic,
)
from tracker.store.proxy import database
from tracker.text import fold

# --- organizations --------------------------------------------------------------------------


def list_organizations(*, include_inactive: bool = True) -> list[OrganizationRow]:
    # One index probe per organization, not a DISTINCT over every assignment.
    used = {
        r[0]
        for r in database.execute_sql(
            "SELECT o.id FROM organization o WHERE "
            "EXISTS (SELECT 1 FROM assignment a WHERE a.organization_id = o.id) OR "
            "EXISTS (SELECT 1 FROM meeting_attendee m WHERE m.organization_id = o.id)"
        )
    }
    query = Organization.select().order_by(Organization.position, Organization.id)
    if not include_inactive:
        query = query.where(Organization.active == True)  # noqa: E712 (peewee expression)
    return [
        OrganizationRow(o.id, o.name, o.short_name, o.position, o.active, o.id in used)
        for o in query
    ]


def list_groups() -> list[GroupRow]:
    # Plain statements: the directive table reads the groups on every reload.
    members: dict[int, list[int]] = defaultdict(list)
    for group_id, org_id in database.execute_sql(
        "SELECT m.group_id, m.organization_id FROM org_group_member m "
        "JOIN organization o ON o.id = m.organization_id ORDER BY o.position"
    ):
        members[group_id].append(org_id)
    return [
        GroupRow(gid, name, short, tuple(members[gid]))
        for gid, name, short in database.execute_sql(
            "SELECT id, name, short_name FROM org_group ORDER BY position, id"
        )
    ]


def find_organization(text: str) -> OrganizationRow:
    """An organization by short or full name, ignoring case and diacritics."""
    key = fold(text)
    for org in list_organizations():
        if key in (fold(org.short_name), fold(org.name)):
            return org
    raise organization_not_found(text)


def find_owner_ids(text: str) -> tuple[int, ...]:
    """Organization ids named by a short/full name or by a group's name."""
    key = fold(text)
    for group in list_groups():
        if key in (fold(group.short_name), fold(group.name)):
            return group.organization_ids
    return (find_organization(text).id,)


def list_topics() -> list[str]:
    return [t.name for t in Topic.select(Topic.name).order_by(Topic.name)]


def load_settings() -> ReportSettings:
    return ReportSettings.from_strings({s.key: s.value for s in Setting.select()})


def settings_saved() -> bool:
    """Whether the report settings were ever saved (else the defaults are a guess)."""
    return bool(Setting.select().exists())


