"""The `news` spider: any site of `scraper.profiles`, into one item per post.

    scrapy crawl news -a site=mdes                      # the live site's news categories
    scrapy crawl news -a site=mdes -a start_url=http://127.0.0.1:8123/news/119
    scrapy crawl news -a site=thaigov                   # ids upward from the highest archived
    scrapy crawl news -a site=thaigov -a start_url=http://127.0.0.1:8124/news/contents/details/1001

A `listing` site is read through its category listings, page by page, and each card's post; a
start URL may be a listing, a post, or a page linking to listings. An `id_walk` site is read by
asking for post ids one after another, upward, until `misses` ids in a row are missing (a 404 or
a soft 404). Markup knowledge lives in the profile; what the spider cannot use (a missing post, a
page without headline or body) is logged, counted and reported to the archive, never stored.

With INCREMENTAL on (the project's setting; `--full` turns it off), a listing's known posts are
not fetched and the walk of a category stops where an earlier complete crawl left off, and an id
walk starts after the highest id archived (`scraper.incremental`). What the spider remembers
between pages is one component (`scraper.memory`): local, kept in `self.state` when Scrapy keeps
one (JOBDIR) so a crawl stopped cleanly resumes with it, or shared through Redis by a fleet.
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
from scrapy.utils.misc import load_object
from twisted.internet.error import ConnectError, DNSLookupError, TimeoutError
from twisted.python.failure import Failure

from scraper import extract_html as X
from scraper.incremental import ArchiveMemory, settled, shows_something_new
from scraper.items import ListingItem, PostItem
from scraper.memory import FETCH, LIST, REFETCH, LocalMemory
from scraper.pages import GONE, content_hash, read_post
from scraper.pipelines import post_failed
from scraper.profiles import DEFAULT_SITE, Profile, for_url, get

__all__ = ["NewsSpider", "content_hash", "plan_start_urls"]
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
    start_url: str | list[str] | None = None,
    categories: str | list[str] | None = None,
    profile: Profile | None = None,
) -> list[str]:
    """Where a crawl of `profile`'s site begins (the default site's when None). Categories are
    listings on the start URLs' sites (the live site by default); without categories, the start
    URLs themselves; with neither, the profile's own start (every known category, or its site).

    Raises ValueError, with a message for the user, for anything that is not an http(s) URL.
    """
    profile = profile or get(DEFAULT_SITE)
    starts, cats = _split(start_url), _split(categories)
    for url in starts:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {url!r}")
    for cat in cats:
        if not cat.isdigit():
            raise ValueError(f"a category is a number such as 119, not {cat!r}")
    if cats and profile.discovery.kind != "listing":
        raise ValueError(f"{profile.name} has no categories to choose: its posts are found by id")
    if not cats:
        return starts or profile.start_urls()
    bases = list(dict.fromkeys(f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in starts))
    return [profile.category_url(base, c) for base in bases or [profile.site] for c in cats]


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
    if failure.check(IgnoreRequest) and "off-site redirect" in failure.getErrorMessage():
        return "offsite_redirect"
    if failure.check(IgnoreRequest) and "crawl stopped" in failure.getErrorMessage():
        return "not_fetched"  # the crawl stopped before sending it (scraper.middlewares)
    if failure.check(*UNREACHABLE):
        return "unreachable"
    return "error"


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(
        self,
        site: str | None = None,
        start_url: str | list[str] | None = None,
        categories: str | list[str] | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        starts = _split(start_url)
        self.profile = get(site) if site else for_url(starts[0]) if starts else get(DEFAULT_SITE)
        self.source = self.profile.name  # the items' and the run's site (scraper.items)
        self.start_urls = plan_start_urls(starts, categories, self.profile)
        self.allowed_domains = sorted({urlsplit(u).hostname or "" for u in self.start_urls})
        self.incremental = False
        self.overlap = 1
        self.attachment_maxsize = 0  # 0: attachments are not fetched
        self.history = False  # an id walk from the site's first id
        self.max_posts: int | None = None  # an id walk stops after storing this many
        self.archive: ArchiveMemory | None = None
        self.memory: LocalMemory = LocalMemory(self._book)
        self._dead: set[str] = set()  # start hosts that could not be reached at all
        self._held: dict[str, list[str]] = {}  # start URLs waiting for their host to answer
        for url in self.start_urls:
            self._held.setdefault(urlsplit(url).hostname or "", []).append(url)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.incremental = settings.getbool("INCREMENTAL", False)
        spider.overlap = max(1, settings.getint("INCREMENTAL_OVERLAP", 1))
        spider.history = settings.getbool("HISTORY", False)
        spider.max_posts = settings.getint("MAX_POSTS", 0) or None
        if settings.getbool("ATTACHMENTS_FETCH", False):
            spider.attachment_maxsize = settings.getint("ATTACHMENT_MAXSIZE", 20 * 2**20)
        db_url = settings.get("MINISTRY_NEWS_DB")
        if spider.incremental or spider.profile.discovery.kind == "id_walk":
            spider.archive = ArchiveMemory(db_url, source=spider.source)
        if factory := settings.get("SPIDER_MEMORY"):  # a fleet's (scraper.fleet)
            spider.memory = load_object(factory)(spider._book, crawler)
        crawler.signals.connect(spider._idle, signal=signals.spider_idle)
        return spider

    def _book(self) -> dict[str, Any]:
        """Where the memory keeps what it knows: `state` once Scrapy gives the spider one."""
        state = getattr(self, "state", None)
        return state if isinstance(state, dict) else self.__dict__.setdefault("own_book", {})

    @property
    def walked(self) -> set[str]:
        """Categories walked to their end (the run's report keeps them for the next crawl)."""
        return self.memory.walked

    @property
    def generic(self) -> list[str]:
        """Posts read without the site's selectors (the run's report flags them)."""
        return self.memory.generic

    # --- requests -------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """One page per host first: if the host does not answer, its other start pages would only
        repeat the same wait (nine times over for the live site's categories)."""
        for urls in self._held.values():
            meta = {"start": True, "max_retry_times": START_RETRIES}
            url = urls.pop(0)
            if self.profile.discovery.kind == "id_walk":
                yield self._walk_request(self._walk_base(url), self._first_id(url), meta)
            else:
                yield scrapy.Request(url, callback=self.parse, errback=self.failed, meta=meta)

    def _release(self, host: str) -> Iterator[scrapy.Request]:
        for url in self._held.pop(host, []):
            if self.profile.discovery.kind == "id_walk":
                yield self._walk_request(self._walk_base(url), self._first_id(url))
            else:
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
            meta={"handle_httpstatus_list": GONE, **self.memory.request_meta(card.published)},
            dont_filter=refetch,
        )

    # --- an id walk -----------------------------------------------------------------------------

    @staticmethod
    def _walk_base(url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}"

    def _first_id(self, url: str) -> int:
        """Where the walk begins: the start URL's post; else after the highest id archived; else
        the site's first id (`HISTORY`) or its window of recent ids (an empty archive)."""
        if (pid := self.profile.post_id(url)) is not None:
            return pid
        highest = self.archive.highest() if self.archive is not None and self.incremental else None
        if highest is not None:
            return highest + 1
        if self.history:
            return 1
        if self.max_posts is None:  # a first crawl ends in bounded time by default
            self.max_posts = self.profile.discovery.first_max_posts
        return self.profile.first_id()

    def _misses_allowed(self) -> int:
        d = self.profile.discovery
        return d.history_misses if self.history else d.misses

    def _walk_request(
        self, base: str, post_id: int, meta: dict[str, Any] | None = None, misses: int = 0
    ) -> scrapy.Request:
        """The request for one id; `misses`, the missing ids just before it, travels with it
        (whichever process of a fleet parses it knows the run)."""
        return scrapy.Request(
            self.profile.post_url(base, post_id),
            callback=self.parse_walk,
            errback=self.walk_failed,
            cb_kwargs={"post_id": post_id, "base": base, "misses": misses},
            meta={"handle_httpstatus_list": GONE, **(meta or {})},
        )

    def _walk_on(
        self, base: str, post_id: int, found: bool, misses: int
    ) -> Iterator[scrapy.Request]:
        """The next id, unless `misses` ids in a row were missing or enough posts were stored."""
        misses = 0 if found else misses + 1
        walk = self.memory.walk
        walk["posts"] = walk.get("posts", 0) + int(found)
        if misses >= self._misses_allowed():
            self._count("walk_ends")
            self.logger.info("id walk ends at %s: %s missing in a row", post_id, misses)
        elif self.max_posts is not None and walk["posts"] >= self.max_posts:
            self.crawler.stats.set_value(f"{STATS}/stop_reason", f"max posts ({self.max_posts})")
        else:
            yield self._walk_request(base, post_id + 1, misses=misses)

    def parse_walk(
        self, response: Response, post_id: int, base: str, misses: int = 0
    ) -> Iterator[PostItem | scrapy.Request]:
        yield from self._release(urlsplit(response.url).hostname or "")
        out = list(self.parse_post(response, post_id))
        yield from out
        found = any(isinstance(o, PostItem) for o in out)
        yield from self._walk_on(base, post_id, found, misses)

    def walk_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        request = failure.request  # type: ignore[attr-defined]
        yield from self.failed(failure)
        host = urlsplit(request.url).hostname or ""
        if host not in self._dead:
            kw = request.cb_kwargs
            yield from self._walk_on(kw["base"], kw["post_id"], False, kw.get("misses", 0))

    # --- callbacks ------------------------------------------------------------------------------

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """A start URL: a listing, a post, or a page that links to listings."""
        p = self.profile
        yield from self._release(urlsplit(response.url).hostname or "")
        if p.category_id(response.url):
            yield from self.parse_listing(response)
        elif (pid := p.post_id(response.url)) is not None:
            yield from self.parse_post(response, pid)
        else:
            self._count("pages")
            links = X.category_links(response.selector, response.url, p)
            if not links:
                self.logger.warning("no category links on %s: nothing to crawl", response.url)
            for url in links:
                yield response.follow(url, callback=self.parse_listing, errback=self.failed)

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request | ListingItem]:
        p = self.profile
        self._count("pages")
        self._count("listing_pages")
        category = p.category_id(response.url)
        is_text = hasattr(response, "selector")
        found = X.cards(response.selector, response.url, p) if is_text else []
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
        next_url = X.next_page(response.selector, response.url, p) if is_text else None
        quiet = self.memory.quiet
        if next_url and (not self.incremental or quiet.get(category or "", 0) < self.overlap):
            yield scrapy.Request(next_url, callback=self.parse_listing, errback=self.failed)
        elif category and found:
            if next_url:
                self._count("incremental_stops")
            self.memory.walked.add(category)

    def _triage(self, found: list[X.Card], category: str | None) -> list[X.Card]:
        """The cards whose posts must be fetched; counts the page toward the incremental stop."""
        if not self.incremental or self.archive is None or not found:
            return found
        archive = self.archive
        known = archive.known(c.post_id for c in found)
        frontier = archive.frontier(category)
        fresh = [
            c
            for c in found
            if shows_something_new(c, category, known.get(c.post_id))
            and not archive.gone(c.post_id)
        ]
        quiet = all(
            settled(c, category, known.get(c.post_id), frontier)
            or (frontier is not None and archive.gone(c.post_id))
            for c in found
        )
        key = category or ""
        pages = self.memory.quiet
        pages[key] = pages.get(key, 0) + 1 if quiet else 0
        return fresh

    def _on_card(
        self, card: X.Card, category: str | None
    ) -> Iterator[scrapy.Request | ListingItem]:
        """One request per post id, whichever listings show it; a listing seen after the post
        was fetched only adds its category to the stored post (the memory decides)."""
        todo = self.memory.on_card(self.source, card.post_id, category, card.published)
        if todo == LIST:
            yield ListingItem(source=self.source, post_id=card.post_id, category=category)
        elif todo in (FETCH, REFETCH):
            yield self._post_request(card, refetch=todo == REFETCH)

    def parse_post(self, response: Response, post_id: int) -> Iterator[PostItem | scrapy.Request]:
        """A post page; a page the code cannot read is that page's failure, counted and
        reported, never a silent end of the crawl's walk or of its listing."""
        try:
            out = list(self._read_post(response, post_id))
        except Exception as exc:  # noqa: BLE001 - any bug in reading one page is that page's
            self.logger.error("post %s could not be read", post_id, exc_info=True)
            self._count("outcome/error")
            reason = f"post {post_id}: error: {type(exc).__name__}: {exc}"
            self._fail(response.url, response.status, reason)
            return
        yield from out

    def _read_post(self, response: Response, post_id: int) -> Iterator[PostItem | scrapy.Request]:
        self._count("pages")
        if response.status not in GONE:
            self._count("post_pages")
        meta = response.meta if response.request is not None else {}
        categories, card_date = self.memory.on_post(self.source, post_id, meta)
        landed = self.profile.post_id(response.url) if meta.get("redirect_urls") else None
        if landed is not None and landed != post_id:
            # The site moved this post to another: the page is the other's, under its own id.
            self._count("outcome/redirected")
            self._fail(
                meta["redirect_urls"][0],
                response.status,
                f"post {post_id}: redirects to post {landed} (stored as {landed})",
                quiet=True,
            )
            post_id, card_date = landed, None  # the card's date was the moved post's
        page = read_post(response, post_id, categories, card_date, profile=self.profile)
        for note in page.notes:
            self._count(note)
        if page.item is None:
            self._count(f"outcome/{page.outcome}")
            if page.outcome == "soft_404":  # a gap in the ids: no such post, nothing failed
                self._count("soft_404")
                self.logger.debug("no post %s (soft 404)", post_id)
                return
            quiet = self.profile.discovery.kind == "id_walk" and page.outcome == "gone"
            self._fail(
                response.url,
                response.status,
                page.problem or f"post {post_id}: unusable",
                quiet=quiet,
            )
            return
        if "no_date" in page.notes:
            self.logger.warning("post %s has no date (none on its card or in its text)", post_id)
        if "generic_extractor" in page.notes:
            self.memory.generic.append(response.url)
            self.logger.warning(
                "post %s extracted without the site's selectors (markup changed?)", post_id
            )
        self.memory.parsed(self.source, post_id)
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
        pid = self.profile.post_id(request.url)
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
