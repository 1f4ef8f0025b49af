"""From the site's HTML to data: a listing page's cards and next page, a post page's title, body,
dates, images and attachments.

Pure functions over a parsel `Selector` (what `response.selector` is), so they are tested on
bytes without a crawl. Every field tries the site's markup first (its profile's selectors,
`scraper.profiles`; the default site's when none is given) and falls back to something generic,
because the live markup cannot be checked from here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree
from parsel import Selector
from pythainlp.util import thai_digit_to_arabic_digit

from nlp.buddhist_era import gregorian_year
from nlp.dates import find_dates
from nlp.normalize import normalize
from scraper.profiles import DEFAULT_SITE, Profile, get

_BLOCK_TAGS = {
    "p", "div", "section", "article", "blockquote", "li", "ul", "ol", "table", "tr", "td",
    "h1", "h2", "h3", "h4", "h5", "h6", "figure", "header", "footer", "nav", "aside",
}  # fmt: skip
_PARAGRAPH_TAGS = {"p", "div", "blockquote", "li", "h2", "h3", "h4", "h5", "h6"}
_INLINE_TAGS = {"a", "b", "strong", "em", "i", "u", "font", "span", "center", "small", "big"}
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b\u3000]+")
_WORD = re.compile(r"\w")


def _site(profile: Profile | None) -> Profile:
    return profile if profile is not None else get(DEFAULT_SITE)


def _iso(day: int, month: int, year: int) -> str | None:
    try:
        return dt.date(gregorian_year(year), month, day).isoformat()
    except ValueError:
        return None


def card_date(text: str | None, profile: Profile | None = None) -> str | None:
    """`23/07/2563` (a listing card's date, Buddhist era) → `2020-07-23`; None if absent/invalid."""
    form = _site(profile).card_date
    if not text or form is None:
        return None
    match = form.search(thai_digit_to_arabic_digit(text))
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    return _iso(day, month, year)


_LEAD = re.compile(r"\s*(?:เมื่อ)?\s*(?:วันที่)?\s*")


def leading_date(body: str) -> str | None:
    """The short date a post's text often opens with (`23 ก.ค.63 นาง...`) → ISO, else None.

    The date parser is the nlp pipeline's: one reading of Thai dates for the whole project.
    """
    head = normalize(body[:80]).text
    first = next(iter(find_dates(head)), None)
    if first is None or not first.days or not _LEAD.fullmatch(head[: first.start]):
        return None
    return first.days[0].isoformat()


def clean_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def clean_paragraph(text: str, profile: Profile | None = None) -> str:
    """Whitespace collapsed, furniture lines and lines without a letter or digit dropped."""
    furniture = _site(profile).furniture
    lines = (clean_line(line) for line in text.splitlines())
    return "\n".join(li for li in lines if _WORD.search(li) and not furniture.is_furniture(li))


def _excluded(el: etree._Element, p: Profile) -> bool:
    node: etree._Element | None = el
    while node is not None:
        if isinstance(node.tag, str) and node.tag.lower() in p.selectors.body_excluded_ancestors:
            return True
        node = node.getparent()
    return False


def _text(el: etree._Element) -> str:
    """An element's text with `<br>` as line breaks and scripts left out.

    Walked with a stack, not recursion: old CMS pages nest hundreds of unclosed `<font>`/`<p>`,
    deeper than Python's recursion limit.
    """
    parts: list[str] = [el.text or ""]
    children = [iter(el)]
    closing: list[tuple[str, str]] = []  # (tag, tail) of each element being walked
    while children:
        node = next(children[-1], None)
        if node is None:
            children.pop()
            if closing:
                tag, tail = closing.pop()
                parts.append("\n" if tag in _BLOCK_TAGS else "")
                parts.append(tail)
            continue
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if not tag or tag in ("script", "style", "noscript"):
            parts.append(node.tail or "")
            continue
        if tag == "br":
            parts.append("\n")
        parts.append(node.text or "")
        children.append(iter(node))
        closing.append((tag, node.tail or ""))
    return "".join(parts)


def _has_block_child(el: etree._Element) -> bool:
    return any(
        isinstance(c.tag, str) and c.tag.lower() in _BLOCK_TAGS for c in el.iterdescendants()
    )


def _paragraphs(block: etree._Element, p: Profile) -> list[str]:
    """The block's own paragraphs: its direct `<p>`-like children and loose text between them.

    A `<p>` or inline element that swallowed later paragraphs (unclosed tags in old CMS output,
    which the parser nests) is read as the paragraphs it holds: a frame of its own on a stack
    (no recursion, however deep the nesting), an inline one continuing the current paragraph.
    """
    out: list[str] = []

    def flush(loose: list[str]) -> None:
        text = clean_paragraph("".join(loose), p)
        if text:
            out.append(text)
        loose.clear()

    # Each frame: the element's children still to read, its loose text, the tail it leaves.
    frames: list[tuple[Iterator[etree._Element], list[str], str]] = [
        (iter(block), [block.text or ""], "")
    ]
    while frames:
        children, loose, _ = frames[-1]
        child = next(children, None)
        if child is None:
            flush(loose)
            _, _, tail = frames.pop()
            if frames:
                frames[-1][1][:] = [tail]
            continue
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if (tag == "p" or tag in _INLINE_TAGS) and _has_block_child(child):
            if tag == "p":
                flush(loose)
            lead = "".join(loose)  # inline: the same paragraph goes on inside it
            frames.append((iter(child), [lead, child.text or ""], child.tail or ""))
        elif tag in _PARAGRAPH_TAGS and (tag == "p" or not _has_block_child(child)):
            flush(loose)
            text = clean_paragraph(_text(child), p)
            if text:
                out.append(text)
            loose.append(child.tail or "")
        elif tag == "br" and not clean_line("".join(loose).rsplit("\n", 1)[-1]):
            flush(loose)  # <br><br>: a paragraph break in pages written without <p>
            loose.append(child.tail or "")
        elif tag == "br" or tag in _INLINE_TAGS:
            loose.append("\n" if tag == "br" else _text(child))
            loose.append(child.tail or "")
        else:
            flush(loose)
            loose.append(child.tail or "")
    return out


def _best_block(
    sel: Selector, queries: Iterable[str], headline: str | None, p: Profile
) -> tuple[int, etree._Element | None, list[str]]:
    best: tuple[int, etree._Element | None, list[str]] = (0, None, [])
    for query in queries:
        for candidate in sel.css(query):
            el = candidate.root
            if not isinstance(el, etree._Element) or _excluded(el, p):
                continue
            paragraphs = [t for t in _paragraphs(el, p) if t != headline]
            score = sum(len(t) for t in paragraphs)
            if score > best[0]:
                best = (score, el, paragraphs)
    return best


def article(
    sel: Selector, headline: str | None = None, profile: Profile | None = None
) -> tuple[etree._Element | None, list[str]]:
    """The element holding the article and its paragraphs (the headline is not one of them): the
    site's block with the most paragraph text, unless one of its fallback blocks holds far more
    (markup that differs)."""
    p = _site(profile)
    site_score, block, paragraphs = _best_block(sel, p.selectors.body_blocks, headline, p)
    any_score, any_block, any_paragraphs = _best_block(
        sel, p.selectors.body_fallback_blocks, headline, p
    )
    if any_score > 2 * site_score:
        return any_block, any_paragraphs
    return block, paragraphs


def body_text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def _texts(sel: Selector, queries: Iterable[str]) -> Iterable[tuple[str, str]]:
    for query in queries:
        for found in sel.css(query):
            root = found.root
            text = clean_line((root if isinstance(root, str) else _text(root)).replace("\n", " "))
            if text:
                yield query, text


def title(sel: Selector, profile: Profile | None = None) -> str | None:
    """The headline, skipping candidates that are the site's own name (a logo in an `<h1>`)."""
    p = _site(profile)
    rules = p.selectors
    for query, text in _texts(sel, rules.title):
        if query.startswith(("meta", "title")):
            if rules.title_site_suffix:
                text = text.split(rules.title_site_suffix)[0].strip()
            prefix = next((x for x in rules.title_prefix if text.startswith(x)), "")
            text = text.removeprefix(prefix).strip()
        if text and not p.furniture.is_furniture(text):
            return text
    return None


def category_name(sel: Selector, profile: Profile | None = None) -> str | None:
    return next((text for _, text in _texts(sel, _site(profile).selectors.category)), None)


#: The only URLs a page can send the crawl to or the archive can store.
WEB_SCHEMES = ("http", "https")


def web_url(base_url: str, href: str | None) -> str | None:
    """`href` made absolute; None for a fragment or what no crawl can fetch (`javascript:`,
    `mailto:`, `data:`), so one such link is skipped rather than followed or stored."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    url = urljoin(base_url, href)
    return url if urlsplit(url).scheme.lower() in WEB_SCHEMES else None


def _absolute(base_url: str, hrefs: Iterable[str]) -> list[str]:
    out: list[str] = []
    for href in hrefs:
        url = web_url(base_url, href)
        if url is not None and url not in out:
            out.append(url)
    return out


def images(
    sel: Selector,
    base_url: str,
    block: etree._Element | None = None,
    profile: Profile | None = None,
) -> list[str]:
    """Photo URLs, the carousel's active (first) photo first; else og:image, else the article's."""
    rules = _site(profile).selectors
    found = _absolute(base_url, (src for q in rules.images for src in sel.css(q).getall()))
    if not found:
        fallback = rules.images_fallback
        found = _absolute(base_url, (s for q in fallback for s in sel.css(q).getall()))
    if not found and block is not None:
        found = _absolute(base_url, block.xpath(".//img/@src"))
    return found


def attachments(sel: Selector, base_url: str, profile: Profile | None = None) -> list[str]:
    """Links to files (PDF, Word, Excel, zip) anywhere outside the page's header, nav and footer."""
    p = _site(profile)
    hrefs = []
    for link in sel.xpath("//a[@href]"):
        if _excluded(link.root, p):
            continue
        href = link.attrib["href"]
        if urlsplit(href).path.lower().endswith(p.selectors.attachment_extensions):
            hrefs.append(href)
    return _absolute(base_url, hrefs)


# --- URLs and listing pages ---------------------------------------------------------------------


def post_id(url: str, profile: Profile | None = None) -> int | None:
    """`.../news/detail/3345-ผู้ตรวจ...` → 3345: the id alone identifies a post, the slug may change."""
    return _site(profile).post_id(url)


def category_id(url: str, profile: Profile | None = None) -> str | None:
    return _site(profile).category_id(url)


#: The largest post id the archive can hold (PostgreSQL's INTEGER; SQLite's is larger): a card
#: beyond it is skipped, lest one bad card make the whole listing fail in the database.
MAX_POST_ID = 2**31 - 1


@dataclass(frozen=True)
class Card:
    url: str
    post_id: int
    published: str | None  # ISO, from the card's Buddhist-era date
    title: str | None = None  # the headline as the card shows it (may be shortened)


def _card_published(
    link: etree._Element, base_url: str, p: Profile, ids_under: dict[etree._Element, set[int]]
) -> str | None:
    """The date of the card around `link`: found in the innermost ancestor that still holds this
    post's links only (a card without a date must not borrow its neighbour's).

    `ids_under` keeps each ancestor's post ids for the page's other cards: the list that holds
    every card is read once, not once per card (4,000 undated cards were minutes).
    """
    own = p.post_id(urljoin(base_url, link.get("href", "")))
    for ancestor in link.iterancestors():
        ids = ids_under.get(ancestor)
        if ids is None:
            hrefs = ancestor.xpath(".//a/@href")
            ids = ids_under[ancestor] = {p.post_id(urljoin(base_url, h)) for h in hrefs} - {None}
        if len(ids) > 1 or (ids and own not in ids):
            return None
        for query in p.selectors.card_date:
            found = card_date(" ".join(ancestor.xpath(query)), p)
            if found:
                return found
    return None


def cards(sel: Selector, base_url: str, profile: Profile | None = None) -> list[Card]:
    """The posts a listing page links to, in page order, each once."""
    p = _site(profile)
    for query in p.selectors.card_link:
        found: dict[int, Card] = {}
        ids_under: dict[etree._Element, set[int]] = {}
        for link in sel.css(query):
            url = web_url(base_url, link.attrib.get("href"))
            pid = p.post_id(url) if url else None
            if url is None or pid is None:
                continue
            text = clean_line(_text(link.root).replace("\n", " ")) or None
            if pid not in found:
                found[pid] = Card(
                    url, pid, _card_published(link.root, base_url, p, ids_under), text
                )
            elif found[pid].title is None and text:  # a photo's link first, then the headline's
                found[pid] = Card(found[pid].url, pid, found[pid].published, text)
        if found:
            return list(found.values())
    return []


def next_page(sel: Selector, base_url: str, profile: Profile | None = None) -> str | None:
    """The next listing page: the pager's last item, unless it is disabled or points here."""
    rules = _site(profile).selectors
    for query in rules.pagination_items:
        items = sel.css(query)
        if not items:
            continue
        last = items[-1]
        url = web_url(base_url, last.css("a::attr(href)").get())
        if "disabled" in (last.attrib.get("class") or "") or url is None:
            return None
        return None if url == base_url else url
    for query in rules.next_page_fallback:
        url = web_url(base_url, sel.css(query).get())
        if url is not None and url != base_url:
            return url
    return None


def category_links(sel: Selector, base_url: str, profile: Profile | None = None) -> list[str]:
    """Links to category listings (`/news/{id}`) on a hub page such as `/news/`."""
    p = _site(profile)
    urls: list[str] = []
    for href in sel.xpath("//a/@href").getall():
        url = urljoin(base_url, href.strip())
        if p.category_id(url) and url not in urls:
            urls.append(url)
    return urls
