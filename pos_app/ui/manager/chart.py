"""Sales by hour as a painted bar chart: no QtCharts needed, readable at a glance, values on the bars."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from pos_app.core.money import won

FIRST_HOUR, LAST_HOUR = 7, 22  # a shop day; sales outside it widen the chart


class HourChart(QWidget):
    """Gross sales per Seoul hour; the busiest hour is drawn darker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[int] = [0] * 24
        self.setMinimumSize(QSize(420, 170))

    def set_values(self, values: Sequence[int]) -> None:
        self._values = list(values) + [0] * (24 - len(values))
        self.update()

    def values(self) -> list[int]:
        return list(self._values)

    def hours(self) -> range:
        used = [h for h, v in enumerate(self._values) if v]
        first = min([FIRST_HOUR, *used])
        last = max([LAST_HOUR, *used])
        return range(first, last + 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        hours = self.hours()
        top, bottom, left, right = 26.0, 30.0, 8.0, 8.0
        width = self.width() - left - right
        height = self.height() - top - bottom
        slot = width / len(hours)
        peak = max(self._values) or 1
        font = painter.font()
        font.setPixelSize(14)
        painter.setFont(font)
        painter.setPen(QColor("#c9d8cd"))
        painter.drawLine(int(left), int(top + height), int(left + width), int(top + height))
        busiest = max(range(24), key=lambda h: self._values[h])
        for i, hour in enumerate(hours):
            value = self._values[hour]
            x = left + i * slot
            bar = height * value / peak
            if value:
                color = QColor("#1f5f3f") if hour == busiest else QColor("#6fa383")
                painter.fillRect(QRectF(x + slot * 0.15, top + height - bar, slot * 0.7, bar), color)
                painter.setPen(QColor("#10301e"))
                # Korean shops count large sums in 만 (10,000 won): 157,000 reads as 15.7만.
                label = f"{value / 10_000:.1f}만".replace(".0만", "만") if value >= 10_000 else won(value)
                painter.drawText(
                    QRectF(x - 6, top + height - bar - 20, slot + 12, 18), Qt.AlignmentFlag.AlignCenter, label
                )
            painter.setPen(QColor("#3d4a42"))
            painter.drawText(QRectF(x, top + height + 4, slot, 22), Qt.AlignmentFlag.AlignCenter, f"{hour}")
        painter.end()
