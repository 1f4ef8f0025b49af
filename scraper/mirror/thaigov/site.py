"""The thaigov mirror's pages, rendered once from the sample and the templates beside this file.

Routes as on the live site (site-notes-thaigov.md): `/news/contents/details/{id}` is a post, any
other id a soft 404 (HTTP 200, the bare title, no article), so an id walk ends after its run of
misses above the highest sampled id. A few ids misbehave on purpose, the same on every run (the
constants below; README.md lists them for the crawl tests).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from string import Template
from urllib.parse import quote, unquote, urlsplit

from scraper.mirror.response import BASE, Page
from scraper.mirror.thaigov.posts import PRINT_LINE, TITLE_PREFIX, Post, posts, publication_lines

#: `ministry-news mirror --site thaigov` listens here by default (the mdes mirror on 8123).
PORT = 8124
#: Served in windows-874 (declared in the Content-Type header and a meta tag), not UTF-8.
WINDOWS_874_ID = 31785
#: Unclosed `<p>` and `<font>` in the article, no closing `</body></html>`.
BROKEN_HTML_ID = 31788
#: Markup the profile does not know: no `div.border-normal`, no category span.
OTHER_MARKUP_ID = 31795
#: Every id here (posts and gaps alike) answers 503 to its first BURST_FAILURES requests.
BURST_IDS = range(31800, 31806)
BURST_FAILURES = 2
#: The site's menu of news categories (site-notes-thaigov.md).
MENU = (
    "ข่าวทำเนียบรัฐบาล",
    "ด้านเศรษฐกิจ",
    "ด้านสังคม",
    "ด้านความมั่นคง",
    "ด้านการศึกษาฯ",
    "ด้านกฎหมายฯ",
    "ข่าวทันสถานการณ์โควิด-19",
)
LATEST = 5  # headlines in every page's sidebar

_DETAIL = re.compile(r"^/news/contents/details/(\d+)/?$")


def detail_path(post_id: int) -> str:
    return f"/news/contents/details/{post_id}"


def view_count(post_id: int) -> str:
    """The page-view line: digits and commas alone, fixed per id."""
    return f"{(post_id * 7919) % 97_000 + 1_200:,}"


@cache
def _template(name: str) -> Template:
    return Template(files("scraper.mirror.thaigov").joinpath(name).read_text(encoding="utf-8"))


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _menu() -> str:
    return "\n".join(
        f'            <li><a href="/news/contents/?category={quote(name)}">{_e(name)}</a></li>'
        for name in MENU
    )


def _page(
    content: str,
    title: str,
    *,
    head_meta: str = "",
    encoding: str = "utf-8",
    status: int = 200,
    closed: bool = True,
) -> Page:
    charset_meta = (
        '<meta charset="utf-8">'
        if encoding == "utf-8"
        else f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">'
    )
    text = _template("page.html").substitute(
        charset_meta=charset_meta,
        page_title=_e(title),
        head_meta=head_meta,
        menu=_menu(),
        content=content,
        tail="</body>\n</html>\n" if closed else "",
    )
    return Page(status, f"text/html; charset={encoding}", text, encoding)


def _latest(table: tuple[Post, ...]) -> str:
    return "\n".join(
        f'      <li><a href="{detail_path(p.id)}">{_e(p.headline)}</a></li>'
        for p in reversed(table[-LATEST:])
    )


def _article(post: Post, *, broken: bool) -> str:
    """The block's lines as the site prints them: date, page views, print, then the text."""
    lines = [
        f'<div class="Circular font_level4 color4 news-date">{_e(publication_lines()[post.id])}</div>',
        '<div class="col-xs-6 remove-xs font_level6 color4 view-count"><i class="fa fa-eye"></i> '
        f"{view_count(post.id)}</div>",
        '<div class="col-xs-6 text-right print"><a href="javascript:window.print();">'
        f'<i class="fa fa-print"></i> {PRINT_LINE}</a></div>',
    ]
    for k, line in enumerate(post.body_lines):
        if broken:  # old CMS output: nothing closed
            lines.append(f'<p><font face="Tahoma">{_e(line)}')
        elif k == 0:
            lines.append(f'<h1 class="Circular headtitle font_level3 color1">{_e(line)}</h1>')
        else:
            lines.append(f"<p>{_e(line)}</p>")
    return "\n".join(f"    {line}" for line in lines)


def _post_page(post: Post, table: tuple[Post, ...]) -> Page:
    url = f"{BASE}{detail_path(post.id)}"
    head_meta = (
        f'<meta property="og:title" content="{_e(post.headline)}">\n'
        f'<meta property="og:url" content="{url}">'
    )
    if post.id == OTHER_MARKUP_ID:
        content = _template("other.html").substitute(
            publication_line=_e(publication_lines()[post.id]),
            headline=_e(post.headline),
            paragraphs="\n".join(f"      <p>{_e(line)}</p>" for line in post.body_lines),
            latest=_latest(table),
        )
    else:
        content = _template("post.html").substitute(
            category=_e(post.category),
            share_url=quote(post.url, safe=""),  # the live site's address, as its pages share
            article=_article(post, broken=post.id == BROKEN_HTML_ID),
            latest=_latest(table),
        )
    return _page(
        content,
        post.title,
        head_meta=head_meta,
        encoding="windows-874" if post.id == WINDOWS_874_ID else "utf-8",
        closed=post.id != BROKEN_HTML_ID,
    )


def _home(table: tuple[Post, ...]) -> Page:
    content = (
        '<div class="row">\n  <div class="col-xs-12 home-news">\n'
        '    <p class="Circular headtitle-2 font_level5">ข่าวล่าสุด</p>\n'
        f'    <ul class="list-unstyled latest-news">\n{_latest(table)}\n    </ul>\n  </div>\n</div>'
    )
    return _page(content, "รัฐบาลไทย")


class ThaigovSite:
    """Every page of the thaigov mirror in memory, and the routing from a request path to a page.

    `table` replaces the sample (tests build the site as it was before its last posts appeared).
    """

    def __init__(self, table: Iterable[Post] | None = None) -> None:
        self.table = posts() if table is None else tuple(sorted(table, key=lambda p: p.id))
        self.post_pages = {p.id: _post_page(p, self.table) for p in self.table}
        self.soft_404 = _page('<div class="row"></div>', TITLE_PREFIX)
        self.unavailable = Page(503, "text/html; charset=utf-8", "<h1>Service Unavailable</h1>\n")
        self.not_found = _page(_template("not_found.html").substitute(), "รัฐบาลไทย", status=404)
        home = _home(self.table)
        self.fixed = {
            "/": home,
            "/news/contents": home,
            "/news/contents/": home,
            "/robots.txt": Page(200, "text/plain; charset=utf-8", "User-agent: *\nAllow: /\n"),
        }

    def start_urls(self, base: str) -> list[str]:
        """Where an id walk starts: the lowest sampled id."""
        return [f"{base}{detail_path(self.table[0].id)}"]

    def resolve(self, raw_path: str, seen: int = 1) -> Page:
        """The page for a request path that was asked `seen` times (the 5xx burst counts them)."""
        path = unquote(urlsplit(raw_path).path)
        if path in self.fixed:
            return self.fixed[path]
        if m := _DETAIL.match(path):
            post_id = int(m.group(1))
            if post_id in BURST_IDS and seen <= BURST_FAILURES:
                return self.unavailable
            return self.post_pages.get(post_id, self.soft_404)
        return self.not_found


@cache
def site() -> ThaigovSite:
    return ThaigovSite()
