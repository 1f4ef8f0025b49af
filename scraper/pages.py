"""A fetched page → what the archive stores, with no crawl around it.

The spider calls these on live responses and `ministry-news reextract` on responses read back
from WARC files, so a parser improvement re-run over years of history gives exactly what a crawl
would have given. Markup knowledge stays in `scraper.extract_html` and `scraper.selectors`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from parsel import Selector
from scrapy.http import Headers, Response, TextResponse
from scrapy.responsetypes import responsetypes

from scraper import extract_html as X
from scraper import selectors as S
from scraper.items import PostItem

#: A post page with one of these statuses is gone, not broken.
GONE = (404, 410)


def content_hash(title: str, body: str) -> str:
    return hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()


@dataclass
class PostPage:
    """A post page read: the item, or why there is none (`outcome` is the counter's name)."""

    item: PostItem | None = None
    outcome: str | None = None  # gone, empty_body, not_html, no_headline, no_body
    problem: str | None = None  # one line for the run report
    notes: list[str] = field(default_factory=list)  # fallbacks used, e.g. fallback/title, no_date


def read_post(
    response: Response,
    post_id: int,
    categories: Iterable[str] = (),
    card_published: str | None = None,
    fetched_at: dt.datetime | None = None,
) -> PostPage:
    """The post on `response`; `card_published` is the date its listing card showed, if any."""
    if response.status in GONE:
        return PostPage(outcome="gone", problem=f"post {post_id}: HTTP {response.status}")
    if not response.body.strip():
        return PostPage(outcome="empty_body", problem=f"post {post_id}: empty response")
    if not isinstance(response, TextResponse):
        kind = response.headers.get(b"Content-Type", b"?").decode("latin-1")
        return PostPage(outcome="not_html", problem=f"post {post_id}: not a web page ({kind})")
    sel = _unnested(response)
    title = X.title(sel)
    block, paragraphs = X.article(sel, title)
    body = X.body_text(paragraphs)
    if not title or not body:
        missing = "headline" if not title else "body text"
        outcome = "no_headline" if not title else "no_body"
        return PostPage(outcome=outcome, problem=f"post {post_id}: no {missing} found")
    page = PostPage()
    if not sel.css(S.TITLE[0]):
        page.notes.append("fallback/title")
    if block is None or "col-12" not in (block.get("class") or "").split():
        page.notes.append("fallback/body")
    published = card_published
    if published is None:
        published = X.leading_date(body)
        page.notes.append("date_from_body" if published else "no_date")
    moment = fetched_at or dt.datetime.now(dt.UTC)
    page.item = PostItem(
        post_id=post_id,
        url=response.url,
        categories=sorted(set(categories)),
        category_name=X.category_name(sel),
        title=title,
        published=published,
        body=body,
        images=X.images(sel, response.url, block),
        attachments=X.attachments(sel, response.url),
        fetched_at=moment.astimezone(dt.UTC).isoformat(timespec="seconds"),
        content_hash=content_hash(title, body),
        encoding=response.encoding,
    )
    return page


_FONT = re.compile(r"</?font\b[^>]*>", re.IGNORECASE)


def _unnested(response: TextResponse) -> Selector:
    """The page's tree with `<font>` tags left out: they carry no words, and the old CMS opens one
    per paragraph and never closes it. Nested that way, a page of over a thousand paragraphs goes
    past libxml2's depth limit (2048) and the parser drops the rest of the post."""
    if "<font" not in response.text.lower():
        return response.selector
    return Selector(text=_FONT.sub("", response.text), type="html", base_url=response.url)


def page_kind(url: str) -> str:
    """What a URL is on the ministry's site: listing, post, attachment, robots or page."""
    if X.category_id(url):
        return "listing"
    if X.post_id(url) is not None:
        return "post"
    path = url.split("?", 1)[0].lower()
    if path.endswith(S.ATTACHMENT_EXTENSIONS):
        return "attachment"
    if path.endswith("/robots.txt"):
        return "robots"
    return "page"


# --- charsets -----------------------------------------------------------------------------------

_THAI = re.compile(r"[\u0e01-\u0e5b]")


def _thai_letters(body: bytes, encoding: str) -> int:
    """Thai letters in `body` read strictly as `encoding`; -1 if it cannot be read so."""
    try:
        return len(_THAI.findall(body.decode(encoding)))
    except (UnicodeDecodeError, LookupError):
        return -1


def thai_encoding(body: bytes, current: str) -> str | None:
    """The encoding that reads `body` as Thai when `current` does not; None to keep `current`.

    Pages in TIS-620 / windows-874 often declare no charset (Scrapy then guesses cp1252) or the
    wrong one. UTF-8 that decodes strictly and holds Thai is decisive; windows-874 is next.
    """
    now = _thai_letters(body, current)
    if now > 0:
        single_byte = codecs.lookup(current).name != "utf-8"
        return "utf-8" if single_byte and _thai_letters(body, "utf-8") > 0 else None
    for candidate in ("utf-8", "cp874"):
        if _thai_letters(body, candidate) > 0:
            return candidate
    return None


def as_response(url: str, status: int, headers: list[tuple[str, str]], body: bytes) -> Response:
    """A Scrapy response built from recorded bytes, read as the crawl read it (charset repair
    included): what `reextract` parses."""
    scrapy_headers = Headers(headers)
    cls = responsetypes.from_args(headers=scrapy_headers, url=url, body=body)
    response = cls(url=url, status=status, headers=scrapy_headers, body=body)
    if isinstance(response, TextResponse) and body:
        better = thai_encoding(body, response.encoding)
        if better:
            response = response.replace(encoding=better)
    return response
