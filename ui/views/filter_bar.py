"""The filters above the all-directives table: quarter, organization, status, topic, text."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from tracker import queries
from tracker.quarters import Quarter
from tracker.queries import DirectiveFilter, StatusFilter
from ui import assets
from ui.i18n import QT_TRANSLATE_NOOP

SEARCH_DELAY_MS = 250

STATUS_CHOICES = (
    (StatusFilter.ALL, QT_TRANSLATE_NOOP("FilterBar", "Tất cả")),
    (StatusFilter.OPEN, QT_TRANSLATE_NOOP("FilterBar", "Chưa hoàn thành")),
    (StatusFilter.OVERDUE, QT_TRANSLATE_NOOP("FilterBar", "Quá hạn")),
    (StatusFilter.IN_PROGRESS, QT_TRANSLATE_NOOP("FilterBar", "Đang thực hiện")),
    (StatusFilter.DONE, QT_TRANSLATE_NOOP("FilterBar", "Hoàn thành")),
    (StatusFilter.CANCELLED, QT_TRANSLATE_NOOP("FilterBar", "Đã hủy")),
)


class FilterBar(QWidget):
    """Choices that make a ``DirectiveFilter``.

    Signals:
        filter_changed(DirectiveFilter): whenever a choice changes (text after a short pause).
    """

    filter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self._quiet = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)

        self.quarter = QComboBox(self)
        self.quarter.setAccessibleName(self.tr("Lọc theo quý"))
        self.quarter.setMinimumContentsLength(12)
        self.carried = QCheckBox(self.tr("Kể cả &chuyển từ quý trước"), self)
        self.carried.setAccessibleName(self.tr("Kể cả nội dung chuyển từ quý trước"))
        self.carried.setToolTip(
            self.tr("Thêm các nội dung hạn ở quý trước nhưng chưa hoàn thành khi quý này bắt đầu")
        )
        self.organization = QComboBox(self)
        self.organization.setAccessibleName(self.tr("Lọc theo tổ chức"))
        self.organization.setMinimumContentsLength(14)
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Lọc theo trạng thái"))
        for value, label in STATUS_CHOICES:
            self.status.addItem(self.tr(label), value)
        self.topic = QComboBox(self)
        self.topic.setAccessibleName(self.tr("Lọc theo chủ đề"))
        self.topic.setMinimumContentsLength(12)
        self.search = QLineEdit(self)
        self.search.setObjectName("directiveSearch")
        self.search.setAccessibleName(self.tr("Tìm trong nội dung chỉ đạo"))
        self.search.setPlaceholderText(self.tr("Tìm nội dung (gõ không dấu cũng được)…"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(assets.icon("search"), QLineEdit.ActionPosition.LeadingPosition)

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 2)
        grid.setHorizontalSpacing(8)
        row = (
            (self.tr("&Quý:"), self.quarter),
            (self.tr("&Tổ chức:"), self.organization),
            (self.tr("Trạn&g thái:"), self.status),
            (self.tr("Chủ &đề:"), self.topic),
        )
        for col, (text, widget) in enumerate(row):
            buddy_label = QLabel(text, self)
            buddy_label.setBuddy(widget)
            grid.addWidget(buddy_label, 0, col * 2)
            grid.addWidget(widget, 0, col * 2 + 1)
        grid.addWidget(self.carried, 1, 1, 1, 3)
        find = QLabel(self.tr("T&ìm:"), self)
        find.setBuddy(self.search)
        grid.addWidget(find, 1, 4)
        grid.addWidget(self.search, 1, 5, 1, 3)
        for col in (1, 3, 5, 7):
            grid.setColumnStretch(col, 1)

        self.reload_choices()
        for combo in (self.quarter, self.organization, self.status, self.topic):
            combo.currentIndexChanged.connect(self._on_choice_changed)
        self.carried.toggled.connect(self._on_choice_changed)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._emit)
        QWidget.setTabOrder(self.quarter, self.carried)
        QWidget.setTabOrder(self.carried, self.organization)
        QWidget.setTabOrder(self.organization, self.status)
        QWidget.setTabOrder(self.status, self.topic)
        QWidget.setTabOrder(self.topic, self.search)

    def reload_choices(self) -> None:
        """Fill the quarter, organization and topic lists from the database, keeping choices."""
        self._quiet = True
        try:
            self._fill_quarters()
            keep = self.organization.currentData()
            self.organization.clear()
            self.organization.addItem(self.tr("Mọi tổ chức"), None)
            for org in queries.list_organizations():
                label = (
                    org.short_name
                    if org.active
                    else self.tr("{name} (ngừng)").format(name=org.short_name)
                )
                self.organization.addItem(label, org.id)
                self.organization.setItemData(self.organization.count() - 1, org.name, 3)
            self._restore(self.organization, keep)
            keep = self.topic.currentData()
            self.topic.clear()
            self.topic.addItem(self.tr("Mọi chủ đề"), None)
            for name in queries.list_topics():
                self.topic.addItem(name, name)
            self._restore(self.topic, keep)
        finally:
            self._quiet = False
        self._update_carried()

    def _fill_quarters(self) -> None:
        keep = self.quarter.currentData()
        self.quarter.clear()
        self.quarter.addItem(self.tr("Mọi quý"), None)
        today = Quarter.of(date.today())
        years = queries.meeting_years() or [today.year]
        first = Quarter(min(min(years), today.year), 1)
        q = Quarter(max(max(years), today.year), 4)
        while q >= first:
            self.quarter.addItem(str(q), q)
            q = q.previous()
        self._restore(self.quarter, keep)

    @staticmethod
    def _restore(combo: QComboBox, value: object) -> None:
        i = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(i, 0))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def flush(self) -> None:
        """Apply a pending text search now."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit()

    def current_filter(self) -> DirectiveFilter:
        quarter = self.quarter.currentData()
        return DirectiveFilter(
            quarter=quarter,
            include_carried=bool(quarter) and self.carried.isChecked(),
            organization_id=self.organization.currentData(),
            status=self.status.currentData() or StatusFilter.ALL,
            search=self.search.text(),
            topic=self.topic.currentData(),
        )

    def _update_carried(self) -> None:
        self.carried.setEnabled(self.quarter.currentData() is not None)

    def _on_choice_changed(self, *_args: object) -> None:
        self._update_carried()
        if not self._quiet:
            self._emit()

    def _on_search_text_changed(self, _text: str) -> None:
        self._timer.start()

    def _emit(self) -> None:
        self._timer.stop()
        self.filter_changed.emit(self.current_filter())
