"""The sites a post can come from, by the name the archive stores in `posts.source`.

The sites are the profiles' (`scraper/profiles/<name>.toml`, read here as data: its `name`,
`label` and `site`), so adding a site's profile adds it here too. One table, so the CLI, the web
pages and the exports name a site alike.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
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


#: The source of everything the archive held before it knew more than one site, and of an item
#: that does not say its own.
DEFAULT_SOURCE = "mdes"

PROFILES = Path(__file__).resolve().parent.parent / "scraper" / "profiles"


def _read(path: Path) -> Source:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return Source(data["name"], data.get("label", data["name"]), data["site"].rstrip("/") + "/")


#: The first site archived (DEFAULT_SOURCE) first, then the others by name.
SOURCES: dict[str, Source] = {
    s.name: s
    for s in (
        _read(p)
        for p in sorted(PROFILES.glob("*.toml"), key=lambda p: (p.stem != DEFAULT_SOURCE, p.stem))
    )
}


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
