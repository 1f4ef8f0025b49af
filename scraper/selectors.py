"""Everything the spider knows about www.mdes.go.th's markup and URLs, in one table.

Each entry is a list tried in order: the first is what `site-notes.md` reports for the live site,
the rest are fallbacks for markup that differs (a redesign, an older page, a copy elsewhere).
Change a selector here and nowhere else.
"""

from __future__ import annotations

import re

# --- listing pages ------------------------------------------------------------------------------

#: Links to posts on a listing page, one per card (any link whose URL is a post's, failing that).
CARD_LINK = [".card-title-news a", ".card-title a", "a[href]"]

#: XPath, from the element that encloses one card and no other: its date, `dd/mm/yyyy` (BE).
CARD_DATE = [
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' date-news ')]//text()",
    ".//time/@datetime",
    ".//time//text()",
]

#: The pager; the site puts the next-page link in the last item.
PAGINATION_ITEMS = [".pagination > li", "ul.pagination li", "nav[aria-label] li"]
NEXT_PAGE_FALLBACK = [
    "a[rel='next']::attr(href)",
    "link[rel='next']::attr(href)",
]

# --- post pages ---------------------------------------------------------------------------------

#: The headline; og:title and <title> may end in " | <site name>", which is cut off.
TITLE = [
    ".title-page",
    "meta[property='og:title']::attr(content)",
    "h1",
    "title",
]
TITLE_SITE_SUFFIX = " | "

#: The blocks that may hold the article; the one with the most paragraph text wins.
BODY_BLOCKS = [".col-12", "article", ".content", ".detail", "main"]
#: Any block at all, for markup that differs: used when it holds far more text than the above.
BODY_FALLBACK_BLOCKS = ["div", "section", "td", "body"]
#: Never the article, whatever their text: page furniture.
BODY_EXCLUDED_ANCESTORS = ("footer", "header", "nav", "script", "style", "noscript")

#: Photos: the carousel (its active item first); else the page's og:image.
IMAGES = [
    ".carousel-item.active img::attr(src)",
    ".carousel-item img::attr(src)",
]
IMAGES_FALLBACK = ["meta[property='og:image']::attr(content)"]

CATEGORY_TAB = [
    ".nav-item.active a::text",
    ".nav-item.active::text",
    ".nav-link.active::text",
]

#: Lines that are page furniture wherever they turn up (site-notes.md, seed/): a line containing
#: one of the first is dropped, a line equal to one of the second (ignoring case) too.
BOILERPLATE_FRAGMENTS = (
    "ตัวช่วยเหลือในการเข้าถึงเว็บไซต์",
    "จำนวนผู้เยี่ยมชมเว็บไซต์",
    "WCAG 2.0",
    "icon-sitemap",
    "อาคารรัฐประศาสนภักดี",
    "ศูนย์ราชการเฉลิมพระเกียรติ 80 พรรษา",
)
BOILERPLATE_LINES = (
    "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
    "ministry of digital economy and society",
    "logo de ministry. กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
    "ติดตามข่าวสาร",
    "loading...",
    "facebook",
    "instagram",
    "twitter",
    "youtube",
    "rss",
)

#: Links in the article that are files rather than pages.
ATTACHMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip")

# --- URLs ---------------------------------------------------------------------------------------

SITE = "https://www.mdes.go.th"
#: News categories seen on the live site (site-notes.md); 7 is job announcements.
CATEGORIES = ["3", "7", "8", "9", "109", "115", "116", "119", "120"]

#: URL paths (percent-decoded): a post is `/news/detail/{id}-{slug}`, a category `/news/{id}`.
POST_PATH = re.compile(r"/news/detail/(\d+)(?:-[^/]*)?/?$")
CATEGORY_PATH = re.compile(r"/news/(\d+)/?$")
CARD_DATE_TEXT = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def category_url(base: str, category: str) -> str:
    return f"{base.rstrip('/')}/news/{category}"
