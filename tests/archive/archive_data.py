"""Building blocks for archive tests: posts as the spider yields them, facts and visits as the
nlp pipeline returns them, written with archive.store like the real commands do."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from archive.models import Post
from archive.sources import DEFAULT_SOURCE
from archive.store import find_post, replace_facts, save_post
from nlp.facts import Extraction, Fact, Visit
from scraper.pages import content_hash

PG_ENV = "MINISTRY_NEWS_TEST_PG_URL"
# Every archive test runs on both engines; the PostgreSQL run fails when the server is missing.
ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def post_item(post_id: int, title: str, body: str, **extra: Any) -> dict[str, Any]:
    item = {
        "post_id": post_id,
        "url": f"https://www.mdes.go.th/news/detail/{post_id}-x",
        "title": title,
        "body": body,
        "published": "2022-11-05",
        "categories": ["119"],
        "category_name": "ข่าวกิจกรรม",
        "images": [],
        "attachments": [],
        "fetched_at": "2022-11-06T00:00:00",
        "encoding": "utf-8",
    }
    item.update(extra)
    item["content_hash"] = content_hash(item["title"], item["body"])
    return item


def add_post(session: Session, post_id: int, title: str, body: str, **extra: Any) -> str:
    """Store a post of the site `extra["source"]` (default mdes) under the site's id `post_id`."""
    return save_post(session, post_item(post_id, title, body, **extra))


def archive_id(session: Session, post_id: int, source: str = DEFAULT_SOURCE) -> int:
    """The archive's id of the site's post `post_id` (the archive numbers posts its own way)."""
    post = find_post(session, source, post_id)
    assert post is not None, f"{source} post {post_id} is not stored"
    return post.id


@contextmanager
def ids_from(session: Session, first: int) -> Iterator[None]:
    """New posts stored inside get the archive's ids `first`, `first + 1`, … in the order stored,
    as in an archive whose earlier ids are taken (one migrated from revision 0004 numbers new
    posts past the MDES ids it kept): tests can then address a page by a known id. The archive
    must hold no posts yet."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT setval('posts_id_seq', :first, false)"), {"first": first})
        yield
        return
    # SQLite numbers a new row one past the largest id: hold `first - 1` until one is stored.
    held = Post(id=first - 1, source="-", source_id=0, url="", content_hash="")
    session.add(held)
    session.flush()
    yield
    session.delete(held)
    session.flush()


def site_id(session: Session, post_id: int) -> int:
    """The site's id of the archive's post `post_id`: what the tests stored it under."""
    post = session.get(Post, post_id)
    assert post is not None, f"no post {post_id} in the archive"
    return post.source_id


def official(name: str, person: str, position: str | None = None) -> Fact:
    attrs: dict[str, Any] = {"person": person}
    if position:
        attrs["position"] = position
    return Fact("official", name, 0, len(name), name, attrs=attrs)


def site(name: str, site_type: str | None = None) -> Fact:
    return Fact("site", name, 0, len(name), name, attrs={"type": site_type} if site_type else {})


def add_visits(
    session: Session,
    post_id: int,
    visits: list[Visit],
    facts: list[Fact] | None = None,
    version: str = "1.0",
    source: str = DEFAULT_SOURCE,
) -> None:
    """The pipeline's visits and facts for the site's post `post_id`, stored as `extract` does."""
    extraction = Extraction(version=version, facts=facts or [], visits=visits)
    replace_facts(session, archive_id(session, post_id, source), extraction)


# Posts for search: words inside unbroken Thai, compounds, phrases apart, spelling variants.
MINISTER = (
    "เมื่อวันที่ 5 พฤศจิกายน 2565 นายชัยวุฒิ ธนาคมานุสรณ์ "
    "รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม "
    "ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านห้วยปลาหลด ตำบลด่านแม่ละเมา อำเภอแม่สอด จังหวัดตาก "
    "เพื่อติดตามการติดตั้งอินเทอร์เน็ตความเร็วสูง"
)
DEPUTY = (
    "นายภูเวียง ประคำมินทร์ รองปลัดกระทรวง ประชุมร่วมกับผู้ว่าราชการจังหวัดเชียงใหม่ "
    "เพื่อติดตามโครงการเน็ตประชารัฐ ณ ศาลากลางจังหวัดเชียงใหม่"
)
VOLUNTEERS = (
    "คณะทำงานตรวจเยี่ยมศูนย์ดิจิทัลชุมชน จังหวัดเชียงราย "
    "และมอบคอมพิวเตอร์ให้โรงเรียนวัดป่าตามคำขอของชุมชน Internet training"
)
NET_TITLE_BODY = (
    "สำนักงานสถิติเเห่งชาติร่วมกับชุมชนจัดกิจกรรมประจำปี ๒๕๖๕ ณ ห้องประชุมเทศบาลเมือง มีผู้เข้าร่วมจำนวนมาก"
)
CORPUS = {
    101: ("รัฐมนตรีลงพื้นที่ตรวจเยี่ยมโรงเรียนจังหวัดตาก", MINISTER),
    102: ("รองปลัดกระทรวงประชุมที่จังหวัดเชียงใหม่", DEPUTY),
    103: ("อาสาสมัครดิจิทัลจังหวัดเชียงราย", VOLUNTEERS),
    104: ("เน็ตประชารัฐเพื่อชุมชน", NET_TITLE_BODY),
}


CHAIYAWUT = "ชัยวุฒิ ธนาคมานุสรณ์"
PHUWIANG = "ภูเวียง ประคำมินทร์"


def add_field_visits(session: Session) -> None:
    """Four posts: one visit; two visits sharing an official; two pipeline versions; none.

    ตาก 2022-11-05 (post 1) · เชียงราย 2021-03-29..31 and เชียงใหม่ 2021-03-31 (post 2) ·
    post 3: สุโขทัย by pipeline 0.9, พิษณุโลก by 0.10 (current) · post 4: no visit.
    """
    add_post(
        session,
        1,
        "รัฐมนตรีลงพื้นที่จังหวัดตาก",
        "นายชัยวุฒิ ธนาคมานุสรณ์ รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม "
        "ตรวจเยี่ยมโรงเรียนบ้านห้วยปลาหลด อำเภอแม่สอด จังหวัดตาก",
        published="2022-11-06",
    )
    add_visits(
        session,
        1,
        [
            Visit(
                dates=["2022-11-05"],
                provinces=["ตาก"],
                districts=["แม่สอด"],
                subdistricts=["ด่านแม่ละเมา"],
                officials=["นายชัยวุฒิ ธนาคมานุสรณ์"],
                sites=["โรงเรียนบ้านห้วยปลาหลด"],
            )
        ],
        [
            official("นายชัยวุฒิ ธนาคมานุสรณ์", CHAIYAWUT, "รัฐมนตรีว่าการกระทรวงดิจิทัลฯ"),
            site("โรงเรียนบ้านห้วยปลาหลด", "school"),
        ],
    )
    add_post(
        session,
        2,
        "รองปลัดกระทรวงติดตามเน็ตประชารัฐภาคเหนือ",
        "นายภูเวียง ประคำมินทร์ รองปลัดกระทรวงดิจิทัลฯ ลงพื้นที่จังหวัดเชียงราย "
        "และจังหวัดเชียงใหม่ ร่วมกับ ชัยวุฒิ ธนาคมานุสรณ์ ณ ศูนย์ดิจิทัลชุมชนบ้านแม่ริม",
        published="2021-04-01",
        categories=["8"],
        category_name="ข่าวประชาสัมพันธ์",
    )
    add_visits(
        session,
        2,
        [
            Visit(
                dates=["2021-03-29", "2021-03-30", "2021-03-31"],
                provinces=["เชียงราย"],
                officials=["นายภูเวียง ประคำมินทร์"],
            ),
            Visit(
                dates=["2021-03-31"],
                provinces=["เชียงใหม่"],
                districts=["แม่ริม"],
                officials=["นายภูเวียง ประคำมินทร์", "ชัยวุฒิ ธนาคมานุสรณ์"],
                sites=["ศูนย์ดิจิทัลชุมชนบ้านแม่ริม"],
            ),
        ],
        [
            official("นายภูเวียง ประคำมินทร์", PHUWIANG, "รองปลัดกระทรวงดิจิทัลฯ"),
            official("ชัยวุฒิ ธนาคมานุสรณ์", CHAIYAWUT),
            site("ศูนย์ดิจิทัลชุมชนบ้านแม่ริม", "community_centre"),
        ],
    )
    add_post(
        session,
        3,
        "ตรวจราชการภาคเหนือตอนล่าง",
        "คณะตรวจราชการลงพื้นที่ติดตามโครงการ",
        published="2023-01-12",
    )
    add_visits(session, 3, [Visit(dates=["2023-01-10"], provinces=["สุโขทัย"])], version="0.9")
    add_visits(session, 3, [Visit(dates=["2023-01-10"], provinces=["พิษณุโลก"])], version="0.10")
    add_post(
        session,
        4,
        "ประกาศรับสมัครงาน",
        '=HYPERLINK("http://x") รับสมัคร, "ด่วน"\nบรรทัดสอง',
        published=None,
    )
