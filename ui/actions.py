"""Every command of the window as a QAction: text with mnemonic, shortcut, icon, tip."""

from __future__ import annotations

from types import ModuleType

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

from ui import assets


def _steps() -> ModuleType:
    """``ui.undo_commands``, imported at the first undo (it loads the services: start-up time)."""
    from ui import undo_commands  # it loads the services: at the first undo, not at start-up

    return undo_commands


class Actions(QObject):
    """The window's actions, created once and shared by menus, toolbar and context menus."""

    def __init__(self, window: QWidget, undo_stack: QUndoStack) -> None:
        super().__init__(window)
        self._window = window
        a = self._make
        self.new_meeting = a(
            self.tr("&Giao ban mới…"),
            "Ctrl+N",
            "new",
            self.tr("Ghi một cuộc giao ban mới cùng các nội dung chỉ đạo"),
        )
        self.add_directive = a(
            self.tr("Thêm &nội dung…"),
            "Ctrl+Shift+N",
            "",
            self.tr("Thêm một nội dung chỉ đạo vào cuộc giao ban đang chọn"),
        )
        self.edit = a(
            self.tr("&Sửa…"), "F2", "edit", self.tr("Sửa cuộc giao ban hoặc nội dung đang chọn")
        )
        self.delete = a(
            self.tr("&Xóa…"),
            QKeySequence.StandardKey.Delete,
            "delete",
            self.tr("Xóa nội dung hoặc cuộc giao ban đang chọn (có hỏi lại)"),
        )
        self.mark_done_today = a(
            self.tr("Hoàn thành &hôm nay"),
            "Ctrl+D",
            "mark-done",
            self.tr("Đánh dấu các nội dung đang chọn đã hoàn thành hôm nay"),
        )
        self.mark_done = a(
            self.tr("Hoàn &thành…"), "Ctrl+Shift+D", "", self.tr("Ghi ngày hoàn thành và kết quả")
        )
        self.reopen = a(
            self.tr("&Mở lại"),
            "",
            "open",
            self.tr("Chuyển các nội dung đang chọn về chưa hoàn thành"),
        )
        self.cancel = a(
            self.tr("&Hủy nội dung…"),
            "",
            "cancelled",
            self.tr("Đánh dấu nội dung không còn phải thực hiện"),
        )
        self.add_note = a(
            self.tr("Thêm ghi chú &tiến độ…"),
            "Ctrl+T",
            "note",
            self.tr("Ghi tiến độ một tổ chức vừa báo cáo"),
        )
        self.extend = a(
            self.tr("&Gia hạn…"),
            "Ctrl+E",
            "extend",
            self.tr("Lùi thời hạn sang quý sau, có ghi lý do"),
        )
        self.import_reply = a(
            self.tr("Nhập &phiếu báo cáo…"),
            "",
            "",
            self.tr("Đọc phiếu báo cáo (.xlsx) một tổ chức đã điền: xem trước rồi cập nhật"),
        )
        self.attach_file = a(
            self.tr("Đính &kèm tệp…"),
            "",
            "",
            self.tr("Đính kèm báo cáo của tổ chức (tối đa 25 MB) vào nội dung đang chọn"),
        )
        self.undo = undo_stack.createUndoAction(self, self.tr("Hoàn tác"))
        self.undo.setText(self.tr("&Hoàn tác"))
        self.undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo.setIcon(assets.icon("undo"))
        self.redo = undo_stack.createRedoAction(self, self.tr("Làm lại"))
        self.redo.setText(self.tr("&Làm lại"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo.setIcon(assets.icon("redo"))
        # Through undo_step/redo_step, not QUndoStack.undo/redo directly: a step that
        # fails on a locked file must leave the stack where it was.
        self.undo.triggered.disconnect()
        self.redo.triggered.disconnect()
        self.undo.triggered.connect(lambda: _steps().undo_step(undo_stack))
        self.redo.triggered.connect(lambda: _steps().redo_step(undo_stack))
        for act in (self.undo, self.redo):
            window.addAction(act)
        self.find = a(self.tr("&Tìm"), "Ctrl+F", "search", self.tr("Tìm trong nội dung chỉ đạo"))
        self.refresh = a(self.tr("Tải &lại"), "F5", "", self.tr("Đọc lại dữ liệu từ tệp"))
        self.view_chase = a(
            self.tr("Cần &đôn đốc"),
            "Ctrl+1",
            "overdue",
            self.tr("Nội dung quá hạn và đến hạn trong quý này"),
        )
        self.view_meeting = a(
            self.tr("&Giao ban"), "Ctrl+2", "", self.tr("Cuộc giao ban đang chọn")
        )
        self.view_all = a(
            self.tr("&Tất cả nội dung"), "Ctrl+3", "", self.tr("Mọi nội dung chỉ đạo, có bộ lọc")
        )
        self.report = a(
            self.tr("Danh sách theo dõi &quý…"),
            "Ctrl+P",
            "report",
            self.tr("Báo cáo theo dõi, đôn đốc thực hiện trong một quý"),
        )
        self.open_items_report = a(
            self.tr("Nội dung còn &tồn đọng…"),
            "Ctrl+Shift+P",
            "",
            self.tr("Mọi nội dung chưa hoàn thành, để rà soát trước cuộc giao ban tới"),
        )
        self.letter = a(
            self.tr("&Công văn đôn đốc…"),
            "",
            "",
            self.tr("Công văn đôn đốc gửi các tổ chức: các nội dung chưa hoàn thành của quý"),
        )
        self.organizations = a(
            self.tr("Tổ &chức…"), "", "", self.tr("Thêm, đổi tên, sắp xếp, ngừng sử dụng tổ chức")
        )
        self.settings = a(
            self.tr("Thiết &lập…"),
            "",
            "",
            self.tr("Tỉnh, cơ quan ban hành, người ký và các thiết lập khác"),
        )
        self.load_sample = a(
            self.tr("Nạp dữ liệu &mẫu"), "", "", self.tr("Thêm cuộc giao ban mẫu ngày 01/04/2021")
        )
        self.import_xlsx = a(
            self.tr("&Nhập từ Excel…"),
            "",
            "",
            self.tr("Nhập nội dung chỉ đạo từ bảng Excel đang theo dõi (xem trước, sửa cột)"),
        )
        self.export_xlsx = a(
            self.tr("&Xuất Excel…"),
            "",
            "",
            self.tr("Ghi mọi nội dung chỉ đạo ra một bảng Excel (mỗi dòng một nội dung)"),
        )
        self.back_up = a(
            self.tr("Sao &lưu ngay"),
            "",
            "",
            self.tr("Chép dữ liệu hiện tại vào thư mục sao lưu cạnh tệp dữ liệu"),
        )
        self.restore = a(
            self.tr("&Khôi phục…"),
            "",
            "",
            self.tr("Thay dữ liệu bằng một bản sao lưu (dữ liệu hiện tại được sao lưu trước)"),
        )
        self.connect_server = a(
            self.tr("Kết nối máy &chủ…"),
            "",
            "",
            self.tr("Dùng cơ sở dữ liệu chung trên máy chủ của cơ quan, hoặc quay về tệp"),
        )
        self.quit = a(
            self.tr("T&hoát"), QKeySequence.StandardKey.Quit, "", self.tr("Đóng chương trình")
        )
        self.quit.setShortcuts([QKeySequence("Ctrl+Q")])
        self.about = a(self.tr("&Giới thiệu"), "", "app", self.tr("Về chương trình Giao ban"))

        self.language_group = QActionGroup(self)
        # Each language is named in itself, so that it can be found whichever is showing.
        self.language_vi = a("Tiếng &Việt", "", "", "")
        self.language_en = a("&English", "", "", "")
        for act, lang in ((self.language_vi, "vi"), (self.language_en, "en")):
            act.setCheckable(True)
            act.setData(lang)
            self.language_group.addAction(act)

    def _make(
        self,
        text: str,
        shortcut: str | QKeySequence.StandardKey,
        icon: str,
        tip: str,
    ) -> QAction:
        act = QAction(assets.icon(icon) if icon else QIcon(), text, self)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setStatusTip(tip)
            plain = text.replace("&", "").rstrip("…")
            keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            act.setToolTip(f"{plain} ({keys}) — {tip}" if keys else f"{plain} — {tip}")
        self._window.addAction(act)  # shortcuts work even when the menu bar is hidden
        return act

    def selection_actions(self) -> tuple[QAction, ...]:
        """Actions that need one or more selected directives."""
        return (self.mark_done_today, self.mark_done, self.reopen, self.cancel)

    def single_directive_actions(self) -> tuple[QAction, ...]:
        return (self.add_note, self.extend, self.attach_file)
