"""Every read: frozen rows built with a fixed number of queries, never one per row.

Split by what each answers: organizations (and topics, settings), meetings, the directive
filter (filters), directives (pages, rows, notes, history), their rows as of a date
(as_of) and the chase list (chase). Every public name is importable from
``tracker.queries``.
"""

from tracker.chase_rule import DUE_STATUS_INDEX
from tracker.queries.as_of import directive_rows_as_of
from tracker.queries.chase import (
    chase_count,
    chase_counts,
    chase_due,
    chase_organizations,
    chase_page,
)
from tracker.queries.directives import (
    count_directives,
    directive,
    directive_ids,
    directive_page,
    directive_rows,
    first_page,
    history,
    latest_notes,
    letters_sent,
    list_directives,
    seen_by,
)
from tracker.queries.filters import (
    DirectiveFilter,
    SortKey,
    StatusFilter,
    search_condition,
)
from tracker.queries.meetings import (
    MeetingFilter,
    count_meetings,
    list_meetings,
    meeting,
    meeting_page,
    meeting_refs,
    meeting_rows,
    meeting_years,
)
from tracker.queries.organizations import (
    find_organization,
    find_owner_ids,
    list_groups,
    list_organizations,
    list_topics,
    load_settings,
    settings_saved,
)

__all__ = [
    "DUE_STATUS_INDEX",
    "DirectiveFilter",
    "MeetingFilter",
    "SortKey",
    "StatusFilter",
    "chase_count",
    "chase_counts",
    "chase_due",
    "chase_organizations",
    "chase_page",
    "count_directives",
    "count_meetings",
    "directive",
    "directive_ids",
    "directive_page",
    "directive_rows",
    "directive_rows_as_of",
    "first_page",
    "find_organization",
    "find_owner_ids",
    "history",
    "latest_notes",
    "letters_sent",
    "list_directives",
    "list_groups",
    "list_meetings",
    "list_organizations",
    "list_topics",
    "load_settings",
    "meeting",
    "meeting_page",
    "meeting_refs",
    "meeting_rows",
    "meeting_years",
    "search_condition",
    "seen_by",
    "settings_saved",
]
