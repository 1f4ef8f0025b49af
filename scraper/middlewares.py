"""Downloader middlewares: what happens between the spider and the ministry's server.

- `BackoffRetryMiddleware`: Scrapy's retries, plus back-off. The live site answers bursts with
  403 and recovers by itself; retrying at the same pace would only prolong the burst. So every
  retried status doubles the host's delay (honouring `Retry-After`, seconds or an HTTP date, up
  to RETRY_BACKOFF_MAX), and, when AutoThrottle is off, each good answer halves it back toward
  DOWNLOAD_DELAY. With AutoThrottle on, AutoThrottle brings it back down.
- `RefusalBreaker`: after REFUSAL_LIMIT refusals in a row the crawl stops, reason "refused".
- `RedirectLoopMiddleware`: a redirect back into its own chain ends as "redirect loop", one off
  the crawl's hosts as "off-site redirect" (Scrapy would drop it without a word).
- `ConditionalRequestMiddleware`: ETag / Last-Modified from the archive; a 304 gives the spider
  the archived response.
- `WarcRecorderMiddleware`: every response, with its request, into WARC files and their index.
- `CharsetMiddleware`: Thai pages whose charset is missing or wrong are read as Thai.

Their order (settings.DOWNLOADER_MIDDLEWARES) matters: the recorder sits next to the downloader,
so it keeps the bytes as they came (compressed, 304s and refusals included).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from scrapy import Request, signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Headers, TextResponse
from scrapy.responsetypes import responsetypes
from scrapy.utils.defer import deferred_from_coro
from sqlalchemy.exc import SQLAlchemyError
from twisted.python.failure import Failure
from w3lib.url import safe_url_string

from archive import warc
from archive.db import default_url, session_scope
from archive.encodings import TooLarge
from scraper import extract_html as X
from scraper.items import page_source
from scraper.pages import page_kind, thai_encoding

if TYPE_CHECKING:
    from scrapy.core.downloader import Slot
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)
STATS = "ministry_news"


def _inc(crawler: Crawler, key: str, n: int = 1) -> None:
    assert crawler.stats is not None
    crawler.stats.inc_value(f"{STATS}/{key}", n)


def retry_after(value: bytes | None, now: dt.datetime | None = None) -> float:
    """Seconds a `Retry-After` header asks for: a number, or an HTTP date; 0 if unreadable."""
    text = (value or b"").decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        mw = super().from_crawler(crawler)
        settings = crawler.settings
        mw.base = settings.getfloat("RETRY_BACKOFF_BASE", 2.0)
        mw.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        mw.floor = settings.getfloat("DOWNLOAD_DELAY", 0.0)
        mw.decay = not settings.getbool("AUTOTHROTTLE_ENABLED")
        return mw

    def _slot(self, request: Request) -> Slot | None:
        engine = self.crawler.engine
        key = request.meta.get("download_slot")
        if engine is None or key is None:
            return None
        return engine.downloader.slots.get(key)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        result = super().process_response(request, response)
        slot = self._slot(request)
        if slot is None:
            return result
        if isinstance(result, Request):  # a retry is scheduled: slow down first
            wait = retry_after(response.headers.get(b"Retry-After"))
            slot.delay = min(max(slot.delay * 2, self.base, wait), self.cap)
            _inc(self.crawler, "backoffs")
            assert self.crawler.stats is not None
            self.crawler.stats.max_value(f"{STATS}/max_delay", slot.delay)
        elif self.decay and 200 <= response.status < 300 and slot.delay > self.floor:
            slot.delay = max(self.floor, slot.delay / 2)
        return result


#: Why requests still waiting when the crawl stopped were never sent (the spider counts them).
NOT_SENT = "not fetched: the crawl stopped after repeated refusals"


class RefusalBreaker:
    """Stops the crawl after REFUSAL_LIMIT refusals (REFUSAL_HTTP_CODES) in a row.

    Back-off handles a burst; refusals that go on through minutes of back-off mean the site
    wants us gone for now. Stopping cleanly (reason "refused", recorded in the run) keeps the
    archive's address in good standing; the next scheduled run tries again. Requests already
    waiting in the downloader are dropped rather than sent, one back-off delay apart, to a site
    that refuses them.
    """

    def __init__(self, crawler: Crawler, codes: set[int], limit: int) -> None:
        self.crawler = crawler
        self.codes = codes
        self.limit = limit
        self.streak = 0
        self.tripped = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RefusalBreaker:
        limit = crawler.settings.getint("REFUSAL_LIMIT", 0)
        if limit <= 0:
            raise NotConfigured
        codes = {int(c) for c in crawler.settings.getlist("REFUSAL_HTTP_CODES", [403, 429, 503])}
        return cls(crawler, codes, limit)

    def process_request(self, request: Request) -> None:
        if self.tripped:
            raise IgnoreRequest(NOT_SENT)

    def _drop_waiting(self) -> None:
        assert self.crawler.engine is not None
        for slot in list(self.crawler.engine.downloader.slots.values()):
            while slot.queue:
                _, waiting = slot.queue.popleft()
                waiting.errback(Failure(IgnoreRequest(NOT_SENT)))

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in self.codes:
            self.streak = 0
            return response
        self.streak += 1
        if self.streak >= self.limit and not self.tripped:
            self.tripped = True
            host = request.url.split("/")[2] if "//" in request.url else request.url
            why = f"{self.streak} refusals in a row (last: HTTP {response.status} from {host})"
            logger.error("stopping the crawl: %s", why)
            assert self.crawler.stats is not None and self.crawler.engine is not None
            self.crawler.stats.set_value(f"{STATS}/stop_reason", why)
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="refused"))
            self._drop_waiting()
        return response


class RedirectLoopMiddleware:
    """A redirect back to a URL of its own chain is a loop. Scrapy's duplicate filter would drop
    the repeated request without a word; this ends it as an outcome of its own (the errback
    sees "redirect loop"), before RedirectMiddleware follows it."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectLoopMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get(b"Location")
        if response.status not in (301, 302, 303, 307, 308) or not location:
            return response
        target = urljoin(request.url, safe_url_string(location.decode("latin-1")))
        if target in (*request.meta.get("redirect_urls", ()), request.url):
            raise IgnoreRequest(f"redirection loop back to {target}")
        domains = getattr(self.crawler.spider, "allowed_domains", None) or []
        host = urlsplit(target).hostname or ""
        if domains and not any(host == d or host.endswith(f".{d}") for d in domains):
            raise IgnoreRequest(f"off-site redirect to {host or target} (not followed): {target}")
        return response


def _max_size(crawler: Crawler, request: Request) -> int:
    """The most bytes a body of this request may decompress to (what Scrapy's own limit is)."""
    return request.meta.get("download_maxsize") or crawler.settings.getint("DOWNLOAD_MAXSIZE")


def _archive_settings(crawler: Crawler) -> tuple[str, warc.Location]:
    db_url = crawler.settings.get("MINISTRY_NEWS_DB") or default_url()
    return db_url, warc.location(db_url, crawler.settings.get("WARC_DIR"))


class ConditionalRequestMiddleware:
    """Asks for a page only if it changed, when the archive holds a copy the server validated.

    The validators come from the WARC index (the newest 200 of the URL with an ETag or
    Last-Modified); a 304 answer is replaced by that archived response, flagged "archived", so
    the spider reads the page as it is, without the site sending it again.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.db_url, self.warcs = _archive_settings(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestMiddleware:
        if not crawler.settings.getbool("CONDITIONAL_REQUESTS", False):
            raise NotConfigured
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if request.method != "GET" or b"If-None-Match" in request.headers:
            return
        with session_scope(self.db_url) as session:
            row = warc.validators(session, request.url)
            if row is None:
                return
            request.meta["archived_copy"] = (row.file, row.offset)
            if row.etag:
                request.headers[b"If-None-Match"] = row.etag
            if row.last_modified:
                request.headers[b"If-Modified-Since"] = row.last_modified

    def process_response(self, request: Request, response: Response) -> Response:
        where = request.meta.pop("archived_copy", None)
        if response.status != 304 or where is None:
            return response
        limit = _max_size(self.crawler, request)
        try:
            kept = warc.read(self.warcs, *where, limit=limit)
        except TooLarge as exc:  # a bomb kept from an earlier crawl: refused, as it was then
            raise IgnoreRequest(f"archived copy exceeded DOWNLOAD_MAXSIZE ({limit} B)") from exc
        except (OSError, ValueError, StopIteration) as exc:
            logger.warning("archived copy of %s unreadable (%s): a 304 left as is", request, exc)
            return response
        _inc(self.crawler, "not_modified")
        headers = Headers(kept.response_headers)
        cls = responsetypes.from_args(headers=headers, url=kept.url, body=kept.body)
        return cls(
            url=response.url,
            status=kept.status,
            headers=headers,
            body=kept.body,
            request=request,
            flags=["archived"],
            protocol=kept.protocol,
        )


def _header_list(headers: Headers) -> warc.Headers:
    return [
        (key.decode("latin-1"), value.decode("latin-1"))
        for key, values in headers.items()
        for value in values
    ]


class WarcRecorderMiddleware:
    """Writes every response the crawl receives, with its request, to WARC files (gzip, rotated
    at WARC_MAX_SIZE bytes, under WARC_DIR: by default the archive's own, `archive.warc.default_warc_dir`), and indexes
    it in the archive's `warc_records` table.

    It runs before the spider sees the response, so every post the pipeline commits has its page
    on disk and in the index already. Responses that did not come over the wire (a 304's archived
    copy) are not written twice.
    """

    def __init__(self, crawler: Crawler, max_size: int) -> None:
        self.crawler = crawler
        self.db_url, self.warcs = _archive_settings(crawler)
        self.max_size = max_size
        self.series: warc.WarcSeries | None = None
        self.failed = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcRecorderMiddleware:
        if not crawler.settings.getbool("WARC_ENABLED", False):
            raise NotConfigured
        mw = cls(crawler, crawler.settings.getint("WARC_MAX_SIZE", warc.DEFAULT_MAX_SIZE))
        crawler.signals.connect(mw.close, signal=signals.spider_closed)
        return mw

    def _run_id(self) -> int | None:
        assert self.crawler.stats is not None
        return self.crawler.stats.get_value(f"{STATS}/run_id")

    def _series(self) -> warc.WarcSeries:
        if self.series is None:
            stem = warc.archive_stem(self.db_url)
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
            run = self._run_id()
            prefix = f"{stem}-{stamp}" + (f"-run{run}" if run is not None else "")
            info = {
                "software": "ministry-news (Scrapy, warcio)",
                "format": "WARC File Format 1.1",
                "http-header-user-agent": self.crawler.settings.get("USER_AGENT", ""),
                "robots": "obey" if self.crawler.settings.getbool("ROBOTSTXT_OBEY") else "ignore",
            }
            self.series = warc.WarcSeries(self.warcs.directory, prefix, self.max_size, info)
        return self.series

    def process_response(self, request: Request, response: Response) -> Response:
        if "archived" in response.flags or "cached" in response.flags or self.failed:
            return response
        exchange = warc.Exchange(
            url=response.url,
            status=response.status,
            response_headers=_header_list(response.headers),
            body=response.body,
            method=request.method,
            request_headers=_header_list(request.headers),
            request_body=request.body,
            protocol=response.protocol or "HTTP/1.1",
            ip_address=str(response.ip_address) if response.ip_address else None,
            fetched_at=dt.datetime.now(dt.UTC),
        )
        exchange = warc.readable(exchange, _max_size(self.crawler, request))
        kind = "attachment" if request.meta.get("attachment") else page_kind(response.url)
        try:
            written = self._series().write(exchange)
            with session_scope(self.db_url) as session:
                spider = self.crawler.spider
                profile = getattr(spider, "profile", None)
                post_id = X.post_id(response.url, profile) if kind == "post" else None
                source = page_source(spider, request.meta)
                warc.index(session, exchange, written, self._run_id(), kind, post_id, source)
        except (OSError, SQLAlchemyError) as exc:
            # Nothing may be fetched that is not kept: stop rather than crawl on unrecorded.
            self.failed = True
            logger.error("cannot write WARC record of %s: %s; stopping the crawl", request, exc)
            assert self.crawler.stats is not None and self.crawler.engine is not None
            self.crawler.stats.set_value(f"{STATS}/stop_reason", f"WARC not writable: {exc}")
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="warc_failed"))
            return response
        _inc(self.crawler, "warc/records")
        _inc(self.crawler, "warc/bytes", written.length)
        return response

    def close(self) -> None:
        if self.series is not None:
            assert self.crawler.stats is not None
            self.crawler.stats.set_value(f"{STATS}/warc/files", list(self.series.files))
            self.series.close()


# --- charsets -----------------------------------------------------------------------------------


class CharsetMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CharsetMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, TextResponse) or not response.body:
            return response
        better = thai_encoding(response.body, response.encoding)
        if better is None:
            return response
        _inc(self.crawler, "outcome/charset_corrected")
        logger.info(
            "%s: read as %s, not %s (its charset is missing or wrong)",
            response.url,
            better,
            response.encoding,
        )
        return response.replace(encoding=better)
