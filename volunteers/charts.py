"""Bar charts as geometry for inline SVG, so the admin shows pictures without a JS library."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass
class Bar:
    label: str
    value: Decimal | int
    x: float
    y: float
    width: float
    height: float

    @property
    def center(self) -> float:
        return round(self.x + self.width / 2, 1)

    @property
    def end(self) -> float:
        return round(self.x + self.width + 4, 1)

    @property
    def label_x(self) -> float:
        return self.x - 6

    @property
    def baseline(self) -> float:
        return round(self.y + self.height - 4, 1)


@dataclass
class Chart:
    title: str
    width: int
    height: int
    bars: list[Bar]
    horizontal: bool
    unit: str

    @property
    def is_empty(self) -> bool:
        return not any(bar.value for bar in self.bars)


def column_chart(
    title: str, items: list[tuple[str, Decimal | int]], unit: str = "", width: int = 560
) -> Chart:
    """Vertical bars, one per item, scaled to the largest; labels sit below each bar."""
    height, top, bottom = 220, 24, 40
    slot = width / max(len(items), 1)
    peak = max((value for _, value in items), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(items):
        bar_height = float(value) / float(peak) * (height - top - bottom)
        bars.append(
            Bar(
                label=label,
                value=value,
                x=round(index * slot + slot * 0.15, 1),
                y=round(height - bottom - bar_height, 1),
                width=round(slot * 0.7, 1),
                height=round(bar_height, 1),
            )
        )
    return Chart(title, width, height, bars, horizontal=False, unit=unit)


def bar_chart(
    title: str, items: list[tuple[str, Decimal | int]], unit: str = "", width: int = 560
) -> Chart:
    """Horizontal bars, one row per item, for comparing named things (districts)."""
    row, left, right = 26, 110, 90
    peak = max((value for _, value in items), default=0) or 1
    bars = [
        Bar(
            label=label,
            value=value,
            x=left,
            y=index * row + 4,
            width=round(float(value) / float(peak) * (width - left - right), 1),
            height=row - 8,
        )
        for index, (label, value) in enumerate(items)
    ]
    return Chart(title, width, max(len(items), 1) * row + 8, bars, horizontal=True, unit=unit)
