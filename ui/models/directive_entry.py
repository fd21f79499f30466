"""The table model of the giao ban dialog's directive entry grid (its view is
ui.views.directive_grid.DirectiveGrid).

The model keeps every cell as the text the clerk typed, so nothing is lost
while it is wrong; it reads the text (organizations, quarters, topics) when
asked for drafts and marks the cells it cannot read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QWidget,
)

from tracker.dates import format_date
from tracker.drafts import DirectiveDraft
from tracker.duplicates import similar_open
from tracker.errors import ValidationError
from tracker.quarters import Quarter, format_deadline, parse_deadline
from tracker.rows import DirectiveRow
from tracker.text import clean
from ui.i18n import QT_TRANSLATE_NOOP
from ui.widgets import OrgCatalog

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Column(IntEnum):
    CONTENT = 0
    LEADS = 1
    SUPPORTS = 2
    DUE = 3
    TOPICS = 4


_HEADERS = {
    Column.CONTENT: QT_TRANSLATE_NOOP("DirectiveEntryModel", "Nội dung chỉ đạo"),
    Column.LEADS: QT_TRANSLATE_NOOP("DirectiveEntryModel", "Chủ trì"),
    Column.SUPPORTS: QT_TRANSLATE_NOOP("DirectiveEntryModel", "Phối hợp"),
    Column.DUE: QT_TRANSLATE_NOOP("DirectiveEntryModel", "Thời hạn"),
    Column.TOPICS: QT_TRANSLATE_NOOP("DirectiveEntryModel", "Chủ đề"),
}
_HEADER_TIPS = {
    Column.CONTENT: QT_TRANSLATE_NOOP("DirectiveEntryModel", "Nội dung kết luận, chỉ đạo"),
    Column.LEADS: QT_TRANSLATE_NOOP(
        "DirectiveEntryModel",
        "Cơ quan chủ trì: tên viết tắt hoặc tên nhóm, cách nhau bởi dấu phẩy",
    ),
    Column.SUPPORTS: QT_TRANSLATE_NOOP("DirectiveEntryModel", "Cơ quan phối hợp (có thể bỏ trống)"),
    Column.DUE: QT_TRANSLATE_NOOP(
        "DirectiveEntryModel",
        'Quý phải xong, ví dụ "Quý III-2021"; "thường xuyên" hoặc "tx" khi không có hạn',
    ),
    Column.TOPICS: QT_TRANSLATE_NOOP(
        "DirectiveEntryModel", "Chủ đề để lọc về sau (có thể bỏ trống), cách nhau bởi dấu phẩy"
    ),
}


@dataclass
class EntryRow:
    """One row as typed. ``due`` empty means the default deadline."""

    content: str = ""
    leads: str = ""
    supports: str = ""
    due: str = ""
    topics: str = ""
    lead_default: str = ""  # what ``leads`` was filled with, so an untouched row counts as blank
    duplicate: str = ""  # an open directive this one resembles (a warning only, never blocks)
    duplicate_of: str = ""  # the content ``duplicate`` was found for
    problems: dict[Column, str] = field(default_factory=dict)  # cells that cannot be read

    def text(self, column: Column) -> str:
        value: str = getattr(self, column.name.lower())
        return value

    def is_blank(self) -> bool:
        """Nothing typed: such rows are ignored on save."""
        return not any(
            s.strip() for s in (self.content, self.supports, self.due, self.topics)
        ) and self.leads.strip() in ("", self.lead_default.strip())


@dataclass(frozen=True)
class RowProblem:
    """What stops one row from being saved, for the message beside the grid."""

    row: int  # 0-based
    column: Column
    message: str  # the whole sentence, "Dòng 2: hãy chọn cơ quan chủ trì."


class DirectiveEntryModel(QAbstractTableModel):
    """Rows of directives being typed for one giao ban.

    ``default_due`` (the quarter of the meeting) fills every deadline left
    empty, shown greyed; it follows the meeting date until the clerk types a
    deadline of their own. New rows take the previous row's leads, the first
    row the catalogue's first group. Read-only when showing saved directives.
    """

    def __init__(
        self,
        catalog: OrgCatalog,
        *,
        default_due: Quarter | None = None,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._default_due = default_due
        self._read_only = read_only
        self._checked = False  # show "required" problems only after a save was tried
        self._rows: list[EntryRow] = []
        self._own_ids: frozenset[int] = frozenset()  # loaded directives: never their own match
        if not read_only:
            self._rows.append(self._new_row(None))

    # --- settings -----------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def catalog(self) -> OrgCatalog:
        return self._catalog

    def default_due(self) -> Quarter | None:
        return self._default_due

    def default_year(self) -> int | None:
        return self._default_due.year if self._default_due else None

    def set_default_due(self, quarter: Quarter | None) -> None:
        """Change the deadline of rows whose deadline was left empty."""
        if quarter == self._default_due:
            return
        self._default_due = quarter
        for i in range(len(self._rows)):
            self._recheck(i)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.DUE), self.index(len(self._rows) - 1, Column.DUE)
            )

    # --- rows ---------------------------------------------------------------

    def rows(self) -> list[EntryRow]:
        """A copy of the rows, as typed."""
        return [replace(r, problems=dict(r.problems)) for r in self._rows]

    def row(self, i: int) -> EntryRow:
        return self._rows[i]

    def is_blank(self, i: int) -> bool:
        return self._rows[i].is_blank()

    def _new_row(self, previous: EntryRow | None) -> EntryRow:
        if previous is not None and previous.leads.strip():
            leads = previous.leads
        else:
            leads = self._catalog.format(self._catalog.default_lead_ids())
        return EntryRow(leads=leads, lead_default=leads)

    def insert_row(self, at: int) -> int:
        """Insert a new row at ``at`` (filled with defaults); return its number."""
        at = max(0, min(at, len(self._rows)))
        previous = self._rows[at - 1] if at > 0 else None
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, self._new_row(previous))
        self.endInsertRows()
        return at

    def remove_row(self, i: int) -> None:
        """Remove row ``i``; the grid always keeps one row to type in."""
        self.beginRemoveRows(QModelIndex(), i, i)
        del self._rows[i]
        self.endRemoveRows()
        if not self._rows and not self._read_only:
            self.insert_row(0)

    def load(self, directives: Sequence[DirectiveRow]) -> None:
        """Show ``directives`` (saved ones, or ones to start from)."""
        self.beginResetModel()
        self._own_ids = frozenset(d.id for d in directives)
        self._rows = [
            EntryRow(
                content=d.content,
                leads=self._catalog.format(o.organization_id for o in d.leads),
                supports=self._catalog.format(o.organization_id for o in d.supports),
                due=format_deadline(d.due),
                topics=", ".join(d.topics),
            )
            for d in directives
        ]
        if not self._rows and not self._read_only:
            self._rows.append(self._new_row(None))
        for i in range(len(self._rows)):
            self._recheck(i)
        self.endResetModel()

    def snapshot(self) -> tuple[tuple[str, ...], ...]:
        """What was typed, for telling whether anything changed."""
        return tuple(
            (r.content, r.leads, r.supports, r.due, r.topics)
            for r in self._rows
            if not r.is_blank()
        )

    # --- reading ------------------------------------------------------------

    def _due_text(self, row: EntryRow) -> str:
        if row.due.strip():
            return row.due
        return format_deadline(self._default_due) if self._default_due else ""

    def _recheck(self, i: int) -> None:
        """Recompute which cells of row ``i`` cannot be read."""
        row = self._rows[i]
        problems: dict[Column, str] = {}
        for column in (Column.LEADS, Column.SUPPORTS):
            try:
                self._catalog.parse(row.text(column))
            except ValidationError as err:
                problems[column] = str(err)
        if row.due.strip():
            try:
                parse_deadline(row.due, default_year=self.default_year())
            except ValidationError as err:
                problems[Column.DUE] = str(err)
        if self._checked and not row.is_blank():
            if not clean(row.content):
                problems.setdefault(Column.CONTENT, self.tr("Hãy ghi nội dung chỉ đạo."))
            if Column.LEADS not in problems and not self._catalog.parse(row.leads):
                problems[Column.LEADS] = self.tr("Hãy chọn cơ quan chủ trì.")
            if Column.DUE not in problems and not self._due_text(row).strip():
                problems[Column.DUE] = self.tr("Hãy ghi thời hạn.")
        row.problems = problems
        self._check_duplicate(row)

    def _check_duplicate(self, row: EntryRow) -> None:
        """Name the open directive this row's content resembles (tracker.duplicates)."""
        content = clean(row.content)
        if self._read_only or content == row.duplicate_of:
            return
        row.duplicate_of = content
        row.duplicate = ""
        if not content:
            return
        found = similar_open([content], exclude_ids=self._own_ids)[0]
        if found:
            m = found[0]
            row.duplicate = self.tr(
                "Giống nội dung đang theo dõi #{id} của giao ban {title} ({day}): «{content}». "
                "Vẫn lưu được nếu đây là nội dung mới."
            ).format(
                id=m.directive_id,
                title=m.meeting_title,
                day=format_date(m.meeting_held_on),
                content=m.content,
            )

    def duplicate(self, i: int) -> str:
        """The duplicate warning of row ``i`` ("" when it resembles no open directive)."""
        return self._rows[i].duplicate

    def drafts(self) -> tuple[list[DirectiveDraft], list[RowProblem]]:
        """The drafts of every row that is not blank, or what stops them.

        Marks the cells in error (shown in red with the message as tool tip).
        """
        self._checked = True
        drafts: list[DirectiveDraft] = []
        problems: list[RowProblem] = []
        for i, row in enumerate(self._rows):
            self._recheck(i)
            if row.is_blank():
                continue
            if row.problems:
                for column in Column:
                    if column in row.problems:
                        problems.append(
                            RowProblem(i, column, self._sentence(i, column, row.problems[column]))
                        )
                continue
            due_text = self._due_text(row)
            drafts.append(
                DirectiveDraft(
                    content=clean(row.content),
                    lead_ids=self._catalog.parse(row.leads),
                    support_ids=self._catalog.parse(row.supports),
                    due=parse_deadline(due_text, default_year=self.default_year()),
                    topics=tuple(t for t in (clean(x) for x in _split(row.topics)) if t),
                )
            )
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )
        return drafts, problems

    def _sentence(self, i: int, column: Column, problem: str) -> str:
        required = {
            Column.CONTENT: self.tr("Dòng {row}: hãy ghi nội dung chỉ đạo."),
            Column.LEADS: self.tr("Dòng {row}: hãy chọn cơ quan chủ trì."),
            Column.DUE: self.tr("Dòng {row}: hãy ghi thời hạn."),
        }
        row = self._rows[i]
        if not row.text(column).strip() and column in required:
            return required[column].format(row=i + 1)
        return self.tr("Dòng {row}, cột {column}: {problem}").format(
            row=i + 1, column=self.tr(_HEADERS[column]), problem=problem
        )

    # --- Qt overrides -------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        problem = row.problems.get(column, "")
        defaulted = column is Column.DUE and not row.due.strip()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._due_text(row) if column is Column.DUE else row.text(column)
        if role == Qt.ItemDataRole.EditRole:
            return self._due_text(row) if column is Column.DUE else row.text(column)
        warn = row.duplicate if column is Column.CONTENT and not problem else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if problem:
                return problem
            if warn:
                return warn
            if defaulted and self._default_due:
                return self.tr("Mặc định: quý của ngày giao ban ({quarter})").format(
                    quarter=format_deadline(self._default_due)
                )
            return row.text(column) or None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return problem or warn or None
        if role == Qt.ItemDataRole.DecorationRole and problem:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.DecorationRole and warn:
            return QApplication.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxInformation
            )
        if role == Qt.ItemDataRole.BackgroundRole and warn:
            return QBrush(QColor(255, 244, 204))  # a pale amber: look, nothing is wrong
        if role == Qt.ItemDataRole.ForegroundRole:
            if problem:
                return QBrush(Qt.GlobalColor.darkRed)
            if defaulted:
                return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and defaulted:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._read_only:
            return False
        row = self._rows[index.row()]
        column = Column(index.column())
        text = str(value or "")
        if column in (Column.LEADS, Column.SUPPORTS):
            try:
                text = self._catalog.format(self._catalog.parse(text))
            except ValidationError:
                text = text.strip()  # kept as typed; the cell shows what is wrong
        elif column is Column.DUE and not text.strip():
            text = ""
        elif column is Column.DUE:
            try:
                due = parse_deadline(text, default_year=self.default_year())
            except ValidationError:
                text = text.strip()
            else:
                # A deadline typed equal to the default is the clerk's own value: shown
                # as typed (not greyed as the default) and kept if the date changes.
                text = format_deadline(due)
        elif column is Column.TOPICS:
            text = ", ".join(t for t in (clean(x) for x in _split(text)) if t)
        if text == row.text(column):
            return False
        setattr(row, column.name.lower(), text)
        self._recheck(index.row())
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(Column) - 1))
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
                return str(section + 1)
            return None
        if not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(_HEADERS[Column(section)])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(_HEADER_TIPS[Column(section)])
        return None


def _split(text: str) -> list[str]:
    return text.replace(";", ",").split(",")
