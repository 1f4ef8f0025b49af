"""What every mirror answers with: a `Page`, rendered per request for the address the client used.

Shared by the site modules (`scraper.mirror.site` for www.mdes.go.th, `scraper.mirror.thaigov`
for www.thaigov.go.th) and the one server that serves either (`scraper.mirror.server`).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

#: Placeholder for `http://host:port` in absolute links, so the pages work on any port.
BASE = "@@BASE@@"


@dataclass(frozen=True)
class Page:
    status: int
    content_type: str
    body: str | bytes
    encoding: str = "utf-8"
    headers: tuple[tuple[str, str], ...] = ()  # more response headers (a redirect's Location)

    def render(self, base: str) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        codec = "cp874" if self.encoding == "windows-874" else self.encoding  # Python's name
        # what the charset lacks (©, emoji) goes out as a character reference, as browsers do
        # a share link carries the address percent-encoded: fill that form in too
        body = self.body.replace(BASE, base).replace(quote(BASE, safe=""), quote(base, safe=""))
        return body.encode(codec, errors="xmlcharrefreplace")
