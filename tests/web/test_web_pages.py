"""The pages as a researcher reads them: facets that narrow, marks where the facts stand, and
text from crawled posts that stays text."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from web_data import SUKHOTHAI_1

from archive.db import session_scope
from archive.store import replace_facts, save_post
from ministry_news.web import create_app
from tests.archive.archive_data import ids_from, post_item

NET = "เน็ตประชารัฐ"


def page(client: TestClient, path: str, status: int = 200, **params: str) -> BeautifulSoup:
    response = client.get(path, params=params or None)  # None keeps the path's own query
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    return BeautifulSoup(response.text, "lxml")


def hit_ids(soup: BeautifulSoup) -> list[int]:
    return [int(li["data-post"]) for li in soup.select("li.hit")]


def test_the_search_page_lists_hits_with_the_word_marked(client: TestClient) -> None:
    soup = page(client, "/", q=NET)
    assert soup.select_one("#total").get_text() == "4"
    assert sorted(hit_ids(soup)) == [101, 102, 103, 104]
    marks = [m.get_text() for m in soup.select("li.hit .snippet mark")]
    assert marks and set(marks) == {NET}
    assert soup.select_one("#q")["value"] == NET  # the box keeps the query


def test_past_the_cap_the_page_says_more_than_and_where_facets_were_counted(
    capped: TestClient,
) -> None:
    soup = page(capped, "/", q=NET, limit="3", lang="en")
    assert soup.select_one(".summary").get_text(" ", strip=True).startswith("more than 2 posts")
    assert "2 latest archived" in soup.select_one("#facets-among").get_text()
    assert soup.select_one(".pager span").get_text() == "1–3 of more than 2"
    assert soup.select_one(".pager a[rel=next]") is not None
    last = page(capped, "/", q=NET, limit="3", offset="3", lang="en")
    assert len(hit_ids(last)) == 1 and last.select_one(".pager a[rel=next]") is None


def test_a_facet_link_narrows_the_results_and_keeps_the_query(client: TestClient) -> None:
    soup = page(client, "/", q=NET)
    link = soup.select_one('a[data-facet="province"][data-value="สุโขทัย"]')
    assert link.find_next_sibling("span", class_="count").get_text() == "2"
    params = parse_qs(urlsplit(link["href"]).query)
    assert params == {"q": [NET], "province": ["สุโขทัย"]}

    narrowed = page(client, link["href"])
    assert sorted(hit_ids(narrowed)) == [101, 102]
    chips = [c.get_text(" ", strip=True) for c in narrowed.select(".chip")]
    assert "จังหวัด: สุโขทัย ✕" in chips  # the filter named in Thai
    # The year facet narrows to a publication year.
    year = narrowed.select_one('a[data-facet="year"][data-value="2020"]')
    assert parse_qs(urlsplit(year["href"]).query)["published_since"] == ["2020"]


def test_the_search_page_links_its_json_twin_and_csv_with_the_same_filters(
    client: TestClient,
) -> None:
    soup = page(client, "/", q=NET, province="สุโขทัย")
    csv_link = soup.select_one("#csv")["href"]
    assert urlsplit(csv_link).path == "/export/posts.csv"
    assert parse_qs(urlsplit(csv_link).query) == {"q": [NET], "province": ["สุโขทัย"]}
    json_link = soup.find("a", string="JSON")["href"]
    assert client.get(json_link).json()["total"] == 2


def test_the_post_page_marks_each_fact_where_the_text_says_it(client: TestClient) -> None:
    soup = page(client, "/posts/101")
    body = soup.select_one(".body")
    assert body.get_text() == SUKHOTHAI_1  # the whole text, nothing added or lost
    marks = [(m["class"][1], m.get_text()) for m in body.select("mark")]
    assert marks == [
        ("date", "9 มีนาคม 2563"),
        ("official", "นางปิยนุช วุฒิสอน"),
        ("site", "โรงเรียนบ้านนาเชิงคีรี"),
        ("district", "อำเภอศรีสำโรง"),
        ("province", "จังหวัดสุโขทัย"),
    ]
    # Each fact listed beside the text links to its mark.
    listed = soup.select("aside.facts li.fact a")
    assert len(listed) == 5
    for a in listed:
        assert body.select_one(a["href"]) is not None
    assert soup.select_one("#original")["href"] == "https://www.mdes.go.th/news/detail/101-x"
    assert "นางปิยนุช วุฒิสอน" in soup.select_one("table.visits").get_text()


def test_crawled_markup_is_shown_as_text_and_never_run(client: TestClient) -> None:
    for path, params in (
        ("/", {"q": NET}),
        ("/visits", {}),
        ("/posts/104", {}),
    ):
        response = client.get(path, params=params)
        assert response.status_code == 200
        html = response.text
        assert "<script" not in html.lower(), path  # the app has no script of its own
        assert "<img" not in html and "<b>" not in html and "</textarea><" not in html, path
        assert "&lt;script&gt;" in html or "&lt;b&gt;" in html, path
        hrefs = [a["href"] for a in BeautifulSoup(html, "lxml").select("[href]")]
        assert not [h for h in hrefs if not h.startswith(("/", "?", "#", "http", "data:,"))]

    soup = page(client, "/posts/104")
    assert soup.select_one("h1").get_text() == 'เน็ตประชารัฐ <script>alert("title")</script>'
    assert [m.get_text() for m in soup.select(".body mark")] == ["จังหวัดตาก", "<b>ตัวหนา</b>"]
    assert soup.select_one("#original") is None  # a javascript: URL is no link
    assert not soup.select(".body img, .body b, script")


def test_every_response_carries_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/visits", "/posts/101", "/api/search?q=x", "/api/posts/1", "/nope"):
        policy = client.get(path).headers["content-security-policy"]
        assert "default-src 'none'" in policy
        assert "unsafe-inline" not in policy and "script-src" not in policy
        assert "style-src 'self'" in policy


def test_a_malformed_filter_shows_the_page_with_the_message(client: TestClient) -> None:
    soup = page(client, "/", 400, q=NET, since="31/12/2563")
    assert soup.select_one(".error").get_text() == (
        "ลงพื้นที่ตั้งแต่: อ่านเป็นวันที่ไม่ได้: “31/12/2563” (เขียนเป็น ปปปป-ดด-วว, ปปปป-ดด หรือ ปปปป ใช้ปี พ.ศ. ได้)"
    )
    assert soup.select_one("#f-since")["value"] == "31/12/2563"  # kept to correct it
    assert soup.select_one("#q")["value"] == NET

    soup = page(client, "/", 400, q=NET, since="31/12/2563", lang="en")
    assert soup.select_one(".error").get_text() == "since: not a date (YYYY-MM-DD): '31/12/2563'"
    soup = page(client, "/", 400, q="!!!")
    assert soup.select_one(".error").get_text() == (
        "คำค้น: ไม่มีคำให้ค้นใน “!!!” (ไม่มีคำภาษาไทยหรืออักษรละติน)"
    )
    soup = page(client, "/visits", 400, since="2021", until="2020")
    assert soup.select_one(".error").get_text() == (
        "ลงพื้นที่ตั้งแต่: วันเริ่มอยู่หลังวันสิ้นสุด (2021-01-01 > 2020-12-31)"
    )

    soup = page(client, "/visits", 400, limit="lots")
    assert soup.select_one(".error").get_text().startswith("limit:")
    soup = page(client, "/posts/999", 404)
    assert soup.select_one(".error").get_text() == "no post 999 in the archive"


def test_the_visits_page_shows_the_rows_and_charts_of_the_api(client: TestClient) -> None:
    soup = page(client, "/visits", province="สุโขทัย")
    api = client.get("/api/visits", params={"province": "สุโขทัย"}).json()
    assert [int(tr["data-visit"]) for tr in soup.select("tr[data-visit]")] == [
        r["visit_id"] for r in api["rows"]
    ]
    assert [td.get_text() for td in soup.select("tr[data-visit] td.when")] == [
        "2020-03-09",
        "2020-07-02",
    ]
    bars = soup.select("svg.hbars g")
    assert [
        (g.select_one("text.label").get_text(), g.select_one("text.value").get_text()) for g in bars
    ] == [("สุโขทัย", "2")]
    # One column per month from March to July 2020, each with its count in the tooltip.
    columns = [r.select_one("title").get_text() for r in soup.select("svg.columns rect")]
    assert len(columns) == 5
    assert columns[0] == "มี.ค. 2563: 1 ครั้ง" and columns[2] == "พ.ค. 2563: 0 ครั้ง"
    csv_link = urlsplit(soup.select_one("#csv")["href"])
    assert csv_link.path == "/export/visits.csv"
    assert parse_qs(csv_link.query) == {"province": ["สุโขทัย"]}


def test_the_visits_page_past_the_cap_says_more_than_and_what_the_charts_count(
    capped: TestClient,
) -> None:
    soup = page(capped, "/visits", lang="en")
    assert soup.select_one(".summary").get_text(" ", strip=True).startswith("more than 2 visits")
    assert "2 latest archived" in soup.select_one("#counts-among").get_text()


def test_a_province_bar_narrows_the_visits(client: TestClient) -> None:
    soup = page(client, "/visits")
    link = next(
        g.find_parent("a") or g.select_one("a")
        for g in soup.select("svg.hbars g")
        if g.select_one("text.label").get_text() == "เชียงใหม่"
    )
    narrowed = page(client, link["href"])
    assert [td.get_text() for td in narrowed.select("tr[data-visit] td.when")] == ["2021-01-15"]


def test_the_api_page_lists_the_endpoints_from_the_schema(client: TestClient) -> None:
    text = page(client, "/api").get_text(" ")
    for endpoint in ("GET /api/search", "GET /api/visits", "GET /api/posts/{post_id}"):
        assert endpoint in text


@pytest.fixture
def extracted(db_url: str) -> str:
    """A post stored and extracted by the real nlp pipeline."""
    from nlp.pipeline import extract

    body = (
        "เมื่อวันที่ 5 พฤศจิกายน 2565 นายชัยวุฒิ ธนาคมานุสรณ์ "
        "รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม "
        "ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านห้วยปลาหลด ตำบลด่านแม่ละเมา อำเภอแม่สอด จังหวัดตาก "
        "เพื่อติดตามการติดตั้งอินเทอร์เน็ตความเร็วสูง"
    )
    title = "รมว.ดีอี ลงพื้นที่จังหวัดตาก"
    with session_scope(db_url) as session:
        with ids_from(session, 7):  # the archive's id 7 too
            save_post(session, post_item(7, title, body, published="2022-11-06"))
        replace_facts(session, 7, extract(body, title=title))
    return db_url


def test_facts_of_the_real_pipeline_are_marked_where_they_stand(extracted: str) -> None:
    with TestClient(create_app(extracted)) as client:
        post = client.get("/api/posts/7").json()
        soup = page(client, "/posts/7")
    texts = {"title": post["title"], "body": post["body"]}
    assert any(f["kind"] == "province" and f["value"] == "ตาก" for f in post["facts"])
    marks = {m["id"]: m.get_text() for m in soup.select("mark.fact")}
    assert marks
    for key, text in marks.items():
        fact = post["facts"][int(key[1:])]
        assert text == fact["surface"] == texts[fact["source"]][fact["start"] : fact["end"]]
