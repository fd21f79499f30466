"""Directives as a table, paged in from ``tracker.queries`` and sorted in SQL."""

from __future__ import annotations

import dataclasses
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from tracker import queries
from tracker.changes import Changes
from tracker.dates import format_date
from tracker.owners import owner_labels, still_owing
from tracker.quarters import format_deadline
from tracker.queries import DirectiveFilter, SortKey
from tracker.rows import DirectiveRow, GroupRow, OwnerRow, Status
from ui import assets
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.store_bus import Follower, StoreBus

PAGE_SIZE = 100  # about four screens; a page costs ~15 µs a row to read

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the default parent: Qt models take it in most overrides

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

OVERDUE_COLOUR = QColor("#b71c1c")
MUTED_COLOUR = QColor("#78858f")


class Column(IntEnum):
    NUMBER = 0
    CONTENT = 1
    LEADS = 2
    SUPPORTS = 3
    DUE = 4
    STATUS = 5
    DONE_ON = 6
    NOTE = 7
    MEETING = 8


_COLUMNS = tuple(Column)

# Source strings only: translated when shown.
HEADERS = {
    Column.NUMBER: QT_TRANSLATE_NOOP("directives", "STT"),
    Column.CONTENT: QT_TRANSLATE_NOOP("directives", "Nội dung"),
    Column.LEADS: QT_TRANSLATE_NOOP("directives", "Chủ trì"),
    Column.SUPPORTS: QT_TRANSLATE_NOOP("directives", "Phối hợp"),
    Column.DUE: QT_TRANSLATE_NOOP("directives", "Thời hạn"),
    Column.STATUS: QT_TRANSLATE_NOOP("directives", "Trạng thái"),
    Column.DONE_ON: QT_TRANSLATE_NOOP("directives", "Ngày hoàn thành"),
    Column.NOTE: QT_TRANSLATE_NOOP("directives", "Kết quả / ghi chú"),
    Column.MEETING: QT_TRANSLATE_NOOP("directives", "Giao ban ngày"),
}

SORT_KEYS = {
    Column.NUMBER: SortKey.MEETING,
    Column.MEETING: SortKey.MEETING,
    Column.CONTENT: SortKey.CONTENT,
    Column.DUE: SortKey.DUE,
    Column.STATUS: SortKey.STATUS,
    Column.DONE_ON: SortKey.DONE_ON,
}

STATUS_WORDS = {
    Status.OPEN: QT_TRANSLATE_NOOP("directives", "Chưa thực hiện"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("directives", "Đang thực hiện"),
    Status.DONE: QT_TRANSLATE_NOOP("directives", "Hoàn thành"),
    Status.CANCELLED: QT_TRANSLATE_NOOP("directives", "Đã hủy"),
}

STATUS_ICONS = {
    Status.OPEN: "open",
    Status.IN_PROGRESS: "in-progress",
    Status.DONE: "done",
    Status.CANCELLED: "cancelled",
}


def status_text(status: Status, overdue: bool = False) -> str:
    """The status as the clerk reads it ("Quá hạn" when overdue)."""
    return (
        QCoreApplication.translate("directives", "Quá hạn")
        if overdue
        else QCoreApplication.translate("directives", STATUS_WORDS[status])
    )


def status_icon_name(status: Status, overdue: bool = False) -> str:
    return "overdue" if overdue else STATUS_ICONS[status]


def deadline_text(row: DirectiveRow) -> str:
    text = format_deadline(row.due)
    if row.due is None:
        text = QCoreApplication.translate("directives", "Thường xuyên")
    if row.extended:
        return QCoreApplication.translate("directives", "{due} (gia hạn)").format(due=text)
    return text


def owner_names(owners: tuple[OwnerRow, ...], groups: list[GroupRow]) -> str:
    """Short names, with a whole group written as the group ("MTTQ và các đoàn thể")."""
    return ", ".join(owner_labels(owners, groups))


def leads_text(row: DirectiveRow, groups: list[GroupRow]) -> str:
    """The leads, and which of them still owe the work when some have finished:
    "MTTQ và các đoàn thể (4 chưa xong: MTTQ, LĐLĐ, Hội LHPN, Hội CCB)"."""
    names = owner_names(row.leads, groups)
    owing = still_owing(row.leads)
    if not owing:
        return names
    return QCoreApplication.translate("directives", "{owners} ({n} chưa xong: {names})").format(
        owners=names, n=len(owing), names=", ".join(owing)
    )


def overdue_tooltip(row: DirectiveRow) -> str:
    assert row.due is not None
    return QCoreApplication.translate(
        "directives", "Quá hạn: thời hạn {due} đã hết từ ngày {day}."
    ).format(due=str(row.due), day=format_date(row.due.last_day))


class DirectiveTableModel(QAbstractTableModel):
    """The directives a filter selects, sorted in SQL, a page (100 rows) at a time.

    Holds the total count and the rows fetched so far; ``data()`` only reads
    them. ``refresh(changes)`` re-reads the rows a change touched.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter: DirectiveFilter | None = None
        self._rows: list[DirectiveRow] = []
        self._row_of: dict[int, int] = {}
        self._total: int | None = 0  # None: a full page was read and not counted yet
        self._sort = SortKey.MEETING
        self._sort_column = Column.NUMBER
        self._descending = False
        self._groups: list[GroupRow] = []

    # --- what the view asks -----------------------------------------------------------

    @property
    def filter(self) -> DirectiveFilter | None:
        return self._filter

    @property
    def total(self) -> int:
        """How many directives the filter selects (loaded or not), counted when first asked."""
        if self._total is None:
            assert self._filter is not None
            self._total = max(queries.count_directives(self._filter), len(self._rows))
        return self._total

    @property
    def total_known(self) -> bool:
        """Whether ``total`` is at hand; counting can take longer than a frame on a big
        database, so a caller may show the rows first and ask on the next turn."""
        return self._total is not None

    @property
    def sort_column(self) -> Column:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    def row(self, row: int) -> DirectiveRow:
        return self._rows[row]

    def ids(self) -> list[int]:
        """Ids of the loaded rows, in order."""
        return [r.id for r in self._rows]

    def row_of(self, directive_id: int) -> int | None:
        return self._row_of.get(directive_id)

    @staticmethod
    def is_sortable(column: int) -> bool:
        return column in SORT_KEYS

    # --- changing what is shown -------------------------------------------------------

    def set_filter(self, flt: DirectiveFilter | None) -> None:
        """Show what ``flt`` selects (nothing for None), first page only."""
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._groups = queries.list_groups()
        if self._filter is None:
            self._total = 0
            self._rows = []
        else:
            # The total when known with the page (a short page, a search on a server);
            # else counted when asked.
            self._rows, self._total = queries.first_page(
                self._filter, sort=self._sort, descending=self._descending, limit=PAGE_SIZE
            )
        self._index_rows()
        self.endResetModel()

    def _page(self, offset: int) -> list[DirectiveRow]:
        assert self._filter is not None
        return queries.directive_page(
            self._filter,
            sort=self._sort,
            descending=self._descending,
            offset=offset,
            limit=PAGE_SIZE,
        )

    def _index_rows(self) -> None:
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}

    def follow(self, bus: StoreBus, view: QWidget) -> Follower:
        """Refresh on every change of the store, deferred while ``view`` is hidden."""
        return Follower(bus, self.refresh, view)

    def refresh(self, changes: Changes) -> None:
        """Bring the shown rows up to date with a change, touching only what it names."""
        if self._filter is None:
            return
        present = [i for i in changes.directive_ids if i in self._row_of]
        if not present and changes.meeting_ids and not changes.directive_ids:
            present = [r.id for r in self._rows if r.meeting_id in changes.meeting_ids]
        if changes.organization_ids:
            # A renamed or deactivated organization: the rows naming it show its new
            # short name, and the groups' labels may name it too.
            self._groups = queries.list_groups()
            orgs = changes.organization_ids
            named = {r.id for r in self._rows if any(o.organization_id in orgs for o in r.owners)}
            present += [i for i in named if i not in set(present)]
        others = tuple(i for i in changes.directive_ids if i not in self._row_of)
        if others and queries.directive_ids(dataclasses.replace(self._filter, ids=others)):
            self.reload()  # new rows belong here: their place depends on the sort
            return
        if not present:
            return
        still = set(queries.directive_ids(dataclasses.replace(self._filter, ids=tuple(present))))
        gone = sorted((self._row_of[i] for i in present if i not in still), reverse=True)
        for row in gone:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            if self._total is not None:
                self._total -= 1
            self.endRemoveRows()
        if gone:
            self._index_rows()
        kept = [i for i in present if i in still]
        fresh_rows = queries.directive_rows(kept, as_of=self._filter.as_of)
        if self._filter.organization_id is not None:
            fresh_rows = queries.seen_by(fresh_rows, self._filter.organization_id)
        for fresh in fresh_rows:
            row = self._row_of[fresh.id]
            self._rows[row] = fresh
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    # --- Qt overrides -------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and (self._total is None or len(self._rows) < self._total)

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid() or self._filter is None:
            return
        page = self._page(len(self._rows))
        more = [r for r in page if r.id not in self._row_of]
        if not more:
            self._total = len(self._rows)  # the table shrank meanwhile
            return
        if self._total is None and len(page) < PAGE_SIZE:
            self._total = len(self._rows) + len(more)  # the last page: no count needed
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        for i, r in enumerate(more, start):
            self._row_of[r.id] = i
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("directives", HEADERS[Column(section)])
        if role == Qt.ItemDataRole.ToolTipRole and section not in SORT_KEYS:
            return QCoreApplication.translate("directives", "Không sắp xếp theo cột này")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_KEYS:
            return
        self._sort_column = Column(column)
        self._sort = SORT_KEYS[Column(column)]
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self._filter is not None:
            self.reload()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = _COLUMNS[index.column()]  # not Column(…): an enum call per cell and role adds up
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == ROW_ROLE:
            return r
        if role == ID_ROLE:
            return r.id
        if role == SORT_ROLE:
            return self._sort_value(r, col)
        if role == Qt.ItemDataRole.DecorationRole and col is Column.STATUS:
            return assets.icon(status_icon_name(r.status, r.overdue))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.overdue:
                return OVERDUE_COLOUR  # painted as its brush
            if r.status in (Status.DONE, Status.CANCELLED):
                return MUTED_COLOUR
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (Column.NUMBER, Column.DONE_ON, Column.MEETING):
                return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._display(r, col)
            if col is Column.STATUS and r.overdue:
                return QCoreApplication.translate("directives", "Quá hạn, {status}").format(
                    status=QCoreApplication.translate("directives", STATUS_WORDS[r.status])
                )
            return text
        return None

    # --- cell contents --------------------------------------------------------------------

    def _display(self, r: DirectiveRow, col: Column) -> str:
        if col is Column.NUMBER:
            return str(r.position)
        if col is Column.CONTENT:
            return r.content
        if col is Column.LEADS:
            return leads_text(r, self._groups)
        if col is Column.SUPPORTS:
            return owner_names(r.supports, self._groups)
        if col is Column.DUE:
            return deadline_text(r)
        if col is Column.STATUS:
            return status_text(r.status, r.overdue)
        if col is Column.DONE_ON:
            return format_date(r.done_on) if r.done_on else ""
        if col is Column.NOTE:
            return self._note(r)
        return format_date(r.meeting_held_on)

    def _note(self, r: DirectiveRow) -> str:
        """The latest note; when several organizations lead and the list is not one
        organization's, with whose it is ("Tỉnh đoàn: Đã tổ chức…"), so one
        organization's result never reads as everyone's."""
        seen_by_one = self._filter is not None and self._filter.organization_id is not None
        if r.latest_note and r.latest_note_by and not seen_by_one and len(r.leads) > 1:
            return QCoreApplication.translate("directives", "{org}: {note}").format(
                org=r.latest_note_by, note=r.latest_note
            )
        return r.latest_note

    def _sort_value(self, r: DirectiveRow, col: Column) -> Any:
        if col is Column.DUE:
            return r.due.key if r.due else 10**9
        if col is Column.DONE_ON:
            return r.done_on or date.max
        if col is Column.MEETING:
            return (r.meeting_held_on, r.position)
        if col is Column.NUMBER:
            return r.position
        return self._display(r, col)

    def _tooltip(self, r: DirectiveRow, col: Column) -> str | None:
        if col is Column.STATUS or (col is Column.NUMBER and r.overdue):
            if r.overdue:
                return overdue_tooltip(r)
            return status_text(r.status)
        if col is Column.CONTENT:
            return r.content
        if col is Column.DUE and r.extended and r.original_due is not None:
            return QCoreApplication.translate(
                "directives", "Đã gia hạn; thời hạn ban đầu: {due}."
            ).format(due=str(r.original_due))
        if col is Column.LEADS:  # each lead with its own progress
            return "\n".join(
                QCoreApplication.translate("directives", "{name}: {status}").format(
                    name=o.name, status=status_text(o.status)
                )
                for o in r.leads
            )
        if col is Column.SUPPORTS:
            return "\n".join(o.name for o in r.supports) or None
        if col is Column.NOTE and r.latest_note:
            return self._note(r)
        if col is Column.MEETING:
            return r.meeting_title
        return None
