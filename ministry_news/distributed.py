"""One crawl split over several processes, on one machine or many: `ministry-news crawl --redis`.

scrapy-redis keeps the shared request queue and duplicate filter in Redis, so each URL is fetched
by one process; the archive's primary keys make each post one row (archive.store.save_post).
What scrapy-redis leaves to its user, this module adds:

- FleetScheduler: scrapy-redis's scheduler, plus membership. The first process of a crawl clears
  what an earlier crawl left in Redis; the others join it. A process ends when the shared queue is
  empty and no other process is still working (scrapy-redis spiders would otherwise idle forever).
- FleetPoliteness: a downloader middleware taking a per-host token in Redis before each request,
  so the fleet as a whole, not each process, sends one request at a time to a host and waits
  DOWNLOAD_DELAY after each answer.
- FleetMdesSpider: the mdes spider with what it learns on one page and uses on another (a post's
  listings, its card date) in Redis or in the request, since another process may parse the post.

Every key lives under FLEET_KEY (`ministry-news:mdes`): `:crawl:*` is one crawl's state
(CRAWL_STATE), cleared when the next crawl starts; `:fleet:*` says who is working. Politeness
tokens are per host, shared by every crawl: `ministry-news:polite:<host>`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
import uuid
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import redis
from scrapy import Request
from scrapy.exceptions import ScrapyDeprecationWarning
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy_redis import connection
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from archive.db import is_sqlite
from scraper.items import page_source
from scraper.spiders.mdes import MdesSpider

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.settings import BaseSettings

    from scraper import extract_html as X
    from scraper.items import PostItem

logger = logging.getLogger(__name__)

FLEET_KEY = "ministry-news:mdes"
POLITE_KEY = "ministry-news:polite"
HEARTBEAT = 0.5  # seconds between a process's "I am alive / working" marks
ALIVE = 60.0  # a process silent this long has died: a new crawl may start without it
BUSY = 3.0  # a process that worked this recently may still send requests to the queue
POLL = 0.25  # an idle process looks at the shared queue this often (Scrapy alone: every 5 s)
LOCK = 30.0  # longest a process may hold the join lock (it needs milliseconds)
POLL_TOKEN = 20  # ms: how often a waiting request asks whether the host's token is free
#: One crawl's state: the request queue, the duplicate filter's fingerprints, each post's
#: listings (hash: "mdes:4445" → "119,3"), the posts parsed ("mdes:4445"): posts by site and the
#: site's id (fleet_post_key), as two sites number their posts alike.
CRAWL_STATE = ("requests", "seen", "listed", "parsed")


def crawl_key(fleet_key: str, name: str) -> str:
    return f"{fleet_key}:crawl:{name}"


def fleet_post_key(source: str, post_id: int) -> str:
    """A post in the fleet's shared state: its site and the site's id ("thaigov:1001")."""
    return f"{source}:{post_id}"


class FleetError(Exception):
    """The fleet cannot run as asked (no Redis, an archive other processes cannot share)."""


def fleet_settings(redis_url: str, db_url: str) -> dict[str, Any]:
    """The settings that make `run_crawl` one process of a fleet; checked before anything runs.

    Raises ValueError for a URL that is not Redis's, FleetError for an archive on SQLite (a file
    on one machine: the other machines cannot write to it) or a Redis that does not answer.
    """
    if urlsplit(redis_url).scheme not in ("redis", "rediss", "unix"):
        raise ValueError(f"--redis: not a Redis URL (redis://host:port/db): {redis_url!r}")
    if is_sqlite(db_url):
        raise FleetError(
            "--redis needs an archive every crawler can write to: give "
            "--db postgresql+psycopg://user@host/dbname (a SQLite file is one machine's)"
        )
    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=5).ping()
    except (redis.RedisError, OSError, ValueError) as exc:
        raise FleetError(f"cannot reach Redis at {redis_url}: {exc}") from exc
    return {"REDIS_URL": redis_url}


def _worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Fleet:
    """Who is crawling, and who is working, in Redis's clock (the machines' clocks may differ)."""

    def __init__(self, server: redis.Redis, key: str) -> None:
        self.server = server
        self.key = key
        self.me = _worker_id()
        self.workers = f"{key}:fleet:workers"  # hash: worker → last heartbeat (ms)
        self.busy = f"{key}:fleet:busy"  # hash: worker → last time it had work (ms)
        self._offset = 0.0

    def now(self) -> float:
        """Milliseconds on Redis's clock."""
        return time.time() * 1000 + self._offset

    def join(self) -> bool:
        """Register; True when no other process is crawling, and this one starts a new crawl
        (what an earlier crawl left in Redis is cleared, under a lock so only one clears)."""
        seconds, micros = self.server.time()
        self._offset = seconds * 1000 + micros / 1000 - time.time() * 1000
        lock = f"{self.key}:fleet:lock"
        deadline = time.monotonic() + LOCK
        while not self.server.set(lock, self.me, nx=True, px=int(LOCK * 1000)):
            if time.monotonic() > deadline:
                raise FleetError(f"another process holds {lock} (delete it if none runs)")
            time.sleep(0.05)
        try:
            beats = self.server.hgetall(self.workers)
            alive = [w for w, t in beats.items() if self.now() - float(t) < ALIVE * 1000]
            first = not alive
            if first:
                state = [crawl_key(self.key, name) for name in CRAWL_STATE]
                self.server.unlink(*state, self.workers, self.busy)
            self.beat(busy=True)
        finally:
            self.server.delete(lock)
        return first

    def beat(self, busy: bool) -> None:
        now = self.now()
        pipe = self.server.pipeline(transaction=False)
        pipe.hset(self.workers, self.me, now)
        if busy:
            pipe.hset(self.busy, self.me, now)
        pipe.execute()

    def working(self) -> None:
        self.server.hset(self.busy, self.me, self.now())

    def others_working(self) -> bool:
        """Another live process had work within BUSY seconds: it may still add to the queue."""
        since = self.now() - BUSY * 1000
        return any(
            float(t) > since
            for w, t in self.server.hgetall(self.busy).items()
            if w.decode() != self.me
        )

    def leave(self) -> None:
        pipe = self.server.pipeline(transaction=False)
        pipe.hdel(self.workers, self.me)
        pipe.hdel(self.busy, self.me)
        pipe.execute()


class FleetScheduler(Scheduler):
    """scrapy-redis's scheduler for a crawl that ends: pending while the shared queue holds
    requests or another process is working, so the engine closes the spider when both are done.
    """

    crawler: Crawler
    fleet: Fleet

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FleetScheduler:
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        scheduler.stats = None  # scrapy-redis would pass spider= to stats (deprecated): we count
        scheduler.fleet = Fleet(scheduler.server, crawler.settings.get("FLEET_KEY", FLEET_KEY))
        scheduler._last_pop = 0.0
        scheduler._beat = task.LoopingCall(scheduler._heartbeat)
        return scheduler

    def open(self, spider: Any) -> Any:
        if self.fleet.join():
            logger.info("fleet: %s starts a new crawl", self.fleet.me)
        else:
            logger.info("fleet: %s joins the crawl under way", self.fleet.me)
        self._beat.start(HEARTBEAT, now=False)
        with warnings.catch_warnings():  # scrapy-redis 0.9 says "Resuming crawl" with Spider.log
            warnings.simplefilter("ignore", ScrapyDeprecationWarning)
            return super().open(spider)

    def close(self, reason: str) -> Any:
        if self._beat.running:
            self._beat.stop()
        self.fleet.leave()
        return super().close(reason)

    def _heartbeat(self) -> None:
        downloading = bool(self.crawler.engine and self.crawler.engine.downloader.active)
        self.fleet.beat(busy=downloading or time.monotonic() - self._last_pop < HEARTBEAT)

    def enqueue_request(self, request: Request) -> bool:
        queued = bool(super().enqueue_request(request))
        if queued:
            self._count("scheduler/enqueued/redis")
        return queued

    def next_request(self) -> Request | None:
        request = super().next_request()
        if request is not None:
            self._count("scheduler/dequeued/redis")
            self._last_pop = time.monotonic()
            self.fleet.working()
        elif self.has_pending_requests():
            self._wake_soon()
        return request

    def _count(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)

    def has_pending_requests(self) -> bool:
        return len(self) > 0 or self.fleet.others_working()

    def _wake_soon(self) -> None:
        """Look at the queue again in POLL seconds rather than at Scrapy's 5 s heartbeat: other
        processes fill it. (The engine's slot is not public API; without it, 5 s it is.)"""
        slot = getattr(self.crawler.engine, "_slot", None)
        nextcall = getattr(slot, "nextcall", None)
        if nextcall is not None:
            nextcall.schedule(POLL)


class FleetPoliteness:
    """One request at a time to a host from the whole fleet, and FLEET_DOWNLOAD_DELAY seconds
    after each answer before the next: the fleet's version of the project's politeness (one
    request at a time per host, about a second apart).

    A request takes the host's token in Redis (SET NX) before it goes out; its answer (or
    failure) hands the token back to expire DELAY later. Timing the delay from the answer, not
    from the token, keeps the spacing when a process is slow to send what it was granted (its
    reactor busy storing a post). A process that dies holding the token loses it after
    DOWNLOAD_TIMEOUT. While this process backs off from 403/429 (scraper.middlewares), the
    fleet waits as long as it does.
    """

    #: Release only our own token: it may have expired and been taken by another process.
    RELEASE = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
            return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0"""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.delay = crawler.settings.getfloat("FLEET_DOWNLOAD_DELAY")
        self.timeout = crawler.settings.getfloat("DOWNLOAD_TIMEOUT", 180) + 5
        self.server = connection.from_settings(crawler.settings)
        self.release = self.server.register_script(self.RELEASE)
        self.me = _worker_id()
        self._tokens = 0
        self._queues: dict[str, asyncio.Lock] = {}  # one waiter per host asks Redis, not sixteen

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FleetPoliteness:
        return cls(crawler)

    def _key(self, request: Request) -> str:
        return f"{POLITE_KEY}:{urlsplit(request.url).netloc}"

    async def process_request(self, request: Request) -> None:
        if self.delay <= 0:
            return
        self._tokens += 1
        token = f"{self.me}:{self._tokens}"
        key = self._key(request)
        async with self._queues.setdefault(key, asyncio.Lock()):
            while not self.server.set(key, token, nx=True, px=int(self.timeout * 1000)):
                wait = self.server.pttl(key)  # the holder's answer plus DELAY; -2: just gone
                await asyncio.sleep(min(max(wait, 1), POLL_TOKEN) / 1000)
        request.meta["fleet_token"] = token
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("ministry_news/fleet_tokens")

    def process_response(self, request: Request, response: Response) -> Response:
        self._hand_back(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        self._hand_back(request)

    def _hand_back(self, request: Request) -> None:
        token = request.meta.pop("fleet_token", None)
        if token is not None:
            hold = max(self.delay, self._backoff(request))
            self.release(keys=[self._key(request)], args=[token, int(hold * 1000)])

    def _backoff(self, request: Request) -> float:
        """The delay scraper.middlewares.BackoffRetryMiddleware set on this host's slot."""
        engine = self.crawler.engine
        if engine is None:
            return 0.0
        slot = engine.downloader.slots.get(engine.downloader.get_slot_key(request))
        return slot.delay if slot is not None else 0.0


class FleetMdesSpider(MdesSpider):
    """The mdes spider as one of several processes sharing a crawl.

    A post's listings are shared in Redis. A listing adds itself and learns whether the post was
    parsed in one atomic step, a post page marks itself parsed and reads its listings in another,
    so a listing read after the post was parsed elsewhere sends the post again (as the spider
    does alone) and one read before is in the stored categories.
    """

    #: Add a listing to a post's; return whether it is new, and whether the post was parsed.
    LISTED = """
        local listed = redis.call('HGET', KEYS[1], ARGV[1])
        local new = 0
        if not listed then
            listed, new = ARGV[2], 1
        elseif not string.find(',' .. listed .. ',', ',' .. ARGV[2] .. ',', 1, true) then
            listed, new = listed .. ',' .. ARGV[2], 1
        end
        if new == 1 then redis.call('HSET', KEYS[1], ARGV[1], listed) end
        return {new, redis.call('SISMEMBER', KEYS[2], ARGV[1])}"""

    fleet_server: redis.Redis
    listed: str
    parsed: str
    _add_listing: Any  # the LISTED script, registered

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        key = settings.get("FLEET_KEY", FLEET_KEY)
        middlewares = settings.getdict("DOWNLOADER_MIDDLEWARES")
        middlewares["ministry_news.distributed.FleetPoliteness"] = 960  # next to the download
        fleet = {
            "SCHEDULER": "ministry_news.distributed.FleetScheduler",
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "SCHEDULER_PERSIST": True,  # a process that ends leaves the queue to the others
            "SCHEDULER_QUEUE_KEY": crawl_key(key, "requests"),
            "SCHEDULER_DUPEFILTER_KEY": crawl_key(key, "seen"),
            "DOWNLOADER_MIDDLEWARES": middlewares,
            # The fleet spaces requests (FleetPoliteness); a local delay, or AutoThrottle's, on
            # top would only slow each process down without spacing the fleet any better.
            "FLEET_DOWNLOAD_DELAY": settings.getfloat(
                "FLEET_DOWNLOAD_DELAY", settings.getfloat("DOWNLOAD_DELAY")
            ),
            "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False,
        }
        # Above the command line's priority: these replace what `--fast` or `-s` set for one
        # process, and Scrapy applies the process's settings to the crawler again after this.
        settings.setdict(fleet, priority=SETTINGS_PRIORITIES["cmdline"] + 1)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> FleetMdesSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        assert isinstance(spider, FleetMdesSpider)
        spider.fleet_server = connection.from_settings(crawler.settings)
        key = crawler.settings.get("FLEET_KEY", FLEET_KEY)
        spider.listed, spider.parsed = crawl_key(key, "listed"), crawl_key(key, "parsed")
        spider._add_listing = spider.fleet_server.register_script(cls.LISTED)
        return spider

    def _on_card(self, card: X.Card, category: str | None) -> Iterator[Request]:
        if category:
            keys = [self.listed, self.parsed]
            post = fleet_post_key(page_source(self), card.post_id)
            added, parsed = self._add_listing(keys=keys, args=[post, category])
            # Fetched already, without this listing: send it again. (One process sends only the
            # category, but here the post may be another process's, not yet stored.)
            if added and parsed:
                yield self._post_request(card, refetch=True)
                return
        if card.post_id not in self._requested:  # the shared filter drops other processes' own
            self._requested.add(card.post_id)
            yield self._post_request(card)

    def _post_request(self, card: X.Card, refetch: bool = False) -> Request:
        request = super()._post_request(card, refetch)
        if card.published:
            request.meta["card_published"] = card.published
        return request

    def parse_post(self, response: Response, post_id: int) -> Iterator[PostItem]:
        pipe = self.fleet_server.pipeline(transaction=True)
        post = fleet_post_key(page_source(self), post_id)
        pipe.sadd(self.parsed, post)
        pipe.hget(self.listed, post)
        _, listed = pipe.execute()
        if listed:
            self._categories.setdefault(post_id, set()).update(listed.decode().split(","))
        if published := response.meta.get("card_published"):
            self._card_dates.setdefault(post_id, published)
        yield from super().parse_post(response, post_id)
