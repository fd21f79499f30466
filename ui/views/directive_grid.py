"""The directive entry grid of the giao ban dialog: a table model of typed rows and its view.

The model keeps every cell as the text the clerk typed, so nothing is lost
while it is wrong; it reads the text (organizations, quarters, topics) when
asked for drafts and marks the cells it cannot read. The view makes entry
fast from the keyboard: typing starts editing, Enter moves to the next cell
and from the last column to a new row, Tab moves across cells.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QTableView,
    QWidget,
)

from tracker import queries
from tracker.dates import format_date
from tracker.drafts import DirectiveDraft
from tracker.duplicates import similar_open
from tracker.errors import ValidationError
from tracker.quarters import Quarter, format_deadline, parse_deadline
from tracker.rows import DirectiveRow
from tracker.text import clean
from ui.i18n import QT_TRANSLATE_NOOP
from ui.views.delegates import ListDelegate, OrganizationsDelegate, QuarterDelegate, TextDelegate
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
