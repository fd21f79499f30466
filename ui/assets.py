"""The one module that reads files from ``resources/`` (installed as package ``ui.resources``).

It is not called ``ui/resources.py``: that name is taken by the resources
package itself, and a module of the same name would shadow it (or be shadowed).
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

PACKAGE = "ui.resources"
# Every file the window needs from resources/ (tests/ui/test_install_check.py keeps
# this in step with the folder); a missing one is named by ``missing_files``.
ICONS = (
    "app", "cancelled", "delete", "done", "edit", "extend", "in-progress", "mark-done", "new",
    "note", "open", "overdue", "redo", "report", "search", "undo",
)  # fmt: skip
STYLESHEET = ("style", "app.qss")
# The compiled catalogues shipped: the program's English, Qt's own words in Vietnamese.
TRANSLATIONS = (("i18n", "giaoban_en.qm"), ("i18n", "qtbase_vi.qm"))


@cache
def _folder() -> Path:
    """The resources package's folder (a plain folder, installed or editable): found once,
    without importlib.resources, whose import and lookups cost milliseconds at start-up."""
    module = importlib.import_module(PACKAGE)
    if module.__file__:
        return Path(module.__file__).parent
    from importlib import resources  # only without a plain folder: it costs milliseconds

    return Path(str(resources.files(PACKAGE)))


def _file(*parts: str) -> Path:
    return _folder().joinpath(*parts)


@cache
def icon(name: str) -> QIcon:
    """An icon from ``resources/icons/<name>.svg`` (an empty icon if there is none)."""
    path = _file("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def stylesheet() -> str:
    """The application style sheet, ``resources/style/app.qss``."""
    path = _file(*STYLESHEET)
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def translation_file(lang: str, *, catalog: str = "giaoban") -> Path | None:
    """The compiled translation ``resources/i18n/<catalog>_<lang>.qm``, if shipped
    (``catalog`` "qtbase": Qt's own words)."""
    path = _file("i18n", f"{catalog}_{lang}.qm")
    return path if path.is_file() else None


def missing_files() -> list[str]:
    """The files of ``resources/`` that should be installed and are not, as
    "ui/resources/…" names."""
    wanted = [("icons", f"{name}.svg") for name in ICONS]
    wanted += [STYLESHEET, *TRANSLATIONS]
    try:
        folder = _folder()
    except ImportError:
        return [f"{PACKAGE.replace('.', '/')}/"]
    absent = [parts for parts in wanted if not folder.joinpath(*parts).is_file()]
    return ["/".join(["ui/resources", *parts]) for parts in absent]
