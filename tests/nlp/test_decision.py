"""The post-level decision on whole posts shaped like the government's news pages: a stamp, the
headline (written twice), the lead, then the rest. Only a post whose headline or lead reports a
visit or an on-site event that took place yields dates, places, sites and visits."""

from __future__ import annotations

import pytest

from nlp import extract

MINISTER = "นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงยุติธรรม"
GOVERNOR = "นายวิชัย รักษ์ถิ่น ผู้ว่าราชการจังหวัดน่าน"
LATER = (
    f"{MINISTER} กล่าวว่า เมื่อเดือนที่แล้วได้ลงพื้นที่ตรวจเยี่ยมเรือนจำจังหวัดน่าน "
    "อำเภอเมืองน่าน จังหวัดน่าน และพบว่าการดำเนินงานเป็นไปด้วยดี"
)


def post(
    headline: str, lead: str, rest: str = LATER, stamp: str = "วันอังคารที่ 12 กันยายน 2560"
) -> tuple[str, str]:
    """(text, title) of a whole post: stamp line, headline twice, lead, a later paragraph."""
    text = f"{stamp}\n{headline}\n{headline}\n{lead}\n{rest}\n"
    return text, f"รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-{headline}"


def test_a_field_visit_in_the_lead_is_a_visit():
    text, title = post(
        "รมว.ยุติธรรม ลงพื้นที่ตรวจเยี่ยมเรือนจำจังหวัดน่าน",
        f"วันนี้ (12 ก.ย. 60) เวลา 10.00 น. {MINISTER} ลงพื้นที่ตรวจเยี่ยมเรือนจำจังหวัดน่าน "
        "อำเภอเมืองน่าน จังหวัดน่าน เพื่อติดตามการดำเนินงานด้านการพัฒนาพฤตินิสัยผู้ต้องขัง",
    )
    ex = extract(text, title)
    assert ex.reports_visit
    assert [v.provinces for v in ex.visits] == [["น่าน"]]


@pytest.mark.parametrize(
    ("headline", "lead"),
    [
        # a meeting at Government House: the later paragraph's past trip is not this post's
        (
            "รมว.ยุติธรรม ประชุมคณะกรรมการป้องกันยาเสพติด",
            "วันนี้ (12 ก.ย. 60) เวลา 10.00 น. ณ ห้องประชุม 501 ตึกบัญชาการ 1 ทำเนียบรัฐบาล "
            f"{MINISTER} เป็นประธานการประชุมคณะกรรมการป้องกันยาเสพติด ครั้งที่ 3/2560",
        ),
        # a meeting in the ministry's own room
        (
            "รมว.ยุติธรรม ประชุมผู้บริหารกระทรวง",
            "วันนี้ (12 ก.ย. 60) เวลา 09.30 น. ณ ห้องประชุม ชั้น 9 กระทรวงยุติธรรม "
            f"ศูนย์ราชการเฉลิมพระเกียรติ {MINISTER} เป็นประธานการประชุมผู้บริหารระดับสูง",
        ),
        # a meeting by video call
        (
            "รมว.ยุติธรรม ร่วมประชุมรัฐมนตรียุติธรรมอาเซียน",
            f"วันนี้ (12 ก.ย. 60) {MINISTER} ร่วมประชุมรัฐมนตรียุติธรรมอาเซียน ครั้งที่ 10 "
            "ผ่านระบบการประชุมทางไกล ณ จังหวัดนนทบุรี",
        ),
        # a trip still to come
        (
            "รมว.ยุติธรรม เตรียมลงพื้นที่จังหวัดน่าน",
            f"{MINISTER} มีกำหนดลงพื้นที่ตรวจเยี่ยมเรือนจำจังหวัดน่าน อำเภอเมืองน่าน "
            "จังหวัดน่าน ในวันที่ 20 กันยายน 2560 เพื่อติดตามการดำเนินงาน",
        ),
        # a trip abroad still to come: the headline reads like a report, the lead says the plan
        (
            "รมว.ยุติธรรม ร่วมการประชุมรัฐมนตรียุติธรรมอาเซียน ณ กรุงมะนิลา",
            "นายสุรพล แจ่มใส โฆษกกระทรวงยุติธรรม เปิดเผยว่า รัฐมนตรีว่าการกระทรวงยุติธรรม"
            "มีกำหนดเข้าร่วมการประชุมรัฐมนตรียุติธรรมอาเซียน ครั้งที่ 10 ในสัปดาห์หน้า",
        ),
        # a ceremony in the ministry's own meeting room
        (
            "รองปลัดกระทรวง เป็นประธานมอบรางวัลผู้ชนะการประกวด",
            f"{MINISTER} เป็นประธานในพิธีมอบรางวัลแก่ผู้ชนะการประกวดนวัตกรรม "
            "ณ ห้องประชุม ยธ.1 สำนักงานปลัดกระทรวงยุติธรรม",
        ),
        # an order: staff are sent, the minister does not go
        (
            "รมว.ยุติธรรม สั่งเร่งช่วยเหลือผู้ต้องขังป่วย",
            f"{MINISTER} เปิดเผยว่า ได้ส่งเจ้าหน้าที่ลงพื้นที่ตรวจสอบข้อเท็จจริงที่เรือนจำจังหวัดน่าน "
            "และกำชับให้ทุกเรือนจำดูแลผู้ต้องขังป่วยอย่างใกล้ชิด",
        ),
        # advice: what people must do
        (
            "ยุติธรรม แนะวิธีป้องกันโรคในเรือนจำ",
            f"{MINISTER} แนะนำว่า ญาติที่ต้องพบปะผู้ต้องขังควรสวมหน้ากากอนามัยตลอดเวลา "
            "เพื่อลดความเสี่ยงในการติดเชื้อ",
        ),
        # an exhibition viewed at Government House
        (
            "นายกรัฐมนตรี เยี่ยมชมนิทรรศการผลงานกระทรวงยุติธรรม",
            "วันนี้ (12 ก.ย. 60) ณ หน้าตึกนารีสโมสร ทำเนียบรัฐบาล พลเอก ประยุทธ์ จันทร์โอชา "
            "นายกรัฐมนตรี เยี่ยมชมนิทรรศการผลงานของกระทรวงยุติธรรม",
        ),
        # a training opened in the ministry's room (ที่ห้องประชุม … กระทรวง…)
        (
            "รมว.ยุติธรรม เปิดการอบรมข้าราชการรุ่นใหม่",
            "วันนี้ (12 ก.ย. 60) ที่ห้องประชุม ชั้น 5 อาคารกระทรวงยุติธรรม "
            f"{MINISTER} เป็นประธานในพิธีเปิดการอบรมหลักสูตรข้าราชการที่ดี",
        ),
        # an invitation to an event still to come
        (
            "เตรียมพบกับ งานยุติธรรมสัญจร ประจำปี 2560",
            "กระทรวงยุติธรรม ขอเชิญประชาชนร่วมงานยุติธรรมสัญจร ระหว่างวันที่ 15 - 24 กันยายน 2560 "
            "ณ สวนลุมพินี กรุงเทพมหานคร",
        ),
        # a statement about where people register: the ณ is only reported
        (
            "รมว.ยุติธรรม เผยยอดลงทะเบียนกองทุนยุติธรรม",
            f"{MINISTER} เปิดเผยว่า ตามที่กระทรวงเปิดรับลงทะเบียนผู้ขอรับความช่วยเหลือ "
            "ณ สำนักงานยุติธรรมจังหวัดทั่วประเทศ พบว่ามีผู้ลงทะเบียนแล้วกว่า 2 หมื่นราย",
        ),
        # a committee meeting in a meeting room of a government office
        (
            "รมว.ยุติธรรม ประชุมคณะกรรมการกองทุนยุติธรรม",
            f"วันนี้ (12 ก.ย. 60) {MINISTER} เป็นประธานการประชุมคณะกรรมการกองทุนยุติธรรม "
            "โดยมีผู้บริหารเข้าร่วมประชุม ณ ห้องประชุม 401 สำนักงานกองทุนยุติธรรม",
        ),
        # a statement: no visit word in the lead at all
        (
            "รมว.ยุติธรรม ย้ำมาตรการป้องกันยาเสพติดในเรือนจำ",
            f"{MINISTER} เปิดเผยว่า กระทรวงได้กำชับให้ทุกเรือนจำเข้มงวดการตรวจค้นผู้เข้าเยี่ยม "
            "และรายงานผลการดำเนินงานทุกเดือน เพื่อให้การป้องกันยาเสพติดเป็นไปอย่างมีประสิทธิภาพ",
        ),
    ],
)
def test_desk_work_plans_and_statements_report_no_visit(headline, lead):
    ex = extract(*post(headline, lead))
    assert not ex.reports_visit
    assert ex.visits == []
    assert {f.kind for f in ex.facts} == {"official"}  # officials kept, nothing else
    assert {f.attrs["role"] for f in ex.of("official")} == {"mentioned"}


@pytest.mark.parametrize(
    "lead",
    [
        # a deputy prime minister (whose office is Government House) inspects a ministry
        "วันนี้ (4 ก.พ. 62) นายสมคิด จาตุศรีพิทักษ์ รองนายกรัฐมนตรี ตรวจเยี่ยม ติดตามความก้าวหน้า"
        "โครงการของกระทรวงอุตสาหกรรม โดยมีปลัดกระทรวงให้การต้อนรับ ณ ห้องประชุมชุณหะวัณ "
        "อาคารสำนักงานปลัดกระทรวงอุตสาหกรรม",
        # a minister's aide visits a department's own building (GUIDE.md: a visit)
        "ในวันศุกร์ที่ 26 ตุลาคม 2561 เวลา 09.00 น. ณ ห้องประชุมใหญ่ ชั้น 9 อาคารกรมบังคับคดี "
        "เขตบางขุนนนท์ กรุงเทพฯ นายพงศธร สัจจชลพันธ์ ผู้ช่วยรัฐมนตรีประจำกระทรวงยุติธรรม "
        "เยี่ยมชมและแลกเปลี่ยนความคิดเห็นในการขับเคลื่อนองค์กร",
    ],
)
def test_an_inspection_of_another_bodys_premises_is_a_visit(lead):
    text, title = post("ตรวจเยี่ยมการดำเนินงานของหน่วยงาน", lead)
    assert extract(text, title).reports_visit


def test_a_summary_the_page_repeats_is_read_once_and_the_dated_lead_after_it_decides():
    """Pages often print the summary paragraph twice; the dated lead follows the copy."""
    summary = (
        f"{MINISTER} ประกาศเจตนารมณ์ขับเคลื่อนความปลอดภัยของผู้ต้องขังและเจ้าหน้าที่ "
        "เนื่องในวันแห่งความปลอดภัยโลก พร้อมกับนานาประเทศ ตรงกับวันที่ 17 กันยายนของทุกปี"
    )
    lead = (
        "วันนี้ (17 กันยายน 2562) ที่โรงแรมมิราเคิล แกรนด์ คอนเวนชั่น กรุงเทพมหานคร "
        f"{MINISTER} เป็นประธานเปิดงานวันแห่งความปลอดภัยโลก"
    )
    stamp = "วันอังคารที่ 17 กันยายน 2562"
    text, title = post(
        "รมว.ยุติธรรม ประกาศเจตนารมณ์ความปลอดภัย", f"{summary}\n{summary}\n{lead}", stamp=stamp
    )
    assert extract(text, title).reports_visit


def test_a_release_dated_after_its_page_announces_an_event_to_come():
    """Corpus post 4769 (กอช. ชวนผู้สนใจร่วมฟังเสวนา … ในวันที่ 28 มิ.ย.2560 on a page of 26
    June) and 5299 (an office's seminar in three days' time): an invitation, not a visit. The
    same line dated on its page's day tells of the event held."""
    lead = (
        "กองทุนการออมแห่งชาติ ร่วมกับจังหวัดสงขลา ชวนผู้สนใจเข้าร่วมฟังเสวนา เรื่อง บำนาญภาคประชาชน "
        "ในวันที่ 28 มิถุนายน 2560 เวลา 08.30 - 15.00 น. ณ ห้องจุติ เอ โรงแรม เจบี อ.หาดใหญ่ จ.สงขลา"
    )
    headline = "กอช. ชวนฟังเสวนา บำนาญภาคประชาชน ที่หาดใหญ่"
    ex = extract(*post(headline, lead, stamp="วันจันทร์ที่ 26 มิถุนายน 2560"))
    assert not ex.reports_visit
    assert extract(*post(headline, lead, stamp="วันพุธที่ 28 มิถุนายน 2560")).reports_visit


def test_a_line_that_only_places_an_announced_trip_is_still_the_plan():
    """ "มีกำหนดเดินทาง…" then, on the next line, when and where: a trip still to come."""
    lead = (
        "รัฐมนตรีว่าการกระทรวงยุติธรรม (นายสมชาย ใจดี) มีกำหนดเดินทางเข้าร่วมการประชุม"
        "คณะกรรมการร่วมด้านกฎหมายไทย-บังกลาเทศ ครั้งที่ 4 ร่วมกับรัฐมนตรียุติธรรมบังกลาเทศ\n"
        "ระหว่างวันที่ 9 - 10 สิงหาคม 2560 ณ กรุงธากา สาธารณรัฐประชาชนบังกลาเทศ "
        "เพื่อหารือแนวทางความร่วมมือระหว่างกัน"
    )
    ex = extract(*post("ยุติธรรม เดินหน้าขยายความร่วมมือกับบังกลาเทศ", lead))
    assert not ex.reports_visit
    assert not ex.of("date")


@pytest.mark.parametrize(
    ("headline", "lead", "stamp"),
    [
        # a park's status in brackets is part of its name, not a plan
        (
            "ทส. เปิดป้ายอุทยานแห่งชาติถ้ำหลวง-ขุนน้ำนางนอน (เตรียมการ)",
            "วานนี้ (10 ตุลาคม 2562) กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม จัดพิธีเปิดป้าย"
            "อุทยานแห่งชาติถ้ำหลวง-ขุนน้ำนางนอน (เตรียมการ) อำเภอแม่สาย จังหวัดเชียงราย",
            "วันศุกร์ที่ 11 ตุลาคม 2562",
        ),
        # a plan word after the ceremony tells what the place opened is for
        (
            "รมว.ยุติธรรม เปิดศูนย์การเรียนรู้เรือนจำ",
            f"วันนี้ (12 ก.ย. 60) {MINISTER} เป็นประธานในพิธีเปิดศูนย์การเรียนรู้ "
            "อำเภอเมืองน่าน จังหวัดน่าน เตรียมรับผู้ต้องขังเข้าฝึกอาชีพ",
            "วันอังคารที่ 12 กันยายน 2560",
        ),
    ],
)
def test_a_plan_word_in_a_name_or_after_the_deed_is_no_plan(headline, lead, stamp):
    assert extract(*post(headline, lead, stamp=stamp)).reports_visit


def test_the_seat_of_an_office_data_come_from_is_no_place_visited():
    lead = (
        "นางสาววิบูลย์ลักษณ์ ร่วมรักษ์ ปลัดกระทรวงพาณิชย์ เปิดเผยข้อมูลจากสำนักงานพาณิชย์ในต่างประเทศ "
        "ณ กรุงวอชิงตัน เกี่ยวกับสถานการณ์ข้าวโลกและข้าวสหรัฐฯ ประจำเดือนกุมภาพันธ์ 2560"
    )
    ex = extract(*post("สถานการณ์ข้าวในตลาดโลกและสหรัฐฯ", lead))
    assert not ex.reports_visit


def test_a_meeting_a_spokesman_reports_is_placed_by_its_venue():
    lead = (
        "วันนี้ (27 ก.ย.60) นายณรงค์ คงคำ โฆษกกระทรวงยุติธรรม เปิดเผยว่า "
        f"{MINISTER} เป็นประธานการประชุมคณะทำงานประชารัฐเพื่อสังคม ครั้งที่ 3/2560 "
        "ณ โรงแรมเซ็นทารา แกรนด์เซ็นทรัล พลาซ่า ลาดพร้าว กรุงเทพฯ"
    )
    stamp = "วันพุธที่ 27 กันยายน 2560"
    ex = extract(*post("รมว.ยุติธรรม เป็นประธานการประชุมคณะทำงานประชารัฐ", lead, stamp=stamp))
    assert ex.reports_visit


def test_the_line_after_a_summary_that_dates_its_event_after_its_subject_is_the_lead():
    summary = (
        "กรมสวัสดิการและคุ้มครองแรงงาน ปั้นนักบริหารแรงงานสัมพันธ์ในสถานประกอบกิจการ "
        "เล็งเพิ่มขีดความสามารถ เสริมสร้างระบบแรงงานสัมพันธ์แบบหุ้นส่วน ลดปัญหาขัดแย้งด้านแรงงาน"
    )
    lead = (
        "นายอภิญญา สุจริตตานันท์ รองอธิบดีกรมสวัสดิการและคุ้มครองแรงงาน (กสร.) เปิดเผยภายหลัง "
        "เป็นประธานเปิดโครงการสร้างนักบริหารแรงงานสัมพันธ์ เพื่อเพิ่มผลิตภาพแรงงาน วันที่ 23 "
        "พฤศจิกายน 2560 ณ โรงแรมไมด้า แกรนด์ ทวารวดี จังหวัดนครปฐม ว่า กสร. ได้ดำเนินการส่งเสริม"
    )
    stamp = "วันศุกร์ที่ 24 พฤศจิกายน 2560"
    ex = extract(*post("กสร. ปั้น นักบริหารแรงงานสัมพันธ์", f"{summary}\n{lead}", stamp=stamp))
    assert ex.reports_visit
    assert [f.value for f in ex.of("date")] == ["2017-11-23"]


def test_figures_as_of_a_day_are_no_event_held_there():
    lead = (
        "ธนาคารอาคารสงเคราะห์ เผยผลการดำเนินงาน 6 เดือนแรกของปี 2562 ปล่อยสินเชื่อใหม่ได้ "
        "89,373 ล้านบาท ล่าสุด ณ วันที่ 31 กรกฎาคม 2562 สามารถปล่อยสินเชื่อใหม่รวมที่ 106,454 ล้านบาท"
    )
    assert not extract(*post("ธอส. ปล่อยสินเชื่อใหม่ 89,373 ล้านบาท", lead)).reports_visit


def test_a_dated_lead_broken_by_a_line_break_ends_on_the_next_line():
    lead = (
        "วันนี้ (25 มิ.ย. 61) เวลา 09.00 น. นายสุธี มากบุญ รัฐมนตรีช่วยว่าการกระทรวงมหาดไทย มอบนโยบาย\n"
        "การบูรณาการพัฒนาเกษตรอินทรีย์แห่งชาติระดับพื้นที่ ในการประชุมเชิงปฏิบัติการ "
        "ขับเคลื่อนการพัฒนาเกษตรอินทรีย์แห่งชาติ ณ โรงแรมปริ๊นซ์ พาเลซ กรุงเทพมหานคร"
    )
    stamp = "วันจันทร์ที่ 25 มิถุนายน 2561"
    ex = extract(*post("มหาดไทย มอบนโยบายการพัฒนาเกษตรอินทรีย์ระดับพื้นที่", lead, stamp=stamp))
    assert ex.reports_visit
    assert [f.value for f in ex.of("date")] == ["2018-06-25"]


def test_a_venue_ends_where_the_next_clause_starts():
    """The ministry named after "โดยกล่าวว่า" is not where the fair was held."""
    lead = (
        "วันที่ 6 กุมภาพันธ์ 2563 เวลา 09.00 น. พลโทนันทเดช เมฆสวัสดิ์ เลขานุการรัฐมนตรีว่าการ"
        "กระทรวงแรงงาน เป็นประธานเปิดงานแรงงานนอกระบบ ณ ห้อง Terminal Hall ชั้น 4 ศูนย์การค้า "
        "Terminal 21 นครราชสีมา โดยกล่าวว่า กระทรวงแรงงานได้ให้ความสำคัญกับแรงงานนอกระบบ"
    )
    stamp = "วันพฤหัสบดีที่ 6 กุมภาพันธ์ 2563"
    assert extract(*post("ก.แรงงาน เปิดงานแรงงานนอกระบบ", lead, stamp=stamp)).reports_visit


def test_a_situation_report_as_of_an_hour_is_no_event_held_there():
    lead = "1.สถานการณ์ ถึงวันที่ 27 มกราคม 2563 ณ เวลา 8.00น. พบผู้ป่วยยืนยันติดเชื้อจากต่างประเทศ 8 ราย"
    assert not extract(*post("รายงานข่าวกรณีโรคปอดอักเสบจากเชื้อไวรัสโคโรนา", lead)).reports_visit


def test_an_event_held_at_a_named_community_is_on_site():
    text, title = post(
        "ปลัดกระทรวง เป็นประธานในงานสร้างชุมชนริมคลอง",
        "เมื่อวันที่ 20 พ.ค. 60 เวลา 10.00 น. ที่ชุมชนเลียบคลองสอง เขตสายไหม กรุงเทพมหานคร "
        f"{MINISTER} เป็นประธานในงานสร้างชุมชนให้คนริมคลอง",
    )
    assert extract(text, title).reports_visit


def test_getting_ready_is_no_plan():
    """เตรียมความพร้อม (getting ready) in a headline does not make a field visit a plan."""
    text, title = post(
        "รมว.ยุติธรรม เตรียมความพร้อมรับมือน้ำท่วมเรือนจำ",
        f"{MINISTER} ลงพื้นที่ตรวจสภาพเรือนจำจังหวัดน่าน อำเภอเมืองน่าน จังหวัดน่าน เพื่อเตรียมความพร้อมรับมือน้ำท่วม",
    )
    assert extract(text, title).reports_visit


def test_a_meeting_held_at_a_province_hall_is_an_event_on_site():
    text, title = post(
        "รมว.ยุติธรรม ประชุมติดตามงานยุติธรรมจังหวัดน่าน",
        f"วันนี้ (12 ก.ย. 60) {MINISTER} เป็นประธานการประชุมติดตามการดำเนินงาน "
        "ณ ห้องประชุมสำนักงานยุติธรรมจังหวัดน่าน ชั้น 2 ศาลากลางจังหวัดน่าน",
    )
    assert extract(text, title).reports_visit


def test_a_ceremony_is_an_event_on_site_unless_held_at_the_office():
    away = post(
        "รมว.ยุติธรรม เป็นประธานในพิธีเปิดโครงการกำลังใจ",
        f"{MINISTER} เป็นประธานในพิธีเปิดโครงการกำลังใจในพระดำริ ประจำปี 2560 "
        "โดยมีผู้บริหารและเจ้าหน้าที่เข้าร่วมจำนวนมาก",
    )
    home = post(
        "รมว.ยุติธรรม เป็นประธานในพิธีเปิดโครงการกำลังใจ",
        f"{MINISTER} เป็นประธานในพิธีเปิดโครงการกำลังใจในพระดำริ ประจำปี 2560 "
        "ณ ห้องโถง ตึกบัญชาการ 1 ทำเนียบรัฐบาล",
    )
    assert extract(*away).reports_visit
    assert not extract(*home).reports_visit


def test_a_cabinet_summary_reports_no_visit_whatever_its_items_say():
    text, title = post(
        "สรุปข่าวการประชุมคณะรัฐมนตรี 12 กันยายน 2560",
        "วันนี้ (12 ก.ย. 60) พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี เป็นประธานการประชุม"
        "คณะรัฐมนตรี ณ ห้องประชุม จังหวัดน่าน ซึ่งสรุปสาระสำคัญได้ดังนี้",
    )
    assert not extract(text, title).reports_visit


def test_the_page_stamp_is_not_read_as_the_lead():
    """A stamp line with a clock time is not the story: the lead after it decides."""
    text = (
        "วันเสาร์ ที่ 5 ธันวาคม พ.ศ. 2563 14:52 น.\n"
        f"วันนี้ (5 ธ.ค. 63) {MINISTER} ลงพื้นที่ตรวจเยี่ยมเรือนจำจังหวัดน่าน จังหวัดน่าน "
        "เพื่อติดตามการดำเนินงานด้านการพัฒนาพฤตินิสัยผู้ต้องขังและให้กำลังใจเจ้าหน้าที่\n"
    )
    assert extract(text).reports_visit


@pytest.mark.parametrize(
    ("headline", "lead"),
    [
        # an announcement: what the spokesman says will happen is a plan to its end
        (
            "รมว.ยุติธรรม ห่วงใยผู้ต้องขังจังหวัดน่าน",
            "นายสุรพล แจ่มใส โฆษกกระทรวงยุติธรรม เปิดเผยว่า จะนำคณะผู้บริหารกระทรวง"
            "ไปให้กำลังใจเจ้าหน้าที่และลงพื้นที่ตรวจเยี่ยมเรือนจำจังหวัดน่าน อำเภอเมืองน่าน",
        ),
        # the officials receive guests at their office: the guests made the visit
        (
            "รมว.ยุติธรรม ต้อนรับคณะผู้แทนกระทรวงยุติธรรมญี่ปุ่น",
            f"วันนี้ (12 ก.ย. 60) {MINISTER} ให้การต้อนรับและพบปะคณะผู้แทนกระทรวงยุติธรรมญี่ปุ่น "
            "ในโอกาสเข้าพบเพื่อหารือความร่วมมือด้านการพัฒนาพฤตินิสัยผู้ต้องขัง",
        ),
        # a road opened to traffic: สัญจร here is no trip of the officials
        (
            "กรมทางหลวง เปิดให้สัญจรสะพานข้ามแม่น้ำน่าน",
            "นายสมศักดิ์ ทองดี อธิบดีกรมทางหลวง เปิดเผยว่า กรมทางหลวงได้เปิดให้สัญจรบนสะพาน"
            "ข้ามแม่น้ำน่านแล้ว เพื่อให้ประชาชนผู้สัญจรไปมาได้รับความสะดวกปลอดภัยยิ่งขึ้น",
        ),
        # a road open to traffic again (สัญจรไป-มา) in a report the spokeswoman relays
        (
            "นายกรัฐมนตรีห่วงใยประชาชนจังหวัดน่าน สั่งการทุกหน่วยงานเร่งช่วยเหลือ",
            "วันนี้ (12 ก.ย. 60) นางสาวสุดา ใจงาม โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า "
            "นายกรัฐมนตรีรับทราบรายงานสถานการณ์อุทกภัยจังหวัดน่าน มีพื้นที่ได้รับผลกระทบ 3 อำเภอ "
            "10 ตำบล ถนน 4 สาย ซึ่งขณะนี้สัญจรไป-มาได้แล้ว",
        ),
    ],
)
def test_announcements_receptions_and_traffic_report_no_visit(headline, lead):
    ex = extract(*post(headline, lead))
    assert not ex.reports_visit
    assert ex.visits == []


def test_a_dated_lead_after_an_undated_summary_decides():
    """A first story line without a date is often a summary; the dated line after it says what
    was done, and a visit there makes the post a visit."""
    text, title = post(
        "รมว.ยุติธรรม ห่วงใยผู้ต้องขัง",
        "กระทรวงยุติธรรมให้ความสำคัญกับการพัฒนาพฤตินิสัยผู้ต้องขังและการดูแลสุขภาพของผู้ต้องขัง"
        "ในเรือนจำทั่วประเทศอย่างต่อเนื่อง\n"
        f"วันนี้ (12 ก.ย. 60) เวลา 10.00 น. {MINISTER} ลงพื้นที่ตรวจเยี่ยมเรือนจำจังหวัดน่าน "
        "อำเภอเมืองน่าน จังหวัดน่าน เพื่อติดตามการดำเนินงาน",
    )
    ex = extract(text, title)
    assert ex.reports_visit
    assert [v.provinces for v in ex.visits] == [["น่าน"]]


def test_a_ceremony_in_a_hall_of_the_ministry_is_at_the_office():
    text, title = post(
        "รมว.ยุติธรรม เป็นประธานในพิธีเปิดโครงการกำลังใจ",
        f"{MINISTER} เป็นประธานในพิธีเปิดโครงการกำลังใจในพระดำริ ประจำปี 2560 "
        "ที่โถงชั้น 1 กระทรวงยุติธรรม ศูนย์ราชการเฉลิมพระเกียรติ",
    )
    assert not extract(text, title).reports_visit


def test_a_headline_agency_tag_is_not_the_venue():
    """A headline ends with its agency in brackets ([กระทรวง…]): that tag does not place the
    event at the ministry."""
    headline = "รมว.ยุติธรรม เป็นประธานในพิธีเปิดโครงการกำลังใจ ณ ค่ายลูกเสือแห่งชาติ [กระทรวงยุติธรรม]"
    text, title = post(
        headline,
        f"{MINISTER} เป็นประธานในพิธีเปิดโครงการกำลังใจในพระดำริ ประจำปี 2560 "
        "โดยมีผู้บริหารและเจ้าหน้าที่เข้าร่วมจำนวนมาก",
    )
    assert extract(text, title).reports_visit


def test_a_trip_announced_for_next_week_is_a_plan():
    """สัปดาห์หน้า (next week): the spokesman at Government House announces a trip still to
    come; the visit words after it are the plan, not a report."""
    text, title = post(
        "โฆษกรัฐบาลเผยภารกิจนายกรัฐมนตรี ลงพื้นที่ตรวจราชการจังหวัดน่าน สัปดาห์หน้า",
        "วันนี้ (12 ก.ย. 60) เวลา 8.30 น. ณ ทำเนียบรัฐบาล นายสุรพล แจ่มใส โฆษกประจำสำนัก"
        "นายกรัฐมนตรี เปิดเผยภารกิจของนายกรัฐมนตรีในสัปดาห์หน้าว่า ประกอบด้วยการลงพื้นที่"
        "ตรวจราชการจังหวัดน่าน และการเยี่ยมชมเรือนจำจังหวัดน่าน อำเภอเมืองน่าน",
    )
    ex = extract(text, title)
    assert not ex.reports_visit
    assert ex.visits == []


def test_a_ceremony_at_the_ministry_with_its_province_is_at_the_office():
    """ที่กระทรวงสาธารณสุข จ.นนทบุรี: the province after a ministry is its address, not a province
    hall's; a signing there is held at the officials' own ministry."""
    text, title = post(
        "สธ.ลงนามความร่วมมือราชวิทยาลัยทุกแห่ง",
        "วันนี้ (12 ก.ย. 60) ที่กระทรวงสาธารณสุข จ.นนทบุรี นายสมศักดิ์ ทองดี รัฐมนตรีว่าการ"
        "กระทรวงสาธารณสุข เป็นประธานพิธีลงนามความร่วมมือระหว่างกระทรวงสาธารณสุขกับราชวิทยาลัย"
        "ทุกแห่งของประเทศ เพื่อพัฒนาระบบบริการประชาชน",
    )
    assert not extract(text, title).reports_visit


def test_an_inspector_general_at_the_ministry_makes_no_inspection():
    """ผู้ตรวจราชการ is a title: a press conference in the ministry's room where one speaks is
    desk work, not an inspection of another body's premises."""
    text, title = post(
        "แถลงข่าวร่างพระราชบัญญัติราชทัณฑ์ฉบับใหม่",
        "วันนี้ (12 ก.ย. 60) ณ ห้องประชุม 1 กระทรวงยุติธรรม นายสมศักดิ์ ทองดี อธิบดีกรมราชทัณฑ์ "
        "และนายวิชัย รักษ์ถิ่น ผู้ตรวจราชการกระทรวงยุติธรรม ร่วมกันแถลงข่าวร่างพระราชบัญญัติ"
        "ราชทัณฑ์ฉบับใหม่ เพื่อสร้างความเข้าใจแก่ประชาชน",
    )
    assert not extract(text, title).reports_visit


def test_an_order_to_others_is_no_visit():
    """สั่งการ / กำชับ: what follows in the line is what others are told to do (an order to every
    governor), not the officials' own visit; ตามที่…สั่งการ is the order a visit carries out."""
    text, title = post(
        "มท. สั่งการผู้ว่าราชการจังหวัดทุกจังหวัด เฝ้าระวังผู้เดินทางกลับจากต่างประเทศ",
        "วันนี้ (12 ก.ย. 60) นายสมศักดิ์ ทองดี ปลัดกระทรวงมหาดไทย สั่งการผู้ว่าราชการจังหวัด"
        "ทุกจังหวัด นายอำเภอทุกอำเภอ และกำนันผู้ใหญ่บ้าน ให้ลงพื้นที่ตรวจเยี่ยมหมู่บ้านที่มีผู้"
        "เดินทางกลับจากต่างประเทศ อำเภอเมืองน่าน จังหวัดน่าน",
    )
    assert not extract(text, title).reports_visit
    text, title = post(
        "รมว.ยุติธรรม ลงพื้นที่ตรวจเยี่ยมเรือนจำจังหวัดน่าน",
        f"วันนี้ (12 ก.ย. 60) ตามที่นายกรัฐมนตรีได้สั่งการให้ดูแลผู้ต้องขัง {MINISTER} "
        "ได้ลงพื้นที่ตรวจเยี่ยมเรือนจำจังหวัดน่าน อำเภอเมืองน่าน จังหวัดน่าน",
    )
    assert extract(text, title).reports_visit


def test_a_release_for_a_fair_still_to_come_is_no_visit():
    """A date followed by นี้ (ระหว่างวันที่ 27-29 ก.ย. นี้) is still to come: a release that
    promotes a fair "ณ" its venue reports no visit."""
    text, title = post(
        "ธนาคารออมสิน ชวนออมเงินในงานมหกรรมการเงินน่าน ณ ศูนย์การค้าน่านพลาซ่า จังหวัดน่าน",
        "ธนาคารออมสินนำเสนอโปรโมชั่นพิเศษทุกผลิตภัณฑ์และบริการ ในงานมหกรรมการเงินจังหวัดน่าน "
        "ระหว่างวันที่ 27-29 ก.ย. 62 นี้ พร้อมผลิตภัณฑ์เงินฝากดอกเบี้ยสูงและสินเชื่อเคหะดอกเบี้ยพิเศษ",
    )
    assert not extract(text, title).reports_visit
    # … also when the date comes after the deed, in a story line that names no one
    text, title = post(
        "ธ.ก.ส.ร่วมงานมหกรรมการเงินน่าน ครั้งที่ 18 พร้อมเปิดตัวมาสคอตครอบครัว ธ.ก.ส.",
        "ธ.ก.ส.นำผลิตภัณฑ์เงินฝาก สินเชื่อ พร้อมของขวัญสุดพิเศษ เข้าร่วมงานมหกรรมการเงินน่าน "
        "ครั้งที่ 18 ณ ศูนย์การค้าน่านพลาซ่า จังหวัดน่าน วันที่ 10-13 พฤษภาคม 2561 นี้",
    )
    assert not extract(text, title).reports_visit


def test_a_district_chiefs_title_places_no_event():
    """นายอำเภอ (ปลัดอำเภอ, สำนักงานเกษตรอำเภอ) is a title or an office, not a district named:
    a meeting where the minister asks the governors to urge the district chiefs is desk work."""
    text, title = post(
        "รมว.มหาดไทย ย้ำผู้ว่าฯ ติดตามโครงการปลูกข้าวโพดหลังนา",
        "นายสมศักดิ์ ทองดี รัฐมนตรีว่าการกระทรวงมหาดไทย กล่าวภายหลังเป็นประธานการประชุมผู้บริหาร"
        "ระดับสูงของกระทรวงว่า ได้ขอให้ผู้ว่าราชการจังหวัดกำชับนายอำเภอและปลัดอำเภอในการขับเคลื่อน"
        "โครงการปลูกข้าวโพดหลังนาให้ได้ตามเป้าหมาย",
    )
    assert not extract(text, title).reports_visit
    text, title = post(
        "รมว.มหาดไทย ประชุมขับเคลื่อนโครงการปลูกข้าวโพดหลังนา",
        "นายสมศักดิ์ ทองดี รัฐมนตรีว่าการกระทรวงมหาดไทย เป็นประธานการประชุมขับเคลื่อนโครงการปลูก"
        "ข้าวโพดหลังนา ร่วมกับเกษตรกรตำบลหนองบัว อำเภอเมืองน่าน จังหวัดน่าน",
    )
    assert extract(text, title).reports_visit


def test_what_people_can_do_somewhere_is_no_deed():
    """สามารถ before a visit word says what someone can (or cannot) do: a tax office's notice
    that people can file "ณ" its branches reports no visit, and the elderly who cannot travel
    (ไม่สามารถเดินทางไป…) make no plan of a lead that tells of a visit."""
    text, title = post(
        "ได้เวลายื่นแบบแสดงรายการภาษีเงินได้บุคคลธรรมดาครึ่งปี",
        "กรมสรรพากรประชาสัมพันธ์ให้ผู้มีเงินได้ที่มีหน้าที่ยื่นแบบภาษีเงินได้บุคคลธรรมดาครึ่งปี "
        "สามารถยื่นแบบพร้อมชำระภาษี ณ สำนักงานสรรพากรพื้นที่สาขาได้จนถึงวันที่ 30 ก.ย. 2562",
    )
    assert not extract(text, title).reports_visit
    text, title = post(
        "รมว.ยุติธรรม ลงพื้นที่ร่วมกิจกรรมโรงครัวเคลื่อนที่ แจกอาหารผู้ป่วยติดเตียงชุมชนวัดโพธิ์",
        f"วันนี้ (12 ก.ย. 60) {MINISTER} ร่วมกิจกรรมโรงครัวเคลื่อนที่ของวัดโพธิ์ เพื่อช่วยเหลือ"
        "ผู้ป่วยติดเตียงและผู้สูงอายุที่ไม่สามารถเดินทางไปรับอาหารที่โรงทานของวัดได้",
    )
    assert extract(text, title).reports_visit


def test_a_schedule_announced_is_no_visit():
    """A lead line that announces a schedule (…มีกำหนดการดังนี้) and the lines after it (เวลา
    13.00 น. นายกรัฐมนตรีเดินทางถึง… พร้อมเยี่ยมชม…) are the programme of a trip to come."""
    headline = "นายกรัฐมนตรีมีกำหนดการตรวจราชการจังหวัดน่าน"
    text, title = post(
        headline,
        "พลเอก สมชาย ใจดี นายกรัฐมนตรี ติดตามการดำเนินงานตามนโยบายของรัฐบาลในการแก้ปัญหาจราจร "
        "โดยมีคณะรัฐมนตรีร่วมคณะประกอบด้วย นายวิชัย รักษ์ถิ่น รัฐมนตรีว่าการกระทรวงคมนาคม "
        "มีกำหนดการดังนี้\nวันพุธที่ 13 กันยายน 2560 เวลา 13.00 น. นายกรัฐมนตรีเดินทางถึงตลาดเมืองน่าน "
        "และจะเข้าฟังบรรยายสรุปการแก้ไขปัญหาจราจร พร้อมเยี่ยมชมการพัฒนาผลิตภัณฑ์ชุมชนเมืองน่าน",
    )
    assert not extract(text, title).reports_visit


def test_a_unit_of_the_ministry_at_its_address_is_the_officials_own():
    """ที่ศูนย์ปฏิบัติการ… กระทรวงสาธารณสุข จ.นนทบุรี: a unit of the ministry named with the
    ministry's address is its building (a press briefing there is desk work); a provincial
    office named after the ministry (ศูนย์ราชการกระทรวงแรงงานจังหวัด…) is away from it."""
    text, title = post(
        "สธ. แนะประชาชนจัดงานบุญตามแนวทางใหม่",
        "วันนี้ (12 ก.ย. 60) ที่ศูนย์ปฏิบัติการด้านข่าวโรคติดเชื้อไวรัสโคโรนา 2019 กระทรวงสาธารณสุข "
        "จ.นนทบุรี นายสมศักดิ์ ทองดี ปลัดกระทรวงสาธารณสุข กล่าวถึงการป้องกันโรคในช่วงเข้าพรรษาว่า "
        "ขอให้วัดเว้นระยะห่าง",
    )
    assert not extract(text, title).reports_visit
    text, title = post(
        "ปลัดแรงงาน มอบนโยบายอาสาสมัครแรงงานจังหวัดน่าน",
        "นายสมศักดิ์ ทองดี ปลัดกระทรวงแรงงาน เป็นประธานเปิดการประชุมเชิงปฏิบัติการเพื่อมอบนโยบาย"
        "แก่เครือข่ายอาสาสมัครแรงงาน ณ ศูนย์ราชการกระทรวงแรงงานจังหวัดน่าน วันนี้ (12 ก.ย. 60)",
    )
    assert extract(text, title).reports_visit


def test_a_trip_spoken_of_at_government_house_is_not_made():
    """At Government House a travel word after a speech word (เผยถึงภารกิจเดินสาย…, กล่าวถึง…
    ได้เดินทางไป…) is what someone speaks of, not a trip the post reports; the trip made a noun
    (เปิดเผยถึงการลงพื้นที่… เมื่อวันที่ …) is the one the post reports."""
    text, title = post(
        "นายกรัฐมนตรีขอบคุณสื่อมวลชน",
        "วันนี้ (12 ก.ย. 60) เวลา 13.30 น. ณ ตึกสันติไมตรี (หลังนอก) ทำเนียบรัฐบาล พลเอก สมชาย "
        "ใจดี นายกรัฐมนตรี เผยถึงภารกิจเดินสายพบปะสื่อมวลชน พร้อมขอบคุณสื่อมวลชนทุกสำนัก",
    )
    assert not extract(text, title).reports_visit
    text, title = post(
        "รมว.ยุติธรรม เยี่ยมให้กำลังใจชุมชนริมทางรถไฟ",
        f"วันนี้ (12 ก.ย. 60) ที่กระทรวงยุติธรรม {MINISTER} เปิดเผยถึงการลงพื้นที่ชุมชนริมทางรถไฟ "
        "เมื่อวันที่ 11 ก.ย. 60 เพื่อเยี่ยมให้กำลังใจและช่วยเหลือครอบครัวที่เดือดร้อน",
    )
    assert extract(text, title).reports_visit


def test_districts_not_named_place_no_event():
    """อำเภอ / ตำบล / หมู่บ้าน with no name after them (จังหวัดและอำเภอ ทั่วประเทศ, อำเภอต่างๆ,
    หมู่บ้าน นำบริการ…) are any or all of them: a statement about them places no event."""
    text, title = post(
        "ปมท. มอบนโยบายผู้ว่าราชการจังหวัดบริหารงานในพื้นที่",
        "วันนี้ (12 ก.ย. 60) นายสมศักดิ์ ทองดี ปลัดกระทรวงมหาดไทย เปิดเผยว่า รัฐบาลได้มอบนโยบาย"
        "ให้ผู้ว่าราชการจังหวัดรับผิดชอบบริหารงานภายในจังหวัดและอำเภอ ทั้งทางด้านการพัฒนาและการแก้ไข"
        "ปัญหาในพื้นที่ของอำเภอต่างๆ",
    )
    assert not extract(text, title).reports_visit


def test_as_of_the_end_of_a_month_is_no_place():
    """ณ สิ้นเดือน… (as of the end of the month) is a time, not a place: a debt report."""
    text, title = post(
        "รายงานสถานะหนี้สาธารณะคงค้าง ณ สิ้นเดือนธันวาคม 2561",
        "นายสมศักดิ์ ทองดี ที่ปรึกษาด้านตลาดตราสารหนี้ ได้รายงานสถานะหนี้สาธารณะคงค้าง ณ สิ้นเดือน"
        "ธันวาคม 2561 มีจำนวน 6,833,645.93 ล้านบาท หรือคิดเป็นร้อยละ 41.80 ของ GDP",
    )
    assert not extract(text, title).reports_visit


def test_a_summary_broken_over_two_lines_is_read_whole():
    """A summary whose sentence goes on in the next line (พร้อม…) is read with it, and the dated
    lead after them says what was done (ตรวจเยี่ยมและเปิดคลินิก…)."""
    text, title = post(
        "สธ. เปิดคลินิกหมอครอบครัวเมืองน่าน บริการประชาชนตามแผนเวชศาสตร์ครอบครัว",
        "กระทรวงสาธารณสุข เปิดคลินิกหมอครอบครัว ศูนย์สุขภาพชุมชนเมืองน่าน บริการประชาชนตามแผน"
        "เวชศาสตร์ครอบครัว ให้ผู้ป่วยเป็นศูนย์กลาง เน้นเชิงรุก เสริมเชิงรับ\n"
        "พร้อมสร้างเครือข่ายดูแลอย่างต่อเนื่อง ประชาชนมั่นใจ เข้ารับบริการเดือนละเกือบ 5,000 ราย "
        "ช่วยลดความแออัดในโรงพยาบาลใหญ่\n"
        "วันนี้ (12 กันยายน 2560) นายสมศักดิ์ ทองดี ปลัดกระทรวงสาธารณสุข ให้สัมภาษณ์ภายหลังตรวจเยี่ยม"
        "และเปิดคลินิกหมอครอบครัว ศูนย์สุขภาพชุมชนเมืองน่าน ตำบลในเวียง จังหวัดน่าน",
    )
    assert extract(text, title).reports_visit


def test_a_cost_is_no_event():
    """ค่าจัดงาน, ค่าเดินทาง … are what an event costs, not an event held."""
    text, title = post(
        "รมว.แรงงาน สั่งช่วยลูกจ้างโรงแรมที่ไม่ได้รับค่าจ้าง",
        "วันนี้ (12 ก.ย. 60) นายสมศักดิ์ ทองดี โฆษกกระทรวงแรงงาน เปิดเผยว่า ลูกจ้างโรงแรมแห่งหนึ่ง"
        "เข้าร้องเรียนว่านายจ้างไม่จ่ายค่าจ้าง ค่าเดินทาง และค่าจัดงานนั้น",
    )
    assert not extract(text, title).reports_visit


def test_a_headline_in_curly_quotes_is_known_as_the_headline():
    """The body is normalised (‘…’ read as '…'), so the title is compared as normalised too:
    else a long headline of no visit word passes for an undated summary and the lead is cut
    before the summary line that tells the visit (a minister's delegate opening an event)."""
    headline = "‘หม่อมเต่า’ จับมือสถานประกอบการ จัดทีมแพทย์ตรวจสุขภาพผู้ประกันตนในสถานประกอบการ จ.สมุทรสาคร"
    text, title = post(
        headline,
        "รมว.แรงงาน มอบหมายเลขานุการรัฐมนตรีว่าการกระทรวงแรงงาน และคณะ ลงพื้นที่สมุทรสาคร"
        "เปิดกิจกรรมตรวจสุขภาพให้ผู้ประกันตนในสถานประกอบการ ณ บริษัท อาซีฟา จำกัด (มหาชน)\n"
        "เมื่อวันที่ 12 กันยายน 2560 นายสมศักดิ์ ทองดี เลขานุการรัฐมนตรีว่าการกระทรวงแรงงาน "
        "เป็นประธานในพิธีเปิดกิจกรรมการตรวจสุขภาพ ณ บริษัท อาซีฟา จำกัด (มหาชน) จ.สมุทรสาคร",
    )
    assert extract(text, title).reports_visit


def test_the_first_letter_of_a_name_is_no_place_word():
    """The ณ of พลเอกณัฐ starts a syllable (ณั), not the word ณ: the line's ministry is the
    officials' title, not the place of an inspection at the office."""
    text, title = post(
        "ปลัดกลาโหม หนุนพลังจิตอาสา เดินหน้าทำความดีตามโครงการจิตอาสาพระราชทาน",
        "พลเอกณัฐ อินทรเจริญ ปลัดกระทรวงกลาโหม พร้อมด้วยผู้บังคับบัญชาระดับสูง ตรวจเยี่ยม"
        "กำลังพลจิตอาสา เราทำความดี เพื่อชาติ ศาสน์ กษัตริย์ ในบริเวณพื้นที่ 2 ฝั่งคูเมืองเดิม",
    )
    assert extract(text, title).reports_visit


def test_a_floor_of_the_ministry_is_its_own_office():
    """บริเวณชั้นล่างอาคารกระทรวง…: a floor, like a room, of the ministry's own building."""
    text, title = post(
        "ปลัดแรงงาน เผย 7 วัน นายจ้าง - ลูกจ้าง ผ่านการคัดกรองแล้วกว่า 1.2 แสนราย",
        "นายสมศักดิ์ ทองดี ปลัดกระทรวงแรงงาน ให้สัมภาษณ์ภายหลังจากตรวจเยี่ยมการตรวจสอบคัดกรอง"
        "ความสัมพันธ์ นายจ้าง - ลูกจ้าง ที่ศูนย์รับแจ้งการทำงานของคนต่างด้าว บริเวณชั้นล่าง"
        "อาคารกระทรวงแรงงาน วันนี้ (12 ก.ย. 60)",
        rest="",
    )
    assert not extract(text, title).reports_visit


def test_a_field_word_in_a_quote_is_said_not_done():
    """The quote "…จากการลงพื้นที่ของเจ้าหน้าที่ ไม่พบปัญหา" is what the official says of
    others' work, in a press conference at the ministry."""
    text, title = post(
        "ปลัดแรงงาน แถลงผลการตรวจสอบแรงงานต่างด้าวทั่วประเทศ",
        "วันนี้ (12 ก.ย. 60) นายสมศักดิ์ ทองดี ปลัดกระทรวงแรงงาน แถลงข่าวผลการตรวจสอบแรงงาน"
        'ต่างด้าว ณ ห้องแถลงข่าว กระทรวงแรงงาน โดยกล่าวว่า "จากการลงพื้นที่ของเจ้าหน้าที่'
        'ทั่วประเทศ ไม่พบปัญหาและอุปสรรคในการดำเนินการ"',
        rest="",
    )
    assert not extract(text, title).reports_visit


def test_a_team_sent_makes_no_visit_of_the_sender():
    """ปลัดกระทรวง… ส่งทีมสอบสวนโรคร่วมกับสำนักงาน…จังหวัดลงพื้นที่: the team goes, the
    permanent secretary who sends it stays (a ministry's outbreak release)."""
    text, title = post(
        "ปลัด สธ. ตั้งทีมสอบสวนกรณีเด็กเสียชีวิตจากอาหารเป็นพิษที่ จ.บุรีรัมย์",
        "ปลัดกระทรวงสาธารณสุขส่งทีมสอบสวนโรคร่วมกับสำนักงานสาธารณสุขจังหวัดลงพื้นที่ สอบสวนกรณี"
        "เด็กเสียชีวิตจากอาหารเป็นพิษที่ จ.บุรีรัมย์ เบื้องต้นพบลำไส้อักเสบรุนแรง",
        rest="",
    )
    assert not extract(text, title).reports_visit


def test_what_came_before_is_not_the_lead():
    """After an undated summary, a line opening โดยก่อนหน้านี้ tells what preceded the news (a
    provincial office's inspection that led to the ministry's order), not the news."""
    text, title = post(
        "ก.อุตสาหกรรมสั่งโรงงานสกัดน้ำมันปาล์ม จ.กระบี่ หยุดประกอบกิจการชั่วคราว",
        "นางสาวสมหญิง ใจดี โฆษกกระทรวงอุตสาหกรรม เปิดเผยว่า กระทรวงอุตสาหกรรมได้สั่งให้โรงงาน"
        "สกัดน้ำมันปาล์มแห่งหนึ่งในจังหวัดกระบี่ หยุดประกอบกิจการชั่วคราวจนกว่าจะแก้ไขระบบบำบัดน้ำเสีย\n"
        "โดยก่อนหน้านี้ เมื่อวันที่ 27 ธันวาคม 2560 ที่ผ่านมา สำนักงานอุตสาหกรรมจังหวัดกระบี่ "
        "ได้รับร้องเรียนจากประชาชน จึงได้ลงพื้นที่ตรวจสอบโรงงาน พบว่าท่อส่งน้ำเสียชำรุด",
        rest="",
    )
    assert not extract(text, title).reports_visit


def test_where_a_reported_event_was_held_is_a_visit():
    """…ให้สัมภาษณ์ว่า ได้นำคณะ… เข้าร่วมการประชุม… ณ สำนักงานใหญ่สหประชาชาติ: the official tells
    of the meeting he attended abroad; its ณ places it, as the lead's place does."""
    text, title = post(
        "ไทยร่วมการประชุมระดับสูงสมัชชาสหประชาชาติ ว่าด้วยการต่อสู้กับวัณโรค",
        "นายแพทย์สมศักดิ์ ทองดี อธิบดีกรมวิทยาศาสตร์การแพทย์ ให้สัมภาษณ์ว่า ได้นำคณะผู้บริหาร"
        "กระทรวงสาธารณสุข เข้าร่วมการประชุมระดับสูงของสมัชชาสหประชาชาติว่าด้วยการต่อสู้กับวัณโรค "
        "ระหว่างวันที่ 11 - 12 กันยายน 2560 ณ สำนักงานใหญ่สหประชาชาติ นครนิวยอร์ก สหรัฐอเมริกา",
        rest="",
    )
    assert extract(text, title).reports_visit


def test_where_an_earlier_meeting_led_to_the_news_is_no_visit():
    """…เปิดเผยว่า จากการประชุมรัฐมนตรีอาเซียน… เมื่อวันที่ … ณ กรุงบันดาร์เสรีเบกาวัน: the meeting
    that led to the agreement signed now, an earlier event, not the one reported."""
    text, title = post(
        "กระทรวงดิจิทัลฯ ลงนาม MOU กับ สปป.ลาว เชื่อมโยง 2 ประเทศพัฒนาเศรษฐกิจดิจิทัล",
        "ดร.สมศักดิ์ ทองดี รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม เปิดเผยว่า จากการประชุม"
        "รัฐมนตรีอาเซียนด้านโทรคมนาคม ครั้งที่ 16 เมื่อวันที่ 26 ธันวาคม 2559 รองนายกรัฐมนตรี ได้หารือ"
        "ทวิภาคีร่วมกับรัฐมนตรีของ สปป.ลาว ณ กรุงบันดาร์เสรีเบกาวัน ประเทศบรูไน",
        rest="",
    )
    assert not extract(text, title).reports_visit


def test_workers_travelling_to_jobs_abroad_are_no_visit():
    """คนหางานเดินทางไปทำงานต่างประเทศ: job seekers leaving for work, in a labour ministry's
    figures, not an official's trip."""
    text, title = post(
        "แรงงาน เผย ตัวเลขคนเดินทางไปทำงานต่างประเทศพุ่ง หลังสถานการณ์โควิดผ่อนคลาย",
        "รัฐมนตรีว่าการกระทรวงแรงงาน เผย ตัวเลขคนหางานเดินทางไปทำงานต่างประเทศ ผ่านด่านตรวจ"
        "คนหางานท่าอากาศยานสุวรรณภูมิ พุ่ง หลังสถานการณ์โควิดในไทยผ่อนคลาย",
        rest="",
    )
    assert not extract(text, title).reports_visit


def test_a_lead_ending_on_when_goes_on_past_its_date_line():
    """A summary broken after เมื่อ, its date alone on the next line, then its subject and deed
    (a ministry's trip abroad, written "…ภายในปี 2562 เมื่อ" / "วันที่ 22 …" / "นายX … ได้เดินทาง
    เยือน…"): the three lines are one sentence, the lead."""
    text, title = post(
        "พาณิชย์ตะลุยอีคอมเมิร์ซแดนกิมจิ สานฝันการค้าออนไลน์สินค้าไทย",
        "กระทรวงพาณิชย์ยกทัพผู้บริหารสู่แดนกิมจิ หารือบริษัทอีคอมเมิร์ซยักษ์ใหญ่อันดับ 1 ของเกาหลีใต้ "
        "หวังกระตุ้นการค้าออนไลน์สินค้าไทยเติบโตไม่น้อยกว่า 200 ล้านบาทภายในปี 2562 เมื่อ\n"
        "วันที่ 22 พฤศจิกายน 2561\n"
        "นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงพาณิชย์ พร้อมด้วยคณะผู้บริหาร ได้เดินทางเยือน"
        "สาธารณรัฐเกาหลี เพื่อหารือแผนความร่วมมือขยายประเภทสินค้าไทยบนเว็บไซต์",
        rest="",
        stamp="วันศุกร์ที่ 23 พฤศจิกายน 2561",
    )
    ex = extract(text, title)
    assert ex.reports_visit
    assert [f.value for f in ex.of("date")] == ["2018-11-22"]


def test_a_district_a_statement_names_places_no_event():
    """…เปิดเผยถึงความคืบหน้ากรณี… ว่า จากกรณี… บริษัท… ตำบลบ้านไร่ อำเภอเทพสถิต…: the minister
    tells where the matter is, not where he went."""
    text, title = post(
        "ก.เกษตรฯ ติดตามความคืบหน้ากรณีกิจการกังหันลมในเขตปฏิรูปที่ดิน",
        "พลเอกสมชาย ใจดี รัฐมนตรีว่าการกระทรวงเกษตรและสหกรณ์ เปิดเผยถึงความคืบหน้ากรณีกิจการ"
        "กังหันลมผลิตไฟฟ้าในเขตปฏิรูปที่ดิน ว่า จากกรณีคำพิพากษาของศาลปกครองสูงสุด เพิกถอนการอนุญาต"
        "ให้บริษัทแห่งหนึ่ง ซึ่งตั้งอยู่ในเขตปฏิรูปที่ดินเพื่อเกษตรกรรม ตำบลบ้านไร่ อำเภอเทพสถิต "
        "จังหวัดชัยภูมิ เนื่องจากกิจการมิได้เป็นประโยชน์ต่อเกษตรกร",
        rest="",
    )
    assert not extract(text, title).reports_visit


MEETING_AT_THE_MINISTRY = (
    "วันนี้ (8 มี.ค. 60) เวลา 08.00 น. ที่กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ "
    "พลตำรวจเอกสมชาย ใจดี รัฐมนตรีว่าการกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ "
    "เป็นประธานการประชุมศูนย์ปฏิบัติการกระทรวง เพื่อรับทราบปัญหาทางสังคมต่างๆ ที่เกิดขึ้นในแต่ละวัน"
)


@pytest.mark.parametrize(
    ("lead", "visited"),
    [
        (MEETING_AT_THE_MINISTRY, False),
        (
            "วันนี้ (8 มี.ค. 60) พลตำรวจเอกสมชาย ใจดี รัฐมนตรีว่าการกระทรวงการพัฒนาสังคมและความมั่นคง"
            "ของมนุษย์ ลงพื้นที่ติดตามการจัดระเบียบคนขอทาน ณ ตลาดนัดจตุจักร เขตจตุจักร กรุงเทพมหานคร",
            True,
        ),
    ],
)
def test_a_headline_telling_of_others_visits_leaves_the_decision_to_its_lead(lead, visited):
    """รมว. พม. เผยผลการจัดระเบียบ… หลังชุดปฏิบัติการลงพื้นที่ 7 วัน: a statement's headline tells
    of the teams' visits; the lead says what the minister did (a meeting at his ministry, or a
    visit of his own)."""
    text, title = post(
        "รมว. พม. เผยผลการจัดระเบียบคนขอทาน หลังชุดปฏิบัติการลงพื้นที่ 7 วัน พบ 120 ราย",
        lead,
        rest="",
        stamp="วันพุธที่ 8 มีนาคม 2560",
    )
    assert extract(text, title).reports_visit is visited


def test_a_headline_planning_a_policy_plans_no_trip():
    """ก.อุตสาหกรรม จับมือ UNIDO… และเตรียมวางยุทธศาสตร์…: the strategy is to come, the opening
    the lead reports at a conference centre took place."""
    text, title = post(
        "ก.อุตสาหกรรม จับมือ UNIDO ผลักดันอุตสาหกรรมสีเขียว และเตรียมวางยุทธศาสตร์เศรษฐกิจหมุนเวียน",
        "วันนี้ (3 ต.ค. 61) นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงอุตสาหกรรม ร่วมกล่าวในพิธีเปิดการประชุม"
        "เรื่องอุตสาหกรรมสีเขียวเพื่อการพัฒนาที่ยั่งยืน ครั้งที่ 5 ณ ศูนย์การประชุมสหประชาชาติ กรุงเทพฯ",
        rest="",
        stamp="วันพุธที่ 3 ตุลาคม 2561",
    )
    assert extract(text, title).reports_visit


@pytest.mark.parametrize(
    ("headline", "lead"),
    [
        (
            "สาเหตุใดจึงต้องสแกน QR Code ของแพลตฟอร์มไทยชนะหลายรอบ เมื่อเดินทางไปห้างสรรพสินค้า",
            "Q : สาเหตุใดจึงต้องมีการสแกน QR Code ของแพลตฟอร์มไทยชนะ หลายรอบ เมื่อเดินทางไป"
            "ห้างสรรพสินค้า ?? A : เพื่อความสะดวกในการติดตามค้นหาผู้ป่วย",
        ),
        (
            "ข้อปฏิบัติ 14 วัน หลังกลับจากพื้นที่เสี่ยง",
            "-สวมหน้ากากอนามัยทุกครั้งเวลาพบปะผู้คน และเว้นระยะห่าง 1 เมตร",
        ),
    ],
)
def test_what_anyone_does_when_somewhere_is_no_deed(headline, lead):
    """A question and answer, a list of advice (เมื่อเดินทางไป…, เวลาพบปะผู้คน): what people do in
    a case, told by no official, not a visit made."""
    text, title = post(headline, lead, rest="")
    assert not extract(text, title).reports_visit


def test_an_inspection_of_a_unit_in_its_own_building_is_a_visit():
    """…ตรวจเยี่ยมสำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม… ณ ห้องประชุม… อาคารสำนักงานมาตรฐาน
    ผลิตภัณฑ์อุตสาหกรรม: the unit inspected is the one whose building the meeting room is in, a
    visit to its premises (as to a department's), though the unit is of the officials' ministry."""
    text, title = post(
        "รปอ.หสผ.ตรวจเยี่ยมสำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม",
        "เมื่อวันที่ 15 ตุลาคม 2562 นายสมชาย ใจดี ผู้ตรวจราชการกระทรวงอุตสาหกรรม ตรวจเยี่ยม"
        "สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม (สมอ.) เพื่อรับทราบกรอบแนวทางการดำเนินงาน "
        "ณ ห้องประชุม 230 ชั้น 2 อาคารสำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม",
        rest="",
        stamp="วันพฤหัสบดีที่ 17 ตุลาคม 2562",
    )
    ex = extract(text, title)
    assert ex.reports_visit
    assert [f.value for f in ex.of("date")] == ["2019-10-15"]


@pytest.mark.parametrize(
    ("lead", "visited"),
    [
        (
            "วันพุธที่ 25 มีนาคม 2563 เวลา 08.30 น. นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงพาณิชย์ "
            "ตรวจความพร้อมสินค้าในรถคาราวานธงฟ้า ก่อนออกไปให้บริการกับประชาชนที่อาศัยอยู่ในบ้านพัก",
            False,
        ),
        (
            "วันพุธที่ 25 มีนาคม 2563 เวลา 08.30 น. นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงพาณิชย์ "
            "ตรวจความพร้อมสินค้าในรถคาราวานธงฟ้า ณ ตลาดนัดจตุจักร กรุงเทพมหานคร",
            True,
        ),
        (
            "วันพุธที่ 25 มีนาคม 2563 เวลา 08.30 น. นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงพาณิชย์ "
            "ลงพื้นที่ตรวจความพร้อมสินค้าในรถคาราวานธงฟ้า ก่อนออกไปให้บริการกับประชาชน",
            True,
        ),
    ],
)
def test_an_inspection_the_lead_places_nowhere_is_no_visit(lead, visited):
    """ตรวจความพร้อมสินค้าในรถคาราวาน… with no ณ, district or province: an inspection that can
    be made at the ministry's own door, unlike one placed away or a trip (ลงพื้นที่)."""
    text, title = post(
        "รมว.พาณิชย์ ส่งคาราวานรถพุ่มพวงธงฟ้าเคลื่อนที่ บริการถึงหน้าบ้าน",
        lead,
        rest="",
        stamp="วันพุธที่ 25 มีนาคม 2563",
    )
    assert extract(text, title).reports_visit is visited
