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


@pytest.mark.parametrize(
    ("text", "visited"),
    [
        (
            "วันที่ 12 ก.ค. 2567 นายธวัชชัย ศรีเมือง รองปลัดกระทรวง เป็นประธานเปิดงานมหกรรมสินค้าชุมชน "
            "ณ ศาลากลางจังหวัดนครสวรรค์ โดยมีผู้ประกอบการจากจังหวัดอุทัยธานี ชัยนาท และพิจิตร ร่วมออกร้าน",
            ["นครสวรรค์"],
        ),
        (
            "วันที่ 3 ส.ค. 2567 คณะผู้ตรวจราชการลงพื้นที่จังหวัดบุรีรัมย์ ซึ่งมีเกษตรกรที่เดินทางมาจาก"
            "จังหวัดสุรินทร์และจังหวัดศรีสะเกษกว่า 300 คน เข้าร่วมรับฟัง",
            ["บุรีรัมย์"],
        ),
        (
            "วันที่ 3 ส.ค. 2567 จัดอบรมผู้นำชุมชนจาก 4 จังหวัด ได้แก่ จังหวัดลำพูน ลำปาง แพร่ และน่าน "
            "ณ โรงแรมในจังหวัดเชียงใหม่",
            ["เชียงใหม่"],
        ),
        (
            "วันที่ 3 ส.ค. 2567 สถิติจังหวัดเปิดการอบรม ณ ศาลากลางจังหวัดยโสธร โดยมีผู้เข้าอบรม"
            "จากหน่วยงานราชการในจังหวัดอำนาจเจริญ และมุกดาหาร รวม 45 คน",
            ["ยโสธร"],
        ),
        (  # "จากนั้น" (then) is not "from"
            "วันที่ 3 ส.ค. 2567 ผู้ตรวจราชการประชุม ณ จังหวัดเลย จากนั้นลงพื้นที่ในจังหวัดหนองบัวลำภู",
            ["เลย", "หนองบัวลำภู"],
        ),
        (  # "นอกจาก" (besides) is not "from"
            "วันที่ 3 ส.ค. 2567 นอกจากจังหวัดตรังแล้ว ผู้ตรวจราชการยังลงพื้นที่จังหวัดสตูลด้วย",
            ["ตรัง", "สตูล"],
        ),
    ],
)
def test_where_participants_come_from_is_not_where_the_visit_is(text, visited):
    assert values(extract(text), "province") == visited


def test_participants_from_a_district_are_not_a_visited_district():
    text = (
        "วันที่ 3 ส.ค. 2567 ลงพื้นที่ ณ อำเภอแม่สาย จังหวัดเชียงราย โดยมีตัวแทนจากอำเภอเชียงแสน "
        "และอำเภอเชียงของ เข้าร่วม"
    )
    assert values(extract(text), "district") == ["แม่สาย"]


@pytest.mark.parametrize(
    "written",
    [
        "ลงพื้นที่ตรวจราชการจังหวัดมุกดาหารและจังหวัดนครพนม",
        "ตรวจราชการ จ.มุกดาหาร และ จ.นครพนม",
        "ลงพื้นที่จังหวัดมุกดาหารและนครพนม",
    ],
)
def test_a_visit_across_two_provinces(written):
    text = f"วันที่ 19 มิ.ย. 2567 นางสาวเยาวลักษณ์ ชัยมงคล ผู้ตรวจราชการกระทรวง {written} เพื่อติดตามงาน"
    assert values(extract(text), "province") == ["มุกดาหาร", "นครพนม"]


def test_an_inspectors_title_still_hides_its_province():
    text = "วันที่ 19 มิ.ย. 2567 ผู้ตรวจราชการจังหวัดเลยได้มอบหมายให้ลงพื้นที่จังหวัดหนองคาย"
    assert values(extract(text), "province") == ["หนองคาย"]


def test_a_province_at_the_end_of_a_long_office_name_is_not_visited():
    text = (
        "วันที่ 2 ต.ค. 2567 นายสมชาย ใจดี ผู้ตรวจราชการกระทรวง พร้อมด้วยเจ้าหน้าที่สำนักงานดิจิทัล"
        "เพื่อเศรษฐกิจและสังคมจังหวัดอุตรดิตถ์ ลงพื้นที่ตำบลบ้านกร่าง อำเภอเมืองพิษณุโลก จังหวัดพิษณุโลก"
    )
    assert values(extract(text), "province") == ["พิษณุโลก"]


@pytest.mark.parametrize(
    ("tail", "province"),
    [
        ("ตรวจเยี่ยมโรงเรียนบ้านสันป่าฝ้าย อำเภอเมืองลำพูน", "ลำพูน"),
        ("ติดตามการติดตั้งกล้อง CCTV ในเขตลาดกระบัง", "กรุงเทพมหานคร"),
        ("ต.ด่านแม่ละเมา เพื่อรับฟังปัญหาสัญญาณโทรศัพท์", "ตาก"),
    ],
)
def test_a_post_that_names_only_districts_is_about_their_province(tail, province):
    (fact,) = extract(f"{LEAD} {tail}").of("province")
    assert (fact.value, fact.rule) == (province, "inferred-from-district")


def test_a_province_inferred_for_a_governor_visiting_districts_of_his_own():
    text = (
        "วันที่ 5 มีนาคม 2566 นายไมตรี ไตรติลานันท์ ผู้ว่าราชการจังหวัดสุโขทัย ลงพื้นที่อำเภอศรีสำโรง และอำเภอสวรรคโลก"
    )
    assert values(extract(text), "province") == ["สุโขทัย"]


def test_no_province_is_inferred_when_the_post_writes_one():
    ex = extract(f"{LEAD}จังหวัดตาก ตรวจเยี่ยมศูนย์ดิจิทัลชุมชน อำเภอแม่สอด และอำเภอเมืองลำพูน")
    assert [(f.value, f.rule) for f in ex.of("province")] == [("ตาก", "province")]


def test_provinces_in_what_an_official_said_are_not_visited():
    text = (
        f"{LEAD}จังหวัดแม่ฮ่องสอน เพื่อติดตามการใช้งานอินเทอร์เน็ตในโรงเรียน รมว.ดีอี กล่าวว่า "
        "“พื้นที่สูงไม่ว่าจะเป็นที่นี่ หรือที่เชียงใหม่ ตาก และน่าน ยังมีหมู่บ้านที่สัญญาณเข้าไม่ถึง”"
    )
    assert values(extract(text), "province") == ["แม่ฮ่องสอน"]


def test_a_province_named_only_in_a_quote_is_still_the_posts():
    text = (
        "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี ผู้ตรวจราชการกระทรวง ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านหนองบัว "
        "โดยกล่าวว่า “ยินดีที่ได้มาเยี่ยมจังหวัดน่านในครั้งนี้”"
    )
    assert values(extract(text), "province") == ["น่าน"]


def test_a_misspelt_district_must_lie_in_the_province_written_after_it():
    # t137: บ้านหม้อ is one edit from บ้านหมอ (Saraburi), but the text writes อุตรดิตถ์
    ex = extract(f"{LEAD} อำเภอบ้านหม้อ จ.อุตรดิตถ์ เป็นจุดนำร่องของโครงการ")
    assert "บ้านหมอ" not in values(ex, "district")
    assert values(ex, "province") == ["อุตรดิตถ์"]


def test_a_misspelt_district_in_its_province_is_kept():
    ex = extract(f"{LEAD} อำเภอบ้านหม้อ จังหวัดสระบุรี เพื่อติดตามงาน")
    assert values(ex, "district") == ["บ้านหมอ"]


def test_a_subdistrict_named_like_a_function_word_needs_its_chain():
    # corpus post 22099: "ตำบลและหมู่บ้าน" is "subdistricts and villages", not ตำบลและ of Nan
    ex = extract(f"{LEAD} มอบรางวัลกำนันผู้ใหญ่บ้าน ผู้บำบัดทุกข์ให้แก่พี่น้องประชาชนในระดับตำบลและหมู่บ้าน")
    assert values(ex, "subdistrict") == []
    ex = extract(f"{LEAD} ตำบลและ อำเภอทุ่งช้าง จังหวัดน่าน เพื่อติดตามงาน")
    assert values(ex, "subdistrict") == ["และ"]


@pytest.mark.parametrize(
    "text",
    [
        # a road, a hospital, a company: the short name glued inside a longer one (corpus posts
        # 24092, 8045, 17529)
        f"{LEAD}ตรวจเยี่ยม ณ อาคารอุดมศึกษา 1 (ถนนศรีอยุธยา) เพื่อติดตามงาน",
        f"{LEAD}ตรวจเยี่ยม ณ โรงพยาบาลกรุงเทพ เพื่อติดตามงาน",
        f"{LEAD}ร่วมกับบริษัท บริหารสินทรัพย์กรุงเทพพาณิชย์ จำกัด (มหาชน)",
    ],
)
def test_a_province_alias_inside_a_longer_name_is_no_place(text):
    assert values(extract(text), "province") == []


@pytest.mark.parametrize(
    "text",
    [
        f"{LEAD}ตรวจเยี่ยมร้านค้าในกรุงเทพฯ เพื่อติดตามงาน",
        f"{LEAD}ตรวจเยี่ยม ณ โรงแรมดุสิตธานี กรุงเทพฯ เพื่อติดตามงาน",
        f"{LEAD}ประชุมระหว่างวันที่ 9 - 10 ตุลาคม 2559 ที่กรุงเทพฯด้วย",
    ],
)
def test_a_province_alias_after_a_locative_or_a_venue_is_a_place(text):
    assert values(extract(text), "province") == ["กรุงเทพมหานคร"]


def test_a_chain_typed_without_spaces_is_read_link_by_link():
    """A post typed without spaces (dev t121: ลงพื้นที่…ในเขื่อนณเขื่อนภูมิพลต.บ้านนาอ.สามเงาจ.ตาก):
    each short form glued to the word before it is a link of the chain the gazetteer agrees
    with. A short form glued into an abbreviation with no such chain stays out (อบต.…)."""
    ex = extract(f"{LEAD}ติดตามสถานการณ์น้ำในเขื่อนณเขื่อนภูมิพลต.บ้านนาอ.สามเงาจ.ตากและเขื่อนอื่น")
    assert values(ex, "subdistrict") == ["บ้านนา"]
    assert values(ex, "district") == ["สามเงา"]
    assert values(ex, "province") == ["ตาก"]
    ex = extract(f"{LEAD} ประชุมร่วมกับ ผวจ.ตาก และ นายก อบต.บ้านนา")
    assert values(ex, "province") == [] and values(ex, "subdistrict") == []


@pytest.mark.parametrize(
    "listing",
    [  # kinds seen in thaigov posts: a network's shelters, water sources, examples
        "กระทรวงมีสถานคุ้มครองสวัสดิภาพ จำนวน 8 แห่ง ทั่วประเทศ ได้แก่ สถานคุ้มครองสวัสดิภาพ"
        "ผู้เสียหาย จากการค้ามนุษย์ จังหวัดเชียงราย นครราชสีมา สงขลา และระนอง",
        "ในส่วนการแก้ไขปัญหาการบริหารจัดการแหล่งน้ำ ได้แก่ บึงสีไฟ จังหวัดพิจิตร และบึงบอระเพ็ด"
        " จังหวัดนครสวรรค์ ซึ่งเป็นทะเลสาบขนาดใหญ่",
        "มีหลายพื้นที่นำโมเดลไปใช้ เช่นวิทยาลัยเทคนิคสิชล  จังหวัดนครศรีธรรมราช  วิทยาลัยเทคนิคพังงา จังหวัดพังงา เป็นต้น",
    ],
)
def test_things_listed_each_with_its_province_are_not_places_visited(listing):
    text = f"{LEAD}จังหวัดนนทบุรี เพื่อตรวจเยี่ยมสถานคุ้มครองฯ\n{listing}"
    assert values(extract(text), "province") == ["นนทบุรี"]


@pytest.mark.parametrize(
    ("text", "visited"),
    [
        (  # the field word leads the list: the itinerary
            f"{LEAD}ตรวจเยี่ยม 2 แห่ง ได้แก่ โรงเรียนบ้านนา จังหวัดตาก และโรงเรียนบ้านไร่ จังหวัดลำปาง",
            ["ตาก", "ลำปาง"],
        ),
        (  # what follows the count is the venue after ณ, not a thing's name
            "วันที่ 27 ก.ย. 2562 รองปลัดกระทรวงร่วมงานแสดงสินค้า OTOP 6 จังหวัด ภาคเหนือ ณ ห้องสักทอง"
            " อุทยานหลวงราชพฤกษ์ เชียงใหม่ อำเภอเมือง จังหวัดเชียงใหม่",
            ["เชียงใหม่"],
        ),
    ],
)
def test_a_list_of_things_that_is_the_visit_keeps_its_places(text, visited):
    assert values(extract(text), "province") == visited


def test_an_inspection_zones_name_does_not_lead_a_list_of_its_provinces():
    text = (
        f"{LEAD}จังหวัดนครสวรรค์ เพื่อมอบนโยบาย\nโดยมอบแนวทางแก่หัวหน้าส่วนราชการของเขตตรวจราชการที่ 18"
        " ทั้ง 4 จังหวัด ประกอบด้วย จังหวัดนครสวรรค์ กำแพงเพชร พิจิตร และอุทัยธานี"
    )
    assert values(extract(text), "province") == ["นครสวรรค์"]


def test_a_district_followed_by_the_counts_of_its_areas_is_a_statistics_row():
    text = (
        f"{LEAD}อำเภอเมืองเพชรบุรี เพื่อติดตามสถานการณ์อุทกภัย\nจังหวัดประกาศเขตการให้ความช่วยเหลือ"
        "ผู้ประสบภัยแล้ว 2 อำเภอ ประกอบด้วย อำเภอท่ายาง 2 ตำบล 17 หมู่บ้าน และ อำเภอแก่งกระจาน 3 ตำบล 10 หมู่บ้าน"
    )
    assert values(extract(text), "district") == ["เมืองเพชรบุรี"]


def test_an_area_count_alone_after_a_province_is_its_chain():
    text = f"{LEAD}จังหวัดน่าน 3 อำเภอ เพื่อติดตามการแก้ปัญหาหมอกควัน"
    assert values(extract(text), "province") == ["น่าน"]


def test_four_districts_in_a_row_that_no_field_word_leads_are_a_list():
    text = (
        f"{LEAD}จังหวัดบึงกาฬ เพื่อมอบเอกสารสิทธิ์ ส.ป.ก.\nต่อมามีพระราชบัญญัติจัดตั้งจังหวัดบึงกาฬ โดยให้แยก"
        "อำเภอเซกา อำเภอโซ่พิสัย อำเภอบุ่งคล้า และอำเภอพรเจริญ ออกจากเขตการปกครองเดิม"
    )
    assert values(extract(text), "district") == []


def test_four_districts_a_field_word_leads_are_the_itinerary():
    text = f"{LEAD}อำเภอเซกา อำเภอโซ่พิสัย อำเภอบุ่งคล้า และอำเภอพรเจริญ จังหวัดบึงกาฬ"
    assert values(extract(text), "district") == ["เซกา", "โซ่พิสัย", "บุ่งคล้า", "พรเจริญ"]


def test_a_long_itinerary_after_a_long_lead_and_a_first_stop_stays_the_visit():
    text = (
        f"{LEAD}จังหวัดชัยนาท เพื่อเยี่ยมให้กำลังใจเจ้าหน้าที่ผู้ปฏิบัติงานในช่วงเทศกาลสงกรานต์ "
        "และจุดบริการประชาชนตามเส้นทางสายหลัก จังหวัดสิงห์บุรี อ่างทอง ลพบุรี และสระบุรี"
    )
    assert values(extract(text), "province") == ["ชัยนาท", "สิงห์บุรี", "อ่างทอง", "ลพบุรี", "สระบุรี"]
