"""The source on the web: each hit, visit and post says its site; the source facet and filter
narrow pages, the API and downloads alike; a site's post page links the site."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from archive.db import session_scope
from archive.migrate import upgrade
from archive.sources import SOURCES
from ministry_news.web import create_app
from nlp.facts import Visit
from tests.archive.archive_data import add_post, add_visits, archive_id


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """Post 4445 of each site (the same site id), each with a visit: ตาก and ยะลา."""
    url = f"sqlite:///{tmp_path_factory.mktemp('sources') / 'archive.sqlite'}"
    upgrade(url)
    with session_scope(url) as session:
        for source, province in (("mdes", "ตาก"), ("thaigov", "ยะลา")):
            add_post(session, 4445, f"ลงพื้นที่จังหวัด{province}", "ข้อความ", source=source)
            add_visits(session, 4445, [Visit(["2024-01-01"], [province])], source=source)
        ids = {s: archive_id(session, 4445, s) for s in ("mdes", "thaigov")}
    with TestClient(create_app(url), raise_server_exceptions=False) as c:
        c.ids = ids  # type: ignore[attr-defined]
        yield c


def test_the_api_says_each_hits_and_visits_source_and_narrows_by_it(client: TestClient) -> None:
    every = client.get("/api/search").json()
    assert sorted((h["source"], h["post_id"]) for h in every["hits"]) == sorted(
        client.ids.items()  # type: ignore[attr-defined]
    )
    assert every["facets"]["source"] == [
        {"value": "mdes", "count": 1},
        {"value": "thaigov", "count": 1},
    ]
    gov = client.get("/api/search", params={"source": "thaigov"}).json()
    assert [h["title"] for h in gov["hits"]] == ["ลงพื้นที่จังหวัดยะลา"]
    visits = client.get("/api/visits", params={"source": "thaigov"}).json()
    assert [(r["source"], r["provinces"]) for r in visits["rows"]] == [("thaigov", ["ยะลา"])]
    assert visits["per_source"] == [{"value": "thaigov", "count": 1}]
    post = client.get(f"/api/posts/{client.ids['thaigov']}").json()  # type: ignore[attr-defined]
    assert (post["source"], post["source_id"]) == ("thaigov", 4445)


def test_an_unknown_source_is_a_400_naming_the_closest(client: TestClient) -> None:
    response = client.get("/api/search", params={"source": "thaigv"})
    assert response.status_code == 400
    assert response.json() == {"error": "source: not a source: 'thaigv' (did you mean thaigov?)"}


def test_the_search_page_has_a_source_facet_and_each_hit_its_site(client: TestClient) -> None:
    soup = BeautifulSoup(client.get("/").text, "lxml")
    facet = {a["data-value"]: a.get_text() for a in soup.select("#facet-source a")}
    assert facet == {name: SOURCES[name].display for name in ("mdes", "thaigov")}
    narrowed = BeautifulSoup(client.get("/", params={"source": "thaigov"}).text, "lxml")
    assert [s["data-source"] for s in narrowed.select("li.hit .source")] == ["thaigov"]
    assert narrowed.select_one("li.hit .source").get_text() == "ทำเนียบรัฐบาล (www.thaigov.go.th)"


def test_a_post_page_shows_its_site_and_links_it(client: TestClient) -> None:
    soup = BeautifulSoup(
        client.get(f"/posts/{client.ids['thaigov']}").text,  # type: ignore[attr-defined]
        "lxml",
    )
    site = soup.select_one("#source a")
    assert site.get_text() == "ทำเนียบรัฐบาล (www.thaigov.go.th)"
    assert site["href"] == "https://www.thaigov.go.th/"
    visits = BeautifulSoup(client.get("/visits", params={"source": "mdes"}).text, "lxml")
    assert [s["data-source"] for s in visits.select("table.visits .source")] == ["mdes"]
    assert visits.select_one("#per-source a")["data-source"] == "mdes"


def test_downloads_carry_a_source_column(client: TestClient) -> None:
    for what in ("posts", "visits", "officials"):
        response = client.get(f"/export/{what}.csv", params={"source": "thaigov"})
        assert response.status_code == 200, what
        reader = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
        rows = list(reader)
        assert "source" in (reader.fieldnames or []), what
        if what != "officials":  # this archive names no official
            assert [r["source"] for r in rows] == ["thaigov"], what
