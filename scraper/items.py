"""The item a post becomes: what the archive stores for every post, whatever the markup."""

from __future__ import annotations

import scrapy


class PostItem(scrapy.Item):
    source = scrapy.Field()  # str: the site's profile name (scraper.profiles), e.g. "thaigov"
    post_id = scrapy.Field()  # int: the SITE's numeric id of the post (its URL's); slugs change
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

    source = scrapy.Field()  # str: the site's profile name
    post_id = scrapy.Field()  # int: the site's id
    category = scrapy.Field()  # str: the category id of the listing that showed it
