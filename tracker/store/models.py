"""peewee models: the stored shape of meetings, directives and their follow-up.

Quarters are stored as ISO text ("2021-Q2"), which sorts correctly as text, so
deadline comparisons run in SQL. A directive's ``status`` and ``done_on`` are a
cache of what its lead assignments say, rewritten by the services in the same
transaction as every assignment change; overdue is never stored. A meeting's and a
directive's ``version`` grows with every write of it (not with its attachments or a
reminder entry) and ``changed_by`` names the login that wrote that version
(``services.new_version``): an edit based on an older version is refused naming them.
"""

from __future__ import annotations

import peewee as pw

from tracker.store.proxy import database
from tracker.store.who import current_who


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class Setting(BaseModel):
    key = pw.CharField(primary_key=True)
    value = pw.TextField()


class Organization(BaseModel):
    name = pw.CharField(unique=True)
    short_name = pw.CharField(unique=True)
    position = pw.IntegerField(default=0, index=True)
    active = pw.BooleanField(default=True)


class OrgGroup(BaseModel):
    """Several organizations chosen as one owner ("MTTQ và các đoàn thể CT-XH")."""

    name = pw.CharField(unique=True)
    short_name = pw.CharField(unique=True)
    position = pw.IntegerField(default=0)


class OrgGroupMember(BaseModel):
    group = pw.ForeignKeyField(OrgGroup, backref="members", on_delete="CASCADE")
    organization = pw.ForeignKeyField(Organization, on_delete="CASCADE")

    class Meta:
        indexes = ((("group", "organization"), True),)


class Meeting(BaseModel):
    held_on = pw.DateField(index=True)
    title = pw.CharField()
    title_folded = pw.CharField(default="")
    chair_name = pw.CharField(default="")
    chair_position = pw.CharField(default="")
    reviewed_quarter = pw.CharField(null=True)  # "2021-Q1"
    notes = pw.TextField(default="")
    notice_ref = pw.CharField(default="")  # số thông báo kết luận
    version = pw.IntegerField(default=1)
    # Schema 4: the login that wrote this version (None: not known, or written before).
    changed_by = pw.TextField(null=True, default=current_who)


class MeetingAttendee(BaseModel):
    meeting = pw.ForeignKeyField(Meeting, backref="attendees", on_delete="CASCADE")
    organization = pw.ForeignKeyField(Organization, on_delete="RESTRICT")

    class Meta:
        indexes = ((("meeting", "organization"), True),)


class Directive(BaseModel):
    meeting = pw.ForeignKeyField(Meeting, backref="directives", on_delete="CASCADE")
    position = pw.IntegerField(default=0)
    content = pw.TextField()
    content_folded = pw.TextField(default="")  # fold(content): diacritics-free search key
    due_quarter = pw.CharField(null=True, index=True)  # "2021-Q2"; NULL = thường xuyên
    original_due = pw.CharField(null=True)  # deadline before any extension
    status = pw.CharField(default="open", index=True)  # cache, see module docstring
    done_on = pw.DateField(null=True)
    version = pw.IntegerField(default=1)
    # Schema 4: the login that wrote this version (None: not known, or written before).
    changed_by = pw.TextField(null=True, default=current_who)

    class Meta:
        indexes = ((("meeting", "position"), False),)


class Assignment(BaseModel):
    """One organization's part in a directive and its own progress."""

    directive = pw.ForeignKeyField(Directive, backref="assignments", on_delete="CASCADE")
    organization = pw.ForeignKeyField(Organization, on_delete="RESTRICT", index=True)
    role = pw.CharField(default="lead")  # lead | support
    position = pw.IntegerField(default=0)
    status = pw.CharField(default="open")
    done_on = pw.DateField(null=True)
    result_note = pw.TextField(default="")

    class Meta:
        indexes = ((("directive", "organization"), True),)


class Extension(BaseModel):
    """A deadline extension (gia hạn)."""

    directive = pw.ForeignKeyField(Directive, backref="extensions", on_delete="CASCADE")
    old_quarter = pw.CharField(null=True)
    new_quarter = pw.CharField(null=True)
    extended_on = pw.DateField()
    reason = pw.TextField(default="")


class Topic(BaseModel):
    name = pw.CharField(unique=True)


class DirectiveTopic(BaseModel):
    directive = pw.ForeignKeyField(Directive, backref="topic_links", on_delete="CASCADE")
    topic = pw.ForeignKeyField(Topic, on_delete="CASCADE")

    class Meta:
        indexes = ((("directive", "topic"), True),)


class HistoryEntry(BaseModel):
    directive = pw.ForeignKeyField(Directive, backref="history", on_delete="CASCADE")
    kind = pw.CharField()  # created | edited | status | extension | note | chased
    happened_on = pw.DateField()
    organization = pw.ForeignKeyField(Organization, null=True, on_delete="SET NULL")
    text = pw.TextField(default="")
    # Schema 3: the login that made the change (None: before schema 3, or not known).
    who = pw.TextField(null=True, default=current_who)


# Columns a later schema version adds with its migration step: a new database is made
# at schema 1 without them and gets them from the same step an old file runs, so both
# end with the same table definition (migrations.create_schema).
ADDED_BY_MIGRATIONS: tuple[tuple[type[BaseModel], str], ...] = (
    (HistoryEntry, "who"),
    (Meeting, "changed_by"),
    (Directive, "changed_by"),
)


class AttachmentContent(BaseModel):
    """The bytes of an attached file, stored once per content (schema 3).

    Kept in a table of their own, the bytes last, so that listing attachments never
    reads them: a 1 GB file of attachments starts and lists as fast as one without.
    """

    sha256 = pw.CharField(unique=True)
    size = pw.IntegerField()
    data = pw.BlobField()


class Attachment(BaseModel):
    """A file attached to a meeting (its conclusion notice) or to a directive (an
    organization's report): exactly one of ``meeting`` and ``directive`` is set."""

    meeting = pw.ForeignKeyField(Meeting, null=True, backref="attachments", on_delete="CASCADE")
    directive = pw.ForeignKeyField(Directive, null=True, backref="attachments", on_delete="CASCADE")
    content = pw.ForeignKeyField(AttachmentContent, on_delete="RESTRICT")
    file_name = pw.CharField()
    size = pw.IntegerField()
    media_type = pw.CharField(default="application/octet-stream")
    attached_on = pw.DateField()


# The tables schema 3 added (created by its migration step, not with the first ones).
ATTACHMENT_MODELS: tuple[type[BaseModel], ...] = (AttachmentContent, Attachment)

ALL_MODELS: tuple[type[BaseModel], ...] = (
    Setting,
    Organization,
    OrgGroup,
    OrgGroupMember,
    Meeting,
    MeetingAttendee,
    Directive,
    Assignment,
    Extension,
    Topic,
    DirectiveTopic,
    HistoryEntry,
    AttachmentContent,
    Attachment,
)
