"""MeetingDialog: log a new giao ban with its directives, or edit a giao ban's header.

Contract for the main window::

    MeetingDialog.ask(
        parent,
        *,
        save: Callable[[MeetingDraft, list[DirectiveDraft]], object],
        meeting: MeetingRow | None = None,
        directives: list[DirectiveRow] | None = None,
        today: date | None = None,
    ) -> bool

- **New** (``meeting`` is None): the header and an entry grid for the
  directives. ``save(meeting_draft, directive_drafts)`` is called once with
  every non-empty row (empty rows are ignored), so the caller can save it all
  in one transaction, e.g. ``services.log_meeting(meeting=m, directives=ds)``.
  ``directives``, when given, pre-fills the grid (to start from an earlier
  giao ban); they are not changed.
- **Edit** (``meeting`` given): only the header is edited. The grid shows
  ``directives`` read-only, for reference; ``save(meeting_draft, [])`` is
  called with an empty list and the caller runs
  ``services.update_meeting(meeting_id=…, meeting=…, expected_version=…)``.
  Directives are added and edited one at a time with ``DirectiveDialog``.
- ``today`` (default ``date.today()``) is the default meeting date and the
  reference for "too far in the future".
- Fields are checked before ``save`` is called (message beside each field,
  focus moved to the first); a ``TrackerError`` raised by ``save`` is shown
  beside the field named by ``err.field`` (directive fields beside the grid,
  unknown ones at the top) and the dialog stays open with everything typed.
- Returns True when saved. Esc, Hủy or closing the window asks before
  throwing away anything typed (``ui.widgets.form.confirm_discard``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker import queries
from tracker.dates import format_date
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.errors import ValidationError
from tracker.extraction import Extraction
from tracker.quarters import Quarter
from tracker.rows import DirectiveRow, MeetingRow
from tracker.services import FUTURE_DAYS_ALLOWED
from tracker.text import clean
from ui.models.directive_entry import Column, DirectiveEntryModel
from ui.screen_fit import fit_to_screen
from ui.views.directive_grid import DirectiveGrid
from ui.widgets import DateField, FieldMessage, OrgCatalog, OrgPicker, QuarterEdit, form
from ui.widgets.combo import line_edit
from ui.widgets.form import FormDialog

SaveMeeting = Callable[[MeetingDraft, list[DirectiveDraft]], object]

_DIRECTIVE_FIELDS = ("directives", "content", "leads", "supports", "due", "topics")
_MAX_LISTED_PROBLEMS = 4


def _confirm_remove_row(parent: QWidget) -> bool:
    return form.confirm(
        parent,
        QCoreApplication.translate("MeetingDialog", "Xóa dòng"),
        QCoreApplication.translate(
            "MeetingDialog", "Xóa dòng nội dung chỉ đạo đang chọn cùng những gì đã nhập trong dòng?"
        ),
    )


class MeetingDialog(FormDialog):
    """The giao ban form: header fields above, the directive grid below."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        save: SaveMeeting,
        meeting: MeetingRow | None = None,
        directives: list[DirectiveRow] | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent, ctrl_enter=False)
        self._save = save
        self._meeting = meeting
        self._today = today or date.today()
        self._title_auto = meeting is None
        self._quarter_auto = meeting is None
        self._position_auto = meeting is None
        self._catalog = OrgCatalog.load()
        recent = queries.meeting_page(limit=200)
        self._positions: dict[str, str] = {}  # chair name → their latest position
        for m in recent:
            if m.chair_name and m.chair_position:
                self._positions.setdefault(m.chair_name, m.chair_position)

        self.setWindowTitle(
            self.tr("Ghi cuộc giao ban mới") if meeting is None else self.tr("Sửa cuộc giao ban")
        )
        self.setSizeGripEnabled(True)
        self._build_header(recent)
        self._build_grid(directives or [])
        self._build_buttons()
        self._lay_out()
        self._load(meeting)
        self._initial = self._snapshot()
        self.held_on.setFocus()
        self.held_on.selectAll()

    # --- construction -------------------------------------------------------

    def _build_header(self, recent: list[MeetingRow]) -> None:
        self.held_on = DateField()
        self.held_on.setAccessibleName(self.tr("Ngày giao ban"))
        self.held_on.set_default_year(self._today.year)
        self.held_on.date_changed.connect(self._on_held_on_date_changed)
        self.held_on.problem_changed.connect(self._show_held_on_problem)
        self.held_on.editingFinished.connect(self._show_held_on_problem)

        self.reviewed = QuarterEdit()
        self.reviewed.setAccessibleName(self.tr("Quý đánh giá"))
        self.reviewed.setPlaceholderText(self.tr("Quý I-2021"))
        self.reviewed.textEdited.connect(self._on_reviewed_text_edited)
        self.reviewed.problem_changed.connect(
            lambda text: self.message("reviewed_quarter").show_message(text)
        )

        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Tiêu đề"))
        self.title.setMaxLength(500)
        self.title.textEdited.connect(self._on_title_text_edited)

        self.chair_name = self._history_combo(
            [m.chair_name for m in recent], self.tr("Người chủ trì")
        )
        line_edit(self.chair_name).setPlaceholderText(self.tr("Họ và tên"))
        self.chair_name.currentTextChanged.connect(self._on_chair_name_changed)
        self.chair_position = self._history_combo(
            [m.chair_position for m in recent], self.tr("Chức vụ")
        )
        line_edit(self.chair_position).setPlaceholderText(
            self.tr("Ví dụ: Phó Bí thư Thường trực Tỉnh ủy")
        )
        line_edit(self.chair_position).textEdited.connect(self._on_position_text_edited)

        self.attendees = OrgPicker(self._catalog)
        self.attendees.setAccessibleName(self.tr("Thành phần dự"))
        self.attendees.setToolTip(
            self.tr("Dấu cách: chọn hoặc bỏ chọn. Chọn một nhóm là chọn mọi tổ chức trong nhóm.")
        )

        self.notice_ref = QLineEdit()
        self.notice_ref.setAccessibleName(self.tr("Số thông báo kết luận"))
        self.notice_ref.setPlaceholderText(self.tr("Ví dụ: 125-TB/TU"))
        self.notice_ref.setMaxLength(500)

        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Ghi chú"))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Đánh giá chung, kết quả được biểu dương…"))
        lines = self.notes.fontMetrics().lineSpacing()
        self.notes.setFixedHeight(3 * lines + 20)

    def _history_combo(self, values: list[str], name: str) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setAccessibleName(name)
        combo.addItems(list(dict.fromkeys(v for v in values if v)))
        combo.setCurrentIndex(-1)
        line_edit(combo).setMaxLength(500)
        completer = combo.completer()
        assert completer is not None  # an editable combo box has one
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        return combo

    def _build_grid(self, directives: list[DirectiveRow]) -> None:
        editing = self._meeting is not None
        self.model = DirectiveEntryModel(self._catalog, read_only=editing, parent=self)
        self.model.set_default_due(Quarter.of(self._today))
        if directives:
            self.model.load(directives)
        self.grid = DirectiveGrid(self.model, confirm_remove=_confirm_remove_row, parent=self)
        self.grid.setAccessibleName(self.tr("Bảng nội dung chỉ đạo"))
        self.grid.setMinimumHeight(self.fontMetrics().lineSpacing() * 9)
        self.grid_hint = FieldMessage(self.grid, self)
        self.grid.hint_changed.connect(self.grid_hint.show_message)
        if not editing:
            for keys in ("Ctrl+Return", "Ctrl+Enter"):
                shortcut = QShortcut(QKeySequence(keys), self)
                shortcut.activated.connect(self.grid.next_row)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Lưu"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setToolTip(self.tr("Lưu cuộc giao ban (Ctrl+S)"))
        self.cancel_button = self.buttons.addButton(
            self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setToolTip(self.tr("Đóng, không lưu (Esc)"))
        for button in (self.save_button, self.cancel_button):
            # Enter belongs to the grid; saving is Ctrl+S or the button.
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.paste_button = QPushButton(self.tr("Dán văn &bản…"))
        self.paste_button.setToolTip(
            self.tr("Dán thông báo kết luận hoặc tin bài: điền ngày, người chủ trì và các dòng")
        )
        self.paste_button.setAutoDefault(False)
        self.paste_button.clicked.connect(self.paste_text)

    def _lay_out(self) -> None:
        form = QGridLayout()
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(4)
        form.setColumnStretch(1, 1)

        def label(text: str, buddy: QWidget) -> QLabel:
            widget = QLabel(text)
            widget.setBuddy(buddy)
            return widget

        def plain(text: str) -> str:
            return text.replace("&", "").rstrip(":")

        def row(number: int, text: str, *parts: tuple[QWidget, tuple[str, ...], int, str]) -> None:
            """Row ``number``: a label, then fields with more labels between them, and
            below them the fields' messages across the whole row (each naming its
            field when the row holds several)."""
            first = label(text, parts[0][0])
            # As tall as a line edit, text centred: level with the first line of the
            # field even when messages open below it.
            first.setMinimumHeight(self.title.sizeHint().height())
            first.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            form.addWidget(first, number, 0, Qt.AlignmentFlag.AlignTop)
            line = QHBoxLayout()
            line.setSpacing(8)
            messages = QVBoxLayout()
            messages.setSpacing(2)
            for field, names, stretch, caption in parts:
                if caption:
                    line.addWidget(label(caption, field))
                line.addWidget(field, stretch)
                # The first field's message sits right of the row's label: no name needed.
                named = plain(caption) if caption else ""
                messages.addWidget(self.message_for(names, field, label=named))
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addLayout(line)
            box.addLayout(messages)
            form.addLayout(box, number, 1)

        char = self.fontMetrics().averageCharWidth()
        self.held_on.setFixedWidth(14 * char + 24)
        self.reviewed.setFixedWidth(16 * char + 12)
        row(
            0,
            self.tr("&Ngày giao ban:"),
            (self.held_on, ("held_on", "date"), 0, ""),
            (self.reviewed, ("reviewed_quarter",), 0, self.tr("&Quý đánh giá:")),
            (self.notice_ref, ("notice_ref",), 1, self.tr("&Số thông báo kết luận:")),
        )
        row(1, self.tr("&Tiêu đề:"), (self.title, ("title",), 1, ""))
        row(
            2,
            self.tr("Người c&hủ trì:"),
            (self.chair_name, ("chair_name",), 2, ""),
            (self.chair_position, ("chair_position",), 3, self.tr("Chức &vụ:")),
        )
        row(3, self.tr("Thành &phần dự:"), (self.attendees, ("attendees",), 1, ""))
        row(4, self.tr("&Ghi chú:"), (self.notes, ("notes",), 1, ""))

        grid_label = QLabel(
            self.tr("Nội &dung chỉ đạo:")
            if self._meeting is None
            else self.tr("Nội &dung chỉ đạo (sửa từng nội dung ở cửa sổ chính):")
        )
        grid_label.setBuddy(self.grid)
        keys = QLabel(
            self.tr(
                "Enter: sang ô tiếp theo, hết dòng thì thêm dòng · Ctrl+Enter: dòng mới · "
                "↓ trong ô Chủ trì: danh sách cơ quan · Delete: xóa dòng trống"
            )
        )
        keys.setWordWrap(True)
        keys.setEnabled(False)  # greyed: a hint, not a control
        keys.setVisible(self._meeting is None)
        grid_message = self.message_for(_DIRECTIVE_FIELDS, self.grid)

        layout = QVBoxLayout(self)
        layout.addWidget(self.top_message)
        layout.addLayout(form)
        layout.addSpacing(6)
        head = QHBoxLayout()
        head.addWidget(grid_label)
        head.addStretch(1)
        if self._meeting is None:
            head.addWidget(self.paste_button)
        layout.addLayout(head)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.grid_hint)
        layout.addWidget(grid_message)
        layout.addWidget(keys)
        layout.addWidget(self.buttons)

        order = [  # as they read on screen, row by row
            self.held_on,
            self.reviewed,
            self.notice_ref,
            self.title,
            self.chair_name,
            self.chair_position,
            self.attendees,
            self.notes,
            self.grid,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        fit_to_screen(self, 1100, 760)

    def _load(self, meeting: MeetingRow | None) -> None:
        if meeting is None:
            self.held_on.set_date(self._today)
            self.attendees.set_selected_ids(o.id for o in self._catalog.active)
            if self.chair_name.count():
                self.chair_name.setCurrentIndex(0)
            self._update_suggestions()
            return
        self.held_on.set_date(meeting.held_on)
        self.title.setText(meeting.title)
        self.chair_name.setCurrentText(meeting.chair_name)
        self.chair_position.setCurrentText(meeting.chair_position)
        self.attendees.set_selected_ids(meeting.attendee_ids)
        self.reviewed.set_value(meeting.reviewed_quarter)
        self.notice_ref.setText(meeting.notice_ref)
        self.notes.setPlainText(meeting.notes)
        self.model.set_default_due(Quarter.of(meeting.held_on))

    # --- suggestions --------------------------------------------------------

    def suggested_title(self, reviewed: Quarter | None, held_on: date | None) -> str:
        """The title proposed for a giao ban reviewing ``reviewed``.

        Not translated: the title is data, printed in Vietnamese documents whatever
        the window's language.
        """
        tail = "với MTTQ và các đoàn thể chính trị - xã hội tỉnh"
        if reviewed is not None:
            return f"Giao ban quý {reviewed.roman}-{reviewed.year} {tail}"
        if held_on is not None:
            return f"Giao ban ngày {format_date(held_on)} {tail}"
        return ""

    def _update_suggestions(self) -> None:
        held_on = self.held_on.date_or_none()
        if held_on is not None:
            self.reviewed.set_default_year(held_on.year)
            self.model.set_default_due(Quarter.of(held_on))
            if self._quarter_auto:
                self.reviewed.set_value(Quarter.of(held_on).previous())
        if self._title_auto:
            try:
                reviewed = self.reviewed.value(empty=None)
            except ValidationError:
                reviewed = None
            suggestion = self.suggested_title(reviewed, held_on)
            if suggestion:
                self.title.setText(suggestion)

    def _on_held_on_date_changed(self, _value: object) -> None:
        self._update_suggestions()

    def _show_held_on_problem(self, *_args: object) -> None:
        text = self.held_on.problem() or self._future_problem()
        self.message("held_on").show_message(text)

    def _on_reviewed_text_edited(self, text: str) -> None:
        self._quarter_auto = not text.strip()
        self._update_suggestions()

    def _on_title_text_edited(self, text: str) -> None:
        self._title_auto = not text.strip()

    def _on_position_text_edited(self, text: str) -> None:
        self._position_auto = not text.strip()

    def _on_chair_name_changed(self, name: str) -> None:
        position = self._positions.get(name.strip())
        if position and (self._position_auto or not self.chair_position.currentText().strip()):
            self.chair_position.setCurrentText(position)
            self._position_auto = True

    def _future_problem(self) -> str:
        held_on = self.held_on.date_or_none()
        if held_on is not None and (held_on - self._today).days > FUTURE_DAYS_ALLOWED:
            return self.tr(
                "Ngày giao ban {date} ở quá xa trong tương lai; hãy kiểm tra lại năm."
            ).format(date=format_date(held_on))
        return ""

    # --- a pasted conclusion text ---------------------------------------------

    def paste_text(self) -> None:
        """Ask for a conclusion text and fill the form from it (nothing saved)."""
        from ui.dialogs.paste_text import PasteTextDialog

        found = PasteTextDialog.ask(self, meeting_date=self.held_on.date_or_none())
        if found is not None:
            self.fill_from(found)

    def fill_from(self, found: Extraction) -> None:
        """Put the proposed date, chair and reviewed quarter in the header and one
        draft row per directive in the grid, for the clerk to correct."""
        m = found.meeting
        if m.held_on is not None:
            self.held_on.set_date(m.held_on)
        if m.reviewed is not None:
            self.reviewed.set_value(m.reviewed)
            self._quarter_auto = False
        if m.chair:
            self.chair_name.setCurrentText(m.chair)
            if m.chair_position:
                self.chair_position.setCurrentText(m.chair_position)
                self._position_auto = False
            else:
                self._on_chair_name_changed(m.chair)
        self._update_suggestions()
        from ui.dialogs.paste_text import add_rows

        add_rows(self.model, found.directives)
        self.grid.setFocus()

    # --- saving -------------------------------------------------------------

    def _snapshot(self) -> tuple[object, ...]:
        return (
            self.held_on.text(),
            self.title.text(),
            self.chair_name.currentText(),
            self.chair_position.currentText(),
            self.attendees.selected_ids(),
            self.reviewed.text(),
            self.notice_ref.text(),
            self.notes.toPlainText(),
            self.model.snapshot(),
        )

    def has_unsaved_text(self) -> bool:
        self.grid.commit_editor()
        return self._snapshot() != self._initial

    def save_form(self) -> bool:
        self.grid.commit_editor()
        problems: list[tuple[str, str]] = []  # (field, message), in tab order

        held_on: date | None = None
        try:
            held_on = self.held_on.date()
        except ValidationError as err:
            problems.append(("held_on", str(err)))
        else:
            if future := self._future_problem():
                problems.append(("held_on", future))
        try:
            reviewed = self.reviewed.value(empty=None)
        except ValidationError as err:
            problems.append(("reviewed_quarter", str(err)))
            reviewed = None
        title = clean(self.title.text())
        if not title:
            problems.append(("title", self.tr("Hãy ghi tiêu đề cuộc giao ban.")))

        drafts, row_problems = self.model.drafts()
        if row_problems:
            lines = [p.message for p in row_problems[:_MAX_LISTED_PROBLEMS]]
            if len(row_problems) > _MAX_LISTED_PROBLEMS:
                lines.append(
                    self.tr(
                        "…và %n lỗi khác (đánh dấu đỏ trong bảng).",
                        None,
                        len(row_problems) - _MAX_LISTED_PROBLEMS,
                    )
                )
            problems.append(("directives", "\n".join(lines)))

        if problems:
            for name, text in reversed(problems):  # the first problem gets the focus last
                self.show_error(text, name)
            if problems[0][0] == "directives":
                first = row_problems[0]
                self.grid.go_to(first.row, Column(first.column))
            return False

        assert held_on is not None
        draft = MeetingDraft(
            held_on=held_on,
            title=title,
            chair_name=clean(self.chair_name.currentText()),
            chair_position=clean(self.chair_position.currentText()),
            attendee_ids=self.attendees.selected_ids(),
            reviewed_quarter=reviewed,
            notes=self.notes.toPlainText().strip(),
            notice_ref=clean(self.notice_ref.text()),
        )
        if self._meeting is not None:
            drafts = []
        return self.save_with(lambda: self._save(draft, drafts))

    # --- entry point --------------------------------------------------------

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        save: SaveMeeting,
        meeting: MeetingRow | None = None,
        directives: list[DirectiveRow] | None = None,
        today: date | None = None,
    ) -> bool:
        """Show the dialog; True when the giao ban was saved."""
        dialog = cls(parent, save=save, meeting=meeting, directives=directives, today=today)
        return dialog.exec() == cls.DialogCode.Accepted
