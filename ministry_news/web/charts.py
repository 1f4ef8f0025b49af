"""Bar charts as geometry for inline SVG: drawn on the server, no script, no external asset."""

from __future__ import annotations

from dataclasses import dataclass

from nlp.buddhist_era import buddhist_year

ROW = 22  # height of one horizontal bar's row
LABEL = 150  # room for a province name left of the bars
WIDTH = 640
COLUMN = 12  # width of one month's column
HEIGHT = 160


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


def horizontal(counts: list[tuple[str, int]], top: int = 25, unit: str = "visits") -> Chart:
    """One row per value, longest first, scaled to the largest; values past `top` are hidden."""
    shown = counts[:top]
    most = max((n for _, n in shown), default=1) or 1
    room = WIDTH - LABEL - 50
    bars = [
        Bar(
            label, n, LABEL, i * ROW + 3, max(1.0, room * n / most), ROW - 6, f"{label}: {n} {unit}"
        )
        for i, (label, n) in enumerate(shown)
    ]
    return Chart(bars, WIDTH, max(1, len(shown)) * ROW, [], len(counts) - len(shown))


def columns(counts: list[tuple[str, int]], labels: dict[str, str], unit: str = "visits") -> Chart:
    """One column per month ("2020-03") in order; under each January (or the first month) a
    tick with the year in both eras, as Thai sources and foreign readers each count it."""
    most = max((n for _, n in counts), default=1) or 1
    plot = HEIGHT - 20
    bars: list[Bar] = []
    ticks: list[tuple[float, str]] = []
    for i, (key, n) in enumerate(counts):
        height = plot * n / most
        x = i * COLUMN
        bars.append(
            Bar(key, n, x + 1, plot - height, COLUMN - 2, height, f"{labels[key]}: {n} {unit}")
        )
        if i == 0 or key.endswith("-01"):
            year = int(key[:4])
            ticks.append((x, f"{year}/{buddhist_year(year)}"))
    return Chart(bars, max(WIDTH, len(counts) * COLUMN), HEIGHT, ticks)
