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


@pytest.mark.parametrize(
    ("tail", "site"),
    [
        # a verb or an adverb glued to the name goes on with the sentence
        ("โรงเรียนระยองวิทยาคมก่อตั้งเมื่อ พ.ศ. 2442", "โรงเรียนระยองวิทยาคม"),
        ("วัดป่าสันติธรรมตั้งอยู่บนเนินเขา", "วัดป่าสันติธรรม"),
        ("อุทยานแห่งชาติถ้ำหลวง-ขุนน้ำนางนอนขึ้น", "อุทยานแห่งชาติถ้ำหลวง-ขุนน้ำนางนอน"),
        ("ศูนย์การเรียนรู้คนพิการบ้านหนองด้วยความห่วงใย", "ศูนย์การเรียนรู้คนพิการบ้านหนอง"),
        # a number that belongs to the name
        ("สำนักจัดการทรัพยากรป่าไม้ที่ 7 (ขอนแก่น) อำเภอเมือง", "สำนักจัดการทรัพยากรป่าไม้ที่ 7 (ขอนแก่น)"),
        ("ศูนย์ส่งเสริมอุตสาหกรรม ภาคที่ 1 จังหวัดเชียงใหม่", "ศูนย์ส่งเสริมอุตสาหกรรม ภาคที่ 1"),
        ("โรงพยาบาลยี่งอเฉลิมพระเกียรติ 80 พรรษา โดยมีนายแพทย์", "โรงพยาบาลยี่งอเฉลิมพระเกียรติ 80 พรรษา"),
        # an ordinal after a space or แห่ง (v005, v055 of set v), and the seat after it: the
        # district an office serves, the camp a unit is in
        ("ณ สำนักงานพัฒนาฝีมือแรงงานแห่งที่ 2 แม่สอด เมื่อวันที่ 17", "สำนักงานพัฒนาฝีมือแรงงานแห่งที่ 2 แม่สอด"),
        (
            "ศูนย์พักพิงมณฑลทหารบก ที่ 22 ค่ายสรรพสิทธิประสงค์ ต.แสนสุข",
            "ศูนย์พักพิงมณฑลทหารบก ที่ 22 ค่ายสรรพสิทธิประสงค์",
        ),
        ("ณ โรงเรียนราชประชานุเคราะห์ ที่ 31 จังหวัดพังงา", "โรงเรียนราชประชานุเคราะห์ ที่ 31"),
        ("ท่าเรือหมายเลข 23 อ.พระประแดง", "ท่าเรือหมายเลข 23"),  # a number word, then the number
        # a noun that starts with ที่ inside the name (v042): land, not a relative clause
        ("ณ สถานีพัฒนาที่ดินสระแก้ว อำเภอเมือง", "สถานีพัฒนาที่ดินสระแก้ว"),
        # a brand name of several words
        ("ณ โรงแรมมิราเคิล แกรนด์ คอนเวนชั่น กรุงเทพมหานคร", "โรงแรมมิราเคิล แกรนด์ คอนเวนชั่น"),
        ("ณ โรงแรมปริ๊นซ์ พาเลซ กรุงเทพมหานคร", "โรงแรมปริ๊นซ์ พาเลซ"),
        ("ณ โรงแรม Crowne Plaza กรุงเวียงจันทน์", "โรงแรม Crowne Plaza"),
        ("งานแสดงสินค้า ณ อิมแพค เมืองทองธานี ด้วยเทคโนโลยี", "อิมแพค เมืองทองธานี"),
    ],
)
def test_a_site_name_ends_where_the_name_ends(tail, site):
    assert site_names(f"{LEAD}{tail}") == [site]


@pytest.mark.parametrize(
    ("tail", "site"),
    [
        ("ณ มูลนิธิเครือข่ายส่งเสริมคุณภาพชีวิตแรงงาน ตำบลบางหญ้าแพรก", "มูลนิธิเครือข่ายส่งเสริมคุณภาพชีวิตแรงงาน"),
        ("นิคมอุตสาหกรรมบางปู จ.สมุทรปราการ", "นิคมอุตสาหกรรมบางปู"),
        ("สำนักบริหารการทะเบียน ตำบลคลองเก้า", "สำนักบริหารการทะเบียน"),
        ("ณ หมู่บ้านผาบ่อง อำเภอเมือง", "หมู่บ้านผาบ่อง"),
        ("สถาบันวิจัยแสงซินโครตรอน อำเภอเมือง", "สถาบันวิจัยแสงซินโครตรอน"),
    ],
)
def test_foundations_estates_bureaus_villages_institutes(tail, site):
    assert site_names(f"{LEAD}{tail}") == [site]


def test_a_kind_of_village_is_no_site_and_a_village_is_named_once():
    text = (
        f"{LEAD}กิจกรรมของหมู่บ้านรางวัลพระราชทานหมู่บ้านเศรษฐกิจพอเพียง “อยู่เย็น เป็นสุข” "
        "บ้านคลองวัว ณ หมู่ที่ 5 หมู่บ้านคลองวัว ตำบลเหมืองใหม่"
    )
    assert site_names(text) == ["บ้านคลองวัว"]


@pytest.mark.parametrize(
    "tail",
    [
        "สถาบันอุดมศึกษาหลายแห่งในจังหวัด",  # many of a kind
        "โรงเรียนใดที่พร้อมเปิดเรียน",  # any of a kind
        "โรงเรียน ICU ของจังหวัด",  # a Latin word after a school is no brand name
    ],
)
def test_a_kind_of_place_written_with_a_quantity_is_no_site(tail):
    assert site_names(f"{LEAD}{tail}") == []


def test_a_patient_s_condition_is_not_part_of_the_hospital_s_name():
    text = f"{LEAD}ผู้ป่วยที่รักษาตัวอยู่ที่โรงพยาบาลราชวิถีอาการดีขึ้นมากแล้ว"
    assert site_names(text) == ["โรงพยาบาลราชวิถี"]


@pytest.mark.parametrize(
    "tail",
    [
        "และมอบกิตติกรรมประกาศให้กับโรงพยาบาลที่ประกาศนโยบาย 2P Safety จำนวน 208 แห่ง",  # which ones
        "ซึ่งในเบื้องต้นได้ร่วมกับวิทยาลัยการอาชีพหลังสวนทำการซ่อมแซมอาคาร",  # a partner
        "โดยกรมอุทยานแห่งชาติสัตว์ป่าและพันธุ์พืช ขอยืนยันว่า",  # inside a department's name
        "ณ องค์การพิพิธภัณฑ์วิทยาศาสตร์แห่งชาติ (อพวช.)",  # an organisation's name
    ],
)
def test_partners_organisations_and_relative_clauses_are_no_sites(tail):
    assert site_names(f"{LEAD}ศูนย์ดิจิทัลชุมชนบ้านห้วยปลาหลด {tail}") == ["ศูนย์ดิจิทัลชุมชนบ้านห้วยปลาหลด"]


def test_a_temple_word_inside_a_village_s_name_is_the_village():
    text = f"{LEAD} และชมจุดก่อสร้างระบบเติมน้ำ ที่บ้านคลองวัดไร่เหนือ ตำบลบางระกำ"
    assert site_names(text) == ["บ้านคลองวัดไร่เหนือ"]


def test_a_noun_with_thi_after_the_type_word_is_the_name():
    text = f"{LEAD} ห้องปฏิบัติการระบบโครงข่าย ณ สำนักงานที่ดินจังหวัดนครสวรรค์ ซึ่งกรมที่ดิน"
    assert site_names(text) == ["สำนักงานที่ดินจังหวัดนครสวรรค์"]


def test_a_department_after_na_is_a_site():
    assert site_names(f"{LEAD} ณ กรมราชทัณฑ์ เพื่อติดตามการดำเนินงาน") == ["กรมราชทัณฑ์"]


def test_the_department_that_hosts_a_named_centre_is_no_site():
    text = (
        f"{LEAD}และติดตามการเพิ่มประสิทธิภาพการทำงานของศูนย์ปฏิบัติการเฝ้าระวังการทำการประมง "
        "(FMC) ณ กรมประมง ถนนพหลโยธิน กรุงเทพ"
    )
    assert site_names(text) == ["ศูนย์ปฏิบัติการเฝ้าระวังการทำการประมง (FMC)"]


def test_a_hall_with_its_university_is_one_site():
    text = f"{LEAD} ณ ศูนย์ประชุมอเนกประสงค์กาญจนาภิเษก มหาวิทยาลัยขอนแก่น พลเอก ประยุทธ์"
    assert site_names(text) == ["ศูนย์ประชุมอเนกประสงค์กาญจนาภิเษก มหาวิทยาลัยขอนแก่น"]


def test_sites_of_other_kinds_listed_with_spaces_stay_apart():
    text = f"{LEAD} สถาบันการศึกษา ได้แก่ มหาวิทยาลัยราชภัฏกำแพงเพชร วิทยาลัยเกษตรและเทคโนโลยีกำแพงเพชร"
    assert site_names(text) == [
        "มหาวิทยาลัยราชภัฏกำแพงเพชร",
        "วิทยาลัยเกษตรและเทคโนโลยีกำแพงเพชร",
    ]


def test_one_site_written_in_full_and_in_short_is_one_site():
    text = (
        f"{LEAD}มูลนิธิเครือข่ายส่งเสริมคุณภาพชีวิตแรงงาน ต่อมาเวลา 07.30 น. ณ "
        "มูลนิธิเครือข่ายส่งเสริมคุณภาพชีวิตแรงงาน (LPN) ตำบลบางหญ้าแพรก และพบปะกับ"
        "กลุ่มวิสาหกิจชุมชนบ้านหนองกุ้ง ณ วิสาหกิจชุมชนบ้านหนองกุ้ง หมู่ 3"
    )
    assert site_names(text) == [
        "มูลนิธิเครือข่ายส่งเสริมคุณภาพชีวิตแรงงาน (LPN)",
        "กลุ่มวิสาหกิจชุมชนบ้านหนองกุ้ง",
    ]


def test_a_count_glued_after_a_university_is_not_its_name():
    text = f"{LEAD}มหาวิทยาลัยเชียงใหม่จำนวน 100 ล้านบาท"
    assert site_names(text) == ["มหาวิทยาลัยเชียงใหม่"]


def test_a_village_or_a_kitchen_after_na_is_a_site_of_its_own():
    text = f"{LEAD}สถานฝึกอาชีพทัณฑสถานหญิงกลาง ณ ครัวชวนชม โดยมี อธิบดีกรมราชทัณฑ์"
    assert site_names(text) == ["สถานฝึกอาชีพทัณฑสถานหญิงกลาง", "ครัวชวนชม"]


def test_a_council_with_the_building_and_campus_it_is_in_is_one_site():
    text = (
        f"{LEAD} ร่วมเป็นเกียรติ ณ สภาอุตสาหกรรมแห่งประเทศไทย อาคารปฏิบัติการเทคโนโลยีเชิงสร้างสรรค์ "
        "มหาวิทยาลัยเทคโนโลยีราชมงคลกรุงเทพ"
    )
    assert site_names(text) == ["สภาอุตสาหกรรมแห่งประเทศไทย"]


def test_the_condition_of_a_place_is_no_council():
    assert site_names(f"{LEAD}สภาพความเสียหายของถนน") == []


def test_a_bureau_with_its_department_is_one_site():
    text = f"{LEAD}สำนักบริหารการทะเบียน กรมการปกครอง ตำบลคลองเก้า อำเภอลำลูกกา"
    assert site_names(text) == ["สำนักบริหารการทะเบียน กรมการปกครอง"]


def test_a_name_cut_short_with_paiyannoi_is_the_site_named_in_full():
    text = (
        f"{LEAD}โรงพยาบาลยี่งอเฉลิมพระเกียรติ 80 พรรษา โดยมีนายแพทย์มรุต "
        "กล่าวว่า ปัจจุบัน โรงพยาบาลยี่งอฯ เป็นโรงพยาบาลขนาด 30 เตียง"
    )
    assert site_names(text) == ["โรงพยาบาลยี่งอเฉลิมพระเกียรติ 80 พรรษา"]


def test_juvenile_training_centres_keep_their_whole_names():
    text = (
        f"{LEAD} บรรยายแก่เด็กและเยาวชน ศูนย์ฝึกและอบรมเด็กและเยาวชนชายบ้านมุทิตา "
        "และเด็กและเยาวชน ในศูนย์ฝึกและอบรมเด็กและเยาวชนสิรินธร อำเภอพุทธมณฑล"
    )
    assert site_names(text) == [
        "ศูนย์ฝึกและอบรมเด็กและเยาวชนชายบ้านมุทิตา",
        "ศูนย์ฝึกและอบรมเด็กและเยาวชนสิรินธร",
    ]


def test_the_places_that_receive_aid_or_belong_to_a_network_are_no_sites():
    text = (
        f"{LEAD}โรงพยาบาลรามาธิบดี นอกจากนี้ยังได้สนับสนุนโรงพยาบาลและหน่วยงานอีก 4 แห่งประกอบด้วย "
        "ศิริราชมูลนิธิ โรงพยาบาลจุฬาลงกรณ์สภากาชาดไทย และสถาบันบำราศนราดูร แห่งละ 1,000,000 บาท "
        "โดยมีกลุ่มเครือข่ายที่สำคัญ ได้แก่ สหกรณ์เกษตรอินทรีย์ มหาวิทยาลัยอุบลราชธานี"
    )
    assert site_names(text) == ["โรงพยาบาลรามาธิบดี"]


def test_a_list_of_places_visited_is_kept():
    text = f"{LEAD} 3 แห่ง ได้แก่ โรงเรียนบ้านหนองบัว โรงพยาบาลสต๊อก และวัดป่าสันติ เพื่อมอบสิ่งของ"
    assert site_names(text) == ["โรงเรียนบ้านหนองบัว", "โรงพยาบาลสต๊อก", "วัดป่าสันติ"]


@pytest.mark.parametrize(
    "tail",
    [
        "โรงเรียนเหล่านี้ได้รับงบประมาณ",  # these schools
        "โรงเรียนบางแห่งอาศัยสมาคมผู้ปกครอง",  # some schools
        "โรงเรียนขาดแคลนครู",  # schools lacking teachers
        "มหาวิทยาลัยพยายามสอดแทรกแนวคิด",  # a verb
        "โรงเรียนเป้าหมาย 20 โรง",  # target schools
        "วัดอุณหภูมิผู้โดยสาร",  # to measure, not a temple
    ],
)
def test_kinds_of_place_and_verbs_after_a_type_word_are_no_sites(tail):
    assert site_names(f"{LEAD}{tail}") == []


def test_a_long_official_name_is_kept_whole():
    text = (
        f"{LEAD}ศูนย์ประสานงานการผลิตและพัฒนากำลังคนอาชีวศึกษาเขตพัฒนาพิเศษภาคตะวันออก (ศูนย์ย่อย) โดยมีผู้อำนวยการ"
    )
    assert site_names(text) == [
        "ศูนย์ประสานงานการผลิตและพัฒนากำลังคนอาชีวศึกษาเขตพัฒนาพิเศษภาคตะวันออก (ศูนย์ย่อย)"
    ]
