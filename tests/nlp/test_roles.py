"""Each official's role in a visit: who made it, who received it, who is only named."""

from __future__ import annotations

from nlp import extract

LEAD = (
    "วันนี้ (5 พ.ย. 65) นายชัยวุฒิ ธนาคมานุสรณ์ รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม "
    "พร้อมด้วย นางสาวอัจฉรินทร์ พัฒนพันธ์ชัย ปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม "
    "ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านห้วยปลาหลด ตำบลด่านแม่ละเมา อำเภอแม่สอด จังหวัดตาก "
    "โดยมี นายสมชาย ใจดี ผู้ว่าราชการจังหวัดตาก และนายวิทยา ศรีสุข ผู้อำนวยการโรงเรียนบ้านห้วยปลาหลด "
    "ให้การต้อนรับ\n"
    "นายชัยวุฒิ กล่าวว่า ขอบคุณ นายประเสริฐ มั่นคง ผู้ก่อตั้งมูลนิธิเพื่อการศึกษา ที่สนับสนุนโครงการ\n"
)


def _roles(text: str, title: str | None = None) -> dict[str, str]:
    return {f.value: f.attrs["role"] for f in extract(text, title).of("official")}


def test_the_lead_subject_and_those_with_them_are_visitors_and_the_locals_hosts():
    assert _roles(LEAD) == {
        "นายชัยวุฒิ ธนาคมานุสรณ์": "visitor",
        "นางสาวอัจฉรินทร์ พัฒนพันธ์ชัย": "visitor",
        "นายสมชาย ใจดี": "host",
        "นายวิทยา ศรีสุข": "host",
        "นายประเสริฐ มั่นคง": "mentioned",
    }


def test_a_visit_carries_the_roles_of_its_officials():
    (visit,) = extract(LEAD).visits
    assert set(visit.officials) == set(visit.roles)
    assert [o for o in visit.officials if visit.roles[o] == "visitor"] == [
        "นายชัยวุฒิ ธนาคมานุสรณ์",
        "นางสาวอัจฉรินทร์ พัฒนพันธ์ชัย",
    ]


def test_who_briefs_the_visitors_is_a_host_even_without_a_local_title():
    text = (
        "วันนี้ (5 พ.ย. 65) นายชัยวุฒิ ธนาคมานุสรณ์ รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม "
        "ลงพื้นที่ตรวจเยี่ยมสถานีตรวจอากาศแม่สอด อำเภอแม่สอด จังหวัดตาก "
        "โดยมี ดร.สมพร ทองคำ นักอุตุนิยมวิทยาชำนาญการ บรรยายสรุปการดำเนินงาน\n"
    )
    assert _roles(text)["ดร.สมพร ทองคำ"] == "host"


def test_a_spokesman_who_reports_the_visit_did_not_make_it():
    text = (
        "วันนี้ (5 พ.ย. 65) นายสุรพล แจ่มใส โฆษกกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม เปิดเผยว่า "
        "นายชัยวุฒิ ธนาคมานุสรณ์ รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม "
        "ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านห้วยปลาหลด อำเภอแม่สอด จังหวัดตาก\n"
    )
    roles = _roles(text)
    assert roles["นายสุรพล แจ่มใส"] == "mentioned"
    assert roles["นายชัยวุฒิ ธนาคมานุสรณ์"] == "visitor"


def test_everyone_of_a_post_that_reports_no_visit_is_mentioned():
    text = (
        "วันนี้ (5 พ.ย. 65) ณ ห้องแถลงข่าว ตึกนารีสโมสร ทำเนียบรัฐบาล นายชัยวุฒิ ธนาคมานุสรณ์ "
        "รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม แถลงผลการประชุม โดยมี นายสมชาย ใจดี "
        "ผู้ว่าราชการจังหวัดตาก ร่วมแถลง\n"
    )
    ex = extract(text)
    assert not ex.reports_visit
    assert set(_roles(text).values()) == {"mentioned"}


def test_those_listed_as_taking_part_are_visitors_and_a_governor_among_them_a_host():
    """โดยมี X, Y … ร่วมงาน: who took part in the event went with its subject; a local official
    among them still hosts it."""
    text = (
        "นายสมชาย หาญหิรัญ รัฐมนตรีช่วยว่าการกระทรวงอุตสาหกรรม เป็นประธานในพิธีเปิดศูนย์ส่งเสริมอุตสาหกรรม\n"
        "วันนี้ (2 ธ.ค. 60) นายสมชาย หาญหิรัญ รัฐมนตรีช่วยว่าการกระทรวงอุตสาหกรรม "
        "เป็นประธานในพิธีเปิดศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 1 อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ "
        "โดยมีนายสุรพล ชามาตย์ หัวหน้าผู้ตรวจราชการกระทรวงอุตสาหกรรม นายวิชัย รักษ์ถิ่น "
        "ผู้ว่าราชการจังหวัดเชียงใหม่ และผู้บริหารกระทรวงอุตสาหกรรม ร่วมงาน\n"
    )
    roles = _roles(text)
    assert roles["นายสมชาย หาญหิรัญ"] == "visitor"
    assert roles["นายสุรพล ชามาตย์"] == "visitor"
    assert roles["นายวิชัย รักษ์ถิ่น"] == "host"


def test_a_long_list_closed_by_a_welcome_is_of_hosts():
    text = (
        "วันนี้ (5 พ.ย. 65) นายชัยวุฒิ ธนาคมานุสรณ์ รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม "
        "ลงพื้นที่ตรวจเยี่ยมสถานีตรวจอากาศแม่สอด อำเภอแม่สอด จังหวัดตาก "
        "โดยมี ดร.สมพร ทองคำ นักอุตุนิยมวิทยาชำนาญการพิเศษ สำนักงานอุตุนิยมวิทยาภาคเหนือ "
        "นางสาวอรุณี ศรีสุข นักวิชาการคอมพิวเตอร์ชำนาญการ สำนักงานอุตุนิยมวิทยาภาคเหนือ "
        "และเจ้าหน้าที่สถานีตรวจอากาศแม่สอดทุกฝ่าย ให้การต้อนรับ\n"
    )
    assert _roles(text)["ดร.สมพร ทองคำ"] == "host"


def test_who_comes_before_the_place_of_the_event_made_the_visit():
    """A lead with no deed after its subject but the place of the event (ได้เข้าร่วมการประชุม…
    ณ โรงแรม…): the subject went there."""
    text = (
        "ในวันที่ 12 ตุลาคม 2561 พลอากาศเอก ประจิน จั่นตอง รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงยุติธรรม "
        "ได้เข้าร่วมการประชุมรัฐมนตรีอาเซียนด้านกฎหมาย ครั้งที่ 10 ซึ่งจัดขึ้น ณ โรงแรม Crowne Plaza "
        "กรุงเวียงจันทน์ สาธารณรัฐประชาธิปไตยประชาชนลาว\n"
    )
    assert _roles(text)["พลอากาศเอก ประจิน จั่นตอง"] == "visitor"
