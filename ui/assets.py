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


@cache
def _folder() -> Path:
    """The resources package's folder (a plain folder, installed or editable): found once,
    without importlib.resources, whose import and lookups cost milliseconds at start-up."""
    module = importlib.import_module(PACKAGE)
    if module.__file__:
        return Path(module.__file__).parent
    from importlib import resources

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
    path = _file("style", "app.qss")
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def translation_file(lang: str, *, catalog: str = "giaoban") -> Path | None:
    """The compiled translation ``resources/i18n/<catalog>_<lang>.qm``, if shipped
    (``catalog`` "qtbase": Qt's own words)."""
    path = _file("i18n", f"{catalog}_{lang}.qm")
    return path if path.is_file() else None
