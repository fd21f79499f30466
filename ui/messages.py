"""Messages to the clerk: errors in plain Vietnamese, confirmations, and the last-resort hook.

Confirmations go through :func:`confirm`, a small function tests patch.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tracker.errors import TrackerError
from tracker.store import integrity
from tracker.store.dbfile import damaged_error
from tracker.store.proxy import database

log = logging.getLogger("giaoban")


def _box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str = ""
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setAccessibleName(title)
    if detail:
        box.setInformativeText(detail)
    return box


def show_error(parent: QWidget | None, error: BaseException | str, title: str = "") -> None:
    """Show a user error (a TrackerError or a plain text) in a message box."""
    text = error.message if isinstance(error, TrackerError) else str(error)
    box = _box(
        parent,
        QMessageBox.Icon.Warning,
        title or QCoreApplication.translate("messages", "Chưa thực hiện được"),
        text,
    )
    box.addButton(QCoreApplication.translate("messages", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, text: str, title: str = "") -> None:
    box = _box(
        parent,
        QMessageBox.Icon.Information,
        title or QCoreApplication.translate("messages", "Giao ban"),
        text,
    )
    box.addButton(QCoreApplication.translate("messages", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, yes: str, detail: str = "") -> bool:
    """Ask a yes/no question whose safe answer is the default; returns True for ``yes``."""
    box = _box(parent, QMessageBox.Icon.Question, title, text, detail)
    ok = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(
        QCoreApplication.translate("messages", "Không"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def choose(parent: QWidget | None, title: str, text: str, choices: list[str]) -> int:
    """Offer labelled choices; returns the index chosen (the last one on Escape)."""
    box = _box(parent, QMessageBox.Icon.Warning, title, text)
    buttons = [box.addButton(c, QMessageBox.ButtonRole.ActionRole) for c in choices]
    box.setEscapeButton(buttons[-1])
    box.setDefaultButton(buttons[0])
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else len(choices) - 1


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Log the traceback and tell the clerk in plain words; never a traceback dialog."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    if isinstance(value, TrackerError):
        text = value.message
    elif damage := _damage(value):
        # a view reading a damaged page asks again for every cell: say it once
        show_damage_once(QApplication.activeWindow(), damage)
        return
    else:
        log.error(
            "Lỗi không lường trước:\n%s", "".join(traceback.format_exception(kind, value, tb))
        )
        text = QCoreApplication.translate(
            "messages",
            "Chương trình gặp một lỗi không lường trước. Dữ liệu đã lưu không bị ảnh hưởng; "
            "thao tác vừa rồi có thể chưa được thực hiện. Hãy thử lại, và nếu lỗi lặp lại, "
            "báo cho người phụ trách kỹ thuật.",
        )
    if QApplication.instance() is not None:
        show_error(QApplication.activeWindow(), text)
    else:
        print(text, file=sys.stderr)


_DAMAGE_SHOWN: list[bool] = []


def show_damage_once(parent: QWidget | None, error: BaseException | str) -> None:
    """Tell the clerk the data file is damaged, once (until ``forget_damage``)."""
    if _DAMAGE_SHOWN:
        return
    _DAMAGE_SHOWN.append(True)
    show_error(parent, error)


def forget_damage() -> None:
    """The damaged file was replaced: a new damage would be told again."""
    _DAMAGE_SHOWN.clear()


def _damage(error: BaseException) -> str:
    """The damaged-file message when a read met a damaged page of the open file (which
    is then remembered as damaged: writes refused), else ""."""
    path = getattr(database.obj, "database", None)
    known = integrity.damage_of(path) is not None
    if not integrity.note_damage(error, path):
        return ""
    if not known:
        log.warning("Tệp dữ liệu bị hỏng: %s", error)
    return damaged_error(path).message


def install_excepthook() -> None:
    sys.excepthook = _excepthook
