"""The meetings, newest first, paged in from ``tracker.queries``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from tracker import queries
from tracker.changes import Changes
from tracker.dates import format_date
from tracker.queries import MeetingFilter
from tracker.rows import MeetingRow
from ui import assets
from ui.models.store_bus import Follower, StoreBus

PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the default parent: Qt models take it in most overrides

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3


def progress_text(row: MeetingRow) -> str:
    """ "5/9 hoàn thành", or "chưa có nội dung" for a meeting without directives."""
    if row.directive_count == 0:
        return QCoreApplication.translate("meetings", "chưa có nội dung")
    return QCoreApplication.translate("meetings", "{done}/{total} hoàn thành").format(
        done=row.done_count, total=row.directive_count
    )


def short_title(row: MeetingRow) -> str:
    """The title without the long tail every giao ban shares ("với Ủy ban MTTQ …")."""
    title = row.title
    for cut in (" với ", " giữa "):
        head, sep, _ = title.partition(cut)
        if sep and len(head) >= 12:
            return head
    return title


class MeetingListModel(QAbstractListModel):
    """Meetings matching a search and a year, newest first, 200 at a time."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = MeetingFilter()
        self._rows: list[MeetingRow] = []
        self._row_of: dict[int, int] = {}
        self._total = 0

    @property
    def total(self) -> int:
        return self._total

    @property
    def filter(self) -> MeetingFilter:
        return self._filter

    def row(self, row: int) -> MeetingRow:
        return self._rows[row]

    def row_of(self, meeting_id: int) -> int | None:
        return self._row_of.get(meeting_id)

    def set_filter(self, flt: MeetingFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = queries.count_meetings(self._filter)
        self._rows = queries.meeting_page(self._filter, offset=0, limit=PAGE_SIZE)
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def follow(self, bus: StoreBus) -> Follower:
        """Refresh on every change of the store, at once: the list is on screen whenever
        there is data, and whether it is empty decides the first-run page."""
        return Follower(bus, self.refresh, parent=self)

    def refresh(self, changes: Changes) -> None:
        """Re-read the meetings a change touched; reset when one appeared or vanished."""
        ids = set(changes.meeting_ids)
        if changes.organization_ids:  # the attendees' names a meeting shows
            ids |= set(self._row_of)
        if not ids:
            return
        present = [i for i in ids if i in self._row_of]
        fresh = queries.meeting_rows(present)
        if len(present) != len(ids) or len(fresh) != len(present):
            self.reload()
            return
        for r in fresh:
            row = self._row_of[r.id]
            moved = r.held_on != self._rows[row].held_on
            self._rows[row] = r
            if moved:  # a new date changes the order
                self.reload()
                return
            idx = self.index(row, 0)
            self.dataChanged.emit(idx, idx)

    # --- Qt overrides -------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid():
            return
        more = [
            r
            for r in queries.meeting_page(self._filter, offset=len(self._rows), limit=PAGE_SIZE)
            if r.id not in self._row_of
        ]
        if not more:
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        for i, r in enumerate(more, start):
            self._row_of[r.id] = i
        self.endInsertRows()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{format_date(r.held_on)}  ·  {progress_text(r)}\n{short_title(r)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{format_date(r.held_on)}, {r.title}, {progress_text(r)}"
        if role == Qt.ItemDataRole.DecorationRole:
            done = r.directive_count > 0 and r.done_count == r.directive_count
            return assets.icon("done" if done else "open")
        if role == ROW_ROLE:
            return r
        if role == ID_ROLE:
            return r.id
        if role == SORT_ROLE:
            return (r.held_on, r.id)
        return None
