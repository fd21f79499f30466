"""The window the clerk lives in: meetings on the left, what to chase and the directives on
the right, the selected directive's details below."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QLocale, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from tracker import queries
from tracker.changes import Changes
from tracker.dates import format_date
from tracker.errors import NotFoundError, StaleEditError, TrackerError
from tracker.quarters import Quarter
from tracker.queries import DirectiveFilter, MeetingFilter
from tracker.rows import DirectiveRow, MeetingRow, Status
from ui import assets, i18n, messages
from ui.actions import Actions
from ui.models.directive_table import ROW_ROLE, Column, DirectiveTableModel
from ui.models.meeting_list import MeetingListModel, progress_text
from ui.models.store_bus import StoreBus
from ui.reminder_watch import ReminderWatch
from ui.screen_fit import available_geometry, fit_to_screen
from ui.views.chase_page import ChasePage
from ui.views.chase_view import ChaseView
from ui.views.details_panel import DetailsPanel
from ui.views.directive_view import DirectiveTableView
from ui.widgets.text_box import TextBox

if TYPE_CHECKING:
    from types import ModuleType

    from tracker.drafts import DirectiveDraft, MeetingDraft
    from ui.undo_commands import ServiceCommand
    from ui.views.filter_bar import FilterBar
    from ui.views.first_run_panel import FirstRunPanel

TAB_CHASE, TAB_MEETING, TAB_ALL = range(3)
COUNT_DELAY_MS = 40  # a count the status bar waits for comes after the rows' paint
VIEW_KEYS = {"chase": TAB_CHASE, "meetings": TAB_MEETING, "directives": TAB_ALL}
SEARCH_DELAY_MS = 250
# Shown in the language just chosen (i18n.translate_in), not in the one running.
LANGUAGE_NOTICE = QT_TRANSLATE_NOOP(
    "MainWindow", "Ngôn ngữ mới sẽ được dùng từ lần mở chương trình sau."
)


def _services() -> ModuleType:
    """``tracker.services``, imported at the first change: start-up does not need it."""
    from tracker import services

    return services


def _undo() -> ModuleType:
    """``ui.undo_commands`` (and the snapshots of ``tracker.exchange``), imported at the
    first change."""
    from ui import undo_commands

    return undo_commands


def _viewport(view: QAbstractScrollArea) -> QWidget:
    """``view.viewport()``, found by name: PySide6 answers the first ``viewport()`` call of
    a process by loading every QtWidgets class it has not loaded yet (~10 ms)."""
    found = view.findChild(
        QWidget, "qt_scrollarea_viewport", Qt.FindChildOption.FindDirectChildrenOnly
    )
    return found if isinstance(found, QWidget) else view.viewport()


class MeetingHeader(QFrame):
    """Date, chair, attending organizations, quarter reviewed and notes of one meeting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingHeader")
        self.title = QLabel(self)
        self.title.setObjectName("meetingTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.held_on = self._value()
        self.chair = self._value()
        self.attendees = self._value()
        self.reviewed = self._value()
        self.notice_ref = self._value()
        # Up to three lines, scrolling beyond (and down to one on a small screen).
        self.notes = TextBox(self, max_lines=3)
        self.notes.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        fields = (
            (self.tr("Ngày:"), self.held_on, 0, 0),
            (self.tr("Đánh giá quý:"), self.reviewed, 0, 2),
            (self.tr("Chủ trì:"), self.chair, 1, 0),
            (self.tr("Thông báo kết luận số:"), self.notice_ref, 1, 2),
            (self.tr("Thành phần:"), self.attendees, 2, 0),
        )
        for text, widget, row, col in fields:
            label = QLabel(text, self)
            label.setObjectName("sectionLabel")
            widget.setAccessibleName(text.rstrip(":"))
            grid.addWidget(label, row, col)
            grid.addWidget(widget, row, col + 1, 1, 1 if col == 2 or row < 2 else 3)
        notes_label = QLabel(self.tr("Ghi chú:"), self)
        notes_label.setObjectName("sectionLabel")
        notes_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.notes.setAccessibleName(self.tr("Ghi chú"))
        grid.addWidget(notes_label, 3, 0)
        grid.addWidget(self.notes, 3, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.show_meeting(None)

    def _value(self) -> QLabel:
        label = QLabel(self)
        # Long names are cut at the edge (full text in the tooltip) instead of widening
        # the whole window.
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_meeting(self, m: MeetingRow | None) -> None:
        if m is None:
            self.title.setText(self.tr("Chọn một cuộc giao ban ở danh sách bên trái."))
            for w in (
                self.held_on,
                self.chair,
                self.attendees,
                self.reviewed,
                self.notice_ref,
                self.notes,
            ):
                w.clear()
            return
        self.title.setText(m.title)
        self.held_on.setText(f"{format_date(m.held_on)}  ·  {progress_text(m)}")
        chair = m.chair_name
        if m.chair_position:
            chair = f"{chair}, {m.chair_position}" if chair else m.chair_position
        self.chair.setText(chair or "—")
        self.chair.setToolTip(chair)
        attendees = ", ".join(m.attendee_names)
        self.attendees.setText(attendees or "—")
        self.attendees.setToolTip(attendees)
        self.reviewed.setText(str(m.reviewed_quarter) if m.reviewed_quarter else "—")
        self.notice_ref.setText(m.notice_ref or self.tr("(chưa ghi)"))
        self.notice_ref.setToolTip(m.notice_ref)
        self.notes.setText(m.notes.strip() or "—")


class MainWindow(QMainWindow):
    """The main window.

    Signals:
        first_paint_done(): the meeting list and the first page of directives were painted.
    """

    first_paint_done = Signal()

    def __init__(self, parent: QWidget | None = None, *, as_of: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        # Qt adds the application's display name ("— Giao ban") to what the system shows.
        self.setWindowTitle(self.tr("Theo dõi, đôn đốc nội dung chỉ đạo"))
        self.setWindowIcon(assets.icon("app"))
        self._as_of = as_of
        self._meeting: MeetingRow | None = None
        self._loaded_tabs: set[int] = set()
        self._dirty_tabs: set[int] = set()
        self._first_run: FirstRunPanel | None = None  # made for an empty database only
        self._filter_bar: FilterBar | None = None
        self._all_directives: DirectiveTableModel | None = None
        self._all_table: DirectiveTableView | None = None
        self.bus = StoreBus(self)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)
        self.actions = Actions(self, self.undo_stack)

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

        self._build_menus()
        self._build_toolbar()
        self.count_label = QLabel(self)
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
        QTimer.singleShot(0, self, self.reminder_watch.check)

    # --- building -------------------------------------------------------------------------

    def _build_left(self) -> None:
        self.left = QWidget(self.main_splitter)
        self.left.setObjectName("meetingPanel")
        self.meeting_search = QLineEdit(self.left)
        self.meeting_search.setObjectName("meetingSearch")
        self.meeting_search.setAccessibleName(self.tr("Tìm cuộc giao ban theo tiêu đề"))
        self.meeting_search.setPlaceholderText(self.tr("Tìm giao ban…"))
        self.meeting_search.setClearButtonEnabled(True)
        self.year = QComboBox(self.left)
        self.year.setAccessibleName(self.tr("Lọc giao ban theo năm"))
        self.meeting_model = MeetingListModel(self)
        self.meeting_list = QListView(self.left)
        self.meeting_list.setObjectName("meetingList")
        self.meeting_list.setAccessibleName(self.tr("Danh sách các cuộc giao ban"))
        self.meeting_list.setModel(self.meeting_model)
        self.meeting_list.setUniformItemSizes(True)
        self.meeting_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.meeting_list.setWordWrap(False)
        self.meeting_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        heading = QLabel(self.tr("Các cuộc &giao ban"), self.left)
        heading.setObjectName("sectionLabel")
        heading.setBuddy(self.meeting_list)
        year_label = QLabel(self.tr("&Năm:"), self.left)
        year_label.setBuddy(self.year)
        top = QFormLayout()
        top.setContentsMargins(0, 0, 0, 0)
        find_label = QLabel(self.tr("Tì&m:"), self.left)
        find_label.setBuddy(self.meeting_search)
        top.addRow(find_label, self.meeting_search)
        top.addRow(year_label, self.year)
        layout = QVBoxLayout(self.left)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.meeting_list, 1)
        self._meeting_timer = QTimer(self)
        self._meeting_timer.setSingleShot(True)
        self._meeting_timer.setInterval(SEARCH_DELAY_MS)

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
        mv = QVBoxLayout(self.meeting_page)
        mv.setContentsMargins(0, 0, 0, 0)
        mv.addWidget(self.meeting_header)
        mv.addWidget(self.meeting_table, 1)
        self.tabs.addTab(self.meeting_page, self.tr("&Giao ban"))

        # Its filter bar, model and table are made when first used (_build_all_page).
        self.all_page = QWidget(stack)
        av = QVBoxLayout(self.all_page)
        av.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.all_page, self.tr("&Tất cả nội dung"))

        self.details = DetailsPanel(self.right_splitter)
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
        layout = self.all_page.layout()
        layout.addWidget(self._filter_bar)
        layout.addWidget(self._all_table, 1)
        self._all_table.restore_columns()
        self._all_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._all_table.customContextMenuRequested.connect(self._on_view_context_menu)
        self._filter_bar.filter_changed.connect(self._on_filter_bar_filter_changed)
        self._all_table.directive_selected.connect(self._on_directive_selected)
        self._all_table.directive_activated.connect(self._on_directive_activated)
        self._all_directives.modelReset.connect(self._update_counts)
        self._all_directives.rowsInserted.connect(self._update_counts)
        self._all_directives.rowsRemoved.connect(self._update_counts)

    @property
    def first_run(self) -> FirstRunPanel:
        """The first-run panel shown instead of the views while the database is empty."""
        if self._first_run is None:
            from ui.views.first_run_panel import FirstRunPanel

            self._first_run = FirstRunPanel(self.pages)
            self._first_run.set_settings(queries.load_settings())
            self.pages.addWidget(self._first_run)
            self._first_run.create_requested.connect(self._on_first_run_create_requested)
            self._first_run.sample_requested.connect(self._on_first_run_sample_requested)
        return self._first_run

    def _save_first_run_settings(self) -> bool:
        """Store the province and issuing body the first-run panel shows, as the
        clerk starts; False (with the reason shown) when they cannot be saved."""
        assert self._first_run is not None
        chosen = self._first_run.document_settings()
        if queries.settings_saved() and chosen == queries.load_settings():
            return True
        try:
            self.bus.run(_services().save_settings, settings=chosen)
        except TrackerError as exc:
            messages.show_error(self, exc)
            return False
        return True

    def _on_first_run_create_requested(self) -> None:
        if self._save_first_run_settings():
            self.new_meeting()

    def _on_first_run_sample_requested(self) -> None:
        if self._save_first_run_settings():
            self.load_sample()

    def _settings_checked_before_printing(self) -> bool:
        """Before the first report: ask the province, the issuing body… (the
        defaults shown); False when the clerk cancels (no report then)."""
        if queries.settings_saved():
            return True
        from ui.dialogs.settings import SettingsDialog

        return SettingsDialog.ask(
            self,
            settings=queries.load_settings(),
            save=lambda settings: self.bus.run(_services().save_settings, settings=settings),
            first_time=True,
        )

    def _showing_first_run(self) -> bool:
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

    def _build_menus(self) -> None:
        a = self.actions
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&Tệp"))
        self.file_menu.addActions([a.new_meeting, a.add_directive])
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.load_sample)
        # Data-safety commands (back up, restore) go in this section.
        self.data_section = self.file_menu.addSeparator()
        self.file_menu.addActions([a.back_up, a.restore])
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.quit)

        edit = bar.addMenu(self.tr("&Sửa"))
        edit.addActions([a.undo, a.redo])
        edit.addSeparator()
        edit.addActions([a.edit, a.delete])
        edit.addSeparator()
        edit.addAction(a.find)

        follow = bar.addMenu(self.tr("Theo &dõi"))
        follow.addActions([a.mark_done_today, a.mark_done, a.reopen, a.cancel])
        follow.addSeparator()
        follow.addActions([a.add_note, a.extend])

        view = bar.addMenu(self.tr("&Xem"))
        view.addActions([a.view_chase, a.view_meeting, a.view_all])
        view.addSeparator()
        view.addAction(a.refresh)

        report = bar.addMenu(self.tr("&Báo cáo"))
        report.addAction(a.report)
        report.addAction(a.open_items_report)
        report.addAction(a.letter)

        tools = bar.addMenu(self.tr("&Công cụ"))
        tools.addActions([a.organizations, a.settings])
        language: QMenu = tools.addMenu(self.tr("&Ngôn ngữ"))
        language.addActions([a.language_vi, a.language_en])

        help_menu = bar.addMenu(self.tr("Trợ &giúp"))
        help_menu.addAction(a.about)
        self.meeting_list.addActions([a.edit, a.delete, a.add_directive])

    def _build_toolbar(self) -> None:
        a = self.actions
        bar = QToolBar(self.tr("Thanh công cụ"), self)
        bar.setObjectName("mainToolbar")
        bar.setAccessibleName(self.tr("Thanh công cụ"))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        bar.addAction(a.new_meeting)
        bar.addAction(a.edit)
        bar.addAction(a.delete)
        bar.addSeparator()
        bar.addAction(a.mark_done_today)
        bar.addAction(a.add_note)
        bar.addAction(a.extend)
        bar.addSeparator()
        bar.addAction(a.undo)
        bar.addAction(a.redo)
        bar.addSeparator()
        bar.addAction(a.report)
        for act in (a.undo, a.redo, a.extend, a.add_note, a.delete, a.edit):
            button = bar.widgetForAction(act)
            if button is not None:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
                button.setAccessibleName(act.text().replace("&", "").rstrip("…"))
        self.addToolBar(bar)
        self.toolbar = bar

    def _connect(self) -> None:
        a = self.actions
        self.bus.changed.connect(self._on_bus_changed)
        self.bus.failed.connect(self._on_bus_failed)
        self.meeting_list.selectionModel().currentRowChanged.connect(
            self._on_meeting_current_changed
        )
        self.meeting_list.clicked.connect(self._on_meeting_list_clicked)
        self.meeting_list.activated.connect(self._on_meeting_list_clicked)
        self.meeting_model.modelReset.connect(self._on_meeting_model_reset)
        self.meeting_search.textChanged.connect(lambda _t: self._meeting_timer.start())
        self._meeting_timer.timeout.connect(self._apply_meeting_filter)
        self.year.currentIndexChanged.connect(self._apply_meeting_filter)
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

        a.new_meeting.triggered.connect(self.new_meeting)
        a.add_directive.triggered.connect(self.new_directive)
        a.edit.triggered.connect(self.edit_selected)
        a.delete.triggered.connect(self.delete_selected)
        a.mark_done_today.triggered.connect(self.mark_selected_done_today)
        a.mark_done.triggered.connect(self.mark_selected_done)
        a.reopen.triggered.connect(self.reopen_selected)
        a.cancel.triggered.connect(self.cancel_selected)
        a.add_note.triggered.connect(self.add_note_to_current)
        a.extend.triggered.connect(self.extend_current)
        a.find.triggered.connect(self.focus_search)
        a.refresh.triggered.connect(self.reload_all)
        a.view_chase.triggered.connect(lambda: self.tabs.setCurrentIndex(TAB_CHASE))
        a.view_meeting.triggered.connect(lambda: self.tabs.setCurrentIndex(TAB_MEETING))
        a.view_all.triggered.connect(lambda: self.tabs.setCurrentIndex(TAB_ALL))
        a.report.triggered.connect(self.open_report)
        a.letter.triggered.connect(self.open_letter)
        a.open_items_report.triggered.connect(self.open_open_items_report)
        a.organizations.triggered.connect(self.open_organizations)
        a.settings.triggered.connect(self.open_settings)
        a.load_sample.triggered.connect(self.load_sample)
        a.back_up.triggered.connect(self.back_up_now)
        a.restore.triggered.connect(self.restore_backup)
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(self.show_about)
        a.language_group.triggered.connect(self._on_language_triggered)
        # Enter on the meeting list edits nothing by accident: it opens the meeting's view.
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.meeting_list.setFocus)

    # --- loading --------------------------------------------------------------------------

    def load(self) -> None:
        """Read everything shown from the database (start-up and F5)."""
        self._fill_years()
        self.meeting_model.set_filter(self._meeting_filter())
        empty = (
            self.meeting_model.total == 0
            and not self.meeting_search.text()
            and (self.year.currentData() is None)
        )
        self.pages.setCurrentWidget(self.first_run if empty else self.main_splitter)
        self._loaded_tabs.clear()
        self._dirty_tabs.clear()
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

    def _fill_years(self) -> None:
        keep = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("Mọi năm"), None)
        for y in queries.meeting_years():
            self.year.addItem(str(y), y)
        i = self.year.findData(keep) if keep is not None else 0
        self.year.setCurrentIndex(max(i, 0))
        self.year.blockSignals(False)

    def _meeting_filter(self) -> MeetingFilter:
        return MeetingFilter(search=self.meeting_search.text(), year=self.year.currentData())

    def _apply_meeting_filter(self, *_args: object) -> None:
        self._meeting_timer.stop()
        self.meeting_model.set_filter(self._meeting_filter())

    def _load_tab(self, tab: int) -> None:
        """Read a view's rows the first time it is shown, or when a change made it stale."""
        if self._showing_first_run():
            return
        if tab in self._loaded_tabs and tab not in self._dirty_tabs:
            return
        if tab == TAB_CHASE:
            self.chase_page.reload()
        elif tab == TAB_ALL:
            self.all_directives.set_filter(self._all_filter(self.filter_bar.current_filter()))
        self._loaded_tabs.add(tab)
        self._dirty_tabs.discard(tab)

    def _all_filter(self, flt: DirectiveFilter) -> DirectiveFilter:
        if self._as_of is not None:
            from dataclasses import replace

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
        if self._showing_first_run():
            return [self.first_run]
        return [_viewport(self.meeting_list), _viewport(self.current_view())]

    # --- what is selected -----------------------------------------------------------------

    def current_view(self) -> ChaseView | DirectiveTableView:
        tab = self.tabs.currentIndex()
        if tab == TAB_CHASE:
            return self.chase_page.current_view()
        return self.meeting_table if tab == TAB_MEETING else self.all_table

    def selected_directive_ids(self) -> list[int]:
        if self._showing_first_run():
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
        has_data = not self._showing_first_run()
        ids = self.selected_directive_ids() if has_data else []
        for act in a.selection_actions():
            act.setEnabled(bool(ids))
        row = self.details.directive
        a.add_note.setEnabled(row is not None)
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
        tab = self.tabs.currentIndex()
        if self._showing_first_run():
            text = self.tr("Chưa có dữ liệu")
        elif tab == TAB_CHASE and not self.chase_page.is_by_organization:
            page = self.chase_page
            if not page.counts_known:
                # Counted once the rows are on screen: two counts of a big backlog take
                # longer than the first paint should wait.
                def count_chase() -> None:
                    _ = page.directives.total, page.overdue_count()
                    self._update_counts()

                self.chase_table.call_after_paint(count_chase)
                return
            text = self.tr(
                "%n nội dung cần đôn đốc, {late} quá hạn", None, page.directives.total
            ).format(late=page.overdue_count())
        elif tab == TAB_CHASE and not self.chase_model.is_counted:
            return  # a long list's counts follow the first paint (ChaseModel.counted)
        elif tab == TAB_CHASE:
            text = self.tr(
                "%n phần việc của {orgs} tổ chức cần đôn đốc, {late} quá hạn",
                None,
                self.chase_model.directive_count,
            ).format(
                orgs=self.chase_model.organization_count,
                late=self.chase_model.overdue_count,
            )
        else:
            model = self.meeting_directives if tab == TAB_MEETING else self.all_directives
            if not model.total_known:
                # Counting can cost more than a frame on a big database: the rows are
                # painted first, the count follows a moment later.
                def count() -> None:
                    _ = model.total
                    self._update_counts()

                QTimer.singleShot(COUNT_DELAY_MS, self, count)
                return
            if model.rowCount() < model.total:
                text = self.tr("Đang hiện {shown} trong {total} nội dung").format(
                    shown=QLocale().toString(model.rowCount()),
                    total=QLocale().toString(model.total),
                )
            else:
                text = self.tr("%Ln nội dung", None, model.total)
        self.count_label.setText(text)

    # --- slots ----------------------------------------------------------------------------

    def _on_chase_page_mode_changed(self) -> None:
        self._update_details()
        self._update_counts()

    def _on_meeting_current_changed(self, current, _previous) -> None:
        if not current.isValid():
            self._show_meeting(None)
            return
        self._show_meeting(self.meeting_model.row(current.row()))

    def _on_meeting_list_clicked(self, _index) -> None:
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
        self._dirty_tabs.discard(TAB_ALL)
        if self.tabs.currentIndex() == TAB_ALL:
            self._update_details()

    def _on_directive_selected(self, _directive_id: int) -> None:
        if self.sender() is self.current_view():
            self._update_details()

    def _on_directive_activated(self, _directive_id: int) -> None:
        self.edit_directive()

    def _on_view_context_menu(self, pos) -> None:
        a = self.actions
        menu = QMenu(self)
        menu.addActions([a.mark_done_today, a.mark_done, a.reopen, a.cancel])
        menu.addSeparator()
        menu.addActions([a.add_note, a.extend])
        menu.addSeparator()
        menu.addActions([a.edit, a.delete])
        view = self.current_view()
        menu.exec(view.viewport().mapToGlobal(pos))

    def _on_bus_changed(self, changes: Changes) -> None:
        was_empty = self._showing_first_run()
        if changes.meeting_ids:
            self._fill_years()
        self.meeting_model.refresh(changes)
        if was_empty and self.meeting_model.total:
            self.pages.setCurrentWidget(self.main_splitter)
            self.meeting_list.setCurrentIndex(self.meeting_model.index(0, 0))
            self._load_tab(self.tabs.currentIndex())
        elif (
            not was_empty
            and self.meeting_model.total == 0
            and self._meeting_filter() == (MeetingFilter())
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
        self.meeting_directives.refresh(changes)
        if self.all_built and (changes.organization_ids or changes.directive_ids):
            self.filter_bar.reload_choices()
        if TAB_ALL in self._loaded_tabs:
            self.all_directives.refresh(changes)
        if self.tabs.currentIndex() == TAB_CHASE:
            self.chase_page.refresh(changes)
        else:
            self._dirty_tabs.add(TAB_CHASE)
        self._update_details()
        self._update_counts()

    def _on_bus_failed(self, error: TrackerError) -> None:
        if isinstance(error, StaleEditError):
            self.reload_all()
        messages.show_error(self, error)

    def _on_details_owner_done_requested(self, directive_id: int, organization_id: int) -> None:
        self.ask_done([directive_id], organization_id=organization_id)

    def _on_details_owner_reopen_requested(self, directive_id: int, organization_id: int) -> None:
        self.set_status(
            [directive_id], Status.OPEN, organization_id=organization_id, text=self.tr("Mở lại")
        )

    def _on_details_note_submitted(self, directive_id: int, text: str) -> None:
        if self.run(
            _undo().EditDirectivesCommand(
                self.bus,
                self.tr("Thêm ghi chú tiến độ"),
                [directive_id],
                lambda: _services().add_note(
                    directive_id=directive_id, text=text, on=self._today()
                ),
            )
        ):
            self.details.clear_note()

    def _on_details_extend_requested(self, directive_id: int) -> None:
        self.extend_current()

    def _on_language_triggered(self, action) -> None:
        lang = action.data()
        i18n.save_language(lang)
        if lang != i18n.current_language():
            messages.show_info(self, i18n.translate_in(lang, "MainWindow", LANGUAGE_NOTICE))

    # --- running changes ------------------------------------------------------------------

    def _today(self) -> date:
        return self._as_of or date.today()

    def push(self, command: ServiceCommand) -> Changes:
        """Run an undoable change; raises its TrackerError (for a dialog to show)."""
        try:
            return _undo().push(self.undo_stack, command)
        except StaleEditError:
            self.reload_all()
            raise

    def run(self, command: ServiceCommand) -> bool:
        """Run an undoable change outside a dialog, showing any error in a message box."""
        try:
            self.push(command)
        except TrackerError as exc:
            messages.show_error(self, exc)
            return False
        return True

    # save callbacks handed to the dialogs: each raises TrackerError for the dialog to show

    def save_new_meeting(
        self, meeting: MeetingDraft, directives: Sequence[DirectiveDraft] = ()
    ) -> Changes:
        changes = self.push(
            _undo().LogMeetingCommand(self.bus, self.tr("Ghi giao ban mới"), meeting, directives)
        )
        if changes.created_id is not None:
            self.select_meeting(changes.created_id)
            self.tabs.setCurrentIndex(TAB_MEETING)
        return changes

    def save_meeting(
        self, meeting_id: int, meeting: MeetingDraft, expected_version: int | None = None
    ) -> Changes:
        return self.push(
            _undo().EditMeetingCommand(
                self.bus,
                self.tr("Sửa cuộc giao ban"),
                meeting_id,
                lambda: _services().update_meeting(
                    meeting_id=meeting_id, meeting=meeting, expected_version=expected_version
                ),
            )
        )

    def save_new_directive(self, meeting_id: int, directive: DirectiveDraft) -> Changes:
        return self.push(
            _undo().AddDirectiveCommand(self.bus, self.tr("Thêm nội dung"), meeting_id, directive)
        )

    def save_directive(
        self, directive_id: int, directive: DirectiveDraft, expected_version: int | None = None
    ) -> Changes:
        return self.push(
            _undo().EditDirectivesCommand(
                self.bus,
                self.tr("Sửa nội dung"),
                [directive_id],
                lambda: _services().update_directive(
                    directive_id=directive_id,
                    directive=directive,
                    expected_version=expected_version,
                    today=self._today(),
                ),
            )
        )

    def save_done(
        self,
        directive_ids: Sequence[int],
        on: date,
        note: str = "",
        organization_id: int | None = None,
    ) -> Changes:
        ids = list(directive_ids)
        return self.push(
            _undo().EditDirectivesCommand(
                self.bus,
                self.tr("Đánh dấu hoàn thành %n nội dung", None, len(ids)),
                ids,
                lambda: _services().mark_done(
                    directive_ids=ids, on=on, note=note, organization_id=organization_id
                ),
            )
        )

    def save_extension(self, directive_id: int, new_due: Quarter, reason: str) -> Changes:
        return self.push(
            _undo().EditDirectivesCommand(
                self.bus,
                self.tr("Gia hạn"),
                [directive_id],
                lambda: _services().extend_deadline(
                    directive_id=directive_id, new_due=new_due, reason=reason, on=self._today()
                ),
            )
        )

    def save_note(
        self, directive_id: int, text: str, organization_id: int | None = None
    ) -> Changes:
        return self.push(
            _undo().EditDirectivesCommand(
                self.bus,
                self.tr("Thêm ghi chú tiến độ"),
                [directive_id],
                lambda: _services().add_note(
                    directive_id=directive_id,
                    text=text,
                    organization_id=organization_id,
                    on=self._today(),
                ),
            )
        )

    def set_status(
        self,
        directive_ids: Sequence[int],
        status: Status,
        *,
        note: str = "",
        organization_id: int | None = None,
        text: str = "",
    ) -> bool:
        ids = list(directive_ids)
        if not ids:
            return False
        return self.run(
            _undo().EditDirectivesCommand(
                self.bus,
                text or self.tr("Đổi trạng thái"),
                ids,
                lambda: _services().set_status(
                    directive_ids=ids,
                    status=status,
                    on=self._today(),
                    note=note,
                    organization_id=organization_id,
                ),
            )
        )

    # --- commands -------------------------------------------------------------------------

    # Dialogs are imported when first opened: start-up time matters.

    def new_meeting(self) -> None:
        from ui.dialogs.meeting import MeetingDialog

        MeetingDialog.ask(self, save=self.save_new_meeting, today=self._today())

    def edit_meeting(self) -> None:
        if self._meeting is None:
            return
        from ui.dialogs.meeting import MeetingDialog

        meeting = self._meeting
        MeetingDialog.ask(
            self,
            save=lambda draft, _directives: self.save_meeting(meeting.id, draft, meeting.version),
            meeting=meeting,
            directives=queries.list_directives(
                DirectiveFilter(meeting_id=meeting.id, as_of=self._as_of)
            ),
            today=self._today(),
        )

    def new_directive(self) -> None:
        if self._meeting is None:
            return
        from ui.dialogs.directive import DirectiveDialog

        meeting = self._meeting
        DirectiveDialog.ask(
            self,
            save=lambda draft: self.save_new_directive(meeting.id, draft),
            directive=None,
            default_due=Quarter.of(meeting.held_on),
        )

    def edit_directive(self) -> None:
        row = self.current_directive()
        if row is None:
            return
        from ui.dialogs.directive import DirectiveDialog

        DirectiveDialog.ask(
            self,
            save=lambda draft: self.save_directive(row.id, draft, row.version),
            directive=row,
            default_due=row.due,
        )

    def edit_selected(self) -> None:
        if self.meeting_list.hasFocus() or not self.selected_directive_ids():
            self.edit_meeting()
        else:
            self.edit_directive()

    def delete_selected(self) -> None:
        if self.meeting_list.hasFocus() or not self.selected_directive_ids():
            self.delete_meeting()
        else:
            self.delete_directives()

    def delete_meeting(self) -> None:
        m = self._meeting
        if m is None:
            return
        if not messages.confirm(
            self,
            self.tr("Xóa cuộc giao ban"),
            self.tr(
                "Xóa cuộc giao ban ngày {day} cùng %n nội dung chỉ đạo của nó?",
                None,
                m.directive_count,
            ).format(day=format_date(m.held_on)),
            self.tr("&Xóa"),
            self.tr("Có thể hoàn tác bằng Ctrl+Z."),
        ):
            return
        self.run(_undo().DeleteMeetingCommand(self.bus, self.tr("Xóa cuộc giao ban"), m.id))

    def delete_directives(self) -> None:
        ids = self.selected_directive_ids()
        if not ids:
            return
        if len(ids) == 1:
            row = self.current_directive()
            content = row.content if row is not None and row.id == ids[0] else ""
            question = self.tr("Xóa nội dung chỉ đạo này cùng lịch sử theo dõi của nó?")
            detail = content[:200]
        else:
            question = self.tr(
                "Xóa %n nội dung chỉ đạo đang chọn cùng lịch sử theo dõi?", None, len(ids)
            )
            detail = ""
        detail = (detail + "\n\n" if detail else "") + self.tr("Có thể hoàn tác bằng Ctrl+Z.")
        if not messages.confirm(
            self, self.tr("Xóa nội dung chỉ đạo"), question, self.tr("&Xóa"), detail
        ):
            return
        self.run(_undo().DeleteDirectivesCommand(self.bus, self.tr("Xóa nội dung"), ids))

    def mark_selected_done_today(self) -> None:
        ids = self.selected_directive_ids()
        if not ids:
            return
        try:
            self.save_done(ids, self._today())
        except TrackerError as exc:
            messages.show_error(self, exc)

    def mark_selected_done(self) -> None:
        self.ask_done(self.selected_directive_ids())

    def ask_done(self, ids: Sequence[int], *, organization_id: int | None = None) -> None:
        """Ask the done date and result note, then save (per organization when given)."""
        ids = list(ids)
        if not ids:
            return
        from ui.dialogs.done import DoneDialog

        # One directive: its own dialog (with its lead organizations); several: one
        # date and note for all of them.
        row = self._row_for(ids[0]) if len(ids) == 1 else None
        DoneDialog.ask(
            self,
            save=lambda on, note, org: self.save_done(ids, on, note, org),
            directive=row,
            today=self._today(),
            organization_id=organization_id,
        )

    def reopen_selected(self) -> None:
        self.set_status(self.selected_directive_ids(), Status.OPEN, text=self.tr("Mở lại"))

    def cancel_selected(self) -> None:
        ids = self.selected_directive_ids()
        if not ids:
            return
        if not messages.confirm(
            self,
            self.tr("Hủy nội dung"),
            self.tr(
                "Đánh dấu %n nội dung đang chọn là đã hủy (không còn phải thực hiện)?",
                None,
                len(ids),
            ),
            self.tr("&Hủy nội dung"),
        ):
            return
        self.set_status(ids, Status.CANCELLED, text=self.tr("Hủy nội dung"))

    def add_note_to_current(self) -> None:
        row = self.details.directive
        if row is None:
            return
        from ui.dialogs.note import NoteDialog

        NoteDialog.ask(
            self,
            save=lambda text, org: self.save_note(row.id, text, org),
            directive=row,
        )

    def extend_current(self) -> None:
        row = self.details.directive
        if row is None:
            return
        from ui.dialogs.extend import ExtendDialog

        ExtendDialog.ask(
            self,
            save=lambda new_due, reason: self.save_extension(row.id, new_due, reason),
            directive=row,
        )

    def _row_for(self, directive_id: int) -> DirectiveRow | None:
        try:
            return queries.directive(directive_id, as_of=self._as_of)
        except NotFoundError:
            return None

    def focus_search(self) -> None:
        if self._showing_first_run():
            return
        if self.meeting_list.hasFocus():
            self.meeting_search.setFocus()
            self.meeting_search.selectAll()
            return
        self.tabs.setCurrentIndex(TAB_ALL)
        self.filter_bar.focus_search()

    def load_sample(self) -> None:
        from tracker.seeding import load_sample

        try:
            self.bus.run(load_sample)
        except TrackerError as exc:
            messages.show_error(self, exc)

    def back_up_now(self) -> None:
        from ui.dialogs.backup import back_up_now

        back_up_now(self)

    def restore_backup(self) -> None:
        from tracker.store import integrity
        from tracker.store.db import database
        from ui.dialogs.backup import restore_interactively

        path = database.obj.database
        if restore_interactively(self, path):
            self.undo_stack.clear()  # its steps refer to records the restore replaced
            integrity.forget(path)  # the damaged file was replaced
            messages.forget_damage()
            self.damage_label.hide()
            self.reload_all()
            if integrity.is_large(path):
                self.watch_integrity(path)

    # --- integrity of a large file --------------------------------------------------------

    def watch_integrity(self, path: str) -> None:
        """Check a large file's integrity in the background (it was opened without the
        check, which would have held up the start); a failure blocks writes."""
        from ui.integrity_watch import IntegrityWatch

        self.integrity_watch = IntegrityWatch(path, self)
        self.integrity_watch.finished.connect(self._on_integrity_checked)
        self.integrity_watch.start()

    def _on_integrity_checked(self, problem: str) -> None:
        if not problem:
            return
        from tracker.store.dbfile import damaged_error

        self.damage_label.show()
        messages.show_damage_once(self, damaged_error(self.integrity_watch.path))

    def open_report(self) -> None:
        if not self._settings_checked_before_printing():
            return
        from ui.report.dialog import ReportDialog

        ReportDialog.ask(self, as_of=self._as_of)

    def open_open_items_report(self) -> None:
        if not self._settings_checked_before_printing():
            return
        from ui.report.dialog import OPEN_ITEMS, ReportDialog

        ReportDialog.ask(self, kind=OPEN_ITEMS, as_of=self._as_of)

    def open_letter(self) -> None:
        from ui.dialogs.letter import LetterDialog

        LetterDialog.ask(self, run=self.bus, as_of=self._as_of)

    def open_organizations(self) -> None:
        from ui.dialogs.organizations import OrganizationsDialog

        OrganizationsDialog.ask(self, run=self.bus.run)

    def open_settings(self) -> None:
        from ui.dialogs.settings import SettingsDialog

        SettingsDialog.ask(
            self,
            settings=queries.load_settings(),
            save=lambda settings: self.bus.run(_services().save_settings, settings=settings),
        )

    def show_about(self) -> None:
        from tracker.store.db import database
        from ui.dialogs.about import AboutDialog

        AboutDialog.ask(self, data_file=database.obj.database)

    # --- settings -------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = QSettings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:  # first start: most of the screen (1366×768 laptops have a taskbar too)
            area = available_geometry(self)
            width, height = area.width() * 92 // 100, area.height() * 92 // 100
            fit_to_screen(self, min(1440, width), min(900, height))
            self.move(area.center() - self.rect().center())
            # A narrow screen gives the directives more of the width.
            self.main_splitter.setSizes([min(260, area.width() // 5), area.width()])
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for splitter in (self.main_splitter, self.right_splitter, self.details.splitter):
            value = s.value(f"splitters/{splitter.objectName()}")
            if isinstance(value, QByteArray):
                splitter.restoreState(value)
        self.meeting_table.restore_columns()
        self.chase_page.restore_settings()
        tab = self._default_tab()
        self.tabs.setCurrentIndex(tab)
        lang = i18n.current_language()
        (self.actions.language_en if lang == "en" else self.actions.language_vi).setChecked(True)

    def _default_tab(self) -> int:
        try:
            view = queries.load_settings().default_view
        except TrackerError:
            view = "chase"
        return VIEW_KEYS.get(view, TAB_CHASE)

    def save_settings(self) -> None:
        s = QSettings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        for splitter in (self.main_splitter, self.right_splitter, self.details.splitter):
            s.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        views = (self.meeting_table, self.all_table) if self.all_built else (self.meeting_table,)
        for view in views:
            view.columns.save()
        self.chase_page.save_settings()
        s.sync()

    # --- Qt overrides ---------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)
