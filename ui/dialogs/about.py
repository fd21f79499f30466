"""AboutDialog (Trợ giúp ▸ Giới thiệu): the version, the data file in use and its backup folder.

What a clerk reads out when asking for help: which version is installed, and
where the data and its backups are on this computer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tracker import __version__
from tracker.store.backup import backup_dir
from tracker.store.dbfile import sqlite_path
from ui import assets


class AboutDialog(QDialog):
    """Read-only facts about this installation and the open database."""

    def __init__(
        self, parent: QWidget | None = None, *, data_file: str, backup_folder: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Giới thiệu"))
        icon = QLabel()
        icon.setPixmap(assets.icon("app").pixmap(48, 48))
        title = QLabel(self.tr("<b>Giao ban</b> {version}").format(version=__version__))
        title.setTextFormat(Qt.TextFormat.RichText)
        blurb = QLabel(
            self.tr(
                "Ghi các cuộc giao ban, các nội dung chỉ đạo và theo dõi, đôn đốc thực hiện. "
                "Dữ liệu nằm trong một tệp trên máy này."
            )
        )
        blurb.setWordWrap(True)

        self.version_label = self._value(__version__)
        self.data_file_label = self._value(data_file)
        self.backup_folder_label = self._value(backup_folder)
        facts = QFormLayout()
        facts.addRow(self.tr("Phiên bản:"), self.version_label)
        facts.addRow(self.tr("Tệp dữ liệu:"), self.data_file_label)
        facts.addRow(self.tr("Thư mục sao lưu:"), self.backup_folder_label)

        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addLayout(facts)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    @staticmethod
    def _value(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    @classmethod
    def ask(cls, parent: QWidget | None, *, data_file: str | Path) -> None:
        """Show the dialog for the database file ``data_file`` (a path or a URL)."""
        path = sqlite_path(str(data_file))
        if path and path != ":memory:":
            shown, folder = str(Path(path).resolve()), str(backup_dir(path))
        else:
            shown, folder = str(data_file), "—"
        cls(parent, data_file=shown, backup_folder=folder).exec()
