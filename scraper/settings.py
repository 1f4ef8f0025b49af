"""Scrapy settings for the ministry-news crawler: polite by default.

The live site answers bursts with 403, so: robots.txt obeyed, one request at a time per host,
about a second between requests (AutoThrottle may slow down further, never below that), retries
with back-off on 403/429/5xx, and a User-Agent that says who we are. Tests and the demo override
delays through settings (`-s DOWNLOAD_DELAY=0`), never by editing the spider.
"""

from archive.db import default_url
from archive.warc import MAX_BODY

BOT_NAME = "ministry-news"
SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"

#: Who we are, without pretending to be a browser. Operators should add a way to reach them:
#: `-s USER_AGENT="ministry-news/0.1 (research archive; contact: you@example.org)"`.
USER_AGENT = "ministry-news/0.1 (open-source research archive of Thai ministry news; Scrapy)"
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1
AUTOTHROTTLE_MAX_DELAY = 60
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30

RETRY_ENABLED = True
RETRY_TIMES = 5
RETRY_HTTP_CODES = [403, 408, 429, 500, 502, 503, 504, 522, 524]
RETRY_GIVE_UP_LOG_LEVEL = "INFO"  # the spider logs one warning per page it could not get
RETRY_BACKOFF_BASE = 2.0  # seconds: the delay after the first refusal; doubles per retry
RETRY_BACKOFF_MAX = 60.0
#: After this many refusals (403/429/503) in a row, through all the back-off, the run stops
#: cleanly with status "refused" rather than hammer the site.
REFUSAL_LIMIT = 15
REFUSAL_HTTP_CODES = [403, 429, 503]
REDIRECT_MAX_TIMES = 5  # a redirect loop ends here, as an outcome of its own
DOWNLOAD_MAXSIZE = MAX_BODY  # 8 MB: larger is not a news page: refused, counted (too_large)
DOWNLOAD_WARNSIZE = 2 * 2**20
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scraper.middlewares.BackoffRetryMiddleware": 550,  # where Scrapy puts its retry middleware
    "scraper.middlewares.CharsetMiddleware": 575,  # after decompression (590), before the spider
    "scraper.middlewares.RedirectLoopMiddleware": 610,  # sees a redirect before Scrapy follows it
    "scraper.middlewares.ConditionalRequestMiddleware": 900,
    "scraper.middlewares.RefusalBreaker": 940,
    "scraper.middlewares.WarcRecorderMiddleware": 950,  # next to the downloader: bytes as sent
}

#: Every response, with its request, into WARC files indexed in the archive (`warc_records`).
WARC_ENABLED = True
WARC_DIR = None  # None: the archive's own (data/x.warc/ beside data/x.sqlite; see archive.warc)
WARC_MAX_SIZE = 1_000_000_000  # bytes per file before the next one is begun
#: Attachments (PDF, Word...) linked from new or changed posts are fetched and kept in WARC, up
#: to this size each.
ATTACHMENTS_FETCH = True
ATTACHMENT_MAXSIZE = 20 * 2**20
#: ETag / Last-Modified from the archive: an unchanged page costs the site a 304.
CONDITIONAL_REQUESTS = True

#: Walk each category newest first and stop where the archive already holds everything
#: (`--full` sets this False). INCREMENTAL_OVERLAP: how many listing pages in a row showing only
#: posts an earlier complete crawl archived end the walk (1: stop at the first such page).
INCREMENTAL = True
INCREMENTAL_OVERLAP = 1

#: An id walk (a site whose profile says `id_walk`): HISTORY walks from the site's first id
#: (`--history`); MAX_POSTS stops it after storing this many (`--max-posts`; 0: the profile's
#: `first_max_posts` for a first crawl of an empty archive, else no limit).
HISTORY = False
MAX_POSTS = 0

ITEM_PIPELINES = {"scraper.pipelines.ArchivePipeline": 300}
#: Seconds a crawl waits at start for another process's write to a SQLite archive to end (a long
#: `extract`) before it gives up, exit 4, nothing done.
ARCHIVE_BUSY_TIMEOUT = 600
#: SQLAlchemy URL of the archive (`-s MINISTRY_NEWS_DB=...`, or $MINISTRY_NEWS_DB).
MINISTRY_NEWS_DB = default_url()

#: redis://host:port/db of a crawl shared by several processes (`ministry-news crawl --redis`):
#: set, each site's crawler gets the fleet's scheduler, politeness and memory
#: (scraper.fleet.crawler_settings); unset, one process crawls.
REDIS_URL = None

HTTPCACHE_ENABLED = False
TELNETCONSOLE_ENABLED = False  # no listening ports: nothing to control a crawl from outside
REMOTE_CONTROL_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

# Scrapy 2.13+ defaults, stated so that an older Scrapy behaves the same. (Its other recommended
# setting, REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7", is the only behaviour since 2.12.)
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
