"""The table view over a DirectiveTableModel: widths, sorting guard, selection signals."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.directive_table import ID_ROLE, Column, DirectiveTableModel
from ui.views.column_fitter import ColumnFitter
from ui.views.wrap_delegate import WrapDelegate, row_height

# Defaults when there is room; narrower columns wrap their text too. The content
# column takes the rest (see ColumnFitter).
WIDTHS: dict[int, int] = {
    Column.NUMBER: 44,
    Column.LEADS: 130,
    Column.SUPPORTS: 90,
    Column.DUE: 104,
    Column.STATUS: 118,
    Column.DONE_ON: 96,
    Column.NOTE: 150,
    Column.MEETING: 96,
}


class DirectiveTableView(QTableView):
    """Directives, up to three wrapped lines each (one uniform row height, so paging
    stays cheap); the full text is in the tooltip and the details panel.

    Signals:
        directive_selected(int): the directive under the cursor (0 for none).
        directive_activated(int): Enter or double-click on a directive.
    """

    directive_selected = Signal(int)
    directive_activated = Signal(int)

    def __init__(
        self,
        model: DirectiveTableModel,
        name: str,
        parent: QWidget | None = None,
        *,
        object_name: str = "directiveTable",
        never_shown: tuple[int, ...] = (),
        hidden_by_default: tuple[int, ...] = (),
        drop_order: tuple[int, ...] = (Column.SUPPORTS, Column.DONE_ON),
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(name)
        self.setModel(model)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._after_paint: list[Callable[[], object]] = []
        self.wrap_delegate = WrapDelegate(self)
        self.setItemDelegate(self.wrap_delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(row_height(self.fontMetrics()))
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.columns = ColumnFitter(
            self,
            header,
            stretch=Column.CONTENT,
            widths=WIDTHS,
            settings_key=f"headers/{object_name}",
            never_shown=never_shown,
            hidden_by_default=hidden_by_default,
            minimums=dict.fromkeys(
                (Column.DONE_ON, Column.MEETING),
                self.fontMetrics().horizontalAdvance("00/00/0000") + 14,
            ),
            drop_order=drop_order,
        )
        header.setSortIndicator(Column.NUMBER, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_sort_indicator_changed)
        self.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.activated.connect(self._on_activated)

    def call_after_paint(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the rows now in the model are on screen (a count that
        takes longer than a frame must not hold up the first paint)."""
        self._after_paint.append(callback)
        self.viewport().update()

    def restore_columns(self) -> None:
        """The clerk's column widths from an earlier session, if they set any."""
        self.columns.restore()
        self.setSortingEnabled(True)

    def directive_model(self) -> DirectiveTableModel:
        model = self.model()
        assert isinstance(model, DirectiveTableModel)
        return model

    def selected_ids(self) -> list[int]:
        model = self.directive_model()
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [model.row(r).id for r in rows if r < model.rowCount()]

    def current_id(self) -> int | None:
        directive_id: int | None = self.model().data(self.currentIndex(), ID_ROLE)
        return directive_id

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

    # --- Qt overrides -------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize:
            # The viewport, not the view: a scroll bar appearing narrows it too.
            self.columns.fit()
        return handled

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._after_paint:
            callbacks, self._after_paint = self._after_paint, []
            # Two turns of the event loop on, so the rest of the window paints first too
            # (and whatever waits for the window's first paint runs before).
            QTimer.singleShot(
                0, self, lambda: QTimer.singleShot(0, self, lambda: [c() for c in callbacks])
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.columns.fit()  # a view sized while hidden is told of no resize when shown
