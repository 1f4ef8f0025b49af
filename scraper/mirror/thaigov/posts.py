"""The mirror's posts: the bundled sample of real posts (`posts.jsonl.xz`, see sample.py), read once.

A corpus text is the article block read line by line without its page-view count line and, in
about half the posts, without its print line; `Post` splits it into what the page shows: the
publication line, then the lines after it (headline, paragraphs).
"""

from __future__ import annotations

import datetime as dt
import json
import lzma
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from pythainlp.util import thai_strftime

TITLE_PREFIX = "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-"
SITE_PREFIX = "รัฐบาลไทย-"  # a few real titles lack the section's name (32105 in the sample)
PRINT_LINE = "พิมพ์"
_WEEKDAY = "(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|ศุกร์|เสาร์|อาทิตย์)"
#: `วันศุกร์ที่ 14 กรกฎาคม 2560`: weekday, day, Thai month, Buddhist-era year (digits of either kind).
PUBLICATION_LINE = re.compile(rf"^วัน{_WEEKDAY}ที่\s*[0-9๐-๙]{{1,2}}\s+\S+\s+[0-9๐-๙]{{4}}$")
#: For a text that lacks its publication line and has no earlier post to borrow one from.
FALLBACK_DATE = dt.date(2020, 6, 1)


@dataclass(frozen=True)
class Post:
    id: int
    url: str  # on the live site
    category: str
    title: str  # as in <title>
    text: str

    @property
    def headline(self) -> str:
        return self.title.removeprefix(TITLE_PREFIX).removeprefix(SITE_PREFIX).strip()

    @property
    def lines(self) -> list[str]:
        return [line.strip() for line in self.text.split("\n") if line.strip()]

    @property
    def own_publication_line(self) -> str | None:
        lines = self.lines
        return lines[0] if lines and PUBLICATION_LINE.match(lines[0]) else None

    @property
    def body_lines(self) -> list[str]:
        """The lines after the publication line and the print line: headline(s), paragraphs."""
        lines = self.lines[1:] if self.own_publication_line else self.lines
        return lines[1:] if lines and lines[0] == PRINT_LINE else lines


def format_publication_line(day: dt.date) -> str:
    return thai_strftime(dt.datetime.combine(day, dt.time()), "%Aที่ %-d %B %Y")


@cache
def posts() -> tuple[Post, ...]:
    """The sample, by id."""
    raw = files("scraper.mirror.thaigov").joinpath("posts.jsonl.xz").read_bytes()
    rows = [json.loads(line) for line in lzma.decompress(raw).decode("utf-8").splitlines()]
    return tuple(Post(**row) for row in sorted(rows, key=lambda r: r["id"]))


@cache
def publication_lines() -> dict[int, str]:
    """Each post's publication line: its own, else the previous post's (ids rise with time)."""
    out: dict[int, str] = {}
    last = format_publication_line(FALLBACK_DATE)
    for post in posts():
        last = post.own_publication_line or last
        out[post.id] = last
    return out
