"""The mirror is faithful to what site-notes.md says of www.mdes.go.th, over real HTTP, and its
ground truth agrees with its own text and with the gazetteer."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from urllib.parse import quote
from urllib.robotparser import RobotFileParser

import geothai
import pytest

from scraper.mirror.posts import CATEGORIES, by_role, posts
from scraper.mirror.site import Site, listing, page_count
from scraper.settings import USER_AGENT

FURNITURE = [
    "ตัวช่วยเหลือในการเข้าถึงเว็บไซต์",
    "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
    "Ministry of Digital Economy and Society",
    "WCAG 2.0 (Level AA)",
    'จำนวนผู้เยี่ยมชมเว็บไซต์ <span id="counter">Loading...</span>',
    "120 หมู่ 3 ชั้น 6-9 อาคารรัฐประศาสนภักดี ศูนย์ราชการเฉลิมพระเกียรติ 80 พรรษา 5 ธันวาคม 2550 "
    "ถนนแจ้งวัฒนะ แขวงทุ่งสองห้อง เขตหลักสี่ กรุงเทพฯ 10210",
    ">facebook<",
    ">instagram<",
    ">twitter<",
    ">youtube<",
    ">rss<",
]


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_size_and_shape_as_asked() -> None:
    stored = [p for p in posts() if p.stored]
    assert len(stored) >= 60
    assert len(CATEGORIES) >= 3
    assert sum(page_count(c) for c in CATEGORIES) >= 5
    roles = Counter(p.extra.get("role") for p in posts())
    for role in ("seed", "no card date", "two categories", "pdf", "404", "windows-874"):
        assert roles[role] >= 1, role
    ids = [p.id for p in posts()]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)  # rising with time, as on the site
    assert [p.published for p in posts()] == sorted(p.published for p in posts())


def test_pages_are_generated_deterministically() -> None:
    one, two = Site(), Site()
    assert one.listings.keys() == two.listings.keys()
    for key, page in one.listings.items():
        assert page.render("http://x") == two.listings[key].render("http://x")
    for key, page in one.post_pages.items():
        assert page.render("http://x") == two.post_pages[key].render("http://x")


def test_robots_txt_allows_everything(mirror: str) -> None:
    status, _, body = get(f"{mirror}/robots.txt")
    robots = RobotFileParser()
    robots.parse(body.decode().splitlines())
    assert status == 200
    assert robots.can_fetch(USER_AGENT, f"{mirror}/news/detail/{posts()[0].id}-x")


def test_listing_pages_carry_cards_dates_and_pagination(mirror: str) -> None:
    status, headers, body = get(f"{mirror}/news/119")
    html = body.decode()
    assert status == 200 and "charset=utf-8" in headers["Content-Type"]
    assert html.count('class="card-title-news"') == 10
    assert len(re.findall(r'class="col date-news">.*?\d{2}/\d{2}/25\d\d<', html)) >= 9
    last = page_count("119")
    status, _, body = get(f"{mirror}/news/119?page={last}")
    [pager] = re.findall(r'<ul class="pagination[^"]*">(.*?)</ul>', body.decode(), re.S)
    items = re.findall(r"<li .*?</li>", pager)
    assert status == 200 and len(items) == last + 2
    assert "disabled" in items[-1] and "href" not in items[-1]  # no next page after the last
    [pager] = re.findall(r'<ul class="pagination[^"]*">(.*?)</ul>', html, re.S)
    assert "/news/119?page=2" in re.findall(r"<li .*?</li>", pager)[-1]  # the last li: next
    assert get(f"{mirror}/news/119?page={last + 1}")[0] == 404


def test_cards_link_posts_in_every_form(mirror: str) -> None:
    hrefs = []
    for category in CATEGORIES:
        for n in range(1, page_count(category) + 1):
            html = get(f"{mirror}/news/{category}?page={n}")[2].decode()
            hrefs += re.findall(r'class="card-title-news"><a href="([^"]+)"', html)
    assert any(h.startswith("/news/detail/") for h in hrefs)
    assert any(h.startswith("detail/") for h in hrefs)
    assert any(h.startswith(f"{mirror}/news/detail/") for h in hrefs)
    seed = by_role("seed")
    assert any(h.endswith(f"detail/{seed.id}-{quote(seed.slug)}") for h in hrefs)
    two = by_role("two categories")
    assert sum(f"/{two.id}-" in h for h in hrefs) == 2
    missing = by_role("404")
    assert sum(f"/{missing.id}-" in h for h in hrefs) == 1


def test_post_pages_carry_the_article_and_all_the_furniture(mirror: str) -> None:
    seed = by_role("seed")
    status, _, body = get(f"{mirror}/news/detail/{seed.id}-{quote(seed.slug)}")
    html = body.decode()
    assert status == 200
    assert f'<h3 class="title-page">{seed.title}</h3>' in html
    assert '<div class="carousel-item active"><img' in html
    assert html.count('class="carousel-item') == seed.images
    assert '<li class="nav-item active"><a class="nav-link" href="/news/119">' in html
    assert "<p>23 ก.ค.63 นางปิยนุช วุฒิสอน" in html
    assert html.count("<p>&nbsp;</p>") >= 3
    assert not [f for f in FURNITURE if f not in html]
    assert get(f"{mirror}/news/detail/{seed.id}")[0] == 200  # the slug may change, the id not
    assert get(f"{mirror}/news/detail/{seed.id}-another-slug")[0] == 200


def test_share_links_carry_the_posts_own_address(mirror: str) -> None:
    seed = by_role("seed")
    _, _, body = get(f"{mirror}/news/detail/{seed.id}")
    html = body.decode()
    assert "BASE" not in html and "%40%40" not in html
    assert quote(f"{mirror}/news/detail/{seed.id}", safe="") in html


def test_the_listed_404_post_answers_404_with_the_sites_page(mirror: str) -> None:
    missing = by_role("404")
    status, _, body = get(f"{mirror}/news/detail/{missing.id}-{quote(missing.slug)}")
    assert status == 404 and "ตัวช่วยเหลือในการเข้าถึงเว็บไซต์" in body.decode()


def test_an_old_page_in_windows_874_declares_it_only_in_a_meta_tag(mirror: str) -> None:
    post = by_role("windows-874")
    status, headers, body = get(f"{mirror}/news/detail/{post.id}")
    assert status == 200 and headers["Content-Type"] == "text/html"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    html = body.decode("cp874")
    assert 'content="text/html; charset=windows-874"' in html and post.title in html


def test_the_attachment_is_a_pdf_and_photos_are_images(mirror: str) -> None:
    post = by_role("pdf")
    html = get(f"{mirror}/news/detail/{post.id}")[2].decode()
    assert f'href="/uploads/files/{post.attachment}"' in html
    status, headers, pdf = get(f"{mirror}/uploads/files/{post.attachment}")
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    xref = int(pdf.rsplit(b"startxref", 1)[1].split()[0])
    assert pdf[xref:].startswith(b"xref")
    status, headers, png = get(f"{mirror}/uploads/news/{post.id}/1.png")
    assert status == 200 and png.startswith(b"\x89PNG\r\n\x1a\n")


def test_ground_truth_agrees_with_the_text_and_the_gazetteer() -> None:
    provinces = {p.name_th: p.code for p in geothai.provinces()}
    for post in posts():
        if post.extra.get("role") == "seed":
            continue  # written as the real post spells it (ราวต้นจันทน์; the gazetteer: -จันทร์)
        text = "\n".join(post.paragraphs)
        truth = post.truth
        for name, _position in truth.officials:
            assert name in text, (post.id, name)
        for site_name in truth.sites:
            assert site_name in text, (post.id, site_name)
        for province in truth.provinces:
            assert province in text and province in provinces
            districts = {d.name_th: d.code for d in geothai.districts(provinces[province])}
            assert set(truth.districts) <= set(districts), post.id
            subs = {s.name_th for d in truth.districts for s in geothai.subdistricts(districts[d])}
            assert set(truth.subdistricts) <= subs, post.id
        assert list(truth.dates) == sorted(truth.dates)
        if truth.dates:
            assert truth.dates[-1] <= post.published.isoformat()


def test_posts_vary_as_real_ones_do() -> None:
    visits = [p for p in posts() if p.truth.dates]
    text = "\n".join("\n".join(p.paragraphs) for p in visits)
    assert len({p.truth.provinces for p in visits}) >= 15
    honorifics = ("นาย", "นางสาว", "นาง", "ดร.", "พล.อ.", "พ.ต.ท.", "ว่าที่ร้อยตรี", "ผศ.ดร.")
    names = {n for p in visits for n, _ in p.truth.officials}
    assert all(any(n.startswith(h) for n in names) for h in honorifics)
    assert sum(len(p.truth.dates) > 1 for p in visits) >= 10  # date ranges
    assert re.search(r"[๐-๙]{1,2} \S+ [๐-๙]{4}", text)  # Thai digits
    assert re.search(r"\d{1,2} – \d{1,2} \S+ 25\d\d", text)  # 17 – 19 มิถุนายน 2562
    assert re.search(r"\d{1,2} \S+\. - \d{1,2} \S+\. 25\d\d", text)  # 30 ก.ย. - 2 ต.ค. 2563
    assert re.search(r"(?m)^\d{1,2} \S+\.\d\d ", text)  # 23 ก.ค.63 opening a post
    assert all(len(p.truth.sites) >= 2 for p in visits)
    assert [p for p in posts() if "7" in p.categories and p.truth == type(p.truth)()]


def test_serve_answers_on_the_port_it_is_given() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = f"from scraper.mirror.server import serve; serve({port})"
    server = subprocess.Popen([sys.executable, "-c", code])
    try:
        status = None  # stays None when the server never answered: a failure, not a NameError
        deadline = time.monotonic() + 60  # generous: a loaded 2-core machine starts Python slowly
        while status is None and time.monotonic() < deadline:
            try:
                status, _, _ = get(f"http://127.0.0.1:{port}/news/3")
            except OSError:
                time.sleep(0.1)
        assert status == 200, f"the mirror never answered on port {port}"
        assert listing("3")[0].title in get(f"http://127.0.0.1:{port}/news/3")[2].decode()
    finally:
        server.terminate()
        server.wait(timeout=10)
