"""Cần đôn đốc by organization: the tree of lead organizations and their directives to
chase (its model is ui.models.chase_model)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from ui.models.chase_model import ChaseColumn, ChaseModel
from ui.models.directive_table import ID_ROLE
from ui.views.column_fitter import ColumnFitter
from ui.views.wrap_delegate import WrapDelegate


class ChaseView(QTreeView):
    """The chase list by organization, every group open; rows of two wrapped lines.

    Signals:
        directive_selected(int): the directive under the cursor (0 for none).
        directive_activated(int): double-click or Enter on a directive.
    """

    directive_selected = Signal(int)
    directive_activated = Signal(int)

    def __init__(self, model: ChaseModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chaseView")
        self.setAccessibleName(QCoreApplication.translate("chase", "Danh sách cần đôn đốc"))
        self.setModel(model)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setItemDelegate(WrapDelegate(self, max_lines=2))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns = ColumnFitter(
            self,
            self.header(),
            stretch=ChaseColumn.CONTENT,
            widths={
                ChaseColumn.MEETING: 96,
                ChaseColumn.DUE: 104,
                ChaseColumn.STATUS: 118,
                ChaseColumn.NOTE: 180,
            },
            settings_key="headers/chaseTree",
            minimums={ChaseColumn.MEETING: self.fontMetrics().horizontalAdvance("00/00/0000") + 14},
            drop_order=(ChaseColumn.MEETING,),
        )
        model.modelReset.connect(self._on_model_reset)
        self.verticalScrollBar().valueChanged.connect(self._fetch_visible)
        self.expanded.connect(self._fetch_visible)
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
        directive_id: int | None = self.model().data(self.currentIndex(), ID_ROLE)
        return directive_id

    def _on_model_reset(self) -> None:
        model = self.model()
        assert isinstance(model, ChaseModel)
        expand_all = model.is_short
        model.first_pages_only = True
        try:
            for row in range(model.rowCount()):
                self.setFirstColumnSpanned(row, QModelIndex(), True)
                if expand_all or row == 0 or model.rowCount(model.index(row, 0)):
                    self.expand(model.index(row, 0))  # fetches its first page
        finally:
            model.first_pages_only = False

    def _fetch_visible(self, *_args: object) -> None:
        """Read the next page of any open group whose last row read is on screen."""
        model = self.model()
        area = None
        for row in range(model.rowCount()):
            group = model.index(row, 0)
            if not self.isExpanded(group) or not model.canFetchMore(group):
                continue
            last = model.index(model.rowCount(group) - 1, 0, group)
            if not last.isValid():
                model.fetchMore(group)
                continue
            if area is None:
                area = self.viewport().rect()
            if self.visualRect(last).intersects(area):
                model.fetchMore(group)

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.columns.fit()  # a view sized while hidden is told of no resize when shown

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if isinstance(model, ChaseModel) and not model.is_counted:
            # A long list's headings are counted once this paint is on screen: two
            # turns of the event loop, so the rest of the window paints first too.
            QTimer.singleShot(0, model, lambda: QTimer.singleShot(0, model, model.count))
