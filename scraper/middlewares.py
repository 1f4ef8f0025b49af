"""Scrapy's retry middleware, plus back-off.

The live site answers bursts with 403 and recovers by itself; retrying at the same pace would only
prolong the burst. So every retried status doubles the host's delay (honouring `Retry-After`, up to
RETRY_BACKOFF_MAX), and, when AutoThrottle is off, each good answer halves it back toward
DOWNLOAD_DELAY. With AutoThrottle on, AutoThrottle brings it back down.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware

if TYPE_CHECKING:
    from scrapy.core.downloader import Slot
    from scrapy.crawler import Crawler
    from scrapy.http import Response


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
            asked = response.headers.get(b"Retry-After", b"").decode("latin-1").strip()
            wait = float(asked) if asked.isdigit() else 0.0  # an HTTP date: ignored
            slot.delay = min(max(slot.delay * 2, self.base, wait), self.cap)
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("ministry_news/backoffs")
            self.crawler.stats.max_value("ministry_news/max_delay", slot.delay)
        elif self.decay and 200 <= response.status < 300 and slot.delay > self.floor:
            slot.delay = max(self.floor, slot.delay / 2)
        return result
