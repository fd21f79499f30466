"""Is the installation complete? The Qt plugins and data files the window needs, named
in Vietnamese when missing.

Without its platform plugin Qt aborts with an English message about "platform
plugins" (and a frozen Windows app shows nothing at all); without the SVG
image-format plugin every icon is silently blank. Checked before Qt is started,
and in full by ``giaoban --smoke``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

from tracker.shipped import missing_message

# Qt's default platform plugin on each system (Linux: X11, or Wayland).
DEFAULT_PLATFORMS = {"win32": ("windows",), "darwin": ("cocoa",)}
LINUX_PLATFORMS = ("xcb", "wayland")
PRINT_SUPPORT = {"win32": "windowsprintersupport", "linux": "cupsprintersupport"}


def plugin_folders() -> list[Path]:
    """Where Qt looks for plugins: its own folder, ``$QT_PLUGIN_PATH`` (a frozen build
    sets it) and the program's own folder."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))]
    folders.append(Path(sys.executable).resolve().parent)
    extra = os.environ.get("QT_PLUGIN_PATH", "")
    folders += [Path(p) for p in extra.split(os.pathsep) if p]
    return folders


def wanted_platforms(env: str | None = None, system: str = sys.platform) -> tuple[str, ...]:
    """The platform plugins Qt may use: ``$QT_QPA_PLATFORM`` (a ``;`` list whose
    entries may carry ``:options``), else the system's default."""
    env = os.environ.get("QT_QPA_PLATFORM", "") if env is None else env
    named = tuple(p.split(":", 1)[0].strip() for p in env.split(";") if p.strip())
    return named or DEFAULT_PLATFORMS.get(system, LINUX_PLATFORMS)


def has_plugin(kind: str, name: str, folders: list[Path] | None = None) -> bool:
    """A plugin file ``<kind>/[lib]q<name>.*`` or ``<kind>/[lib]<name>.*`` exists."""
    for folder in plugin_folders() if folders is None else folders:
        sub = folder / kind
        if not sub.is_dir():
            continue
        for f in sub.iterdir():
            stem = f.name.split(".", 1)[0].removeprefix("lib")
            if stem in (f"q{name}", name, f"q{name}d", f"{name}d"):
                return True
    return False


def missing_platform_plugin(folders: list[Path] | None = None) -> str | None:
    """A message when no platform plugin Qt could start with is installed, else None."""
    wanted = wanted_platforms()
    if any(has_plugin("platforms", name, folders) for name in wanted):
        return None
    names = ", ".join(f'"platforms/q{name}"' for name in wanted)
    return missing_message(f"thành phần hiển thị cửa sổ của Qt ({names})", "không mở được cửa sổ")


def missing_after_start() -> list[str]:
    """What else the window needs (with a QGuiApplication running): the SVG image
    format (icons), the print-support plugin, and the shipped data files."""
    from PySide6.QtGui import QImageReader  # this module runs before Qt is known to work

    from tracker.install import missing_data_files  # likewise: nothing but the check at import
    from ui import assets  # likewise

    missing: list[str] = []
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        missing.append(
            missing_message(
                'thành phần đọc ảnh SVG của Qt ("imageformats/qsvg")', "không hiện biểu tượng"
            )
        )
    printer = PRINT_SUPPORT.get(sys.platform)
    if printer and not has_plugin("printsupport", printer):
        missing.append(
            missing_message(f'thành phần in của Qt ("printsupport/{printer}")', "không in được")
        )
    missing += [missing_message(f'tệp "{name}"') for name in assets.missing_files()]
    missing += missing_data_files()
    return missing


def report_fatal(message: str) -> None:
    """Say ``message`` where the clerk sees it, without Qt: stderr, and on Windows (where
    a windowed program has no console) a system message box."""
    print(f"giaoban: lỗi: {message}", file=sys.stderr)
    if sys.platform == "win32":
        import ctypes  # Windows only

        ctypes.windll.user32.MessageBoxW(None, message, "Giao ban", 0x10)  # MB_ICONERROR
