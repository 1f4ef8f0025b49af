"""Each place form of issue #3, read against the gazetteer."""

import pytest

from nlp import extract
from tests.nlp.helpers import values

LEAD = "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี ผู้ตรวจราชการกระทรวง ลงพื้นที่"


@pytest.mark.parametrize(
    ("written", "province"),
    [
        ("จังหวัดสุโขทัย", "สุโขทัย"),
        ("จ.สุโขทัย", "สุโขทัย"),
        ("จ. สุโขทัย", "สุโขทัย"),
        ("กทม.", "กรุงเทพมหานคร"),
        ("กรุงเทพฯ", "กรุงเทพมหานคร"),
        ("โคราช", "นครราชสีมา"),
        ("อำนาจเจริญ", "อำนาจเจริญ"),  # bare name after ลงพื้นที่
        ("จังหวัดสุราษฏร์ธานี", "สุราษฎร์ธานี"),  # ฏ for ฎ: one edit from the gazetteer
    ],
)
def test_province_forms(written, province):
    ex = extract(f"{LEAD}{written} เพื่อติดตามงาน")
    assert values(ex, "province") == [province]


def test_district_and_subdistrict_forms_with_village_number():
    ex = extract(f"{LEAD} ณ หมู่ที่ 6 ตำบลบ้านปรก อำเภอเมืองสมุทรสงคราม และ หมู่ 5 ต.เหมืองใหม่ อ.อัมพวา")
    assert values(ex, "district") == ["เมืองสมุทรสงคราม", "อัมพวา"]
    assert values(ex, "subdistrict") == ["บ้านปรก", "เหมืองใหม่"]
    moo = {f.value: f.attrs.get("moo") for f in ex.of("subdistrict")}
    assert moo == {"บ้านปรก": "6", "เหมืองใหม่": "5"}
    assert {f.attrs["province"] for f in ex.of("district")} == {"สมุทรสงคราม"}


def test_bare_amphoe_mueang_takes_the_province_written_after_it():
    ex = extract(f"{LEAD} ต.ทุ่งแต้ อ.เมือง จ.ยโสธร")
    assert values(ex, "district") == ["เมืองยโสธร"]
    sub = ex.of("subdistrict")[0]
    assert (sub.value, sub.attrs["district"], sub.attrs["province"]) == (
        "ทุ่งแต้",
        "เมืองยโสธร",
        "ยโสธร",
    )


def test_bangkok_khet_and_khwaeng():
    ex = extract(f"{LEAD} ณ สวนสาธารณะหนองจอก แขวงกระทุ่มราย เขตหนองจอก กรุงเทพฯ")
    assert values(ex, "district") == ["หนองจอก"]
    assert values(ex, "subdistrict") == ["กระทุ่มราย"]
    assert values(ex, "province") == ["กรุงเทพมหานคร"]


def test_district_without_dot():
    ex = extract(f"{LEAD}ตลาดน้ำท่าคา อ อัมพวา จังหวัดสมุทรสงคราม")
    assert values(ex, "district") == ["อัมพวา"]


def test_post_spelling_is_kept_and_gazetteer_name_reported():
    ex = extract(f"{LEAD} ณ โรงเรียนบ้านราวต้นจันทน์ ต.ราวต้นจันทน์ อ.ศรีสำโรง จ.สุโขทัย")
    sub = ex.of("subdistrict")[0]
    assert sub.value == "ราวต้นจันทร์"
    assert sub.attrs["written"] == "ราวต้นจันทน์"
    assert sub.surface == "ต.ราวต้นจันทน์"


def test_unknown_name_is_not_invented():
    ex = extract(f"{LEAD} ณ ตำบลกขฃคฅฆ อำเภอฉชซฌญ จังหวัดสุโขทัย")
    assert values(ex, "subdistrict") == []
    assert values(ex, "district") == []


def test_foreign_place_yields_no_thai_place():
    ex = extract("วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี ผู้ตรวจราชการกระทรวง เดินทางเยือนกรุงโตเกียว ประเทศญี่ปุ่น")
    assert ex.of("province") == [] and ex.of("district") == [] and ex.of("subdistrict") == []


@pytest.mark.parametrize(
    "text",
    [
        # only in a job title
        "วันที่ 5 มีนาคม 2566 นายไมตรี ไตรติลานันท์ ผู้ว่าราชการจังหวัดสุโขทัย ลงพื้นที่ติดตามสถานการณ์",
        # only in a surname
        "วันที่ 5 มีนาคม 2566 ดร. กมล พรหมสาขา ณ สกลนคร ผู้อำนวยการศูนย์ ร่วมต้อนรับคณะ",
        # only in an organisation's name
        "วันที่ 5 มีนาคม 2566 ผู้ตรวจราชการฯ ได้เสนอแนะให้สำนักงานสถิติจังหวัดตากเป็นศูนย์กลางการประสานงาน",
        # only as members of a province group
        "ลงพื้นที่ตรวจราชการกลุ่มจังหวัดภาคเหนือตอนบน 2 (เชียงราย พะเยา น่าน)",
        # only in a press dateline
        "กรุงเทพฯ 3 มี.ค. 2565 - นายชัยวุฒิ ธนาคมานุสรณ์ รมว.ดิจิทัลฯ ลงพื้นที่ติดตามงาน",
    ],
)
def test_provinces_that_are_not_visit_locations(text):
    assert values(extract(text), "province") == []


def test_tambon_inside_an_organisation_name_is_not_a_visited_subdistrict():
    ex = extract(f"{LEAD}ประชุมร่วมกับ อบต.กะเฉด และองค์การบริหารส่วนตำบลบ้านค่าย")
    assert values(ex, "subdistrict") == []


def test_ministry_postal_address_is_not_a_visit():
    text = (
        f"{LEAD}จังหวัดสุโขทัย\n\n"
        "120 หมู่ 3 ชั้น 6-9 อาคารรัฐประศาสนภักดี ถนนแจ้งวัฒนะ แขวงทุ่งสองห้อง เขตหลักสี่ กรุงเทพฯ 10210"
    )
    ex = extract(text)
    assert values(ex, "province") == ["สุโขทัย"]
    assert ex.of("district") == [] and ex.of("subdistrict") == []


def test_provinces_of_an_inspection_zone_are_not_all_visited():
    text = (
        "ผู้ตรวจราชการฯ ลงพื้นที่ตรวจราชการ เขตตรวจราชการที่ 5 (จังหวัดนครราชสีมา ชัยภูมิ บุรีรัมย์) "
        "โดยตรวจเยี่ยมศาลากลางจังหวัดบุรีรัมย์"
    )
    assert values(extract(text), "province") == ["บุรีรัมย์"]
