"""Sites visited: named places with their type, and the mentions that are not sites."""

import pytest

from nlp import extract

LEAD = "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี ผู้ตรวจราชการกระทรวง"


def sites(text: str) -> list[tuple[str, str]]:
    return [(f.value, f.attrs["type"]) for f in extract(text).of("site")]


@pytest.mark.parametrize(
    ("tail", "site", "kind"),
    [
        ("ตรวจเยี่ยมโรงเรียนบ้านห้วยปลาหลด ต.ด่านแม่ละเมา", "โรงเรียนบ้านห้วยปลาหลด", "school"),
        ("ตรวจเยี่ยมศูนย์ดิจิทัลชุมชนวัดบูรพา ต.ทุ่งแต้", "ศูนย์ดิจิทัลชุมชนวัดบูรพา", "community_centre"),
        ("ลงพื้นที่ ณ ศาลาประชาคมบ้านเกาะวงษ์เกียรติ์ หมู่ 2", "ศาลาประชาคมบ้านเกาะวงษ์เกียรติ์", "village_hall"),
        ("ลงพื้นที่จังหวัดพิษณุโลก ณ วัดสะเดา อำเภอวังทอง", "วัดสะเดา", "temple"),
        ("ตรวจเยี่ยมโรงพยาบาลวชิระภูเก็ต", "โรงพยาบาลวชิระภูเก็ต", "hospital"),
        ("ลงพื้นที่ตลาดน้ำท่าคา อ อัมพวา", "ตลาดน้ำท่าคา", "market"),
        ("ณ วิสาหกิจชุมชนริมคลองโฮมสเตย์ ณ หมู่ที่ 6", "วิสาหกิจชุมชนริมคลองโฮมสเตย์", "community_enterprise"),
        ("เยี่ยมผู้ประสบภัย ณ ที่ทำการกำนัน หมู่ 1 บ้านบางบ้า ตำบลชุมแสงสงคราม", "บ้านบางบ้า", "village"),
        ("ตรวจเยี่ยมเรือนจำพิเศษกรุงเทพมหานคร เขตจตุจักร", "เรือนจำพิเศษกรุงเทพมหานคร", "prison"),
        ("เข้าพบผู้ว่าราชการ ณ ครัวชวนชม", "ครัวชวนชม", "other"),
    ],
)
def test_site_kinds(tail, site, kind):
    assert (site, kind) in sites(f"{LEAD} {tail}")


def test_a_list_of_health_centres():
    text = f"{LEAD} ลงพื้นที่ 4 แห่ง ได้แก่ รพ.สต.บางเมือง, รพ.สต.ร่มโพธิ์, รพ.สต.แพรกษา และรพ.สต.พุทธรักษา อำเภอเมืองสมุทรปราการ"
    assert [s for s, _ in sites(text)] == [
        "รพ.สต.บางเมือง",
        "รพ.สต.ร่มโพธิ์",
        "รพ.สต.แพรกษา",
        "รพ.สต.พุทธรักษา",
    ]


def test_a_centre_hosted_by_a_school_keeps_its_generic_name():
    text = f"{LEAD} ปิดท้ายด้วยการตรวจเยี่ยมศูนย์การเรียนรู้ ICT ชุมชน ณ โรงเรียนบ้านราวต้นจันทน์ ต.ราวต้นจันทน์"
    assert [s for s, _ in sites(text)][0] == "ศูนย์การเรียนรู้ ICT ชุมชน"


def test_a_meeting_room_and_its_building():
    text = f"{LEAD} เป็นประธานการประชุม ณ ห้องประชุม 1 ชั้น 5 ศาลากลางจังหวัดสงขลา"
    assert [s for s, _ in sites(text)] == [
        "ห้องประชุม 1 ชั้น 5 ศาลากลางจังหวัดสงขลา",
        "ศาลากลางจังหวัดสงขลา",
    ]


def test_site_carries_the_place_written_after_it():
    ex = extract(f"{LEAD} ตรวจเยี่ยมโรงเรียนบ้านห้วยปลาหลด ต.ด่านแม่ละเมา อ.แม่สอด จ.ตาก")
    site = ex.of("site")[0]
    assert site.attrs["subdistrict"] == "ด่านแม่ละเมา"
    assert site.attrs["district"] == "แม่สอด"
    assert site.attrs["province"] == "ตาก"


@pytest.mark.parametrize(
    "tail",
    [
        "ตรวจศูนย์ดิจิทัลชุมชนและรับฟังปัญหา",  # the kind, no name
        "พบว่าศูนย์ดิจิทัลชุมชนแห่งนี้มีความเข้มแข็ง",
        "ได้เสนอแนะให้สำนักงานสถิติจังหวัดเป็นศูนย์กลางในการประสานงาน",  # an office advised
        "ประชุมร่วมกับบริษัท โทรคมนาคมแห่งชาติ จำกัด (มหาชน) กรมอุตุนิยมวิทยา",  # met, not visited
        "ประชาชนได้อพยพออกมาอยู่ในศูนย์พักพิงที่ทางพื้นที่จัดเตรียมไว้ให้",
        "ตรวจเยี่ยมโรงพยาบาลชุมชน 3 แห่ง",  # a count of a kind
        "ขอความร่วมมือผู้อำนวยการโรงเรียนช่วยส่งเสริมการใช้งาน",  # a title, not a place
    ],
)
def test_mentions_that_are_not_sites(tail):
    assert sites(f"{LEAD} {tail}") == []
