"""The Cần đôn đốc page: each directive once (who still owes it), or by organization."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tracker import queries
from tracker.changes import Changes
from tracker.queries import DirectiveFilter, StatusFilter
from ui.models.chase_model import ChaseModel
from ui.models.directive_table import Column, DirectiveTableModel
from ui.models.store_bus import StoreBus
from ui.views.chase_view import ChaseView
from ui.views.directive_view import DirectiveTableView

SETTING = "chase/byOrganization"


class ChasePage(QWidget):
    """Two ways to read the chase list, chosen with two radio buttons (remembered).

    By directive (the default): one row per directive to chase, oldest deadline
    first, its leads with those that still owe it ("MTTQ và các đoàn thể (4 chưa
    xong: …)"). By organization: each lead organization's part, with its own
    status and result. Only the list on show is read; the other is read when shown.

    Signals:
        mode_changed(): the other list is now showing.
    """

    mode_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, as_of: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chasePage")
        self._as_of = as_of
        self._stale = {False: True, True: True}  # by_organization → not read yet (or F5)
        self._overdue: int | None = None
        self._only: tuple[int, ...] | None = None  # narrowed by the reminder banner
        self.by_directive = QRadioButton(self.tr("Mỗi nội d&ung một dòng"), self)
        self.by_directive.setAccessibleName(
            self.tr("Mỗi nội dung một dòng, kèm các tổ chức chưa xong")
        )
        self.by_organization = QRadioButton(self.tr("Th&eo từng tổ chức"), self)
        self.by_organization.setAccessibleName(
            self.tr("Theo từng tổ chức, với trạng thái và kết quả của tổ chức đó")
        )
        group = QButtonGroup(self)
        group.addButton(self.by_directive)
        group.addButton(self.by_organization)
        row = QHBoxLayout()
        row.setContentsMargins(6, 4, 6, 2)
        row.addWidget(QLabel(self.tr("Xem:"), self))
        row.addWidget(self.by_directive)
        row.addWidget(self.by_organization)
        row.addStretch(1)

        self.stack = QStackedWidget(self)
        self.directives = DirectiveTableModel(self)
        self.table = DirectiveTableView(
            self.directives,
            self.tr("Nội dung cần đôn đốc, mỗi nội dung một dòng"),
            self.stack,
            object_name="chaseTable",
            never_shown=(Column.NUMBER, Column.DONE_ON),
            hidden_by_default=(Column.SUPPORTS,),
            drop_order=(Column.MEETING,),
        )
        self.table.sortByColumn(Column.DUE, Qt.SortOrder.AscendingOrder)
        self.model = ChaseModel(self, as_of=as_of)
        self.tree = ChaseView(self.model, self.stack)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.tree)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(row)
        layout.addWidget(self.stack, 1)

        by_org = QSettings().value(SETTING, False, type=bool)
        (self.by_organization if by_org else self.by_directive).setChecked(True)
        self.stack.setCurrentWidget(self.tree if by_org else self.table)
        self.by_organization.toggled.connect(self._on_by_organization_toggled)

    @property
    def is_by_organization(self) -> bool:
        return self.by_organization.isChecked()

    def current_view(self) -> DirectiveTableView | ChaseView:
        return self.tree if self.is_by_organization else self.table

    def filter(self) -> DirectiveFilter:
        if self._only is not None:  # the reminder's items, whatever quarter they end in
            return DirectiveFilter(as_of=self._as_of, ids=self._only)
        return DirectiveFilter(status=StatusFilter.TO_CHASE, as_of=self._as_of)

    def show_only(self, ids: frozenset[int] | None) -> None:
        """List only ``ids`` (the reminder's items), each directive once; None lists all."""
        self._only = tuple(sorted(ids)) if ids is not None else None
        if ids is not None:
            self.by_directive.setChecked(True)
        self._stale[False] = True
        self._overdue = None
        self._load_current()

    @property
    def only_ids(self) -> tuple[int, ...] | None:
        """The directives the list is narrowed to, or None."""
        return self._only

    def reload(self) -> None:
        """Read the list on show again; the other is read when it is shown."""
        self._stale = {False: True, True: True}
        self._overdue = None
        self._load_current()

    def follow(self, bus: StoreBus) -> None:
        """Keep both lists up to date with the store by themselves (the hidden one when
        it is shown again) and forget the overdue count a change may have moved."""
        self.directives.follow(bus, self.table)
        self.model.follow(bus, self.tree)
        bus.changed.connect(self._on_store_changed)

    def _on_store_changed(self, changes: Changes) -> None:
        if changes.directive_ids or changes.meeting_ids or changes.organization_ids:
            self._overdue = None

    @property
    def counts_known(self) -> bool:
        return self.directives.total_known and self._overdue is not None

    def overdue_count(self) -> int:
        """Directives to chase that are past their deadline (counted in SQL when first
        asked after a change: at 300,000 directives that takes longer than a frame)."""
        if self._overdue is None:
            self._overdue = queries.count_directives(
                DirectiveFilter(status=StatusFilter.OVERDUE, as_of=self._as_of)
            )
        return self._overdue

    def save_settings(self) -> None:
        QSettings().setValue(SETTING, self.is_by_organization)
        self.table.columns.save()
        self.tree.columns.save()

    def restore_settings(self) -> None:
        self.table.restore_columns()
        self.tree.columns.restore()

    def _load_current(self) -> None:
        by_org = self.is_by_organization
        if not self._stale[by_org]:
            return
        if by_org:
            self.model.reload()
        else:
            self.directives.set_filter(self.filter())
            if self.directives.total_known:
                self.overdue_count()  # a short list: counted at once, like its rows
        self._stale[by_org] = False

    def _on_by_organization_toggled(self, by_org: bool) -> None:
        self.stack.setCurrentWidget(self.tree if by_org else self.table)
        self._load_current()
        self.current_view().setFocus()
        self.mode_changed.emit()
