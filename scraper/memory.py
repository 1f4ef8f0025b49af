"""What the news spider remembers between pages: one component, local or shared through Redis.

A listing tells the spider a post's categories and card date, which the post page needs later;
a post already asked for is not asked again; a listing seen after its post was parsed only adds a
category. `LocalMemory` keeps this in the spider's `state` (JOBDIR: saved on a clean stop, loaded
on resume); `FleetMemory` keeps what another process may need in Redis, and a card's date in the
request itself, since any process of a fleet may parse the post.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: What a card asks of the spider: fetch the post, fetch it again (a fleet's post parsed
#: elsewhere before this listing was known), send only the new category, or nothing.
FETCH, REFETCH, LIST, NOTHING = "fetch", "refetch", "list", "nothing"


def _key(site: str, post_id: int) -> str:
    return f"{site}:{post_id}"


#: What the book holds, each made on first use.
_PAGES = {
    "categories": dict,  # "site:id" → the listings that showed the post
    "card_dates": dict,  # "site:id" → the date its card showed
    "requested": set,
    "parsed": set,
    "quiet": dict,  # category → listing pages in a row with nothing new
    "walked": set,  # categories walked to their end
    "walk": dict,  # an id walk: "posts" found (its run of misses travels in its requests)
    "generic": list,  # posts read without the site's selectors (urls)
}


class LocalMemory:
    """One process's memory, in the dict `keeper()` returns: the spider's `state` once Scrapy
    has given it one (JOBDIR; it does so only when the spider opens), else its own."""

    def __init__(self, keeper: Callable[[], dict[str, Any]]) -> None:
        self.keeper = keeper

    @property
    def book(self) -> dict[str, Any]:
        book = self.keeper()
        for name, factory in _PAGES.items():
            if name not in book:
                book[name] = factory()
        return book

    @property
    def walk(self) -> dict[str, int]:
        """An id walk's progress: posts found (`posts`), against `--max-posts`."""
        return self.book["walk"]

    @property
    def generic(self) -> list[str]:
        """Posts read by the generic extractor: the run report flags them."""
        return self.book["generic"]

    @property
    def walked(self) -> set[str]:
        """Categories walked to their end in this crawl (the run's report keeps them)."""
        return self.book["walked"]

    @property
    def quiet(self) -> dict[str, int]:
        """Listing pages in a row, per category, that showed nothing new."""
        return self.book["quiet"]

    def on_card(self, site: str, post_id: int, category: str | None, published: str | None) -> str:
        """A listing card showed the post: what to do about it (FETCH, REFETCH, LIST, NOTHING)."""
        key = _key(site, post_id)
        seen = self.book["categories"].setdefault(key, set())
        new_category = category is not None and category not in seen
        if category:
            seen.add(category)
        if published:
            self.book["card_dates"].setdefault(key, published)
        if key in self.book["parsed"]:
            return LIST if new_category else NOTHING
        if key not in self.book["requested"]:
            self.book["requested"].add(key)
            return FETCH
        return NOTHING

    def request_meta(self, published: str | None) -> dict[str, Any]:
        """What a post's request carries for the process that parses it."""
        return {}

    def on_post(self, site: str, post_id: int, meta: dict[str, Any]) -> tuple[set[str], str | None]:
        """The post's listings and card date, as the listings told them."""
        key = _key(site, post_id)
        return set(self.book["categories"].get(key, ())), self.book["card_dates"].get(key)

    def parsed(self, site: str, post_id: int) -> None:
        """The post became an item: a later listing of it only adds its category."""
        self.book["parsed"].add(_key(site, post_id))


class FleetMemory(LocalMemory):
    """A fleet process's memory: a post's listings and whether it was parsed live in Redis,
    updated atomically, so a listing read after the post was parsed elsewhere sends the post
    again and one read before is in the stored categories."""

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

    def __init__(
        self, keeper: Callable[[], dict[str, Any]], server: Any, listed: str, parsed: str
    ) -> None:
        super().__init__(keeper)
        self.server = server
        self.listed_key, self.parsed_key = listed, parsed
        self.add_listing = server.register_script(self.LISTED)

    def on_card(self, site: str, post_id: int, category: str | None, published: str | None) -> str:
        key = _key(site, post_id)
        if category:
            added, parsed = self.add_listing(
                keys=[self.listed_key, self.parsed_key], args=[key, category]
            )
            if added and parsed:  # parsed elsewhere, without this listing: fetch it again
                return REFETCH
        if key not in self.book["requested"]:  # the shared filter drops other processes' own
            self.book["requested"].add(key)
            return FETCH
        return NOTHING

    def request_meta(self, published: str | None) -> dict[str, Any]:
        return {"card_published": published} if published else {}

    def on_post(self, site: str, post_id: int, meta: dict[str, Any]) -> tuple[set[str], str | None]:
        key = _key(site, post_id)
        pipe = self.server.pipeline(transaction=True)
        pipe.sadd(self.parsed_key, key)
        pipe.hget(self.listed_key, key)
        _, listed = pipe.execute()
        categories = set(listed.decode().split(",")) if listed else set()
        return categories, meta.get("card_published")
