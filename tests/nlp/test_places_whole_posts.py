"""Provinces on whole posts: only where the visit went, not the provinces a programme lists,
that will receive aid, or that a statistic counts."""

from __future__ import annotations

from nlp import extract
from tests.nlp.helpers import values

LEAD = (
    "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงมหาดไทย ลงพื้นที่ตรวจเยี่ยม"
    "ผู้ประสบอุทกภัย ณ ศาลากลางจังหวัดน่าน\n"
)


def test_provinces_that_will_receive_aid_are_not_visited():
    text = LEAD + (
        "ทั้งนี้ กระทรวงได้จัดสรรงบประมาณช่วยเหลือผู้ประสบภัยเพิ่มเติมใน 4 จังหวัด ได้แก่ "
        "จังหวัดแพร่ อุตรดิตถ์ พะเยา และสุโขทัย\n"
    )
    assert values(extract(text), "province") == ["น่าน"]


def test_provinces_a_statistic_counts_are_not_visited():
    text = LEAD + ("สำหรับจังหวัดที่มีผู้ลงทะเบียนสูงสุด คือ 1. จังหวัดแพร่ 4,034 ราย 2. จังหวัดพะเยา 3,125 ราย\n")
    assert values(extract(text), "province") == ["น่าน"]


def test_a_list_of_provinces_the_visit_went_to_is_kept():
    text = (
        "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงมหาดไทย ลงพื้นที่ตรวจเยี่ยม"
        "ผู้ประสบอุทกภัย 3 จังหวัด ได้แก่ จังหวัดแพร่ น่าน และพะเยา\n"
    )
    assert values(extract(text), "province") == ["แพร่", "น่าน", "พะเยา"]
