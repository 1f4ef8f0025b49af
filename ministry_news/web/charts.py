"""Bar charts as geometry for inline SVG: drawn on the server, no script, no external asset.

Each chart says what its axes count (`axes`: where each axis's title stands, by label key, the
words being the template's) and, for columns, its scale (0 and the tallest column's count)."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp.buddhist_era import buddhist_year

ROW = 22  # height of one horizontal bar's row
LABEL = 150  # room for a province name left of the bars
WIDTH = 640
COLUMN = 12  # width of one month's column
HEIGHT = 160
HEAD = 18  # room above the bars for the axes' titles
LEFT = 40  # room left of the columns for their scale


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float
    title: str  # the tooltip: label and count in words


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: float
    height: float
    ticks: list[tuple[float, str]]  # (x, label) under a column chart
    hidden: int = 0  # values left out (a long tail)
    axes: list[tuple[float, float, str, str]] = field(default_factory=list)  # x, y, anchor, key
    scale: list[tuple[float, str]] = field(default_factory=list)  # (y, count) left of columns
    base: float = 0  # y of the columns' base line (0 for bars)
    left: float = 0  # x of the columns' vertical axis


def horizontal(counts: list[tuple[str, int]], top: int = 25, unit: str = "visits") -> Chart:
    """One row per value, longest first, scaled to the largest; values past `top` are hidden."""
    shown = counts[:top]
    most = max((n for _, n in shown), default=1) or 1
    room = WIDTH - LABEL - 50
    bars = [
        Bar(
            label,
            n,
            LABEL,
            HEAD + i * ROW + 3,
            max(1.0, room * n / most),
            ROW - 6,
            f"{label}: {n} {unit}",
        )
        for i, (label, n) in enumerate(shown)
    ]
    axes = [(LABEL - 6, HEAD - 5, "end", "province"), (LABEL, HEAD - 5, "start", "axis_visits")]
    height = HEAD + max(1, len(shown)) * ROW
    return Chart(bars, WIDTH, height, [], len(counts) - len(shown), axes)


def columns(counts: list[tuple[str, int]], labels: dict[str, str], unit: str = "visits") -> Chart:
    """One column per month ("2020-03") in order; under each January (or the first month) a
    tick with the year in both eras, as Thai sources and foreign readers each count it."""
    most = max((n for _, n in counts), default=1) or 1
    plot = HEIGHT - 20
    base = HEAD + plot
    bars: list[Bar] = []
    ticks: list[tuple[float, str]] = []
    for i, (key, n) in enumerate(counts):
        height = plot * n / most
        x = LEFT + i * COLUMN
        bars.append(
            Bar(key, n, x + 1, base - height, COLUMN - 2, height, f"{labels[key]}: {n} {unit}")
        )
        if i == 0 or key.endswith("-01"):
            year = int(key[:4])
            ticks.append((x, f"{year}/{buddhist_year(year)}"))
    width = max(WIDTH, LEFT + len(counts) * COLUMN)
    axes = [(0, HEAD - 5, "start", "axis_visits"), (width, base + 36, "end", "axis_month")]
    scale = [(base, "0"), (HEAD + 4, str(most))]
    return Chart(bars, width, base + 40, ticks, 0, axes, scale, base, LEFT - 2)
