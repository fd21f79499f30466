"""The model of Cần đôn đốc by organization: each lead organization's overdue directives
and those due this quarter, each with that organization's own status and result
(queries.chase_page). The view is ui.views.chase_view."""

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
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from tracker import queries
from tracker.changes import Changes
from tracker.dates import format_date
from tracker.rows import DirectiveRow, OrganizationRow
from ui import assets
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.directive_table import (
    ID_ROLE,
    OVERDUE_COLOUR,
    ROW_ROLE,
    deadline_text,
    overdue_tooltip,
    status_icon_name,
    status_text,
)
from ui.models.store_bus import Follower, StoreBus

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the default parent: Qt models take it in most overrides
PAGE_SIZE = 100
EXPAND_ALL_UP_TO = 300  # rows; beyond that only the first group opens by itself
# Rows counted before the headings are shown (a millisecond); a longer list's
# headings are counted just after the view has painted its first page: counting
# is O(rows) (70 ms for 80,000 at 100x a province's decade).
COUNT_NOW_UP_TO = 2_000
_TOP = 0  # internalId of an organization row; a directive row stores its group's index + 1


class ChaseColumn(IntEnum):
    CONTENT = 0
    MEETING = 1
    DUE = 2
    STATUS = 3
    NOTE = 4


HEADERS = {
    ChaseColumn.CONTENT: QT_TRANSLATE_NOOP("chase", "Nội dung"),
    ChaseColumn.MEETING: QT_TRANSLATE_NOOP("chase", "Giao ban ngày"),
    ChaseColumn.DUE: QT_TRANSLATE_NOOP("chase", "Thời hạn"),
    ChaseColumn.STATUS: QT_TRANSLATE_NOOP("chase", "Trạng thái"),
    ChaseColumn.NOTE: QT_TRANSLATE_NOOP("chase", "Kết quả / ghi chú"),
}


class _Group:
    """One lead organization's heading and the part of its rows read so far."""

    __slots__ = ("org", "total", "overdue", "rows", "complete")

    def __init__(self, org: OrganizationRow, total: int | None, overdue: int | None) -> None:
        self.org = org
        self.total = total  # None: not counted yet
        self.overdue = overdue
        self.rows: list[DirectiveRow] = []
        self.complete = False  # every row read


class ChaseModel(QAbstractItemModel):
    """Two levels: lead organizations, then their directives to chase, oldest deadline first.

    The headings come from one grouped count (for a long list, made when the view
    has painted: ``counted`` tells when); each organization's rows are read
    a page at a time when its group is expanded or scrolled to the end.

    Signals:
        counted(): the headings' counts of a long list have been read.
    """

    counted = Signal()

    def __init__(self, parent: Any = None, *, as_of: date | None = None) -> None:
        super().__init__(parent)
        self._as_of = as_of
        self._groups: list[_Group] = []
        self._short = True
        self._read = False  # the headings were read once (so changes apply)
        # While set, a group that has rows fetches no more: QTreeView fetches again
        # and again while it lays out a group it opens (three pages on a big database
        # before the window is even shown, where one fills any screen).
        self.first_pages_only = False

    @property
    def is_counted(self) -> bool:
        return all(g.total is not None for g in self._groups)

    @property
    def is_short(self) -> bool:
        """Whether the list is short enough to open every group."""
        return self._short

    @property
    def directive_count(self) -> int:
        """Rows to chase, counted per organization (a shared directive counts once each)."""
        self.count()
        return sum(g.total or 0 for g in self._groups)

    @property
    def organization_count(self) -> int:
        return len(self._groups)

    @property
    def overdue_count(self) -> int:
        self.count()
        return sum(g.overdue or 0 for g in self._groups)

    def reload(self) -> None:
        """Read the headings again; groups that had rows read get their first pages back."""
        self._read = True
        loaded = {g.org.id: len(g.rows) for g in self._groups}
        self.beginResetModel()
        rows = queries.chase_count(as_of=self._as_of, limit=COUNT_NOW_UP_TO + 1)
        self._short = rows <= EXPAND_ALL_UP_TO
        if rows <= COUNT_NOW_UP_TO:
            self._groups = [
                _Group(org, n, late) for org, n, late in queries.chase_counts(as_of=self._as_of)
            ]
        else:
            self._groups = [
                _Group(org, None, None) for org in queries.chase_organizations(as_of=self._as_of)
            ]
        for g in self._groups:
            want = loaded.get(g.org.id, 0)
            if want:
                g.rows = queries.chase_page(
                    g.org.id, as_of=self._as_of, offset=0, limit=max(want, PAGE_SIZE)
                )
                g.complete = len(g.rows) < max(want, PAGE_SIZE)
        self.endResetModel()

    def count(self) -> None:
        """Read the headings' counts if they are still missing."""
        if self.is_counted:
            return
        counts = {org.id: (n, late) for org, n, late in queries.chase_counts(as_of=self._as_of)}
        for row, g in enumerate(self._groups):
            g.total, g.overdue = counts.get(g.org.id, (len(g.rows), 0))
            heading = self.index(row, 0)
            self.dataChanged.emit(heading, heading)
        self.counted.emit()

    def follow(self, bus: StoreBus, view: QWidget) -> Follower:
        """Refresh on every change of the store, deferred while ``view`` is hidden."""
        return Follower(bus, self.refresh, view)

    def refresh(self, changes: Changes) -> None:
        # Membership depends on every status and deadline: read the headings again
        # (an organization renamed or deactivated changes the headings too).
        if not self._read:
            return  # never shown: read when first asked (reload)
        if changes.directive_ids or changes.organization_ids or changes.meeting_ids:
            self.reload()

    def directive_at(self, index: Index) -> DirectiveRow | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        return self._groups[index.internalId() - 1].rows[index.row()]

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
            return len(self._groups[parent.row()].rows)
        return 0

    def hasChildren(self, parent: Index = _ROOT) -> bool:
        if not parent.isValid():
            return bool(self._groups)
        return parent.internalId() == _TOP and parent.column() == 0

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        if not parent.isValid() or parent.internalId() != _TOP or parent.column() != 0:
            return False
        g = self._groups[parent.row()]
        if self.first_pages_only and g.rows:
            return False
        return not g.complete and (g.total is None or len(g.rows) < g.total)

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        g = self._groups[parent.row()]
        have = {r.id for r in g.rows}
        more = [
            r
            for r in queries.chase_page(
                g.org.id, as_of=self._as_of, offset=len(g.rows), limit=PAGE_SIZE
            )
            if r.id not in have
        ]
        if not more:
            g.total = len(g.rows)
            g.complete = True
            return
        g.complete = len(more) < PAGE_SIZE
        start = len(g.rows)
        self.beginInsertRows(self.index(parent.row(), 0), start, start + len(more) - 1)
        g.rows.extend(more)
        self.endInsertRows()

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
            return QCoreApplication.translate("chase", str(HEADERS[ChaseColumn(section)]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = ChaseColumn(index.column())
        if index.internalId() == _TOP:
            return self._org_data(index.row(), col, role)
        d = self._groups[index.internalId() - 1].rows[index.row()]
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
            return OVERDUE_COLOUR  # a colour is painted as its brush; no QBrush type at start-up
        if role == Qt.ItemDataRole.ToolTipRole:
            if col is ChaseColumn.STATUS and d.overdue:
                return overdue_tooltip(d)
            if col is ChaseColumn.CONTENT:
                return d.content
            if col is ChaseColumn.MEETING:
                return d.meeting_title
        return None

    def _org_data(self, row: int, col: ChaseColumn, role: int) -> Any:
        g = self._groups[row]
        org = g.org
        if col is not ChaseColumn.CONTENT:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if g.total is None:
                return f"{org.short_name} — {org.name}"  # counted a moment later
            # self.tr: lupdate reads a count in QCoreApplication.translate only as a literal.
            counts = self.tr("%n nội dung, {late} quá hạn", None, g.total).format(late=g.overdue)
            return f"{org.short_name} — {org.name} ({counts})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None
