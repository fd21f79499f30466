"""The window the clerk lives in: meetings on the left, what to chase and the directives on
the right, the selected directive's details below.

Just over 600 lines: building the panes and wiring their signals, which reads best in
one place; what the actions do, the operations, menus and saved state live beside it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker import queries
from tracker.changes import Changes
from tracker.errors import NotFoundError, StaleEditError, TrackerError
from tracker.queries import DirectiveFilter, MeetingFilter
from tracker.rows import DirectiveRow, MeetingRow, Status
from tracker.store.dbfile import damaged_error
from ui import assets, i18n, messages
from ui.actions import Actions
from ui.first_paint import FirstPaintWatcher
from ui.main_window import layout_state, menus
from ui.main_window.base import WindowBase
from ui.main_window.commands import Commands
from ui.main_window.count_line import CountLine
from ui.main_window.meeting_header import MeetingHeader
from ui.main_window.operations import Operations
from ui.main_window.tabs import TAB_ALL, TAB_CHASE, TAB_MEETING, VIEW_KEYS
from ui.models.directive_table import ROW_ROLE, Column, DirectiveTableModel
from ui.models.store_bus import Follower, StoreBus
from ui.reminder_watch import ReminderWatch
from ui.views.chase_page import ChasePage
from ui.views.chase_view import ChaseView
from ui.views.details_panel import DetailsPanel
from ui.views.directive_view import DirectiveTableView
from ui.views.meeting_panel import MeetingPanel

if TYPE_CHECKING:
    from ui.views.filter_bar import FilterBar
    from ui.views.first_run_panel import FirstRunPanel


def _viewport(view: QAbstractScrollArea) -> QWidget:
    """``view.viewport()``, found by name: PySide6 answers the first ``viewport()`` call of
    a process by loading every QtWidgets class it has not loaded yet (~10 ms)."""
    found = view.findChild(
        QWidget, "qt_scrollarea_viewport", Qt.FindChildOption.FindDirectChildrenOnly
    )
    return found if isinstance(found, QWidget) else view.viewport()


REMINDERS_AFTER_PAINT_MS = 300  # after the first paint, so the check never delays it


class MainWindow(WindowBase):
    """The main window: builds the views and wires them to the commands
    (ui.main_window.commands), which run the operations (ui.main_window.operations).
    Each model follows the store's changes by itself (ui.models.store_bus); the window
    follows them only for its own state: the years, the heading, the first-run page,
    the actions and the count."""


    def __init__(self, parent: QWidget | None = None, *, as_of: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        # Qt adds the application's display name ("— Giao ban") to what the system shows.
        self.setWindowTitle(self.tr("Theo dõi, đôn đốc nội dung chỉ đạo"))
        self.setWindowIcon(assets.icon("app"))
        self._as_of = as_of
        self._meeting: MeetingRow | None = None
        self._loaded_tabs: set[int] = set()
        self._first_run: FirstRunPanel | None = None  # made for an empty database only
        self._filter_bar: FilterBar | None = None
        self._all_directives: DirectiveTableModel | None = None
        self._all_table: DirectiveTableView | None = None
        self.bus = StoreBus(self)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)
        self.actions = Actions(self, self.undo_stack)
        self.ops = Operations(self.bus, self.undo_stack, as_of=as_of, stale=self.reload_all)
        self.commands = Commands(self, self.ops)

        # Every widget is created in the parent it stays in: moving a built subtree to
        # another parent makes Qt resolve the style sheet, font and palette of all of it
        # again (~20 ms of start-up).
        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self.pages)
        self.main_splitter.setObjectName("mainSplitter")
        self._build_left()
        self._build_right()
        self.main_splitter.addWidget(self.left)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([260, 1040])
        self.main_splitter.setChildrenCollapsible(False)
        self.pages.addWidget(self.main_splitter)

        menus.build_menus(self)
        menus.build_toolbar(self)
        self.count_label = CountLine(self)
        self.count_label.setAccessibleName(self.tr("Số nội dung đang hiện"))
        self.statusBar().addPermanentWidget(self.count_label)
        self.damage_label = QLabel(
            self.tr("Tệp dữ liệu bị hỏng: không ghi được gì; hãy khôi phục từ bản sao lưu")
        )
        self.damage_label.setObjectName("damageLabel")
        self.damage_label.hide()
        self.statusBar().addPermanentWidget(self.damage_label)

        self._connect()
        self._restore_settings()
        self.load()
        self.reminder_watch = ReminderWatch(self, as_of=as_of)
        # Once the window is on screen: on a large file the check reads every overdue item.
        FirstPaintWatcher(
            self.first_paint_targets(),
            lambda: QTimer.singleShot(REMINDERS_AFTER_PAINT_MS, self, self.reminder_watch.check),
        )
        self._start_live_refresh()

    # --- building -------------------------------------------------------------------------

    def _build_left(self) -> None:
        self.left = MeetingPanel(self.bus, self.main_splitter)
        self.meeting_search = self.left.search
        self.year = self.left.year
        self.meeting_model = self.left.model
        self.meeting_list = self.left.list

    def _build_right(self) -> None:
        self.right_splitter = QSplitter(Qt.Orientation.Vertical, self.main_splitter)
        self.right_splitter.setObjectName("rightSplitter")
        self.tabs = QTabWidget(self.right_splitter)
        self.tabs.setObjectName("views")
        self.tabs.setAccessibleName(self.tr("Các cách xem"))
        self.tabs.setDocumentMode(True)
        # The tab widget's own stack: pages made in it are not moved by addTab.
        stack = self.tabs.findChild(QStackedWidget)

        self.chase_page = ChasePage(stack, as_of=self._as_of)
        self.chase_page.follow(self.bus)
        self.chase_model = self.chase_page.model  # by organization
        self.chase_view = self.chase_page.tree
        self.chase_directives = self.chase_page.directives  # each directive once
        self.chase_table = self.chase_page.table
        self.tabs.addTab(self.chase_page, assets.icon("overdue"), self.tr("Cần &đôn đốc"))

        self.meeting_page = QWidget(stack)
        self.meeting_header = MeetingHeader(self.meeting_page)
        self.meeting_directives = DirectiveTableModel(self)
        self.meeting_table = DirectiveTableView(
            self.meeting_directives,
            self.tr("Nội dung chỉ đạo của cuộc giao ban"),
            self.meeting_page,
            object_name="meetingTable",
            never_shown=(Column.MEETING,),  # the meeting is the page's heading
        )
        self.meeting_directives.follow(self.bus, self.meeting_table)
        # Two lines under the heading at least: a 150 % laptop needs the rest for the banner.
        table = self.meeting_table
        table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + 2 * (
            table.fontMetrics().lineSpacing() + table.frameWidth()))  # fmt: skip
        mv = QVBoxLayout(self.meeting_page)
        mv.setContentsMargins(0, 0, 0, 0)
        mv.addWidget(self.meeting_header)
        mv.addWidget(self.meeting_table, 1)
        self.tabs.addTab(self.meeting_page, self.tr("&Giao ban"))

        # Its filter bar, model and table are made when first used (_build_all_page).
        self.all_page = QWidget(stack)
        self._all_layout = QVBoxLayout(self.all_page)
        self._all_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.all_page, self.tr("&Tất cả nội dung"))

        self.details = DetailsPanel(self.right_splitter)
        self.details.follow(self.bus, as_of=self._as_of)
        self.details.attachments.bind(self.ops)
        self.right_splitter.addWidget(self.tabs)
        self.right_splitter.addWidget(self.details)
        self.right_splitter.setStretchFactor(0, 3)
        self.right_splitter.setStretchFactor(1, 1)
        self.right_splitter.setSizes([520, 240])
        self.right_splitter.setChildrenCollapsible(False)
        for view in (self.chase_view, self.chase_table, self.meeting_table):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(self._on_view_context_menu)

    def _build_all_page(self) -> None:
        """The all-directives view, made the first time it is used: start-up builds only
        what the first paint shows."""
        # the all-directives page is built when first shown
        from ui.views.filter_bar import FilterBar

        self._filter_bar = FilterBar(self.all_page)
        self._all_directives = DirectiveTableModel(self)
        self._all_table = DirectiveTableView(
            self._all_directives,
            self.tr("Tất cả nội dung chỉ đạo"),
            self.all_page,
            object_name="allTable",
            drop_order=(Column.SUPPORTS, Column.DONE_ON, Column.MEETING, Column.NUMBER),
        )
        self._all_directives.follow(self.bus, self._all_table)
        Follower(self.bus, self._refresh_filter_choices, self._filter_bar)
        self._all_layout.addWidget(self._filter_bar)
        self._all_layout.addWidget(self._all_table, 1)
        self._all_table.restore_columns()
        self._all_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._all_table.customContextMenuRequested.connect(self._on_view_context_menu)
        self._filter_bar.filter_changed.connect(self._on_filter_bar_filter_changed)
        self._all_table.directive_selected.connect(self._on_directive_selected)
        self._all_table.directive_activated.connect(self._on_directive_activated)
        self._all_directives.modelReset.connect(self._update_counts)
        self._all_directives.rowsInserted.connect(self._update_counts)
        self._all_directives.rowsRemoved.connect(self._update_counts)

    def _refresh_filter_choices(self, changes: Changes) -> None:
        """The filter bar offers the organizations and topics there are."""
        if changes.organization_ids or changes.directive_ids:
            self.filter_bar.reload_choices()

    @property
    def first_run(self) -> FirstRunPanel:
        """The first-run panel shown instead of the views while the database is empty."""
        if self._first_run is None:
            from ui.views.first_run_panel import FirstRunPanel  # only on an empty database

            self._first_run = FirstRunPanel(self.pages)
            self._first_run.set_settings(queries.load_settings())
            self.pages.addWidget(self._first_run)
            self._first_run.create_requested.connect(self.commands.first_run_create)
            self._first_run.sample_requested.connect(self.commands.first_run_sample)
        return self._first_run

    @property
    def as_of(self) -> date | None:
        """The day statuses are seen as of (None: today)."""
        return self._as_of

    @property
    def meeting(self) -> MeetingRow | None:
        """The meeting chosen on the left."""
        return self._meeting

    def show_new_meeting(self, meeting_id: int) -> None:
        """Choose a meeting just logged and show its tab."""
        self.select_meeting(meeting_id)
        self.tabs.setCurrentIndex(TAB_MEETING)

    def showing_first_run(self) -> bool:
        """Whether the first-run panel stands instead of the views (no data yet)."""
        return self._first_run is not None and self.pages.currentWidget() is self._first_run

    @property
    def all_built(self) -> bool:
        """Whether the all-directives view has been made yet."""
        return self._filter_bar is not None

    @property
    def filter_bar(self) -> FilterBar:
        if self._filter_bar is None:
            self._build_all_page()
        assert self._filter_bar is not None
        return self._filter_bar

    @property
    def all_directives(self) -> DirectiveTableModel:
        if self._all_directives is None:
            self._build_all_page()
        assert self._all_directives is not None
        return self._all_directives

    @property
    def all_table(self) -> DirectiveTableView:
        if self._all_table is None:
            self._build_all_page()
        assert self._all_table is not None
        return self._all_table

    def _connect(self) -> None:
        self.bus.changed.connect(self._on_store_changed)
        self.bus.failed.connect(self._on_bus_failed)
        self.meeting_list.selectionModel().currentRowChanged.connect(
            self._on_meeting_current_changed
        )
        self.meeting_list.clicked.connect(self._on_meeting_list_clicked)
        self.meeting_list.activated.connect(self._on_meeting_list_clicked)
        self.meeting_model.modelReset.connect(self._on_meeting_model_reset)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        for view in (self.chase_view, self.chase_table, self.meeting_table):
            view.directive_selected.connect(self._on_directive_selected)
            view.directive_activated.connect(self._on_directive_activated)
        for model in (self.meeting_directives, self.chase_directives):
            model.modelReset.connect(self._update_counts)
            model.rowsInserted.connect(self._update_counts)
            model.rowsRemoved.connect(self._update_counts)
        self.chase_page.mode_changed.connect(self._on_chase_page_mode_changed)
        self.chase_model.modelReset.connect(self._update_counts)
        self.chase_model.counted.connect(self._update_counts)
        self.details.owner_done_requested.connect(self._on_details_owner_done_requested)
        self.details.owner_reopen_requested.connect(self._on_details_owner_reopen_requested)
        self.details.note_submitted.connect(self._on_details_note_submitted)
        self.details.extend_requested.connect(self._on_details_extend_requested)
        self.undo_stack.indexChanged.connect(lambda _i: self._update_actions())
        self.meeting_header.attachments_requested.connect(
            self.commands.show_meeting_attachments
        )

        menus.connect_actions(self, self.commands)
        # Enter on the meeting list edits nothing by accident: it opens the meeting's view.
        QShortcut(QKeySequence("Ctrl+L"), self, lambda: self.meeting_list.setFocus())

    def _start_live_refresh(self) -> None:
        """On a PostgreSQL server: other users' saves appear here (ui/models/live_refresh)."""
        from ui.models.live_refresh import LiveRefresh  # it loads the services: only on a server

        self.live_refresh: LiveRefresh | None = None
        if LiveRefresh.wanted():
            self.live_refresh = LiveRefresh(self.bus, self)
            self.live_refresh.reload.connect(self.load)
            self.live_refresh.start()
            from ui.models.live_refresh import apply_read_only  # as above

            apply_read_only(self)

    # --- loading --------------------------------------------------------------------------

    def load(self) -> None:
        """Read everything shown from the database (start-up and F5)."""
        self.left.fill_years()
        self.meeting_model.set_filter(self.left.filter())
        empty = (
            self.meeting_model.total == 0
            and not self.meeting_search.text()
            and (self.year.currentData() is None)
        )
        self.pages.setCurrentWidget(self.first_run if empty else self.main_splitter)
        self._loaded_tabs.clear()
        if empty:
            self._show_meeting(None)
        elif self.meeting_model.rowCount() and not self.meeting_list.currentIndex().isValid():
            self.meeting_list.setCurrentIndex(self.meeting_model.index(0, 0))
        self._load_tab(self.tabs.currentIndex())
        self._update_actions()
        self._update_counts()
        (self.first_run.create_button if empty else self.current_view()).setFocus()

    def reload_all(self) -> None:
        keep = self._meeting.id if self._meeting else None
        if self.all_built:
            self.filter_bar.reload_choices()
        self.load()
        if keep is not None:
            self.select_meeting(keep)

    def _load_tab(self, tab: int) -> None:
        """Read a view's rows the first time it is shown (then they follow the changes)."""
        if self.showing_first_run() or tab in self._loaded_tabs:
            return
        if tab == TAB_CHASE:
            self.chase_page.reload()
        elif tab == TAB_ALL:
            self.all_directives.set_filter(self._all_filter(self.filter_bar.current_filter()))
        self._loaded_tabs.add(tab)

    def _all_filter(self, flt: DirectiveFilter) -> DirectiveFilter:
        if self._as_of is not None:
            return replace(flt, as_of=self._as_of)
        return flt

    def select_meeting(self, meeting_id: int) -> bool:
        row = self.meeting_model.row_of(meeting_id)
        if row is None:
            return False
        self.meeting_list.setCurrentIndex(self.meeting_model.index(row, 0))
        return True

    def _show_meeting(self, meeting: MeetingRow | None) -> None:
        self._meeting = meeting
        self.meeting_header.show_meeting(meeting)
        flt = DirectiveFilter(meeting_id=meeting.id, as_of=self._as_of) if meeting else None
        if flt != self.meeting_directives.filter:
            self.meeting_directives.set_filter(flt)
        if self.tabs.currentIndex() == TAB_MEETING:
            self._update_details()
        self._update_actions()

    def first_paint_targets(self) -> list[QWidget]:
        """The widgets whose first paint means the window is ready to use."""
        if self.showing_first_run():
            return [self.first_run]
        return [_viewport(self.meeting_list), _viewport(self.current_view())]

    # --- what is selected -----------------------------------------------------------------

    def current_view(self) -> ChaseView | DirectiveTableView:
        tab = self.tabs.currentIndex()
        if tab == TAB_CHASE:
            return self.chase_page.current_view()
        return self.meeting_table if tab == TAB_MEETING else self.all_table

    def selected_directive_ids(self) -> list[int]:
        if self.showing_first_run():
            return []
        view = self.current_view()
        ids = view.selected_ids()
        current = view.current_id()
        if not ids and current:
            ids = [current]
        return ids

    def current_directive(self) -> DirectiveRow | None:
        view = self.current_view()
        did = view.current_id()
        if not did:
            return None
        row = view.model().data(view.currentIndex(), ROW_ROLE)
        return row if isinstance(row, DirectiveRow) else None

    def _update_details(self) -> None:
        row = self.current_directive()
        if row is not None:
            try:
                row = queries.directive(row.id, as_of=self._as_of)
            except NotFoundError:
                row = None
        self.details.show_directive(row)
        self._update_actions()

    def _update_actions(self) -> None:
        a = self.actions
        has_data = not self.showing_first_run()
        ids = self.selected_directive_ids() if has_data else []
        for act in a.selection_actions():
            act.setEnabled(bool(ids))
        row = self.details.directive
        a.add_note.setEnabled(row is not None)
        a.attach_file.setEnabled(row is not None)
        a.extend.setEnabled(
            row is not None
            and row.due is not None
            and row.status not in (Status.DONE, Status.CANCELLED)
        )
        a.edit.setEnabled(bool(ids) or self._meeting is not None)
        a.delete.setEnabled(bool(ids) or self._meeting is not None)
        a.add_directive.setEnabled(self._meeting is not None)
        for act in (a.view_chase, a.view_meeting, a.view_all, a.find):
            act.setEnabled(has_data)

    def _update_counts(self, *_args: object) -> None:
        self.count_label.show_for(self)

    # --- slots ----------------------------------------------------------------------------

    def _on_chase_page_mode_changed(self) -> None:
        self._update_details()
        self._update_counts()

    def _on_meeting_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self._show_meeting(None)
            return
        self._show_meeting(self.meeting_model.row(current.row()))

    def _on_meeting_list_clicked(self, _index: QModelIndex) -> None:
        self.tabs.setCurrentIndex(TAB_MEETING)

    def _on_meeting_model_reset(self) -> None:
        keep = self._meeting.id if self._meeting else None
        if keep is not None and self.select_meeting(keep):
            row = self.meeting_model.row_of(keep)
            assert row is not None
            self._show_meeting(self.meeting_model.row(row))
        elif self.meeting_model.rowCount():
            self.meeting_list.setCurrentIndex(self.meeting_model.index(0, 0))
        else:
            self._show_meeting(None)

    def _on_tabs_current_changed(self, tab: int) -> None:
        self._load_tab(tab)
        self._update_details()
        self._update_counts()

    def _on_filter_bar_filter_changed(self, flt: DirectiveFilter) -> None:
        self.all_directives.set_filter(self._all_filter(flt))
        self._loaded_tabs.add(TAB_ALL)
        if self.tabs.currentIndex() == TAB_ALL:
            self._update_details()

    def _on_directive_selected(self, _directive_id: int) -> None:
        if self.sender() is self.current_view():
            self._update_details()

    def _on_directive_activated(self, _directive_id: int) -> None:
        self.commands.edit_directive()

    def _on_view_context_menu(self, pos: QPoint) -> None:
        menus.context_menu(self, pos)

    def _on_store_changed(self, changes: Changes) -> None:
        """The window's own state after a change; the models (connected before this)
        have already followed it by themselves."""
        was_empty = self.showing_first_run()
        if changes.meeting_ids:
            self.left.fill_years()
        if was_empty and self.meeting_model.total:
            self.pages.setCurrentWidget(self.main_splitter)
            self.meeting_list.setCurrentIndex(self.meeting_model.index(0, 0))
            self._load_tab(self.tabs.currentIndex())
        elif (
            not was_empty
            and self.meeting_model.total == 0
            and self.left.filter() == (MeetingFilter())
        ):
            self.pages.setCurrentWidget(self.first_run)
        if self._meeting is not None:
            row = self.meeting_model.row_of(self._meeting.id)
            fresh = self.meeting_model.row(row) if row is not None else None
            if fresh is None:
                self._show_meeting(None)
            else:
                self._meeting = fresh
                self.meeting_header.show_meeting(fresh)
        shown = self.details.directive
        if self.showing_first_run() or (shown.id if shown else None) != (
            self.current_view().current_id() or None
        ):
            self._update_details()  # the row under the cursor is another one now
        else:
            self._update_actions()
        self._update_counts()

    def _on_bus_failed(self, error: TrackerError) -> None:
        if isinstance(error, StaleEditError):
            self.reload_all()
        messages.show_error(self, error)

    def _on_details_owner_done_requested(self, directive_id: int, organization_id: int) -> None:
        self.commands.ask_done([directive_id], organization_id=organization_id)

    def _on_details_owner_reopen_requested(self, directive_id: int, organization_id: int) -> None:
        self.commands.set_status(
            [directive_id], Status.OPEN, organization_id=organization_id, text=self.tr("Mở lại")
        )

    def _on_details_note_submitted(self, directive_id: int, text: str) -> None:
        if self.commands.add_quick_note(directive_id, text):
            self.details.clear_note()

    def _on_details_extend_requested(self, directive_id: int) -> None:
        self.commands.extend_current()

    def focus_search(self) -> None:
        if self.showing_first_run():
            return
        if self.meeting_list.hasFocus():
            self.meeting_search.setFocus()
            self.meeting_search.selectAll()
            return
        self.tabs.setCurrentIndex(TAB_ALL)
        self.filter_bar.focus_search()

    # --- integrity of a large file --------------------------------------------------------

    def watch_integrity(self, path: str) -> None:
        """Check a large file's integrity in the background (it was opened without the
        check, which would have held up the start); a failure blocks writes."""
        from ui.integrity_watch import IntegrityWatch  # only for a large file

        self.integrity_watch = IntegrityWatch(path, self)
        self.integrity_watch.finished.connect(self._on_integrity_checked)
        self.integrity_watch.start()

    def _on_integrity_checked(self, problem: str) -> None:
        if not problem:
            return
        self.damage_label.show()
        messages.show_damage_once(self, damaged_error(self.integrity_watch.path))

    # --- settings -------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        layout_state.restore(self)
        self.tabs.setCurrentIndex(self._default_tab())
        lang = i18n.current_language()
        (self.actions.language_en if lang == "en" else self.actions.language_vi).setChecked(True)

    def _default_tab(self) -> int:
        try:
            view = queries.load_settings().default_view
        except TrackerError:
            view = "chase"
        return VIEW_KEYS.get(view, TAB_CHASE)

    def save_settings(self) -> None:
        layout_state.save(self)

    # --- Qt overrides ---------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.ops.tidy_attachments()
        super().closeEvent(event)
