"""Search latency over a fixed query set, the same way in every benchmark: one warm-up run of
each query, then REPEAT timed runs."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from sqlalchemy.orm import Session

from archive.filters import parse_filters
from archive.search import search

REPEAT = 5  # timed runs of each query after its warm-up run


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@dataclass(frozen=True)
class SearchTimes:
    samples: list[float]  # ms, every timed run of every query
    per_query: list[tuple[float, int, dict[str, str]]]  # (median ms, hits, query)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        return percentile(self.samples, 95)


def time_search(session: Session, queries: list[dict[str, str]]) -> SearchTimes:
    samples: list[float] = []
    per_query = []
    for raw in queries:
        filters = parse_filters(**raw)
        total = search(session, filters).total  # warm-up
        times = []
        for _ in range(REPEAT):
            t0 = time.perf_counter()
            search(session, filters)
            times.append((time.perf_counter() - t0) * 1000)
        samples += times
        per_query.append((statistics.median(times), total, raw))
    return SearchTimes(samples, per_query)
