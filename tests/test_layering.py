"""The tracker library never imports Qt or the ui package (it must work headless)."""

from __future__ import annotations

import ast
from pathlib import Path

TRACKER = Path(__file__).resolve().parent.parent / "tracker"
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "ui")


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_tracker_imports_no_qt_and_no_ui() -> None:
    """No module under tracker/ imports PySide6 (or another Qt binding) or ui."""
    offenders = [
        f"{path.relative_to(TRACKER.parent)}: {name}"
        for path in sorted(TRACKER.rglob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


def test_layering_check_sees_the_tracker_modules() -> None:
    """The check above really parses the tracker package (it is not vacuous)."""
    files = list(TRACKER.rglob("*.py"))
    assert len(files) > 10
    assert "tracker.errors" in _imports(TRACKER / "services.py")
