"""The window's menus, toolbar and context menu, and the command each action runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from ui import i18n, messages
from ui.i18n import QT_TRANSLATE_NOOP
from ui.main_window.tabs import TAB_ALL, TAB_CHASE, TAB_MEETING

if TYPE_CHECKING:
    from ui.main_window.base import WindowBase
    from ui.main_window.commands import Commands

# Shown in the language just chosen (i18n.translate_in), not in the one running.
LANGUAGE_NOTICE = QT_TRANSLATE_NOOP(
    "MainWindow", "Ngôn ngữ mới sẽ được dùng từ lần mở chương trình sau."
)


def build_menus(window: WindowBase) -> None:
    a = window.actions
    bar = window.menuBar()
    window.file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Tệp"))
    window.file_menu.addActions([a.new_meeting, a.add_directive])
    window.file_menu.addSeparator()
    window.file_menu.addAction(a.load_sample)
    window.file_menu.addActions([a.import_xlsx, a.export_xlsx])
    # Data-safety commands (back up, restore) go in this section.
    window.data_section = window.file_menu.addSeparator()
    window.file_menu.addActions([a.back_up, a.restore])
    window.file_menu.addSeparator()
    window.file_menu.addAction(a.connect_server)
    window.file_menu.addSeparator()
    window.file_menu.addAction(a.quit)

    edit = bar.addMenu(QCoreApplication.translate("MainWindow", "&Sửa"))
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addActions([a.edit, a.delete])
    edit.addSeparator()
    edit.addAction(a.find)

    follow = bar.addMenu(QCoreApplication.translate("MainWindow", "Theo &dõi"))
    follow.addActions([a.mark_done_today, a.mark_done, a.reopen, a.cancel])
    follow.addSeparator()
    follow.addActions([a.add_note, a.extend, a.attach_file])
    follow.addSeparator()
    follow.addAction(a.import_reply)

    view = bar.addMenu(QCoreApplication.translate("MainWindow", "&Xem"))
    view.addActions([a.view_chase, a.view_meeting, a.view_all])
    view.addSeparator()
    view.addAction(a.refresh)

    report = bar.addMenu(QCoreApplication.translate("MainWindow", "&Báo cáo"))
    report.addAction(a.report)
    report.addAction(a.open_items_report)
    report.addAction(a.letter)

    tools = bar.addMenu(QCoreApplication.translate("MainWindow", "&Công cụ"))
    tools.addActions([a.organizations, a.settings])
    language: QMenu = tools.addMenu(QCoreApplication.translate("MainWindow", "&Ngôn ngữ"))
    language.addActions([a.language_vi, a.language_en])

    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "Trợ &giúp"))
    help_menu.addAction(a.about)
    window.meeting_list.addActions([a.edit, a.delete, a.add_directive])


def build_toolbar(window: WindowBase) -> None:
    a = window.actions
    bar = QToolBar(QCoreApplication.translate("MainWindow", "Thanh công cụ"), window)
    bar.setObjectName("mainToolbar")
    bar.setAccessibleName(QCoreApplication.translate("MainWindow", "Thanh công cụ"))
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
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setAccessibleName(act.text().replace("&", "").rstrip("…"))
    window.addToolBar(bar)
    window.toolbar = bar


def connect_actions(window: WindowBase, commands: Commands) -> None:
    """Each action runs its command (ui.main_window.commands) or a window's own move."""
    a = window.actions
    c = commands
    a.new_meeting.triggered.connect(c.new_meeting)
    a.add_directive.triggered.connect(c.new_directive)
    a.edit.triggered.connect(c.edit_selected)
    a.delete.triggered.connect(c.delete_selected)
    a.mark_done_today.triggered.connect(c.mark_selected_done_today)
    a.mark_done.triggered.connect(c.mark_selected_done)
    a.reopen.triggered.connect(c.reopen_selected)
    a.cancel.triggered.connect(c.cancel_selected)
    a.add_note.triggered.connect(c.add_note_to_current)
    a.extend.triggered.connect(c.extend_current)
    a.attach_file.triggered.connect(c.attach_to_current)
    a.find.triggered.connect(window.focus_search)
    a.refresh.triggered.connect(window.reload_all)
    a.view_chase.triggered.connect(lambda: window.tabs.setCurrentIndex(TAB_CHASE))
    a.view_meeting.triggered.connect(lambda: window.tabs.setCurrentIndex(TAB_MEETING))
    a.view_all.triggered.connect(lambda: window.tabs.setCurrentIndex(TAB_ALL))
    a.report.triggered.connect(c.open_report)
    a.open_items_report.triggered.connect(c.open_open_items_report)
    a.letter.triggered.connect(c.open_letter)
    a.import_reply.triggered.connect(c.import_reply)
    a.organizations.triggered.connect(c.open_organizations)
    a.settings.triggered.connect(c.open_settings)
    a.load_sample.triggered.connect(c.load_sample)
    a.back_up.triggered.connect(c.back_up_now)
    a.import_xlsx.triggered.connect(c.import_xlsx)
    a.export_xlsx.triggered.connect(c.export_xlsx)
    a.restore.triggered.connect(c.restore_backup)
    a.connect_server.triggered.connect(c.connect_server)
    a.quit.triggered.connect(window.close)
    a.about.triggered.connect(c.show_about)
    a.language_group.triggered.connect(lambda action: _choose_language(window, action))


def context_menu(window: WindowBase, pos: QPoint) -> None:
    """The follow-up and edit actions at ``pos`` of the view on show."""
    a = window.actions
    menu = QMenu(window)
    menu.addActions([a.mark_done_today, a.mark_done, a.reopen, a.cancel])
    menu.addSeparator()
    menu.addActions([a.add_note, a.extend])
    menu.addSeparator()
    menu.addActions([a.edit, a.delete])
    view = window.current_view()
    menu.exec(view.viewport().mapToGlobal(pos))


def _choose_language(window: WindowBase, action: QAction) -> None:
    lang = str(action.data())
    i18n.save_language(lang)
    if lang != i18n.current_language():
        messages.show_info(window, i18n.translate_in(lang, "MainWindow", str(LANGUAGE_NOTICE)))
