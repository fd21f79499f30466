"""Details of the selected directive: its owners' progress, its history, a note, an
extension, and the files attached to it and to its meeting."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker import queries
from tracker.changes import Changes
from tracker.dates import format_date
from tracker.errors import NotFoundError
from tracker.rows import DirectiveRow, HistoryKind, Role, Status
from ui import assets
from ui.models.directive_table import deadline_text, status_icon_name, status_text
from ui.models.store_bus import Follower, StoreBus
from ui.views.attachments_section import AttachmentsSection
from ui.widgets.text_box import TextBox

ORG_ROLE = Qt.ItemDataRole.UserRole + 1


class DetailsPanel(QWidget):
    """What the clerk needs to follow one directive up.

    Signals:
        owner_done_requested(int, int): directive id, organization id to mark done.
        owner_reopen_requested(int, int): directive id, organization id to reopen.
        note_submitted(int, str): directive id, progress note text.
        extend_requested(int): directive id whose deadline to extend.
    """

    owner_done_requested = Signal(int, int)
    owner_reopen_requested = Signal(int, int)
    note_submitted = Signal(int, str)
    extend_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPanel")
        self.setAccessibleName(self.tr("Chi tiết nội dung chỉ đạo"))
        self._row: DirectiveRow | None = None
        self._as_of: date | None = None  # the day statuses are seen as of (None: today)
        # Each widget is made in the parent it stays in (moving built widgets into
        # the splitter's halves made Qt resolve their style again).
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("detailsSplitter")
        left = QWidget(self.splitter)
        right = QWidget(self.splitter)
        # The history and the attached files share the right half as two tabs (a third
        # part of the splitter would not fit a 1366×768 screen at 150 %).
        self.pages = QTabWidget(right)
        self.pages.setObjectName("detailsPages")
        history_page = QWidget(self.pages)

        # The directive's whole text, wrapped, selectable (to copy into a report or a
        # message), scrolling past five lines rather than being cut off on a small screen.
        self.title = TextBox(left, max_lines=5, min_lines=2)
        self.title.setObjectName("detailsTitle")
        self.title.setAccessibleName(self.tr("Nội dung chỉ đạo đầy đủ"))
        self.summary = QLabel(left)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Thời hạn và trạng thái"))

        self.owners = QTreeWidget(left)
        self.owners.setAccessibleName(self.tr("Các cơ quan chủ trì, phối hợp và tiến độ"))
        self.owners.setRootIsDecorated(False)
        self.owners.setUniformRowHeights(True)
        self.owners.setHeaderLabels(
            [
                self.tr("Tổ chức"),
                self.tr("Vai trò"),
                self.tr("Trạng thái"),
                self.tr("Ngày hoàn thành"),
                self.tr("Kết quả"),
            ]
        )
        self.owners.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.owners.header()
        header.setStretchLastSection(True)
        for col, width in ((0, 95), (1, 70), (2, 130), (3, 138)):
            # Never narrower than the heading, whichever language it is in.
            header.resizeSection(col, max(width, header.sectionSizeHint(col)))
        # Three lines' worth at least, not Qt's 70 px: the window fits 1366×768 at 150 %.
        self.owners.setMinimumHeight(self.owners.fontMetrics().lineSpacing() * 3 + 6)
        self.owner_done = QPushButton(
            assets.icon("mark-done"), self.tr("Tổ chức này đã &xong"), left
        )
        self.owner_done.setAccessibleName(self.tr("Đánh dấu tổ chức đang chọn đã hoàn thành"))
        self.owner_reopen = QPushButton(self.tr("Tổ chức này &chưa xong"), left)
        self.owner_reopen.setAccessibleName(self.tr("Mở lại phần việc của tổ chức đang chọn"))
        self.extend = QPushButton(assets.icon("extend"), self.tr("&Gia hạn…"), left)
        self.extend.setAccessibleName(self.tr("Gia hạn thời hạn của nội dung này"))

        self.history = QTreeWidget(history_page)
        self.history.setAccessibleName(self.tr("Lịch sử theo dõi"))
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels(
            [self.tr("Ngày"), self.tr("Tổ chức"), self.tr("Người ghi"), self.tr("Diễn biến")]
        )
        self.history.setWordWrap(True)
        hh = self.history.header()
        hh.setStretchLastSection(True)
        hh.resizeSection(0, max(88, hh.sectionSizeHint(0)))
        hh.resizeSection(1, max(78, hh.sectionSizeHint(1)))
        hh.resizeSection(2, max(78, hh.sectionSizeHint(2)))
        self.history.setUniformRowHeights(False)
        self.history.setMinimumHeight(self.history.fontMetrics().lineSpacing() * 3 + 6)
        self.note = QLineEdit(history_page)
        self.note.setAccessibleName(self.tr("Ghi chú tiến độ mới"))
        self.note.setPlaceholderText(self.tr("Ghi chú tiến độ mới, Enter để lưu…"))
        self.add_note = QPushButton(assets.icon("note"), self.tr("Thêm &ghi chú"), history_page)
        self.add_note.setAccessibleName(self.tr("Thêm ghi chú tiến độ"))
        self.add_note.setText(self.tr("Thêm ghi chú"))

        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.title)
        lv.addWidget(self.summary)
        lv.addWidget(self.owners, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.owner_done)
        buttons.addWidget(self.owner_reopen)
        buttons.addStretch(1)
        buttons.addWidget(self.extend)
        lv.addLayout(buttons)

        hv = QVBoxLayout(history_page)
        hv.setContentsMargins(4, 4, 4, 4)
        hv.addWidget(self.history, 1)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.add_note)
        hv.addLayout(note_row)
        self.attachments = AttachmentsSection(self.pages)
        self.pages.addTab(history_page, self.tr("&Lịch sử theo dõi"))
        self.pages.addTab(self.attachments, self.attachments.title())
        rv = QVBoxLayout(right)
        rv.setContentsMargins(10, 0, 0, 0)
        rv.addWidget(self.pages)

        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.splitter)

        self.owners.currentItemChanged.connect(self._update_buttons)
        self.owner_done.clicked.connect(self._on_owner_done_clicked)
        self.owner_reopen.clicked.connect(self._on_owner_reopen_clicked)
        self.extend.clicked.connect(self._on_extend_clicked)
        self.add_note.clicked.connect(self._on_add_note_clicked)
        self.note.returnPressed.connect(self._on_add_note_clicked)
        QWidget.setTabOrder(self.owners, self.owner_done)
        QWidget.setTabOrder(self.owner_done, self.owner_reopen)
        QWidget.setTabOrder(self.owner_reopen, self.extend)
        QWidget.setTabOrder(self.extend, self.history)
        QWidget.setTabOrder(self.history, self.note)
        QWidget.setTabOrder(self.note, self.add_note)
        self.show_directive(None)

    @property
    def directive(self) -> DirectiveRow | None:
        return self._row

    def follow(self, bus: StoreBus, *, as_of: date | None = None) -> Follower:
        """Show the shown directive afresh after each change that may touch it (deferred
        while the panel is hidden); one deleted meanwhile leaves the hint."""
        self._as_of = as_of
        return Follower(bus, self.refresh, self)

    def refresh(self, changes: Changes) -> None:
        row = self._row
        if row is None:
            return
        if not (
            row.id in changes.directive_ids
            or row.meeting_id in changes.meeting_ids
            or changes.organization_ids
        ):
            return
        try:
            fresh: DirectiveRow | None = queries.directive(row.id, as_of=self._as_of)
        except NotFoundError:
            fresh = None
        self.show_directive(fresh)

    def show_directive(self, row: DirectiveRow | None) -> None:
        """Show ``row`` (None: a hint to select one), with its history read afresh."""
        keep_org = self._current_org()
        self._row = row
        self.attachments.show_directive(row)
        self.pages.setTabText(1, self.attachments.title())
        self.owners.clear()
        self.history.clear()
        enabled = row is not None
        for w in (self.owners, self.history, self.note, self.add_note, self.extend):
            w.setEnabled(enabled)
        if row is None:
            self.title.setText(self.tr("Chọn một nội dung để xem chi tiết và lịch sử theo dõi."))
            self.summary.clear()
            self._update_buttons()
            return
        self.title.setText(self.tr("{n}. {content}").format(n=row.position, content=row.content))
        self.summary.setText(
            self.tr("Giao ban {day} · Thời hạn: {due} · Trạng thái: {status}").format(
                day=format_date(row.meeting_held_on),
                due=deadline_text(row),
                status=status_text(row.status, row.overdue),
            )
        )
        self.extend.setEnabled(
            row.due is not None and row.status not in (Status.DONE, Status.CANCELLED)
        )
        for owner in row.owners:
            lead = owner.role is Role.LEAD
            item = QTreeWidgetItem(
                [
                    owner.short_name,
                    self.tr("Chủ trì") if lead else self.tr("Phối hợp"),
                    status_text(owner.status) if lead else "",
                    format_date(owner.done_on) if owner.done_on else "",
                    owner.result_note,
                ]
            )
            item.setToolTip(0, owner.name)
            item.setData(0, ORG_ROLE, owner.organization_id if lead else None)
            if lead:
                overdue = row.overdue and owner.status in (Status.OPEN, Status.IN_PROGRESS)
                item.setIcon(2, assets.icon(status_icon_name(owner.status, overdue)))
            self.owners.addTopLevelItem(item)
            if owner.organization_id == keep_org and lead:
                self.owners.setCurrentItem(item)
        first = self.owners.topLevelItem(0)
        if self.owners.currentItem() is None and first is not None:
            self.owners.setCurrentItem(first)
        try:
            entries = queries.history(row.id)
        except NotFoundError:
            entries = []
        for h in entries:
            item = QTreeWidgetItem(
                [format_date(h.happened_on), h.organization_short_name or "", h.who or "", h.text]
            )
            item.setToolTip(3, h.text)
            if h.kind is HistoryKind.NOTE:
                item.setIcon(3, assets.icon("note"))
            self.history.addTopLevelItem(item)
        last = self.history.topLevelItem(self.history.topLevelItemCount() - 1)
        if last is not None:
            self.history.scrollToItem(last)
        self._update_buttons()

    def clear_note(self) -> None:
        self.note.clear()

    def _current_org(self) -> int | None:
        item = self.owners.currentItem()
        return item.data(0, ORG_ROLE) if item is not None else None

    def _update_buttons(self, *_args: object) -> None:
        org = self._current_org()
        status = None
        if self._row is not None and org is not None:
            status = next((o.status for o in self._row.owners if o.organization_id == org), None)
        can_finish = status in (Status.OPEN, Status.IN_PROGRESS)
        can_reopen = status in (Status.DONE, Status.CANCELLED)
        # A focused button that is switched off would pass the focus down the tab
        # chain to "Gia hạn…", where the next space the clerk types opens it: the
        # focus goes to the other button of the pair, or back to the list.
        if (self.owner_done.hasFocus() and not can_finish) or (
            self.owner_reopen.hasFocus() and not can_reopen
        ):
            other = self.owner_reopen if can_reopen else self.owner_done if can_finish else None
            self.owner_reopen.setEnabled(can_reopen)
            self.owner_done.setEnabled(can_finish)
            (other or self.owners).setFocus(Qt.FocusReason.OtherFocusReason)
        self.owner_done.setEnabled(can_finish)
        self.owner_reopen.setEnabled(can_reopen)

    def _on_owner_done_clicked(self) -> None:
        org = self._current_org()
        if self._row is not None and org is not None:
            self.owner_done_requested.emit(self._row.id, org)

    def _on_owner_reopen_clicked(self) -> None:
        org = self._current_org()
        if self._row is not None and org is not None:
            self.owner_reopen_requested.emit(self._row.id, org)

    def _on_extend_clicked(self) -> None:
        if self._row is not None:
            self.extend_requested.emit(self._row.id)

    def _on_add_note_clicked(self) -> None:
        if self._row is not None:
            self.note_submitted.emit(self._row.id, self.note.text())
