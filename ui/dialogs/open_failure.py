"""When the data file cannot be opened: say why, that the file was not changed, and offer
to open another file, restore a backup, or quit.

Contract for start-up (``ui.app.open_interactively``)::

    ask(parent, error) -> Next             what the clerk chose
    restore(parent, db_path) -> bool       choose and restore a backup over db_path
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from tracker.errors import DatabaseOpenError
from ui import messages


class Next(Enum):
    OPEN_OTHER = 0
    RESTORE = 1
    QUIT = 2


def ask(parent: QWidget | None, error: DatabaseOpenError) -> Next:
    """The message with its three ways on; Escape quits."""
    question = QCoreApplication.translate(
        "open_failure", "Tệp này không bị thay đổi. Bạn muốn làm gì?"
    )
    choice = messages.choose(
        parent,
        QCoreApplication.translate("open_failure", "Không mở được tệp dữ liệu"),
        error.message + "\n\n" + question,
        [
            QCoreApplication.translate("open_failure", "&Mở tệp khác…"),
            QCoreApplication.translate("open_failure", "&Khôi phục bản sao lưu…"),
            QCoreApplication.translate("open_failure", "&Thoát"),
        ],
    )
    return Next(choice)


def restore(parent: QWidget | None, db_path: str) -> bool:
    """Choose a backup of ``db_path`` (from the backups folder beside it, or any file)
    and restore it; the file that failed is kept in the backups folder first."""
    from ui.dialogs.backup import restore_interactively  # only when the clerk asks to restore

    return restore_interactively(parent, db_path)
