"""The follow-up report's bar chart: per organization, its directives in the four categories.

Qt Charts takes ~175 ms to import, so only the report dialog imports this
module, when it opens. The same chart is drawn in the dialog and, as a PNG at
print resolution, in the printed report.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QWidget

from tracker.reporting.layout import LAYOUT, ReportLayout
from tracker.rows import Category, CategoryCounts, FollowUpReport
from ui.i18n import QT_TRANSLATE_NOOP

CATEGORIES = (
    Category.DONE_ON_TIME,
    Category.DONE_LATE,
    Category.OPEN_IN_TIME,
    Category.OPEN_OVERDUE,
)
# Legend words, translated in the window; the printout uses the document's own wording.
LEGEND = {
    Category.DONE_ON_TIME: QT_TRANSLATE_NOOP("ReportChart", "Hoàn thành đúng hạn"),
    Category.DONE_LATE: QT_TRANSLATE_NOOP("ReportChart", "Hoàn thành quá hạn"),
    Category.OPEN_IN_TIME: QT_TRANSLATE_NOOP("ReportChart", "Chưa hoàn thành – trong hạn"),
    Category.OPEN_OVERDUE: QT_TRANSLATE_NOOP("ReportChart", "Chưa hoàn thành – quá hạn"),
}
# Colours far apart in lightness too, so that a black-and-white printout tells them apart.
COLORS = {
    Category.DONE_ON_TIME: "#1b5e20",
    Category.DONE_LATE: "#81c784",
    Category.OPEN_IN_TIME: "#bbdefb",
    Category.OPEN_OVERDUE: "#d32f2f",
}
_COUNT_FIELDS = {
    Category.DONE_ON_TIME: "done_on_time",
    Category.DONE_LATE: "done_late",
    Category.OPEN_IN_TIME: "open_in_time",
    Category.OPEN_OVERDUE: "open_overdue",
}
_PX_PER_MM = 96 / 25.4  # the chart is laid out at 96 dpi, like the report's HTML


@dataclass(frozen=True)
class ChartData:
    """What the chart shows: organizations along the axis, one series of counts per category."""

    organizations: tuple[str, ...]
    counts: dict[Category, tuple[int, ...]]  # per category, one count per organization

    @property
    def empty(self) -> bool:
        return not self.organizations

    @property
    def highest(self) -> int:
        """The tallest stacked bar."""
        return max((sum(values) for values in zip(*self.counts.values(), strict=True)), default=0)


def chart_data(report: FollowUpReport) -> ChartData:
    """One bar per organization with rows in ``report``, split into the four categories."""
    pairs: tuple[tuple[str, CategoryCounts], ...] = report.per_org_counts
    return ChartData(
        organizations=tuple(name for name, _ in pairs),
        counts={
            category: tuple(getattr(c, _COUNT_FIELDS[category]) for _, c in pairs)
            for category in CATEGORIES
        },
    )


def axis_step(highest: int, max_ticks: int = 10) -> int:
    """A whole tick interval (1, 2, 5, 10, 20, 50…) giving at most ``max_ticks`` intervals."""
    if highest <= max_ticks:
        return 1
    magnitude: int = 10 ** int(math.log10(highest / max_ticks))
    for factor in (1, 2, 5, 10):
        if highest / (factor * magnitude) <= max_ticks:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def fill_chart(
    chart: QChart,
    data: ChartData,
    legend: dict[Category, str],
    *,
    font: QFont | None = None,
    empty_text: str = "",
    legend_side: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignBottom,
) -> None:
    """Draw ``data`` on a new ``chart`` as horizontal stacked bars.

    One bar per organization, first organization on top: their names get the
    room they need, however many there are. ``legend`` names each category;
    ``font`` (optional) is used for every text.
    """
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setTitle(empty_text if data.empty else "")
    if font is not None:
        chart.setTitleFont(font)
        chart.legend().setFont(font)
    chart.legend().setVisible(not data.empty)
    chart.legend().setAlignment(legend_side)
    if data.empty:
        return

    series = QHorizontalStackedBarSeries()
    series.setBarWidth(0.6)
    for category in CATEGORIES:
        bar_set = QBarSet(legend[category])
        # The category axis runs bottom-up: reversed, the first organization is on top.
        bar_set.append([float(v) for v in reversed(data.counts[category])])
        bar_set.setColor(QColor(COLORS[category]))
        bar_set.setBorderColor(QColor("#424242"))
        series.append(bar_set)
    chart.addSeries(series)

    categories = QBarCategoryAxis()
    categories.append(list(reversed(data.organizations)))
    values = QValueAxis()
    step = axis_step(data.highest)
    top = max(step, math.ceil(data.highest / step) * step)
    values.setRange(0, top)
    values.setTickType(QValueAxis.TickType.TicksDynamic)
    values.setTickAnchor(0)
    values.setTickInterval(step)
    values.setMinorTickCount(0)
    values.setLabelFormat("%d")  # whole numbers: these are counts
    if font is not None:
        categories.setLabelsFont(font)
        values.setLabelsFont(font)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)


def window_legend() -> dict[Category, str]:
    """The legend in the window's language."""
    return {c: QCoreApplication.translate("ReportChart", text) for c, text in LEGEND.items()}


def print_legend(layout: ReportLayout = LAYOUT) -> dict[Category, str]:
    """The legend in the document's wording (the printout is a Vietnamese document)."""
    return {c: layout.category_label(c) for c in CATEGORIES}


class ReportChartView(QChartView):
    """The chart in the report dialog; :meth:`set_report` redraws it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 260)
        self.setAccessibleName(self.tr("Biểu đồ kết quả thực hiện theo cơ quan, đơn vị"))
        self.data = ChartData((), {c: () for c in CATEGORIES})

    def set_report(self, report: FollowUpReport | None) -> None:
        """Show ``report``'s per-organization counts (nothing for None)."""
        self.data = (
            chart_data(report) if report is not None else ChartData((), {c: () for c in CATEGORIES})
        )
        # A new chart each time: Qt Charts keeps painting removed axes until relaid out.
        chart = QChart()
        fill_chart(
            chart,
            self.data,
            window_legend(),
            empty_text=self.tr("Không có số liệu để vẽ biểu đồ."),
            legend_side=Qt.AlignmentFlag.AlignRight,
        )
        previous = self.chart()
        self.setChart(chart)
        previous.deleteLater()
        self.setAccessibleDescription(self._describe())

    def _describe(self) -> str:
        """The chart's figures in words, for a screen reader."""
        if self.data.empty:
            return self.tr("Không có số liệu.")
        legend = window_legend()
        parts = []
        for index, name in enumerate(self.data.organizations):
            counts = ", ".join(f"{legend[c]} {self.data.counts[c][index]}" for c in CATEGORIES)
            parts.append(f"{name}: {counts}")
        return "; ".join(parts)


def chart_png(report: FollowUpReport, layout: ReportLayout = LAYOUT) -> bytes:
    """The chart of ``report`` as a PNG sized for the printed page, at ``layout.chart_dpi``.

    The chart is laid out at 96 dpi in the page's size (so its fonts print at
    their point size) and painted at the print resolution.
    """
    width = layout.chart_width_mm * _PX_PER_MM
    height = layout.chart_height_mm * _PX_PER_MM
    font = QFont()
    font.setFamilies(list(layout.font_families))
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(layout.table_size)

    scene = QGraphicsScene()
    chart = QChart()
    scene.addItem(chart)
    chart.setBackgroundRoundness(0)
    chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    chart.setGeometry(QRectF(0, 0, width, height))
    fill_chart(chart, chart_data(report), print_legend(layout), font=font)
    chart.resize(QSizeF(width, height))
    chart.layout().activate()

    scale = layout.chart_dpi / 96
    image = QImage(math.ceil(width * scale), math.ceil(height * scale), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, width, height), QRectF(0, 0, width, height))
    painter.end()
    scene.removeItem(chart)
    chart.deleteLater()
    # Set only now: the painting had to use the 96 dpi the chart was laid out at.
    dots_per_metre = round(layout.chart_dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stub types the format as bytes, but PySide6 accepts only str here.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())
