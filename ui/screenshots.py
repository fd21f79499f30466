"""Render the window on the sample data to PNG files: ``python -m ui.screenshots DIR``.

Shots: the main window (Cần đôn đốc and Giao ban views), the new-giao-ban dialog and
the all-directives view, on screens of 1024×600, 1366×768 and 1920×1080. Each
screen size is rendered in its own process whose only (offscreen) screen has that
size, so the window and the dialog open at the size they really open at there (the
window's first-start default, the dialog's own fit). The data is the sample giao
ban of 01/04/2021 with a little follow-up, seen as of 20/07/2021, in a temporary
database and with temporary settings, so nothing of the user's is touched.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

AS_OF = date(2021, 7, 20)
SIZES = ((1024, 600), (1366, 768), (1920, 1080))


def _seed() -> None:
    """The sample giao ban, with the follow-up a clerk would have logged by July 2021."""
    from tracker import queries, services  # a developer's command: after the application exists
    from tracker.quarters import Quarter  # as above
    from tracker.seeding import load_sample  # as above

    load_sample()
    ids = queries.directive_ids()
    mttq = queries.find_organization("MTTQ").id
    services.mark_done(
        directive_ids=ids[:2],
        on=date(2021, 5, 25),
        note="Đã hoàn thành; tỷ lệ cử tri đi bầu đạt 99,8%",
    )
    services.mark_done(
        directive_ids=[ids[3]],
        on=date(2021, 6, 18),
        note="Đã tổ chức hội nghị quán triệt",
        organization_id=mttq,
    )
    services.add_note(
        directive_id=ids[4],
        text="MTTQ, Hội LHPN đã ban hành chương trình hành động",
        on=date(2021, 6, 30),
    )
    services.extend_deadline(
        directive_id=ids[8],
        new_due=Quarter(2021, 4),
        reason="Chờ hướng dẫn của Trung ương",
        on=date(2021, 6, 28),
    )


def _save(widget: QWidget, path: Path) -> None:
    for _ in range(3):
        QApplication.processEvents()
    image = widget.grab().toImage()
    # 256 colours keep a screenshot of flat UI sharp at a third of the size.
    small = image.convertToFormat(
        QImage.Format.Format_Indexed8,
        Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither,
    )
    # The stub types the format as bytes, but PySide6 accepts only str here.
    small.save(str(path), "PNG", 9)  # type: ignore[call-overload]
    print(path)


def _meeting_dialog(window: QWidget) -> QWidget:
    from ui.dialogs.meeting import MeetingDialog  # as above

    return MeetingDialog(window, save=lambda *_args: None, today=AS_OF)


def render(out: Path, lang: str = "vi") -> list[Path]:
    """Every shot, each screen size in a child process with a screen of that size."""
    written: list[Path] = []
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for width, height in SIZES:
            config = Path(tmp) / f"screen-{width}x{height}.json"
            screen = {"name": "shot", "x": 0, "y": 0, "width": width, "height": height}
            config.write_text(json.dumps({"screens": [screen]}))
            env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
            env.pop("GIAOBAN_DB", None)
            done = subprocess.run(
                [sys.executable, "-m", "ui.screenshots", str(out), "--lang", lang, "--one"],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            written += [Path(line) for line in done.stdout.splitlines() if line.endswith(".png")]
            for line in written[-4:]:
                print(line)
    return written


def render_one(out: Path, lang: str = "vi") -> list[Path]:
    """The shots for the one screen this process has."""
    from tracker.store.db import close_db, open_db  # as above
    from ui import i18n  # as above
    from ui.app import create_application  # as above
    from ui.main_window import TAB_ALL, TAB_CHASE, TAB_MEETING, MainWindow  # as above

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        app = create_application()
        i18n.install(app, lang)
        open_db(str(Path(tmp) / "giaoban.sqlite3"))
        _seed()
        area = app.primaryScreen().geometry()
        suffix = f"{area.width()}x{area.height()}"
        written = []
        window = MainWindow(as_of=AS_OF)  # its first-start size on this screen
        window.show()
        window.tabs.setCurrentIndex(TAB_CHASE)
        window.chase_table.selectRow(0)
        path = out / f"main-window-chase-{suffix}.png"
        _save(window, path)
        written.append(path)
        window.tabs.setCurrentIndex(TAB_MEETING)
        window.meeting_table.selectRow(3)
        path = out / f"main-window-giao-ban-{suffix}.png"
        _save(window, path)
        written.append(path)
        window.tabs.setCurrentIndex(TAB_ALL)
        window.filter_bar.search.setText("bau cu")
        window.filter_bar.flush()
        window.all_table.selectRow(0)
        path = out / f"all-directives-{suffix}.png"
        _save(window, path)
        written.append(path)
        dialog = _meeting_dialog(window)  # sized by its own fit to this screen
        dialog.show()
        path = out / f"new-giao-ban-{suffix}.png"
        _save(dialog, path)
        written.append(path)
        dialog.close()
        dialog.deleteLater()
        window.close()
        window.deleteLater()
        app.processEvents()
        close_db()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/screenshots", type=Path)
    parser.add_argument("--lang", choices=("vi", "en"), default="vi", help="interface language")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        render_one(args.out, args.lang)
    else:
        render(args.out, args.lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
