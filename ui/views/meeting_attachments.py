"""The meeting's own attached files (the conclusion notice, its annexes), in a small
window beside the main one: opened from the meeting heading's "Tệp đính kèm (N)"
button, it follows the meeting shown there, so a meeting without any directive gets
its notice too. The list, its buttons and the drop of files are the details panel's
``AttachmentsSection`` in its ``meeting_only`` form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from tracker.dates import format_date
from tracker.rows import MeetingRow
from ui.screen_fit import fit_to_screen
from ui.views.attachments_section import AttachmentsSection

if TYPE_CHECKING:
    from ui.main_window.operations import Operations


class MeetingAttachmentsPanel(QDialog):
    """Non-modal: the clerk keeps working in the window (and may pick another meeting,
    which the panel then lists) while it is open."""

    def __init__(self, parent: QWidget, ops: Operations) -> None:
        super().__init__(parent)
        self.setObjectName("meetingAttachments")
        self.setModal(False)
        self.setAcceptDrops(True)  # a drop beside the list counts too
        self.meeting: MeetingRow | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("sectionLabel")
        self.heading.setWordWrap(True)
        self.hint = QLabel(
            self.tr(
                "Thông báo kết luận và tài liệu của cả cuộc giao ban; tối đa 25 MB mỗi tệp. "
                "Có thể kéo thả tệp vào đây."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.section = AttachmentsSection(self, meeting_only=True)
        self.section.bind(ops)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.section, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 320)
        self.show_meeting(None)

    def show_meeting(self, meeting: MeetingRow | None) -> None:
        """List ``meeting``'s files (again: the window calls this after every change)."""
        self.meeting = meeting
        self.section.show_meeting(meeting.id if meeting is not None else None)
        if meeting is None:
            self.heading.setText(self.tr("Chưa chọn cuộc giao ban nào."))
            self.setWindowTitle(self.tr("Tệp đính kèm của cuộc giao ban"))
            return
        self.heading.setText(meeting.title)
        self.setWindowTitle(
            self.tr("Tệp đính kèm — giao ban ngày {day}").format(day=format_date(meeting.held_on))
        )

    # A drop anywhere on the panel goes to its list.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        self.section.dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt's name)
        self.section.dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        self.section.dropEvent(event)
