"""The mirror's pages, rendered once from the post table and the templates beside this file.

URLs follow the live site: `/news/{category}` (`?page=N`), `/news/detail/{id}-{slug}` (any slug
or none finds the post), `/robots.txt`, photos and PDF attachments under `/uploads/`. Absolute
links carry a placeholder replaced per request by the address the client used, so the pages work
on any port.
"""

from __future__ import annotations

import html
import re
import struct
import zlib
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from string import Template
from urllib.parse import parse_qs, quote, unquote, urlsplit

from nlp.buddhist_era import buddhist_year
from scraper.mirror.posts import CATEGORIES, Post, posts
from scraper.mirror.response import BASE, Page

PER_PAGE = 10
#: How each category writes its pagination links, so a crawl meets every form.
PAGER_STYLE = {"119": "absolute", "115": "query", "3": "root", "7": "root"}
CARD_LINK_STYLES = ("root", "relative", "absolute")

_DETAIL = re.compile(r"^/news/detail/(\d+)(?:-.*)?/?$")
_LISTING = re.compile(r"^/news/(\d+)/?$")


@cache
def _template(name: str) -> Template:
    return Template(files("scraper.mirror").joinpath(name).read_text(encoding="utf-8"))


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def be_date(post: Post) -> str:
    d = post.published
    return f"{d.day:02d}/{d.month:02d}/{buddhist_year(d.year)}"


def post_href(post: Post, style: str) -> str:
    quoted = f"{post.id}-{quote(post.slug)}"
    return {
        "root": f"/news/detail/{quoted}",
        "relative": f"detail/{quoted}",
        "absolute": f"{BASE}/news/detail/{quoted}",
    }[style]


def _menu() -> str:
    return "\n".join(
        f'          <li><a class="dropdown-item" href="/news/{cid}">{_e(name)}</a></li>'
        for cid, name in CATEGORIES.items()
    )


def _tabs(active: str | None) -> str:
    return "\n".join(
        f'      <li class="nav-item{" active" if cid == active else ""}">'
        f'<a class="nav-link" href="/news/{cid}">{_e(name)}</a></li>'
        for cid, name in CATEGORIES.items()
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
    if encoding == "utf-8":
        charset_meta = '<meta charset="utf-8">'
        content_type = "text/html; charset=utf-8"
    else:  # old pages: the charset only in a meta tag, none in the HTTP header
        charset_meta = f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">'
        content_type = "text/html"
    text = _template("page.html").substitute(
        charset_meta=charset_meta,
        page_title=_e(f"{title} | กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"),
        head_meta=head_meta,
        menu=_menu(),
        content=content,
        tail="</body>\n</html>\n" if closed else "",
    )
    return Page(status, content_type, text, encoding)


# --- listings -----------------------------------------------------------------------------------


def listing(category: str, table: tuple[Post, ...] | None = None) -> list[Post]:
    """A category's posts as its listing shows them: newest first."""
    return sorted(
        (p for p in (posts() if table is None else table) if category in p.categories),
        key=lambda p: (p.published, p.id),
        reverse=True,
    )


def page_count(category: str, table: tuple[Post, ...] | None = None) -> int:
    return max(1, -(-len(listing(category, table)) // PER_PAGE))


def _page_href(category: str, n: int) -> str:
    style = PAGER_STYLE.get(category, "root")
    if style == "absolute":
        return f"{BASE}/news/{category}?page={n}"
    if style == "query":
        return f"?page={n}"
    return f"/news/{category}?page={n}"


def _pager(category: str, n: int, last: int) -> str:
    def item(label: str, target: int | None, *, active: bool = False, rel: str = "") -> str:
        if target is None:
            return (
                f'            <li class="page-item disabled" aria-disabled="true">'
                f'<span class="page-link">{label}</span></li>'
            )
        if active:
            return (
                f'            <li class="page-item active" aria-current="page">'
                f'<span class="page-link">{label}</span></li>'
            )
        rel_attr = f' rel="{rel}"' if rel else ""
        return (
            f'            <li class="page-item"><a class="page-link" '
            f'href="{_page_href(category, target)}"{rel_attr}>{label}</a></li>'
        )

    items = [item("‹", n - 1 if n > 1 else None, rel="prev")]
    items += [item(str(k), k, active=k == n) for k in range(1, last + 1)]
    items.append(item("›", n + 1 if n < last else None, rel="next"))  # the last li: next page
    return "\n".join(items)


def _card(post: Post, k: int) -> str:
    date = f'<div class="col date-news"><i class="far fa-calendar-alt"></i> {be_date(post)}</div>'
    return _template("card.html").substitute(
        href=post_href(post, CARD_LINK_STYLES[(post.id + k) % len(CARD_LINK_STYLES)]),
        thumb=f"/uploads/news/{post.id}/thumb.png",
        title=_e(post.title),
        date=date if post.card_date else "",
        views=100 + post.id % 900,
    )


def _listing_page(category: str, n: int, table: tuple[Post, ...] | None = None) -> Page:
    shown = listing(category, table)[(n - 1) * PER_PAGE : n * PER_PAGE]
    content = _template("listing.html").substitute(
        category_name=_e(CATEGORIES[category]),
        tabs=_tabs(category),
        cards="\n".join(_card(p, k) for k, p in enumerate(shown)),
        pager=_pager(category, n, page_count(category, table)),
    )
    return _page(content, CATEGORIES[category])


# --- posts --------------------------------------------------------------------------------------

_INDENT = "&nbsp; " * 6


def _body(post: Post) -> str:
    out = []
    for k, paragraph in enumerate(post.paragraphs):
        if k:
            out.append("<p>&nbsp;</p>")
        indent = _INDENT if k else ""
        if post.broken_html:  # unclosed <p> and <font>, a <br> inside: old CMS output
            words = _e(paragraph).split(" ", 3)
            out.append(f'<p>{indent}<font face="Tahoma">{" ".join(words[:3])}<br>{words[3]}')
        else:
            out.append(f"<p>{indent}{_e(paragraph)}</p>")
    if post.id % 2:
        out += ["<p>&nbsp;</p>", "<p>******************</p>"]
    return "\n".join(f"        {line}" for line in out)


def _slides(post: Post) -> str:
    return "\n".join(
        f'            <div class="carousel-item{" active" if n == 1 else ""}">'
        f'<img class="d-block w-100" src="/uploads/news/{post.id}/{n}.png" alt="ภาพที่ {n}"></div>'
        for n in range(1, post.images + 1)
    )


def _attachment(post: Post) -> str:
    if not post.attachment:
        return ""
    return (
        '      <div class="col-12 attach">\n'
        f'        <a href="/uploads/files/{post.attachment}" target="_blank">'
        '<i class="far fa-file-pdf"></i> เอกสารแนบ</a>\n'
        "      </div>"
    )


def _post_page(post: Post) -> Page:
    url = f"{BASE}{post_href(post, 'root')}"
    head_meta = (
        f'<meta property="og:title" content="{_e(post.title)}">\n'
        f'<meta property="og:url" content="{url}">\n'
        f'<meta property="og:image" content="{BASE}/uploads/news/{post.id}/1.png">'
    )
    content = _template("post.html").substitute(
        tabs=_tabs(post.categories[0]),
        title=_e(post.title),
        slides=_slides(post),
        body=_body(post),
        attachment=_attachment(post),
        share_url=quote(url, safe=""),
    )
    return _page(
        content,
        post.title,
        head_meta=head_meta,
        encoding=post.encoding,
        closed=not post.broken_html,
    )


def _not_found() -> Page:
    return _page(_template("not_found.html").substitute(), "ไม่พบหน้าที่ท่านต้องการ", status=404)


# --- files --------------------------------------------------------------------------------------


def _png() -> bytes:
    """A 2×2 grey PNG: a placeholder photo, valid for anything that opens it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        payload = kind + data
        return struct.pack(">I", len(data)) + payload + struct.pack(">I", zlib.crc32(payload))

    rows = b"".join(b"\x00" + b"\x99" * 2 for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _pdf(title: str) -> bytes:
    """A one-page PDF with a line of text, byte offsets computed so readers accept it."""
    text = f"BT /F1 14 Tf 72 720 Td ({title}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# --- the site -----------------------------------------------------------------------------------


class Site:
    """Every page of the mirror in memory, and the routing from a request path to a page.

    `table` replaces the post table (tests build the site as it was before some posts appeared,
    or after one changed); by default the whole table of `scraper.mirror.posts`.
    """

    def __init__(self, table: Iterable[Post] | None = None) -> None:
        table = posts() if table is None else tuple(table)
        self.posts = {p.id: p for p in table}
        self.listings = {
            (cid, n): _listing_page(cid, n, table)
            for cid in CATEGORIES
            for n in range(1, page_count(cid, table) + 1)
        }
        self.post_pages = {p.id: _post_page(p) for p in table if not p.missing}
        hub = _page(_template("hub.html").substitute(tabs=_tabs(None)), "ข่าวสาร")
        self.fixed = {
            "/": hub,
            "/news": hub,
            "/news/": hub,
            "/robots.txt": Page(200, "text/plain; charset=utf-8", "User-agent: *\nDisallow:\n"),
        }
        self.files = {
            f"/uploads/files/{p.attachment}": Page(200, "application/pdf", _pdf(p.attachment))
            for p in table
            if p.attachment
        }
        self.photo = Page(200, "image/png", _png())
        self.not_found = _not_found()

    def start_urls(self, base: str) -> list[str]:
        return [f"{base}/news/{cid}" for cid in CATEGORIES]

    def resolve(self, raw_path: str, seen: int = 1) -> Page:
        """The page for a request path; `seen` (how often it was asked) changes nothing here."""
        parts = urlsplit(raw_path)
        path = unquote(parts.path)
        if path in self.fixed:
            return self.fixed[path]
        if path in self.files:
            return self.files[path]
        if path.startswith("/uploads/news/") and path.endswith(".png"):
            return self.photo
        if m := _DETAIL.match(path):
            return self.post_pages.get(int(m.group(1)), self.not_found)
        if m := _LISTING.match(path):
            page = parse_qs(parts.query).get("page", ["1"])[0]
            key = (m.group(1), int(page) if page.isdigit() else 0)
            return self.listings.get(key, self.not_found)
        return self.not_found


@cache
def site() -> Site:
    return Site()
