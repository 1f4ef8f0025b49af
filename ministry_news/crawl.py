"""Run the `mdes` spider into an archive and say what it did: `ministry-news crawl` and `demo`.

One crawl per process: Twisted's reactor cannot be started twice. Tests and scripts that need
several crawls run `python -m ministry_news.crawl --db URL ...` once per crawl; it prints the
summary as JSON.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any

import click
from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings

from archive import migrate
from scraper.pipelines import post_failed
from scraper.spiders.mdes import STATS, MdesSpider, plan_start_urls

_started = False


def _settings(db_url: str, overrides: dict[str, Any] | None) -> Settings:
    settings = Settings()
    settings.setmodule("scraper.settings", priority="project")
    # The caller prints a summary; Scrapy's own INFO lines would bury it. Warnings (one line per
    # page that could not be stored) still show.
    settings.set("LOG_LEVEL", "WARNING", priority="project")
    settings.set("MINISTRY_NEWS_DB", db_url, priority="cmdline")
    settings.update(overrides or {}, priority="cmdline")
    return settings


class _OneLine(logging.Filter):
    """Scrapy logs an unreachable robots.txt with a traceback; a CLI user needs the one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info, record.exc_text = None, None
        return True


class _Progress:
    """One status line on stderr, rewritten as pages come in."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        for signal in (signals.item_scraped, signals.item_dropped, post_failed):
            crawler.signals.connect(self.show, signal=signal)
        crawler.signals.connect(self.done, signal=signals.spider_closed)

    def show(self, **_: Any) -> None:
        s = _summary(self.crawler.stats.get_stats() if self.crawler.stats else {}, 0.0)
        sys.stderr.write(
            f"\rcrawl: {s['pages']} pages, {s['new']} new, {s['changed']} changed, "
            f"{s['unchanged']} unchanged, {s['failed']} failed "
        )
        sys.stderr.flush()

    def done(self, **_: Any) -> None:
        sys.stderr.write("\n")


def _summary(stats: dict[str, Any], seconds: float) -> dict[str, Any]:
    def n(key: str) -> int:
        return int(stats.get(f"{STATS}/{key}", 0))

    reason = stats.get("finish_reason") or "not started"
    return {
        "pages": n("pages"),
        "listing_pages": n("listing_pages"),
        "post_pages": n("post_pages"),
        "new": n("new_posts"),
        "changed": n("changed_posts"),
        "unchanged": n("unchanged_posts"),
        "failed": n("failed"),
        "retries": int(stats.get("retry/count", 0)),
        "finish_reason": reason,
        "unreachable": reason == "unreachable",
        "run_id": stats.get(f"{STATS}/run_id"),
        "seconds": round(seconds, 1),
    }


def run_crawl(
    db_url: str,
    start_urls: list[str] | None = None,
    categories: list[str] | None = None,
    settings: dict[str, Any] | None = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Crawl into the archive at `db_url` and return what happened: pages, new, changed,
    unchanged, failed, finish_reason, unreachable (no start URL's host answered at all), seconds.

    Raises ValueError for a start URL or category that makes no sense, ArchiveError for an archive
    that cannot be opened: both before any request is sent.
    """
    global _started
    urls = plan_start_urls(start_urls, categories)
    if _started:
        raise RuntimeError("one crawl per process (Twisted's reactor cannot restart)")
    migrate.upgrade(db_url)  # a bad archive fails here, in one line, not inside Scrapy

    logging.getLogger("scrapy.downloadermiddlewares.robotstxt").addFilter(_OneLine())
    process = CrawlerProcess(_settings(db_url, settings))
    crawler = process.create_crawler(MdesSpider)
    if progress:
        _Progress(crawler)
    process.crawl(crawler, start_url=urls)
    _started = True
    began = time.monotonic()
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return _summary(stats, time.monotonic() - began)


@click.command()
@click.option("--db", "db_url", required=True, help="SQLAlchemy URL of the archive.")
@click.option("--start-url", "start_urls", multiple=True, help="Start URL (repeatable).")
@click.option("--category", "categories", multiple=True, help="Category id (repeatable).")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", help="A setting.")
def main(
    db_url: str,
    start_urls: tuple[str, ...],
    categories: tuple[str, ...],
    overrides: tuple[str, ...],
) -> None:
    """Crawl once and print the summary as JSON (exit status 3: no start URL was reachable)."""
    settings = dict(o.split("=", 1) for o in overrides)
    summary = run_crawl(db_url, list(start_urls) or None, list(categories) or None, settings)
    click.echo(json.dumps(summary))
    sys.exit(3 if summary["unreachable"] else 0)


if __name__ == "__main__":
    main()
