"""Errors a user can cause, each carrying a plain Vietnamese message."""

from __future__ import annotations


class TrackerError(Exception):
    """Base of every error the tracker reports to people.

    ``str(error)`` is the message to show, in Vietnamese; ``field`` names the
    input it is about (for messages shown beside a field), when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationError(TrackerError):
    """Input that cannot be saved as it is (empty content, bad quarter…)."""


class NotFoundError(TrackerError):
    """A meeting, directive or organization id that does not exist."""


class StaleEditError(TrackerError):
    """The record changed since it was read (another window saved first)."""


class InUseError(TrackerError):
    """A record cannot be deleted because others refer to it."""


class DatabaseBusyError(TrackerError):
    """Another program held the database lock longer than we wait."""


class DatabaseOpenError(TrackerError):
    """The file cannot be opened as a Giao ban database (not SQLite, damaged,
    newer schema, read-only)."""


class ImportFileError(TrackerError):
    """A JSON file to import is malformed; nothing was imported."""


class DiskFullError(TrackerError):
    """The disk holding the database (or a file-size limit) left no room to write;
    nothing of the change was saved."""


class DamagedFileError(DatabaseOpenError):
    """SQLite found the open file damaged (a large file's integrity check, or a read
    that met a damaged page); nothing more is written into it."""


class IncompleteInstallError(TrackerError):
    """A file or module the program ships with is missing: the installation is
    damaged or incomplete (the message names what is missing)."""
