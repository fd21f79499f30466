"""Open the main window and every dialog on one screen size; print where they landed.

Run in a child process by test_screen_fit.py, with
``QT_QPA_PLATFORM=offscreen:configfile=…`` describing a small screen, because a
process's screens are fixed when Qt starts. Prints one JSON object: the screen's
available geometry and, per window, its frame and each button's rectangle on
screen and the part of it that is not clipped by a parent (a button scrolled out
of sight or pushed past the dialog's edge shows up there).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

AS_OF = date(2021, 7, 20)


def _rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def _describe(window: QWidget, name: str) -> dict[str, object]:
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    shots = os.environ.get("GIAOBAN_PROBE_SHOTS")
    if shots:  # pictures to look at, when run by hand
        window.grab().save(str(Path(shots) / f"{name}.png"))
    buttons = []
    for b in window.findChildren(QAbstractButton):
        if not b.isVisibleTo(window) or b.window() is not window or not b.text():
            continue
        top_left = b.mapToGlobal(b.rect().topLeft())
        seen = b.visibleRegion().boundingRect()
        buttons.append(
            {
                "text": b.text(),
                "rect": _rect(QRect(top_left, b.size())),
                "unclipped": [seen.width(), seen.height()],
                "size": [b.width(), b.height()],
            }
        )
    return {
        "frame": _rect(window.frameGeometry()),
        "geometry": _rect(window.geometry()),
        "buttons": buttons,
    }


def main() -> int:
    from tracker import queries
    from tracker.seeding import load_sample
    from tracker.store.db import open_db
    from ui.app import create_application

    tmp = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
    app = create_application([sys.argv[0]])
    open_db(str(tmp / "giaoban.sqlite3"))
    load_sample()
    from ui.dialogs.backup import RestoreDialog
    from ui.dialogs.directive import DirectiveDialog
    from ui.dialogs.done import DoneDialog
    from ui.dialogs.extend import ExtendDialog
    from ui.dialogs.meeting import MeetingDialog
    from ui.dialogs.note import NoteDialog
    from ui.dialogs.organizations import OrganizationsDialog
    from ui.dialogs.settings import SettingsDialog
    from ui.main_window import MainWindow
    from ui.report.dialog import ReportDialog
    from ui.views.meeting_attachments import MeetingAttachmentsPanel

    window = MainWindow(as_of=AS_OF)
    window.show()
    window.reminder_watch.check()  # the banner's row, as a start with something due shows it
    out: dict[str, object] = {
        "available": _rect(app.primaryScreen().availableGeometry()),
        "dpr": app.primaryScreen().devicePixelRatio(),
        "windows": {"MainWindow": _describe(window, "MainWindow")},
    }
    directive = queries.directive(queries.directive_ids()[0], as_of=AS_OF)
    meeting = queries.meeting(directive.meeting_id)
    rows = queries.directive_rows(queries.directive_ids(), as_of=AS_OF)

    def nothing(*_args: object, **_kwargs: object) -> None:
        return None

    def _panel(panel: MeetingAttachmentsPanel) -> MeetingAttachmentsPanel:
        panel.show_meeting(meeting)
        return panel

    makers = {
        "MeetingDialog": lambda: MeetingDialog(
            window, save=nothing, meeting=meeting, directives=rows, today=AS_OF
        ),
        "DirectiveDialog": lambda: DirectiveDialog(
            window, save=nothing, directive=directive, default_due=directive.due
        ),
        "DoneDialog": lambda: DoneDialog(window, save=nothing, directive=directive, today=AS_OF),
        "ExtendDialog": lambda: ExtendDialog(window, save=nothing, directive=directive),
        "NoteDialog": lambda: NoteDialog(window, save=nothing, directive=directive),
        "SettingsDialog": lambda: SettingsDialog(
            window, settings=queries.load_settings(), save=nothing
        ),
        "OrganizationsDialog": lambda: OrganizationsDialog(window, run=nothing),
        "RestoreDialog": lambda: RestoreDialog(window, db_path=tmp / "giaoban.sqlite3"),
        "ReportDialog": lambda: ReportDialog(window, as_of=AS_OF),
        "MeetingAttachmentsPanel": lambda: _panel(MeetingAttachmentsPanel(window, window.ops)),
    }
    for name, make in makers.items():
        dialog = make()
        dialog.show()
        out["windows"][name] = _describe(dialog, name)  # type: ignore[index]
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
    print(json.dumps(out, ensure_ascii=False))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
