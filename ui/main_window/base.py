"""The window as its helpers see it: the parts and moves that commands.py, menus.py,
count_line.py and layout_state.py use, declared here so that they need not import
window.py (which imports them). MainWindow (window.py) makes every part and defines
every move; a helper that needs another part declares it here first."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QListView, QMainWindow, QMenu, QSplitter, QTabWidget, QToolBar

if TYPE_CHECKING:
    from tracker.rows import DirectiveRow, MeetingRow
    from ui.actions import Actions
    from ui.main_window.meeting_header import MeetingHeader
    from ui.models.chase_model import ChaseModel
    from ui.models.directive_table import DirectiveTableModel
    from ui.models.store_bus import StoreBus
    from ui.views.chase_page import ChasePage
    from ui.views.chase_view import ChaseView
    from ui.views.details_panel import DetailsPanel
    from ui.views.directive_view import DirectiveTableView
    from ui.views.first_run_panel import FirstRunPanel


class WindowBase(QMainWindow):
    """The parts of the main window its helpers reach; MainWindow fills them in."""

    # the window's actions (ui.actions), in place of QWidget.actions()
    actions: Actions  # type: ignore[assignment]
    # made by ui.main_window.menus
    file_menu: QMenu
    data_section: QAction
    toolbar: QToolBar
    # made by MainWindow
    bus: StoreBus
    main_splitter: QSplitter
    right_splitter: QSplitter
    damage_label: QLabel
    meeting_list: QListView
    meeting_header: MeetingHeader
    tabs: QTabWidget
    chase_page: ChasePage
    chase_model: ChaseModel
    chase_table: DirectiveTableView
    meeting_directives: DirectiveTableModel
    meeting_table: DirectiveTableView
    details: DetailsPanel

    @property
    def first_run(self) -> FirstRunPanel:
        raise NotImplementedError

    @property
    def as_of(self) -> date | None:
        raise NotImplementedError

    @property
    def meeting(self) -> MeetingRow | None:
        raise NotImplementedError

    @property
    def all_built(self) -> bool:
        raise NotImplementedError

    @property
    def all_directives(self) -> DirectiveTableModel:
        raise NotImplementedError

    @property
    def all_table(self) -> DirectiveTableView:
        raise NotImplementedError

    def show_new_meeting(self, meeting_id: int) -> None:
        raise NotImplementedError

    def showing_first_run(self) -> bool:
        raise NotImplementedError

    def reload_all(self) -> None:
        raise NotImplementedError

    def current_view(self) -> ChaseView | DirectiveTableView:
        raise NotImplementedError

    def selected_directive_ids(self) -> list[int]:
        raise NotImplementedError

    def current_directive(self) -> DirectiveRow | None:
        raise NotImplementedError

    def focus_search(self) -> None:
        raise NotImplementedError

    def watch_integrity(self, path: str) -> None:
        raise NotImplementedError
