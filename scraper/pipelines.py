"""Store crawled posts in the archive, one transaction per post, and account for the run.

Idempotent: a post crawled twice is one row (`archive.store.save_post` compares content hashes and
keeps earlier text as a version). Every crawl is a `CrawlRun` row, opened when the spider opens and
closed with its counts and a report (outcomes by kind, categories walked to their end, rates);
every page that could not become a post is a `FetchFailure` row. What the run did to each post is
a `CrawlRunPost` row written in the post's own transaction, so even a killed run can be told.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from archive import store
from archive.db import default_url, session_scope
from archive.migrate import upgrade
from archive.models import CrawlRun, CrawlRunPost, WarcRecord, utcnow
from archive.sources import source_of
from scraper.items import ListingItem, page_source

logger = logging.getLogger(__name__)

#: Signal a spider sends for a page that cannot become a post: kwargs url, status, reason (and
#: source, when the spider crawls more than one site).
post_failed = object()

STATS = "ministry_news"
REQUIRED = ("post_id", "url", "title", "body", "content_hash")
#: Scrapy's finish reasons → the run's status.
RUN_STATUS = {
    "finished": "ok",
    "shutdown": "interrupted",
    "cancelled": "interrupted",
    "refused": "refused",
}
#: Stats kept in the run's report, besides every `ministry_news/outcome/*` counter.
REPORTED = (
    "listing_pages",
    "post_pages",
    "known_posts",
    "incremental_stops",
    "attachments",
    "not_modified",
    "backoffs",
    "category_merges",
    "no_date",
    "date_from_body",
    "soft_404",
    "generic_extractor",
    "warc/records",
    "warc/bytes",
)


class ArchivePipeline:
    """Writes each post as it comes, so an interrupted crawl keeps everything stored so far."""

    def __init__(self, crawler: Crawler, db_url: str) -> None:
        self.crawler = crawler
        self.db_url = db_url
        self.run_id: int | None = None
        # Posts by (site, site's id): two sites number their posts alike.
        self._stored: set[tuple[str, int]] = set()
        self._pending: dict[tuple[str, int], set[str]] = {}  # categories seen before it was stored

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        pipeline = cls(crawler, crawler.settings.get("MINISTRY_NEWS_DB") or default_url())
        crawler.signals.connect(pipeline.record_failure, signal=post_failed)
        crawler.signals.connect(pipeline.finish_run, signal=signals.spider_closed)
        return pipeline

    def _count(self, key: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"{STATS}/{key}")

    def open_spider(self) -> None:
        upgrade(self.db_url)
        start_urls = list(getattr(self.crawler.spider, "start_urls", []) or [])
        settings = self.crawler.settings
        mode = settings.get("CRAWL_MODE") or (
            "incremental" if settings.getbool("INCREMENTAL") else "full"
        )
        with session_scope(self.db_url) as session:
            run = store.start_run(session, start_urls)
            run.mode = mode
            self.run_id = run.id
        assert self.crawler.stats is not None
        self.crawler.stats.set_value(f"{STATS}/run_id", self.run_id)
        logger.info("archive %s: crawl run %s", self.db_url, self.run_id)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, ListingItem):
            return self._add_listing(item)
        # a picture post's body is empty (""), never absent
        missing = [
            f for f in REQUIRED if not item.get(f) and not (f == "body" and item.get(f) == "")
        ]
        if missing:  # the spider never sends these; a half post is refused all the same
            self._count("failed")
            reason = f"incomplete post: no {', '.join(missing)}"
            self.record_failure(
                url=item.get("url") or "", status=None, reason=reason, source=source_of(item)
            )
            raise DropItem(reason)
        key = (source_of(item), int(item["post_id"]))
        if pending := self._pending.pop(key, None):
            item["categories"] = sorted(set(item.get("categories") or []) | pending)
        try:
            with session_scope(self.db_url) as session:
                outcome = store.save_post(session, item)
                if self.run_id is not None and key not in self._stored:
                    post = store.find_post(session, *key)
                    assert post is not None  # just stored
                    session.add(CrawlRunPost(run_id=self.run_id, post_id=post.id, outcome=outcome))
        except (SQLAlchemyError, ValueError) as exc:
            self._count("failed")
            reason = f"not stored: {exc}"
            self.record_failure(url=item["url"], status=None, reason=reason, source=key[0])
            raise DropItem(f"{key[0]} post {key[1]} not stored: {exc}") from exc
        # The same post again in this run (a fleet sends it again for a second category).
        self._count("category_merges" if key in self._stored else f"{outcome}_posts")
        self._stored.add(key)
        return item

    def _add_listing(self, item: ListingItem) -> ListingItem:
        """A further category of a post fetched in this run; held until the post itself is
        stored when its item has not reached the archive yet."""
        source, post_id, category = source_of(item), int(item["post_id"]), str(item["category"])
        try:
            with session_scope(self.db_url) as session:
                stored = store.add_category(session, post_id, category, source=source)
        except SQLAlchemyError as exc:
            logger.error(
                "could not list %s post %s under category %s: %s", source, post_id, category, exc
            )
            return item
        if not stored:
            self._pending.setdefault((source, post_id), set()).add(category)
        self._count("category_merges")
        return item

    def record_failure(
        self, url: str, status: int | None, reason: str, source: str | None = None
    ) -> None:
        """A page that did not become a post; of the spider's site unless `source` says."""
        source = source or page_source(self.crawler.spider)
        try:
            with session_scope(self.db_url) as session:
                store.record_failure(
                    session, url, reason, status=status, run_id=self.run_id, source=source
                )
        except SQLAlchemyError as exc:
            logger.error("could not record failure of %s: %s", url, exc)

    def finish_run(self, spider: Any, reason: str) -> None:
        if self.run_id is None:
            return
        assert self.crawler.stats is not None
        stats = self.crawler.stats

        def n(key: str) -> int:
            return int(stats.get_value(f"{STATS}/{key}", 0))

        try:
            with session_scope(self.db_url) as session:
                run = session.get(CrawlRun, self.run_id)
                if run is None:
                    return
                run.finished_at = utcnow()
                run.status = RUN_STATUS.get(reason, "failed")
                run.pages = n("pages")
                run.new_posts = n("new_posts")
                run.changed_posts = n("changed_posts")
                run.unchanged_posts = n("unchanged_posts")
                run.errors = n("failed")
                run.message = stats.get_value(f"{STATS}/stop_reason") or reason
                report = self._report(spider, stats.get_stats())
                report["seconds"] = round((run.finished_at - run.started_at).total_seconds(), 1)
                report["warc_files"] = list(
                    session.scalars(
                        select(WarcRecord.file)
                        .where(WarcRecord.run_id == run.id)
                        .group_by(WarcRecord.file)
                        .order_by(WarcRecord.file)
                    )
                )
                run.report = report
        except SQLAlchemyError as exc:
            logger.error("could not close crawl run %s: %s", self.run_id, exc)

    def _report(self, spider: Any, values: dict[str, Any]) -> dict[str, Any]:
        outcomes = {
            key.removeprefix(f"{STATS}/outcome/"): int(value)
            for key, value in values.items()
            if key.startswith(f"{STATS}/outcome/")
        }
        return {
            "source": page_source(spider),  # whose categories `walked` names (incremental)
            "outcomes": dict(sorted(outcomes.items())),
            "walked": sorted(getattr(spider, "walked", ()) or ()),
            # Posts whose markup the site's selectors missed: read by the generic extractor.
            "generic_extractor": list(getattr(spider, "generic", ()) or ()),
            "counts": {k: int(values.get(f"{STATS}/{k}", 0)) for k in REPORTED},
            "responses": int(values.get("downloader/response_count", 0)),
            "response_bytes": int(values.get("downloader/response_bytes", 0)),
            "retries": int(values.get("retry/count", 0)),
        }
