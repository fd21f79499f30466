"""Cần đôn đốc: overdue directives and those due this quarter, grouped by lead organization."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from tracker import queries
from tracker.changes import Changes
from tracker.dates import format_date
from tracker.rows import DirectiveRow, OrganizationRow
from ui import assets
from ui.directive_table_model import (
    ID_ROLE,
    OVERDUE_COLOUR,
    ROW_ROLE,
    deadline_text,
    overdue_tooltip,
    status_icon_name,
    status_text,
)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the default parent: Qt models take it in most overrides
_TOP = 0  # internalId of an organization row; a directive row stores its group's index + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("chase", text)


class ChaseColumn(IntEnum):
    CONTENT = 0
    MEETING = 1
    DUE = 2
    STATUS = 3
    NOTE = 4


HEADERS = {
    ChaseColumn.CONTENT: "Nội dung",
    ChaseColumn.MEETING: "Giao ban ngày",
    ChaseColumn.DUE: "Thời hạn",
    ChaseColumn.STATUS: "Trạng thái",
    ChaseColumn.NOTE: "Kết quả / ghi chú",
}


class ChaseModel(QAbstractItemModel):
    """Two levels: lead organizations, then their directives to chase, oldest deadline first."""

    def __init__(self, parent: Any = None, *, as_of: date | None = None) -> None:
        super().__init__(parent)
        self._as_of = as_of
        self._groups: list[tuple[OrganizationRow, list[DirectiveRow]]] = []

    @property
    def directive_count(self) -> int:
        """Distinct directives listed (one may appear under several organizations)."""
        return len({d.id for _, rows in self._groups for d in rows})

    @property
    def overdue_count(self) -> int:
        return len({d.id for _, rows in self._groups for d in rows if d.overdue})

    def reload(self) -> None:
        self.beginResetModel()
        self._groups = queries.chase_list(as_of=self._as_of)
        self.endResetModel()

    def refresh(self, changes: Changes) -> None:
        # The list is short (what is due now) and membership depends on every status:
        # read it again whenever directives or organizations changed.
        if changes.directive_ids or changes.organization_ids or changes.meeting_ids:
            self.reload()

    def directive_at(self, index: Index) -> DirectiveRow | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    # --- Qt overrides -------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        if parent.internalId() != _TOP:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(ChaseColumn)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(ChaseColumn)
        ):
            return _tr(HEADERS[ChaseColumn(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = ChaseColumn(index.column())
        if index.internalId() == _TOP:
            return self._org_data(index.row(), col, role)
        d = self._groups[index.internalId() - 1][1][index.row()]
        if role == ROW_ROLE:
            return d
        if role == ID_ROLE:
            return d.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col is ChaseColumn.CONTENT:
                return d.content
            if col is ChaseColumn.MEETING:
                return format_date(d.meeting_held_on)
            if col is ChaseColumn.DUE:
                return deadline_text(d)
            if col is ChaseColumn.STATUS:
                return status_text(d.status, d.overdue)
            return d.latest_note
        if role == Qt.ItemDataRole.DecorationRole and col is ChaseColumn.STATUS:
            return assets.icon(status_icon_name(d.status, d.overdue))
        if role == Qt.ItemDataRole.ForegroundRole and d.overdue:
            return QBrush(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col is ChaseColumn.STATUS and d.overdue:
                return overdue_tooltip(d)
            if col is ChaseColumn.CONTENT:
                return d.content
            if col is ChaseColumn.MEETING:
                return d.meeting_title
        return None

    def _org_data(self, row: int, col: ChaseColumn, role: int) -> Any:
        org, items = self._groups[row]
        if col is not ChaseColumn.CONTENT:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            overdue = sum(1 for d in items if d.overdue)
            counts = _tr("{n} nội dung, {late} quá hạn").format(n=len(items), late=overdue)
            return f"{org.short_name} — {org.name} ({counts})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


class ChaseView(QTreeView):
    """The chase list, every group open.

    Signals:
        directive_selected(int): the directive under the cursor (0 for none).
        directive_activated(int): double-click or Enter on a directive.
    """

    directive_selected = Signal(int)
    directive_activated = Signal(int)

    def __init__(self, model: ChaseModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chaseView")
        self.setAccessibleName(_tr("Danh sách cần đôn đốc"))
        self.setModel(model)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ChaseColumn.CONTENT, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (ChaseColumn.MEETING, 110),
            (ChaseColumn.DUE, 150),
            (ChaseColumn.STATUS, 140),
            (ChaseColumn.NOTE, 240),
        ):
            header.resizeSection(col, width)
        model.modelReset.connect(self._on_model_reset)
        self.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.activated.connect(self._on_activated)

    def selected_ids(self) -> list[int]:
        model = self.model()
        ids = []
        for idx in self.selectionModel().selectedRows():
            did = model.data(idx, ID_ROLE)
            if did is not None:
                ids.append(did)
        return list(dict.fromkeys(ids))

    def current_id(self) -> int | None:
        return self.model().data(self.currentIndex(), ID_ROLE)

    def _on_model_reset(self) -> None:
        model = self.model()
        for row in range(model.rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), True)
        self.expandAll()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.directive_selected.emit(self.model().data(current, ID_ROLE) or 0)

    def _on_activated(self, index: QModelIndex) -> None:
        did = self.model().data(index, ID_ROLE)
        if did:
            self.directive_activated.emit(did)
