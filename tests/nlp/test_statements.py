"""Statements and plans: a press dateline dates the release, and the venue and dates of an event
still to come are not a visit. Only what the post reports as done is extracted."""

import pytest

from nlp import extract
from tests.nlp.helpers import dates, values


@pytest.mark.parametrize(
    "text",
    [
        # a statement announcing an event: its month, its venue
        "กรุงเทพฯ 14 ส.ค. 2567 - นายประเสริฐ จันทรรวงทอง รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจ"
        "และสังคม กล่าวว่า กระทรวงเตรียมจัดงานมหกรรมเทคโนโลยีดิจิทัลในเดือนตุลาคมนี้ "
        "ที่ศูนย์การประชุมแห่งชาติสิริกิติ์ เพื่อแสดงศักยภาพของผู้ประกอบการไทย",
        # a planned seminar with its own date and hotel
        "ขอนแก่น 2 พฤษภาคม 2566 - นางสาววรรณา มีสุข ผู้อำนวยการสำนักงานสถิติจังหวัดขอนแก่น "
        "เปิดเผยว่า สำนักงานฯ มีกำหนดจัดสัมมนาเรื่องข้อมูลเปิดภาครัฐ ณ โรงแรมพูลแมน ขอนแก่น "
        "ในวันที่ 20 พฤษภาคม 2566 เพื่อให้ความรู้แก่หน่วยงานในพื้นที่",
        # an order given, something expected
        "เชียงใหม่ 9 ม.ค. 2568 - ดร.สมศักดิ์ ทองดี ปลัดกระทรวง กล่าวว่า ได้มอบหมายให้ทุกหน่วยงาน"
        "เร่งรัดการเบิกจ่ายงบประมาณ และคาดว่าจะเปิดศูนย์ข้อมูลแห่งใหม่ ณ อาคารรัฐประศาสนภักดี "
        "ได้ภายในปีนี้",
        # visits talked about in the quote, not made
        "ภูเก็ต 21 ก.ย. 2566 - นายธนพล ชัยมงคล รองปลัดกระทรวง ให้สัมภาษณ์ว่า ในปีหน้ากระทรวง"
        "จะลงพื้นที่ตรวจเยี่ยมศูนย์ดิจิทัลชุมชนทั่วภาคใต้",
    ],
)
def test_a_statement_under_a_press_dateline_is_no_visit(text):
    assert {f.kind for f in extract(text).facts} == {"official"}


def test_a_press_dateline_opening_a_visit_report_dates_the_visit():
    text = (
        "สงขลา 5 มิ.ย. 2567 - นายธนพล ชัยมงคล รองปลัดกระทรวง เป็นประธานเปิดการอบรมการค้าออนไลน์ "
        "ณ ศูนย์ดิจิทัลชุมชนตำบลคอหงส์ อำเภอหาดใหญ่ โดยกล่าวว่า กระทรวงจะขยายผลไปทั่วจังหวัด"
    )
    ex = extract(text)
    assert dates(ex) == ["2024-06-05"]
    assert values(ex, "site") == ["ศูนย์ดิจิทัลชุมชนตำบลคอหงส์"]


def test_a_press_dateline_gives_way_to_the_date_the_post_gives_the_visit():
    text = (
        "นครพนม 12 ก.พ. 2567 - เมื่อวันที่ 10 กุมภาพันธ์ 2567 นายวิทยา รักดี รองปลัดกระทรวง "
        "ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านนาคู่ อำเภอนาแก จังหวัดนครพนม"
    )
    assert dates(extract(text)) == ["2024-02-10"]


def test_a_planned_event_after_a_visit_keeps_its_dates_and_venue_out():
    text = (
        "วันที่ 10 มกราคม 2567 นายธนพล ชัยมงคล รองปลัดกระทรวง ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านคลองแงะ "
        "อำเภอสะเดา จังหวัดสงขลา ทั้งนี้ กระทรวงเตรียมจัดงานมหกรรมดิจิทัลภาคใต้ ระหว่างวันที่ 20-22 "
        "กุมภาพันธ์ 2567 ณ ศูนย์ประชุมนานาชาติฉลองสิริราชสมบัติครบ 60 ปี"
    )
    ex = extract(text)
    assert dates(ex) == ["2024-01-10"]
    assert values(ex, "site") == ["โรงเรียนบ้านคลองแงะ"]


@pytest.mark.parametrize(
    "plan",
    [
        "และกล่าวว่า สำนักงานฯ มีกำหนดจัดอบรมครั้งใหญ่ที่โรงแรมเชียงใหม่ภูคำ ในวันที่ 15 พฤศจิกายน 2567",
        "โดยงานดังกล่าวจะจัดที่โรงแรมเชียงใหม่ภูคำ ในวันที่ 15 พฤศจิกายน 2567",
        "ซึ่งคาดว่าจะมีผู้เข้าร่วมงานที่โรงแรมเชียงใหม่ภูคำ ในวันที่ 15 พฤศจิกายน 2567 กว่า 300 คน",
    ],
)
def test_the_venue_of_an_event_to_come_is_not_a_site_visited(plan):
    text = (
        "วันที่ 2 ตุลาคม 2567 นายธนพล ชัยมงคล ลงพื้นที่ตรวจเยี่ยมศูนย์ดิจิทัลชุมชนบ้านแม่ลาน "
        f"อำเภอแม่ลาน จังหวัดปัตตานี {plan}"
    )
    ex = extract(text)
    assert values(ex, "site") == ["ศูนย์ดิจิทัลชุมชนบ้านแม่ลาน"]
    assert dates(ex) == ["2024-10-02"]


def test_a_visit_to_see_an_event_being_prepared_is_a_visit_to_its_venue():
    text = (
        "วันที่ 2 ตุลาคม 2567 นายธนพล ชัยมงคล รองปลัดกระทรวง ลงพื้นที่ติดตามการเตรียมจัดงานมหกรรม"
        "ดิจิทัล ณ ศูนย์การประชุมแห่งชาติสิริกิติ์ เขตคลองเตย"
    )
    assert values(extract(text), "site") == ["ศูนย์การประชุมแห่งชาติสิริกิติ์"]
