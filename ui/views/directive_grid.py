"""The directive entry grid of the giao ban dialog: the view of
ui.models.directive_entry.DirectiveEntryModel.

The view makes entry fast from the keyboard: typing starts editing, Enter moves to the
next cell and from the last column to a new row, Tab moves across cells.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from tracker import queries
from ui.models.directive_entry import Column, DirectiveEntryModel
from ui.views.delegates import ListDelegate, OrganizationsDelegate, QuarterDelegate, TextDelegate

# The model's names too: tests know the grid's columns by this module.
__all__ = ["Column", "DirectiveEntryModel", "DirectiveGrid"]


class DirectiveGrid(QTableView):
    """The table where directives are typed, one per row.

    Keys: typing starts editing a cell; Enter commits and moves to the next
    cell, and from the last column (or with Ctrl, from anywhere) to the next
    row, adding one at the end; Tab and Shift+Tab move across cells and leave
    the table after its last cell; Delete removes an empty row; Ctrl+Delete
    removes the current row. In Chủ trì/Phối hợp, Down or Ctrl+Space lists
    the organizations and groups.

    Signals:
        hint_changed(str): what is wrong with the cell being typed, or "".
        edited(): a cell or the number of rows changed.
    """

    hint_changed = Signal(str)
    edited = Signal()

    def __init__(
        self,
        model: DirectiveEntryModel,
        *,
        topics: Callable[[], Sequence[str]] = queries.list_topics,
        confirm_remove: Callable[[QWidget], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._confirm_remove = confirm_remove
        self.setModel(model)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        if model.read_only:
            self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        else:
            self.setEditTriggers(
                QAbstractItemView.EditTrigger.AnyKeyPressed
                | QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
            )
        catalog = model.catalog
        topic_names = list(topics()) if not model.read_only else []
        self._delegates: dict[Column, TextDelegate] = {
            Column.CONTENT: TextDelegate(self),
            Column.LEADS: OrganizationsDelegate(catalog, self),
            Column.SUPPORTS: OrganizationsDelegate(catalog, self),
            Column.DUE: QuarterDelegate(model.default_year, self),
            Column.TOPICS: ListDelegate(lambda: [(t, "") for t in topic_names], self),
        }
        for column, delegate in self._delegates.items():
            self.setItemDelegateForColumn(column, delegate)
            delegate.enter_pressed.connect(self._on_delegate_enter_pressed)
            delegate.problem_changed.connect(self.hint_changed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(Column.CONTENT, QHeaderView.ResizeMode.Stretch)
        char = self.fontMetrics().averageCharWidth()
        for column, chars in (
            (Column.LEADS, 24),
            (Column.SUPPORTS, 16),
            (Column.DUE, 18),
            (Column.TOPICS, 14),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, chars * char)
        header.setHighlightSections(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.sectionResized.connect(self._on_header_section_resized)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        model.dataChanged.connect(self._on_model_changed)
        model.rowsInserted.connect(self._on_model_changed)
        model.rowsRemoved.connect(self._on_model_changed)
        model.modelReset.connect(self._on_model_changed)
        if model.rowCount():
            self.setCurrentIndex(model.index(0, Column.CONTENT))

    # --- actions ------------------------------------------------------------

    def commit_editor(self) -> None:
        """Write an open editor's text into the model (before saving)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def go_to(self, row: int, column: Column, *, edit: bool = False) -> None:
        """Make a cell current (and open its editor)."""
        index = self._model.index(row, column)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        if edit and not self._model.read_only:
            self.edit(index)

    def next_row(self) -> None:
        """Go to the next row's content, adding a row after the last one."""
        if self._model.read_only:
            return
        self.commit_editor()
        row = max(0, self.currentIndex().row())
        if row + 1 >= self._model.rowCount():
            self._model.insert_row(row + 1)
        self.go_to(row + 1, Column.CONTENT, edit=True)

    def advance(self) -> None:
        """Go to the next cell to type in: right, or the next row after the last column."""
        index = self.currentIndex()
        if not index.isValid():
            return
        if index.column() >= len(Column) - 1:
            self.next_row()
        else:
            self.go_to(index.row(), Column(index.column() + 1), edit=True)

    def remove_current_row(self) -> None:
        """Remove the current row, asking first when something was typed in it."""
        row = self.currentIndex().row()
        if row < 0 or self._model.read_only:
            return
        blank = self._model.is_blank(row)
        if not blank and self._confirm_remove is not None and not self._confirm_remove(self):
            return
        column = max(0, self.currentIndex().column())
        self._model.remove_row(row)
        self.go_to(min(row, self._model.rowCount() - 1), Column(column))

    def _on_delegate_enter_pressed(self, ctrl: bool) -> None:
        if ctrl:
            self.next_row()
        else:
            self.advance()

    def _on_model_changed(self, *args: object) -> None:
        self.resizeRowsToContents()
        self.edited.emit()

    def _on_header_section_resized(self, *args: object) -> None:
        self.resizeRowsToContents()

    # --- Qt overrides -------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        editing = self.state() == QAbstractItemView.State.EditingState
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not editing:
            if ctrl:
                self.next_row()
            else:
                self.advance()
            event.accept()
            return
        if key == Qt.Key.Key_Delete and not editing and not self._model.read_only:
            row = self.currentIndex().row()
            if ctrl or (row >= 0 and self._model.is_blank(row)):
                self.remove_current_row()
                event.accept()
                return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.resizeRowsToContents()

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab walks the cells, but leaves the table after the last cell (and
        # Shift+Tab before the first) so the keyboard is never trapped in it.
        index = self.currentIndex()
        last_row, last_col = self._model.rowCount() - 1, len(Column) - 1
        at_end = index.row() == last_row and index.column() == last_col
        at_start = index.row() <= 0 and index.column() <= 0
        if (next and at_end) or (not next and at_start) or not index.isValid():
            self.commit_editor()
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)
