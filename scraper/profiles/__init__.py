"""Site profiles: what the project knows of one news site, as data (`<name>.toml` beside this file).

A profile says where a site is (hosts, start URLs), how its posts are found (`listing`: category
listings and their cards; `id_walk`: post ids walked upward), how a post page is read (selectors,
date forms, furniture to strip, what a missing post looks like) and the politeness it needs.
One spider (`scraper.spiders.news`) and one set of components serve every profile; adding a site
is a new TOML file (docs/adding-a-site.md).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from archive.sources import DEFAULT_SOURCE

HERE = Path(__file__).parent
DISCOVERY_KINDS = ("listing", "id_walk")
#: A start URL whose host and path no profile claims (e.g. `http://127.0.0.1:8123/`) is this
#: site's: the one the archive began with.
DEFAULT_SITE = DEFAULT_SOURCE


class ProfileError(ValueError):
    """A profile file that cannot be used, or a site name no profile has."""


@dataclass(frozen=True)
class Selectors:
    """CSS (XPath for `card_date`) queries, each list tried in order."""

    title: tuple[str, ...]
    body_blocks: tuple[str, ...]
    title_site_suffix: str | None = None  # cut from <title>/og:title: " | <site name>"
    title_prefix: tuple[str, ...] = ()  # cut from the start of <title>: the first that opens it
    body_fallback_blocks: tuple[str, ...] = ()
    body_excluded_ancestors: tuple[str, ...] = (
        "footer",
        "header",
        "nav",
        "script",
        "style",
        "noscript",
    )
    card_link: tuple[str, ...] = ()
    card_date: tuple[str, ...] = ()
    pagination_items: tuple[str, ...] = ()
    next_page_fallback: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    images_fallback: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    attachment_extensions: tuple[str, ...] = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip")


@dataclass(frozen=True)
class Furniture:
    """Lines of a page that are not the article."""

    fragments: tuple[str, ...] = ()  # a line containing one is dropped
    lines: tuple[str, ...] = ()  # a line equal to one (ignoring case) is dropped
    line_patterns: tuple[re.Pattern[str], ...] = ()  # a line matching one whole is dropped
    repeated_headline: bool = False  # lines equal to the headline are dropped

    def is_furniture(self, line: str) -> bool:
        folded = line.casefold()
        return (
            folded in self.lines
            or any(f in line for f in self.fragments)
            or any(p.fullmatch(line) for p in self.line_patterns)
        )


@dataclass(frozen=True)
class Discovery:
    """How posts are found. `post_path` matches a post's URL path, its first group the id."""

    kind: str
    post_path: re.Pattern[str]
    listing_path: re.Pattern[str] | None = None
    listing_url: str | None = None  # "/news/{category}"
    categories: tuple[str, ...] = ()
    post_url: str | None = None  # "/news/contents/details/{id}"
    misses: int = 20
    latest_id: int | None = None
    first_window: int = 500
    first_max_posts: int | None = None
    history_misses: int = 2500


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    hosts: tuple[str, ...]
    site: str  # scheme://host of the live site
    discovery: Discovery
    selectors: Selectors
    furniture: Furniture
    card_date: re.Pattern[str] | None = None  # a listing card's date, dd/mm/yyyy (BE)
    date_from_publication_line: bool = False  # the article's first line is its date
    soft_404_title: str | None = None  # a 200 page with this bare title and no article
    politeness: dict[str, float] = field(default_factory=dict)

    @property
    def host(self) -> str:
        return urlsplit(self.site).hostname or ""

    def post_id(self, url: str) -> int | None:
        match = self.discovery.post_path.search(unquote(urlsplit(url).path))
        return int(match.group(1)) if match else None

    def category_id(self, url: str) -> str | None:
        if self.discovery.listing_path is None:
            return None
        match = self.discovery.listing_path.search(unquote(urlsplit(url).path))
        return match.group(1) if match else None

    def category_url(self, base: str, category: str) -> str:
        assert self.discovery.listing_url is not None
        return base.rstrip("/") + self.discovery.listing_url.format(category=category)

    def post_url(self, base: str, post_id: int) -> str:
        assert self.discovery.post_url is not None
        return base.rstrip("/") + self.discovery.post_url.format(id=post_id)

    def start_urls(self) -> list[str]:
        """Where a crawl of the live site begins: its categories, or its post-id pattern."""
        if self.discovery.kind == "listing":
            return [self.category_url(self.site, c) for c in self.discovery.categories]
        return [self.site]

    def is_own_host(self, url: str) -> bool:
        return (urlsplit(url).hostname or "") in self.hosts

    def claims(self, url: str) -> bool:
        """Whether `url` is this site's: its host, or a path only this site's pages have."""
        return self.is_own_host(url) or self.post_id(url) is not None or bool(self.category_id(url))

    def describe_start(self) -> str:
        d = self.discovery
        if d.kind == "listing":
            return f"{len(d.categories)} categories ({', '.join(d.categories)})"
        most = f", at most {d.first_max_posts} posts" if d.first_max_posts else ""
        return (
            f"ids upward from the highest archived, until {d.misses} missing in a row "
            f"(empty archive: from {self.first_id()}{most}; --history: from 1)"
        )

    def scrapy_settings(self) -> dict[str, float | int]:
        """The site's politeness as Scrapy settings (a crawl's `-s` and `--fast` override them)."""
        named = {
            "delay": ("DOWNLOAD_DELAY", float),
            "concurrency": ("CONCURRENT_REQUESTS_PER_DOMAIN", int),
        }
        out: dict[str, float | int] = {}
        for key, value in self.politeness.items():
            if key in named:
                name, kind = named[key]
                out[name] = kind(value)
        if "delay" in self.politeness:
            out["AUTOTHROTTLE_START_DELAY"] = float(self.politeness["delay"])
        return out

    def first_id(self) -> int:
        """Where an id walk of an empty archive begins (the documented window of recent ids)."""
        latest = self.discovery.latest_id or 1
        return max(1, latest - self.discovery.first_window)


def _tuple(value: Any) -> tuple[str, ...]:
    return tuple(value or ())


def _pattern(value: str | None) -> re.Pattern[str] | None:
    return re.compile(value) if value else None


def parse(data: dict[str, Any], source: str = "<profile>") -> Profile:
    """A profile from its TOML's dict; ProfileError naming what is wrong."""
    try:
        d, s, f = data["discovery"], data.get("selectors", {}), data.get("furniture", {})
        dates, soft = data.get("dates", {}), data.get("soft_404", {})
        if d["kind"] not in DISCOVERY_KINDS:
            raise ProfileError(f"{source}: discovery.kind is one of {', '.join(DISCOVERY_KINDS)}")
        discovery = Discovery(
            kind=d["kind"],
            post_path=re.compile(d["post_path"]),
            listing_path=_pattern(d.get("listing_path")),
            listing_url=d.get("listing_url"),
            categories=_tuple(d.get("categories")),
            post_url=d.get("post_url"),
            misses=int(d.get("misses", 20)),
            latest_id=d.get("latest_id"),
            first_window=int(d.get("first_window", 500)),
            first_max_posts=d.get("first_max_posts"),
            history_misses=int(d.get("history_misses", 2500)),
        )
        if discovery.kind == "listing" and not (discovery.listing_path and discovery.listing_url):
            raise ProfileError(f"{source}: a listing site needs listing_path and listing_url")
        if discovery.kind == "id_walk" and not discovery.post_url:
            raise ProfileError(f"{source}: an id_walk site needs post_url")
        selectors = Selectors(
            **{k: (_tuple(v) if isinstance(v, list) else v) for k, v in s.items()}
        )
        furniture = Furniture(
            fragments=_tuple(f.get("fragments")),
            lines=tuple(line.casefold() for line in f.get("lines", ())),
            line_patterns=tuple(re.compile(p) for p in f.get("line_patterns", ())),
            repeated_headline=bool(f.get("repeated_headline", False)),
        )
        return Profile(
            name=data["name"],
            label=data.get("label", data["name"]),
            hosts=_tuple(data["hosts"]),
            site=data["site"],
            discovery=discovery,
            selectors=selectors,
            furniture=furniture,
            card_date=_pattern(dates.get("card")),
            date_from_publication_line=bool(dates.get("publication_line", False)),
            soft_404_title=soft.get("title"),
            politeness={k: float(v) for k, v in data.get("politeness", {}).items()},
        )
    except (KeyError, TypeError, re.error) as exc:
        raise ProfileError(f"{source}: {type(exc).__name__}: {exc}") from None


@cache
def profiles() -> dict[str, Profile]:
    """Every configured site, by name, in a stable order (the default site first)."""
    found = {}
    for path in sorted(HERE.glob("*.toml"), key=lambda p: (p.stem != DEFAULT_SITE, p.stem)):
        with path.open("rb") as fh:
            found[path.stem] = parse(tomllib.load(fh), path.name)
    return found


def get(name: str) -> Profile:
    """The profile called `name`; ProfileError listing the known ones otherwise."""
    known = profiles()
    if name not in known:
        raise ProfileError(f"no site {name!r}: the sites are {', '.join(known)}")
    return known[name]


def for_url(url: str, candidates: list[Profile] | None = None) -> Profile:
    """The profile a URL belongs to: by host, then by a path only one site has, else the
    default site (a mirror's root, for instance)."""
    pool = candidates or list(profiles().values())
    for test in (Profile.is_own_host, Profile.claims):
        for profile in pool:
            if test(profile, url):
                return profile
    return next((p for p in pool if p.name == DEFAULT_SITE), pool[0])


def for_host(host: str) -> Profile | None:
    """The profile whose real hosts include `host`, if any."""
    return next((p for p in profiles().values() if host in p.hosts), None)
