"""The heading of the Giao ban tab: date, chair, attending organizations, quarter reviewed
and notes of the meeting chosen on the left, and the button to the meeting's own
attached files (ui.views.meeting_attachments: made when first opened, then kept in
step with the meeting shown here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tracker import attachments
from tracker.dates import format_date
from tracker.errors import TrackerError
from tracker.rows import MeetingRow
from ui.models.meeting_list import progress_text
from ui.widgets.text_box import TextBox

if TYPE_CHECKING:
    from ui.views.meeting_attachments import MeetingAttachmentsPanel


class MeetingHeader(QFrame):
    """Date, chair, attending organizations, quarter reviewed and notes of one meeting.

    Signals:
        attachments_requested(): the "Tệp đính kèm (N)" button was pressed.
    """

    attachments_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingHeader")
        self.title = QLabel(self)
        self.title.setObjectName("meetingTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The panel listing the meeting's own files, once opened (it follows show_meeting).
        self.attachments_panel: MeetingAttachmentsPanel | None = None
        self.attachments_count = 0
        self.attachments_button = QToolButton(self)
        self.attachments_button.setObjectName("meetingAttachmentsButton")
        self.attachments_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.attachments_button.setToolTip(
            self.tr("Thông báo kết luận và các tệp đính kèm của cả cuộc giao ban")
        )
        self.attachments_button.clicked.connect(self.attachments_requested)
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
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.attachments_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
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
        self._show_attachments(m)
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

    def _show_attachments(self, m: MeetingRow | None) -> None:
        """The button's count and the open panel's list, for ``m`` (called again after
        every change, as the rest of the heading)."""
        count = 0
        if m is not None:
            try:
                count = attachments.count_for_meeting(m.id)
            except TrackerError:
                count = 0  # the heading still shows; the panel names any problem
        self.attachments_count = count
        self.attachments_button.setEnabled(m is not None)
        if count:
            text = self.tr("Tệp đính kèm ({n})…").format(n=count)
        else:
            text = self.tr("Tệp đính kèm…")
        self.attachments_button.setText(text)
        self.attachments_button.setAccessibleName(text.rstrip("…"))
        if self.attachments_panel is not None:
            self.attachments_panel.show_meeting(m)
