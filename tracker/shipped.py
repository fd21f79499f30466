"""Where the program's shipped data files are, and the one wording when one is missing.

A leaf (it imports only tracker.errors): the storage layer reads the schema files and the
standard organization list through it, and ``tracker.install`` checks the whole
installation on top of it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tracker.errors import IncompleteInstallError

SEEDS_PACKAGE = "tracker.seeds"
SEED_FILES = ("organizations.json", "sample-giao-ban-2021-04-01.json")


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
