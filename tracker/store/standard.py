"""The standard list of organizations and groups every new database starts with.

Part of making a new file (``migrations.ensure_schema``), so it lives in the storage
layer; the list itself is shipped data (``tracker/seeds/organizations.json``).
"""

from __future__ import annotations

import json
from typing import Any

from tracker.shipped import seed_file
from tracker.store.dbfile import SAVED_NOTHING, disk_full_as_message
from tracker.store.models import Organization, OrgGroup, OrgGroupMember
from tracker.store.proxy import database

ORGANIZATIONS_FILE = "organizations.json"


def read_seed(name: str) -> Any:
    """A shipped JSON seed file; IncompleteInstallError naming it when it is missing."""
    return json.loads(seed_file(name).read_text("utf-8"))


def load_standard_organizations() -> None:
    """Fill an empty organization table with the standard list and groups."""
    if Organization.select().exists():
        return
    data = read_seed(ORGANIZATIONS_FILE)
    where = getattr(database.obj, "database", None)
    with disk_full_as_message(where, SAVED_NOTHING), database.atomic():
        ids: dict[str, int] = {}
        for pos, org in enumerate(data["organizations"], 1):
            ids[org["short_name"]] = Organization.create(
                name=org["name"], short_name=org["short_name"], position=pos
            ).id
        for pos, group in enumerate(data["groups"], 1):
            g = OrgGroup.create(name=group["name"], short_name=group["short_name"], position=pos)
            for short in group["members"]:
                OrgGroupMember.create(group=g.id, organization=ids[short])
