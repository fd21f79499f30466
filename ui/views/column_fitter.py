"""Column widths of a list whose text column takes the rest of the width.

Until the clerk sizes a column by hand, the other columns keep their default
widths when there is room and shrink together when there is not, so the text
column never falls below ``TEXT_SHARE`` of the view (at 1024×600 a directive
reads on two or three lines, with no sideways scrolling). Once the clerk drags a
column, the widths are theirs: saved in QSettings and restored as they were.
The header's menu shows or hides columns and puts the widths back to the defaults.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QPoint, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu

TEXT_SHARE = 0.45  # of the view's width, at least, for the text column
MIN_WIDTH = 44


class ColumnFitter(QObject):
    """Keeps ``view``'s column ``stretch`` wide; see the module docstring. The view
    calls ``fit()`` from its resizeEvent.

    ``widths`` are the defaults of the other columns; ``settings_key`` names the
    saved header state ("headers/allTable").
    """

    def __init__(
        self,
        view: QAbstractItemView,
        header: QHeaderView,
        *,
        stretch: int,
        widths: dict[int, int],
        settings_key: str,
        never_shown: tuple[int, ...] = (),
        hidden_by_default: tuple[int, ...] = (),
        minimums: dict[int, int] | None = None,
        drop_order: tuple[int, ...] = (),
    ) -> None:
        super().__init__(view)
        self._view = view
        self._header = header
        self._stretch = stretch
        self._widths = dict(widths)
        self._key = settings_key
        self._never = set(never_shown)  # columns this view never shows (not in the menu)
        self._hidden_by_default = set(hidden_by_default) | self._never
        self._minimums = dict(minimums or {})  # columns that must not shrink past their text
        # Columns left out, in this order, when the others would shrink below 80 % of
        # their widths; shown again when there is room. One the clerk shows from the
        # header's menu stays.
        self._drop_order = drop_order
        self._auto_hidden: set[int] = set()
        self._kept: set[int] = set()
        self._fitting = False
        self.user_sized = False
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(MIN_WIDTH)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for c in self._hidden_by_default:
            header.setSectionHidden(c, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)
        header.sectionResized.connect(self._on_section_resized)
        # Widths the columns start with; fit() gives the real ones when the view is shown.
        self._fitting = True
        try:
            for c, width in self._widths.items():
                header.resizeSection(c, width)
        finally:
            self._fitting = False
        self._defaults: dict[int, int] = {}

    def default_width(self, column: int) -> int:
        """The column's width when there is room: never narrower than its (translated)
        heading. Measured once: a heading's size hint costs a style query."""
        found = self._defaults.get(column)
        if found is None:
            hint = self._header.sectionSizeHint(column)
            found = self._defaults[column] = max(self._widths.get(column, 100), hint)
        return found

    def fit(self) -> None:
        """Give the non-text columns their defaults, shrunk to leave the text its share."""
        if self.user_sized:
            return
        available = self._view.viewport().width()
        if available < 2 * MIN_WIDTH or not self._view.isVisible():
            return  # not laid out yet: fitted when shown
        room = available - int(available * TEXT_SHARE)
        chosen_hidden = {
            c
            for c in range(self._header.count())
            if self._header.isSectionHidden(c) and c not in self._auto_hidden
        }
        others = [c for c in range(self._header.count()) if c != self._stretch]
        others = [c for c in others if c not in chosen_hidden]
        wanted = {c: self.default_width(c) for c in others}
        dropped: set[int] = set()
        for c in self._drop_order:
            if sum(wanted[o] for o in others if o not in dropped) * 0.8 <= room:
                break
            if c in wanted and c not in self._kept:
                dropped.add(c)
        others = [c for c in others if c not in dropped]
        self._fitting = True
        try:
            for c in self._auto_hidden | dropped:
                self._header.setSectionHidden(c, c in dropped)
        finally:
            self._fitting = False
        self._auto_hidden = dropped
        # Shrink in proportion; a column that would fall below MIN_WIDTH keeps that and
        # the others share what is left.
        least = {c: max(MIN_WIDTH, self._minimums.get(c, 0)) for c in others}
        widths = dict(wanted)
        floored: set[int] = set()
        while True:
            free = room - sum(least[c] for c in floored)
            flexible = sum(wanted[c] for c in others if c not in floored)
            if flexible <= 0 or free <= 0:
                break
            scale = min(1.0, free / flexible)
            widths = {
                c: least[c] if c in floored else int(wanted[c] * scale) for c in others
            }
            low = {c for c, w in widths.items() if w < least[c]} - floored
            if not low:
                break
            floored |= low
        self._fitting = True
        try:
            interactive = QHeaderView.ResizeMode.Interactive
            for c in others:
                if self._header.sectionResizeMode(c) != interactive:
                    self._header.setSectionResizeMode(c, interactive)
                width = max(least[c], widths[c])
                if self._header.sectionSize(c) != width:
                    self._header.resizeSection(c, width)
        finally:
            self._fitting = False

    def restore(self) -> None:
        """The clerk's hidden columns and own widths, as an earlier session left them."""
        s = QSettings()
        hidden = s.value(self._key + "Hidden")
        if isinstance(hidden, str):
            chosen = {int(p) for p in hidden.split() if p.isdigit()} - {self._stretch}
            self._fitting = True
            try:
                for c in range(self._header.count()):
                    self._header.setSectionHidden(c, c in chosen or c in self._never)
            finally:
                self._fitting = False
            self.fit()
        value = s.value(self._key)
        if not isinstance(value, QByteArray) or value.isEmpty():
            return
        self._fitting = True
        try:
            ok = self._header.restoreState(value)
            # The text column always takes the rest, whatever an older state said.
            self._header.setSectionResizeMode(self._stretch, QHeaderView.ResizeMode.Stretch)
            for c in self._never:
                self._header.setSectionHidden(c, True)
        finally:
            self._fitting = False
        self.user_sized = ok
        if not ok:
            self.fit()

    def save(self) -> None:
        """Keep the widths only when they are the clerk's, so defaults follow the screen."""
        s = QSettings()
        if self.user_sized:
            s.setValue(self._key, self._header.saveState())
        else:
            s.remove(self._key)
        hidden = [
            str(c)
            for c in range(self._header.count())
            if self._header.isSectionHidden(c) and c not in self._auto_hidden
        ]
        s.setValue(self._key + "Hidden", " ".join(hidden))

    def reset(self) -> None:
        """Back to the default widths, every column shown."""
        self.user_sized = False
        self._kept.clear()
        self._auto_hidden.clear()
        self._fitting = True
        try:
            for c in range(self._header.count()):
                self._header.setSectionHidden(c, c in self._hidden_by_default)
        finally:
            self._fitting = False
        self.fit()

    def _on_section_resized(self, column: int, old: int, new: int) -> None:
        if self._fitting or column == self._stretch or not old or not new:
            return  # fitting, the text column, or a column hidden or shown (Qt may tell later)
        # Outside fit() and restore() only the clerk resizes a column (a drag on the
        # header, a double-click on its edge): the widths are theirs from now on.
        self.user_sized = True

    def _on_header_menu(self, pos: QPoint) -> None:
        menu = self.make_menu()
        menu.exec(self._header.mapToGlobal(pos))
        menu.deleteLater()

    def make_menu(self) -> QMenu:
        """Show or hide each column (the text column stays), and reset the widths."""
        menu = QMenu(self._header)
        model = self._header.model()
        for c in range(self._header.count()):
            if c == self._stretch or c in self._never:
                continue
            title = model.headerData(c, Qt.Orientation.Horizontal) if model else str(c)
            action = menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(not self._header.isSectionHidden(c))
            action.toggled.connect(lambda on, c=c: self._set_shown(c, on))
        menu.addSeparator()
        reset = menu.addAction(QCoreApplication.translate("columns", "Đặt lại độ rộng các cột"))
        reset.triggered.connect(self.reset)
        return menu

    def _set_shown(self, column: int, shown: bool) -> None:
        if shown:
            self._kept.add(column)
        else:
            self._kept.discard(column)
        self._auto_hidden.discard(column)
        self._fitting = True
        try:
            self._header.setSectionHidden(column, not shown)
            if shown and self._header.sectionSize(column) < MIN_WIDTH:
                self._header.resizeSection(column, self.default_width(column))
        finally:
            self._fitting = False
        self.fit()
