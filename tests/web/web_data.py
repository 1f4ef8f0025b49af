"""A small archive for the web tests, written with archive.store as the real commands write it.

Facts are placed by hand at the offsets where their words stand, so what a page must show is
known here, not produced by the code under test. Two visits to สุโขทัย (2563 = 2020) and one to
เชียงใหม่ (2021) mention เน็ตประชารัฐ; a hostile post tries markup, script and a javascript: link.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from archive.sources import DEFAULT_SOURCE
from archive.store import find_post, replace_facts, save_post
from nlp.facts import Extraction, Fact, Visit
from tests.archive.archive_data import ids_from, post_item

VERSION = "test-1"

SUKHOTHAI_1 = (
    "เมื่อวันที่ 9 มีนาคม 2563 นางปิยนุช วุฒิสอน ผู้ตรวจราชการกระทรวง ลงพื้นที่ตรวจเยี่ยม"
    "โรงเรียนบ้านนาเชิงคีรี อำเภอศรีสำโรง จังหวัดสุโขทัย เพื่อติดตามการใช้ประโยชน์เน็ตประชารัฐ"
)
SUKHOTHAI_2 = (
    "นายภูเวียง ประคำมินทร์ รองปลัดกระทรวง ตรวจเยี่ยมศูนย์ดิจิทัลชุมชนบ้านกง อำเภอกงไกรลาศ "
    "จังหวัดสุโขทัย เมื่อวันที่ 2 กรกฎาคม 2563 และมอบอุปกรณ์เน็ตประชารัฐให้ชุมชน"
)
CHIANG_MAI = (
    "นางปิยนุช วุฒิสอน ลงพื้นที่จังหวัดเชียงใหม่ เมื่อวันที่ 15 มกราคม 2564 "
    "ตรวจเยี่ยมโรงเรียนบ้านแม่ริม อำเภอแม่ริม ติดตามเน็ตประชารัฐ"
)
HOSTILE_TITLE = 'เน็ตประชารัฐ <script>alert("title")</script>'
HOSTILE_BODY = (
    "จังหวัดตาก <img src=x onerror=\"alert('body')\"> เน็ตประชารัฐ "
    "<b>ตัวหนา</b> </textarea><script>alert('escape')</script>"
)
JOBS = "ประกาศรับสมัครพนักงานราชการ ตำแหน่งนักวิชาการคอมพิวเตอร์ จำนวน 2 อัตรา"


def item(post_id: int, title: str, body: str, published: str, **extra: Any) -> dict[str, Any]:
    extra = {
        "category_name": "ข่าวผู้ตรวจราชการกระทรวง",
        "fetched_at": "2024-01-02T00:00:00",
        **extra,
    }
    return post_item(post_id, title, body, published=published, **extra)


def fact(kind: str, value: str, text: str, surface: str, **attrs: Any) -> Fact:
    """The fact at the first place `surface` stands in `text` (the post's body)."""
    start = text.index(surface)
    return Fact(kind, value, start, start + len(surface), surface, "body", "test", attrs)  # type: ignore[arg-type]


def store(session: Session, post: dict[str, Any], facts: list[Fact], visits: list[Visit]) -> None:
    save_post(session, post)
    post_id = find_post(session, DEFAULT_SOURCE, post["post_id"]).id  # type: ignore[union-attr]
    replace_facts(session, post_id, Extraction(VERSION, facts, visits))


def fill(session: Session) -> None:
    """The posts 101…105 (MDES's ids), stored in that order under the same archive ids."""
    with ids_from(session, 101):
        _fill(session)


def _fill(session: Session) -> None:
    store(
        session,
        item(101, "ผู้ตรวจราชการฯ ลงพื้นที่จังหวัดสุโขทัย", SUKHOTHAI_1, "2020-03-10"),
        [
            fact("date", "2020-03-09", SUKHOTHAI_1, "9 มีนาคม 2563"),
            fact(
                "official",
                "นางปิยนุช วุฒิสอน",
                SUKHOTHAI_1,
                "นางปิยนุช วุฒิสอน",
                person="ปิยนุช วุฒิสอน",
                position="ผู้ตรวจราชการกระทรวง",
            ),
            fact("site", "โรงเรียนบ้านนาเชิงคีรี", SUKHOTHAI_1, "โรงเรียนบ้านนาเชิงคีรี", type="school"),
            fact("district", "ศรีสำโรง", SUKHOTHAI_1, "อำเภอศรีสำโรง"),
            fact("province", "สุโขทัย", SUKHOTHAI_1, "จังหวัดสุโขทัย"),
        ],
        [
            Visit(
                ["2020-03-09"], ["สุโขทัย"], ["ศรีสำโรง"], [], ["นางปิยนุช วุฒิสอน"], ["โรงเรียนบ้านนาเชิงคีรี"]
            )
        ],
    )
    store(
        session,
        item(102, "รองปลัดฯ ตรวจเยี่ยมศูนย์ดิจิทัลชุมชน สุโขทัย", SUKHOTHAI_2, "2020-07-03"),
        [
            fact(
                "official",
                "นายภูเวียง ประคำมินทร์",
                SUKHOTHAI_2,
                "นายภูเวียง ประคำมินทร์",
                person="ภูเวียง ประคำมินทร์",
            ),
            fact(
                "site", "ศูนย์ดิจิทัลชุมชนบ้านกง", SUKHOTHAI_2, "ศูนย์ดิจิทัลชุมชนบ้านกง", type="community_centre"
            ),
            fact("district", "กงไกรลาศ", SUKHOTHAI_2, "อำเภอกงไกรลาศ"),
            fact("province", "สุโขทัย", SUKHOTHAI_2, "จังหวัดสุโขทัย"),
            fact("date", "2020-07-02", SUKHOTHAI_2, "2 กรกฎาคม 2563"),
        ],
        [
            Visit(
                ["2020-07-02"],
                ["สุโขทัย"],
                ["กงไกรลาศ"],
                [],
                ["นายภูเวียง ประคำมินทร์"],
                ["ศูนย์ดิจิทัลชุมชนบ้านกง"],
            )
        ],
    )
    store(
        session,
        item(
            103,
            "ผู้ตรวจราชการฯ ติดตามเน็ตประชารัฐ เชียงใหม่",
            CHIANG_MAI,
            "2021-01-16",
            categories=["115"],
            category_name="ข่าวกิจกรรมผู้บริหาร",
        ),
        [
            fact("official", "นางปิยนุช วุฒิสอน", CHIANG_MAI, "นางปิยนุช วุฒิสอน", person="ปิยนุช วุฒิสอน"),
            fact("province", "เชียงใหม่", CHIANG_MAI, "จังหวัดเชียงใหม่"),
            fact("date", "2021-01-15", CHIANG_MAI, "15 มกราคม 2564"),
            fact("site", "โรงเรียนบ้านแม่ริม", CHIANG_MAI, "โรงเรียนบ้านแม่ริม", type="school"),
            fact("district", "แม่ริม", CHIANG_MAI, "อำเภอแม่ริม"),
        ],
        [Visit(["2021-01-15"], ["เชียงใหม่"], ["แม่ริม"], [], ["นางปิยนุช วุฒิสอน"], ["โรงเรียนบ้านแม่ริม"])],
    )
    store(
        session,
        item(104, HOSTILE_TITLE, HOSTILE_BODY, "2022-05-05", url="javascript:alert('url')"),
        [
            fact("province", "ตาก", HOSTILE_BODY, "จังหวัดตาก"),
            fact("site", "<b>ตัวหนา</b>", HOSTILE_BODY, "<b>ตัวหนา</b>"),
        ],
        [Visit([], ["ตาก"], [], [], [], ["<b>ตัวหนา</b>"])],
    )
    store(session, item(105, "ประกาศรับสมัครงาน", JOBS, "2023-02-01"), [], [])
