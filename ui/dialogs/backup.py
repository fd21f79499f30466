"""File ▸ Sao lưu ngay and File ▸ Khôi phục…: back up now, and choose a backup to restore.

Contract for the main window and start-up::

    back_up_now(parent) -> Path | None          the open database, to the backups folder
    restore_interactively(parent, db_path) -> bool
        choose a backup (RestoreDialog), confirm, restore it over ``db_path``
        (the current file is backed up first), reopen it; True when restored.
        The caller reloads every view and clears the undo stack: the records
        the undo steps refer to have been replaced.
    RestoreDialog.ask(parent, db_path) -> Path | None
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.errors import TrackerError
from tracker.store import backup
from tracker.store.db import open_db
from tracker.store.dbfile import sqlite_path
from ui import messages
from ui.i18n import QT_TRANSLATE_NOOP
from ui.screen_fit import fit_to_screen, keep_on_screen
from ui.widgets.keyboard_safety import KeyboardSafety

PATH_ROLE = Qt.ItemDataRole.UserRole
KIND_TEXT = {
    "daily": QT_TRANSLATE_NOOP("backup_dialog", "Tự động hằng ngày"),
    "manual": QT_TRANSLATE_NOOP("backup_dialog", "Sao lưu ngay"),
    "before-restore": QT_TRANSLATE_NOOP("backup_dialog", "Trước khi khôi phục"),
    "before-schema": QT_TRANSLATE_NOOP("backup_dialog", "Trước khi nâng cấp dữ liệu"),
}


def kind_text(kind: str) -> str:
    """What a backup's kind means to the clerk ("before-schema-2" → before an upgrade)."""
    key = "before-schema" if kind.startswith("before-schema-") else kind
    source = KIND_TEXT.get(key)
    return QCoreApplication.translate("backup_dialog", source) if source else kind


def format_size(size: int) -> str:
    """Bytes in the clerk's terms, with a decimal comma: "1,2 MB", "640 KB"."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"


class RestoreDialog(QDialog):
    """The backups of the data file, newest first, with when, what kind and how big;
    or any other file chosen with "Chọn tệp khác…"."""

    def __init__(self, parent: QWidget | None = None, *, db_path: str | Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Khôi phục từ bản sao lưu"))
        self._chosen: Path | None = None
        self._db_path = Path(db_path)

        intro = QLabel(
            self.tr(
                "Chọn bản sao lưu cần khôi phục. Dữ liệu hiện tại sẽ được sao lưu trước khi "
                "bị thay thế, nên vẫn có thể lấy lại."
            )
        )
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Các bản sao lưu"))
        self.list.setHeaderLabels([self.tr("Thời điểm"), self.tr("Loại"), self.tr("Dung lượng")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel(
            self.tr("Chưa có bản sao lưu nào trong thư mục {folder}.").format(
                folder=backup.backup_dir(self._db_path)
            )
        )
        self.empty_label.setWordWrap(True)
        self._fill()

        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(
            self.tr("&Khôi phục"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.other_button = QPushButton(self.tr("Chọn &tệp khác…"))
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.other_button.clicked.connect(self._on_other_button_clicked)
        KeyboardSafety.install(self)  # Enter restores only from the focused button
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _item, _col: self.accept())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 620, 420)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self._update_buttons()
        self.list.setFocus()

    def _fill(self) -> None:
        for info in backup.list_backups(self._db_path):
            item = QTreeWidgetItem(
                [
                    info.taken_at.strftime("%d/%m/%Y %H:%M:%S"),
                    kind_text(info.kind),
                    format_size(info.size),
                ]
            )
            item.setData(0, PATH_ROLE, str(info.path))
            item.setToolTip(0, str(info.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        self.empty_label.setVisible(self.list.topLevelItemCount() == 0)

    def chosen(self) -> Path | None:
        """The backup chosen (after the dialog was accepted)."""
        return self._chosen

    def _selected(self) -> Path | None:
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        return Path(item.data(0, PATH_ROLE))

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self._selected() is not None)

    def _on_other_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn tệp sao lưu"),
            str(backup.backup_dir(self._db_path)),
            self.tr("Dữ liệu Giao ban (*.sqlite3 *.db *.sqlite);;Mọi tệp (*)"),
        )
        if path:
            self._chosen = Path(path)
            super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, db_path: str | Path) -> Path | None:
        """Show the dialog; the backup chosen, or None."""
        dialog = cls(parent, db_path=db_path)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()

    # --- Qt overrides -------------------------------------------------------

    def accept(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        self._chosen = chosen
        super().accept()

    def showEvent(self, event: QShowEvent) -> None:
        keep_on_screen(self)
        super().showEvent(event)


def back_up_now(parent: QWidget | None) -> Path | None:
    """Copy the open database into the backups folder and say where; None on failure."""
    try:
        path = backup.backup_now()
    except TrackerError as exc:
        messages.show_error(parent, exc)
        return None
    messages.show_info(
        parent,
        QCoreApplication.translate("backup_dialog", "Đã sao lưu dữ liệu vào {path}.").format(
            path=path
        ),
        QCoreApplication.translate("backup_dialog", "Sao lưu"),
    )
    return path


def restore_interactively(parent: QWidget | None, db_path: str) -> bool:
    """Choose a backup, confirm, restore it over ``db_path`` and reopen; True when done."""
    chosen = RestoreDialog.ask(parent, sqlite_path(db_path) or db_path)
    if chosen is None:
        return False
    if not messages.confirm(
        parent,
        QCoreApplication.translate("backup_dialog", "Khôi phục dữ liệu"),
        QCoreApplication.translate(
            "backup_dialog", "Thay dữ liệu hiện tại bằng bản sao lưu {name}?"
        ).format(name=chosen.name),
        QCoreApplication.translate("backup_dialog", "&Khôi phục"),
        QCoreApplication.translate(
            "backup_dialog", "Dữ liệu hiện tại được sao lưu trước, nên vẫn có thể lấy lại."
        ),
    ):
        return False
    try:
        saved = backup.restore_from(chosen, db_path)
        open_db(db_path, create=False)  # an older backup is migrated here
    except TrackerError as exc:
        messages.show_error(parent, exc)
        return False
    if saved is None:
        text = QCoreApplication.translate(
            "backup_dialog", "Đã khôi phục dữ liệu từ {name}."
        ).format(name=chosen.name)
    else:
        text = QCoreApplication.translate(
            "backup_dialog",
            "Đã khôi phục dữ liệu từ {name}. Dữ liệu trước khi khôi phục được lưu ở {path}.",
        ).format(name=chosen.name, path=saved)
    messages.show_info(
        parent, text, QCoreApplication.translate("backup_dialog", "Khôi phục dữ liệu")
    )
    return True
