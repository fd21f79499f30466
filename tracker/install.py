"""The data files the program ships with, and a plain message when one is missing.

A damaged or half-copied installation otherwise fails deep inside a library with
a message about a folder or a module that means nothing to a clerk; here the
missing file is named, in Vietnamese, with what to do (reinstall).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tracker.errors import IncompleteInstallError

SEEDS_PACKAGE = "tracker.seeds"
SEED_FILES = ("organizations.json", "sample-giao-ban-2021-04-01.json")
# python-docx builds every new document from these files beside its modules.
DOCX_TEMPLATES = (
    "default.docx",
    "default-header.xml",
    "default-footer.xml",
    "default-settings.xml",
    "default-styles.xml",
    "default-comments.xml",
)


def missing_message(what: str, consequence: str = "") -> str:
    """The one wording for a missing part of the installation."""
    tail = f" nên {consequence}" if consequence else ""
    return (
        f"Bản cài đặt Giao ban bị thiếu {what}{tail}. Bản cài đặt bị hỏng hoặc chưa "
        "chép đủ: hãy cài đặt lại chương trình (dữ liệu của bạn không bị ảnh hưởng)."
    )


def package_folder(package: str) -> Path | None:
    """The folder of an installed package, found without importing it; None if absent."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def seed_file(name: str) -> Path:
    """The path of a shipped seed file; IncompleteInstallError naming it if missing."""
    folder = package_folder(SEEDS_PACKAGE)
    path = folder / name if folder else None
    if path is None or not path.is_file():
        raise IncompleteInstallError(
            missing_message(f'tệp dữ liệu "tracker/seeds/{name}"', "chưa làm được việc này")
        )
    return path


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
    from tracker.store.migrations import SCHEMA_VERSION
    from tracker.store.schema import expected_schema

    for checks in (lambda: expected_schema(SCHEMA_VERSION), check_docx_templates):
        try:
            checks()
        except IncompleteInstallError as exc:
            missing.append(exc.message)
    return missing
