"""OrgPicker: tick the organizations taking part, with whole groups as one tick."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QWidget,
)

from ui.widgets.org_catalog import OrgCatalog

_IDS_ROLE = Qt.ItemDataRole.UserRole + 1
_GROUP_ROLE = Qt.ItemDataRole.UserRole + 2


class OrgPicker(QListWidget):
    """A checkable list of organizations, laid out in columns, with each group
    ("MTTQ và các đoàn thể") as one more item that ticks all its members.

    A group shows as partly ticked when only some of its members are. Arrow
    keys move, Space ticks. Inactive organizations appear only when ticked
    (old records keep the names they had).

    Signals:
        selection_changed(): the set of ticked organizations changed.
    """

    selection_changed = Signal()

    def __init__(self, catalog: OrgCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._updating = False
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        policy = self.sizePolicy()
        policy.setVerticalPolicy(policy.Policy.Fixed)  # exactly as tall as its items need
        self.setSizePolicy(policy)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemChanged.connect(self._on_item_changed)
        self._build(())

    def _build(self, selected: Iterable[int]) -> None:
        chosen = set(selected)
        self._updating = True
        self.clear()
        for group in self._catalog.groups:
            item = QListWidgetItem(group.short_name, self)
            item.setData(_IDS_ROLE, group.organization_ids)
            item.setData(_GROUP_ROLE, True)
            item.setToolTip(self.tr("Nhóm: {name}").format(name=group.name))
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        for org in self._catalog.organizations:
            if not org.active and org.id not in chosen:
                continue
            label = (
                org.short_name
                if org.active
                else self.tr("{name} (ngừng)").format(name=org.short_name)
            )
            item = QListWidgetItem(label, self)
            item.setData(_IDS_ROLE, (org.id,))
            item.setData(_GROUP_ROLE, False)
            item.setToolTip(org.name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = org.id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._sync_groups()
        self._updating = False
        if self.count():
            self.setCurrentRow(0)
        self._fit_grid()

    def _fit_grid(self) -> None:
        """Give every item the width of the longest, so columns line up and nothing is cut."""
        metrics = self.fontMetrics()
        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
        widest = max((metrics.horizontalAdvance(item.text()) for item in self._items()), default=0)
        height = max(metrics.height(), indicator) + 8
        self.setGridSize(QSize(widest + indicator + 28, height))
        for item in self._items():
            item.setSizeHint(QSize(widest + indicator + 24, height - 2))
        self.updateGeometry()

    # --- value --------------------------------------------------------------

    def selected_ids(self) -> tuple[int, ...]:
        """The ticked organizations, in display order."""
        ids = [
            item.data(_IDS_ROLE)[0]
            for item in self._items()
            if not item.data(_GROUP_ROLE) and item.checkState() == Qt.CheckState.Checked
        ]
        return self._catalog.sort_ids(ids)

    def set_selected_ids(self, ids: Iterable[int]) -> None:
        """Tick exactly ``ids`` (showing inactive ones among them)."""
        ids = tuple(ids)
        if any(not self._has_item(i) for i in ids):
            self._build(ids)
        else:
            self._updating = True
            chosen = set(ids)
            for item in self._org_items():
                on = item.data(_IDS_ROLE)[0] in chosen
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self._sync_groups()
            self._updating = False
        self.selection_changed.emit()

    def summary(self) -> str:
        """The ticked organizations as text, whole groups by their name."""
        return self._catalog.format(self.selected_ids())

    # --- internals ----------------------------------------------------------

    def _items(self) -> list[QListWidgetItem]:
        return [self.item(i) for i in range(self.count())]

    def _org_items(self) -> list[QListWidgetItem]:
        return [item for item in self._items() if not item.data(_GROUP_ROLE)]

    def _has_item(self, org_id: int) -> bool:
        return any(item.data(_IDS_ROLE)[0] == org_id for item in self._org_items())

    def _sync_groups(self) -> None:
        ticked = {
            item.data(_IDS_ROLE)[0]
            for item in self._org_items()
            if item.checkState() == Qt.CheckState.Checked
        }
        for item in self._items():
            if not item.data(_GROUP_ROLE):
                continue
            members = set(item.data(_IDS_ROLE))
            if members <= ticked:
                state = Qt.CheckState.Checked
            elif members & ticked:
                state = Qt.CheckState.PartiallyChecked
            else:
                state = Qt.CheckState.Unchecked
            item.setCheckState(state)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._updating:
            return
        self._updating = True
        if item.data(_GROUP_ROLE):
            members = set(item.data(_IDS_ROLE))
            on = item.checkState() == Qt.CheckState.Checked
            for other in self._org_items():
                if other.data(_IDS_ROLE)[0] in members:
                    other.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._sync_groups()
        self._updating = False
        self.selection_changed.emit()

    # --- Qt overrides -------------------------------------------------------

    def height_for_width(self, width: int) -> int:
        """The height that shows every item in the columns ``width`` allows."""
        grid = self.gridSize()
        frame = 2 * self.frameWidth()
        per_row = max(1, (width - frame - 4) // max(1, grid.width()))
        rows = max(1, -(-self.count() // per_row))
        return rows * grid.height() + frame + 4

    def sizeHint(self) -> QSize:
        width = max(self.width(), 4 * self.gridSize().width())
        return QSize(width, self.height_for_width(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.gridSize().width() + 8, self.gridSize().height() + 8)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Not heightForWidth(): grid layouts honour it poorly and leave gaps. The
        # height only changes when the number of rows does, so this settles at once.
        wanted = self.height_for_width(event.size().width())
        if wanted != self.height():
            self.setFixedHeight(wanted)
