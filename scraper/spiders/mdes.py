"""The `mdes` spider: the ministry's news category listings, page by page, into one item per post.

    scrapy crawl mdes                                   # the live site's news categories
    scrapy crawl mdes -a start_url=http://127.0.0.1:8123/news/119
    scrapy crawl mdes -a start_url=http://127.0.0.1:8123 -a categories=119,3

A start URL may be a category listing (`/news/{id}`), a post, or any page linking to categories
(`/news/`). Markup knowledge lives in `scraper.selectors`; what the spider cannot use (a 404 post,
a page without headline or body) is logged, counted and reported to the archive, never stored.

With INCREMENTAL on (the project's setting; `--full` turns it off), a listing's known posts are
not fetched and the walk of a category stops where an earlier complete crawl left off
(`scraper.incremental`). What the spider tracks lives in `self.state` when Scrapy keeps one
(JOBDIR), so a crawl stopped cleanly resumes with it (`_Kept`).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import unquote, urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import (
    CannotResolveHostError,
    CloseSpider,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectError, DNSLookupError, TimeoutError
from twisted.python.failure import Failure

from scraper import extract_html as X
from scraper import selectors as S
from scraper.incremental import ArchiveMemory, settled, shows_something_new
from scraper.items import ListingItem, PostItem
from scraper.pages import GONE, content_hash, read_post
from scraper.pipelines import post_failed

__all__ = ["MdesSpider", "content_hash", "plan_start_urls"]
STATS = "ministry_news"
#: Failures that mean "nobody answers there" rather than "this page is broken".
UNREACHABLE = (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    DNSLookupError,
    ConnectError,
    TimeoutError,
)
#: The first page of a host is retried less: if the host is down, say so soon (robots.txt, when
#: obeyed, has been tried with full retries already).
START_RETRIES = 2


def _split(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if value is None:
        return []
    parts = value.split(",") if isinstance(value, str) else list(value)
    return [p.strip() for p in parts if p and p.strip()]


def plan_start_urls(
    start_url: str | list[str] | None = None, categories: str | list[str] | None = None
) -> list[str]:
    """Where a crawl begins. Categories are listings on the start URLs' sites (the live site by
    default); without categories, the start URLs themselves; with neither, every known category.

    Raises ValueError, with a message for the user, for anything that is not an http(s) URL.
    """
    starts, cats = _split(start_url), _split(categories)
    for url in starts:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {url!r}")
    for cat in cats:
        if not cat.isdigit():
            raise ValueError(f"a category is a number such as 119, not {cat!r}")
    if not cats:
        return starts or [S.category_url(S.SITE, c) for c in S.CATEGORIES]
    bases = list(dict.fromkeys(f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in starts))
    return [S.category_url(base, c) for base in bases or [S.SITE] for c in cats]


def failure_outcome(failure: Failure) -> str:
    """A short name for why a request got no usable response, for counters and the run report."""
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    if failure.check(DownloadTimeoutError, TimeoutError):
        return "timeout"
    if failure.check(DownloadCancelledError):
        return "too_large"
    if failure.check(IgnoreRequest) and "exceeded DOWNLOAD_MAXSIZE" in failure.getErrorMessage():
        return "too_large"  # a bomb: small as sent, too large decompressed (or its archived copy)
    if failure.check(IgnoreRequest) and "redirection" in failure.getErrorMessage():
        return "redirect_loop"
    if failure.check(IgnoreRequest) and "crawl stopped" in failure.getErrorMessage():
        return "not_fetched"  # the crawl stopped before sending it (scraper.middlewares)
    if failure.check(*UNREACHABLE):
        return "unreachable"
    return "error"


class _Kept:
    """A piece of the spider's bookkeeping, kept in `spider.state` when Scrapy keeps one (JOBDIR:
    saved on a clean stop, loaded again on resume), so a resumed crawl still knows each queued
    post's listings and card date; in the spider itself otherwise."""

    def __init__(self, factory: type) -> None:
        self.factory = factory

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = name.lstrip("_")

    def __get__(self, spider: Any, owner: type | None = None) -> Any:
        if spider is None:
            return self
        state = getattr(spider, "state", None)
        book = state if isinstance(state, dict) else spider.__dict__.setdefault("_book", {})
        return book.setdefault(self.key, self.factory())


class MdesSpider(scrapy.Spider):
    name = "mdes"

    _categories: dict[int, set[str]] = _Kept(dict)  # type: ignore[assignment]  # id → listings
    _card_dates: dict[int, str] = _Kept(dict)  # type: ignore[assignment]
    _requested: set[int] = _Kept(set)  # type: ignore[assignment]
    _parsed: set[int] = _Kept(set)  # type: ignore[assignment]
    _quiet: dict[str, int] = _Kept(dict)  # type: ignore[assignment]  # category → quiet pages
    walked: set[str] = _Kept(set)  # type: ignore[assignment]  # categories walked to their end

    def __init__(
        self,
        start_url: str | list[str] | None = None,
        categories: str | list[str] | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.start_urls = plan_start_urls(start_url, categories)
        self.allowed_domains = sorted({urlsplit(u).hostname or "" for u in self.start_urls})
        self.incremental = False
        self.overlap = 1
        self.attachment_maxsize = 0  # 0: attachments are not fetched
        self.memory: ArchiveMemory | None = None
        self._dead: set[str] = set()  # start hosts that could not be reached at all
        self._held: dict[str, list[str]] = {}  # start URLs waiting for their host to answer
        for url in self.start_urls:
            self._held.setdefault(urlsplit(url).hostname or "", []).append(url)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> MdesSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.incremental = settings.getbool("INCREMENTAL", False)
        spider.overlap = max(1, settings.getint("INCREMENTAL_OVERLAP", 1))
        if settings.getbool("ATTACHMENTS_FETCH", False):
            spider.attachment_maxsize = settings.getint("ATTACHMENT_MAXSIZE", 20 * 2**20)
        if spider.incremental:
            spider.memory = ArchiveMemory(settings.get("MINISTRY_NEWS_DB"))
        crawler.signals.connect(spider._idle, signal=signals.spider_idle)
        return spider

    # --- requests -------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """One page per host first: if the host does not answer, its other start pages would only
        repeat the same wait (nine times over for the live site's categories)."""
        for urls in self._held.values():
            meta = {"start": True, "max_retry_times": START_RETRIES}
            yield scrapy.Request(urls.pop(0), callback=self.parse, errback=self.failed, meta=meta)

    def _release(self, host: str) -> Iterator[scrapy.Request]:
        for url in self._held.pop(host, []):
            yield scrapy.Request(url, callback=self.parse, errback=self.failed)

    def _idle(self) -> None:
        if self._dead >= set(self.allowed_domains):  # no start host ever answered
            raise CloseSpider("unreachable")

    def _count(self, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(f"{STATS}/{key}", n)

    def _post_request(self, card: X.Card, refetch: bool = False) -> scrapy.Request:
        return scrapy.Request(
            card.url,
            callback=self.parse_post,
            errback=self.failed,
            cb_kwargs={"post_id": card.post_id},
            meta={"handle_httpstatus_list": GONE},
            dont_filter=refetch,
        )

    # --- callbacks ------------------------------------------------------------------------------

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """A start URL: a listing, a post, or a page that links to listings."""
        yield from self._release(urlsplit(response.url).hostname or "")
        if X.category_id(response.url):
            yield from self.parse_listing(response)
        elif (pid := X.post_id(response.url)) is not None:
            yield from self.parse_post(response, pid)
        else:
            self._count("pages")
            links = X.category_links(response.selector, response.url)
            if not links:
                self.logger.warning("no category links on %s: nothing to crawl", response.url)
            for url in links:
                yield response.follow(url, callback=self.parse_listing, errback=self.failed)

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request | ListingItem]:
        self._count("pages")
        self._count("listing_pages")
        category = X.category_id(response.url)
        is_text = hasattr(response, "selector")
        found = X.cards(response.selector, response.url) if is_text else []
        if odd := [c for c in found if c.post_id > X.MAX_POST_ID]:
            self._count("outcome/post_id_out_of_range", len(odd))
            self.logger.warning("post ids out of range skipped on %s: %s", response.url, odd)
            found = [c for c in found if c.post_id <= X.MAX_POST_ID]
        if not found:
            self._count("empty_listings")
            self._count("outcome/no_cards")
            self._fail(
                response.url, response.status, "listing without post links (markup changed?)"
            )
        fresh = self._triage(found, category)
        for card in found:
            if card in fresh:
                yield from self._on_card(card, category)
            else:
                self._count("known_posts")
        next_url = X.next_page(response.selector, response.url) if is_text else None
        if next_url and (not self.incremental or self._quiet.get(category or "", 0) < self.overlap):
            yield scrapy.Request(next_url, callback=self.parse_listing, errback=self.failed)
        elif category and found:
            if next_url:
                self._count("incremental_stops")
            self.walked.add(category)

    def _triage(self, found: list[X.Card], category: str | None) -> list[X.Card]:
        """The cards whose posts must be fetched; counts the page toward the incremental stop."""
        if not self.incremental or self.memory is None or not found:
            return found
        memory = self.memory
        known = memory.known(c.post_id for c in found)
        frontier = memory.frontier(category)
        fresh = [
            c
            for c in found
            if shows_something_new(c, category, known.get(c.post_id)) and not memory.gone(c.post_id)
        ]
        quiet = all(
            settled(c, category, known.get(c.post_id), frontier)
            or (frontier is not None and memory.gone(c.post_id))
            for c in found
        )
        key = category or ""
        self._quiet[key] = self._quiet.get(key, 0) + 1 if quiet else 0
        return fresh

    def _on_card(
        self, card: X.Card, category: str | None
    ) -> Iterator[scrapy.Request | ListingItem]:
        """One request per post id, whichever listings show it; a listing seen after the post
        was fetched only adds its category to the stored post."""
        seen = self._categories.setdefault(card.post_id, set())
        new_category = category is not None and category not in seen
        if category:
            seen.add(category)
        if card.published:
            self._card_dates.setdefault(card.post_id, card.published)
        if card.post_id in self._parsed:
            if new_category:
                yield ListingItem(post_id=card.post_id, category=category)
        elif card.post_id not in self._requested:
            self._requested.add(card.post_id)
            yield self._post_request(card)

    def parse_post(self, response: Response, post_id: int) -> Iterator[PostItem | scrapy.Request]:
        self._count("pages")
        if response.status not in GONE:
            self._count("post_pages")
        page = read_post(
            response,
            post_id,
            self._categories.get(post_id, ()),
            self._card_dates.get(post_id),
        )
        for note in page.notes:
            self._count(note)
        if page.item is None:
            self._count(f"outcome/{page.outcome}")
            self._fail(response.url, response.status, page.problem or f"post {post_id}: unusable")
            return
        if "no_date" in page.notes:
            self.logger.warning("post %s has no date (none on its card or in its text)", post_id)
        self._parsed.add(post_id)
        yield page.item
        if self.attachment_maxsize:
            for url in page.item["attachments"]:
                yield scrapy.Request(
                    url,
                    callback=self.parse_attachment,
                    errback=self.failed,
                    meta={"download_maxsize": self.attachment_maxsize, "attachment": True},
                    priority=-1,
                )

    def parse_attachment(self, response: Response) -> Iterator[Any]:
        """A post's file: the WARC recorder has kept its bytes; nothing more to do here."""
        self._count("attachments")
        return iter(())

    # --- failures -------------------------------------------------------------------------------

    def _fail(self, url: str, status: int | None, reason: str, quiet: bool = False) -> None:
        """Count, log and record a page that could not become a post; `quiet` logs at INFO,
        for a failure the run's summary already tells in one line."""
        self._count("failed")
        level = logging.INFO if quiet else logging.WARNING
        self.logger.log(level, "not stored: %s (%s)", reason, unquote(url))
        self.crawler.signals.send_catch_log(post_failed, url=url, status=status, reason=reason)

    def failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        """Errback: a page that never came (HTTP error after retries, refused, DNS, timeout,
        too large, a redirect loop)."""
        request = failure.request  # type: ignore[attr-defined]
        status = None
        outcome = failure_outcome(failure)
        if failure.check(HttpError):
            status = failure.value.response.status
            reason = f"HTTP {status}"
        elif outcome == "too_large":
            limit = request.meta.get("download_maxsize") or self.crawler.settings.getint(
                "DOWNLOAD_MAXSIZE"
            )
            reason = f"too large: over {limit:,} bytes"
        else:
            reason = f"{outcome}: {failure.getErrorMessage() or failure.type.__name__}"
        if outcome == "not_fetched":  # not a page that failed: one the crawl never asked for
            self._count(f"outcome/{outcome}")
            return
        if request.meta.get("attachment"):
            self._count(f"outcome/attachment_{outcome}")
            self.logger.info("attachment not kept: %s (%s)", reason, unquote(request.url))
            return
        self._count(f"outcome/{outcome}")
        pid = X.post_id(request.url)
        # A site that never answered is the crawl's one-line error (exit 3), not a line per page.
        never_answered = not self.crawler.stats.get_value("downloader/response_count")
        quiet = outcome == "unreachable" and never_answered
        what = f"post {pid}: {reason}" if pid else f"page: {reason}"
        self._fail(request.url, status, what, quiet=quiet)

        if request.meta.get("start"):
            host = urlsplit(request.url).hostname or ""
            if failure.check(*UNREACHABLE):
                self._dead.add(host)
                self._count("unreachable_hosts")
            else:  # the host answered, if only with an error: its other start pages may work
                yield from self._release(host)
