"""The thaigov mirror is faithful to site-notes-thaigov.md over real HTTP, serves the bundled
sample of real posts unchanged, and misbehaves only where its README says, the same every run."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.robotparser import RobotFileParser

import pytest
from click.testing import CliRunner
from parsel import Selector
from scrapy.http import HtmlResponse

from ministry_news.cli import EXIT_USAGE, cli
from scraper.mirror.server import MirrorServer
from scraper.mirror.thaigov import sample
from scraper.mirror.thaigov.posts import (
    PRINT_LINE,
    SITE_PREFIX,
    TITLE_PREFIX,
    posts,
    publication_lines,
)
from scraper.mirror.thaigov.site import (
    BROKEN_HTML_ID,
    BURST_FAILURES,
    BURST_IDS,
    MENU,
    OTHER_MARKUP_ID,
    WINDOWS_874_ID,
    ThaigovSite,
    detail_path,
)
from scraper.settings import USER_AGENT

HERE = Path(sample.__file__).parent
BLOCK = "div.border-normal.clearfix"
CATEGORY = "span.Circular.headtitle-2.font_level6.color2.col-xs-9.remove-xs"
FURNITURE = [
    "ขนาดตัวอักษร",
    "Royal Thai Government",
    "เกี่ยวกับรัฐบาล",
    "ทำเนียบรัฐบาล ถนนพิษณุโลก แขวงดุสิต เขตดุสิต กรุงเทพฯ 10300",
    "ข่าวล่าสุด",
    "สงวนลิขสิทธิ์ © สำนักโฆษก สำนักเลขาธิการนายกรัฐมนตรี",
]
ODD = {WINDOWS_874_ID, BROKEN_HTML_ID, OTHER_MARKUP_ID, *BURST_IDS}


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def block_lines(selector: Selector) -> list[str]:
    """The article block read line by line (its text nodes), as the corpus was read."""
    return [squeeze(t) for t in selector.css(f"{BLOCK} ::text").getall() if t.strip()]


def squeeze(line: str) -> str:
    """HTML does not keep runs of spaces: compare lines with single spaces."""
    return " ".join(line.split())


def page(base: str, post_id: int) -> tuple[int, dict[str, str], Selector]:
    status, headers, body = get(f"{base}{detail_path(post_id)}")
    return status, headers, Selector(text=body.decode("utf-8"))


def test_sample_is_large_varied_small_and_attributed() -> None:
    table = posts()
    ids = [p.id for p in table]
    assert len(table) >= 300
    assert (HERE / "posts.jsonl.xz").stat().st_size <= 400_000
    categories = Counter(p.category for p in table)
    assert all(categories[name] >= 2 for name in MENU), categories
    assert sum(bool(re.search("[๐-๙]", p.text)) for p in table) >= 10
    gaps = [b - a - 1 for a, b in zip(ids, ids[1:], strict=False)]
    assert ids == sorted(ids) and min(gaps) >= 0
    assert sum(1 for g in gaps if g) >= 20  # the site's own gaps, kept
    assert max(gaps) < 20  # an id walk stopping after 20 misses reaches every post
    assert all(p.title.startswith(SITE_PREFIX) for p in table)
    assert sum(not p.title.startswith(TITLE_PREFIX) for p in table) <= 2  # as the corpus has it
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    for needed in ("thaigov-corpus", "Wannaphong Phatthiyaphaibun", "section 7", "B.E. 2537"):
        assert needed in readme
    for odd in (WINDOWS_874_ID, BROKEN_HTML_ID, OTHER_MARKUP_ID, BURST_IDS[0], BURST_IDS[-1]):
        assert str(odd) in readme
    assert {WINDOWS_874_ID, BROKEN_HTML_ID, OTHER_MARKUP_ID} <= set(ids)
    assert set(BURST_IDS) & set(ids) and set(BURST_IDS) - set(ids)  # posts and gaps burst


def test_sample_is_redrawn_byte_for_byte_from_the_corpus(tmp_path: Path) -> None:
    if not sample.CORPUS.exists():
        pytest.skip(f"no shared corpus at {sample.CORPUS}")
    assert sample.main([str(sample.CORPUS), str(tmp_path / "s.xz")]) == 0
    assert (tmp_path / "s.xz").read_bytes() == (HERE / "posts.jsonl.xz").read_bytes()


def test_a_post_page_has_the_notes_markup_and_the_real_text(thaigov_mirror: str) -> None:
    checked = [p for p in posts()[::25] if p.id not in ODD] + [posts()[-1]]
    assert any(p.text.split("\n")[1] == PRINT_LINE for p in checked)  # a leftover print line
    for post in checked:
        status, headers, sel = page(thaigov_mirror, post.id)
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        assert sel.css("title::text").get() == post.title
        assert sel.css(CATEGORY + "::text").get() == post.category
        assert len(sel.css(BLOCK)) == 1
        lines = block_lines(sel)
        date, views, printed, *text = lines
        assert date == publication_lines()[post.id] == post.text.split("\n")[0].strip()
        assert re.fullmatch(r"\d{1,3}(,\d{3})*", views)
        assert printed == PRINT_LINE
        assert text == [squeeze(line) for line in post.body_lines]  # the corpus text, unchanged
        assert lines.count(PRINT_LINE) == 1
        block = " ".join(sel.css(BLOCK).xpath("string()").get().split())
        whole = " ".join(sel.xpath("string()").get().split())
        for furniture in FURNITURE:
            assert furniture in whole and furniture not in block, furniture
        assert post.category not in block or post.category in post.text


def test_the_headline_repeats_inside_the_block_as_on_the_site(thaigov_mirror: str) -> None:
    repeated = [p for p in posts() if p.body_lines.count(p.headline) >= 1 and p.id not in ODD]
    assert len(repeated) >= len(posts()) // 2
    for post in repeated[:5]:
        _, _, sel = page(thaigov_mirror, post.id)
        assert block_lines(sel).count(squeeze(post.headline)) in (1, 2, 3)


def test_missing_ids_answer_the_soft_404(thaigov_mirror: str) -> None:
    ids = [p.id for p in posts()]
    gap = next(a + 1 for a, b in zip(ids, ids[1:], strict=False) if b - a > 1 and a + 1 not in ODD)
    for missing in (gap, ids[0] - 1, ids[-1] + 1, ids[-1] + 5000, 1):
        status, _, sel = page(thaigov_mirror, missing)
        assert status == 200, missing
        assert sel.css("title::text").get() == TITLE_PREFIX
        assert not sel.css(BLOCK) and not sel.css(CATEGORY) and not sel.css("article")
        assert "ทำเนียบรัฐบาล ถนนพิษณุโลก" in sel.xpath("string()").get()  # furniture only
    assert get(f"{thaigov_mirror}/news/contents/details/abc")[0] == 404
    assert get(f"{thaigov_mirror}/no/such/page")[0] == 404


def test_an_id_walk_reaches_every_post_and_ends_after_its_misses() -> None:
    """Walk ids upward from the first, retrying 503s, stopping after 20 soft-404s in a row."""
    found, misses, retries, post_id = [], 0, 0, posts()[0].id
    bound = posts()[-1].id + 100  # a walk that never meets its misses still ends
    with MirrorServer(port=0, site="thaigov") as server:
        while misses < 20 and post_id < bound:
            status, _, body = get(f"{server.url}{detail_path(post_id)}")
            if status == 503:
                retries += 1
                assert retries <= 2 * len(BURST_IDS)
                continue
            assert status == 200
            title = Selector(text=body.decode("cp874" if post_id == WINDOWS_874_ID else "utf-8"))
            if title.css("title::text").get() == TITLE_PREFIX:
                misses += 1
            else:
                found.append(post_id)
                misses = 0
            post_id += 1
    assert found == [p.id for p in posts()]
    assert retries == BURST_FAILURES * len(BURST_IDS)
    assert post_id == posts()[-1].id + 21


def test_the_windows_874_page_decodes_to_the_same_thai_text(thaigov_mirror: str) -> None:
    status, headers, body = get(f"{thaigov_mirror}{detail_path(WINDOWS_874_ID)}")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=windows-874"
    assert b'content="text/html; charset=windows-874"' in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    post = next(p for p in posts() if p.id == WINDOWS_874_ID)
    response = HtmlResponse(
        url=f"{thaigov_mirror}{detail_path(WINDOWS_874_ID)}",
        body=body,
        headers={"Content-Type": headers["Content-Type"]},
    )
    assert response.encoding in ("cp874", "windows-874")
    assert response.css("title::text").get() == post.title
    assert block_lines(response.selector)[3:] == [squeeze(line) for line in post.body_lines]
    as_utf8 = ThaigovSite().post_pages[WINDOWS_874_ID].render("http://x").decode("cp874")
    assert Selector(text=as_utf8).xpath("string()").get() == response.xpath("string()").get()


def test_the_broken_page_still_parses_to_the_whole_text(thaigov_mirror: str) -> None:
    status, _, body = get(f"{thaigov_mirror}{detail_path(BROKEN_HTML_ID)}")
    text = body.decode("utf-8")
    post = next(p for p in posts() if p.id == BROKEN_HTML_ID)
    assert status == 200
    assert (
        "</body>" not in text and "</p>" not in text.split("border-normal")[1].split("sidebar")[0]
    )
    lines = block_lines(Selector(text=text))
    assert lines[0] == publication_lines()[post.id] and lines[2] == PRINT_LINE
    assert lines[3:] == [squeeze(line) for line in post.body_lines]


def test_the_page_with_other_markup_has_no_block_but_the_whole_text(thaigov_mirror: str) -> None:
    status, _, sel = page(thaigov_mirror, OTHER_MARKUP_ID)
    post = next(p for p in posts() if p.id == OTHER_MARKUP_ID)
    assert status == 200 and sel.css("title::text").get() == post.title
    assert not sel.css(BLOCK) and not sel.css(CATEGORY)
    article = [squeeze(t) for t in sel.css("article.news-article ::text").getall() if t.strip()]
    expected = [publication_lines()[post.id], post.headline, *post.body_lines]
    assert article == [squeeze(line) for line in expected]


def test_the_5xx_burst_answers_503_twice_then_the_page() -> None:
    with MirrorServer(port=0, site="thaigov") as server:
        for post_id in (BURST_IDS[0], BURST_IDS[-1]):
            answers = [
                get(f"{server.url}{detail_path(post_id)}") for _ in range(BURST_FAILURES + 2)
            ]
            statuses = [status for status, _, _ in answers]
            assert statuses == [503] * BURST_FAILURES + [200, 200]
            assert answers[0][1]["Retry-After"] == "1"
        outside = posts()[0].id
        assert outside not in BURST_IDS and get(f"{server.url}{detail_path(outside)}")[0] == 200


def test_pages_are_the_same_on_every_run() -> None:
    one, two = ThaigovSite(), ThaigovSite()
    assert one.post_pages.keys() == two.post_pages.keys() == {p.id for p in posts()}
    for post_id, rendered in one.post_pages.items():
        assert rendered.render("http://x") == two.post_pages[post_id].render("http://x")
    assert one.soft_404.render("http://x") == two.soft_404.render("http://x")


def test_robots_txt_allows_the_crawl(thaigov_mirror: str) -> None:
    status, _, body = get(f"{thaigov_mirror}/robots.txt")
    robots = RobotFileParser()
    robots.parse(body.decode().splitlines())
    assert status == 200
    assert robots.can_fetch(USER_AGENT, f"{thaigov_mirror}{detail_path(posts()[0].id)}")


def test_the_cli_serves_the_site_it_is_given() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = Path(sys.executable).parent / "ministry-news"
    server = subprocess.Popen(
        [str(command), "mirror", "--site", "thaigov", "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        status, body = None, b""
        deadline = time.monotonic() + 60  # generous: a loaded 2-core machine starts Python slowly
        while status is None and time.monotonic() < deadline:
            try:
                status, _, body = get(f"http://127.0.0.1:{port}{detail_path(posts()[0].id)}")
            except OSError:
                time.sleep(0.2)
        assert status == 200, f"the thaigov mirror never answered on port {port}"
        assert posts()[0].title in body.decode()
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}{detail_path(posts()[0].id)}" in out


def test_the_cli_refuses_an_unknown_site_with_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["mirror", "--site", "nowhere"])
    assert result.exit_code == EXIT_USAGE
    assert "nowhere" in result.output


def test_a_site_of_fewer_posts_answers_soft_404s_for_the_rest() -> None:
    """A crawl test serves the site as it was before its last posts, then the whole sample."""
    before = ThaigovSite(posts()[:300])
    later = posts()[300]
    assert before.start_urls("http://x") == [f"http://x{detail_path(posts()[0].id)}"]
    assert before.resolve(detail_path(later.id)) == before.soft_404
    assert later.title.encode() in ThaigovSite().resolve(detail_path(later.id)).render("http://x")


def test_the_cli_on_a_busy_port_says_so_in_one_line_and_announces_nothing() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["mirror", "--site", "thaigov", "--port", str(port)])
    assert result.exit_code == 1
    assert (
        result.output.strip() == f"error: cannot listen on 127.0.0.1:{port}: Address already in use"
    )
