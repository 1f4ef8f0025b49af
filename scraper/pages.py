"""A fetched page → what the archive stores, with no crawl around it.

The spider calls these on live responses and `ministry-news reextract` on responses read back
from WARC files, so a parser improvement re-run over years of history gives exactly what a crawl
would have given. Markup knowledge stays in the site's profile (`scraper.profiles`), read by
`scraper.extract_html`; a page whose markup the profile's selectors miss is read by a generic
extractor (trafilatura) and says so (note `generic_extractor`).
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

from nlp.dates import find_dates
from nlp.normalize import normalize
from scraper import extract_html as X
from scraper.items import PostItem
from scraper.profiles import Profile, for_url

#: A post page with one of these statuses is gone, not broken.
GONE = (404, 410)


def content_hash(title: str, body: str) -> str:
    return hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()


@dataclass
class PostPage:
    """A post page read: the item, or why there is none (`outcome` is the counter's name)."""

    item: PostItem | None = None
    outcome: str | None = None  # gone, soft_404, empty_body, not_html, no_headline, no_body
    problem: str | None = None  # one line for the run report
    #: fallbacks used, e.g. fallback/title, generic_extractor, no_date
    notes: list[str] = field(default_factory=list)


#: A publication line is a date alone ("วันศุกร์ที่ 14 กรกฎาคม 2560": four words); an opening
#: sentence that holds a date ("วันนี้ (14 ก.ค. 60) นายก…") is the article's text.
PUBLICATION_LINE_WORDS = 5


def publication_date(line: str) -> str | None:
    """`วันศุกร์ที่ 14 กรกฎาคม 2560` (a weekday, a day, a Thai month, a BE year) → `2017-07-14`."""
    if len(line.split()) > PUBLICATION_LINE_WORDS:
        return None
    first = next(iter(find_dates(normalize(line).text)), None)
    return first.days[0].isoformat() if first is not None and first.days else None


def _generic_paragraphs(response: TextResponse, title: str, profile: Profile) -> list[str]:
    """The article as trafilatura reads it, furniture lines and the headline dropped: for
    markup that the profile's selectors do not know (the site changed)."""
    import trafilatura  # imported on first need: most pages never call it

    text = trafilatura.extract(response.text, include_comments=False, include_tables=True) or ""
    paragraphs = (X.clean_paragraph(p, profile) for p in text.split("\n"))
    return [p for p in paragraphs if p and " ".join(p.split()) != title]


def _strip_lead(
    paragraphs: list[str], title: str, profile: Profile
) -> tuple[list[str], str | None]:
    """Lines the article opens with that are not its text: the publication line (read as the
    date, when the profile says the article opens with one) and the headline repeated."""
    published = None
    out: list[str] = []
    for paragraph in paragraphs:
        lines = []
        for line in paragraph.split("\n"):
            opening = published is None and not out and not lines
            if profile.date_from_publication_line and opening and (found := publication_date(line)):
                published = found
                continue
            if profile.furniture.repeated_headline and " ".join(line.split()) == title:
                continue
            lines.append(line)
        if lines:
            out.append("\n".join(lines))
    return out, published


def is_soft_404(response: TextResponse, profile: Profile) -> bool:
    """HTTP 200 with the bare title the site gives a missing post, and no article."""
    if profile.soft_404_title is None:
        return False
    bare = profile.soft_404_title.strip()
    page_title = X.clean_line(response.selector.css("title::text").get() or "")
    if page_title.strip() not in (bare, bare.rstrip("-")):
        return False
    _, paragraphs = X.article(response.selector, None, profile)
    return not paragraphs


def read_post(
    response: Response,
    post_id: int,
    categories: Iterable[str] = (),
    card_published: str | None = None,
    fetched_at: dt.datetime | None = None,
    profile: Profile | None = None,
) -> PostPage:
    """The post on `response`, read by its site's profile (found from the URL when not given);
    `card_published` is the date its listing card showed, if any."""
    profile = profile or for_url(response.url)
    if response.status in GONE:
        return PostPage(outcome="gone", problem=f"post {post_id}: HTTP {response.status}")
    if not response.body.strip():
        return PostPage(outcome="empty_body", problem=f"post {post_id}: empty response")
    if not isinstance(response, TextResponse):
        kind = response.headers.get(b"Content-Type", b"?").decode("latin-1")
        return PostPage(outcome="not_html", problem=f"post {post_id}: not a web page ({kind})")
    if is_soft_404(response, profile):
        return PostPage(outcome="soft_404", problem=f"post {post_id}: no such post (soft 404)")
    sel = _unnested(response)
    rules = profile.selectors
    title = X.title(sel, profile)
    block, paragraphs = X.article(sel, title, profile)
    page = PostPage()
    opened = bool(paragraphs)  # the site's block was found and held at least its lead lines
    paragraphs, line_date = _strip_lead(paragraphs, title or "", profile)
    body = X.body_text(paragraphs)
    if opened and not body:  # a picture post: its block holds the date and headline alone
        page.notes.append("headline_only")
    elif title and not body:  # its publication line, too, is read as the date, not kept as text
        paragraphs, line_date = _strip_lead(
            _generic_paragraphs(response, title, profile), title, profile
        )
        body = X.body_text(paragraphs)
        block = None
        if body:
            page.notes.append("generic_extractor")
    if not title or not (body or opened):
        missing = "headline" if not title else "body text"
        outcome = "no_headline" if not title else "no_body"
        return PostPage(outcome=outcome, problem=f"post {post_id}: no {missing} found")
    if not sel.css(rules.title[0]):
        page.notes.append("fallback/title")
    site_blocks = [found.root for found in sel.css(rules.body_blocks[0])]
    if block is not None and block not in site_blocks:
        page.notes.append("fallback/body")
    published = card_published or line_date
    if published is None:
        published = X.leading_date(body)
        page.notes.append("date_from_body" if published else "no_date")
    moment = fetched_at or dt.datetime.now(dt.UTC)
    page.item = PostItem(
        source=profile.name,
        post_id=post_id,
        url=response.url,
        categories=sorted(set(categories)),
        category_name=X.category_name(sel, profile),
        title=title,
        published=published,
        body=body,
        images=X.images(sel, response.url, block, profile),
        attachments=X.attachments(sel, response.url, profile),
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
    """What a URL is on its site: listing, post, attachment, robots or page."""
    profile = for_url(url)
    if profile.category_id(url):
        return "listing"
    if profile.post_id(url) is not None:
        return "post"
    path = url.split("?", 1)[0].lower()
    if path.endswith(profile.selectors.attachment_extensions):
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
