"""A crawl, then the extraction of what it stored, then each run's report: what `crawl`, `demo`
and `schedule` all do, in one place (`crawl_then_extract`; `after_crawl` for a crawl that ran in
another process, as `schedule`'s do).

The command line's modules import this one, never each other: `cli` → `demo`, `schedule`,
`harvest` → `crawl`, `extract`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

Echo = Callable[[str], None]

#: Politeness off: ONLY for a server of our own on 127.0.0.1 (`--fast`, the demo's mirrors).
FAST_SETTINGS: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    # Scrapy's own default: the thaigov mirror's 5xx burst answers 503 twice, then the page, so
    # the demo outlasts it as a real crawl (RETRY_TIMES 5) outlasts a real site's.
    "RETRY_TIMES": 2,
    # A mirror's 5xx burst is a test of retries, not a site to spare: back off briefly.
    "RETRY_BACKOFF_BASE": 0.1,
    "RETRY_BACKOFF_MAX": 1.0,
}


def extract(db_url: str, post_ids: list[int] | None = None, echo: Echo = click.echo) -> None:
    """Extract facts from `post_ids` (None: every post the current pipeline has not read)."""
    from ministry_news.extract import extract_posts

    report = extract_posts(db_url, post_ids, progress=sys.stderr.isatty())
    rate = report.posts / report.seconds if report.seconds else 0.0
    echo(
        f"extract: {report.posts} posts, {report.facts} facts, {report.visits} visits "
        f"(pipeline {report.version}, {rate:.0f} posts/s)"
    )


def crawl_line(summary: dict[str, Any]) -> str:
    """The crawl in one line."""
    counts = {
        k: summary.get(k, 0)
        for k in ("pages", "new", "changed", "unchanged", "failed", "finish_reason")
    }
    return (
        "crawl: {pages} pages, {new} new, {changed} changed, {unchanged} unchanged posts, "
        "{failed} failed ({finish_reason})".format(**counts)
    )


def run_ids(summary: dict[str, Any]) -> list[int]:
    """The runs a crawl made: one per site."""
    ids = summary.get("run_ids")
    if ids is None:
        ids = [summary["run_id"]] if summary.get("run_id") is not None else []
    return list(ids)


def after_crawl(db_url: str, summary: dict[str, Any], extract_facts: bool, echo: Echo) -> None:
    """Extract what the crawl's runs stored (and anything not extracted yet), then print each
    run's report; a crawl of several sites heads each report with its run's line."""
    from ministry_news.crawl import pending_extraction, run_report
    from ministry_news.terminal import shown
    from scraper.pipelines import RUN_STATUS

    ids = run_ids(summary)
    interrupted = RUN_STATUS.get(summary.get("finish_reason", "")) == "interrupted"
    if extract_facts and ids and not interrupted:  # the next run extracts what it left
        extract(db_url, sorted({p for rid in ids for p in pending_extraction(db_url, rid)}), echo)
    for rid in ids:
        lines = run_report(db_url, rid)
        for line in lines if len(ids) > 1 else lines[1:]:
            echo(shown(line))


def crawl_then_extract(
    db_url: str, extract_facts: bool = True, echo: Echo = click.echo, **crawl_options: Any
) -> dict[str, Any]:
    """`ministry_news.crawl.run_crawl(db_url, **crawl_options)`, its notes and summary line, then
    `after_crawl` unless no site answered. Returns the crawl's summary; raises as run_crawl."""
    from ministry_news.crawl import run_crawl
    from ministry_news.terminal import shown

    summary = run_crawl(db_url, **crawl_options)
    for note in summary.get("notes", []):
        echo(f"crawl: {shown(note)}")
    echo(crawl_line(summary))
    if not summary.get("unreachable"):
        after_crawl(db_url, summary, extract_facts, echo)
    return summary
