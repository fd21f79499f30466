"""The table view over a DirectiveTableModel: widths, sorting guard, selection signals."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.directive_table_model import ID_ROLE, Column, DirectiveTableModel

# Narrow enough that the content column keeps ~200 px on a 1366-pixel screen.
WIDTHS = {
    Column.NUMBER: 44,
    Column.LEADS: 148,
    Column.SUPPORTS: 80,
    Column.DUE: 142,
    Column.STATUS: 126,
    Column.DONE_ON: 128,
    Column.NOTE: 130,
    Column.MEETING: 108,
}


class DirectiveTableView(QTableView):
    """Directives, one line each; the full text is in the tooltip and the details.

    Signals:
        directive_selected(int): the directive under the cursor (0 for none).
        directive_activated(int): Enter or double-click on a directive.
    """

    directive_selected = Signal(int)
    directive_activated = Signal(int)

    def __init__(
        self, model: DirectiveTableModel, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setModel(model)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setMinimumSectionSize(36)
        self.apply_default_widths()
        header.setSortIndicator(Column.NUMBER, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_sort_indicator_changed)
        self.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.activated.connect(self._on_activated)

    def apply_default_widths(self) -> None:
        header = self.horizontalHeader()
        header.setSectionResizeMode(Column.CONTENT, QHeaderView.ResizeMode.Stretch)
        for col, width in WIDTHS.items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)

    def directive_model(self) -> DirectiveTableModel:
        model = self.model()
        assert isinstance(model, DirectiveTableModel)
        return model

    def selected_ids(self) -> list[int]:
        model = self.directive_model()
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [model.row(r).id for r in rows if r < model.rowCount()]

    def current_id(self) -> int | None:
        return self.model().data(self.currentIndex(), ID_ROLE)

    def select_id(self, directive_id: int) -> bool:
        row = self.directive_model().row_of(directive_id)
        if row is None:
            return False
        self.setCurrentIndex(self.model().index(row, Column.CONTENT))
        self.selectRow(row)
        return True

    def _on_sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        model = self.directive_model()
        if not model.is_sortable(column):
            # Sorting happens in SQL on a few keys only; show the order really in force.
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(model.sort_column, model.sort_order)
            header.blockSignals(False)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.directive_selected.emit(self.model().data(current, ID_ROLE) or 0)

    def _on_activated(self, index: QModelIndex) -> None:
        did = self.model().data(index, ID_ROLE)
        if did:
            self.directive_activated.emit(did)
