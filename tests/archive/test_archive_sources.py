"""Every post is its site's: two sites number their posts alike, and the archive keeps them apart
under its own ids; an archive of one site keeps the ids it had (cited links hold)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from archive_data import ENGINES, add_post, add_visits, archive_id, official, post_item, site
from sqlalchemy import select, text

from archive import queries
from archive.db import session_scope
from archive.export import export
from archive.filters import Filters, parse_filters
from archive.migrate import upgrade
from archive.models import Fact, FetchFailure, Post, Visit, WarcRecord
from archive.search import facets, search
from archive.store import add_category, find_post, known_hashes, save_post
from nlp.facts import Visit as FoundVisit
from scraper.incremental import ArchiveMemory

OLD_POST = (
    "INSERT INTO posts (id, url, title, body, categories, images, attachments, content_hash,"
    " version, first_fetched_at, fetched_at) VALUES (:id, :url, 'ข่าว', 'ข้อความ', '[\"119\"]',"
    " '[]', '[]', :hash, 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
)
OLD_FACT = (
    "INSERT INTO facts (post_id, pipeline_version, kind, value, source, start, end_offset,"
    " surface, rule, attrs) VALUES (:id, '1.0', 'province', 'ตาก', 'body', 0, 3, 'ตาก', '', '{}')"
)
OLD_WARC = (
    'INSERT INTO warc_records (url, fetched_at, status, kind, post_id, size, digest, file, "offset",'
    " length) VALUES (:url, '2024-01-01 00:00:00', 200, 'post', :id, 1, 'x', 'a.warc.gz', 0, 1)"
)


@pytest.mark.parametrize("engine", ENGINES)
def test_an_archive_of_one_site_keeps_its_ids_through_the_upgrade(
    engine: str, make_archive: Callable[..., str]
) -> None:
    url = make_archive(engine, "0004")  # as archives were before they knew a second site
    with session_scope(url) as session:
        for pid in (3107, 4445):
            link = f"https://www.mdes.go.th/news/detail/{pid}-x"
            session.execute(text(OLD_POST), {"id": pid, "url": link, "hash": str(pid)})
            session.execute(text(OLD_FACT), {"id": pid})
            session.execute(text(OLD_WARC), {"id": pid, "url": link})
        session.execute(
            text(
                "INSERT INTO fetch_failures (url, reason, at) VALUES ('u', 'gone', '2024-01-01 00:00:00')"
            )
        )
    upgrade(url)
    with session_scope(url) as session:
        posts = session.execute(select(Post.id, Post.source, Post.source_id).order_by(Post.id))
        assert posts.all() == [(3107, "mdes", 3107), (4445, "mdes", 4445)]
        assert sorted(session.scalars(select(Fact.post_id))) == [3107, 4445]  # facts kept
        assert set(session.scalars(select(WarcRecord.source))) == {"mdes"}
        assert set(session.scalars(select(FetchFailure.source))) == {"mdes"}
        # A later crawl finds the old posts by their site's id, and numbers new ones past them.
        assert save_post(session, post_item(4445, "ข่าว", "ข้อความ")) == "changed"
        save_post(session, post_item(4445, "ข่าวรัฐบาล", "ข้อความ", source="thaigov"))
        save_post(session, post_item(5000, "ข่าวใหม่", "ข้อความ"))
        new = session.execute(select(Post.id, Post.source, Post.source_id).where(Post.id > 4445))
        rows = sorted(new.all())
    assert [(s, sid) for _, s, sid in rows] == [("thaigov", 4445), ("mdes", 5000)]
    assert rows[0][0] > 4445


def test_two_sites_posts_under_one_site_id_are_two_posts(archive_url: str) -> None:
    with session_scope(archive_url) as session:
        add_post(session, 4445, "ข่าวกระทรวง", "ข้อความกระทรวง")
        add_post(session, 4445, "ข่าวรัฐบาล", "ข้อความรัฐบาล", source="thaigov")
        add_visits(session, 4445, [FoundVisit(["2024-01-01"], ["ตาก"])], [site("ศาลากลาง")])
        assert add_category(session, 4445, "3", source="thaigov")
        assert add_post(session, 4445, "ข่าวรัฐบาล", "ข้อความรัฐบาล", source="thaigov") == ("unchanged")
        mdes, gov = archive_id(session, 4445), archive_id(session, 4445, "thaigov")
        hashes = {s: known_hashes(session, [4445, 1], source=s) for s in ("mdes", "thaigov")}
        posts = {p.source: p for p in session.scalars(select(Post))}
        visits = session.execute(select(Visit.post_id)).scalars().all()
    assert mdes != gov and len(posts) == 2
    assert (posts["mdes"].title, posts["thaigov"].title) == ("ข่าวกระทรวง", "ข่าวรัฐบาล")
    assert (posts["mdes"].categories, posts["thaigov"].categories) == (["119"], ["119", "3"])
    assert hashes["mdes"][4445] == posts["mdes"].content_hash
    assert hashes["thaigov"][4445] == posts["thaigov"].content_hash
    assert visits == [mdes]  # the visit is the MDES post's, not the other site's
    # A crawl of one site sees only that site's posts.
    assert ArchiveMemory(archive_url, "thaigov").known([4445])[4445].title == "ข่าวรัฐบาล"
    assert ArchiveMemory(archive_url).known([4445])[4445].title == "ข่าวกระทรวง"
    with session_scope(archive_url) as session:
        assert find_post(session, "thaigov", 1) is None


MINISTER = "นายชัยวุฒิ ธนาคมานุสรณ์"


@pytest.fixture(scope="module", params=ENGINES)
def two_sites(request: pytest.FixtureRequest, make_archive: Callable[..., str]) -> str:
    """Post 4445 of each site, each with one visit by the same minister: ตาก (MDES's), ยะลา
    (the government's), and an MDES post 4446 without a visit."""
    url = make_archive(request.param)
    with session_scope(url) as session:
        for source, province in (("mdes", "ตาก"), ("thaigov", "ยะลา")):
            add_post(session, 4445, f"ลงพื้นที่จังหวัด{province}", "ข้อความ", source=source)
            trip = FoundVisit(["2024-01-01"], [province], officials=[MINISTER])
            add_visits(
                session, 4445, [trip], [official(MINISTER, "ชัยวุฒิ ธนาคมานุสรณ์")], source=source
            )
        add_post(session, 4446, "ประกาศ", "ข้อความ")
    return url


@pytest.mark.parametrize("typed", ["thaigov", "THAIGOV", " www.thaigov.go.th ", "thaigov.go.th"])
def test_the_source_filter_takes_a_sites_name_or_host(typed: str) -> None:
    assert parse_filters(source=typed).source == "thaigov"


@pytest.mark.parametrize(
    ("typed", "hint"), [("thaigv", "(did you mean thaigov?)"), ("moe", "(known: mdes, thaigov)")]
)
def test_an_unknown_source_is_refused_in_one_line_with_a_suggestion(typed: str, hint: str) -> None:
    with pytest.raises(ValueError) as refused:
        parse_filters(source=typed)
    assert str(refused.value) == f"source: not a source: {typed!r} {hint}"


def test_search_and_facets_say_and_narrow_by_source(two_sites: str) -> None:
    with session_scope(two_sites) as session:
        every = search(session, Filters())
        gov = search(session, Filters(source="thaigov"))
        gov_words = search(session, Filters(q="ลงพื้นที่", source="thaigov"))
        counts = facets(session, Filters())
        minister = facets(session, Filters(official="ชัยวุฒิ", source="mdes"))
    assert sorted(h.source for h in every.hits) == ["mdes", "mdes", "thaigov"]
    assert [(h.source, h.title) for h in gov.hits] == [("thaigov", "ลงพื้นที่จังหวัดยะลา")]
    assert [h.post_id for h in gov_words.hits] == [h.post_id for h in gov.hits]
    assert counts["source"] == [("mdes", 2), ("thaigov", 1)]
    assert counts["province"] == [("ตาก", 1), ("ยะลา", 1)]
    assert minister["source"] == [("mdes", 1)] and minister["province"] == [("ตาก", 1)]


def test_visits_and_officials_say_their_posts_source(two_sites: str) -> None:
    with session_scope(two_sites) as session:
        rows = list(queries.visits(session, Filters()))
        gov = list(queries.visits(session, Filters(source="thaigov")))
        people = list(queries.officials(session, Filters()))
        gov_people = list(queries.officials(session, Filters(source="thaigov")))
    assert sorted((r.source, r.provinces[0]) for r in rows) == [
        ("mdes", "ตาก"),
        ("thaigov", "ยะลา"),
    ]
    assert [(r.source, r.provinces) for r in gov] == [("thaigov", ["ยะลา"])]
    assert [(p.source, p.visits) for p in people] == [(["mdes", "thaigov"], 2)]
    assert [(p.source, p.visits) for p in gov_people] == [(["thaigov"], 1)]


@pytest.mark.parametrize("what", ["posts", "visits", "officials"])
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_every_export_has_a_source_column(
    two_sites: str, tmp_path: Path, what: str, fmt: str
) -> None:
    path = tmp_path / f"{what}.{fmt}"
    with session_scope(two_sites) as session:
        export(session, what, fmt, path, Filters(source="thaigov"))  # type: ignore[arg-type]
    if fmt == "csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            records = list(csv.DictReader(f))
    elif fmt == "jsonl":
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    else:
        records = pq.read_table(path).to_pylist()
    sources = [r["source"] for r in records]
    assert sources == (["thaigov"] if what != "officials" or fmt == "csv" else [["thaigov"]])
    if what == "posts":
        assert [int(r["source_id"]) for r in records] == [4445]


def test_every_site_profile_is_a_source_named_as_its_profile_says() -> None:
    from archive.sources import SOURCES, display
    from scraper.profiles import profiles

    assert list(SOURCES) == list(profiles())
    for name, profile in profiles().items():
        assert SOURCES[name].host == profile.host
        assert display(name) == f"{profile.label} ({profile.host})"
