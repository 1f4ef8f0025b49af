"""Scrapy settings for the ministry-news crawler: polite by default.

The live site answers bursts with 403, so: robots.txt obeyed, one request at a time per host,
about a second between requests (AutoThrottle may slow down further, never below that), retries
with back-off on 403/429/5xx, and a User-Agent that says who we are. Tests and the demo override
delays through settings (`-s DOWNLOAD_DELAY=0`), never by editing the spider.
"""

from archive.db import default_url

BOT_NAME = "ministry-news"
SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"

USER_AGENT = "ministry-news/0.1 (+https://github.com/ministry-news/ministry-news; research archive)"
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
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scraper.middlewares.BackoffRetryMiddleware": 550,  # where Scrapy puts its retry middleware
}

ITEM_PIPELINES = {"scraper.pipelines.ArchivePipeline": 300}
#: SQLAlchemy URL of the archive (`-s MINISTRY_NEWS_DB=...`, or $MINISTRY_NEWS_DB).
MINISTRY_NEWS_DB = default_url()

HTTPCACHE_ENABLED = False
TELNETCONSOLE_ENABLED = False  # no listening ports: nothing to control a crawl from outside
REMOTE_CONTROL_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

# Scrapy 2.13+ defaults, stated so that an older Scrapy behaves the same. (Its other recommended
# setting, REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7", is the only behaviour since 2.12.)
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
