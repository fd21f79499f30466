"""The schema version this program writes and the file's mark as a Giao ban database.

A leaf: the file checks (``dbfile``), backups and migrations all read these, so they
live below every one of them. A new schema version changes SCHEMA_VERSION here and adds
its step in ``migrations``.
"""

SCHEMA_VERSION = 4
APPLICATION_ID = 0x47424E31  # "GBN1" in the file header: a Giao ban database
