"""The sites a post can come from, by the name the archive stores in `posts.source`.

The name is the site profile's (scraper profiles use the same names); the label and home are what
readers are shown. One table, so the CLI, the web pages and the exports name a site alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Source:
    name: str  # as stored and typed: `--source thaigov`
    label: str  # Thai-first, for display
    home: str  # the site's own address

    @property
    def host(self) -> str:
        """ "www.thaigov.go.th": where the site is served."""
        return urlsplit(self.home).hostname or ""

    @property
    def display(self) -> str:
        """ "ทำเนียบรัฐบาล (www.thaigov.go.th)": the label with the site's host."""
        return f"{self.label} ({self.host})"


SOURCES: dict[str, Source] = {
    s.name: s
    for s in (
        Source("mdes", "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", "https://www.mdes.go.th/"),
        Source("thaigov", "ทำเนียบรัฐบาล", "https://www.thaigov.go.th/"),
    )
}

#: The source of everything the archive held before it knew more than one site, and of an item
#: that does not say its own.
DEFAULT_SOURCE = "mdes"


def source_of_host(host: str) -> str:
    """The site served at `host`; a host of no known site (a local mirror) is the first site's."""
    for source in SOURCES.values():
        if source.host == host:
            return source.name
    return DEFAULT_SOURCE


def source_named(value: str) -> str | None:
    """The site a reader means by its name (thaigov, THAIGOV) or its host (www.thaigov.go.th)."""
    wanted = value.strip().lower()
    for source in SOURCES.values():
        if wanted in (source.name, source.host, source.host.removeprefix("www.")):
            return source.name
    return None


def display(name: str) -> str:
    """A source's name for readers; a name missing from the table is shown as it is stored."""
    source = SOURCES.get(name)
    return source.display if source else name


def source_of(item: Mapping[str, Any]) -> str:
    """The site a post item (scraper.items) is of: its `source`, else the first site."""
    return str(item.get("source") or DEFAULT_SOURCE)
