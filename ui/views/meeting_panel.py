"""The left pane: the meetings, found by title and year."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from tracker import queries
from tracker.queries import MeetingFilter
from ui.models.meeting_list import MeetingListModel
from ui.models.store_bus import StoreBus

SEARCH_DELAY_MS = 250


class MeetingPanel(QWidget):
    """A search box, a year to choose and the list of meetings (its model follows the
    store by itself); typing filters after a pause."""

    def __init__(self, bus: StoreBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingPanel")
        self.search = QLineEdit(self)
        self.search.setObjectName("meetingSearch")
        self.search.setAccessibleName(self.tr("Tìm cuộc giao ban theo tiêu đề"))
        self.search.setPlaceholderText(self.tr("Tìm giao ban…"))
        self.search.setClearButtonEnabled(True)
        self.year = QComboBox(self)
        self.year.setAccessibleName(self.tr("Lọc giao ban theo năm"))
        self.model = MeetingListModel(self)
        self.model.follow(bus)
        self.list = QListView(self)
        self.list.setObjectName("meetingList")
        self.list.setAccessibleName(self.tr("Danh sách các cuộc giao ban"))
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setWordWrap(False)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        heading = QLabel(self.tr("Các cuộc &giao ban"), self)
        heading.setObjectName("sectionLabel")
        heading.setBuddy(self.list)
        year_label = QLabel(self.tr("&Năm:"), self)
        year_label.setBuddy(self.year)
        top = QFormLayout()
        top.setContentsMargins(0, 0, 0, 0)
        find_label = QLabel(self.tr("Tì&m:"), self)
        find_label.setBuddy(self.search)
        top.addRow(find_label, self.search)
        top.addRow(year_label, self.year)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self._timer.timeout.connect(self._apply_filter)
        self.year.currentIndexChanged.connect(self._apply_filter)

    def filter(self) -> MeetingFilter:
        return MeetingFilter(search=self.search.text(), year=self.year.currentData())

    def fill_years(self) -> None:
        """Offer the years that have a giao ban, keeping the one chosen."""
        keep = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("Mọi năm"), None)
        for y in queries.meeting_years():
            self.year.addItem(str(y), y)
        i = self.year.findData(keep) if keep is not None else 0
        self.year.setCurrentIndex(max(i, 0))
        self.year.blockSignals(False)

    def _apply_filter(self, *_args: object) -> None:
        self._timer.stop()
        self.model.set_filter(self.filter())
