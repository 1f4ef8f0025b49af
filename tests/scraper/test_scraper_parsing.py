"""Parsing without a crawl: the spider's callbacks on pages built from bytes (the mirror's pages,
and markup that differs from it: other layouts, windows-874, broken HTML, empty pages)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from scraper import extract_html as X
from scraper.items import ListingItem, PostItem
from scraper.mirror.posts import Post, by_role, posts
from scraper.mirror.site import listing, page_count, site
from scraper.pipelines import post_failed
from scraper.spiders.news import NewsSpider, plan_start_urls
from tests.scraper.furniture import BOILERPLATE

BASE = "http://mirror.test"


def mirror_response(path: str) -> HtmlResponse:
    page = site().resolve(path)
    return HtmlResponse(
        BASE + path,
        status=page.status,
        body=page.render(BASE),
        headers={"Content-Type": page.content_type},
        request=Request(BASE + path),
    )


def html_response(url: str, body: bytes, content_type: str = "text/html; charset=utf-8"):
    return HtmlResponse(url, body=body, headers={"Content-Type": content_type})


@pytest.fixture
def spider() -> NewsSpider:
    crawler = get_crawler(NewsSpider, {"ITEM_PIPELINES": {}})
    return NewsSpider.from_crawler(crawler, site="mdes", start_url=f"{BASE}/news/")


@pytest.fixture
def failures(spider: NewsSpider) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []

    def record(url: str, status: int | None, reason: str, **_: Any) -> None:
        seen.append({"url": url, "status": status, "reason": reason})

    spider.crawler.signals.connect(record, signal=post_failed, weak=False)
    return seen


def parse_post(spider: NewsSpider, response: HtmlResponse, post_id: int) -> list[PostItem]:
    return list(spider.parse_post(response, post_id))


def stat(spider: NewsSpider, key: str) -> int:
    return spider.crawler.stats.get_value(f"ministry_news/{key}", 0)


def flat(text: str) -> str:
    return " ".join(text.split())


# --- the mirror's pages -------------------------------------------------------------------------

STORED = [p for p in posts() if p.stored]


@pytest.mark.parametrize("post", STORED, ids=lambda p: str(p.id))
def test_every_mirror_post_parses_to_its_text(spider: NewsSpider, post: Post) -> None:
    [item] = parse_post(spider, mirror_response(post.path), post.id)
    assert item["title"] == post.title
    paragraphs = item["body"].split("\n\n")
    assert len(paragraphs) == len(post.paragraphs)
    if post.broken_html:  # a <br> inside a paragraph is kept as a line break
        assert [flat(p) for p in paragraphs] == [flat(p) for p in post.paragraphs]
    else:
        assert paragraphs == list(post.paragraphs)
    assert not [b for b in BOILERPLATE if b in item["body"]]
    assert item["images"][0] == f"{BASE}/uploads/news/{post.id}/1.png"  # the active slide first
    assert len(item["images"]) == post.images
    expected_files = [f"{BASE}/uploads/files/{post.attachment}"] if post.attachment else []
    assert item["attachments"] == expected_files
    assert item["post_id"] == post.id
    assert re.fullmatch(r"[0-9a-f]{64}", item["content_hash"])


def test_the_seed_post_keeps_its_paragraphs_and_drops_spacers(spider: NewsSpider) -> None:
    seed = by_role("seed")
    [item] = parse_post(spider, mirror_response(seed.path), seed.id)
    assert item["body"].startswith("23 ก.ค.63 นางปิยนุช วุฒิสอน ผู้ตรวจราชการ")
    assert item["body"].count("\n\n") == 3  # four paragraphs, no empty ones between them
    assert item["body"].endswith("เพื่อให้เกิดความยั่งยืนต่อไป")
    assert item["category_name"] == "ข่าวผู้ตรวจราชการกระทรวง"


@pytest.mark.parametrize("category", ["119", "115", "3", "7"])
def test_listing_pages_give_every_card_with_its_date_and_the_next_page(category: str) -> None:
    expected = listing(category)
    seen: list[X.Card] = []
    url: str | None = f"{BASE}/news/{category}"
    pages = 0
    while url:
        response = mirror_response(url.removeprefix(BASE))
        seen += X.cards(response.selector, response.url)
        url = X.next_page(response.selector, response.url)
        pages += 1
    assert pages == page_count(category)
    assert [c.post_id for c in seen] == [p.id for p in expected]
    for card, post in zip(seen, expected, strict=True):
        assert card.published == (post.published.isoformat() if post.card_date else None)
        assert X.post_id(card.url) == post.id
        assert card.url.startswith(f"{BASE}/news/detail/{post.id}-")


def test_a_card_without_date_does_not_borrow_its_neighbours() -> None:
    post = by_role("no card date")
    category = post.categories[0]
    index = [p.id for p in listing(category)].index(post.id)
    response = mirror_response(f"/news/{category}?page={index // 10 + 1}")
    [card] = [c for c in X.cards(response.selector, response.url) if c.post_id == post.id]
    assert card.published is None


def test_a_listing_of_thousands_of_undated_cards_is_read_in_one_pass() -> None:
    """Each undated card climbed to the list of all cards and read all of them again: 4,000
    cards took minutes. The bound is loose (a loaded machine reads it in about a second)."""
    import time

    n = 4000
    cards_html = "".join(
        f'<div class="card"><h5 class="card-title-news"><a href="/news/detail/{i}-x">ข่าว {i}</a>'
        f"</h5></div>"
        for i in range(1, n + 1)
    )
    dated = '<div class="card"><h5 class="card-title-news"><a href="/news/detail/9999-x">มีวันที่</a></h5><span class="date-news">23/07/2563</span></div>'
    html = f"<html><body><div class='list'>{dated}{cards_html}</div></body></html>"
    response = html_response(f"{BASE}/news/119", html.encode())
    started = time.monotonic()
    found = X.cards(response.selector, response.url)
    assert time.monotonic() - started < 30
    assert len(found) == n + 1
    assert found[0].published == "2020-07-23"
    assert all(c.published is None for c in found[1:])


# --- markup that differs ------------------------------------------------------------------------

BODY = "<p>วันที่ 5 พฤศจิกายน 2565 นายทดสอบ ระบบดี ลงพื้นที่จังหวัดน่าน</p><p>&nbsp;</p><p>ย่อหน้าที่สอง</p>"


def test_headline_from_og_title_when_there_is_no_title_page(spider: NewsSpider) -> None:
    html = f"""<html><head><meta property="og:title" content="หัวข่าวจาก og | กระทรวง">
    <title>ชื่อหน้า | กระทรวง</title></head><body>
    <h1>กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม</h1><article>{BODY}</article></body></html>"""
    response = html_response(f"{BASE}/news/detail/11-x", html.encode())
    [item] = parse_post(spider, response, 11)
    assert item["title"] == "หัวข่าวจาก og"
    assert item["body"] == ("วันที่ 5 พฤศจิกายน 2565 นายทดสอบ ระบบดี ลงพื้นที่จังหวัดน่าน\n\nย่อหน้าที่สอง")
    assert stat(spider, "fallback/title") == 1


def test_headline_from_h1_skips_the_logo_h1(spider: NewsSpider) -> None:
    html = f"""<html><body><header><h1>กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม</h1></header>
    <div class="container"><h1>ข่าวที่ไม่มี title-page</h1><div class="col-12">{BODY}</div></div>
    </body></html>"""
    [item] = parse_post(spider, html_response(f"{BASE}/news/detail/12-x", html.encode()), 12)
    assert item["title"] == "ข่าวที่ไม่มี title-page"


def test_body_from_the_largest_text_block_when_the_columns_differ(spider: NewsSpider) -> None:
    paragraphs = [f"ย่อหน้า {n} " + "ข้อความข่าวที่ยาวพอสมควร " * 8 for n in range(4)]
    html = f"""<html><body><h2 class="title-page">ข่าว</h2>
    <div class="col-12"><p>แชร์ข่าวนี้</p></div>
    <div id="content"><div class="text">{"".join(f"<p>{p}</p>" for p in paragraphs)}</div></div>
    <div class="footer"><p>120 หมู่ 3 ชั้น 6-9 อาคารรัฐประศาสนภักดี</p></div></body></html>"""
    [item] = parse_post(spider, html_response(f"{BASE}/news/detail/13-x", html.encode()), 13)
    assert item["body"].split("\n\n") == [p.strip() for p in paragraphs]
    assert stat(spider, "fallback/body") == 1


def test_paragraphs_written_with_br_instead_of_p(spider: NewsSpider) -> None:
    html = """<html><body><h3 class="title-page">ข่าว</h3><div class="col-12">
    ย่อหน้าแรก<br><br>&nbsp; ย่อหน้าที่สอง <b>ตัวหนา</b><br>บรรทัดที่สอง<br />
    <br>ย่อหน้าที่สาม</div></body></html>"""
    [item] = parse_post(spider, html_response(f"{BASE}/news/detail/20-x", html.encode()), 20)
    assert item["body"] == "ย่อหน้าแรก\n\nย่อหน้าที่สอง ตัวหนา\nบรรทัดที่สอง\n\nย่อหน้าที่สาม"


def test_windows_874_page_with_charset_only_in_a_meta_tag(spider: NewsSpider) -> None:
    html = f"""<html><head>
    <meta http-equiv="Content-Type" content="text/html; charset=windows-874"></head><body>
    <h3 class="title-page">ผู้ตรวจราชการฯ ลงพื้นที่จังหวัดสุโขทัย</h3>
    <div class="col-12">{BODY}</div></body></html>"""
    response = html_response(f"{BASE}/news/detail/14-x", html.encode("cp874"), "text/html")
    [item] = parse_post(spider, response, 14)
    assert item["title"] == "ผู้ตรวจราชการฯ ลงพื้นที่จังหวัดสุโขทัย"
    assert item["body"].startswith("วันที่ 5 พฤศจิกายน 2565 นายทดสอบ")
    assert item["encoding"] in ("cp874", "windows-874")


def test_broken_html_with_unclosed_tags_still_gives_the_post(spider: NewsSpider) -> None:
    html = b"""<html><body><h3 class="title-page">\xe0\xb8\x82\xe0\xb9\x88\xe0\xb8\xb2\xe0\xb8\xa7
    <div class="col-12"><p><font face="Tahoma">first paragraph<b>bold<p>second paragraph
    <div class="col-12"><p>&nbsp;<p>third paragraph"""
    [item] = parse_post(spider, html_response(f"{BASE}/news/detail/15-x", html), 15)
    assert item["title"].startswith("ข่าว")
    assert "first paragraph" in item["body"] and "second paragraph" in item["body"]


def test_empty_body_is_counted_and_reported_not_yielded(
    spider: NewsSpider, failures: list[dict[str, Any]]
) -> None:
    html = '<html><body><h3 class="title-page">หัวข่าว</h3><div class="col-12"><p>&nbsp;</p></div>'
    url = f"{BASE}/news/detail/16-x"
    assert parse_post(spider, html_response(url, html.encode()), 16) == []
    assert stat(spider, "failed") == 1
    assert failures == [{"url": url, "status": 200, "reason": "post 16: no body text found"}]


def test_missing_headline_is_counted_and_reported_not_yielded(
    spider: NewsSpider, failures: list[dict[str, Any]]
) -> None:
    html = f"<html><body><div class='col-12'>{BODY}</div></body></html>"
    assert parse_post(spider, html_response(f"{BASE}/news/detail/17-x", html.encode()), 17) == []
    assert [f["reason"] for f in failures] == ["post 17: no headline found"]


def test_404_post_is_reported_as_failed(spider: NewsSpider, failures: list[dict[str, Any]]) -> None:
    missing = by_role("404")
    response = mirror_response(missing.path)
    assert response.status == 404
    assert parse_post(spider, response, missing.id) == []
    assert failures[0]["status"] == 404 and stat(spider, "failed") == 1


# --- dates --------------------------------------------------------------------------------------


def test_card_dates_are_converted_from_the_buddhist_era() -> None:
    assert X.card_date("23/07/2563") == "2020-07-23"
    assert X.card_date(" \n 01/01/2500 ") == "1957-01-01"
    assert X.card_date("๒๓/๐๗/๒๕๖๓") == "2020-07-23"
    assert X.card_date("31/02/2563") is None
    assert X.card_date("") is None


@pytest.mark.parametrize(
    ("body", "iso"),
    [
        ("23 ก.ค.63 นางปิยนุช", "2020-07-23"),
        ("๑๖ มีนาคม ๒๕๖๓ ผู้ตรวจ", "2020-03-16"),
        ("เมื่อวันที่ 5 พฤศจิกายน 2565 นาย", "2022-11-05"),
        ("นายสมชาย ลงพื้นที่ 5 พ.ย. 65", None),  # not at the start: a date inside the text
        ("ปีงบประมาณ 2565", None),
    ],
)
def test_leading_date_of_a_body(body: str, iso: str | None) -> None:
    assert X.leading_date(body) == iso


def test_published_falls_back_to_the_bodys_leading_date(spider: NewsSpider) -> None:
    html = """<html><body><h3 class="title-page">ข่าว</h3>
    <div class="col-12"><p>๒๓ ก.ค. ๖๓ นายทดสอบ ระบบดี ลงพื้นที่</p></div></body></html>"""
    [item] = parse_post(spider, html_response(f"{BASE}/news/detail/18-x", html.encode()), 18)
    assert item["published"] == "2020-07-23"
    html = html.replace("๒๓ ก.ค. ๖๓ ", "")
    [item] = parse_post(spider, html_response(f"{BASE}/news/detail/19-x", html.encode()), 19)
    assert item["published"] is None
    assert stat(spider, "date_from_body") == 1 and stat(spider, "no_date") == 1


# --- requests: one per post, whatever the listings ----------------------------------------------


def listing_output(spider: NewsSpider, post: Post, category: str) -> list[Request | ListingItem]:
    """What the spider makes of the listing page that shows `post` under `category`."""
    page = [p.id for p in listing(category)].index(post.id) // 10 + 1
    response = mirror_response(f"/news/{category}?page={page}")
    return [
        r
        for r in spider.parse_listing(response)
        if (r["post_id"] if isinstance(r, ListingItem) else X.post_id(r.url)) == post.id
    ]


def test_a_post_in_two_categories_is_one_request_and_one_item_with_both(
    spider: NewsSpider,
) -> None:
    post = by_role("two categories")
    assert len(listing_output(spider, post, "119")) == 1
    assert listing_output(spider, post, "3") == []  # requested already
    [item] = parse_post(spider, mirror_response(post.path), post.id)
    assert item["categories"] == ["119", "3"]


def test_a_listing_seen_after_the_post_was_fetched_only_adds_its_category(
    spider: NewsSpider,
) -> None:
    post = by_role("two categories")
    [first] = listing_output(spider, post, "119")
    assert isinstance(first, Request)
    [item] = parse_post(spider, mirror_response(post.path), post.id)
    assert item["categories"] == ["119"]
    [again] = listing_output(spider, post, "3")  # no second request for the page
    assert isinstance(again, ListingItem) and dict(again) == {
        "source": "mdes",
        "post_id": post.id,
        "category": "3",
    }
    assert listing_output(spider, post, "3") == []  # a third sighting adds nothing


def test_start_urls_default_to_the_live_sites_categories() -> None:
    urls = plan_start_urls()
    assert "https://www.mdes.go.th/news/119" in urls and len(urls) >= 3
    assert plan_start_urls("http://127.0.0.1:8123/news/119, http://127.0.0.1:8123/news/3") == [
        "http://127.0.0.1:8123/news/119",
        "http://127.0.0.1:8123/news/3",
    ]
    assert plan_start_urls("http://127.0.0.1:8123/", "119,3") == [
        "http://127.0.0.1:8123/news/119",
        "http://127.0.0.1:8123/news/3",
    ]
    assert plan_start_urls(None, ["115"]) == ["https://www.mdes.go.th/news/115"]
    with pytest.raises(ValueError, match="not an http"):
        plan_start_urls("www.mdes.go.th/news/119")
    with pytest.raises(ValueError, match="category"):
        plan_start_urls(None, "ข่าว")


# --- links no crawl can follow --------------------------------------------------------------------

NOT_WEB = b"""<html><body><h1 class="title-page">Title</h1>
<div class="col-12"><p>A paragraph of the post that is long enough to be its body text.</p>
<div class="carousel-item active"><img src="javascript:alert(1)"><img src="data:image/png;base64,AA"><img src="mailto:a@b.jpg">
<img src="/photo.jpg"></div>
<a href="mailto:files@example.org/report.pdf">mail</a>
<a href="javascript:window.open('/x.pdf')">js</a><a href="/files/later.pdf">file</a>
<a href="javascript:open('/news/detail/5')">js card</a><a href="mailto:a@b/news/detail/6">mail</a>
<a href="/news/detail/7">a card after them</a></div>
<ul class="pagination"><li><a href="javascript:next()">next</a></li></ul></body></html>"""


def test_javascript_and_mailto_cards_and_next_page_are_skipped_not_the_rest(
    spider: NewsSpider,
) -> None:
    out = list(spider.parse_listing(html_response(f"{BASE}/news/119", NOT_WEB)))
    assert [r.url for r in out] == [f"{BASE}/news/detail/7"]


def test_non_http_images_and_attachments_are_dropped_not_the_later_ones(
    spider: NewsSpider,
) -> None:
    [item] = parse_post(spider, html_response(f"{BASE}/news/detail/7", NOT_WEB), 7)
    assert item["images"] == [f"{BASE}/photo.jpg"]
    assert item["attachments"] == [f"{BASE}/files/later.pdf"]


def test_a_card_whose_post_id_the_archive_cannot_hold_is_skipped_and_counted(
    spider: NewsSpider,
) -> None:
    body = f'<a href="/news/detail/{2**63}">huge</a><a href="/news/detail/{2**31}">big</a>'
    body += '<a href="/news/detail/7">fine</a>'
    out = list(spider.parse_listing(html_response(f"{BASE}/news/119", body.encode())))
    assert [r.url for r in out] == [f"{BASE}/news/detail/7"]
    assert stat(spider, "outcome/post_id_out_of_range") == 2


# --- markup deeper than Python's recursion limit -------------------------------------------------


def unclosed_cms_page(paragraphs: int) -> bytes:
    """The old CMS's style: every paragraph opens a `<font>` and a `<p>` and closes neither, so
    the parser nests them `paragraphs` × 2 deep."""
    body = "".join(
        f'<font face="Tahoma" size="2"><p>ย่อหน้าที่ {n} การตรวจเยี่ยมศูนย์ดิจิทัลชุมชน'
        for n in range(paragraphs)
    )
    return (
        '<html><body><h3 class="title-page">ข่าวจากระบบเก่า</h3>'
        f'<div class="col-12">{body}</div></body></html>'
    ).encode()


@pytest.mark.parametrize("n", [500, 3000])  # 3000: past libxml2's depth limit, nested
def test_hundreds_of_unclosed_font_and_p_tags_give_the_whole_post(
    spider: NewsSpider, n: int
) -> None:
    url = f"{BASE}/news/detail/17-x"
    [item] = parse_post(spider, html_response(url, unclosed_cms_page(n)), 17)
    paragraphs = item["body"].split("\n\n")
    assert len(paragraphs) == n
    assert paragraphs[0].startswith("ย่อหน้าที่ 0 ")
    assert paragraphs[-1].startswith(f"ย่อหน้าที่ {n - 1} ")
