"""Sites on whole posts: named places only, whole names ending where the name ends, no country
or city a trip went to, no venue at the officials' own office."""

from __future__ import annotations

import pytest

from nlp import extract

LEAD = "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี ผู้ตรวจราชการกระทรวง ลงพื้นที่ตรวจเยี่ยม"


def site_names(text: str) -> list[str]:
    return [f.value for f in extract(text).of("site")]


@pytest.mark.parametrize(
    "tail",
    [
        "โรงเรียนคือหัวใจของการพัฒนาชุมชน",  # a verb right after the site word
        "โรงพยาบาลใช้ระบบการแพทย์ทางไกล",
        "โรงพยาบาลขนาดใหญ่ในเขตเมือง",  # a kind of place by size
        "โรงพยาบาลทุกระดับในจังหวัด",  # by level
        "โรงเรียนเก่าของตนเอง",  # by age
    ],
)
def test_a_kind_of_place_or_a_sentence_is_no_site(tail):
    assert site_names(f"{LEAD} ศูนย์ดิจิทัลชุมชนบ้านห้วยปลาหลด และกล่าวว่า {tail}") == [
        "ศูนย์ดิจิทัลชุมชนบ้านห้วยปลาหลด"
    ]


def test_a_site_name_ends_before_a_conjunction_glued_to_it():
    text = f"{LEAD}วัดท่าข้ามศรีดอนชัยอย่างใกล้ชิด อำเภอแม่ลาว จังหวัดเชียงราย"
    assert site_names(text) == ["วัดท่าข้ามศรีดอนชัย"]


def test_the_country_or_city_of_a_trip_is_no_site():
    text = (
        "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงการต่างประเทศ "
        "เข้าร่วมการประชุมรัฐมนตรีอาเซียน ณ กรุงฮานอย"
    )
    assert site_names(text) == []


@pytest.mark.parametrize(
    "then",
    [
        "จากนั้น ได้แถลงข่าว ณ ตึกสันติไมตรี ทำเนียบรัฐบาล",
        "ต่อมาเวลา 14.00 น. ได้ประชุม ณ ตึกนารีสโมสร",  # a building of Government House
    ],
)
def test_a_venue_at_government_house_is_no_site(then):
    text = f"{LEAD}โรงเรียนบ้านห้วยปลาหลด อำเภอแม่สอด จังหวัดตาก\n{then}"
    assert site_names(text) == ["โรงเรียนบ้านห้วยปลาหลด"]
