"""The data files the program ships with, and a plain message when one is missing.

A damaged or half-copied installation otherwise fails deep inside a library with
a message about a folder or a module that means nothing to a clerk; here the
missing file is named, in Vietnamese, with what to do (reinstall).
"""

from __future__ import annotations

from tracker.errors import IncompleteInstallError
from tracker.shipped import (  # noqa: F401 (re-exported: the ui names them from here)
    SEED_FILES,
    SEEDS_PACKAGE,
    missing_message,
    package_folder,
    seed_file,
)
from tracker.store.schema import expected_schema
from tracker.store.version import SCHEMA_VERSION

# python-docx builds every new document from these files beside its modules.
DOCX_TEMPLATES = (
    "default.docx",
    "default-header.xml",
    "default-footer.xml",
    "default-settings.xml",
    "default-styles.xml",
    "default-comments.xml",
)


def check_docx_templates() -> None:
    """python-docx's document templates are there (a frozen build can leave them out)."""
    folder = package_folder("docx")
    for name in DOCX_TEMPLATES:
        if folder is None or not (folder / "templates" / name).is_file():
            raise IncompleteInstallError(
                missing_message(
                    f'mẫu văn bản Word "docx/templates/{name}" của thư viện python-docx',
                    "chưa xuất được tệp Word",
                )
            )


def missing_data_files() -> list[str]:
    """Every shipped data file of the non-Qt part that is missing, as messages."""
    missing: list[str] = []
    for name in SEED_FILES:
        try:
            seed_file(name)
        except IncompleteInstallError as exc:
            missing.append(exc.message)
    for checks in (lambda: expected_schema(SCHEMA_VERSION), check_docx_templates):
        try:
            checks()
        except IncompleteInstallError as exc:
            missing.append(exc.message)
    return missing
