"""The item a post becomes: what the archive stores for every post, whatever the markup."""

from __future__ import annotations

from typing import Any

import scrapy

from archive.sources import DEFAULT_SOURCE

#: Request meta naming the site a page is of, for a spider that crawls more than one.
SOURCE_META = "source"


class PostItem(scrapy.Item):
    source = scrapy.Field()  # str: the site's profile name (archive.sources); absent → "mdes"
    post_id = (
        scrapy.Field()
    )  # int: the site's own id (/news/detail/{id}-{slug}: the slug may change)
    url = scrapy.Field()  # canonical URL of the post as first seen
    categories = scrapy.Field()  # list[str]: category ids the post was listed under
    category_name = scrapy.Field()  # str | None: the active tab's label on the post page
    title = scrapy.Field()  # str
    published = scrapy.Field()  # str | None: ISO Gregorian date (from the listing card)
    body = scrapy.Field()  # str: article text, paragraphs joined by "\n\n", boilerplate removed
    images = scrapy.Field()  # list[str]: absolute URLs
    attachments = scrapy.Field()  # list[str]: absolute URLs of PDF/DOC/... links in the body
    fetched_at = scrapy.Field()  # str: ISO datetime (UTC) of the fetch
    content_hash = scrapy.Field()  # str: sha256 of title + body, to detect changed posts
    encoding = scrapy.Field()  # str: the encoding the page was decoded with


class ListingItem(scrapy.Item):
    """A post this crawl has already fetched, seen under one more category: the archive adds the
    category to the stored post, with no second request for the page."""

    source = scrapy.Field()  # str: as PostItem's
    post_id = scrapy.Field()  # int: the site's id, as PostItem's
    category = scrapy.Field()  # str: the category id of the listing that showed it


def page_source(spider: Any, meta: dict[str, Any] | None = None) -> str:
    """The site a page is of: its request's `source` meta, else the spider's `source` (its
    profile's name), else the first site."""
    return str((meta or {}).get(SOURCE_META) or getattr(spider, "source", None) or DEFAULT_SOURCE)
