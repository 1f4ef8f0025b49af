"""Each date form of issue #3, embedded in a sentence the way posts write it."""

import datetime as dt

import pytest

from nlp import extract
from tests.nlp.helpers import dates

VISIT = "นายสมชาย ใจดี ผู้ตรวจราชการกระทรวง ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านหนองบัว"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("23 ก.ค.63", ["2020-07-23"]),
        ("วันที่ 5 พฤศจิกายน 2565", ["2022-11-05"]),
        ("๑๖ มีนาคม ๒๕๖๓", ["2020-03-16"]),
        ("17 – 19 มิถุนายน 2562", ["2019-06-17", "2019-06-18", "2019-06-19"]),
        ("30 ก.ย. - 2 ต.ค. 2563", ["2020-09-30", "2020-10-01", "2020-10-02"]),
        ("30 ธ.ค. 2563 - 1 ม.ค. 2564", ["2020-12-30", "2020-12-31", "2021-01-01"]),
        ("ระหว่างวันที่ 24-25 สิงหาคม 2563", ["2020-08-24", "2020-08-25"]),
        ("วันนี้ (7 เม.ย.66)", ["2023-04-07"]),
        ("วันนี้ ( 21 ก.ย.65 )", ["2022-09-21"]),
        ("วันเสาร์ที่ ๑๐ สิงหาคม ๒๕๖๒", ["2019-08-10"]),
        ("วันที่ 5 ธันวาคม พ.ศ. 2563", ["2020-12-05"]),
        ("วันที่ 5 ธันวาคม 2020", ["2020-12-05"]),
        ("วันที่ 5 ธ.ค. ๒๐๒๐", ["2020-12-05"]),
        ("วันที่ 8 และ 9 มกราคม 2564", ["2021-01-08", "2021-01-09"]),
        ("ระหว่างวันที่ 5-6 มีค. 67", ["2024-03-05", "2024-03-06"]),  # the inner dot left out
        ("วันที่ 2 กค.63", ["2020-07-02"]),
    ],
)
def test_date_forms(written, expected):
    assert dates(extract(f"{written} {VISIT}")) == expected


def test_day_without_year_takes_the_publication_year():
    ex = extract(f"เมื่อวันที่ 3 มีนาคม {VISIT}", published=dt.date(2024, 3, 5))
    assert dates(ex) == ["2024-03-03"]


def test_day_without_year_in_january_news_of_a_december_visit():
    ex = extract(f"วันที่ 30 ธ.ค. {VISIT}", published=dt.date(2024, 1, 2))
    assert dates(ex) == ["2023-12-30"]


def test_day_without_year_and_no_publication_date_is_left_out():
    assert dates(extract(f"เมื่อวันที่ 3 มีนาคม {VISIT}")) == []


@pytest.mark.parametrize("written", ["31 เม.ย. 2563", "30 ก.พ. 64", "29 กุมภาพันธ์ 2562"])
def test_impossible_dates_are_rejected_not_guessed(written):
    assert dates(extract(f"วันที่ {written} {VISIT}")) == []


def test_leap_day_is_a_date():
    assert dates(extract(f"วันที่ 29 กุมภาพันธ์ 2563 {VISIT}")) == ["2020-02-29"]


@pytest.mark.parametrize(
    "text",
    [
        f"{VISIT} ในการประชุมครั้งที่ 2/2567",
        f"{VISIT} โดยในปี 61 จะสร้างอีก 2-3 จุด",
        f"{VISIT} เวลา 10.00 น. ระยะทาง 15.425 กิโลเมตร งบประมาณ 935 ล้านบาท",
        f"{VISIT} หมู่ 6 ต.คลองใหม่",
        f"{VISIT} ในช่วงเดือนพฤศจิกายน 2563",
    ],
)
def test_numbers_that_are_not_dates_yield_no_date(text):
    assert dates(extract(text)) == []


def test_publication_stamps_are_not_the_visit_date():
    text = (
        "วันพฤหัสบดี ที่ 26 มกราคม พ.ศ. 2566 14:52 น.\n\n"
        "ลงวันที่ 09/03/2561\n"
        "วันที่ 22 มกราคม 2566 เวลา 10.40 น. " + VISIT
    )
    assert dates(extract(text)) == ["2023-01-22"]


def test_a_numeric_date_in_brackets_after_yesterday_dates_the_visit():
    """วานนี้ (10/10/2562) นายX…: a dd/mm/yyyy is a stamp on its own, but the opener of a lead
    (วันนี้ / วานนี้ in brackets) dates what the sentence reports (a minister's flood visit)."""
    text = f"วันศุกร์ที่ 11 ตุลาคม 2562\nรมต. ลงพื้นที่ตรวจเยี่ยมโรงเรียน\nวานนี้ (10/10/2562) {VISIT}"
    assert dates(extract(text)) == ["2019-10-10"]


def test_a_later_date_before_the_leads_day_is_recalled_not_visited():
    """วันนี้ (15 ส.ค. 62) … ลงพื้นที่…, then ซึ่งเมื่อวันที่ 10 สิงหาคม 2562 องคมนตรี… ได้มาประชุม…:
    days before the lead's, told after it, are what came before the visit (as a royal envoy's
    meeting at the same fire), not more days of it."""
    text = (
        "วันพฤหัสบดีที่ 15 สิงหาคม 2562\nมท.1 ลงพื้นที่ติดตามสถานการณ์ไฟไหม้ป่าพรุควนเคร็ง\n"
        f"วันนี้ (15 ส.ค. 62) เวลา 10.00 น. {VISIT} จังหวัดนครศรีธรรมราช\n"
        "ซึ่งเมื่อวันที่ 10 สิงหาคม 2562 พลเอกสมศักดิ์ ทองดี องคมนตรี ได้มาประชุมติดตามสถานการณ์"
        "ดับไฟไหม้ป่าพรุควนเคร็ง"
    )
    assert dates(extract(text)) == ["2019-08-15"]


def test_the_page_stamp_above_the_headline_is_not_the_visit_date():
    """The government's pages open with the publication day; a lead that gives no date of its
    own leaves the visit undated (tests/nlp/thaigov/GUIDE.md)."""
    text = f"วันจันทร์ที่ 14 มกราคม 2562\nรมว. ลงพื้นที่ตรวจเยี่ยมโรงเรียน\n{VISIT} จังหวัดน่าน"
    assert dates(extract(text)) == []


def test_a_date_on_a_line_of_its_own_below_the_headline_dates_the_visit():
    text = f"รมว. ลงพื้นที่ตรวจเยี่ยมโรงเรียน\nวันที่ 15 - 16 กรกฎาคม 2561\n{VISIT} จังหวัดน่าน"
    assert dates(extract(text)) == ["2018-07-15", "2018-07-16"]


def test_the_date_a_situation_is_reported_as_of_is_not_the_visit_date():
    text = f"{VISIT} อย่างไรก็ตาม จนถึงขณะนี้(4 มิ.ย.60)ภาพรวมปริมาณฝนที่ตกทั่วประเทศได้ลดลง"
    assert dates(extract(text)) == []


def test_an_as_of_date_typed_without_spaces_is_not_the_visit_date():
    """ณวันที่ is ณ วันที่ (as of) in a post typed without spaces: the day of the figures."""
    text = (
        f"{VISIT} จากนั้นรับฟังรายงานปริมาณน้ำระบาย23 ล้านลบ.ม.ต่อวัน(ณวันที่18 กค62) "
        "คาดการณ์ว่าจะเหลือน้ำใช้ได้อีก40 กว่าวัน"
    )
    assert dates(extract(text)) == []


def test_the_dates_of_the_meeting_the_visit_comes_before_are_not_the_visit():
    text = (
        f"วันนี้ (20 ม.ค. 63) {VISIT} ก่อนเข้าร่วมประชุมคณะรัฐมนตรีนอกสถานที่ (ครม.สัญจร) "
        "ระหว่างวันที่ 20-21 ม.ค. 2563 ที่จังหวัดนราธิวาส พร้อมทั้งเป็นประธานในพิธีปิดการอบรม"
    )
    assert dates(extract(text)) == ["2020-01-20"]


def test_an_event_months_before_the_lead_recalled_later_is_not_the_visit():
    text = (
        f"วันนี้ (27 ต.ค. 60) {VISIT} เพื่อหารือการป้องกันการค้ามนุษย์ "
        "ทั้งนี้ เมื่อวันที่ 5 มิถุนายน 2560 กระทรวงได้จัดงานวันต่อต้านการค้ามนุษย์ ประจำปี 2560 "
        "ณ ทำเนียบรัฐบาล"
    )
    assert dates(extract(text)) == ["2017-10-27"]


def test_a_later_meeting_is_not_the_visit():
    text = (
        f"วันที่ 3 ตุลาคม 2563 {VISIT} ทั้งนี้ มีกำหนดการประชุมติดตามผลอีกครั้งในวันที่ 15 ธันวาคม 2563 ที่กรุงเทพมหานคร"
    )
    ex = extract(text)
    assert dates(ex) == ["2020-10-03"]
    assert "กรุงเทพมหานคร" not in [f.value for f in ex.of("province")]


def test_a_planned_trip_is_not_the_visit():
    text = (
        f"วันที่ 12 กรกฎาคม 2567 {VISIT} อำเภอเกาะคา จังหวัดลำปาง ทั้งนี้ ผู้ตรวจราชการฯ "
        "มีกำหนดเดินทางไปตรวจราชการในพื้นที่จังหวัดพะเยา ระหว่างวันที่ 25-26 กรกฎาคม 2567 ต่อไป"
    )
    ex = extract(text)
    assert dates(ex) == ["2024-07-12"]
    assert [f.value for f in ex.of("province")] == ["ลำปาง"]


def test_a_fair_the_visited_group_prepares_for_is_not_the_visit():
    text = (
        f"วันศุกร์ที่ 6 ตุลาคม 2566 {VISIT} ซึ่งกลุ่มฯ เตรียมนำผลิตภัณฑ์ไปจัดแสดงในงานกาชาด "
        "ระหว่างวันที่ 17 – 26 พฤศจิกายน 2566 ณ สนามกีฬาศรีณรงค์"
    )
    ex = extract(text)
    assert dates(ex) == ["2023-10-06"]
    assert [f.value for f in ex.of("site")] == ["โรงเรียนบ้านหนองบัว"]


def test_a_workshop_run_around_the_officials_day_is_not_the_visit():
    """The days a workshop or a fair runs (ซึ่งจัดขึ้นระหว่างวันที่ 11-19 …) around the one day
    the post dates the officials there (วันนี้ (12 …)): that day is the visit's."""
    text = (
        f"วันนี้ (12 กุมภาพันธ์ 2563) {VISIT} และเป็นประธานเปิดการฝึกอบรมเชิงปฏิบัติการการจัดการ"
        "ขยะอิเล็กทรอนิกส์ ซึ่งจัดขึ้นระหว่างวันที่ 11-19 กุมภาพันธ์ 2563 ณ โรงแรมดิ เอมเมอรัลด์"
    )
    assert dates(extract(text)) == ["2020-02-12"]
    text = (
        "การอบรมครั้งนี้จัดขึ้นระหว่างวันที่ 18-20 สิงหาคม 2560 ณ อำเภอปากช่อง\n"
        f"เมื่อวันเสาร์ที่ 20 สิงหาคม 2560 {VISIT} และเป็นประธานมอบวุฒิบัตรแก่ผู้ผ่านการอบรม"
    )
    assert dates(extract(text)) == ["2017-08-20"]


def test_a_later_date_that_no_visit_word_follows_dates_something_else():
    text = (
        f"วันพุธที่ 17 กรกฎาคม 2567 {VISIT} ซึ่งการสำรวจในรอบนี้กำหนดเก็บรวบรวมข้อมูลระหว่างวันที่ "
        "1 – 20 กรกฎาคม 2567 ภายหลังการประชุมชี้แจงพนักงานสัมภาษณ์เมื่อวันที่ 28 มิถุนายน 2567 "
        "ทั้งนี้ ผู้อำนวยการฯ กล่าวขอบคุณ\n\nวันที่ 18 กรกฎาคม 2567 คณะได้เดินทางไปตรวจเยี่ยม"
        "ศูนย์ดิจิทัลชุมชนตำบลคำน้ำแซบ"
    )
    # the survey period and the earlier meeting are not visit days; the second day of the trip is
    assert dates(extract(text)) == ["2024-07-17", "2024-07-18"]


def test_an_anniversary_inside_a_name_is_not_a_date():
    text = f"{VISIT} ณ ศูนย์ราชการเฉลิมพระเกียรติ 80 พรรษา 5 ธันวาคม 2550"
    assert dates(extract(text)) == []


def test_a_day_commemorated_is_not_the_visit_date():
    """The date after the name of a royal birthday or an anniversary (เนื่องในโอกาสวันเฉลิม
    พระชนมพรรษา… 3 มิถุนายน, ครบรอบ 78 ปี 19 สิงหาคม) is the day honoured; a date the text
    says the event is held on (ในวันพฤหัสบดีที่ 5 …) is that event's."""
    text = (
        f"วันนี้ (27 พฤษภาคม 2563) {VISIT} จัดกิจกรรมจิตอาสา เนื่องในโอกาสวันเฉลิมพระชนมพรรษา"
        "สมเด็จพระนางเจ้าฯ พระบรมราชินี 3 มิถุนายน 2563 มอบถุงยังชีพให้แก่ชุมชนบ้านหนองบัว"
    )
    assert dates(extract(text)) == ["2020-05-27"]
    text = (
        f'{VISIT} และเป็นประธานเปิดงาน "วันคล้ายวันสถาปนาสำนักงานคณะกรรมการการอาชีวศึกษา '
        'ครบรอบ 78 ปี 19 สิงหาคม 2562" ณ สำนักงานคณะกรรมการการอาชีวศึกษา เมื่อเร็ว ๆ นี้'
    )
    assert dates(extract(text)) == []
    text = f"{VISIT} เพื่อร่วมงานเนื่องในโอกาสวันพ่อแห่งชาติ ในวันพฤหัสบดีที่ 5 ธันวาคม 2562 ณ โรงเรียนบ้านหนองบัว"
    assert dates(extract(text)) == ["2019-12-05"]


def test_a_date_months_before_the_page_is_history():
    """A founding, a law in force since July, last year's event: months before the page's own
    date, the background a post recalls; a date a year before to the week is the year typed
    one off (posts early in a year write last year's), and stays."""
    stamp = "วันพุธที่ 21 สิงหาคม 2562\n"
    text = (
        f"{stamp}{VISIT} เมื่อเร็ว ๆ นี้ โดยโรงเรียนบ้านหนองบัวจัดตั้งขึ้นเมื่อวันที่ 19 สิงหาคม 2484 "
        "ตามพระราชบัญญัติปรับปรุงกระทรวง ทบวง กรม"
    )
    assert dates(extract(text)) == []
    text = f"{stamp}{VISIT} ภายหลัง 1 พ.ค. 62 ที่บังคับใช้กฎหมายกับแรงงานต่างด้าว"
    assert dates(extract(text)) == []
    text = f"วันอังคารที่ 8 มกราคม 2562\nวันนี้ (8 มกราคม 2561) เวลา 14.40 น. {VISIT}"
    assert dates(extract(text)) == ["2018-01-08"]
    title = "พิธีเปิดอาคารเฉลิมพระเกียรติ 2 เมษายน 2558"
    text = f"วันจันทร์ที่ 25 ธันวาคม 2560\n{title}\n{VISIT} เมื่อวันศุกร์ที่ 22 ธันวาคม 2560"
    assert dates(extract(text, title)) == ["2017-12-22"]


def test_a_text_with_no_date_yields_none():
    assert extract(VISIT).of("date") == []


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("เมื่อวันอังคารที่ 14 และวันพุธที่ 15 พฤษภาคม 2567", ["2024-05-14", "2024-05-15"]),
        (
            "ระหว่างวันศุกร์ที่ 29 ถึงวันอาทิตย์ที่ 31 มีนาคม 2567",
            ["2024-03-29", "2024-03-30", "2024-03-31"],
        ),
        ("วันจันทร์ที่ 2 - วันอังคารที่ 3 ก.ย. 67", ["2024-09-02", "2024-09-03"]),
    ],
)
def test_a_trip_over_several_days_written_with_weekdays(written, expected):
    assert dates(extract(f"{written} {VISIT}")) == expected


def test_weekday_and_day_without_year_take_the_year_of_publication():
    text = f"เมื่อวันพฤหัสบดีที่ 4 และวันศุกร์ที่ 5 มกราคม {VISIT}"
    ex = extract(text, published=dt.date(2024, 1, 8))
    assert dates(ex) == ["2024-01-04", "2024-01-05"]


def test_a_date_after_the_page_is_a_plan_not_the_visit():
    """A release that invites to a talk two days after its page (corpus post 4769: กอช. ชวนฟัง
    เสวนา … ในวันที่ 28 มิ.ย.2560 on a page of 26 June) dates no visit: a page cannot report
    what had not happened yet. The day of the page itself is still a visit's."""
    stamp = "วันจันทร์ที่ 26 มิถุนายน 2560\n"
    text = f"{stamp}{VISIT} ในวันที่ 28 มิ.ย.2560 เวลา 08.30 น."
    assert dates(extract(text)) == []
    text = f"{stamp}วันนี้ (26 มิ.ย. 60) {VISIT}"
    assert dates(extract(text)) == ["2017-06-26"]
