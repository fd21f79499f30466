"""Attached files, in two places: the details panel lists the selected directive's (an
organization's report) with its meeting's (the conclusion notice); the meeting's own
panel (``meeting_only``, ui.views.meeting_attachments) lists the meeting's alone, so a
meeting without directives gets its notice too. Files are added with the button or
dropped from the file manager, opened with the system viewer from a temporary copy,
and removed; adding and removing are undoable steps of the window (its Operations).

Listing reads names and sizes only (``tracker.attachments``); the bytes are read when
a file is opened.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker import attachments
from tracker.attachments import AttachmentRow
from tracker.dates import format_date
from tracker.errors import TrackerError
from tracker.rows import DirectiveRow
from ui import messages

if TYPE_CHECKING:
    from ui.main_window.operations import Operations

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_copies: list[Path] = []  # temporary folders of opened copies, removed when the program ends


def _remove_copies() -> None:
    for folder in _copies:
        shutil.rmtree(folder, ignore_errors=True)


atexit.register(_remove_copies)


class AttachmentsSection(QWidget):
    """The attachments of one directive and of its meeting, or (``meeting_only``) of
    one meeting alone."""

    def __init__(self, parent: QWidget | None = None, *, meeting_only: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentsSection")
        self.setAccessibleName(self.tr("Tệp đính kèm"))
        self.setAcceptDrops(True)
        self.meeting_only = meeting_only
        self._row: DirectiveRow | None = None  # the directive shown (never when meeting_only)
        self._meeting_id: int | None = None  # its meeting, or the meeting shown
        self._ops: Operations | None = None
        # How an opened copy is shown (the system viewer); a test replaces it.
        self.opener: Callable[[QUrl], object] = QDesktopServices.openUrl

        self.files = QTreeWidget(self)
        self.files.setRootIsDecorated(False)
        self.files.setUniformRowHeights(True)
        self.files.setHeaderLabels([self.tr("Tệp"), self.tr("Cỡ"), self.tr("Thuộc")])
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files.setMinimumHeight(self.files.fontMetrics().lineSpacing() * 3 + 6)
        header = self.files.header()
        header.setStretchLastSection(False)
        header.resizeSection(0, 150)
        header.resizeSection(1, max(60, header.sectionSizeHint(1)))

        self.add = QToolButton(self)
        if meeting_only:
            self.files.setAccessibleName(self.tr("Tệp đính kèm của cuộc giao ban"))
            self.files.setToolTip(self.tr("Kéo thả tệp vào đây để đính kèm vào cuộc giao ban"))
            self.files.setColumnHidden(2, True)  # every file here is the meeting's
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
            self.add.setText(self.tr("Thêm tệp…"))
            self.add.setAccessibleName(self.tr("Đính kèm tệp vào cuộc giao ban"))
        else:
            self.files.setAccessibleName(self.tr("Tệp đính kèm của nội dung và của cuộc giao ban"))
            self.files.setToolTip(self.tr("Kéo thả tệp vào đây để đính kèm vào nội dung này"))
            self.add.setText(self.tr("Thêm…"))
            self.add.setAccessibleName(self.tr("Đính kèm tệp vào nội dung này"))
            self.add.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
            menu = QMenu(self.add)
            self.add_to_directive = menu.addAction(
                self.tr("Vào nội dung này (báo cáo của tổ chức)…")
            )
            self.add_to_meeting = menu.addAction(self.tr("Vào cuộc giao ban (thông báo kết luận)…"))
            self.add.setMenu(menu)
            self.add_to_directive.triggered.connect(lambda: self.choose_files(meeting=False))
            self.add_to_meeting.triggered.connect(lambda: self.choose_files(meeting=True))
        # Tool buttons: narrower than push buttons, so the panel's third part still
        # fits a 1366×768 screen at 150 %.
        self.open = QToolButton(self)
        self.open.setText(self.tr("Mở"))
        self.open.setAccessibleName(self.tr("Mở tệp đính kèm đang chọn"))
        self.remove = QToolButton(self)
        self.remove.setText(self.tr("Gỡ"))
        self.remove.setAccessibleName(self.tr("Gỡ tệp đính kèm đang chọn"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.files, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addStretch(1)
        buttons.addWidget(self.open)
        buttons.addWidget(self.remove)
        layout.addLayout(buttons)

        self.add.clicked.connect(lambda: self.choose_files(meeting=meeting_only))
        self.open.clicked.connect(self.open_current)
        self.remove.clicked.connect(self.remove_current)
        self.files.itemActivated.connect(lambda _item, _col: self.open_current())
        self.files.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.show_directive(None)

    def bind(self, ops: Operations) -> None:
        """The window's operations, through which files are added and removed (undoable)."""
        self._ops = ops

    # --- showing ------------------------------------------------------------------------------

    def show_directive(self, row: DirectiveRow | None) -> None:
        """List the files of ``row`` and of its meeting (the details panel's section)."""
        self._row = row
        self._meeting_id = row.meeting_id if row is not None else None
        self._fill()

    def show_meeting(self, meeting_id: int | None) -> None:
        """List the files of the meeting itself (the meeting's own panel)."""
        self._row = None
        self._meeting_id = meeting_id
        self._fill()

    @property
    def meeting_id(self) -> int | None:
        return self._meeting_id

    def _shown(self) -> bool:
        """Whether there is an owner to list and attach to."""
        return self._meeting_id is not None if self.meeting_only else self._row is not None

    def _listing(self) -> list[AttachmentRow]:
        try:
            if self._row is not None:
                return attachments.for_directive(self._row.id) + attachments.for_meeting(
                    self._row.meeting_id
                )
            if self.meeting_only and self._meeting_id is not None:
                return attachments.for_meeting(self._meeting_id)
        except TrackerError:
            pass
        return []

    def _fill(self) -> None:
        keep = self.current()
        self.files.clear()
        self.add.setEnabled(self._shown())
        self.files.setEnabled(self._shown())
        if self._shown():
            for a in self._listing():
                owner = self.tr("Nội dung") if a.directive_id is not None else self.tr("Giao ban")
                item = QTreeWidgetItem([a.file_name, attachments.size_text(a.size), owner])
                item.setData(0, ROW_ROLE, a)
                item.setToolTip(
                    0,
                    self.tr("{name} — {type}, đính kèm ngày {day}").format(
                        name=a.file_name, type=a.media_type, day=format_date(a.attached_on)
                    ),
                )
                self.files.addTopLevelItem(item)
                if keep is not None and a.id == keep.id:
                    self.files.setCurrentItem(item)
        self._update_buttons()

    def title(self) -> str:
        """The tab's title, with how many files are listed."""
        count = self.files.topLevelItemCount()
        if not count:
            return self.tr("Tệp đính &kèm")
        return self.tr("Tệp đính &kèm ({n})").format(n=count)

    def current(self) -> AttachmentRow | None:
        item = self.files.currentItem()
        value = item.data(0, ROW_ROLE) if item is not None else None
        return value if isinstance(value, AttachmentRow) else None

    def listed(self) -> list[AttachmentRow]:
        items = (self.files.topLevelItem(i) for i in range(self.files.topLevelItemCount()))
        return [i.data(0, ROW_ROLE) for i in items if i is not None]

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        self.open.setEnabled(chosen)
        self.remove.setEnabled(chosen)

    # --- adding -------------------------------------------------------------------------------

    def choose_files(self, *, meeting: bool = False) -> None:
        if not self._shown():
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Chọn tệp đính kèm (tối đa 25 MB mỗi tệp)"),
        )
        if paths:
            self.add_files([Path(p) for p in paths], meeting=meeting)

    def add_files(self, paths: Sequence[Path], *, meeting: bool = False) -> bool:
        """Attach ``paths`` to the shown directive (or to its meeting; always to the
        meeting when ``meeting_only``) as one undoable step; a file refused (a folder,
        over 25 MB) is named and nothing is attached."""
        row, ops = self._row, self._ops
        if not self._shown() or ops is None or not paths:
            return False
        try:
            if meeting or row is None:
                ops.attach_files(paths, meeting_id=self._meeting_id)
            else:
                ops.attach_files(paths, directive_id=row.id)
        except TrackerError as exc:
            messages.show_error(self, exc)
            return False
        return True

    @staticmethod
    def _local_paths(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
        data = event.mimeData()
        if not data.hasUrls():
            return []
        urls = data.urls()
        if not all(u.isLocalFile() for u in urls):
            return []
        return [Path(u.toLocalFile()) for u in urls]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if self._shown() and self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt's name)
        if self._shown() and self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        paths = self._local_paths(event)
        if not self._shown() or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(paths)

    # --- opening and removing -----------------------------------------------------------------

    def open_current(self) -> Path | None:
        """Open the chosen file with the system viewer from a temporary, read-only copy;
        the copy's path (None when refused)."""
        row = self.current()
        if row is None:
            return None
        try:
            if attachments.runs_as_program(row.file_name):
                raise TrackerError(
                    self.tr(
                        'Không mở "{name}": đây là tệp chạy được như một chương trình, mở ra '
                        "có thể gây hại cho máy."
                    ).format(name=row.file_name)
                )
            data = attachments.content(row.id)
            folder = Path(tempfile.mkdtemp(prefix="giaoban-"))
            _copies.append(folder)
            path = folder / row.file_name
            path.write_bytes(data)
            path.chmod(0o400)
        except (TrackerError, OSError) as exc:
            messages.show_error(
                self,
                exc
                if isinstance(exc, TrackerError)
                else TrackerError(
                    self.tr("Không tạo được bản sao tạm để mở tệp: {why}").format(why=exc)
                ),
            )
            return None
        self.opener(QUrl.fromLocalFile(str(path)))
        return path

    def remove_current(self) -> bool:
        row, ops = self.current(), self._ops
        if row is None or ops is None:
            return False
        try:
            ops.detach(row)
        except TrackerError as exc:
            messages.show_error(self, exc)
            return False
        return True
