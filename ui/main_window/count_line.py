"""The count at the right of the status bar: how many rows the view on show has."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QLabel

from ui.main_window.tabs import TAB_CHASE, TAB_MEETING

if TYPE_CHECKING:
    from ui.main_window.base import WindowBase

COUNT_DELAY_MS = 40  # a count the status bar waits for comes after the rows' paint


class CountLine(QLabel):
    """Counts of a long list come after its rows are painted."""

    def show_for(self, window: WindowBase) -> None:
        """Show how many rows the view on show has (counted after the paint when slow)."""
        tab = window.tabs.currentIndex()
        if window.showing_first_run():
            text = self.tr("Chưa có dữ liệu")
        elif tab == TAB_CHASE and not window.chase_page.is_by_organization:
            page = window.chase_page
            if not page.counts_known:
                # Counted once the rows are on screen: two counts of a big backlog take
                # longer than the first paint should wait.
                def count_chase() -> None:
                    _ = page.directives.total, page.overdue_count()
                    self.show_for(window)

                window.chase_table.call_after_paint(count_chase)
                return
            text = self.tr(
                "%n nội dung cần đôn đốc, {late} quá hạn", None, page.directives.total
            ).format(late=page.overdue_count())
        elif tab == TAB_CHASE and not window.chase_model.is_counted:
            return  # a long list's counts follow the first paint (ChaseModel.counted)
        elif tab == TAB_CHASE:
            text = self.tr(
                "%n phần việc của {orgs} tổ chức cần đôn đốc, {late} quá hạn",
                None,
                window.chase_model.directive_count,
            ).format(
                orgs=window.chase_model.organization_count,
                late=window.chase_model.overdue_count,
            )
        else:
            model = window.meeting_directives if tab == TAB_MEETING else window.all_directives
            if not model.total_known:
                # Counting can cost more than a frame on a big database: the rows are
                # painted first, the count follows a moment later.
                def count() -> None:
                    _ = model.total
                    self.show_for(window)

                QTimer.singleShot(COUNT_DELAY_MS, window, count)
                return
            if model.rowCount() < model.total:
                text = self.tr("Đang hiện {shown} trong {total} nội dung").format(
                    shown=QLocale().toString(model.rowCount()),
                    total=QLocale().toString(model.total),
                )
            else:
                text = self.tr("%Ln nội dung", None, model.total)
        self.setText(text)
