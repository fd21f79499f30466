"""The report dialog's summary table: per organization, its directives in each
category, and a last row with the totals."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from tracker.rows import CategoryCounts, FollowUpReport
from ui.i18n import QT_TRANSLATE_NOOP


class CountColumn(IntEnum):
    ORGANIZATION = 0
    TOTAL = 1
    DONE_ON_TIME = 2
    DONE_LATE = 3
    OPEN_IN_TIME = 4
    OPEN_OVERDUE = 5
    STANDING = 6
    CANCELLED = 7


_COUNT_HEADERS = {
    CountColumn.ORGANIZATION: QT_TRANSLATE_NOOP("ReportCountsModel", "Cơ quan, đơn vị"),
    CountColumn.TOTAL: QT_TRANSLATE_NOOP("ReportCountsModel", "Tổng số"),
    CountColumn.DONE_ON_TIME: QT_TRANSLATE_NOOP("ReportCountsModel", "Hoàn thành\nđúng hạn"),
    CountColumn.DONE_LATE: QT_TRANSLATE_NOOP("ReportCountsModel", "Hoàn thành\nquá hạn"),
    CountColumn.OPEN_IN_TIME: QT_TRANSLATE_NOOP("ReportCountsModel", "Chưa\nhoàn thành\ntrong hạn"),
    CountColumn.OPEN_OVERDUE: QT_TRANSLATE_NOOP("ReportCountsModel", "Chưa\nhoàn thành\nquá hạn"),
    CountColumn.STANDING: QT_TRANSLATE_NOOP("ReportCountsModel", "Thường\nxuyên"),
    CountColumn.CANCELLED: QT_TRANSLATE_NOOP("ReportCountsModel", "Đã hủy"),
}
_COUNT_FIELDS = {
    CountColumn.TOTAL: "total",
    CountColumn.DONE_ON_TIME: "done_on_time",
    CountColumn.DONE_LATE: "done_late",
    CountColumn.OPEN_IN_TIME: "open_in_time",
    CountColumn.OPEN_OVERDUE: "open_overdue",
    CountColumn.STANDING: "standing",
    CountColumn.CANCELLED: "cancelled",
}


class ReportCountsModel(QAbstractTableModel):
    """Per organization, its directives in each category; a last row with the totals.

    The totals count each directive once, so they are less than the column
    sums when a directive has several responsible organizations.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[tuple[str, CategoryCounts], ...] = ()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_report(self, report: FollowUpReport | None) -> None:
        """Show ``report``'s counts (nothing for None or an empty report)."""
        self.beginResetModel()
        if report is None or not report.per_org_counts:
            self._rows = ()
        else:
            total = QCoreApplication.translate("ReportCountsModel", "Cộng (theo nội dung chỉ đạo)")
            self._rows = (*report.per_org_counts, (total, report.totals))
        self.endResetModel()

    def counts(self, row: int) -> tuple[str, CategoryCounts]:
        """The organization's name and counts shown on ``row``."""
        return self._rows[row]

    def _is_total(self, row: int) -> bool:
        return row == len(self._rows) - 1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CountColumn)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name, counts = self._rows[index.row()]
        column = CountColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column is CountColumn.ORGANIZATION:
                return name
            return getattr(counts, _COUNT_FIELDS[column])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column is CountColumn.ORGANIZATION:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and self._is_total(index.row()):
            return self._bold
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(CountColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(
                "ReportCountsModel", _COUNT_HEADERS[CountColumn(section)]
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            text = QCoreApplication.translate(
                "ReportCountsModel", _COUNT_HEADERS[CountColumn(section)]
            )
            return text.replace("\n", " ")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
